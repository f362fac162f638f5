import { BoundedCache } from '../bounded-cache';
import { PhraseMatcher } from '../reading/phrase-matcher';
import { TypoReading } from '../reading/typo-reading';
import type { SynonymGroup } from '../loading/schemas';
import { isStopWord } from './stop-words';
import { stem } from './stem';
import { tokenize, wordMatches } from '../reading/text-tokens';

/**
 * Words that appear in nearly every article and question here, and the verbs that frame a question
 * ("how do I create / add / build ..."). They still score in MiniSearch, but a question made only of
 * them ("exchange server?") is not a question about anything. Typos of them count as them.
 */
const GENERIC_WORDS = new Set(
  `exchange server servers microsoft windows ms use using set setup get run put make way best does work works
create creates created creating add adds added adding build builds built go goes going`.split(/\s+/),
);

// Typed words (at most 40 letters) → whether they are a typo of a generic word; bounded, as users choose the words.
const genericTypos = new BoundedCache<string, boolean>({ maxEntries: 20_000, maxBytes: 4 * 1024 * 1024 });

function isGeneric(word: string): boolean {
  if (GENERIC_WORDS.has(word)) return true;
  let generic = genericTypos.get(word);
  if (generic === undefined) {
    generic = false;
    for (const known of GENERIC_WORDS) if (known.length >= 6 && wordMatches(word, known)) generic = true;
    genericTypos.set(word, generic);
  }
  return generic;
}

/**
 * Concept tokens start with this mark, which no typed word can contain, so that a concept is found
 * only through one of its phrases: the word "active" must not prefix-match the concept of
 * "active/active", nor "front" that of "front-end".
 */
export const CONCEPT_MARK = '_';

/** Longest word a question is searched for. */
const MAX_QUERY_WORD_LENGTH = 40;

/** A query's meaningful parts: each is one idea, satisfied if any of its terms matched. */
export interface QueryUnit {
  /** Terms that stand for the idea: a concept word, or the (stemmed) word itself. */
  terms: string[];
  /** For a phrase, its own words: indexed too, but not evidence of the idea. */
  words?: string[];
}

/**
 * Turns text into index terms: plain words (minus stop words) plus the concept word of every known
 * phrase, so that acronyms, aliases and typos meet the articles' own wording.
 *
 * @example
 * const vocabulary = new SearchVocabulary(groups);
 * vocabulary.terms('FE on MSCS'); // ['fe', '_frontend', 'mscs', '_cluster']
 */
export class SearchVocabulary {
  private readonly matcher: PhraseMatcher<string>;
  private readonly stems = new Map<string, string>();

  /**
   * @param typos the typo reading of typed words, shared with the fact recognizer of the same
   *   knowledge base (both read every message: see typo-reading.ts).
   */
  constructor(groups: readonly SynonymGroup[], typos: TypoReading = new TypoReading()) {
    this.matcher = new PhraseMatcher(
      groups.flatMap((group) => group.phrases.map((phrase) => ({ phrase, payload: group.concept, caseSensitive: isStopWord(phrase.toLowerCase()) }))),
      new Map(),
      typos,
    );
  }

  /**
   * Index terms of a text, in order: each word, followed by the concept of a phrase ending there.
   * The same terms as flattening {@link units} with generic words kept, without building the units
   * (this runs over every word of every article when the index is built).
   */
  terms(text: string): string[] {
    const tokens = tokenize(withoutTags(text));
    const terms: string[] = [];
    let next = 0;
    const addWord = (word: string) => {
      if (!isStopWord(word)) terms.push(this.stem(word));
    };
    for (const match of this.matcher.find(tokens, { exact: true })) {
      for (; next < match.from; next += 1) addWord(tokens[next]!.text);
      const words = new Set<string>();
      for (let i = match.from; i < match.to; i += 1) if (!isStopWord(tokens[i]!.text)) words.add(this.stem(tokens[i]!.text));
      terms.push(...words, CONCEPT_MARK + match.entry.payload);
      next = match.to;
    }
    for (; next < tokens.length; next += 1) addWord(tokens[next]!.text);
    return terms;
  }

  /**
   * What a question is searched for: the terms of its units, without the generic words, which
   * match nearly every article, carry almost no weight and would cost the most to look up.
   */
  queryTerms(text: string): string[] {
    return this.units(text).flatMap((unit) => [...(unit.words ?? []), ...unit.terms]);
  }

  /**
   * The ideas of a question: a known phrase is one unit (its words and its concept), any other
   * content word is a unit of its own. Generic words are left out unless `keepGeneric`.
   */
  units(text: string, options: { keepGeneric?: boolean } = {}): QueryUnit[] {
    // No real term is this long, and fuzzy matching one costs time and memory in proportion to its
    // length (a 100,000-letter "word" made MiniSearch throw).
    const tokens = tokenize(withoutTags(text)).filter((token) => token.text.length <= MAX_QUERY_WORD_LENGTH);
    const matches = this.matcher.find(tokens);
    const units: QueryUnit[] = [];
    let next = 0;
    const addWord = (word: string) => {
      if (isStopWord(word) || (!options.keepGeneric && (isGeneric(word) || /^\d{1,2}$/.test(word)))) return;
      units.push({ terms: [stem(word)] });
    };
    for (const match of matches) {
      for (; next < match.from; next += 1) addWord(tokens[next]!.text);
      // The phrase's own words still go into the index (they may matter on their own), but the idea
      // is carried by the concept: "back up" must not count as a match for "back-end".
      const words = tokens
        .slice(match.from, match.to)
        .map((t) => t.text)
        .filter((w) => !isStopWord(w) && (options.keepGeneric || !isGeneric(w)))
        .map(stem);
      units.push({ terms: [CONCEPT_MARK + match.entry.payload], words: [...new Set(words)] });
      next = match.to;
    }
    for (; next < tokens.length; next += 1) addWord(tokens[next]!.text);
    return units;
  }

  /** {@link stem}, memoised: a corpus has far fewer distinct words than words. */
  private stem(word: string): string {
    let stemmed = this.stems.get(word);
    if (stemmed === undefined) {
      if (this.stems.size >= 100_000) this.stems.clear();
      this.stems.set(word, (stemmed = stem(word)));
    }
    return stemmed;
  }
}

/**
 * Removes markup tags (Teams sends formatted messages as HTML), which are not content; the words
 * between them stay. Teams `<at>` mentions are removed by the bot before the text gets here.
 */
export function withoutTags(text: string): string {
  return text.replace(/<[^>]{0,200}>/g, ' ');
}
