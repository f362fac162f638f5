import { allowedTypos, tokenize, type Token } from './text-tokens';
import { TypoReading } from './typo-reading';

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
  /** The words as written, for case-sensitive entries (the lower-cased words for the others, which never read it). */
  rawWords: string[];
  /** Position in its first word's list: matches at one place keep this order. */
  index: number;
  /** Order among the matcher's entries: typo-started matches at one place come shorter first words first, then in this order. */
  order: number;
}

/**
 * The entries sharing a first word, by their following words: a word of the text is compared once
 * with each distinct next word rather than once per entry ("windows" starts hundreds of phrases).
 */
interface WordTrie<T> {
  /** Entries whose words end here. */
  ends: CompiledEntry<T>[];
  next: Map<string, WordTrie<T>>;
  /** Whether a key of `next` forgives typos (see allowedTypos). */
  fuzzyNext: boolean;
}

/** The entries of one first word: case-insensitive ones in a trie, case-sensitive ones compared as written. */
interface FirstWordEntries<T> {
  trie: WordTrie<T>;
  caseSensitive: CompiledEntry<T>[];
  /** Entries so far, of either kind. */
  count: number;
}

/**
 * Phrases may start with a typo among the first this many words of a text; further on, a phrase's
 * first word must be spelt right (its next words still forgive typos). Real questions are far
 * shorter; 4,000 characters of fresh typos took 20x a normal turn without the cap (issue 22). At 150
 * words that input took 58-67 ms against a 2.1 ms normal turn while the recognizer and the search
 * vocabulary each compared every typed word with their own phrases, so the cap went down to 40;
 * with one typo reading for both (typo-reading.ts) 150 words cost about what 40 did.
 */
export const MAX_TYPO_WORDS = 150;

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
  private readonly typos: TypoReading;
  private entryCount = 0;

  /**
   * @param tokenized  phrases already split into tokens, shared between matchers built from the
   *                   same table (the fact recognizer builds one per question); filled as it goes.
   * @param typos      the typo reading of typed words, shared between the matchers that read the
   *                   same messages (a knowledge base's recognizer and search vocabulary): each
   *                   typed word is compared with the known words once, for all of them.
   */
  constructor(entries: Iterable<PhraseEntry<T>>, tokenized: Map<string, Token[]> = new Map(), typos: TypoReading = new TypoReading()) {
    this.typos = typos;
    for (const entry of entries) {
      let tokens = tokenized.get(entry.phrase);
      if (!tokens) tokenized.set(entry.phrase, (tokens = tokenize(entry.phrase)));
      if (tokens.length === 0) continue;
      // Plain loops: a start builds about 12,000 entries before V8 has optimised any of this (issue 24).
      const words: string[] = new Array(tokens.length);
      for (let i = 0; i < tokens.length; i += 1) words[i] = tokens[i]!.text;
      const first = words[0]!;
      let group = this.byFirstWord.get(first);
      if (!group) this.byFirstWord.set(first, (group = { trie: newTrie(), caseSensitive: [], count: 0 }));
      const compiled: CompiledEntry<T> = { entry, words, rawWords: words, index: group.count++, order: this.entryCount++ };
      if (entry.caseSensitive) {
        // Only a case-sensitive entry compares the words as written.
        compiled.rawWords = tokens.map((t) => t.raw);
        group.caseSensitive.push(compiled);
        continue;
      }
      addToTrie(group.trie, compiled);
      // Every word of a case-insensitive phrase forgives typos where allowedTypos says so.
      for (const word of words) typos.add(word);
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
    const typos = exact ? undefined : this.typos;
    for (let from = 0; from < tokens.length; from += 1) {
      const word = tokens[from]!.text;
      const group = this.byFirstWord.get(word);
      if (group) {
        // The entries of this first word, in the order they were given.
        here.length = 0;
        matchTrie(group.trie, tokens, from + 1, typos, here);
        for (const compiled of group.caseSensitive) if (this.matchesAsWritten(tokens, from, compiled)) here.push(compiled);
        if (here.length > 1) here.sort((a, b) => a.index - b.index);
        for (const compiled of here) found.push({ entry: compiled.entry, from, to: from + compiled.words.length });
      }
      if (!typos || from >= MAX_TYPO_WORDS) continue;
      // Then the entries whose first word this one is a small typo of: shorter first words first,
      // then in the order they were given.
      here.length = 0;
      for (const known of typos.typosOf(word)) {
        const typoGroup = this.byFirstWord.get(known);
        if (typoGroup) matchTrie(typoGroup.trie, tokens, from + 1, typos, here);
      }
      if (here.length > 1) here.sort((a, b) => a.words[0]!.length - b.words[0]!.length || a.order - b.order);
      for (const compiled of here) found.push({ entry: compiled.entry, from, to: from + compiled.words.length });
    }
    return found;
  }

  /** A case-sensitive entry at `from`: its words as written. */
  private matchesAsWritten(tokens: Token[], from: number, compiled: CompiledEntry<T>): boolean {
    if (from + compiled.words.length > tokens.length) return false;
    return compiled.rawWords.every((raw, i) => tokens[from + i]!.raw === raw && (i === 0 || !tokens[from + i]!.afterLineBreak));
  }
}

function newTrie<T>(): WordTrie<T> {
  return { ends: [], next: new Map(), fuzzyNext: false };
}

function addToTrie<T>(root: WordTrie<T>, compiled: CompiledEntry<T>): void {
  let node = root;
  for (let i = 1; i < compiled.words.length; i += 1) {
    const word = compiled.words[i]!;
    let child = node.next.get(word);
    if (!child) {
      node.next.set(word, (child = newTrie()));
      if (allowedTypos(word) > 0) node.fuzzyNext = true;
    }
    node = child;
  }
  node.ends.push(compiled);
}

/**
 * Collects into `out` the entries of `node` and below that match the tokens from `at` on: each word
 * spelt alike, or (with `typos`) a small typo where the phrase's word forgives typos. A typed word
 * is compared with the known words once (TypoReading), whatever the number of phrases.
 */
function matchTrie<T>(node: WordTrie<T>, tokens: readonly Token[], at: number, typos: TypoReading | undefined, out: CompiledEntry<T>[]): void {
  for (const compiled of node.ends) out.push(compiled);
  // A line break ends a phrase: its next word starts another (issue 21, w7-design-16).
  if (at >= tokens.length || node.next.size === 0 || tokens[at]!.afterLineBreak) return;
  const typed = tokens[at]!.text;
  const same = node.next.get(typed);
  if (same) matchTrie(same, tokens, at + 1, typos, out);
  if (!typos || !node.fuzzyNext) return;
  for (const known of typos.typosOf(typed)) {
    const child = node.next.get(known);
    if (child) matchTrie(child, tokens, at + 1, typos, out);
  }
}
