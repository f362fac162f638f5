import type { FactSpace } from './fact-space';
import { PhraseMatcher, type PhraseEntry, type PhraseMatch } from './phrase-matcher';
import type { Dimension } from './schemas';
import { isStopWord } from './stop-words';
import { tokenize, type Token } from './text-tokens';

/**
 * What is known about a planned setup: dimension id → value id (e.g. `{ version: '2003', role: 'front-end' }`).
 * Number facts are decimal strings ("3") and set facts comma-joined value ids ("nntp,kms"), so facts
 * stay plain strings in dialog state.
 */
export type Facts = Readonly<Record<string, string>>;

interface Mention {
  dimension: string;
  /** Undefined for a partial mention ("Windows" without a release). */
  value?: string;
}

/** Numbers people write as words, cardinal and ordinal ("a third EVS"). */
const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([
  ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7], ['eight', 8], ['nine', 9], ['ten', 10],
  ['eleven', 11], ['twelve', 12], ['sixteen', 16], ['seventeen', 17], ['twenty', 20],
  ['first', 1], ['second', 2], ['third', 3], ['fourth', 4], ['fifth', 5], ['sixth', 6], ['seventh', 7], ['eighth', 8], ['ninth', 9], ['tenth', 10],
  ['2nd', 2], ['3rd', 3], ['4th', 4], ['5th', 5], ['6th', 6], ['7th', 7], ['8th', 8], ['9th', 9], ['10th', 10],
  ['single', 1],
]);

/** Acronyms that are also everyday words in chat ("um, can I..."): matched only in capitals. */
const CASE_SENSITIVE_ACRONYMS = new Set(['um', 'ht', 'se', 'gc']);

interface NumberPattern {
  dimension: string;
  /** The pattern's words; `undefined` stands for the number. */
  words: (string | undefined)[];
}

/**
 * Reads facts about a planned Exchange setup out of what people type, using the phrases and number
 * patterns of the fact dimensions table. Knows nothing of dialogs: it only maps text to facts.
 *
 * @example
 * const recognizer = new FactRecognizer(space);
 * recognizer.extract('Can I put an E2K3 FE on MSCS?').facts;
 * // { version: '2003', role: 'front-end', ha: 'cluster' }
 * recognizer.extract('3-node cluster, nodes are also DCs').facts; // { nodes: '3', domainController: 'yes', ha: 'clustering' }
 * recognizer.recognizeAnswer('ha', 'load balancr'); // 'load-balancing'
 */
export class FactRecognizer {
  private readonly sentenceMatcher: PhraseMatcher<Mention[]>;
  private readonly answerMatchers = new Map<string, PhraseMatcher<Mention[]>>();
  private readonly numberPatterns: NumberPattern[];
  private readonly dimensions: readonly Dimension[];

  constructor(private readonly space: FactSpace) {
    this.dimensions = space.dimensions;
    const byId = new Map(this.dimensions.map((d) => [d.id, d]));
    const tokenized = new Map<string, Token[]>();
    const sentenceEntries = this.dimensions.map((dimension) => sentencePhrases(dimension, byId));
    this.sentenceMatcher = new PhraseMatcher(sentenceEntries.flat(), tokenized);
    for (const dimension of this.dimensions) {
      // An answer is read with every other question's phrases in competition, so that the longest
      // phrase still wins: asked for the Windows edition, "Exchange Standard" is an Exchange edition,
      // not "Standard" Windows. At equal length the asked question's own phrases win.
      const own = dimension.values.flatMap((value) =>
        [...value.names, ...value.acronyms, ...value.answers].map((phrase) => ({ phrase, payload: [{ dimension: dimension.id, value: value.id }], priority: 0 })),
      );
      const composed = composedPhrases(dimension, byId, true);
      const others = sentenceEntries.flatMap((entries, i) => (this.dimensions[i] === dimension ? [] : entries)).map((e) => ({ ...e, priority: (e.priority ?? 0) + 1 }));
      this.answerMatchers.set(dimension.id, new PhraseMatcher([...own, ...composed, ...others], tokenized));
    }
    this.numberPatterns = this.dimensions.flatMap((d) =>
      d.patterns.map((pattern) => ({ dimension: d.id, words: pattern.split(/\s+/).flatMap((w) => (w === '{n}' ? [undefined] : tokenize(w).map((t) => t.text))) })),
    );
  }

  /**
   * Facts named in a free-text question. A dimension mentioned with two values that both fit the
   * rest ("front-end and back-end") is left out and listed in `ambiguous`, so that the check asks
   * rather than guesses; two Exchange versions in one DAG state `mixedVersions` instead.
   */
  extract(text: string): { facts: Facts; ambiguous: string[] } {
    const tokens = tokenize(text);
    return this.collect(this.sentenceMatcher.find(tokens), tokens, {});
  }

  /**
   * Reads a typed answer to the question about `dimensionId`: the asked fact if the text names it
   * (a name, acronym or short answer, typos forgiven, or the number of an offered choice), plus any
   * other facts the same text names. Values that cannot exist with what is `known` are not read
   * ("SP3" asked of Exchange 2010 is Exchange 2010 SP3). Empty when it names nothing.
   */
  readAnswer(dimensionId: string, text: string, known: Facts = {}): Facts {
    const dimension = this.dimensions.find((d) => d.id === dimensionId);
    const matcher = this.answerMatchers.get(dimensionId);
    if (!dimension || !matcher) throw new Error(`Unknown fact dimension "${dimensionId}"`);
    const tokens = tokenize(text);
    if (tokens.length === 1 && /^\d{1,2}$/.test(tokens[0]!.text)) {
      const value = this.space.valuesFor(dimensionId, known)[Number(tokens[0]!.text) - 1]?.id;
      return value === undefined ? {} : { [dimensionId]: value };
    }
    return this.collect(matcher.find(tokens), tokens, known).facts;
  }

  /** The asked fact alone from a typed answer (see {@link readAnswer}), or undefined. */
  recognizeAnswer(dimensionId: string, text: string, known: Facts = {}): string | undefined {
    return this.readAnswer(dimensionId, text, known)[dimensionId];
  }

  private collect(matches: readonly PhraseMatch<Mention[]>[], tokens: readonly Token[], known: Facts): { facts: Facts; ambiguous: string[] } {
    const found = new Map<string, Set<string>>();
    for (const match of matches) {
      for (const { dimension, value } of match.entry.payload) {
        if (value === undefined) continue;
        const values = found.get(dimension) ?? new Set<string>();
        values.add(value);
        found.set(dimension, values);
      }
    }
    const facts: Record<string, string> = {};
    for (const [dimensionId, value] of this.numbers(tokens, matches)) facts[dimensionId] = String(value);
    const ambiguous: string[] = [];
    const several: string[] = [];
    for (const [dimensionId, values] of found) {
      const dimension = this.dimensions.find((d) => d.id === dimensionId)!;
      if (dimension.type === 'set') facts[dimensionId] = [...values].sort().join(',');
      else if (values.size === 1) facts[dimensionId] = [...values][0]!;
      else several.push(dimensionId);
    }
    // Several values of one dimension: keep the one that can exist with the rest ("SP3" of Exchange 2010).
    for (const dimensionId of several) {
      const context = { ...known, ...facts };
      const fitting = [...found.get(dimensionId)!].filter((v) => this.space.valueApplies(dimensionId, v, context));
      const dimension = this.dimensions.find((d) => d.id === dimensionId)!;
      if (fitting.length === 1) facts[dimensionId] = fitting[0]!;
      else {
        ambiguous.push(dimensionId);
        if (dimension.whenSeveral && facts[dimension.whenSeveral.fact] === undefined) facts[dimension.whenSeveral.fact] = dimension.whenSeveral.value;
      }
    }
    return { facts, ambiguous };
  }

  /**
   * Number facts from word patterns ("3-node", "a DAG of 17 members", "the third EVS"). Tokens
   * already read as another fact (the "2003" of "Windows 2003") are not numbers. Linear in the text:
   * each pattern is tried once at each position.
   */
  private numbers(tokens: readonly Token[], matches: readonly PhraseMatch<Mention[]>[]): Map<string, number> {
    const claimed = new Array<boolean>(tokens.length).fill(false);
    for (const match of matches) for (let i = match.from; i < match.to; i += 1) claimed[i] = true;
    const found = new Map<string, number>();
    for (let from = 0; from < tokens.length; from += 1) {
      for (const pattern of this.numberPatterns) {
        if (found.has(pattern.dimension) || from + pattern.words.length > tokens.length) continue;
        let value: number | undefined;
        const fits = pattern.words.every((word, i) => {
          const token = tokens[from + i]!;
          if (word !== undefined) return token.text === word || (word.length > 4 && token.text === `${word}s`);
          if (claimed[from + i]) return false;
          value = /^\d{1,3}$/.test(token.text) ? Number(token.text) : NUMBER_WORDS.get(token.text);
          return value !== undefined;
        });
        if (fits && value !== undefined && value > 0) found.set(pattern.dimension, value);
      }
    }
    return found;
  }
}

/** The phrases of a dimension that may be read inside any sentence. */
function sentencePhrases(dimension: Dimension, byId: ReadonlyMap<string, Dimension>): PhraseEntry<Mention[]>[] {
  const entries: PhraseEntry<Mention[]>[] = [];
  for (const value of dimension.values) {
    const mention = [{ dimension: dimension.id, value: value.id }];
    for (const phrase of value.names) entries.push({ phrase, payload: mention });
    for (const phrase of value.acronyms) {
      // "BE" is an acronym, "be" is a verb: acronyms that are also English words must match their case.
      entries.push({ phrase, payload: mention, caseSensitive: isStopWord(phrase.toLowerCase()) || CASE_SENSITIVE_ACRONYMS.has(phrase.toLowerCase()) });
    }
    // Answers with a digit ("2k3", "2003") are specific enough to read inside a sentence, but only
    // when no longer phrase ("Windows Server 2003") claims the same words.
    for (const phrase of value.answers) {
      if (/\d/.test(phrase)) entries.push({ phrase, payload: mention, priority: 2 });
    }
  }
  for (const phrase of dimension.partials) {
    entries.push({ phrase, payload: [{ dimension: dimension.id }], priority: 1 });
  }
  entries.push(...composedPhrases(dimension, byId, false));
  return entries;
}

/**
 * "Windows 2003 Enterprise", "Exchange 2003 Std", "2k3 r2 standard": a phrase of this dimension
 * followed by one of its `composeWith` dimension names both facts. Inside a sentence the first part
 * must be a name or an answer with a digit; as a typed answer any answer will do.
 */
function composedPhrases(dimension: Dimension, byId: ReadonlyMap<string, Dimension>, asAnswer: boolean): PhraseEntry<Mention[]>[] {
  const other = dimension.composeWith ? byId.get(dimension.composeWith) : undefined;
  if (!other) return [];
  const entries: PhraseEntry<Mention[]>[] = [];
  for (const value of dimension.values) {
    const heads = [...value.names, ...value.acronyms, ...value.answers.filter((a) => asAnswer || /\d/.test(a))];
    for (const tail of other.values) {
      if (!fitsWith(tail.appliesWhen, dimension.id, value.id)) continue;
      const payload = [{ dimension: dimension.id, value: value.id }, { dimension: other.id, value: tail.id }];
      for (const head of heads) {
        for (const word of [...tail.names, ...tail.answers]) entries.push({ phrase: `${head} ${word}`, payload, priority: -1 });
      }
    }
  }
  return entries;
}

/** Whether a value's `appliesWhen` allows `dimension=value` (only the test on that dimension is read here). */
function fitsWith(appliesWhen: Dimension['appliesWhen'], dimensionId: string, valueId: string): boolean {
  const test = appliesWhen?.[dimensionId];
  if (test === undefined) return true;
  if (typeof test === 'string') return test === valueId;
  if (Array.isArray(test)) return test.includes(valueId);
  if ('not' in test) return !(Array.isArray(test.not) ? test.not : [test.not]).includes(valueId);
  return true;
}
