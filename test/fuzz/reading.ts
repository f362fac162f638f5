import { strict as assert } from 'node:assert';
import type { Activity } from 'botbuilder';
import { cardElements } from '../support/card-elements';
import { OPEN_FACT, SEVERAL_VALUES, stepWithOpen, VERDICT_LABELS, type CheckStep, type Facts, type KnowledgeBase } from '../../knowledge';
import { savedHosts } from '../../knowledge/reading/named-hosts';

type Node = Record<string, unknown>;

/** Text a channel interprets as Markdown or HTML: message text, summary, TextBlocks, facts, button titles. */
export function interpretedTexts(reply: Partial<Activity>): string[] {
  const texts = [reply.text, reply.summary].filter((t): t is string => typeof t === 'string');
  for (const node of cardElements(reply)) {
    if (node.type === 'TextBlock' && typeof node.text === 'string') texts.push(node.text);
    if (typeof node.title === 'string') texts.push(node.title);
    if (node.type === 'FactSet') for (const fact of node.facts as Array<{ title: string; value: string }>) texts.push(fact.title, fact.value);
  }
  return texts;
}

/** The buttons of a reply's cards with the data they submit. */
export function buttons(reply: Partial<Activity>): Array<{ title: string; data: Node }> {
  return cardElements(reply)
    .filter((node) => node.type === 'Action.Submit')
    .map((node) => ({ title: String(node.title), data: (node.data ?? {}) as Node }));
}

/** A guided-check question card: which dimension it asks, whether it is the retry, and the facts it shows as known. */
export function questionOf(reply: Partial<Activity>, kb: KnowledgeBase): { dimension: string; retry: boolean; known: Facts } | undefined {
  const blocks = cardElements(reply)
    .filter((n) => n.type === 'TextBlock')
    .map((n) => String(n.text));
  const retry = blocks[0]?.startsWith("Sorry, I didn't recognise") ?? false;
  const heading = retry ? blocks[1] : blocks[0];
  const dimension = kb.dimensions.find((d) => d.question === heading);
  if (!dimension) return undefined;
  const factSet = cardElements(reply).find((n) => n.type === 'FactSet');
  return { dimension: dimension.id, retry, known: factSet ? factsFromLabels(factSet.facts as Array<{ title: string; value: string }>, kb) : {} };
}

/** One verdict a card gives: its label and the facts its triage summary lists for it. */
export interface ShownVerdict {
  label: string;
  facts: Facts;
  open: string[];
}

/**
 * A verdict card: its label and the verdicts its triage summary gives. A design (README, "What a check
 * looks like") gets a verdict per server group, each under "Group N:" with that group's facts, and the
 * worst of them as its label; any other card gives one verdict, the card's own.
 */
export function verdictOf(reply: Partial<Activity>, kb: KnowledgeBase): (ShownVerdict & { groups: ShownVerdict[] }) | undefined {
  const nodes = cardElements(reply);
  // The first TextBlock is the label, or the out-of-support line with the label next.
  const blocks = nodes.filter((n) => n.type === 'TextBlock').map((n) => String(n.text));
  const shown = blocks[0]?.startsWith('Out of support') ? blocks[1] : blocks[0];
  const label = Object.values(VERDICT_LABELS).find((l) => shown === l || shown?.startsWith(`${l} (`));
  if (label === undefined) return undefined;
  const summary = nodes.find(
    (n) =>
      n.type === 'TextRun' &&
      String(n.text)
        .split('\n')
        .slice(0, 2)
        .some((line) => line.endsWith('- Exchange support check')),
  );
  assert.ok(summary, `verdict "${label}" without a triage summary`);
  const lines = String(summary.text).split('\n');
  const verdictLine = lines.find((line) => line.endsWith('- Exchange support check'))!;
  assert.ok(verdictLine.startsWith(label), "the summary repeats the card's verdict");
  // A design's summary: its label, then one part per group, each from its "Group N:" line on.
  const starts = lines.flatMap((line, i) => (/^Group \d+: /.test(line) ? [i] : []));
  const parts = starts.length > 0 ? starts.map((start, i) => lines.slice(start, starts[i + 1])) : [lines];
  const groups = parts.map((part) => shownVerdict(part, kb, starts.length > 0 ? undefined : label));
  return starts.length > 0 ? { label, facts: {}, open: [], groups } : { ...groups[0]!, groups };
}

/** The verdict one summary (or one group's part of a design's) gives: `label`, or the one its own label line says. */
function shownVerdict(lines: readonly string[], kb: KnowledgeBase, label?: string): ShownVerdict {
  const line = lines.find((l) => l.endsWith('- Exchange support check'));
  // The longest label first: "Supported with conditions ..." also starts with "Supported".
  const own = label ?? [...Object.values(VERDICT_LABELS)].sort((a, b) => b.length - a.length).find((l) => line?.startsWith(l));
  assert.ok(own, `a design group without a verdict line: ${JSON.stringify(lines.slice(0, 3))}`);
  const pairs = lines.slice(1).flatMap((line) => {
    const dimension = kb.dimensions.find((d) => line.startsWith(`${d.label}: `));
    return dimension ? [{ title: dimension.label, value: line.slice(dimension.label.length + 2) }] : [];
  });
  return {
    label: own,
    facts: factsFromLabels(
      pairs.filter((p) => !p.value.startsWith('not asked') && !p.value.startsWith(`${SEVERAL_VALUES} (see `) && p.value !== OPEN_FACT),
      kb,
    ),
    open: pairs.filter((p) => p.value === OPEN_FACT).map((p) => kb.dimensions.find((d) => d.label === p.title)!.id),
  };
}

function factsFromLabels(pairs: ReadonlyArray<{ title: string; value: string }>, kb: KnowledgeBase): Facts {
  const facts: Record<string, string> = {};
  for (const { title, value } of pairs) {
    const dimension = kb.dimensions.find((d) => d.label === title);
    assert.ok(dimension, `a fact shown under an unknown label "${title}"`);
    // A count ("Nodes or DAG members: 3", a bare number typed in a DAG of unknown size) is its own value.
    if (dimension.type === 'number' && /^\d+$/.test(value)) {
      facts[dimension.id] = value;
      continue;
    }
    const known = dimension.values.find((v) => v.label === value);
    assert.ok(known, `"${title}" shown with an unknown value "${value}"`);
    facts[dimension.id] = known.id;
  }
  return facts;
}

/** Where a conversation's stored dialog state says it is: idle, or waiting for the answer to `asked` with `known` facts. */
export interface CheckPosition {
  asked?: string;
  known: Facts;
}

/**
 * Reads and validates the stored dialog state of a conversation: either no dialog, or exactly one
 * frame, main, holding the check that waits for a question whose answer still matters (per the
 * rules table) with only valid facts known, and no cards. Fails the test on anything else.
 */
export function checkPosition(state: Record<string, unknown> | undefined, kb: KnowledgeBase): CheckPosition {
  const stack = ((state?.dialogState as Node | undefined)?.dialogStack ?? []) as Node[];
  if (stack.length === 0) return { known: {} };
  assert.deepEqual(
    stack.map((f) => f.id),
    ['main'],
    `dialog stack ${JSON.stringify(stack.map((f) => f.id))}`,
  );
  const frame = stack[0]!.state as Node;
  // Session 14 (d26): beside the check, the hosts its messages named (witness, members), as savedHosts reads them back.
  const { check: _check, hosts, ...rest } = frame;
  assert.deepEqual(Object.keys(rest), [], `the main frame holds the waiting check and its named hosts only: ${JSON.stringify(Object.keys(frame))}`);
  assert.ok(frame.check !== undefined, 'the main frame holds the waiting check');
  if (hosts !== undefined) assert.deepEqual(savedHosts(hosts), hosts, `the named hosts are valid: ${JSON.stringify(hosts)}`);
  const { groups, answered, askedFor, dimension, open, leftOpen = [] } = frame.check as CheckState;
  assert.ok(Array.isArray(groups) && groups.length > 0, `the check holds server groups: ${JSON.stringify(groups)}`);
  assert.ok(Array.isArray(answered) && answered.every((d) => typeof d === 'string'), 'the check lists what was answered');
  for (const group of groups) {
    assert.deepEqual(kb.knownFacts(group.facts), group.facts, 'only valid facts are stored');
    assert.ok(Array.isArray(group.setAside), 'each group keeps its set-aside facts');
  }
  // The question is for the first group the rules still have a question for; the card shows its facts.
  // Facts left open ("not sure", or not understood twice) are never asked: the rules' next question skips them.
  const firstOpen = groups.findIndex((group) => nextStep(kb, group.facts, leftOpen).kind === 'question');
  assert.ok(firstOpen >= 0, 'a question waits although every group has its verdict');
  assert.equal(open, firstOpen, 'the question shows the facts of the first group still undecided');
  const known = groups[open]!.facts;
  assert.equal(known[dimension], undefined, 'the question asked is not answered yet');
  const next = nextStep(kb, known, leftOpen);
  assert.ok(next.kind === 'question' && next.dimension.id === dimension, `the rules would ask ${next.kind === 'question' ? next.dimension.id : 'nothing'} next, not ${dimension}`);
  // The answer goes to the asked group and every other group still missing that fact, and no further.
  assert.ok(askedFor.includes(open), `the answer is not for the group asked (${open} not in ${JSON.stringify(askedFor)})`);
  for (const i of askedFor) assert.equal(groups[i]?.facts[dimension], undefined, `group ${i} would get "${dimension}" a second time`);
  return { asked: dimension, known };
}

/** What the guided check keeps between asking and recording (dialogs/support-check-dialog.ts). */
interface CheckState {
  groups: Array<{ facts: Facts; setAside: unknown[] }>;
  answered: string[];
  askedFor: number[];
  dimension: string;
  open: number;
  leftOpen?: string[];
}

// The rules table's next step is a pure function of the facts and costs a few hundred microseconds;
// the fuzzer asks it for the same few hundred fact sets thousands of times.
const nextSteps = new WeakMap<KnowledgeBase, Map<string, CheckStep>>();
function nextStep(kb: KnowledgeBase, facts: Facts, leftOpen: readonly string[] = []): CheckStep {
  let cache = nextSteps.get(kb);
  if (!cache) nextSteps.set(kb, (cache = new Map()));
  const key = JSON.stringify([Object.entries(facts).sort(), [...leftOpen].sort()]);
  let step = cache.get(key);
  if (!step) cache.set(key, (step = stepWithOpen(kb, facts, leftOpen)));
  return step;
}
