import type { TurnContext } from 'botbuilder';
import { Prompt, type PromptOptions, type PromptRecognizerResult, type PromptValidator } from 'botbuilder-dialogs';
import type { Facts, KnowledgeBase } from '../knowledge';

/** What a card button of the guided check submits. Typed answers arrive as text instead. */
export interface FactSubmit {
  dimension: string;
  value: string;
}

/** Options of a {@link FactPrompt}: which fact dimension the question is about, and what is known. */
export interface FactPromptOptions extends PromptOptions {
  validations: { dimension: string; known: Facts };
}

/**
 * Asks for one fact of the guided check and accepts a card button (its submitted value) or typed
 * text (names, acronyms, typos: "E2K3", "OWA box", "load balancr", or the choice's number).
 *
 * Its result is a set of facts, usually just the one asked for. When the text does not answer the
 * question but names other facts still unknown ("it's a back-end on MSCS" while asked for the
 * version), those are taken instead, and the check moves on without asking them again. A submitted
 * value that does not belong to the question (a stale or forged card) is refused and the question
 * asked again.
 */
export class FactPrompt extends Prompt<Facts> {
  constructor(
    dialogId: string,
    private readonly kb: KnowledgeBase,
    validator?: PromptValidator<Facts>,
  ) {
    super(dialogId, validator);
  }

  protected async onPrompt(context: TurnContext, _state: object, options: PromptOptions, isRetry: boolean): Promise<void> {
    const activity = isRetry && options.retryPrompt ? options.retryPrompt : options.prompt;
    if (activity) await context.sendActivity(activity);
  }

  protected async onRecognize(context: TurnContext, _state: object, options: PromptOptions): Promise<PromptRecognizerResult<Facts>> {
    const { dimension: dimensionId, known } = (options as FactPromptOptions).validations;
    const dimension = this.kb.dimensions.find((d) => d.id === dimensionId);
    if (!dimension) return { succeeded: false };
    const submitted = context.activity.value as Partial<FactSubmit> | undefined;
    if (submitted && typeof submitted === 'object' && 'dimension' in submitted) {
      const valid = submitted.dimension === dimensionId && dimension.values.some((v) => v.id === submitted.value);
      return valid ? { succeeded: true, value: { [dimensionId]: submitted.value! } } : { succeeded: false };
    }
    const text = context.activity.text ?? '';
    const value = this.kb.recognizer.recognizeAnswer(dimensionId, text);
    if (value !== undefined) return { succeeded: true, value: { [dimensionId]: value } };
    const others = Object.entries(this.kb.recognizer.extract(text).facts).filter(([d]) => known[d] === undefined);
    return others.length > 0 ? { succeeded: true, value: Object.fromEntries(others) } : { succeeded: false };
  }
}
