import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadKnowledgeBase } from '../knowledge';
import { stripMentions } from '../bot/incoming-text';
import { BENCH_DIR, REPO_ROOT } from './lib/paths';
import { median, msSince, quantile } from './lib/stats';

/**
 * Micro-benchmark of one search on the bundled knowledge base (issue 15: search was a fifth of a
 * knowledge-base turn's CPU): `node dist/bench/search-micro.js [rounds]`.
 *
 * The labelled questions (test/fixtures/search-questions.yaml and bench/questions-fresh-holdout.yaml),
 * as the bot passes them on, are searched in turn; the first pass runs on a freshly loaded
 * knowledge base (nothing memoised yet, as after a start), the next `rounds` passes on warm caches.
 * Prints one JSON line: µs per search, cold pass and warm passes (median pass, and the p50 and p99
 * of single searches over the warm passes), in wall time and in the process's CPU time.
 */
function main(): void {
  const rounds = Number(process.argv[2] ?? 20);
  const files = [join(REPO_ROOT, 'test', 'fixtures', 'search-questions.yaml'), join(BENCH_DIR, 'questions-fresh-holdout.yaml')];
  const questions = files.flatMap((file) => (parse(readFileSync(file, 'utf8')) as Array<{ q: string }>).map((x) => stripMentions(x.q)));
  const kb = loadKnowledgeBase();
  // CPU time of the process too: the machine may be shared, and then wall time says more about the neighbours.
  const cpuPasses: number[] = [];
  const pass = (single?: number[]) => {
    const started = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    for (const q of questions) {
      const t = single ? process.hrtime.bigint() : 0n;
      kb.search(q);
      if (single) single.push(msSince(t) * 1000);
    }
    const used = process.cpuUsage(cpu);
    cpuPasses.push((used.user + used.system) / questions.length);
    return (msSince(started) * 1000) / questions.length;
  };
  const coldUs = pass();
  const single: number[] = [];
  const passes = Array.from({ length: rounds }, () => pass(single));
  const figures = {
    questions: questions.length,
    articles: kb.articles.length,
    coldUsPerSearch: Math.round(coldUs),
    warmUsPerSearch: Math.round(median(passes)),
    warmPassesUs: [Math.round(Math.min(...passes)), Math.round(Math.max(...passes))],
    coldCpuUsPerSearch: Math.round(cpuPasses[0]!),
    warmCpuUsPerSearch: Math.round(median(cpuPasses.slice(1))),
    p50Us: Math.round(quantile(single, 0.5)),
    p99Us: Math.round(quantile(single, 0.99)),
  };
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

if (require.main === module) main();
