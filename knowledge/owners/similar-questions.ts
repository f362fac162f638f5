import { stem } from '../search/stem';
import { isStopWord } from '../search/stop-words';
import { tokenize } from '../reading/text-tokens';

/** Questions worded alike, with how often each wording was asked. */
export interface QuestionGroup {
  /** The most asked wording (the first asked, on a tie). */
  example: string;
  count: number;
  wordings: Array<{ text: string; count: number }>;
}

/** Groups, and how many wordings were left ungrouped when the time budget ran out. */
export interface QuestionGrouping {
  groups: QuestionGroup[];
  /** Wordings (and the questions asked in them) not grouped because the time budget ran out: 0 when complete. */
  ungrouped: { wordings: number; questions: number };
}

/** Two questions whose topic words overlap this much (Jaccard) are grouped. */
const SIMILARITY = 0.5;

/**
 * Groups questions by similar wording: "how do I reset a printer" and "reset the printers?" share
 * their topic words (stop words dropped, inflections folded) and land in one group. Greedy and
 * deterministic: wordings are taken most asked first, each joins the first group it is similar to.
 */
export function groupSimilarQuestions(questions: readonly string[]): QuestionGroup[] {
  const grouper = new QuestionGrouper(questions);
  grouper.run(Number.POSITIVE_INFINITY);
  return grouper.result().groups;
}

/** How {@link groupSimilarQuestionsInSlices} shares the event loop. */
export interface SliceOptions {
  /** Longest stretch of work before yielding to the event loop. */
  sliceMs: number;
  /** Total time allowed; past it the wordings left are counted, not grouped. */
  budgetMs: number;
}

/**
 * {@link groupSimilarQuestions} for a running bot: the work is cut into slices of at most
 * `sliceMs`, with the event loop free in between (other users' turns go on), and stops at
 * `budgetMs`, returning the groups made so far and the count of what was left.
 */
export async function groupSimilarQuestionsInSlices(questions: readonly string[], options: SliceOptions): Promise<QuestionGrouping> {
  const started = performance.now();
  const grouper = new QuestionGrouper(questions);
  for (;;) {
    const now = performance.now();
    if (now - started >= options.budgetMs) break;
    if (grouper.run(Math.min(now + options.sliceMs, started + options.budgetMs))) break;
    await new Promise((resolve) => setImmediate(resolve));
  }
  return grouper.result();
}

interface Wording {
  text: string;
  count: number;
  order: number;
}

/**
 * The greedy grouping, in steps. Instead of comparing each wording with every group (quadratic:
 * 5,916 questions took 38 s, issue 22), groups are found through an index of their rarest words
 * (the prefix and positional filters of all-pairs similarity joins, PPJoin): with the words of every
 * set in one global order, rarest first, two sets with Jaccard >= t share a word among the first
 * |x| - ceil(t * |x|) + 1 of each; and at the first shared word, at positions i and j, the overlap
 * can be at most 1 + min(|a| - i - 1, |b| - j - 1), too little for many pairs that share one common
 * word. Only the groups left are compared, in creation order, so the result is exactly that of
 * comparing with every group.
 */
class QuestionGrouper {
  private readonly wordings: Wording[];
  private readonly groups: Array<QuestionGroup & { words: Set<string>; size: number }> = [];
  /** By a word of a group's prefix: the group indexes and the word's position in that group's order. */
  private readonly index = new Map<string, { groups: number[]; positions: number[] }>();
  private readonly rank = new Map<string, number>();
  /** Each wording's topic words (rarest first once {@link orderWords} ran). */
  private readonly wordsOf: string[][] = [];
  private emptyGroup: number | undefined;
  private next = 0;
  /** Per group: the probe that last touched it, and the words it shared with that probe's wording. */
  private readonly seen: Int32Array;
  private readonly shared: Int32Array;
  private probes = 0;

  constructor(questions: readonly string[]) {
    const counts = new Map<string, Wording>();
    questions.forEach((question, order) => {
      const text = question.trim().replace(/\s+/g, ' ');
      const key = text.toLowerCase();
      const known = counts.get(key);
      if (known) known.count += 1;
      else counts.set(key, { text, count: 1, order });
    });
    this.wordings = [...counts.values()].sort((a, b) => b.count - a.count || a.order - b.order);
    this.seen = new Int32Array(this.wordings.length);
    this.shared = new Int32Array(this.wordings.length);
  }

  /** Works until `deadline` (performance.now() time): the words of each wording, their order, then the groups. True when all are grouped. */
  run(deadline: number): boolean {
    // Checking the clock costs more than a wording: every 32.
    while (this.wordsOf.length < this.wordings.length) {
      if (this.wordsOf.length % 32 === 0 && performance.now() >= deadline) return false;
      this.wordsOf.push([...topicWords(this.wordings[this.wordsOf.length]!.text)]);
    }
    if (this.rank.size === 0) this.orderWords();
    while (this.next < this.wordings.length) {
      if (this.next % 32 === 0 && performance.now() >= deadline) return false;
      this.place(this.wordings[this.next]!, this.wordsOf[this.next]!);
      this.next += 1;
    }
    return true;
  }

  /** Ranks the words rarest first (ties by spelling) and sorts each wording's words in that order. */
  private orderWords(): void {
    const frequency = new Map<string, number>();
    for (const words of this.wordsOf) for (const word of words) frequency.set(word, (frequency.get(word) ?? 0) + 1);
    [...frequency.keys()].sort((a, b) => frequency.get(a)! - frequency.get(b)! || (a < b ? -1 : a > b ? 1 : 0)).forEach((word, i) => this.rank.set(word, i));
    for (const words of this.wordsOf) words.sort((a, b) => this.rank.get(a)! - this.rank.get(b)!);
  }

  result(): QuestionGrouping {
    const left = this.wordings.slice(this.next);
    return {
      groups: [...this.groups].sort((a, b) => b.count - a.count).map(({ words: _words, size: _size, ...group }) => group),
      ungrouped: { wordings: left.length, questions: left.reduce((sum, w) => sum + w.count, 0) },
    };
  }

  private place(wording: Wording, ordered: string[]): void {
    const found = ordered.length === 0 ? this.emptyGroup : this.firstSimilar(ordered);
    if (found !== undefined) {
      const group = this.groups[found]!;
      group.count += wording.count;
      group.wordings.push({ text: wording.text, count: wording.count });
      return;
    }
    const words = new Set(ordered);
    const created = this.groups.push({ example: wording.text, count: wording.count, wordings: [{ text: wording.text, count: wording.count }], words, size: ordered.length }) - 1;
    if (ordered.length === 0) this.emptyGroup = created;
    ordered.slice(0, prefixLength(ordered.length)).forEach((word, position) => {
      const entry = this.index.get(word) ?? this.index.set(word, { groups: [], positions: [] }).get(word)!;
      entry.groups.push(created);
      entry.positions.push(position);
    });
  }

  /** The first group (in creation order) whose words are similar to `ordered`, if any. */
  private firstSimilar(ordered: string[]): number | undefined {
    const size = ordered.length;
    // Words shared so far per group (valid where seen[g] is this probe); -1 once the positional bound rules a group out.
    const probe = (this.probes += 1);
    const { seen, shared } = this;
    const candidates: number[] = [];
    const prefix = prefixLength(size);
    for (let i = 0; i < prefix; i += 1) {
      const entry = this.index.get(ordered[i]!);
      if (!entry) continue;
      for (let k = 0; k < entry.groups.length; k += 1) {
        const g = entry.groups[k]!;
        const before = seen[g] === probe ? shared[g]! : 0;
        if (before < 0) continue;
        const other = this.groups[g]!.size;
        if (other * SIMILARITY > size || size * SIMILARITY > other) continue; // Jaccard >= t needs sizes within 1/t
        const bound = before + 1 + Math.min(size - i - 1, other - entry.positions[k]! - 1);
        if (before === 0 && bound >= neededOverlap(size, other)) candidates.push(g);
        seen[g] = probe;
        shared[g] = bound >= neededOverlap(size, other) ? before + 1 : -1;
      }
    }
    candidates.sort((a, b) => a - b);
    const words = new Set(ordered);
    return candidates.find((g) => shared[g]! > 0 && jaccard(this.groups[g]!.words, words) >= SIMILARITY);
  }
}

/** How many of a set's words (rarest first) it is indexed and probed under: |x| - ceil(t * |x|) + 1. */
function prefixLength(size: number): number {
  return size - Math.ceil(SIMILARITY * size) + 1;
}

/** The fewest shared words that make sets of these sizes similar: s / (a + b - s) >= t, so s >= t (a + b) / (1 + t). */
function neededOverlap(a: number, b: number): number {
  return Math.ceil((SIMILARITY * (a + b)) / (1 + SIMILARITY) - 1e-9);
}

function topicWords(text: string): Set<string> {
  return new Set(
    tokenize(text)
      .map((t) => t.text)
      .filter((w) => !isStopWord(w))
      .map(stem),
  );
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared += 1;
  return shared / (a.size + b.size - shared);
}
