import { ComponentDialog, WaterfallDialog, type PromptValidatorContext, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { Decision, Dimension, Facts, KnowledgeBase, SetAside } from '../knowledge';
import { isNotSure } from './conversation-intents';
import { FactPrompt, type FactPromptOptions } from './fact-prompt';
import type { CheckedGroup, LastCheck } from './last-check';
import { isLookupQuestion } from './message-router';
import type { Replies } from './replies';

/** Input of the guided check: the facts already known, one set per server group of a design. */
export interface SupportCheckOptions {
  /** A single setup (the usual case). */
  facts?: Facts;
  /** Several server groups of one design ("2 FEs with NLB + a 2-node BE cluster"). */
  groups?: CheckedGroup[];
  /** Facts given earlier that do not apply, kept to be named back in the verdict. */
  setAside?: SetAside[];
  /** Dimensions answered so far, latest last. */
  answered?: string[];
}

/** Output of the guided check: what the conversation keeps for follow-ups. */
export type SupportCheckResult = LastCheck & { decisions: Decision[] };

/** What one round of the loop remembers between asking and recording. */
interface LoopValues {
  groups: CheckedGroup[];
  answered: string[];
  /** Which groups the asked question is for (every group still missing it). */
  askedFor: number[];
  dimension: string;
}

const LOOP = 'supportCheckLoop';
const FACT_PROMPT = 'factPrompt';

/**
 * The guided support check: asks, one at a time, only the questions whose answers can still change
 * the verdict (the rules table decides which), then shows the verdict card. Starting it with facts
 * from the first message ("an Exchange 2003 front-end on a cluster") skips what is already known,
 * and may go straight to the verdict. A design with several server groups gets one question at a
 * time for whichever group still needs it (an answer fills every group that lacks the fact), then
 * one card with a verdict per group and the worst of them for the design.
 *
 * At any question: a correction ("no, Standard", "actually it's 2000") changes that fact and the
 * check goes on from there; "not sure" gets how to find it out and the verdict per possible answer.
 */
export class SupportCheckDialog extends ComponentDialog {
  static readonly id = 'supportCheck';
  private readonly prompt: FactPrompt;

  constructor(
    private readonly kb: KnowledgeBase,
    private readonly replies: Replies,
  ) {
    super(SupportCheckDialog.id);
    this.prompt = new FactPrompt(FACT_PROMPT, kb, replies, (prompt) => this.validateAnswer(prompt));
    this.addDialog(this.prompt);
    this.addDialog(new WaterfallDialog(LOOP, [this.askStep.bind(this), this.recordStep.bind(this)]));
    this.initialDialogId = LOOP;
  }

  private async askStep(step: WaterfallStepContext) {
    const options = (step.options as SupportCheckOptions | undefined) ?? {};
    const groups = (options.groups ?? [{ facts: options.facts ?? {}, setAside: options.setAside ?? [] }]).map((group) => this.settle(group));
    const values = step.values as LoopValues;
    values.groups = groups;
    values.answered = options.answered ?? [];
    const steps = groups.map((group) => this.kb.nextStep(group.facts));
    const open = steps.findIndex((s) => s.kind === 'question');
    if (open < 0) {
      const decisions = steps.map((s) => (s.kind === 'verdict' ? s.decision : undefined)).filter((d): d is Decision => d !== undefined);
      if (groups.length === 1) await step.context.sendActivity(this.replies.verdict(decisions[0]!, groups[0]!.facts, groups[0]!.setAside));
      else await step.context.sendActivity(this.replies.designVerdict(groups.map((group, i) => ({ facts: group.facts, setAside: group.setAside, decision: decisions[i]! }))));
      return step.endDialog({ groups, answered: values.answered, decisions } satisfies SupportCheckResult);
    }
    const dimension = (steps[open] as { kind: 'question'; dimension: Dimension }).dimension;
    values.dimension = dimension.id;
    values.askedFor = groups.flatMap((group, i) => (group.facts[dimension.id] === undefined && this.kb.valuesFor(dimension.id, group.facts).length > 0 ? [i] : []));
    const facts = groups[open]!.facts;
    // The facts and the question only: the cards are drawn when shown (see FactPrompt.card).
    const promptOptions: FactPromptOptions = {
      validations: { dimension: dimension.id, known: facts, answered: values.answered },
    };
    return step.prompt(FACT_PROMPT, promptOptions);
  }

  /** Normalises a group's facts and collects what does not apply, each named once. */
  private settle(group: CheckedGroup): CheckedGroup {
    const setAside = mergeSetAside(group.setAside, this.kb.setAside(group.facts));
    return { facts: this.kb.knownFacts(group.facts), setAside };
  }

  /**
   * Not an answer: "not sure" gets how to find the fact out and the verdict per possible answer; a
   * knowledge-base question ("what is an EVS?") gets its answer; then the same question again.
   * Anything else gets the short "didn't recognise" retry.
   */
  private async validateAnswer(prompt: PromptValidatorContext<Facts>): Promise<boolean> {
    if (prompt.recognized.succeeded) return true;
    const text = prompt.context.activity.text ?? '';
    const { dimension: dimensionId, known } = (prompt.options as FactPromptOptions).validations;
    if (isNotSure(text)) {
      const dimension = this.kb.dimensions.find((d) => d.id === dimensionId)!;
      const outcomes = this.kb.valuesFor(dimensionId, known).map((value) => {
        const next = this.kb.nextStep({ ...known, [dimensionId]: value.id });
        return { value, decision: next.kind === 'verdict' ? next.decision : undefined };
      });
      await prompt.context.sendActivity(this.replies.notSure(dimension, known, outcomes));
      await prompt.context.sendActivity(this.prompt.card(prompt.options, false));
      return false;
    }
    if (!isLookupQuestion(text)) return false;
    const { best, related, passage } = this.kb.search(text);
    if (!best) return false;
    await prompt.context.sendActivity(this.replies.answer(best, related, passage));
    // The prompt only re-asks when nothing was sent this turn, so ask again here.
    await prompt.context.sendActivity(this.prompt.card(prompt.options, false));
    return false;
  }

  private async recordStep(step: WaterfallStepContext) {
    const values = step.values as LoopValues;
    const read = step.result as Facts;
    const answered = [...values.answered.filter((d) => d in read === false), ...Object.keys(read)].slice(-12);
    const groups = values.groups.map((group, i) => {
      // The asked fact goes to every group that lacks it; other facts named (or corrected) go to all.
      const ownsAnswer = values.askedFor.includes(i);
      const update = Object.fromEntries(Object.entries(read).filter(([d]) => d !== values.dimension || ownsAnswer));
      return { facts: withoutStale(this.kb, group.facts, update), setAside: group.setAside };
    });
    return step.replaceDialog(LOOP, { groups, answered } satisfies SupportCheckOptions);
  }
}

/**
 * Applies changed facts and drops, without naming them back, earlier facts that no longer apply
 * (Windows changed to 2012: its architecture; Exchange changed to 2016: the Exchange 2019 CU).
 */
export function withoutStale(kb: Pick<KnowledgeBase, 'setAside'>, before: Facts, update: Facts): Facts {
  const merged: Record<string, string> = { ...before, ...update };
  for (const aside of kb.setAside(merged)) if (update[aside.dimension] === undefined) delete merged[aside.dimension];
  return merged;
}

/** Set-aside facts of earlier turns and this one, each named once. */
function mergeSetAside(earlier: readonly SetAside[], now: readonly SetAside[]): SetAside[] {
  const seen = new Set(earlier.map((a) => `${a.dimension}=${a.value}`));
  return [...earlier, ...now.filter((a) => !seen.has(`${a.dimension}=${a.value}`))];
}
