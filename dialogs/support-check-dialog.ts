import { ComponentDialog, WaterfallDialog, type PromptValidatorContext, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { Decision, Facts, KnowledgeBase } from '../knowledge';
import { FactPrompt, type FactPromptOptions } from './fact-prompt';
import { isLookupQuestion } from './message-router';
import type { Replies } from './replies';

/** Input of the guided check: the facts already known (e.g. read from the user's first message). */
export interface SupportCheckOptions {
  facts?: Facts;
}

/** Output of the guided check. */
export interface SupportCheckResult {
  facts: Facts;
  decision: Decision;
}

/** What one round of the loop remembers between asking and recording. */
interface LoopValues {
  facts: Facts;
}

const LOOP = 'supportCheckLoop';
const FACT_PROMPT = 'factPrompt';

/**
 * The guided support check: asks, one at a time, only the questions whose answers can still change
 * the verdict (the rules table decides which), then shows the verdict card. Starting it with facts
 * from the first message ("an Exchange 2003 front-end on a cluster") skips what is already known,
 * and may go straight to the verdict.
 */
export class SupportCheckDialog extends ComponentDialog {
  static readonly id = 'supportCheck';

  constructor(
    private readonly kb: KnowledgeBase,
    private readonly replies: Replies,
  ) {
    super(SupportCheckDialog.id);
    this.addDialog(new FactPrompt(FACT_PROMPT, kb, (prompt) => this.answerSideQuestion(prompt)));
    this.addDialog(new WaterfallDialog(LOOP, [this.askStep.bind(this), this.recordStep.bind(this)]));
    this.initialDialogId = LOOP;
  }

  private async askStep(step: WaterfallStepContext) {
    const facts = this.kb.knownFacts((step.options as SupportCheckOptions | undefined)?.facts ?? {});
    const values = step.values as LoopValues;
    values.facts = facts;
    const next = this.kb.nextStep(facts);
    if (next.kind === 'verdict') {
      await step.context.sendActivity(this.replies.verdict(next.decision, facts));
      return step.endDialog({ facts, decision: next.decision } satisfies SupportCheckResult);
    }
    const options: FactPromptOptions = {
      prompt: this.replies.question(next.dimension, facts),
      retryPrompt: this.replies.retry(next.dimension, facts),
      validations: { dimension: next.dimension.id, known: facts },
    };
    return step.prompt(FACT_PROMPT, options);
  }

  /**
   * A knowledge-base question asked instead of an answer ("what is an EVS?" while asked for the
   * edition) gets its answer, then the same question again; the check is not lost. Anything else
   * that is not an answer gets the usual "didn't recognise" retry.
   */
  private async answerSideQuestion(prompt: PromptValidatorContext<Facts>): Promise<boolean> {
    if (prompt.recognized.succeeded) return true;
    const text = prompt.context.activity.text ?? '';
    if (!isLookupQuestion(text)) return false;
    const { best, related, passage } = this.kb.search(text);
    if (!best) return false;
    await prompt.context.sendActivity(this.replies.answer(best, related, passage));
    // The prompt only re-asks when nothing was sent this turn, so ask again here.
    if (prompt.options.prompt) await prompt.context.sendActivity(prompt.options.prompt);
    return false;
  }

  private async recordStep(step: WaterfallStepContext) {
    const values = step.values as LoopValues;
    const facts: Facts = { ...values.facts, ...(step.result as Facts) };
    return step.replaceDialog(LOOP, { facts } satisfies SupportCheckOptions);
  }
}
