import { BoundedCache } from '../bounded-cache';
import { allowedTypos, tokenize, wordMatches, type Token } from './text-tokens';

/** A phrase to look for, and what finding it means. */
export interface PhraseEntry<T> {
  phrase: string;
  payload: T;
  /** Match the exact letter case as written (for acronyms that are also English words, like "BE"). */
  caseSensitive?: boolean;
  /** Lower numbers win ties between overlapping matches of the same length. */
  priority?: number;
}

/** Where a phrase was found in a text. */
export interface PhraseMatch<T> {
  entry: PhraseEntry<T>;
  /** Index of the first and one past the last matched token. */
  from: number;
  to: number;
}

interface CompiledEntry<T> {
  entry: PhraseEntry<T>;
  words: string[];
  /** The words as written, for case-sensitive entries. */
  rawWords: string[];
  /** Position in its first word's list: matches at one place keep this order. */
  index: number;
}

/**
 * The entries sharing a first word, by their following words: a word of the text is compared once
 * with each distinct next word rather than once per entry ("windows" starts hundreds of phrases).
 */
interface WordTrie<T> {
  /** Entries whose words end here. */
  ends: CompiledEntry<T>[];
  next: Map<string, WordTrie<T>>;
  /** The keys of `next` that forgive typos (see allowedTypos). */
  fuzzyNext: string[];
}

/** The entries of one first word: case-insensitive ones in a trie, case-sensitive ones compared as written. */
interface FirstWordEntries<T> {
  trie: WordTrie<T>;
  caseSensitive: CompiledEntry<T>[];
  /** Entries so far, of either kind. */
  count: number;
}

// Distinct words seen, each with the entries whose first word it is a small typo of. Words come from users, so the
// cache is bounded in entries and bytes (a word may be thousands of letters long); a value is an
// array of pointers, mostly the shared empty one.
const CANDIDATE_CACHE_LIMITS = { maxEntries: 20_000, maxBytes: 4 * 1024 * 1024, sizeOf: (list: readonly unknown[]) => 16 + list.length * 8 };
const NO_CANDIDATES: never[] = [];

/**
 * Phrases may start with a typo among the first this many words of a text; further on, a phrase's
 * first word must be spelt right (its next words still forgive typos). Real questions are far
 * shorter; 4,000 characters of fresh typos took 20x a normal turn without the cap (issue 22). At 150
 * words that input still took 58-67 ms against a 2.1 ms normal turn (the recognizer and the search
 * vocabulary each read it); at 40 it takes 30 ms (60 left it at 36-41 ms, too near the limit), and no labelled set of questions, conversations or
 * listings scores differently.
 */
export const MAX_TYPO_WORDS = 40;

/**
 * The candidate cache of one or more matchers. Matchers built from one table share one (the fact
 * recognizer builds a matcher per question): the words users type then count against one budget,
 * not one budget per question, so adding a question to the table does not add to the memory that
 * random vocabulary can fill. Each matcher keys its words with its own prefix.
 */
export class CandidateCache<T> {
  readonly entries = new BoundedCache<string, CompiledEntry<T>[]>(CANDIDATE_CACHE_LIMITS);
  private matchers = 0;

  /** The key prefix of one more matcher: none for the first, so an unshared cache keys plain words. */
  nextPrefix(): string {
    const n = this.matchers++;
    return n === 0 ? '' : `${n.toString(36)}\u0000`;
  }
}

/**
 * Finds known phrases in free text, forgiving small typos, and resolves overlaps the way a reader
 * would: the longest phrase wins, so "Windows 2000 Advanced Server" is a Windows edition and its
 * "2000" is not also read as Exchange 2000.
 *
 * @example
 * const matcher = new PhraseMatcher([{ phrase: 'front end', payload: 'front-end' }]);
 * matcher.find('is a frnt-end ok?').map((m) => m.entry.payload); // ['front-end']
 */
export class PhraseMatcher<T> {
  private readonly byFirstWord = new Map<string, FirstWordEntries<T>>();
  /** Entries whose first word forgives typos, by that word's length (a typo changes it by at most 2). */
  private readonly fuzzyByLength = new Map<number, FuzzyFirstWords<T>>();
  private readonly candidateCache: BoundedCache<string, CompiledEntry<T>[]>;
  private readonly cachePrefix: string;

  /**
   * @param tokenized  phrases already split into tokens, shared between matchers built from the
   *                   same table (the fact recognizer builds one per question); filled as it goes.
   * @param cache      the candidate cache, shared between matchers built from the same table.
   */
  constructor(entries: Iterable<PhraseEntry<T>>, tokenized: Map<string, Token[]> = new Map(), cache: CandidateCache<T> = new CandidateCache()) {
    this.candidateCache = cache.entries;
    this.cachePrefix = cache.nextPrefix();
    for (const entry of entries) {
      let tokens = tokenized.get(entry.phrase);
      if (!tokens) tokenized.set(entry.phrase, (tokens = tokenize(entry.phrase)));
      const words = tokens.map((t) => t.text);
      if (words.length === 0) continue;
      const first = words[0]!;
      let group = this.byFirstWord.get(first);
      if (!group) this.byFirstWord.set(first, (group = { trie: newTrie(), caseSensitive: [], count: 0 }));
      const compiled = { entry, words, rawWords: tokens.map((t) => t.raw), index: group.count++ };
      if (entry.caseSensitive) group.caseSensitive.push(compiled);
      else addToTrie(group.trie, compiled);
      if (!entry.caseSensitive && allowedTypos(first) > 0) {
        let sameLength = this.fuzzyByLength.get(first.length);
        if (!sameLength) this.fuzzyByLength.set(first.length, (sameLength = { entries: [], letters: [], typos: [] }));
        sameLength.entries.push(compiled);
        sameLength.letters.push(letterMask(first));
        sameLength.typos.push(allowedTypos(first));
      }
    }
  }

  /**
   * All non-overlapping phrase matches in `text`, in text order. With `exact`, words must be spelt
   * as in the phrase (for edited text such as articles, where a near-miss is another word, not a typo).
   * `alsoFrom` adds the candidates of other matchers, their priorities shifted by `priorityShift`
   * (a typed answer: the asked question's own phrases first, every other phrase in competition).
   */
  find(text: string | Token[], options: { exact?: boolean; alsoFrom?: ReadonlyArray<{ matcher: PhraseMatcher<T>; priorityShift: number }> } = {}): PhraseMatch<T>[] {
    const tokens = typeof text === 'string' ? tokenize(text) : text;
    const candidates: { match: PhraseMatch<T>; priority: number }[] = [];
    for (const { matcher, priorityShift } of [{ matcher: this as PhraseMatcher<T>, priorityShift: 0 }, ...(options.alsoFrom ?? [])]) {
      for (const match of matcher.candidates(tokens, options.exact === true)) candidates.push({ match, priority: (match.entry.priority ?? 0) + priorityShift });
    }
    candidates.sort((a, b) => b.match.to - b.match.from - (a.match.to - a.match.from) || a.priority - b.priority || a.match.from - b.match.from);
    const taken = new Array<boolean>(tokens.length).fill(false);
    const accepted: PhraseMatch<T>[] = [];
    for (const { match } of candidates) {
      let free = true;
      for (let i = match.from; i < match.to && free; i += 1) free = !taken[i];
      if (!free) continue;
      for (let i = match.from; i < match.to; i += 1) taken[i] = true;
      accepted.push(match);
    }
    return accepted.sort((a, b) => a.from - b.from);
  }

  /** Every place a phrase matches, overlapping or not. */
  private candidates(tokens: Token[], exact: boolean): PhraseMatch<T>[] {
    const found: PhraseMatch<T>[] = [];
    const here: CompiledEntry<T>[] = [];
    for (let from = 0; from < tokens.length; from += 1) {
      const word = tokens[from]!.text;
      const group = this.byFirstWord.get(word);
      if (group) {
        // The entries of this first word, in the order they were given.
        here.length = 0;
        matchTrie(group.trie, tokens, from + 1, exact, here);
        for (const compiled of group.caseSensitive) if (this.matchesAt(tokens, from, compiled, exact)) here.push(compiled);
        if (here.length > 1) here.sort((a, b) => a.index - b.index);
        for (const compiled of here) found.push({ entry: compiled.entry, from, to: from + compiled.words.length });
      }
      if (exact || from >= MAX_TYPO_WORDS) continue;
      // Then the entries whose first word this one is a small typo of.
      for (const compiled of this.typoCandidatesAt(word)) {
        if (this.matchesAt(tokens, from, compiled, exact)) found.push({ entry: compiled.entry, from, to: from + compiled.words.length });
      }
    }
    return found;
  }

  /** Entries whose first word `word` is a small typo of (the same test {@link matchesAt} applies), memoised per word. */
  private typoCandidatesAt(word: string): CompiledEntry<T>[] {
    const key = this.cachePrefix === '' ? word : this.cachePrefix + word;
    const cached = this.candidateCache.get(key);
    if (cached) return cached;
    let candidates: CompiledEntry<T>[] = NO_CANDIDATES;
    // wordMatches never forgives a typed word with a digit or of fewer than 4 letters.
    if (word.length >= 4 && !/\d/.test(word)) {
      // Fuzzy entries are few (a few hundred phrases), so those of a similar length are scanned once
      // per distinct word; the letter masks rule out almost all of them before the edit distance
      // (fresh words spent 85% of a turn there: issue 22).
      const typed = letterMask(word);
      for (let length = word.length - 2; length <= word.length + 2; length += 1) {
        const sameLength = this.fuzzyByLength.get(length);
        if (!sameLength) continue;
        const lengthGap = Math.abs(length - word.length);
        for (let i = 0; i < sameLength.entries.length; i += 1) {
          const typos = sameLength.typos[i]!;
          if (lengthGap > typos || bitCount(typed ^ sameLength.letters[i]!) > 2 * typos) continue;
          const compiled = sameLength.entries[i]!;
          if (compiled.words[0] !== word && wordMatches(word, compiled.words[0]!)) candidates = [...candidates, compiled];
        }
      }
    }
    this.candidateCache.set(key, candidates);
    return candidates;
  }

  private matchesAt(tokens: Token[], from: number, compiled: CompiledEntry<T>, exact: boolean): boolean {
    if (from + compiled.words.length > tokens.length) return false;
    return compiled.words.every((word, i) => {
      const token = tokens[from + i]!;
      if (compiled.entry.caseSensitive) return compiled.rawWords[i] === token.raw;
      return exact ? token.text === word : wordMatches(token.text, word);
    });
  }
}

/** The fuzzy entries of one first-word length, with each first word's letter mask and typos allowed. */
interface FuzzyFirstWords<T> {
  entries: CompiledEntry<T>[];
  letters: number[];
  typos: number[];
}

/**
 * Which of 32 letter classes (the UTF-16 code modulo 32) a word uses. Each edit the typo distance
 * counts (a letter inserted, deleted or replaced, two swapped) changes the letters present by at
 * most two, so words within `d` edits differ in at most `2d` classes: a pre-filter that never rules
 * out a real match.
 */
function letterMask(word: string): number {
  let mask = 0;
  for (let i = 0; i < word.length; i += 1) mask |= 1 << (word.charCodeAt(i) & 31);
  return mask;
}

function bitCount(value: number): number {
  let v = value - ((value >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

function newTrie<T>(): WordTrie<T> {
  return { ends: [], next: new Map(), fuzzyNext: [] };
}

function addToTrie<T>(root: WordTrie<T>, compiled: CompiledEntry<T>): void {
  let node = root;
  for (const word of compiled.words.slice(1)) {
    let child = node.next.get(word);
    if (!child) {
      node.next.set(word, (child = newTrie()));
      if (allowedTypos(word) > 0) node.fuzzyNext.push(word);
    }
    node = child;
  }
  node.ends.push(compiled);
}

/**
 * Collects into `out` the entries of `node` and below that match the tokens from `at` on: the same
 * test as {@link PhraseMatcher.matchesAt} (spelt alike, or a small typo where typos are forgiven),
 * made once per distinct word.
 */
function matchTrie<T>(node: WordTrie<T>, tokens: readonly Token[], at: number, exact: boolean, out: CompiledEntry<T>[]): void {
  for (const compiled of node.ends) out.push(compiled);
  if (at >= tokens.length || node.next.size === 0) return;
  const typed = tokens[at]!.text;
  const same = node.next.get(typed);
  if (same) matchTrie(same, tokens, at + 1, exact, out);
  if (exact) return;
  for (const word of node.fuzzyNext) {
    if (word !== typed && wordMatches(typed, word)) matchTrie(node.next.get(word)!, tokens, at + 1, exact, out);
  }
}
