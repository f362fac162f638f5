import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** A labelled search question: the article that should rank first, or null when the bot must refuse. */
export interface LabelledQuestion {
  q: string;
  expected: string | null;
  also?: string[];
}

/** Reads and checks a labelled question file (same format as test/fixtures/search-questions.yaml). */
export function readLabelledQuestions(file: string, articleIds: ReadonlySet<string>): LabelledQuestion[] {
  const questions = parse(readFileSync(file, 'utf8')) as LabelledQuestion[];
  if (!Array.isArray(questions)) throw new Error(`${file}: expected a list of questions`);
  for (const [i, question] of questions.entries()) {
    if (typeof question.q !== 'string' || question.q.trim() === '') throw new Error(`${file}: question ${i + 1} has no text`);
    if (question.expected !== null && !articleIds.has(question.expected)) throw new Error(`${file}: "${question.q}" expects unknown article ${question.expected}`);
    for (const id of question.also ?? []) if (!articleIds.has(id)) throw new Error(`${file}: "${question.q}" names unknown article ${id}`);
  }
  return questions;
}

/** What a search engine returned for one question: article ids best first, and whether it declined to answer. */
export interface Ranking {
  ids: string[];
  refused: boolean;
}

export interface QualityFigures {
  questions: number;
  answerable: number;
  noAnswer: number;
  top1: number;
  top3: number;
  mrr: number;
  /** No-answer questions the engine declined to answer. */
  refused: number;
  /** Answerable questions the engine declined to answer. */
  falseRefusals: number;
  misses: Array<{ q: string; expected: string | null; got: string | null }>;
}

/** top-1, top-3 and MRR over the answerable questions, refusals over the no-answer ones. */
export function scoreRankings(questions: readonly LabelledQuestion[], rank: (q: string) => Ranking): QualityFigures {
  let top1 = 0;
  let top3 = 0;
  let reciprocal = 0;
  let refused = 0;
  let falseRefusals = 0;
  const misses: QualityFigures['misses'] = [];
  for (const question of questions) {
    const ranking = rank(question.q);
    const got = ranking.refused ? null : (ranking.ids[0] ?? null);
    if (question.expected === null) {
      if (ranking.refused) refused += 1;
      else misses.push({ q: question.q, expected: null, got });
      continue;
    }
    const acceptable = (id: string) => id === question.expected || (question.also ?? []).includes(id);
    if (ranking.refused) {
      falseRefusals += 1;
      misses.push({ q: question.q, expected: question.expected, got: null });
      continue;
    }
    if (acceptable(ranking.ids[0] ?? '')) top1 += 1;
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
    falseRefusals,
    misses,
  };
}
