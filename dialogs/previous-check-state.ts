import type { Facts } from '../knowledge';
import type { CheckedGroup } from './last-check';
import type { CheckState } from './support-check-dialog';

/**
 * Reads a check in progress from a root dialog frame saved by the release before the check became
 * one frame: main → supportCheck (a component dialog) → [supportCheckLoop (a waterfall, waiting in
 * its ask step), factPrompt (holding its question cards)]. Conversations saved then go on where they
 * were; the cards are not kept (the same cards are drawn again from the facts). Undefined when the
 * frame holds no such check, or one that does not read as expected (the message is then taken as a
 * new one, as after a restart).
 */
export function previousReleaseCheckState(frame: unknown): CheckState | undefined {
  const [check] = innerStack(frame);
  if (innerStack(frame).length !== 1 || check?.id !== 'supportCheck') return undefined;
  const stack = innerStack(check.state);
  const [loop, prompt] = stack;
  if (stack.length !== 2 || loop?.id !== 'supportCheckLoop' || prompt?.id !== 'factPrompt') return undefined;
  const values = field(loop.state, 'values');
  const validations = field(field(prompt.state, 'options'), 'validations');
  const groups = field(values, 'groups');
  const answered = field(values, 'answered');
  const askedFor = field(values, 'askedFor');
  const dimension = field(values, 'dimension');
  const known = field(validations, 'known');
  if (!Array.isArray(groups) || !groups.every(isGroup) || groups.length === 0) return undefined;
  if (!isStringArray(answered) || !Array.isArray(askedFor) || !askedFor.every((i) => Number.isInteger(i)) || typeof dimension !== 'string' || !isFacts(known)) return undefined;
  // The question showed the facts of the first group still undecided; the prompt kept a copy of them.
  const open = groups.findIndex((group) => sameFacts(group.facts, known));
  if (open < 0) return undefined;
  return { groups, answered, dimension, open, askedFor: askedFor as number[] };
}

interface Frame {
  id?: unknown;
  state?: unknown;
}

function field(value: unknown, name: string): unknown {
  return value && typeof value === 'object' ? (value as Record<string, unknown>)[name] : undefined;
}

/** The dialog stack of a component dialog's frame state. */
function innerStack(state: unknown): Frame[] {
  const stack = field(field(state, 'dialogs'), 'dialogStack');
  return Array.isArray(stack) ? (stack as Frame[]) : [];
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

function isFacts(value: unknown): value is Facts {
  return !!value && typeof value === 'object' && !Array.isArray(value) && Object.values(value).every((v) => typeof v === 'string');
}

function isGroup(value: unknown): value is CheckedGroup {
  return isFacts(field(value, 'facts')) && Array.isArray(field(value, 'setAside'));
}

function sameFacts(a: Facts, b: Facts): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}
