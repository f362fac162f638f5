import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { cpuBreakdown, type CpuBreakdown } from './lib/cpu-profile';
import { DIST_DIR, TMP_DIR } from './lib/paths';
import { startNode, type StartedProcess } from './lib/processes';
import { cpuMsOf } from './lib/process-cpu';
import { round } from './lib/stats';

/**
 * Turn speed: autocannon against POST /api/messages on loopback, `deliveryMode: expectReplies`
 * (replies come back in the HTTP response, no channel needed), for the support bot on each host and
 * for two echo bots started the same way, measured in alternation in the same run: `echo` runs the
 * bot's own HTTP endpoint and botbuilder host with an echo in place of the conversation core (so
 * bot ÷ echo measures the turn's own work), `sample` is botbuilder's echo sample (what issue 24 first
 * measured against; it pays for a new connector client per turn, which the bot does not). Each run
 * is bounded in time (and every process is stopped afterwards).
 */
export interface TurnScenario {
  id: string;
  label: string;
  /** Messages each connection sends in order, in one conversation, then again in a new one. */
  messages: string[];
  /** What the support bot's replies must contain, per message (checked once before the load). */
  expect: RegExp[];
}

export const SCENARIOS: TurnScenario[] = [
  {
    id: 'kb',
    label: 'knowledge-base question',
    messages: ['how many nodes can a windows 2003 enterprise cluster have'],
    expect: [/EXB-003/],
  },
  {
    id: 'check',
    label: 'guided-check steps (question → edition → Windows → verdict, repeated)',
    messages: ['Can we cluster our Exchange 2003 back-end servers?', 'Enterprise', 'Windows Server 2003 Enterprise, 32-bit'],
    expect: [/Which Exchange edition/, /Which Windows Server release/, /Supported with conditions/],
  },
];

export interface TurnRun {
  /**
   * `bot`: the botbuilder host (npm start); `agents`: the same bot on the Agents SDK host (npm run start:agents);
   * `echo`: an echo on the bot's own endpoint and host (bench/echo-bot.ts); `sample`: botbuilder's echo sample (bench/echo-sample-bot.ts).
   */
  server: 'bot' | 'agents' | 'echo' | 'sample';
  scenario: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
  requests: number;
  errors: number;
  non2xx: number;
  timeouts: number;
  /** 200 responses whose replies were not the expected answer, question or verdict. */
  wrongReplies: number;
  /**
   * CPU milliseconds the server process used per request during the run (all its threads, from
   * /proc; undefined elsewhere). Steadier than req/s when other work shares the machine.
   */
  cpuMsPerRequest?: number;
  /** For a combined figure: the measured rounds it is the mean of. */
  rounds?: TurnRun[];
}

export interface TurnComparison {
  scenario: string;
  label: string;
  bot: TurnRun;
  echo: TurnRun;
  throughputRatio: number;
  p99Ratio: number;
  /** Echo's CPU per request ÷ the bot's: the throughput ratio the two would have on a machine of their own. */
  cpuRatio?: number;
  /** botbuilder's echo sample, the baseline issue 24 first measured against. */
  sample?: TurnRun;
  /** Bot req/s ÷ sample req/s, and the sample's CPU per request ÷ the bot's. */
  sampleRatio?: number;
  sampleCpuRatio?: number;
  /** Bot p99 ÷ the sample's p99. */
  sampleP99Ratio?: number;
  /** The same bot on the Agents SDK host (issue 23: within 10% of the botbuilder host's throughput). */
  agents?: TurnRun;
  /** Agents host req/s ÷ botbuilder host req/s. */
  agentsRatio?: number;
  /** Where the bot's CPU went in a separate, profiled run of the same load (not the measured one). */
  botCpu?: CpuBreakdown;
  /** Requests each server answered in its warm-up (see {@link TurnOptions.warmupRequests}). */
  warmupRequests?: Record<TurnRun['server'], number>;
}

export interface TurnOptions {
  connections: number;
  durationSeconds: number;
  /**
   * Requests each server answers, unmeasured, before its measured runs. The bot's code is large: V8 keeps
   * compiling its functions for thousands of requests (on a loaded 2-core machine, `--trace-opt` counted
   * about 300 optimizations in the first 5 s of check steps, still 25-35 after 10,000 requests and about 10
   * after 15,000; CPU per request fell by half over that time), while the echo bots settle within a
   * second. Measured after a warm-up of seconds, the bot's figure was mostly its compiler's.
   */
  warmupRequests: number;
  /** Upper bound of each server's warm-up, in seconds, whatever it reached by then. */
  warmupSeconds: number;
  /** Measured runs per server, alternating echo and bot. */
  rounds: number;
  /** Length of the extra, profiled (unmeasured) bot run per scenario; 0 skips it. */
  profileSeconds: number;
}

export const DEFAULT_TURN_OPTIONS: TurnOptions = { connections: 10, durationSeconds: 8, warmupRequests: 20_000, warmupSeconds: 45, rounds: 2, profileSeconds: 4 };

/** The JSON body of one message of a scenario, as a channel would POST it (expectReplies: the replies come back in the response). */
export function activity(text: string, conversationId: string): string {
  return JSON.stringify({
    type: 'message',
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    channelId: 'emulator',
    serviceUrl: 'http://127.0.0.1:9/unused',
    deliveryMode: 'expectReplies',
    from: { id: 'bench-user', name: 'Bench User' },
    recipient: { id: 'bot', name: 'Exchange Support Bot' },
    conversation: { id: conversationId },
    locale: 'en-US',
    text,
  });
}

/** autocannon's requests for a scenario: its messages in order, in a new conversation each time a connection starts them over; `onReply` sees each answer. */
export function scenarioRequests(scenario: TurnScenario, onReply: (index: number, status: number, body: string) => void): autocannon.Request[] {
  return scenario.messages.map((text, i) => ({
    method: 'POST',
    path: '/api/messages',
    headers: { 'content-type': 'application/json' },
    setupRequest: (request: autocannon.Request, context: Record<string, unknown>) => {
      if (i === 0 || typeof context.conversation !== 'string') context.conversation = `bench-${randomUUID()}`;
      return { ...request, body: activity(text, context.conversation as string) };
    },
    onResponse: (status: number, body: string) => onReply(i, status, body),
  }));
}

async function load(url: string, server: TurnRun['server'], scenario: TurnScenario, seconds: number, connections: number, pid?: number): Promise<TurnRun> {
  // Every reply is checked, so that a cheap wrong answer (an error message, a "slow down") cannot pass for speed.
  let wrongReplies = 0;
  const requests = scenarioRequests(scenario, (i, status, body) => {
    const expected = server === 'echo' || server === 'sample' ? /You said/ : scenario.expect[i]!;
    if (status === 200 && !expected.test(body)) wrongReplies += 1;
  });
  const cpuBefore = pid === undefined ? undefined : cpuMsOf(pid);
  const result = await autocannon({ url, connections, duration: seconds, timeout: 10, requests });
  const cpuAfter = pid === undefined ? undefined : cpuMsOf(pid);
  const cpuMs = cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore;
  return {
    server,
    scenario: scenario.id,
    requestsPerSecond: round(result.requests.average, 1),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    meanMs: round(result.latency.mean, 2),
    requests: result.requests.total,
    errors: result.errors,
    non2xx: result.non2xx,
    timeouts: result.timeouts,
    wrongReplies,
    ...(cpuMs === undefined || result.requests.total === 0 ? {} : { cpuMsPerRequest: round(cpuMs / result.requests.total, 3) }),
  };
}

/** Loads a server, unmeasured, until it has answered `warmupRequests` or `warmupSeconds` have passed; the requests it answered. */
async function warmUp(url: string, server: TurnRun['server'], scenario: TurnScenario, options: TurnOptions): Promise<number> {
  const started = performance.now();
  let answered = 0;
  while (answered < options.warmupRequests) {
    const left = options.warmupSeconds - (performance.now() - started) / 1000;
    if (left < 1) break;
    answered += (await load(url, server, scenario, Math.min(3, Math.floor(left)), options.connections)).requests;
  }
  return answered;
}

/** One full sequence over HTTP, checking the support bot's replies say what they should. */
async function verify(url: string, scenario: TurnScenario, checkContent: boolean): Promise<void> {
  const conversation = `verify-${randomUUID()}`;
  for (const [i, text] of scenario.messages.entries()) {
    const response = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: activity(text, conversation) });
    const body = await response.text();
    if (response.status !== 200) throw new Error(`${scenario.id}: "${text}" answered ${response.status}: ${body.slice(0, 500)}`);
    if (checkContent && !scenario.expect[i]!.test(body)) throw new Error(`${scenario.id}: the reply to "${text}" does not match ${scenario.expect[i]}: ${body.slice(0, 1000)}`);
  }
}

/** What each server runs: the two hosts' entry points (npm start, npm run start:agents) and the echo bot. */
const ENTRIES: Record<TurnRun['server'], string[]> = {
  bot: ['bot', 'index.js'],
  agents: ['bot', 'agents-index.js'],
  echo: ['bench', 'echo-bot.js'],
  sample: ['bench', 'echo-sample-bot.js'],
};

async function start(server: TurnRun['server'], profileDir?: string): Promise<StartedProcess> {
  const args = ['--disable-warning=DEP0111', ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []), join(DIST_DIR, ...ENTRIES[server])];
  // The working directory is bench/tmp, so that a developer's .env does not change what is measured.
  mkdirSync(TMP_DIR, { recursive: true });
  return startNode(args, { PORT: '0', NODE_ENV: 'production' }, /ready at (http:\/\/127\.0\.0\.1:\d+)\/api\/messages/, 60_000, TMP_DIR);
}

/** The same load against a bot started with --cpu-prof, to see where its time goes (the profiler slows it, so this run is not measured). */
async function profileBot(scenario: TurnScenario, seconds: number, connections: number): Promise<CpuBreakdown> {
  const dir = join(TMP_DIR, `cpu-profile-${process.pid}-${scenario.id}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const spawned = performance.now();
  const running = await start('bot', dir);
  let skipMs = 0;
  try {
    const url = await running.ready;
    await load(url, 'bot', scenario, 1, connections);
    // Leave start-up and the warm-up second out of the breakdown.
    skipMs = performance.now() - spawned;
    await load(url, 'bot', scenario, seconds, connections);
  } finally {
    await running.stop();
  }
  try {
    return cpuBreakdown(dir, skipMs);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function runTurns(options: TurnOptions = DEFAULT_TURN_OPTIONS, progress: (line: string) => void = () => undefined): Promise<TurnComparison[]> {
  const comparisons: TurnComparison[] = [];
  for (const scenario of SCENARIOS) {
    // The servers in fresh processes, each warmed up (not counted), then measured in alternation
    // (echo, sample, bot, agents, echo, ...) so that other load on the machine falls on all alike.
    const order = ['echo', 'sample', 'bot', 'agents'] as const;
    const servers = { echo: await start('echo'), sample: await start('sample'), bot: await start('bot'), agents: await start('agents') };
    const rounds: Record<TurnRun['server'], TurnRun[]> = { echo: [], sample: [], bot: [], agents: [] };
    const warmup: Record<TurnRun['server'], number> = { echo: 0, sample: 0, bot: 0, agents: 0 };
    try {
      const urls = { echo: await servers.echo.ready, sample: await servers.sample.ready, bot: await servers.bot.ready, agents: await servers.agents.ready };
      for (const server of order) {
        await verify(urls[server], scenario, server !== 'echo' && server !== 'sample');
        warmup[server] = await warmUp(urls[server], server, scenario, options);
      }
      for (let round = 0; round < options.rounds; round += 1) {
        for (const server of order) {
          const run = await load(urls[server], server, scenario, options.durationSeconds, options.connections, servers[server].child.pid);
          rounds[server].push(run);
          progress(
            `turns: ${scenario.id} ${server} round ${round + 1}: ${run.requestsPerSecond} req/s, p50 ${run.p50Ms} ms, p99 ${run.p99Ms} ms, CPU ${run.cpuMsPerRequest ?? 'n/a'} ms/request`,
          );
        }
      }
    } finally {
      await Promise.all([servers.echo.stop(), servers.sample.stop(), servers.bot.stop(), servers.agents.stop()]);
    }
    const bot = combine(rounds.bot);
    const echo = combine(rounds.echo);
    const sample = combine(rounds.sample);
    const agents = combine(rounds.agents);
    const botCpu = options.profileSeconds > 0 ? await profileBot(scenario, options.profileSeconds, options.connections) : undefined;
    comparisons.push({
      scenario: scenario.id,
      label: scenario.label,
      bot,
      echo,
      throughputRatio: round(bot.requestsPerSecond / echo.requestsPerSecond, 2),
      p99Ratio: round(bot.p99Ms / echo.p99Ms, 2),
      ...(bot.cpuMsPerRequest && echo.cpuMsPerRequest ? { cpuRatio: round(echo.cpuMsPerRequest / bot.cpuMsPerRequest, 2) } : {}),
      sample,
      sampleRatio: round(bot.requestsPerSecond / sample.requestsPerSecond, 2),
      sampleP99Ratio: round(bot.p99Ms / sample.p99Ms, 2),
      ...(bot.cpuMsPerRequest && sample.cpuMsPerRequest ? { sampleCpuRatio: round(sample.cpuMsPerRequest / bot.cpuMsPerRequest, 2) } : {}),
      agents,
      agentsRatio: round(agents.requestsPerSecond / bot.requestsPerSecond, 2),
      warmupRequests: warmup,
      ...(botCpu ? { botCpu } : {}),
    });
  }
  return comparisons;
}

/** The rounds of one server: means of the rates and latency percentiles, sums of the counts, and the rounds themselves. */
function combine(runs: TurnRun[]): TurnRun {
  const mean = (pick: (run: TurnRun) => number) => round(runs.reduce((n, run) => n + pick(run), 0) / runs.length, 1);
  const sum = (pick: (run: TurnRun) => number) => runs.reduce((n, run) => n + pick(run), 0);
  return {
    server: runs[0]!.server,
    scenario: runs[0]!.scenario,
    requestsPerSecond: mean((r) => r.requestsPerSecond),
    p50Ms: mean((r) => r.p50Ms),
    p99Ms: mean((r) => r.p99Ms),
    meanMs: mean((r) => r.meanMs),
    requests: sum((r) => r.requests),
    errors: sum((r) => r.errors),
    non2xx: sum((r) => r.non2xx),
    timeouts: sum((r) => r.timeouts),
    wrongReplies: sum((r) => r.wrongReplies),
    ...(runs.every((r) => r.cpuMsPerRequest !== undefined) ? { cpuMsPerRequest: round(runs.reduce((n, r) => n + r.cpuMsPerRequest!, 0) / runs.length, 3) } : {}),
    rounds: runs.map(({ rounds: _nested, ...run }) => run),
  };
}

if (require.main === module) {
  const seconds = Number(process.argv[2] ?? DEFAULT_TURN_OPTIONS.durationSeconds);
  runTurns({ ...DEFAULT_TURN_OPTIONS, durationSeconds: seconds }, (line) => console.log(line))
    .then((comparisons) => console.log(JSON.stringify(comparisons, null, 1)))
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
