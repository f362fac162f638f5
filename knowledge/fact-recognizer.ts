import { PhraseMatcher, type PhraseEntry, type PhraseMatch } from './phrase-matcher';
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
 * recognizer.readAnswer('version', 'Windows Server 2003'); // {} (a Windows version, not Exchange 2003)
 */
export class FactRecognizer {
  private readonly sentenceMatcher: PhraseMatcher<Mention>;
  private readonly answerMatchers = new Map<string, PhraseMatcher<Mention>>();

  constructor(private readonly dimensions: readonly Dimension[]) {
    const sentenceEntries = dimensions.flatMap((dimension) => sentencePhrases(dimension));
    this.sentenceMatcher = new PhraseMatcher(sentenceEntries);
    for (const dimension of dimensions) {
      // An answer is read with every other question's phrases in competition, so that the longest
      // phrase still wins: asked for the Windows edition, "Exchange Standard" is an Exchange edition,
      // not "Standard" Windows.
      const own = dimension.values.flatMap((value) =>
        [...value.names, ...value.acronyms, ...value.answers].map((phrase) => ({ phrase, payload: { dimension: dimension.id, value: value.id } })),
      );
      const others = dimensions.filter((d) => d !== dimension).flatMap((d) => sentencePhrases(d));
      this.answerMatchers.set(dimension.id, new PhraseMatcher([...own, ...others]));
    }
  }

  /**
   * Facts named in a free-text question. A dimension mentioned with two different values ("front-end
   * and back-end") is left out and listed in `ambiguous`, so that the check asks rather than guesses.
   */
  extract(text: string): { facts: Facts; ambiguous: string[] } {
    return collectFacts(this.sentenceMatcher.find(text));
  }

  /**
   * Reads a typed answer to the question about `dimensionId`: the asked fact if the text names it
   * (a name, acronym or short answer, typos forgiven, or the number of a listed choice), plus any
   * other facts the same text names. Empty when it names nothing; a fact named twice with different
   * values is left out.
   */
  readAnswer(dimensionId: string, text: string): Facts {
    const dimension = this.dimensions.find((d) => d.id === dimensionId);
    const matcher = this.answerMatchers.get(dimensionId);
    if (!dimension || !matcher) throw new Error(`Unknown fact dimension "${dimensionId}"`);
    const tokens = tokenize(text);
    if (tokens.length === 1 && /^\d$/.test(tokens[0]!.text)) {
      const value = dimension.values[Number(tokens[0]!.text) - 1]?.id;
      return value === undefined ? {} : { [dimensionId]: value };
    }
    return collectFacts(matcher.find(tokens)).facts;
  }

  /** The asked fact alone from a typed answer (see {@link readAnswer}), or undefined. */
  recognizeAnswer(dimensionId: string, text: string): string | undefined {
    return this.readAnswer(dimensionId, text)[dimensionId];
  }
}

/** The phrases of a dimension that may be read inside any sentence. */
function sentencePhrases(dimension: Dimension): PhraseEntry<Mention>[] {
  const entries: PhraseEntry<Mention>[] = [];
  for (const value of dimension.values) {
    const mention = { dimension: dimension.id, value: value.id };
    for (const phrase of value.names) entries.push({ phrase, payload: mention });
    for (const phrase of value.acronyms) {
      // "BE" is an acronym, "be" is a verb: acronyms that are also English words must match their case.
      entries.push({ phrase, payload: mention, caseSensitive: isStopWord(phrase.toLowerCase()) });
    }
    // Answers with a digit ("2k3", "2003") are specific enough to read inside a sentence, but only
    // when no longer phrase ("Windows Server 2003") claims the same words.
    for (const phrase of value.answers) {
      if (/\d/.test(phrase)) entries.push({ phrase, payload: mention, priority: 2 });
    }
  }
  for (const phrase of dimension.partials) {
    entries.push({ phrase, payload: { dimension: dimension.id }, priority: 1 });
  }
  return entries;
}

function collectFacts(matches: readonly PhraseMatch<Mention>[]): { facts: Facts; ambiguous: string[] } {
  const found = new Map<string, Set<string>>();
  for (const match of matches) {
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
