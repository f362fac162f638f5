import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import restify from 'restify';
import type { ConversationBot, IncomingActivity } from '../dialogs/turn';
import { loadKnowledgeBase } from '../knowledge';
import { readConfig } from '../bot/config';
import { createBot } from '../bot/create-bot';
import { botbuilderHost } from '../bot/hosts/botbuilder/adapter';
import { checkActivity } from '../bot/http/activity-check';
import { InFlightRequests } from '../bot/http/in-flight';
import { messagesEndpoint } from '../bot/http/messages-endpoint';
import { memoryLogger } from '../bot/log';
import { BoundedMemoryStorage } from '../bot/storage/bounded-memory-storage';
import { activity, SCENARIOS } from './turns';

/**
 * Where a turn's CPU goes between the conversation core and the HTTP server (issue 24: a knowledge
 * turn cost about 0.12 ms in process but 0.4 ms more than the echo bot in the server). In one
 * process, for the same messages as `npm run bench -- --only turns`, CPU milliseconds per turn of:
 *
 * - `core`: the bot's `run` called directly (the activity parsed and checked as the endpoint does);
 * - `host`: the same through the botbuilder host (authentication and CloudAdapter's turn);
 * - `http`: the same bot behind the real endpoint on loopback, with a keep-alive client in this process;
 * - `echo` and `echo with the bot's replies`: the endpoint and host with an echo in place of the bot,
 *   replying "You said" or the bot's own replies to the first message (the response's size).
 *
 * `http` minus the echo with the bot's replies is what the turn costs in the server; compared with
 * `host` it shows how much more the same work costs when it alternates with HTTP work.
 *
 * `npm run build && node dist/bench/turn-cost.js [kb|check] [turns]` (a diagnostic, not part of `npm run bench`).
 */
async function main(): Promise<void> {
  const scenario = SCENARIOS.find((s) => s.id === (process.argv[2] ?? 'kb'));
  if (!scenario) throw new Error(`no scenario ${process.argv[2]}; use one of ${SCENARIOS.map((s) => s.id).join(', ')}`);
  const turns = Number(process.argv[3] ?? 6000);
  const log = memoryLogger();
  const config = { ...readConfig({}), port: 0 };
  const host = botbuilderHost(config, log);
  const bot = createBot(loadKnowledgeBase(), new BoundedMemoryStorage(), log).bot;
  const agent = new Agent({ keepAlive: true, maxSockets: 10 });

  const body = (conversation: string, text: string) => activity(text, conversation);
  const parsed = (conversation: string, text: string): IncomingActivity => {
    const checked = checkActivity(JSON.parse(body(conversation, text)));
    if (!checked.ok) throw new Error(checked.problem.message);
    return checked.activity;
  };
  const serve = async (served: ConversationBot): Promise<number> => {
    const server = restify.createServer({ name: 'turn-cost', handleUncaughtExceptions: false });
    // The client keeps its connections while the other servers are measured (Node's default closes them after 5 s idle).
    server.server.keepAliveTimeout = 10 * 60_000;
    server.post('/api/messages', messagesEndpoint({ host, bot: served, log, inFlight: new InFlightRequests(), isDraining: () => false, turnTimeoutMs: 15_000 }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push(server);
    return (server.address() as AddressInfo).port;
  };
  const servers: restify.Server[] = [];
  const post = (port: number, data: string) =>
    new Promise<void>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port, path: '/api/messages', method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) } },
        (res) => {
          res.resume();
          res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`status ${res.statusCode}`))));
        },
      );
      req.on('error', reject);
      req.end(data);
    });

  // The bot's replies to the first message, for the echo that sends them.
  const replies: Array<Partial<IncomingActivity>> = [];
  await bot.run(parsed(`capture-${randomUUID()}`, scenario.messages[0]!), {
    send: async (activities) => {
      replies.push(...(activities as Array<Partial<IncomingActivity>>));
      return activities.map(() => ({ id: '' }));
    },
  });
  const echo = (big: boolean): ConversationBot => ({
    async run(activity, channel) {
      await channel.send(big ? structuredClone(replies) : [{ type: 'message', text: `You said: ${activity.text ?? ''}` }]);
      return undefined;
    },
  });
  const botPort = await serve(bot);
  const echoPort = await serve(echo(false));
  const bigEchoPort = await serve(echo(true));
  const ways: Record<string, (conversation: string, text: string) => Promise<unknown>> = {
    core: (conversation, text) => bot.run(parsed(conversation, text), { send: async (activities) => activities.map(() => ({ id: '' })) }),
    host: async (conversation, text) => {
      const activity = parsed(conversation, text);
      return host.runTurn(await host.authenticate(activity, ''), activity, bot);
    },
    http: (conversation, text) => post(botPort, body(conversation, text)),
    echo: (conversation, text) => post(echoPort, body(conversation, text)),
    "echo with the bot's replies": (conversation, text) => post(bigEchoPort, body(conversation, text)),
  };
  // Ten conversations at a time, as the turn benchmark's ten connections; CPU of the whole process per turn.
  const measure = async (way: (conversation: string, text: string) => Promise<unknown>, count: number): Promise<number> => {
    let done = 0;
    const before = process.cpuUsage();
    await Promise.all(
      Array.from({ length: 10 }, async () => {
        while (done < count) {
          const conversation = `bench-${randomUUID()}`;
          for (const text of scenario.messages) {
            done += 1;
            await way(conversation, text);
          }
          log.lines.length = 0;
        }
      }),
    );
    const used = process.cpuUsage(before);
    return (used.user + used.system) / 1000 / done;
  };
  for (const way of Object.values(ways)) await measure(way, Math.min(turns, 2000));
  const figures: Record<string, number[]> = {};
  for (let round = 0; round < 3; round += 1) for (const [name, way] of Object.entries(ways)) (figures[name] ??= []).push(await measure(way, turns));
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  console.log(`${scenario.id}: CPU ms per turn, median of 3 rounds of ${turns} turns (client included for the HTTP ways)`);
  for (const [name, values] of Object.entries(figures)) console.log(`  ${name.padEnd(28)} ${median(values).toFixed(3)}  (${values.map((v) => v.toFixed(3)).join(', ')})`);
  const inServer = median(figures.http!) - median(figures["echo with the bot's replies"]!);
  console.log(`  the turn in the server (http - echo with the bot's replies): ${inServer.toFixed(3)}; through the host alone: ${median(figures.host!).toFixed(3)}`);
  for (const server of servers) server.close();
  agent.destroy();
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
