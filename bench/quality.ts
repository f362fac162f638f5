import { join } from 'node:path';
import { stripMentions } from '../bot/incoming-text';
import { loadKnowledgeBase } from '../knowledge';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { synonymsSchema } from '../knowledge/loading/schemas';
import { SearchVocabulary } from '../knowledge/search/search-vocabulary';
import { botRanking, buildEngine, ENGINE_LABELS, type EngineName } from './lib/engines';
import { readLabelledQuestions, scoreRankings, type QualityFigures } from './lib/labelled';
import { BENCH_DIR, REPO_ROOT } from './lib/paths';
import { round } from './lib/stats';

/** The labelled sets: the tuning set (the test fixture) and the held-out set, reported separately. */
export const QUESTION_SETS = [
  {
    id: 'fresh',
    label: 'fresh held-out (bench/questions-fresh-holdout.yaml, issue 11), written before the ranking change, never tuned on',
    file: join(BENCH_DIR, 'questions-fresh-holdout.yaml'),
  },
  { id: 'holdout', label: 'older held-out (bench/questions-holdout.yaml), read and tuned near', file: join(BENCH_DIR, 'questions-holdout.yaml') },
  { id: 'tuning', label: 'tuning set (test/fixtures/search-questions.yaml), tuned on', file: join(REPO_ROOT, 'test', 'fixtures', 'search-questions.yaml') },
  { id: 'passages', label: 'passage tuning set (test/fixtures/passage-questions.yaml), tuned on', file: join(REPO_ROOT, 'test', 'fixtures', 'passage-questions.yaml') },
] as const;

export const QUALITY_ENGINES: EngineName[] = ['bot', 'minisearch', 'lunr', 'flexsearch'];

export interface QualityResult {
  set: string;
  label: string;
  engine: EngineName;
  engineLabel: string;
  figures: Omit<QualityFigures, 'misses'>;
  misses: QualityFigures['misses'];
}

/** top-1, top-3, MRR and refusals of every engine on every labelled set, over the bundled articles. */
export function runQuality(onlySets?: readonly string[]): QualityResult[] {
  const kb = loadKnowledgeBase();
  const groups = synonymsSchema.parse(parse(readFileSync(join(REPO_ROOT, 'knowledge', 'data', 'search-synonyms.yaml'), 'utf8')));
  const vocabulary = new SearchVocabulary(groups);
  const ids = new Set(kb.articles.map((a) => a.id));
  const results: QualityResult[] = [];
  for (const set of QUESTION_SETS) {
    if (onlySets && !onlySets.includes(set.id)) continue;
    const questions = readLabelledQuestions(set.file, ids);
    for (const engine of QUALITY_ENGINES) {
      const built = engine === 'bot' ? { rank: (q: string) => rankWithKb(kb, q) } : buildEngine(engine, kb.articles, vocabulary);
      const { misses, ...figures } = scoreRankings(questions, (q) => built.rank(q));
      results.push({ set: set.id, label: set.label, engine, engineLabel: ENGINE_LABELS[engine], figures: roundFigures(figures), misses });
    }
  }
  return results;
}

// The bot's own path: mentions removed as the bot does, then the knowledge base's search, exactly as the dialogs call it.
function rankWithKb(kb: ReturnType<typeof loadKnowledgeBase>, question: string) {
  return botRanking(kb.search(stripMentions(question)));
}

function roundFigures(figures: Omit<QualityFigures, 'misses'>): Omit<QualityFigures, 'misses'> {
  return { ...figures, top1: round(figures.top1), top3: round(figures.top3), mrr: round(figures.mrr) };
}

if (require.main === module) {
  // `node dist/bench/quality.js tuning,passages --misses`: the sets named (all when none).
  const onlySets = process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2].split(',') : undefined;
  for (const result of runQuality(onlySets)) {
    const f = result.figures;
    console.log(
      `${result.set.padEnd(8)} ${result.engineLabel.padEnd(32)} top-1 ${f.top1.toFixed(3)}  top-3 ${f.top3.toFixed(3)}  MRR ${f.mrr.toFixed(3)}  ` +
        `no-answer refused/suggested ${f.refused}/${f.noAnswer}  answerable refused ${f.falseRefusals}  suggestions ${f.suggestionsShown}  ` +
        `fact ${f.factFound === null ? 'n/a' : `${f.factFound}/${f.passageQuestions}`}`,
    );
    if (result.engine === 'bot' && process.argv.includes('--misses')) {
      for (const miss of result.misses) console.log(`    expected ${miss.expected ?? 'refusal'}, got ${miss.got ?? 'refusal'}: ${miss.q}`);
    }
  }
}
