import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadKnowledgeBase, type Article } from '../../knowledge';
import { synonymsSchema } from '../../knowledge/loading/schemas';
import { KnowledgeSearch, type SearchAnswer, type SearchHit } from '../../knowledge/search/search';
import { SearchVocabulary } from '../../knowledge/search/search-vocabulary';
import { stripMentions } from '../../bot/incoming-text';
import { asArticle, corpusGeneratorFor } from '../../bench/lib/synthetic-corpus';
import { REPO_ROOT } from './helpers';

/**
 * What the search returned for every labelled question, recorded by the code BEFORE a speed change
 * (issue 15) and compared with after it: a faster search must return the very same hits.
 * Regenerate only with the code whose hits are the reference:
 * `node dist/test/knowledge/search-snapshot.js --write` (writes test/fixtures/search-identical-hits.json).
 */
export const SNAPSHOT_FILE = join(REPO_ROOT, 'test', 'fixtures', 'search-identical-hits.json');

/** The labelled question sets (tuning, held-out, fresh held-out, passages), as typed. */
const QUESTION_FILES = [
  join('test', 'fixtures', 'search-questions.yaml'),
  join('test', 'fixtures', 'passage-questions.yaml'),
  join('bench', 'questions-holdout.yaml'),
  join('bench', 'questions-fresh-holdout.yaml'),
];

/** Questions the labelled sets lack: nonsense, generic-only, a typo storm, one long word. */
const EXTRA_QUESTIONS = ['exchange server?', 'xqzvw plorf', 'frnt ned sevrer clustr failovr quorom', 'a'.repeat(45), 'what is the weather', ''];

/** The synthetic articles mixed with the bundled ones: enough for the large-base code paths (pruning) to run. */
export const SYNTHETIC_ARTICLES = 1_000;

export interface HitRecord {
  id: string;
  score: number;
  coverage: number;
}

export interface AnswerRecord {
  q: string;
  best: HitRecord | null;
  hits: HitRecord[];
  related: string[];
  suggestions: HitRecord[];
  passage: { article: string; section: string; sentences: string[]; kind: string; answerFirst: boolean; coverage: number } | null;
}

export interface CorpusRecord {
  /** sha256 of the indexed articles (ids and text), so that a change of the articles is told apart from a change of the search. */
  articlesHash: string;
  articles: number;
  answers: AnswerRecord[];
}

export interface Snapshot {
  bundled: CorpusRecord;
  mixed: CorpusRecord;
}

const round = (x: number) => Math.round(x * 1e9) / 1e9;
const hit = (h: SearchHit): HitRecord => ({ id: h.article.id, score: round(h.score), coverage: round(h.coverage) });

export function record(q: string, answer: SearchAnswer): AnswerRecord {
  const p = answer.passage;
  return {
    q,
    best: answer.best ? hit(answer.best) : null,
    hits: answer.hits.map(hit),
    related: answer.related.map((a) => a.id),
    suggestions: answer.suggestions.map(hit),
    passage: p ? { article: p.article.id, section: p.section, sentences: p.sentences, kind: p.kind, answerFirst: p.answerFirst, coverage: round(p.coverage) } : null,
  };
}

export function labelledQuestions(): string[] {
  const labelled = QUESTION_FILES.flatMap((file) => (parse(readFileSync(join(REPO_ROOT, file), 'utf8')) as Array<{ q: string }>).map((x) => x.q));
  return [...labelled, ...EXTRA_QUESTIONS];
}

function articlesHash(articles: readonly Article[]): string {
  const hash = createHash('sha256');
  for (const a of articles) hash.update(JSON.stringify([a.id, a.title, a.keywords, a.summary, a.sections, a.related]));
  return hash.digest('hex');
}

/** The two corpora: the bundled knowledge base alone, and 1k synthetic articles plus the bundled ones. */
export function corpora(): { vocabulary: SearchVocabulary; bundled: Article[]; mixed: Article[] } {
  const kb = loadKnowledgeBase(undefined, { searchIndexFile: false });
  const vocabulary = new SearchVocabulary(synonymsSchema.parse(parse(readFileSync(join(REPO_ROOT, 'knowledge', 'data', 'search-synonyms.yaml'), 'utf8'))));
  const bundled = [...kb.articles];
  const synthetic = [...corpusGeneratorFor(bundled).articles(SYNTHETIC_ARTICLES)].map(asArticle);
  return { vocabulary, bundled, mixed: [...synthetic, ...bundled] };
}

/** Every question searched in the given order, as the bot passes it on (mentions removed). */
export function answersOf(search: KnowledgeSearch, questions: readonly string[]): AnswerRecord[] {
  return questions.map((q) => record(q, search.search(stripMentions(q))));
}

export function takeSnapshot(): Snapshot {
  const { vocabulary, bundled, mixed } = corpora();
  const questions = labelledQuestions();
  const of = (articles: Article[]): CorpusRecord => ({
    articlesHash: articlesHash(articles),
    articles: articles.length,
    answers: answersOf(new KnowledgeSearch(articles, vocabulary), questions),
  });
  return { bundled: of(bundled), mixed: of(mixed) };
}

export { articlesHash };

/** JSON with one answer per line, so that a change shows as the questions it touched. */
function format(snapshot: Snapshot): string {
  const corpus = (c: CorpusRecord) =>
    `{"articlesHash":${JSON.stringify(c.articlesHash)},"articles":${c.articles},"answers":[\n${c.answers.map((a) => JSON.stringify(a)).join(',\n')}\n]}`;
  return `{"bundled":${corpus(snapshot.bundled)},\n"mixed":${corpus(snapshot.mixed)}}\n`;
}

if (require.main === module) {
  if (process.argv[2] !== '--write') {
    console.error('usage: node dist/test/knowledge/search-snapshot.js --write  (records the CURRENT search as the reference)');
    process.exit(2);
  }
  writeFileSync(SNAPSHOT_FILE, format(takeSnapshot()));
  console.log(`wrote ${SNAPSHOT_FILE}`);
}
