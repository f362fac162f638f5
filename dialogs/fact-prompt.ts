import { InputHints, type Activity, type TurnContext } from 'botbuilder';
import { Prompt, type PromptOptions, type PromptRecognizerResult, type PromptValidator } from 'botbuilder-dialogs';
import type { Facts, KnowledgeBase } from '../knowledge';
import { isCorrection } from './conversation-intents';
import type { Replies } from './replies';

/** What a card button of the guided check submits. Typed answers arrive as text instead. */
export interface FactSubmit {
  dimension: string;
  value: string;
}

/** Options of a {@link FactPrompt}: which fact dimension the question is about, and what is known. */
export interface FactPromptOptions extends PromptOptions {
  /** `answered`: dimensions answered so far, latest last (what a bare correction most likely changes). */
  validations: { dimension: string; known: Facts; answered?: string[] };
}

/**
 * Asks for one fact of the guided check and accepts a card button (its submitted value) or typed
 * text (names, acronyms, typos: "E2K3", "OWA box", "load balancr", or the choice's number).
 *
 * Its result is a set of facts: the one asked for and any other still-unknown facts the text names.
 * When the text does not answer the question but names other unknown facts ("it's a back-end on
 * MSCS" while asked for the version), those are taken, and the check moves on without asking them. A submitted
 * value that does not belong to the question (a stale or forged card) is refused and the question
 * asked again.
 */
export class FactPrompt extends Prompt<Facts> {
  constructor(
    dialogId: string,
    private readonly kb: KnowledgeBase,
    private readonly replies: Replies,
    validator?: PromptValidator<Facts>,
  ) {
    super(dialogId, validator);
  }

  protected async onPrompt(context: TurnContext, _state: object, options: PromptOptions, isRetry: boolean): Promise<void> {
    await context.sendActivity(this.card(options, isRetry));
  }

  /**
   * The question card, drawn when shown: dialog state keeps only the dimension and the facts (a card
   * is kilobytes, copied and saved on every turn). States saved before hold their cards: those are shown.
   */
  card(options: PromptOptions, isRetry: boolean): Partial<Activity> {
    const stored = isRetry && options.retryPrompt ? options.retryPrompt : options.prompt;
    if (stored && typeof stored === 'object') return stored;
    const { dimension: dimensionId, known } = (options as FactPromptOptions).validations;
    const dimension = this.kb.dimensions.find((d) => d.id === dimensionId)!;
    const card = isRetry ? this.replies.retry(dimension, known) : this.replies.question(dimension, known);
    // As Prompt.beginDialog does for a stored prompt.
    if (typeof card.inputHint !== 'string') card.inputHint = InputHints.ExpectingInput;
    return card;
  }

  protected async onRecognize(context: TurnContext, _state: object, options: PromptOptions): Promise<PromptRecognizerResult<Facts>> {
    const { dimension: dimensionId, known, answered = [] } = (options as FactPromptOptions).validations;
    const dimension = this.kb.dimensions.find((d) => d.id === dimensionId);
    if (!dimension) return { succeeded: false };
    const submitted = context.activity.value as Partial<FactSubmit> | undefined;
    if (submitted && typeof submitted === 'object' && 'dimension' in submitted) {
      const valid = submitted.dimension === dimensionId && this.kb.valuesFor(dimensionId, known).some((v) => v.id === submitted.value);
      return valid ? { succeeded: true, value: { [dimensionId]: submitted.value! } } : { succeeded: false };
    }
    const text = context.activity.text ?? '';
    // A correction ("no, Standard", "actually it's Exchange 2000") may change facts already given.
    if (isCorrection(text)) {
      const corrected = readCorrection(this.kb, text, known, [...answered, dimensionId]);
      if (Object.keys(corrected).length > 0) return { succeeded: true, value: corrected };
    }
    // The asked fact, and any other fact still unknown that the same text names ("2003, a back-end
    // on MSCS"); known facts are never overwritten by a passing mention.
    const read = this.kb.recognizer.readAnswer(dimensionId, text, known);
    const taken = Object.entries(read).filter(([d]) => d === dimensionId || known[d] === undefined);
    return taken.length > 0 ? { succeeded: true, value: Object.fromEntries(taken) } : { succeeded: false };
  }
}

/**
 * The facts a correction names. Facts named in full ("Exchange 2000", "2008 R2 Enterprise") are
 * read as in any sentence; a bare word ("Standard", "32-bit") is read against the dimensions most
 * recently answered first, so "no, Standard" after the edition question changes the edition.
 */
export function readCorrection(kb: Pick<KnowledgeBase, 'recognizer'>, text: string, known: Facts, recentFirstLast: readonly string[]): Facts {
  const named = kb.recognizer.extract(text, known).facts;
  const result: Record<string, string> = { ...named };
  // Facts named in full may come with a bare answer to the question asked ("Enterprise. oh and
  // actually it's a front-end"); with nothing named in full, the bare word is the correction.
  const candidates = [...recentFirstLast].reverse();
  for (const dimension of Object.keys(named).length > 0 ? candidates.slice(0, 1) : candidates) {
    if (result[dimension] !== undefined) continue;
    const value = kb.recognizer.readAnswer(dimension, text, { ...known, ...named })[dimension];
    if (value !== undefined && value !== known[dimension]) {
      result[dimension] = value;
      break;
    }
  }
  return result;
}
