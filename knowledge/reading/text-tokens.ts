/** A word of the user's text, lower-cased, with where it stood in the original. */
export interface Token {
  /** Lower-cased, accent-folded form used for matching. */
  text: string;
  /** The word exactly as typed, kept for case-sensitive acronyms such as "BE". */
  raw: string;
  start: number;
  end: number;
  /** A line break stands between this word and the one before: no phrase runs across it ("servers:\n2019 cu15" is no Windows Server 2019). */
  afterLineBreak?: true;
}

// Letters and digits of any script stay together; everything else separates words, so "front-end"
// is two words and "E2K3" is one.
const WORD = /[\p{L}\p{N}]+/gu;
const LINE_BREAK = /[\n\r\u2028\u2029]/;

/**
 * Splits text into lower-case word tokens with their offsets. With `lineBreaks` (a typed message, not an article whose
 * Markdown lines wrap anywhere), a word after a line break is marked so that no phrase runs across it.
 *
 * @example
 * tokenize('Front-end on MSCS?').map((t) => t.text); // ['front', 'end', 'on', 'mscs']
 */
export function tokenize(text: string, lineBreaks = false): Token[] {
  const tokens: Token[] = [];
  const normalized = text.normalize('NFKC');
  let previousEnd = 0;
  for (const match of normalized.matchAll(WORD)) {
    const raw = match[0];
    const text = raw.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    const token: Token = { text, raw, start: match.index, end: match.index + raw.length };
    if (lineBreaks && tokens.length > 0 && LINE_BREAK.test(normalized.slice(previousEnd, match.index))) token.afterLineBreak = true;
    tokens.push(token);
    previousEnd = token.end;
  }
  return tokens;
}

/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transpositions, the commonest typo),
 * giving up early once the distance must exceed `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previousPrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, previousPrevious[j - 2]! + 1);
      }
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    previousPrevious = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * How many typos a typed word may have and still count as `known`. Words with digits never fuzz
 * ("2000" is not a typo of "2003"), short words must be exact (acronyms), longer words forgive one
 * slip, and long words two.
 */
export function allowedTypos(known: string): number {
  if (/\d/.test(known) || known.length < 5) return 0;
  return known.length < 9 ? 1 : 2;
}

/** True when a typed word is the known word or a small typo of it. */
export function wordMatches(typed: string, known: string): boolean {
  if (typed === known) return true;
  const max = allowedTypos(known);
  if (max === 0 || /\d/.test(typed) || typed.length < 4) return false;
  return editDistance(typed, known, max) <= max;
}
