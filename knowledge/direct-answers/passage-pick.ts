import type { Article } from '../loading/articles';
import { articlePassages, type Passage } from '../search/passages';
import type { PassageAnswer } from '../search/passage-search';
import { stem } from '../search/stem';
import { isStopWord } from '../search/stop-words';
import { BoundedCache } from '../bounded-cache';

/** Words a question abbreviates that articles spell out. */
const SPELLED_OUT: Record<string, string> = {
  dc: 'domain controller',
  dcs: 'domain controllers',
  evs: 'exchange virtual server',
  fsw: 'file share witness',
  nlb: 'network load balancing',
};
const MAX_SENTENCES = 3;

function terms(text: string): string[] {
  const words = text
    .toLowerCase()
    .replace(/\b(dcs?|evs|fsw)\b/g, (w) => SPELLED_OUT[w] ?? w)
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length >= 2 && !isStopWord(w));
  return words.map(stem);
}

type Picked = { passage: PassageAnswer; score: number } | undefined;

interface PreparedArticle {
  passages: Passage[];
  termsOf: Map<Passage, Set<string>>;
  /** In how many passages each term stands. */
  frequency: Map<string, number>;
  /** Tells this loaded article apart in {@link picks}' keys: a reloaded article of the same id is another. */
  serial: number;
}

// Picks already made (the same answer asked again), by article and answer words. The words hold the
// typed question, so the memo is bounded in entries and bytes, keys included, for all articles together.
const picks = new BoundedCache<string, Picked | null>({
  maxEntries: 2_000,
  maxBytes: 2 * 1024 * 1024,
  sizeOf: (picked) => 64 + (picked ? picked.passage.sentences.reduce((n, sentence) => n + 2 * sentence.length, 0) : 0),
});
let serials = 0;

// The passages of an article and their terms depend on the article alone: cut once per loaded article
// rather than at every direct answer (re-lexing the Markdown was a fifth of a knowledge answer's CPU,
// issue 24). Keyed by the Article object, so a reload's new articles start afresh and the map never
// holds more than the articles still loaded.
const prepared = new WeakMap<Article, PreparedArticle>();

function preparedOf(article: Article): PreparedArticle {
  let known = prepared.get(article);
  if (!known) {
    const passages = articlePassages(article).filter((p) => !p.aboutText);
    const termsOf = new Map(passages.map((p) => [p, new Set(terms(p.text))]));
    const frequency = new Map<string, number>();
    for (const set of termsOf.values()) for (const t of set) frequency.set(t, (frequency.get(t) ?? 0) + 1);
    known = { passages, termsOf, frequency, serial: (serials += 1) };
    prepared.set(article, known);
  }
  return known;
}

/**
 * The passage of an article that carries a direct answer's fact: the one sharing the most of the
 * answer's words (rarer words in the article weigh more), a table row or list item naming the
 * subject (the version asked, "2019") before a sentence that does not, and never a sentence about a
 * source or the table itself. Quoted with what follows it in its paragraph.
 */
export function pickPassage(article: Article, answerWords: string, subjectWords: readonly string[]): Picked {
  const prepared = preparedOf(article);
  const key = `${prepared.serial}\u0000${answerWords}\u0000${subjectWords.join('\u0001')}`;
  let picked = picks.get(key);
  if (picked === undefined) {
    picked = pick(article, prepared, answerWords, subjectWords) ?? null;
    picks.set(key, picked);
  }
  // A copy: the caller's answer is its own.
  return picked ? { passage: { ...picked.passage, sentences: [...picked.passage.sentences] }, score: picked.score } : undefined;
}

function pick(article: Article, { passages, termsOf, frequency }: PreparedArticle, answerWords: string, subjectWords: readonly string[]): Picked {
  if (passages.length === 0) return undefined;
  const wanted = new Set(terms(answerWords));
  const subject = subjectWords.map((w) => new RegExp(`(?<![\\p{L}\\p{N}])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'iu'));
  let best: { passage: Passage; score: number } | undefined;
  for (const passage of passages) {
    const own = termsOf.get(passage)!;
    let score = 0;
    for (const t of wanted) if (own.has(t)) score += Math.log(1 + passages.length / frequency.get(t)!);
    const namesSubject = subject.length > 0 && subject.every((w) => w.test(passage.text));
    if (namesSubject) score *= 1.5;
    if (namesSubject && passage.labels !== undefined) score *= 1.3;
    if (!best || score > best.score) best = { passage, score };
  }
  if (!best || best.score === 0) return undefined;
  const block = passages.filter((p) => p.block === best.passage.block);
  const at = block.indexOf(best.passage);
  const shown = [...block.slice(at), ...block.slice(0, at)].slice(0, MAX_SENTENCES);
  return { passage: { article, section: best.passage.section, sentences: shown.map((p) => p.text), kind: 'open', answerFirst: false, coverage: 1 }, score: best.score };
}
