import { BoundedCache } from '../bounded-cache';
import { allowedTypos, wordMatches } from './text-tokens';

// Typed words → the known words each is a small typo of. Words come from users, so the memo is
// bounded in entries and bytes (a word may be thousands of letters long); a value is mostly the
// shared empty list.
const TYPO_MEMO_LIMITS = { maxEntries: 20_000, maxBytes: 4 * 1024 * 1024, sizeOf: (list: readonly string[]) => 16 + list.length * 8 };
const NO_TYPOS: readonly string[] = Object.freeze([]);

/** The known words of one length that forgive typos, with each word's letter mask and typos allowed. */
interface SameLength {
  words: string[];
  letters: number[];
  typos: number[];
}

/**
 * The words that phrases are spelt with, and which of them a typed word is a small typo of, read
 * once per typed word for every phrase matcher that shares it. A knowledge base shares one between
 * the fact recognizer (the router's reading, the extract, every typed answer) and the search
 * vocabulary, which read the same message: 4,000 characters of fresh typos were read twice, each
 * reader comparing every word with its own phrases (issue 24; the hostile-input test of issue 13).
 *
 * @example
 * const typos = new TypoReading();
 * typos.add('cluster');
 * typos.typosOf('clustr'); // ['cluster']
 */
export class TypoReading {
  private readonly byLength = new Map<number, SameLength>();
  private readonly known = new Set<string>();
  private memo = new BoundedCache<string, readonly string[]>(TYPO_MEMO_LIMITS);

  /** Adds a word phrases are spelt with; words that never forgive a typo (short, with digits) are left out. */
  add(word: string): void {
    if (this.known.has(word) || allowedTypos(word) === 0) return;
    this.known.add(word);
    let sameLength = this.byLength.get(word.length);
    if (!sameLength) this.byLength.set(word.length, (sameLength = { words: [], letters: [], typos: [] }));
    sameLength.words.push(word);
    sameLength.letters.push(letterMask(word));
    sameLength.typos.push(allowedTypos(word));
    // A word read before this one was added may be a typo of it.
    if (this.memo.size > 0) this.memo = new BoundedCache(TYPO_MEMO_LIMITS);
  }

  /** The known words other than `typed` that `typed` is a small typo of (wordMatches), memoised per typed word. */
  typosOf(typed: string): readonly string[] {
    // wordMatches never forgives a typed word with a digit or of fewer than 4 letters.
    if (typed.length < 4 || /\d/.test(typed)) return NO_TYPOS;
    const cached = this.memo.get(typed);
    if (cached) return cached;
    let typos = NO_TYPOS;
    // The letter masks rule out almost every word of a similar length before the edit distance
    // (fresh words spent 85% of a turn there: issue 22).
    const typedMask = letterMask(typed);
    for (let length = typed.length - 2; length <= typed.length + 2; length += 1) {
      const sameLength = this.byLength.get(length);
      if (!sameLength) continue;
      const lengthGap = Math.abs(length - typed.length);
      for (let i = 0; i < sameLength.words.length; i += 1) {
        const allowed = sameLength.typos[i]!;
        if (lengthGap > allowed || bitCount(typedMask ^ sameLength.letters[i]!) > 2 * allowed) continue;
        const known = sameLength.words[i]!;
        if (known !== typed && wordMatches(typed, known)) typos = [...typos, known];
      }
    }
    this.memo.set(typed, typos);
    return typos;
  }

  /** Typed words held in the memo now. */
  get memoSize(): number {
    return this.memo.size;
  }
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
