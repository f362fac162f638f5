import { runListings } from './listings';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { runQuality } from './quality';
import { machine } from './lib/machine';
import { RESULTS_DIR } from './lib/paths';
import { stopAll } from './lib/processes';
import { checkTargets, summaryMarkdown, type BenchResults } from './lib/report';
import { DEFAULT_SPEED_PLAN, runSpeed, type SpeedPlan } from './speed';
import { runHostile } from './hostile';
import { runStartup } from './startup';
import { DEFAULT_TURN_OPTIONS, runTurns } from './turns';
import { runTruthTable, runVerdicts } from './verdicts';
import { CONVERSATION_SETS, HELD_OUT_SETS, runConversations } from './conversations';
import { DIRECT_ANSWER_SETS, runDirectAnswers } from './direct-answers';

/**
 * `npm run bench`: answer quality, verdicts, search speed and scale, turn speed and start-up, in one
 * run, written to bench/results/results.json and bench/results/summary.md.
 *
 * Options (after `npm run bench --`): `--quick` (1k articles only, 3 s turns, 2 start-up runs; for
 * trying the harness, not for the committed results), `--only quality,speed,turns,startup,hostile`,
 * `--soak-turns N` (the hostile section's soak: 20,000 chat turns and as many queries by default), and
 * `--report-only` (rewrite summary.md from results.json).
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes('--report-only')) {
    // Rewrites summary.md from results.json (after a change to the report's wording), measuring nothing.
    const results = JSON.parse(readFileSync(join(RESULTS_DIR, 'results.json'), 'utf8')) as BenchResults;
    writeFileSync(join(RESULTS_DIR, 'summary.md'), summaryMarkdown(results));
    console.log('rewritten: bench/results/summary.md from results.json');
    return;
  }
  const quick = args.includes('--quick');
  const onlyArg = args.find((a) => a.startsWith('--only'));
  const only = onlyArg ? new Set((onlyArg.includes('=') ? onlyArg.split('=')[1]! : (args[args.indexOf(onlyArg) + 1] ?? '')).split(',')) : undefined;
  const wanted = (section: string) => !only || only.has(section);
  const log = (line: string) => console.log(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(3)} s] ${line}`);
  const started = performance.now();

  const speedPlan: SpeedPlan[] = quick ? DEFAULT_SPEED_PLAN.slice(0, 1) : DEFAULT_SPEED_PLAN;
  const turnOptions = quick ? { ...DEFAULT_TURN_OPTIONS, durationSeconds: 3, warmupRequests: 2_000, warmupSeconds: 2, rounds: 1, profileSeconds: 2 } : DEFAULT_TURN_OPTIONS;
  const queryBudgetMs = quick ? 1000 : 3000;
  const startupRuns = quick ? 2 : 5;
  const results: BenchResults = {
    machine: machine(),
    durationSeconds: 0,
    settings: {
      quick,
      queryBudgetMs,
      turnConnections: turnOptions.connections,
      turnSeconds: turnOptions.durationSeconds,
      turnRounds: turnOptions.rounds,
      turnWarmupSeconds: turnOptions.warmupSeconds,
      turnWarmupRequests: turnOptions.warmupRequests,
      turnProfileSeconds: turnOptions.profileSeconds,
      startupRuns,
      speedSizes: speedPlan.map((p) => p.articles),
    },
  };
  log(`machine: ${results.machine.cores} cores, ${results.machine.cpu}, Node ${results.machine.node}, load average ${results.machine.loadAverage}`);

  if (wanted('quality')) {
    results.quality = runQuality();
    for (const r of results.quality)
      log(
        `quality: ${r.set} ${r.engine}: top-1 ${r.figures.top1}, top-3 ${r.figures.top3}, MRR ${r.figures.mrr}, fact ${r.figures.factFound ?? 'n/a'}/${r.figures.passageQuestions}, suggestions ${r.figures.suggestionsShown}, no-answer refused ${r.figures.refused}/${r.figures.noAnswer}, answerable refused ${r.figures.falseRefusals}`,
      );
    results.verdicts = runVerdicts();
    log(
      `verdicts: ${results.verdicts.correct}/${results.verdicts.questions} (${results.verdicts.answeredDirectly} answered directly, scored by the check's verdict on their facts), mean questions ${results.verdicts.meanQuestions.toFixed(2)}`,
    );
    results.truthTable = runTruthTable();
    log(`truth table (issue 20): ${results.truthTable.passed}/${results.truthTable.rows} rows`);
  }
  if (wanted('quality') || wanted('direct')) {
    // Issue 19: direct answers, article ids, follow-ups and unanswerable questions, played against the bot.
    results.directAnswers = [];
    for (const [set, { file, showMisses }] of Object.entries(DIRECT_ANSWER_SETS)) {
      const figures = await runDirectAnswers(file, showMisses);
      if (!figures) {
        log(`direct answers ${set}: ${file} is not there`);
        continue;
      }
      results.directAnswers.push({ set, figures });
      log(
        `direct answers ${set}: fact in the first 300 characters ${figures.factIn300}/${figures.answerable}, direct answers correct ${figures.directCorrect}/${figures.directAnswers}, unanswerable refused or suggestions ${figures.refusedOrSuggested}/${figures.unanswerable}`,
      );
      for (const miss of figures.misses ?? []) log(`  miss: ${miss}`);
    }
  }
  if (wanted('conversations')) {
    results.conversations = [];
    for (const [set, file] of Object.entries(CONVERSATION_SETS)) {
      const figures = await runConversations(undefined, file);
      if (figures.missing) {
        log(`conversations ${set}: bench/${file} is not there`);
        continue;
      }
      // A held-out set's failing items (ids and texts) are kept out of the saved results, as out of the report.
      const kept = HELD_OUT_SETS.has(set)
        ? { ...figures, outcomes: figures.outcomes.map(({ group, passed, loop }) => ({ id: '(held out)', group, passed, ...(loop ? { loop } : {}) })) }
        : figures;
      results.conversations.push({ set, file, figures: kept });
      log(`conversations ${set}: ${figures.passed}/${figures.conversations}, loops ${figures.loops}`);
      for (const [group, g] of Object.entries(figures.byGroup)) log(`  ${group}: ${g.passed}/${g.conversations}`);
    }
  }
  // Turns and start-up first: they are short and sensitive to a machine still busy with big corpora.
  if (wanted('turns')) results.turns = await runTurns(turnOptions, log);
  if (wanted('startup')) results.startup = await runStartup(startupRuns, 1000, log, quick ? 3 : 10);
  if (wanted('speed')) results.speed = await runSpeed(speedPlan, queryBudgetMs, log);
  // Its own files (listings.json, listings.md): the held-out pasted listings of issue 25.
  if (wanted('listings')) runListings(undefined, log);
  // Its own files (hostile.json, hostile.md): worst-input timings and the random-vocabulary soak.
  if (wanted('hostile')) {
    const soakArg = args.indexOf('--soak-turns');
    results.hostile = await runHostile(soakArg >= 0 ? Number(args[soakArg + 1]) : quick ? 500 : 20_000, log);
  }

  results.durationSeconds = (performance.now() - started) / 1000;
  results.loadAverageAfter = Math.round(loadavg()[0]! * 100) / 100;
  mkdirSync(RESULTS_DIR, { recursive: true });
  const suffix = quick || only ? '.partial' : '';
  writeFileSync(join(RESULTS_DIR, `results${suffix}.json`), `${JSON.stringify(results, null, 1)}\n`);
  writeFileSync(join(RESULTS_DIR, `summary${suffix}.md`), summaryMarkdown(results));
  for (const check of checkTargets(results)) log(`${check.met ? 'met   ' : 'MISSED'} ${check.target}: ${check.measured}`);
  log(`written: bench/results/results${suffix}.json and summary${suffix}.md`);
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(stopAll);
