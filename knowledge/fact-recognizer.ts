import { PhraseMatcher, type PhraseEntry } from './phrase-matcher';
import type { Dimension } from './schemas';
import { isStopWord } from './stop-words';
import { tokenize } from './text-tokens';

/** What is known about a planned setup: dimension id → value id (e.g. `{ version: '2003', role: 'front-end' }`). */
export type Facts = Readonly<Record<string, string>>;

interface Mention {
  dimension: string;
  /** Undefined for a partial mention ("Windows 2003" without an edition). */
  value?: string;
}

/**
 * Reads facts about a planned Exchange setup out of what people type, using the phrases listed in
 * the fact dimensions table. Knows nothing of dialogs: it only maps text to dimension values.
 *
 * @example
 * const recognizer = new FactRecognizer(dimensions);
 * recognizer.extract('Can I put an E2K3 FE on MSCS?').facts;
 * // { version: '2003', role: 'front-end', ha: 'cluster' }
 * recognizer.recognizeAnswer('ha', 'load balancr'); // 'nlb'
 */
export class FactRecognizer {
  private readonly sentenceMatcher: PhraseMatcher<Mention>;
  private readonly answerMatchers = new Map<string, PhraseMatcher<Mention>>();

  constructor(private readonly dimensions: readonly Dimension[]) {
    const sentenceEntries: PhraseEntry<Mention>[] = [];
    for (const dimension of dimensions) {
      const answerEntries: PhraseEntry<Mention>[] = [];
      for (const value of dimension.values) {
        const mention = { dimension: dimension.id, value: value.id };
        for (const phrase of value.names) sentenceEntries.push({ phrase, payload: mention });
        for (const phrase of value.acronyms) {
          // "BE" is an acronym, "be" is a verb: acronyms that are also English words must match their case.
          sentenceEntries.push({ phrase, payload: mention, caseSensitive: isStopWord(phrase.toLowerCase()) });
        }
        // Answers with a digit ("2k3", "2003") are specific enough to read inside a sentence, but only
        // when no longer phrase ("Windows Server 2003") claims the same words.
        for (const phrase of value.answers) {
          if (/\d/.test(phrase)) sentenceEntries.push({ phrase, payload: mention, priority: 2 });
        }
        for (const phrase of [...value.names, ...value.acronyms, ...value.answers]) {
          answerEntries.push({ phrase, payload: mention });
        }
      }
      for (const phrase of dimension.partials) {
        sentenceEntries.push({ phrase, payload: { dimension: dimension.id }, priority: 1 });
      }
      this.answerMatchers.set(dimension.id, new PhraseMatcher(answerEntries));
    }
    this.sentenceMatcher = new PhraseMatcher(sentenceEntries);
  }

  /**
   * Facts named in a free-text question. A dimension mentioned with two different values ("front-end
   * and back-end") is left out and listed in `ambiguous`, so that the check asks rather than guesses.
   */
  extract(text: string): { facts: Facts; ambiguous: string[] } {
    const found = new Map<string, Set<string>>();
    for (const match of this.sentenceMatcher.find(text)) {
      const { dimension, value } = match.entry.payload;
      if (value === undefined) continue;
      const values = found.get(dimension) ?? new Set<string>();
      values.add(value);
      found.set(dimension, values);
    }
    const facts: Record<string, string> = {};
    const ambiguous: string[] = [];
    for (const [dimension, values] of found) {
      if (values.size === 1) facts[dimension] = [...values][0]!;
      else ambiguous.push(dimension);
    }
    return { facts, ambiguous };
  }

  /**
   * Reads a typed answer to the question about `dimensionId`: a value's name, acronym or short
   * answer (with typos forgiven), or the number of a listed choice. Undefined when the answer names
   * no value, or more than one.
   */
  recognizeAnswer(dimensionId: string, text: string): string | undefined {
    const dimension = this.dimensions.find((d) => d.id === dimensionId);
    const matcher = this.answerMatchers.get(dimensionId);
    if (!dimension || !matcher) throw new Error(`Unknown fact dimension "${dimensionId}"`);
    const tokens = tokenize(text);
    if (tokens.length === 1 && /^\d$/.test(tokens[0]!.text)) {
      return dimension.values[Number(tokens[0]!.text) - 1]?.id;
    }
    const values = new Set(matcher.find(tokens).map((m) => m.entry.payload.value));
    values.delete(undefined);
    return values.size === 1 ? [...values][0] : undefined;
  }
}
