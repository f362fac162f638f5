import type { QualityResult } from '../quality';
import type { SpeedSize } from '../speed';
import type { StartupFigures } from '../startup';
import type { TurnComparison } from '../turns';
import type { VerdictFigures, TruthTableFigures } from '../verdicts';
import type { DirectAnswerFigures } from '../direct-answers';
import { HELD_OUT_SETS, type ConversationFigures } from '../conversations';
import type { Machine } from './machine';
import type { HostileResults } from '../hostile';
import { lateGrowthMB } from '../../test/load/vocabulary-soak';

/** Everything one `npm run bench` measured (bench/results/results.json). */
export interface BenchResults {
  machine: Machine;
  durationSeconds: number;
  /** 1-minute load average at the end of the run. */
  loadAverageAfter?: number;
  settings: Record<string, unknown>;
  quality?: QualityResult[];
  verdicts?: VerdictFigures;
  /** Issue 20's truth table: rows passed of all. */
  truthTable?: TruthTableFigures;
  /** Issue 10's labelled conversations: the set the conversation code was developed on, and one written blind. */
  conversations?: { set: string; file: string; figures: ConversationFigures }[];
  /** Issue 19's sets: direct answers, article ids, follow-ups, unanswerable questions, played against the bot. */
  directAnswers?: { set: string; figures: DirectAnswerFigures }[];
  speed?: SpeedSize[];
  turns?: TurnComparison[];
  startup?: StartupFigures;
  /** Worst inputs and the fresh-vocabulary soak (also in hostile.json). */
  hostile?: HostileResults;
}

export interface TargetCheck {
  target: string;
  measured: string;
  met: boolean;
  why?: string;
}

const f3 = (x: number) => x.toFixed(3);
const ms = (x: number) => (x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0));
const ratio = (x: number | undefined) => (x === undefined ? '' : `${x.toFixed(2)}×`);

/** The issue's targets against the figures, each with the reason where it is missed. */
export function checkTargets(results: BenchResults): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const { set, figures } of results.conversations ?? []) {
    const share = figures.passed / Math.max(1, figures.conversations);
    const failedGroups = Object.entries(figures.byGroup)
      .filter(([, g]) => g.passed < g.conversations)
      .map(([group, g]) => `${group} ${g.passed}/${g.conversations}`);
    checks.push({
      target: `≥ 95% of the labelled conversations pass (${set} set)`,
      measured: `${figures.passed}/${figures.conversations} = ${f3(share)}`,
      met: share >= 0.95,
      ...(share >= 0.95 ? {} : { why: `groups below: ${failedGroups.join(', ')}` }),
    });
    checks.push({
      target: `0 loops: no question asked more than twice in a row (${set} set)`,
      measured: `${figures.loops} conversations with a loop`,
      met: figures.loops === 0,
      ...(figures.loops === 0 ? {} : { why: 'see the failing conversations under "Conversations".' }),
    });
  }
  const quality = results.quality ?? [];
  const engine = (set: string, name: string) => quality.find((r) => r.set === set && r.engine === name);
  const fresh = engine('fresh', 'bot');
  if (fresh) {
    const f = fresh.figures;
    const baselines = ['minisearch', 'lunr'].map((name) => engine('fresh', name)).filter((r): r is QualityResult => r !== undefined);
    const ahead = (key: 'top1' | 'top3') => baselines.every((b) => f[key] > b.figures[key] || (f[key] === 1 && b.figures[key] === 1));
    const versus = (key: 'top1' | 'top3') => baselines.map((b) => `${b.engineLabel} ${f3(b.figures[key])}`).join(', ');
    const wrong = fresh.misses.filter((m) => m.expected !== null && !m.expected.includes(' with ') && m.got !== null);
    const missList = (misses: typeof fresh.misses) => misses.map((m) => `"${m.q}" → ${m.got ?? 'refused'} (expected ${m.expected ?? 'no answer'})`).join('; ');
    const top1Met = f.top1 >= 0.95 && ahead('top1');
    checks.push({
      target: 'top-1 ≥ 0.95 on the fresh held-out set, ahead of MiniSearch defaults and Lunr',
      measured: `${f3(f.top1)} (${versus('top1')})`,
      met: top1Met,
      ...(top1Met ? {} : { why: `answered with another article or only with suggestions: ${missList(wrong)}` }),
    });
    const top3Met = f.top3 >= 0.99 && ahead('top3');
    checks.push({
      target: 'top-3 ≥ 0.99 on the fresh held-out set (a suggestion list holding the article counts), ahead of the baselines',
      measured: `${f3(f.top3)} (${versus('top3')})`,
      met: top3Met,
      ...(top3Met ? {} : { why: 'the questions above whose right article was not among the first three shown.' }),
    });
    const factShare = f.factFound === null || f.passageQuestions === 0 ? 0 : f.factFound / f.passageQuestions;
    const factMisses = fresh.misses.filter((m) => m.expected?.includes(' with '));
    checks.push({
      target: 'expected fact in the first passage shown ≥ 90% of passage questions (fresh set)',
      measured: `${f.factFound ?? 0}/${f.passageQuestions} = ${f3(factShare)}`,
      met: factShare >= 0.9,
      ...(factShare >= 0.9 ? {} : { why: `first passage without the fact: ${factMisses.map((m) => `"${m.q}" (${m.expected})`).join('; ')}` }),
    });
    const unanswerableShare = f.noAnswer === 0 ? 1 : f.refused / f.noAnswer;
    const answeredAnyway = fresh.misses.filter((m) => m.expected === null);
    checks.push({
      target: '≥ 95% of unanswerable questions refused or met with suggestions only (fresh set)',
      measured: `${f.refused}/${f.noAnswer} = ${f3(unanswerableShare)} (${f.refusedOutright} refused outright)`,
      met: unanswerableShare >= 0.95,
      ...(unanswerableShare >= 0.95 ? {} : { why: `answered anyway: ${missList(answeredAnyway)}` }),
    });
    checks.push({
      target: 'no answerable question refused outright (fresh set)',
      measured: `${f.falseRefusals} of ${f.answerable}`,
      met: f.falseRefusals === 0,
      ...(f.falseRefusals === 0 ? {} : { why: `refused: ${missList(fresh.misses.filter((m) => m.expected !== null && m.got === null))}` }),
    });
  }
  checks.push(...speedTargets(results));
  checks.push(...noLossTargets(results));
  return checks;
}

/** The Markdown summary (bench/results/summary.md). */
export function summaryMarkdown(results: BenchResults): string {
  const m = results.machine;
  const lines: string[] = [];
  const table = (header: string[], rows: Array<Array<string | number>>) => {
    lines.push(`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`);
    for (const row of rows) lines.push(`| ${row.join(' | ')} |`);
    lines.push('');
  };
  lines.push(
    '# Benchmark results',
    '',
    `Produced by \`npm run bench\` (bench/run.ts) on ${m.date.slice(0, 10)} (${m.date}), ${m.cores} cores (${m.cpu}), ` +
      `${m.memoryGB} GB RAM, Node ${m.node}, ${m.platform}; commit ${m.commit}${m.dirty ? ' plus uncommitted changes' : ''}. ` +
      `The whole run took ${Math.round(results.durationSeconds)} s; 1-minute load average ${m.loadAverage} at the start and ` +
      `${results.loadAverageAfter ?? '?'} at the end (the benchmarks themselves keep one or two cores busy; a start figure well above 0 means ` +
      'other work was sharing the machine). Raw figures: [results.json](results.json).',
    '',
    '## Targets',
    '',
  );
  const checks = checkTargets(results);
  table(
    ['target', 'measured', 'met'],
    checks.map((c) => [c.target, c.measured, c.met ? 'yes' : '**MISSED**']),
  );
  const missed = checks.filter((c) => !c.met);
  if (missed.length > 0) {
    lines.push('### Why the missed targets are missed', '');
    for (const c of missed) lines.push(`- **${c.target}**: ${c.why ?? ''}`);
    lines.push('');
  }

  if (results.quality) {
    lines.push(
      '## Answer quality',
      '',
      'Labelled questions as admins type them (paraphrases, typos, acronyms, Teams `<at>` mentions, and questions the knowledge base',
      'cannot answer). **Fresh held-out** (`bench/questions-fresh-holdout.yaml`, issue 11) was written and committed before the passage',
      'and suggestion changes to the ranking and is never tuned on: its figures are the honest ones and the targets are read on it.',
      'The older held-out set (`bench/questions-holdout.yaml`) was read and tuned near; the tuning sets (`test/fixtures/search-questions.yaml`',
      'and `test/fixtures/passage-questions.yaml`) are what the search was tuned on, so their figures are optimistic.',
      '',
      'top-1, top-3 and MRR are over the answerable questions (an article listed under `also` counts). When the bot has no confident',
      'answer it may show up to three "did you mean" suggestions: that is not a top-1, but a suggestion list holding the right article',
      'counts for top-3 and MRR. "no-answer refused" counts unanswerable questions refused or met with suggestions only; "answerable',
      'refused" counts answerable questions refused outright (no answer and no suggestion). "fact" counts passage questions whose first',
      'passage shown holds the expected fact (the baselines quote no passages: n/a). The baselines index the same five fields of the',
      'same articles on their defaults; they cannot decline, so for them "refused" means "nothing found". FlexSearch runs with',
      '`suggest: true`. All engines get the text with `<at>` mentions removed, as the bot does before searching. (The router sends some',
      'of these questions to the guided check instead; this measures the search itself, as the test suite does.)',
      '',
    );
    for (const set of ['fresh', 'holdout', 'tuning', 'passages']) {
      const rows = results.quality.filter((r) => r.set === set);
      if (rows.length === 0) continue;
      lines.push(`### ${rows[0]!.label}`, '');
      table(
        ['engine', 'top-1', 'top-3', 'MRR', 'fact in first passage', 'suggestions shown', 'no-answer refused', 'answerable refused'],
        rows.map((r) => [
          r.engineLabel,
          f3(r.figures.top1),
          f3(r.figures.top3),
          f3(r.figures.mrr),
          r.figures.factFound === null || r.figures.factFound === undefined ? 'n/a' : `${r.figures.factFound}/${r.figures.passageQuestions}`,
          r.figures.suggestionsShown ?? 0,
          `${r.figures.refused}/${r.figures.noAnswer}`,
          r.figures.falseRefusals,
        ]),
      );
      const bot = rows.find((r) => r.engine === 'bot');
      if (bot && bot.misses.length > 0) {
        lines.push(`The bot's misses on this set:`, '');
        for (const miss of bot.misses) lines.push(`- "${miss.q}": expected ${miss.expected ?? 'a refusal'}, got ${miss.got ?? 'a refusal'}`);
        lines.push('');
      }
    }
  }

  if (results.verdicts) {
    const v = results.verdicts;
    lines.push(
      '## Guided check: verdicts from one-sentence questions',
      '',
      `\`bench/verdict-questions.yaml\`: ${v.questions} support questions with the verdict the rules table should reach and the answers a user`,
      'would type if asked. Each goes through `routeMessage` (after the mention removal the bot applies) and `kb.nextStep`, answering',
      'follow-up questions with the labelled text read as the check reads typed answers.',
      '',
      `**Verdict accuracy ${v.correct}/${v.questions} = ${f3(v.accuracy)}**; ${v.decidedAtOnce} decided from the sentence alone, ${v.followUps} follow-up questions in all,`,
      `a mean of ${v.meanQuestions.toFixed(2)} questions per check (${v.meanQuestionsOriginal.toFixed(2)} on the first 39 questions, the set the five-slot model of the first release asked 0.44 per check on).`,
      '',
    );
    table(
      ['version family', 'questions', 'correct', 'mean questions asked'],
      Object.entries(v.byFamily).map(([family, x]) => [family, x.questions, x.correct, (x.followUps / x.questions).toFixed(2)]),
    );
    table(
      ['expected verdict', 'questions', 'correct'],
      Object.entries(v.byVerdict).map(([verdict, x]) => [verdict, x.questions, x.correct]),
    );
    const misses = v.outcomes.filter((o) => !o.correct);
    if (misses.length > 0) {
      lines.push('Misses:', '');
      for (const o of misses) lines.push(`- "${o.q}": expected ${o.expected}, got ${o.got}`);
      lines.push('');
    }
  }

  if (results.directAnswers) {
    lines.push(
      '## Direct answers (issue 19)',
      '',
      'Each question is played against the real bot in process (after its earlier turns, for follow-ups). Answerable: the expected fact',
      'within the first 300 characters of the reply; unanswerable: refused or met with suggestions only. The tuning sets are',
      '`test/fixtures/direct-answer-questions.yaml` and `-b.yaml`; the held-out set `bench/questions-issue19-holdout.yaml` was written by another helper',
      'and is reported in totals only, never tuned on.',
      '',
      '| set | fact in first 300 chars | direct answers correct | unanswerable refused or suggestions |',
      '|---|---|---|---|',
      ...results.directAnswers.map(
        ({ set, figures: f }) => `| ${set} | ${f.factIn300}/${f.answerable} | ${f.directCorrect}/${f.directAnswers} | ${f.refusedOrSuggested}/${f.unanswerable} |`,
      ),
      '',
    );
  }

  if (results.conversations) {
    lines.push(
      '## Conversations: labelled multi-turn conversations (issue 10)',
      '',
      'Each conversation is played turn by turn against the real bot in process (dialogs, cards, memory state); it passes when every',
      "turn's reply meets its expectation (the question asked, the verdict, words that must or must not appear, no check started).",
      '`conversations.yaml` is the set the conversation code was developed against; `conversations-heldout.yaml` was written blind',
      'afterwards (its first run, before any fix it prompted, passed 39 of 62; the fixes it prompted are in the git log, so it no',
      "longer counts as unseen). `conversations-issue21-holdout.yaml` is issue 21's fresh set (loops, stated facts, facts after a",
      'verdict, designs, needless questions, out-of-support headline), never read while the conversation code changed.',
      '',
    );
    for (const { set, file, figures } of results.conversations) {
      lines.push(`**${set}** (\`bench/${file}\`): ${figures.passed}/${figures.conversations} passed, ${figures.loops} with a loop.`, '');
      table(
        ['group', 'conversations', 'passed'],
        Object.entries(figures.byGroup).map(([group, x]) => [group, x.conversations, x.passed]),
      );
      // A held-out set's failing items are never written down: whoever reads the report would be tuning on it.
      const failed = HELD_OUT_SETS.has(set) ? [] : figures.outcomes.filter((o) => !o.passed);
      if (failed.length > 0) {
        lines.push('Failed:', '');
        for (const o of failed) lines.push(`- ${o.id}: ${o.failure}`);
        lines.push('');
      }
    }
  }

  if (results.speed) {
    lines.push(
      '## Search speed and scale',
      '',
      'Synthetic corpora shaped like ours (bench/lib/synthetic-corpus.ts: same fields and lengths, about 400 words an article, text',
      'from a bigram model of our articles, each article with its own subject so a specific term such as "MSCS" occurs in a minority',
      'of articles; seeded, identical in every run). Each engine runs in its own process. Build = indexing the articles; heap = heap',
      'held by the index after a full GC; index = serialized size (MiniSearch `toJSON`, Lunr `toJSON`, FlexSearch `export`); load =',
      'rebuilding a queryable index from it (MiniSearch `loadJSON`, `lunr.Index.load`, FlexSearch `import`); p50/p99 = latency of',
      'one question: every labelled question (tuning and held-out sets) in a fixed shuffled order, after 10 warm-up questions, for',
      `${String(results.settings.queryBudgetMs ?? '')} ms and at least 40 questions (at 100k articles that minimum is what is timed, so p99 is close to the maximum).`,
      '"× bot" is the engine\'s figure divided by the bot\'s at the same size (below 1 = smaller or faster than the bot).',
      '',
    );
    for (const size of results.speed) {
      lines.push(`### ${size.articles.toLocaleString('en-US')} articles (${(size.words / 1e6).toFixed(1)} M words)`, '');
      table(
        ['engine', 'build s', 'heap MB', 'index MB', 'load ms', 'p50 ms', 'p99 ms', 'queries', 'p50 × bot', 'build × bot', 'heap × bot'],
        size.rows.map((r) => [
          r.label,
          (r.buildMs / 1000).toFixed(2),
          r.heapMB.toFixed(0),
          r.serializedMB.toFixed(1),
          r.loadMs.toFixed(0),
          ms(r.p50Ms),
          ms(r.p99Ms),
          r.queries,
          ratio(r.vsBot?.p50),
          ratio(r.vsBot?.build),
          ratio(r.vsBot?.heap),
        ]),
      );
      for (const [engine, reason] of Object.entries(size.skipped)) lines.push(`- ${engine}: ${reason}.`);
      if (Object.keys(size.skipped).length > 0) lines.push('');
    }
    lines.push(
      "The bot's search is MiniSearch plus our vocabulary (exact phrase matching at index time, phrase and typo matching at query",
      'time), prefix and fuzzy matching, and the coverage rule that decides whether to answer; the plain-MiniSearch row shows what',
      'that costs (it is slower than the bot at query time because it also looks up stop words and generic words, which match',
      'almost every article). Lunr and FlexSearch rank differently (see answer quality: FlexSearch ranks far worse on our questions).',
      'The index load time is what `npm run kb:build` saves at start: compare it with the build time.',
      '',
    );
  }

  if (results.turns) {
    lines.push(
      '## Turn speed',
      '',
      `autocannon, ${String(results.settings.turnConnections)} connections, ${String(results.settings.turnRounds ?? 1)} measured runs of ${String(results.settings.turnSeconds)} s per server, echo and bot in`,
      results.settings.turnWarmupRequests === undefined
        ? `alternation after a ${String(results.settings.turnWarmupSeconds)} s warm-up each (figures are the means of the runs; each run is in results.json), against`
        : `alternation after a warm-up of ${String(results.settings.turnWarmupRequests)} requests each (at most ${String(results.settings.turnWarmupSeconds)} s: the bot's JIT compiler works for about 15,000; ` +
            `requests reached: ${results.turns
              .map(
                (t) =>
                  `${t.scenario} ${Object.entries(t.warmupRequests ?? {})
                    .map(([server, n]) => `${server} ${n}`)
                    .join(', ')}`,
              )
              .join('; ')}; ` +
            'figures are the means of the runs; each run is in results.json), against',
      '`POST /api/messages` on loopback with `deliveryMode: expectReplies` (the replies come back in the response). The bot is',
      "`node dist/bot/index.js` (in-memory state, local mode). The echo bot (bench/echo-bot.ts) runs the bot's own endpoint,",
      "restify set-up and botbuilder host with an echo in place of the conversation core, so bot ÷ echo is the cost of the turn's",
      "own work; the sample (bench/echo-sample-bot.ts) is botbuilder's echo sample, the baseline issue 24 first measured against,",
      'which builds a connector client and HTTP pipeline on every turn. All are started the same way. Each connection starts a new',
      'conversation whenever it starts its sequence over (so the per-conversation rate limit is never reached), and every reply is',
      'checked against what that message must get (the answer, the next question, the verdict, or the echo).',
      '',
    );
    table(
      ['scenario', 'bot req/s', 'echo req/s', 'throughput × echo', 'bot p50 ms', 'echo p50 ms', 'bot p99 ms', 'echo p99 ms', 'p99 × echo', 'errors / non-2xx / wrong replies'],
      results.turns.map((t) => [
        t.label,
        t.bot.requestsPerSecond,
        t.echo.requestsPerSecond,
        ratio(t.throughputRatio),
        t.bot.p50Ms,
        t.echo.p50Ms,
        t.bot.p99Ms,
        t.echo.p99Ms,
        ratio(t.p99Ratio),
        `${t.bot.errors + t.echo.errors} / ${t.bot.non2xx + t.echo.non2xx} / ${(t.bot.wrongReplies ?? 0) + (t.echo.wrongReplies ?? 0)}`,
      ]),
    );
    const withSample = results.turns.filter((t) => t.sample && t.sampleRatio !== undefined);
    if (withSample.length > 0) {
      lines.push("Against botbuilder's echo sample (the bot issue 24 measured against: its throughput and p99 targets are read on these ratios), in the same alternation:", '');
      table(
        ['scenario', 'bot req/s', 'sample req/s', 'throughput × sample', 'sample p99 ms', 'p99 × sample'],
        withSample.map((t) => [
          t.label,
          t.bot.requestsPerSecond,
          t.sample!.requestsPerSecond,
          ratio(t.sampleRatio!),
          t.sample!.p99Ms,
          ratio(round2(t.bot.p99Ms / t.sample!.p99Ms)),
        ]),
      );
    }
    const withCpu = results.turns.filter((t) => t.cpuRatio !== undefined);
    if (withCpu.length > 0) {
      lines.push(
        'CPU time per request of each server process during the same runs (user + system, all threads, from /proc): steadier than req/s when',
        'other work shares the machine. "CPU ratio" is echo ÷ bot, the throughput ratio the two would have with the CPU to themselves;',
        '"turn\'s own work" is bot − echo, what the conversation core costs per request.',
        '',
      );
      table(
        ['scenario', 'bot CPU ms/request', 'echo CPU ms/request', 'CPU ratio', "turn's own work ms/request", 'sample CPU ms/request', 'CPU ratio × sample'],
        withCpu.map((t) => [
          t.label,
          t.bot.cpuMsPerRequest ?? 'n/a',
          t.echo.cpuMsPerRequest ?? 'n/a',
          ratio(t.cpuRatio!),
          t.bot.cpuMsPerRequest !== undefined && t.echo.cpuMsPerRequest !== undefined ? round2(t.bot.cpuMsPerRequest - t.echo.cpuMsPerRequest) : 'n/a',
          t.sample?.cpuMsPerRequest ?? 'n/a',
          t.sampleCpuRatio !== undefined ? ratio(t.sampleCpuRatio) : 'n/a',
        ]),
      );
    }
    const withAgents = results.turns.filter((t) => t.agents);
    if (withAgents.length > 0) {
      lines.push(
        'The same bot on its second host, the Microsoft 365 Agents SDK (`node dist/bot/agents-index.js`, `npm run start:agents`), measured in',
        'the same alternation (echo, botbuilder host, Agents host), with the same messages and checks (issue 23: within 10% of the botbuilder host):',
        '',
      );
      table(
        ['scenario', 'botbuilder req/s', 'Agents req/s', 'Agents × botbuilder', 'botbuilder p99 ms', 'Agents p99 ms', 'Agents errors / non-2xx / wrong replies'],
        withAgents.map((t) => [
          t.label,
          t.bot.requestsPerSecond,
          t.agents!.requestsPerSecond,
          ratio(t.agentsRatio!),
          t.bot.p99Ms,
          t.agents!.p99Ms,
          `${t.agents!.errors} / ${t.agents!.non2xx} / ${t.agents!.wrongReplies ?? 0}`,
        ]),
      );
    }
    const profiled = results.turns.filter((t) => t.botCpu);
    if (profiled.length > 0) {
      lines.push(
        `Where the bot's CPU goes under the same load (a separate ${String(results.settings.turnProfileSeconds ?? '')} s run with \`--cpu-prof\`, not the measured one; self time by area):`,
        '',
      );
      const areas = [...new Set(profiled.flatMap((t) => t.botCpu!.shares.map((s) => s.area)))];
      table(
        ['area', ...profiled.map((t) => t.label)],
        areas.map((area) => [area, ...profiled.map((t) => `${Math.round((t.botCpu!.shares.find((s) => s.area === area)?.share ?? 0) * 1000) / 10}%`)]),
      );
    }
  }

  if (results.startup?.release) {
    lines.push(
      '## Start-up of the release artifact',
      '',
      'Wall time from spawning `node --enable-source-maps server.js` in a fresh `npm run package` output (what App Service starts) to the',
      'first 200 from `GET /healthz` (polled every 5 ms), and the CPU time the process had used by then (all threads, from /proc), medians',
      "of the counted runs after one uncounted warm-up that fills Node's compile cache; the Node binaries alternate. Then one start under",
      '`--cpu-prof`, mapped back to the sources through bot.js.map (the profiler slows it down: its figures are shares, not the timing).',
      '',
    );
    table(
      ['Node', 'median ms', 'min ms', 'max ms', 'median CPU ms'],
      results.startup.release.map((r) => [r.node, ms(r.medianMs), ms(r.minMs), ms(r.maxMs), r.medianCpuMs === undefined ? 'n/a' : ms(r.medianCpuMs)]),
    );
    for (const r of results.startup.release) {
      if (!r.profile) continue;
      lines.push(`Profiled start on Node ${r.node} (${r.profile.totalMs} ms sampled): phases (inclusive)`, '');
      table(
        ['phase', 'ms'],
        r.profile.phases.map((p) => [p.phase, p.ms]),
      );
      lines.push('Self time by source:', '');
      table(
        ['source', 'ms'],
        r.profile.bySource.map((s) => [s.source, s.ms]),
      );
    }
  }
  if (results.startup) {
    lines.push(
      '## Start-up',
      '',
      'Wall time from spawning `node dist/bot/index.js` (what `npm start` runs after building) to the first 200 from `GET /healthz`',
      '(polled every 5 ms), median of the runs after one uncounted warm-up, the two variants alternating. "prebuilt index" follows `npm run kb:build`; "built at',
      'start" has no index file; "stale" edits an article after kb:build (the bot must rebuild and log why). Validation always runs.',
      'With our seven articles the index takes a few tens of milliseconds to build, less than the run-to-run spread, so the first two',
      'rows differ by noise: start-up is mostly loading modules (botbuilder, restify) and validating the knowledge base and its rules',
      'table. The 1,000-article rows show what the prebuilt index saves once there is something to index.',
      '',
    );
    table(
      ['knowledge', 'articles', 'variant', 'median ms', 'min ms', 'max ms', 'log line'],
      results.startup.variants.map((v) => [v.knowledge, v.articles, v.variant, ms(v.medianMs), ms(v.minMs), ms(v.maxMs), v.logLine]),
    );
    lines.push(
      `\`npm run kb:build\` itself: ${Object.entries(results.startup.kbBuildMs)
        .map(([k, v]) => `${k} ${ms(v)} ms`)
        .join(', ')}.`,
      '',
    );
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/**
 * The figures of the release before the speed work (issue 15), on the same labelled sets: the speed
 * work must not lose any of them. From bench/results/quality-verdicts-conversations.md.
 */
export const BEFORE_SPEED_WORK = {
  verdictsCorrect: 154,
  verdictQuestions: 159,
  meanQuestions: 0.32,
  conversations: { tuning: 100, heldOut: 57 } as Record<string, number>,
  fresh: { top1: 0.912, top3: 1, factFound: 76, refused: 18 },
};

/** Soak heap growth after the first quarter allowed (the same margin as test/load/vocabulary-soak.test.ts). */
const SOAK_LATE_GROWTH_MB = 6;

/** Issue 15's speed and memory targets, each with what blocks it where it is missed. */
function speedTargets(results: BenchResults): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const size of results.speed ?? []) {
    if (size.articles < 10_000) continue;
    const bot = size.rows.find((r) => r.engine === 'bot');
    const flex = size.rows.find((r) => r.engine === 'flexsearch');
    if (!bot || !flex) continue;
    const label = `${size.articles / 1000}k articles`;
    for (const key of ['p50Ms', 'p99Ms'] as const) {
      const met = bot[key] <= flex[key];
      checks.push({
        target: `search ${key.slice(0, 3)} at ${label} ≤ FlexSearch's`,
        measured: `${ms(bot[key])} ms vs FlexSearch ${ms(flex[key])} ms`,
        met,
        ...(met ? {} : { why: searchWhy(results, size.articles) }),
      });
    }
    const mini = size.rows.find((r) => r.engine === 'minisearch');
    if (size.articles === 10_000 && mini) {
      const met = bot.heapMB <= mini.heapMB * 1.2;
      checks.push({
        target: "heap held by the search at 10k articles ≤ MiniSearch defaults' + 20%",
        measured: `${bot.heapMB.toFixed(0)} MB vs MiniSearch ${mini.heapMB.toFixed(0)} MB (${(bot.heapMB / mini.heapMB).toFixed(2)}×)`,
        met,
        ...(met ? {} : { why: 'the passage indexes and the vocabulary tables the bot keeps beside the MiniSearch index (see "Search speed and scale").' }),
      });
    }
  }
  const soak = results.hostile?.soak;
  if (soak) {
    const growth = lateGrowthMB(soak.points);
    const met = growth <= SOAK_LATE_GROWTH_MB;
    checks.push({
      target: `memory flat under the fresh-vocabulary soak (heap growth after the first quarter ≤ ${SOAK_LATE_GROWTH_MB} MB)`,
      measured: `${growth.toFixed(1)} MB over ${soak.turns} turns and ${soak.queries} queries (${soak.points[0]?.heapMB} → ${soak.points.at(-1)?.heapMB} MB)`,
      met,
      ...(met
        ? {}
        : {
            why:
              'the search memos added for speed (per-term article lists: 20,000 entries / 32 MB; per-term passage results: 50,000 / 16 MB) ' +
              'fill with fresh words for longer than the first quarter of the soak; they are bounded, and the curve in hostile.md levels off ' +
              `in the last third (${soak.points
                .slice(-7)
                .map((p) => p.heapMB)
                .join(', ')} MB). The margin is the soak test's.`,
          }),
    });
  }
  for (const turn of results.turns ?? []) {
    // Issue 24's targets are ratios to "a bare echo bot", and the one it measured (0.48-0.65x) was
    // botbuilder's echo sample: that is the reference the targets are read against. The echo on the
    // bot's own endpoint and host is stricter (it skips the whole turn, nothing else), so its ratio
    // is reported beside it as the cost of the turn's own work, with no target of its own.
    const wanted = turn.scenario === 'check' ? 0.7 : 0.8;
    const ownEcho =
      `same-endpoint echo ${turn.throughputRatio.toFixed(2)}× (${turn.bot.requestsPerSecond} vs ${turn.echo.requestsPerSecond} req/s` +
      `${turn.cpuRatio === undefined ? '' : `; by CPU ${turn.cpuRatio.toFixed(2)}×`})`;
    const sampleRatio = turn.sampleRatio ?? turn.throughputRatio;
    const throughputMet = sampleRatio >= wanted;
    checks.push({
      target: `${turn.label}: throughput ≥ ${wanted}× echo (botbuilder's echo sample, the bot issue 24 measured against)`,
      measured:
        (turn.sample && turn.sampleRatio !== undefined
          ? `${turn.sampleRatio.toFixed(2)}× (${turn.bot.requestsPerSecond} vs ${turn.sample.requestsPerSecond} req/s${turn.sampleCpuRatio === undefined ? '' : `; by CPU per request ${turn.sampleCpuRatio.toFixed(2)}×`}); `
          : '') + `${ownEcho}, load average ${results.machine.loadAverage}`,
      met: throughputMet,
      ...(throughputMet ? {} : { why: turnWhy(turn) }),
    });
    if (turn.agents && turn.agentsRatio !== undefined) {
      const agentsMet = turn.agentsRatio >= 0.9;
      checks.push({
        target: `${turn.label}: Agents host within 10% of the botbuilder host's throughput`,
        measured: `${turn.agentsRatio.toFixed(2)}× (${turn.agents.requestsPerSecond} vs ${turn.bot.requestsPerSecond} req/s)`,
        met: agentsMet,
        ...(agentsMet
          ? {}
          : {
              why:
                'the conversation core is the same code on both hosts; the host itself costs more on the Agents SDK. With the turn replaced by an echo ' +
                '(issue 24, 6 December 2026, load average 11-12) the botbuilder host took 0.15-0.17 ms of CPU per request and the Agents host 0.25-0.26 ms: ' +
                'per request the SDK parses the activity with its zod schema (about half of the difference in a profile), wraps the turn in OpenTelemetry spans, ' +
                'builds a user-token client, and its buffered replies go through a JSON round trip in bot/hosts/agents/agents-host.ts (plainJson) to rename ' +
                "their _channelId. With the bot's turn on top the Agents host comes to 0.85-0.9× of botbuilder by CPU per request; req/s rounds of one " +
                'server differ by up to 2× on a shared machine (see the rounds in results.json), so one run can read 1.01× and the next 0.60× (both seen on 6 December for the knowledge question)',
            }),
      });
    }
    const p99Ratio = turn.sampleP99Ratio ?? turn.p99Ratio;
    const p99Met = p99Ratio <= 1.5;
    checks.push({
      target: `${turn.label}: p99 ≤ 1.5× echo (botbuilder's echo sample)`,
      measured:
        (turn.sample && turn.sampleP99Ratio !== undefined ? `${turn.sampleP99Ratio.toFixed(2)}× (${turn.bot.p99Ms} vs ${turn.sample.p99Ms} ms); ` : '') +
        `same-endpoint echo ${turn.p99Ratio.toFixed(2)}× (${turn.bot.p99Ms} vs ${turn.echo.p99Ms} ms)`,
      met: p99Met,
      ...(p99Met
        ? {}
        : { why: `the same work per turn as for throughput, queued behind ${String(results.settings.turnConnections ?? 10)} concurrent connections. ${turnWhy(turn)}` }),
    });
  }
  for (const r of results.startup?.release ?? []) {
    const met = r.medianMs < 500;
    checks.push({
      target: `start-up of release/server.js to /healthz ready < 500 ms on Node ${r.node} (every table validated)`,
      measured: `${ms(r.medianMs)} ms median of ${r.runs.length} (CPU ${r.medianCpuMs === undefined ? 'n/a' : ms(r.medianCpuMs)} ms), load average ${results.machine.loadAverage}`,
      met,
      ...(met
        ? {}
        : {
            why: r.node.startsWith('v20')
              ? 'Node 20 has no module compile cache: V8 compiles the bundle at every start; App Service runs Node 22.'
              : 'see the profiled start in summary.md: CPU time is the steadier figure when other work shares the machine.',
          }),
    });
  }
  const prebuilt = results.startup?.variants.find((v) => v.variant === 'prebuilt index' && v.articles < 100);
  if (prebuilt) {
    const met = prebuilt.medianMs < 1000;
    checks.push({
      target: 'start-up to /healthz ready < 1 s (prebuilt index and parsed YAML; every table validated, the rules over every combination)',
      measured: `${ms(prebuilt.medianMs)} ms median of ${prebuilt.runs.length}`,
      met,
      ...(met
        ? {}
        : {
            why:
              'module loading dominates: about 1,400 modules resolved and compiled one by one (Node 20 has no compile cache), ' +
              'botbuilder with its connector and Azure identity libraries alone taking 0.7-0.8 s on this machine, then restify, zod and marked; ' +
              'the knowledge load (about a third of a second) is mostly the rules coverage walk over every combination. ' +
              'Bundling the production server into one file with a code cache is the lever left.',
          }),
    });
  }
  return checks;
}

/** Where a missed turn target's time goes, from the profiled run of the same load. */
function turnWhy(turn: TurnComparison, wanted = turn.scenario === 'check' ? 0.7 : 0.8): string {
  const cpu = turn.botCpu;
  if (!cpu) return 'no profile was taken in this run.';
  const top = cpu.shares
    .filter((s) => !s.area.startsWith('everything else'))
    .slice(0, 5)
    .map((s) => `${s.area} ${Math.round(s.share * 100)}%`)
    .join(', ');
  const own =
    turn.bot.cpuMsPerRequest !== undefined && turn.echo.cpuMsPerRequest !== undefined
      ? ` The echo bot runs the bot's own endpoint and host, so the bot's turn costs ${round2(turn.bot.cpuMsPerRequest - turn.echo.cpuMsPerRequest)} ms of CPU per request beyond the ${turn.echo.cpuMsPerRequest} ms the HTTP request, adapter and reply cost: ${wanted}× would leave it ${round2(turn.echo.cpuMsPerRequest * (1 / wanted - 1))} ms.`
      : '';
  return `Largest shares of the bot's CPU in a profiled run of the same load: ${top}.${own}`;
}

function searchWhy(results: BenchResults, articles: number): string {
  const bot = results.speed?.find((s) => s.articles === articles)?.rows.find((r) => r.engine === 'bot');
  return (
    'MiniSearch scores every article that holds any query word, and the bot then works out the coverage of the candidates; ' +
    'FlexSearch keeps pre-ranked lists and stops early.' +
    (bot ? ` At ${articles / 1000}k the bot's p50 is ${ms(bot.p50Ms)} ms and p99 ${ms(bot.p99Ms)} ms.` : '')
  );
}

/** The speed work must not cost answer quality, verdict accuracy or the conversation sets. */
function noLossTargets(results: BenchResults): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const before = BEFORE_SPEED_WORK;
  const verdicts = results.verdicts;
  if (verdicts) {
    const met = verdicts.correct >= before.verdictsCorrect && verdicts.meanQuestions <= before.meanQuestions + 0.005;
    checks.push({
      target: `no loss in verdict accuracy (before: ${before.verdictsCorrect}/${before.verdictQuestions}, ${before.meanQuestions} questions per check)`,
      measured: `${verdicts.correct}/${verdicts.questions}, ${verdicts.meanQuestions.toFixed(2)} questions per check`,
      met,
      ...(met ? {} : { why: 'see the verdict misses under "Verdicts".' }),
    });
  }
  for (const { set, figures } of results.conversations ?? []) {
    const was = before.conversations[set];
    if (was === undefined) continue;
    const met = figures.passed >= was;
    checks.push({
      target: `no loss in the ${set} conversation set (before: ${was}/${figures.conversations})`,
      measured: `${figures.passed}/${figures.conversations}`,
      met,
      ...(met ? {} : { why: 'see the failing conversations under "Conversations".' }),
    });
  }
  const fresh = results.quality?.find((r) => r.set === 'fresh' && r.engine === 'bot');
  if (fresh) {
    const f = fresh.figures;
    const met = f.top1 >= before.fresh.top1 - 1e-9 && f.top3 >= before.fresh.top3 - 1e-9 && (f.factFound ?? 0) >= before.fresh.factFound && f.refused >= before.fresh.refused;
    checks.push({
      target: `no loss in answer quality on the fresh held-out set (before: top-1 ${before.fresh.top1}, top-3 ${before.fresh.top3}, fact ${before.fresh.factFound}, unanswerable refused ${before.fresh.refused})`,
      measured: `top-1 ${f3(f.top1)}, top-3 ${f3(f.top3)}, fact ${f.factFound ?? 0}, unanswerable refused ${f.refused}`,
      met,
      ...(met ? {} : { why: 'see the misses under "Answer quality".' }),
    });
  }
  return checks;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
