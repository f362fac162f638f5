import { stem } from '../stem';
import { isStopWord } from '../stop-words';
import { tokenize } from '../text-tokens';

/** Questions worded alike, with how often each wording was asked. */
export interface QuestionGroup {
  /** The most asked wording (the first asked, on a tie). */
  example: string;
  count: number;
  wordings: Array<{ text: string; count: number }>;
}

/** Two questions whose topic words overlap this much (Jaccard) are grouped. */
const SIMILARITY = 0.5;

/**
 * Groups questions by similar wording: "how do I reset a printer" and "reset the printers?" share
 * their topic words (stop words dropped, inflections folded) and land in one group. Greedy and
 * deterministic: wordings are taken most asked first, each joins the first group it is similar to.
 */
export function groupSimilarQuestions(questions: readonly string[]): QuestionGroup[] {
  const counts = new Map<string, { text: string; count: number; order: number }>();
  questions.forEach((question, order) => {
    const text = question.trim().replace(/\s+/g, ' ');
    const key = text.toLowerCase();
    const known = counts.get(key);
    if (known) known.count += 1;
    else counts.set(key, { text, count: 1, order });
  });
  const wordings = [...counts.values()].sort((a, b) => b.count - a.count || a.order - b.order);
  const groups: Array<QuestionGroup & { words: Set<string> }> = [];
  for (const wording of wordings) {
    const words = topicWords(wording.text);
    const group = groups.find((g) => jaccard(g.words, words) >= SIMILARITY);
    if (group) {
      group.count += wording.count;
      group.wordings.push({ text: wording.text, count: wording.count });
    } else {
      groups.push({ example: wording.text, count: wording.count, wordings: [{ text: wording.text, count: wording.count }], words });
    }
  }
  return groups.sort((a, b) => b.count - a.count).map(({ words: _words, ...group }) => group);
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
