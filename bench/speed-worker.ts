import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadKnowledgeBase } from '../knowledge';
import { synonymsSchema } from '../knowledge/loading/schemas';
import { SearchVocabulary } from '../knowledge/search/search-vocabulary';
import { buildEngine, loadEngine, type EngineName } from './lib/engines';
import { BENCH_DIR, REPO_ROOT } from './lib/paths';
import { asArticle, corpusGeneratorFor } from './lib/synthetic-corpus';
import { msSince, quantile, seededRandom } from './lib/stats';

/**
 * One engine on one synthetic corpus, in its own process (so that heap figures are not mixed up):
 * `node --expose-gc dist/bench/speed-worker.js <engine> <articles> [queryBudgetMs]`. Prints one JSON line.
 */
export interface SpeedFigures {
  engine: EngineName;
  articles: number;
  /** Words in the corpus (all fields), for scale. */
  words: number;
  buildMs: number;
  /** Heap held by the built index (heapUsed after minus before, both after a full GC), MB. */
  heapMB: number;
  serializedMB: number;
  serializeMs: number;
  loadMs: number;
  queries: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
  /** Share of the timed queries that returned at least one article. */
  answeredShare: number;
}

const WARM_UP_QUERIES = 10;
const MIN_QUERIES = 40;
const MAX_QUERIES = 50_000;

/** A seeded shuffle, so that any prefix of the questions is a fair sample and every run uses the same order. */
function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

function gc(): void {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (!collect) throw new Error('run with node --expose-gc');
  collect();
  collect();
}

/** The query mix: every labelled question (tuning and held-out sets), as users typed them. */
export function benchmarkQueries(): string[] {
  const files = [join(REPO_ROOT, 'test', 'fixtures', 'search-questions.yaml'), join(BENCH_DIR, 'questions-holdout.yaml')];
  return files.flatMap((file) => (parse(readFileSync(file, 'utf8')) as Array<{ q: string }>).map((x) => x.q));
}

function main(): void {
  const [engineArg, sizeArg, budgetArg] = process.argv.slice(2);
  const engine = engineArg as EngineName;
  const size = Number(sizeArg);
  const queryBudgetMs = Number(budgetArg ?? 5000);
  const kb = loadKnowledgeBase(undefined, { searchIndexFile: false });
  const vocabulary = new SearchVocabulary(synonymsSchema.parse(parse(readFileSync(join(REPO_ROOT, 'knowledge', 'data', 'search-synonyms.yaml'), 'utf8'))));
  const generator = corpusGeneratorFor(kb.articles);
  const stage = (name: string) => process.stderr.write(`[speed-worker ${engine} ${size}] ${name} at ${(performance.now() / 1000).toFixed(1)} s\n`);
  const articles = [...generator.articles(size)].map(asArticle);
  stage('corpus generated');
  const words = articles.reduce((n, a) => n + [a.title, a.summary, a.keywords.join(' '), ...a.sections.flatMap((s) => [s.heading, s.text])].join(' ').split(/\s+/).length, 0);
  const queries = shuffled(benchmarkQueries(), seededRandom(20260525));

  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  let started = process.hrtime.bigint();
  let built: ReturnType<typeof buildEngine> | undefined = buildEngine(engine, articles, vocabulary);
  const buildMs = msSince(started);
  stage('index built');
  gc();
  const heapMB = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;

  started = process.hrtime.bigint();
  let serialized: string | undefined = built.serialize();
  const serializeMs = msSince(started);
  const serializedMB = Buffer.byteLength(serialized) / 1024 / 1024;
  stage('index serialized');
  // Load into a fresh engine and query that one: what a process starting from a prebuilt index gets.
  built = undefined;
  gc();
  started = process.hrtime.bigint();
  const loaded = loadEngine(engine, articles, vocabulary, serialized);
  const loadMs = msSince(started);
  stage('index loaded');
  serialized = undefined;
  gc();

  // Warm-up, then the (shuffled) questions in turn until the time budget is spent and at least
  // MIN_QUERIES were timed: at 100k articles a question takes long enough that one pass over all
  // of them would not fit the run's time budget.
  for (const q of queries.slice(0, WARM_UP_QUERIES)) loaded.rank(q);
  const latencies: number[] = [];
  let answered = 0;
  const deadline = Date.now() + queryBudgetMs;
  while (latencies.length < MAX_QUERIES && (latencies.length < MIN_QUERIES || Date.now() < deadline)) {
    const q = queries[latencies.length % queries.length]!;
    const t = process.hrtime.bigint();
    const ranking = loaded.rank(q);
    latencies.push(msSince(t));
    if (ranking.ids.length > 0) answered += 1;
  }
  const figures: SpeedFigures = {
    engine,
    articles: size,
    words,
    buildMs,
    heapMB,
    serializedMB,
    serializeMs,
    loadMs,
    queries: latencies.length,
    p50Ms: quantile(latencies, 0.5),
    p99Ms: quantile(latencies, 0.99),
    meanMs: latencies.reduce((a, b) => a + b, 0) / latencies.length,
    answeredShare: answered / latencies.length,
  };
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

if (require.main === module) main();
