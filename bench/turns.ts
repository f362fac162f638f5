import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { DIST_DIR } from './lib/paths';
import { startNode, type StartedProcess } from './lib/processes';
import { round } from './lib/stats';

/**
 * Turn speed: autocannon against POST /api/messages on loopback, `deliveryMode: expectReplies`
 * (replies come back in the HTTP response, no channel needed), for the support bot and for a bare
 * echo bot on the same botbuilder/restify versions started the same way, one after the other in the
 * same run. Each run is bounded in time (and every process is stopped afterwards).
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
    messages: ['Can we cluster our Exchange 2003 back-end servers?', 'Enterprise', 'Windows Server 2003 Enterprise'],
    expect: [/Which Exchange edition/, /Which Windows edition/, /Supported with conditions/],
  },
];

export interface TurnRun {
  server: 'bot' | 'echo';
  scenario: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
  requests: number;
  errors: number;
  non2xx: number;
  timeouts: number;
}

export interface TurnComparison {
  scenario: string;
  label: string;
  bot: TurnRun;
  echo: TurnRun;
  throughputRatio: number;
  p99Ratio: number;
}

export interface TurnOptions {
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
}

export const DEFAULT_TURN_OPTIONS: TurnOptions = { connections: 10, durationSeconds: 10, warmupSeconds: 3 };

function activity(text: string, conversationId: string): string {
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

async function load(url: string, server: TurnRun['server'], scenario: TurnScenario, seconds: number, connections: number): Promise<TurnRun> {
  const requests = scenario.messages.map((text, i) => ({
    method: 'POST',
    path: '/api/messages',
    headers: { 'content-type': 'application/json' },
    // A new conversation each time a connection starts the sequence over.
    setupRequest: (request: autocannon.Request, context: Record<string, unknown>) => {
      if (i === 0 || typeof context.conversation !== 'string') context.conversation = `bench-${randomUUID()}`;
      return { ...request, body: activity(text, context.conversation as string) };
    },
  }));
  const result = await autocannon({ url, connections, duration: seconds, timeout: 10, requests });
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
  };
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

async function start(server: TurnRun['server']): Promise<StartedProcess> {
  const args =
    server === 'bot'
      ? ['--disable-warning=DEP0111', join(DIST_DIR, 'bot', 'index.js')]
      : ['--disable-warning=DEP0111', join(DIST_DIR, 'bench', 'echo-bot.js')];
  return startNode(args, { PORT: '0', NODE_ENV: 'production' }, /ready at (http:\/\/127\.0\.0\.1:\d+)\/api\/messages/);
}

export async function runTurns(options: TurnOptions = DEFAULT_TURN_OPTIONS, progress: (line: string) => void = () => undefined): Promise<TurnComparison[]> {
  const comparisons: TurnComparison[] = [];
  for (const scenario of SCENARIOS) {
    const runs: Partial<Record<TurnRun['server'], TurnRun>> = {};
    // Echo first, then the bot, each in a fresh process with a warm-up run that is not counted.
    for (const server of ['echo', 'bot'] as const) {
      const running = await start(server);
      try {
        const url = await running.ready;
        await verify(url, scenario, server === 'bot');
        await load(url, server, scenario, options.warmupSeconds, options.connections);
        runs[server] = await load(url, server, scenario, options.durationSeconds, options.connections);
        progress(`turns: ${scenario.id} ${server} ${runs[server]!.requestsPerSecond} req/s, p50 ${runs[server]!.p50Ms} ms, p99 ${runs[server]!.p99Ms} ms`);
      } finally {
        await running.stop();
      }
    }
    const bot = runs.bot!;
    const echo = runs.echo!;
    comparisons.push({
      scenario: scenario.id,
      label: scenario.label,
      bot,
      echo,
      throughputRatio: round(bot.requestsPerSecond / echo.requestsPerSecond, 2),
      p99Ratio: round(bot.p99Ms / echo.p99Ms, 2),
    });
  }
  return comparisons;
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
