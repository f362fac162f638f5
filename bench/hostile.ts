import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readConfig } from '../bot/config';
import { memoryLogger } from '../bot/log';
import { startServer } from '../bot/server';
import { loadKnowledgeBase } from '../knowledge';
import { HOSTILE_INPUTS, medianTurnMs, NORMAL_INPUT } from '../test/load/hostile-inputs';
import { vocabularySoak, type SoakPoint } from '../test/load/vocabulary-soak';
import { RESULTS_DIR } from './lib/paths';
import { reportUnderLoad, type ReportUnderLoad } from './report-under-load';

/** Figures of the `hostile` section (issue 13): worst-input turn times and the random-vocabulary soak. */
export interface HostileResults {
  normalTurnMs: number;
  inputs: Array<{ name: string; medianMs: number; ratio: number }>;
  soak: { turns: number; queries: number; wordsPerMessage: number; words: number; activitiesPerSecond: number; points: SoakPoint[] };
  /** "kb report" in chat over 10,000 unanswered questions, and another user's turn meanwhile (issue 22). */
  report?: ReportUnderLoad;
}

/**
 * Worst inputs over HTTP (median of 7 turns each, after a warm-up) against a normal question, then
 * the soak: `soakTurns` chat turns and as many Search KB queries of fresh random words, heap after
 * full collections at 20 points. Written to bench/results/hostile.json and hostile.md.
 */
export async function runHostile(soakTurns: number, log: (line: string) => void): Promise<HostileResults> {
  const knowledge = loadKnowledgeBase();
  const bot = await startServer({ config: { ...readConfig({ RATE_LIMIT_PER_MINUTE: '0' }), port: 0 }, knowledge, log: memoryLogger() });
  const inputs: HostileResults['inputs'] = [];
  let normalTurnMs: number;
  try {
    await medianTurnMs(bot.url, NORMAL_INPUT, 30);
    for (const input of HOSTILE_INPUTS) await medianTurnMs(bot.url, input, 1);
    normalTurnMs = await medianTurnMs(bot.url, NORMAL_INPUT, 51);
    for (const input of HOSTILE_INPUTS) {
      const medianMs = await medianTurnMs(bot.url, input, 7);
      inputs.push({ name: input.name, medianMs, ratio: Math.round((medianMs / normalTurnMs) * 10) / 10 });
      log(`hostile: ${input.name}: ${medianMs} ms (${inputs.at(-1)!.ratio}x a normal turn of ${normalTurnMs} ms)`);
    }
  } finally {
    await bot.close();
  }
  const report = await reportUnderLoad(knowledge, 10_000);
  log(`hostile: kb report over ${report.records} records: ${report.reportMs} ms${report.partial ? ' (partial)' : ''}; another user's turn meanwhile ${report.otherTurnMs} ms (alone ${report.normalTurnMs} ms)`);
  const wordsPerMessage = 40;
  log(`hostile: soak of ${soakTurns} turns and ${soakTurns} queries of random words...`);
  const soak = await vocabularySoak(knowledge, { turns: soakTurns, checkpoints: 20, wordsPerMessage });
  log(`hostile: heap after GC (MB) ${soak.points.map((p) => p.heapMB).join(' ')}`);
  const results: HostileResults = { normalTurnMs, inputs, soak: { turns: soakTurns, queries: soakTurns, wordsPerMessage, ...soak }, report };
  writeFileSync(join(RESULTS_DIR, 'hostile.json'), `${JSON.stringify(results, null, 1)}\n`);
  writeFileSync(join(RESULTS_DIR, 'hostile.md'), hostileMarkdown(results));
  return results;
}

function hostileMarkdown(results: HostileResults): string {
  const lines = [
    '# Hostile inputs (issue 13)',
    '',
    `Written by \`npm run bench -- --only hostile\`. A normal turn (\`${NORMAL_INPUT.name}\`, over HTTP, median of 51): **${results.normalTurnMs} ms**.`,
    '',
    '| Input | Median turn (7 runs) | × normal |',
    '| --- | ---: | ---: |',
    ...results.inputs.map((i) => `| ${i.name.replace(/\|/g, '\\|')} | ${i.medianMs} ms | ${i.ratio} |`),
    '',
    ...(results.report
      ? [
          `## "kb report" in chat over ${results.report.records} unanswered questions (issue 22)`,
          '',
          `The report: ${results.report.reportMs} ms${results.report.partial ? ' (grouping stopped at its budget: partial)' : ' (complete)'}. Another user's question sent 50 ms after it: ${results.report.otherTurnMs} ms (alone: ${results.report.normalTurnMs} ms).`,
          '',
        ]
      : []),
    `## Soak: ${results.soak.turns} chat turns and ${results.soak.queries} Search KB queries of fresh random words`,
    '',
    `${results.soak.words} distinct words (${results.soak.wordsPerMessage} per message, half per query), ${results.soak.activitiesPerSecond} activities/s. Heap after full collections:`,
    '',
    '| Activities | Heap (MB) |',
    '| ---: | ---: |',
    ...results.soak.points.map((p) => `| ${p.activities} | ${p.heapMB} |`),
    '',
  ];
  return lines.join('\n');
}
