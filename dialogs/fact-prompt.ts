import type { TurnContext } from 'botbuilder';
import { Prompt, type PromptOptions, type PromptRecognizerResult, type PromptValidator } from 'botbuilder-dialogs';
import type { KnowledgeBase } from '../knowledge';

/** What a card button of the guided check submits. Typed answers arrive as text instead. */
export interface FactSubmit {
  dimension: string;
  value: string;
}

/** Options of a {@link FactPrompt}: which fact dimension the question is about. */
export interface FactPromptOptions extends PromptOptions {
  validations: { dimension: string };
}

/**
 * Asks for one fact of the guided check and accepts either a card button (its submitted value) or
 * typed text (names, acronyms, typos: "E2K3", "OWA box", "load balancr", or the choice's number).
 * A submitted value that does not belong to the asked question (stale or forged card) is refused and
 * the question asked again.
 */
export class FactPrompt extends Prompt<string> {
  constructor(
    dialogId: string,
    private readonly kb: KnowledgeBase,
    validator?: PromptValidator<string>,
  ) {
    super(dialogId, validator);
  }

  protected async onPrompt(context: TurnContext, _state: object, options: PromptOptions, isRetry: boolean): Promise<void> {
    const activity = isRetry && options.retryPrompt ? options.retryPrompt : options.prompt;
    if (activity) await context.sendActivity(activity);
  }

  protected async onRecognize(context: TurnContext, _state: object, options: PromptOptions): Promise<PromptRecognizerResult<string>> {
    const dimensionId = (options as FactPromptOptions).validations.dimension;
    const dimension = this.kb.dimensions.find((d) => d.id === dimensionId);
    if (!dimension) return { succeeded: false };
    const submitted = context.activity.value as Partial<FactSubmit> | undefined;
    if (submitted && typeof submitted === 'object' && 'dimension' in submitted) {
      const valid = submitted.dimension === dimensionId && dimension.values.some((v) => v.id === submitted.value);
      return valid ? { succeeded: true, value: submitted.value } : { succeeded: false };
    }
    const value = this.kb.recognizer.recognizeAnswer(dimensionId, context.activity.text ?? '');
    return value === undefined ? { succeeded: false } : { succeeded: true, value };
  }
}
