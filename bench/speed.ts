import { join } from 'node:path';
import { ENGINE_LABELS, type EngineName } from './lib/engines';
import { DIST_DIR } from './lib/paths';
import { runNode } from './lib/processes';
import { round } from './lib/stats';
import type { SpeedFigures } from './speed-worker';

/**
 * Search speed and scale: each engine on each synthetic corpus in its own process
 * (dist/bench/speed-worker.js), so build time, heap and query latency are not disturbed by the others.
 */
export interface SpeedPlan {
  articles: number;
  engines: EngineName[];
  /** Engines not run at this size, with the reason (shown in the summary). */
  skipped: Partial<Record<EngineName, string>>;
}

export const DEFAULT_SPEED_PLAN: SpeedPlan[] = [
  { articles: 1_000, engines: ['bot', 'minisearch', 'lunr', 'flexsearch'], skipped: {} },
  { articles: 10_000, engines: ['bot', 'minisearch', 'lunr', 'flexsearch'], skipped: {} },
  {
    articles: 100_000,
    engines: ['bot', 'flexsearch'],
    skipped: {
      lunr: 'not run: from the 10k run, about 10x its build time, heap and per-query time (the heap alone would be several GB); it would take most of the 10-minute budget',
      minisearch: 'not run at 100k to stay within the time budget (the bot is MiniSearch underneath; see the 1k and 10k rows)',
    },
  },
];

export interface SpeedRow extends SpeedFigures {
  label: string;
  /** This engine's figure divided by the bot's at the same size (build time, heap, size, load, p50, p99). */
  vsBot?: { build: number; heap: number; size: number; load: number; p50: number; p99: number };
}

export interface SpeedSize {
  articles: number;
  words: number;
  rows: SpeedRow[];
  skipped: Partial<Record<EngineName, string>>;
}

export async function runSpeed(plan: SpeedPlan[] = DEFAULT_SPEED_PLAN, queryBudgetMs = 3000, progress: (line: string) => void = () => undefined): Promise<SpeedSize[]> {
  const sizes: SpeedSize[] = [];
  for (const step of plan) {
    const rows: SpeedRow[] = [];
    for (const engine of step.engines) {
      const heapLimit = step.articles >= 100_000 ? 12_000 : 4_000;
      const output = await runNode(
        ['--expose-gc', `--max-old-space-size=${heapLimit}`, join(DIST_DIR, 'bench', 'speed-worker.js'), engine, String(step.articles), String(queryBudgetMs)],
        {},
        900_000,
      );
      const figures = JSON.parse(output.trim().split('\n').at(-1)!) as SpeedFigures;
      rows.push({ ...figures, label: ENGINE_LABELS[engine] });
      progress(
        `speed: ${step.articles} articles, ${engine}: build ${(figures.buildMs / 1000).toFixed(1)} s, heap ${figures.heapMB.toFixed(0)} MB, ` +
          `index ${figures.serializedMB.toFixed(1)} MB, load ${figures.loadMs.toFixed(0)} ms, p50 ${figures.p50Ms.toFixed(2)} ms, p99 ${figures.p99Ms.toFixed(2)} ms`,
      );
    }
    const bot = rows.find((r) => r.engine === 'bot');
    for (const row of rows) {
      if (bot && row !== bot) {
        row.vsBot = {
          build: round(row.buildMs / bot.buildMs, 2),
          heap: round(row.heapMB / bot.heapMB, 2),
          size: round(row.serializedMB / bot.serializedMB, 2),
          load: round(row.loadMs / bot.loadMs, 2),
          p50: round(row.p50Ms / bot.p50Ms, 2),
          p99: round(row.p99Ms / bot.p99Ms, 2),
        };
      }
    }
    sizes.push({ articles: step.articles, words: rows[0]?.words ?? 0, rows, skipped: step.skipped });
  }
  return sizes;
}
