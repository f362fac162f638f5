import { existsSync, mkdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import { DIST_DIR, TMP_DIR } from './lib/paths';
import { startNode, type StartedProcess } from './lib/processes';
import { cpuMsOf } from './lib/process-cpu';
import { scenarioRequests, SCENARIOS, type TurnScenario } from './turns';

/**
 * A controlled A/B of a change to the turn's speed (issue 24): the same server from two builds, this
 * one (`new`) and another (`old`: a copy of an earlier `dist/` beside that build's package.json,
 * knowledge folder and node_modules), started side by side and loaded in alternation (old, new, new,
 * old, ...) with the turn benchmark's messages, so that the other work on a shared machine falls on
 * both alike. What it compares is the server's CPU per request (all its threads, from /proc), which
 * holds steadier than req/s when other processes take the cores; every reply is checked, so a
 * broken build cannot pass for a fast one. Prints each round with the load average, then medians.
 *
 * A diagnostic, not part of `npm run bench`:
 *   mkdir -p /tmp/old && cp -r dist package.json /tmp/old && ln -s "$PWD/knowledge" "$PWD/node_modules" /tmp/old
 *   (make the change, npm run build)
 *   node dist/bench/turn-ab.js /tmp/old/dist [kb|check] [--host bot|agents] [--rounds 6] [--seconds 5] [--warmup 20]
 *
 * The same build under two sets of Node flags (a start command's options, e.g. the young generation's size):
 *   node dist/bench/turn-ab.js dist check --new-flags "--max-semi-space-size=32"
 */
interface Options {
  oldDist: string;
  scenario: TurnScenario;
  host: 'bot' | 'agents';
  rounds: number;
  seconds: number;
  /** Seconds of unmeasured load per build first, in turns of 5 s (`--warmup`, default 20). */
  warmup: number;
  /** Node options each server starts with (`--old-flags`, `--new-flags`, split at spaces). */
  flags: { old: string[]; new: string[] };
}

interface Round {
  build: 'old' | 'new';
  requestsPerSecond: number;
  cpuMsPerRequest: number;
  p99Ms: number;
  load: number;
}

const ENTRY = { bot: ['bot', 'index.js'], agents: ['bot', 'agents-index.js'] } as const;

function parseArgs(argv: string[]): Options {
  const [oldDist, ...rest] = argv;
  if (!oldDist || oldDist.startsWith('--'))
    throw new Error('usage: node dist/bench/turn-ab.js <old dist folder> [kb|check] [--host bot|agents] [--rounds N] [--seconds S] [--warmup S]');
  const entry = (host: string) => join(resolve(oldDist), ...ENTRY[host as 'bot']);
  const flag = (name: string, fallback: string) => {
    const at = rest.indexOf(name);
    return at >= 0 && rest[at + 1] !== undefined ? rest[at + 1]! : fallback;
  };
  const host = flag('--host', 'bot');
  if (host !== 'bot' && host !== 'agents') throw new Error(`--host ${host}: use bot or agents`);
  if (!existsSync(entry(host))) throw new Error(`${entry(host)} does not exist: give the dist folder of a built copy`);
  // Every option takes a value, which may itself start with "--" (a Node flag): the scenario is the word that is neither.
  const scenarioId = rest.find((arg, i) => !arg.startsWith('--') && !(i > 0 && rest[i - 1]!.startsWith('--') && !isValueOfFlag(rest, i - 1))) ?? 'kb';
  const flags = (name: string) =>
    flag(name, '')
      .split(/\s+/)
      .filter((f) => f !== '');
  const scenario = SCENARIOS.find((s) => s.id === scenarioId);
  if (!scenario) throw new Error(`no scenario ${scenarioId}; use one of ${SCENARIOS.map((s) => s.id).join(', ')}`);
  const rounds = Number(flag('--rounds', '6'));
  const seconds = Number(flag('--seconds', '5'));
  const warmup = Number(flag('--warmup', '20'));
  if (!(rounds >= 2 && seconds >= 1 && warmup >= 1)) throw new Error('--rounds must be at least 2, --seconds and --warmup at least 1');
  return { oldDist: resolve(oldDist), scenario, host, rounds, seconds, warmup, flags: { old: flags('--old-flags'), new: flags('--new-flags') } };
}

/** True when `rest[at]` is itself the value of the option before it (`--new-flags --max-semi-space-size=32`). */
function isValueOfFlag(rest: string[], at: number): boolean {
  return at > 0 && rest[at - 1]!.startsWith('--') && !isValueOfFlag(rest, at - 1);
}

function start(dist: string, host: Options['host'], flags: string[]): StartedProcess {
  mkdirSync(TMP_DIR, { recursive: true });
  // In bench/tmp, as the turn benchmark runs its servers, so that a developer's .env changes nothing.
  return startNode(
    ['--disable-warning=DEP0111', ...flags, join(dist, ...ENTRY[host])],
    { PORT: '0', NODE_ENV: 'production' },
    /ready at (http:\/\/127\.0\.0\.1:\d+)\/api\/messages/,
    60_000,
    TMP_DIR,
  );
}

async function load(url: string, pid: number, scenario: TurnScenario, seconds: number): Promise<Omit<Round, 'build'>> {
  let wrong = 0;
  const requests = scenarioRequests(scenario, (i, status, body) => {
    if (status !== 200 || !scenario.expect[i]!.test(body)) wrong += 1;
  });
  const before = cpuMsOf(pid);
  const result = await autocannon({ url, connections: 10, duration: seconds, timeout: 10, requests });
  const after = cpuMsOf(pid);
  if (before === undefined || after === undefined) throw new Error('CPU per process is read from /proc: this diagnostic runs on Linux only');
  if (wrong > 0 || result.errors > 0 || result.requests.total === 0)
    throw new Error(`${url}: ${wrong} wrong or failed replies, ${result.errors} errors in ${result.requests.total} requests`);
  return { requestsPerSecond: result.requests.average, cpuMsPerRequest: (after - before) / result.requests.total, p99Ms: result.latency.p99, load: loadavg()[0]! };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const servers = { old: start(options.oldDist, options.host, options.flags.old), new: start(DIST_DIR, options.host, options.flags.new) };
  if (options.flags.old.length + options.flags.new.length > 0)
    console.log(`node flags: old ${options.flags.old.join(' ') || '(none)'}, new ${options.flags.new.join(' ') || '(none)'}`);
  try {
    const urls = { old: await servers.old.ready, new: await servers.new.ready };
    const pid = (build: 'old' | 'new') => servers[build].child.pid!;
    // Warm-up, not counted: long enough for V8 to have compiled the bot's hot code (see TurnOptions.warmupRequests in turns.ts).
    for (let i = 0; i < options.warmup; i += 5) for (const build of ['old', 'new'] as const) await load(urls[build], pid(build), options.scenario, Math.min(5, options.warmup - i));
    const rounds: Round[] = [];
    for (let i = 0; i < options.rounds; i += 1) {
      for (const build of i % 2 === 0 ? (['old', 'new'] as const) : (['new', 'old'] as const)) {
        const round = { build, ...(await load(urls[build], pid(build), options.scenario, options.seconds)) };
        rounds.push(round);
        console.log(
          `${options.scenario.id} ${options.host} ${build}: ${round.requestsPerSecond.toFixed(0)} req/s, CPU ${round.cpuMsPerRequest.toFixed(3)} ms/request, p99 ${round.p99Ms} ms, load ${round.load.toFixed(1)}`,
        );
      }
    }
    const of = (build: 'old' | 'new', pick: (r: Round) => number) => median(rounds.filter((r) => r.build === build).map(pick));
    const cpuOld = of('old', (r) => r.cpuMsPerRequest);
    const cpuNew = of('new', (r) => r.cpuMsPerRequest);
    // Paired by round: the two runs of a round saw about the same machine.
    const paired = Array.from(
      { length: options.rounds },
      (_, i) => rounds[2 * i + (i % 2 === 0 ? 1 : 0)]!.cpuMsPerRequest / rounds[2 * i + (i % 2 === 0 ? 0 : 1)]!.cpuMsPerRequest,
    );
    console.log(
      `${options.scenario.id} ${options.host}: CPU per request, median of ${options.rounds} rounds: old ${cpuOld.toFixed(3)} ms, new ${cpuNew.toFixed(3)} ms ` +
        `(${((cpuNew / cpuOld - 1) * 100).toFixed(1)} %; new ÷ old per round ${paired.map((r) => r.toFixed(2)).join(', ')}, median ${median(paired).toFixed(2)}); ` +
        `req/s old ${of('old', (r) => r.requestsPerSecond).toFixed(0)}, new ${of('new', (r) => r.requestsPerSecond).toFixed(0)}; load ${median(rounds.map((r) => r.load)).toFixed(1)}`,
    );
  } finally {
    await Promise.all([servers.old.stop(), servers.new.stop()]);
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
