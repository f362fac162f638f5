import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** A labelled search question: the article that should rank first, or null when the bot must refuse. */
export interface LabelledQuestion {
  q: string;
  expected: string | null;
  also?: string[];
  /** For passage questions: what the first passage shown must contain (any one of a list), case-insensitive. */
  fact?: string | string[];
  kind?: string;
}

/** Reads and checks a labelled question file (same format as test/fixtures/search-questions.yaml). */
export function readLabelledQuestions(file: string, articleIds: ReadonlySet<string>): LabelledQuestion[] {
  const questions = parse(readFileSync(file, 'utf8')) as LabelledQuestion[];
  if (!Array.isArray(questions)) throw new Error(`${file}: expected a list of questions`);
  for (const [i, question] of questions.entries()) {
    if (typeof question.q !== 'string' || question.q.trim() === '') throw new Error(`${file}: question ${i + 1} has no text`);
    if (question.expected !== null && !articleIds.has(question.expected)) throw new Error(`${file}: "${question.q}" expects unknown article ${question.expected}`);
    for (const id of question.also ?? []) if (!articleIds.has(id)) throw new Error(`${file}: "${question.q}" names unknown article ${id}`);
    const facts = question.fact === undefined ? [] : Array.isArray(question.fact) ? question.fact : [question.fact];
    if (facts.some((f) => typeof f !== 'string' && typeof f !== 'number')) throw new Error(`${file}: "${question.q}" has a fact that is not text`);
  }
  return questions;
}

/** What a search engine returned for one question: article ids best first, and whether it declined to answer. */
export interface Ranking {
  /** The answer's article first, then the others; or, when `suggested`, the suggestions offered. */
  ids: string[];
  /** Declined outright: no answer and no suggestion. */
  refused: boolean;
  /** No confident answer, but `ids` were offered as "did you mean" buttons. */
  suggested?: boolean;
  /** The text of the first passage shown (engines that quote passages only). */
  passage?: string;
}

export interface QualityFigures {
  questions: number;
  answerable: number;
  noAnswer: number;
  top1: number;
  top3: number;
  mrr: number;
  /** No-answer questions the engine declined to answer, or answered with suggestions only. */
  refused: number;
  /** Of those, the ones declined outright (no suggestion either). */
  refusedOutright: number;
  /** Answerable questions the engine declined to answer outright (a suggestion list is not a refusal). */
  falseRefusals: number;
  /** Questions (answerable or not) answered with a suggestion list instead of an answer. */
  suggestionsShown: number;
  /** Passage questions (with an expected fact), and those whose first passage holds it; null when the engine quotes no passages. */
  passageQuestions: number;
  factFound: number | null;
  misses: Array<{ q: string; expected: string | null; got: string | null }>;
}

/** top-1, top-3 and MRR over the answerable questions, refusals over the no-answer ones. */
export function scoreRankings(questions: readonly LabelledQuestion[], rank: (q: string) => Ranking): QualityFigures {
  let top1 = 0;
  let top3 = 0;
  let reciprocal = 0;
  let refused = 0;
  let refusedOutright = 0;
  let falseRefusals = 0;
  let suggestionsShown = 0;
  let passageQuestions = 0;
  let factFound: number | null = 0;
  const misses: QualityFigures['misses'] = [];
  for (const question of questions) {
    const ranking = rank(question.q);
    if (ranking.suggested) suggestionsShown += 1;
    const got = ranking.refused ? null : ranking.suggested ? `suggestions ${ranking.ids.join(', ')}` : (ranking.ids[0] ?? null);
    if (question.expected === null) {
      if (ranking.refused || ranking.suggested) refused += 1;
      else misses.push({ q: question.q, expected: null, got });
      if (ranking.refused) refusedOutright += 1;
      continue;
    }
    const acceptable = (id: string) => id === question.expected || (question.also ?? []).includes(id);
    const facts = question.fact === undefined ? [] : (Array.isArray(question.fact) ? question.fact : [question.fact]).map((f) => String(f).toLowerCase());
    if (facts.length > 0) {
      passageQuestions += 1;
      if (ranking.passage === undefined && !ranking.refused && !ranking.suggested) factFound = null;
      const passage = ranking.passage?.toLowerCase();
      if (factFound !== null && passage !== undefined && facts.some((f) => passage.includes(f))) factFound += 1;
      else if (factFound !== null) misses.push({ q: question.q, expected: `${question.expected} with "${facts.join('" or "')}"`, got: `passage: ${ranking.passage ?? 'none'}` });
    }
    if (ranking.refused) {
      falseRefusals += 1;
      misses.push({ q: question.q, expected: question.expected, got: null });
      continue;
    }
    // A suggestion list is not an answer (no top-1), but one holding the right article counts for top-3.
    if (!ranking.suggested && acceptable(ranking.ids[0] ?? '')) top1 += 1;
    else misses.push({ q: question.q, expected: question.expected, got });
    if (ranking.ids.slice(0, 3).some(acceptable)) top3 += 1;
    const rankOf = ranking.ids.findIndex(acceptable);
    if (rankOf >= 0) reciprocal += 1 / (rankOf + 1);
  }
  const answerable = questions.filter((q) => q.expected !== null).length;
  return {
    questions: questions.length,
    answerable,
    noAnswer: questions.length - answerable,
    top1: top1 / answerable,
    top3: top3 / answerable,
    mrr: reciprocal / answerable,
    refused,
    refusedOutright,
    falseRefusals,
    suggestionsShown,
    passageQuestions,
    factFound,
    misses,
  };
}
