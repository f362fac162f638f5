import { MemoryStorage, TestAdapter, type Activity, type Storage } from 'botbuilder';
import { createBot } from '../../bot/create-bot';
import { botbuilderLogic } from '../../bot/hosts/botbuilder/adapter';
import type { Logger } from '../../bot/log';
import { SEARCH_KB_COMMAND_ID, SEARCH_KB_PARAMETER } from '../../bot/teams/search-kb-command';
import type { KnowledgeBase } from '../../knowledge';
import { settledHeapBytes } from './heap';
import { seededRandom } from '../../bench/lib/stats';

/** How a {@link vocabularySoak} runs. */
export interface SoakOptions {
  /** Chat turns and message-extension queries, each; they alternate. */
  turns: number;
  /** Heap is measured (after full collections) this many times, evenly spread, plus once before. */
  checkpoints: number;
  /** Conversations the turns rotate through (their state stays in the storage). */
  conversations?: number;
  /** Random words per chat message (a message-extension query gets half, within its 500 characters). */
  wordsPerMessage?: number;
  /** Seed of the word generator: every word it makes is new, but a run can be repeated. */
  seed?: number;
  /** Defaults to a MemoryStorage; the bot's own bounded storage can be passed in. */
  storage?: Storage;
}

/** One point of the heap curve. */
export interface SoakPoint {
  /** Turns plus queries done so far. */
  activities: number;
  heapMB: number;
}

export interface SoakResult {
  points: SoakPoint[];
  /** Distinct random words sent in all. */
  words: number;
  /** Wall time of the activities, without the measurements. */
  activitiesPerSecond: number;
}

const quiet: Logger = () => undefined;

/**
 * The red-team soak of issue 13: the real bot (dialogs, search, fact recognizer, state) in process,
 * fed chat messages and "Search KB" queries made of fresh random words (every word new, so every
 * cache keyed by words sees only misses) around a real question ("cluster front end"), with the heap
 * measured after full garbage collections along the way. A cache that grows with the vocabulary
 * shows as a heap that keeps climbing; bounded ones level off once full.
 */
export async function vocabularySoak(knowledge: KnowledgeBase, options: SoakOptions): Promise<SoakResult> {
  const random = seededRandom(options.seed ?? 13);
  let words = 0;
  const word = () => {
    words += 1;
    const length = 5 + Math.floor(random() * 8);
    let text = '';
    for (let i = 0; i < length; i += 1) text += String.fromCharCode(97 + Math.floor(random() * 26));
    return text;
  };
  const wordsPerMessage = options.wordsPerMessage ?? 40;
  const words_ = (count: number) => Array.from({ length: count }, word).join(' ');
  // Many unknown words around a real question: every one is an idea the coverage check compares with
  // every index term found, which is what filled the unbounded cache.
  // Words of the articles' own titles and summaries, a few per message: the results then hold many
  // different index terms, each compared with each unknown word.
  const known = [...new Set(knowledge.articles.flatMap((a) => `${a.title} ${a.summary}`.toLowerCase().split(/[^a-z0-9]+/)))].filter((w) => w.length >= 4);
  const knownWords = (count: number) => Array.from({ length: count }, () => known[Math.floor(random() * known.length)]!).join(' ');
  const message = () => `${words_(wordsPerMessage / 2)} cluster front end ${knownWords(wordsPerMessage / 10)} ${words_(wordsPerMessage / 2)}?`;
  const query = () => `${words_(wordsPerMessage / 4)} front end ${knownWords(wordsPerMessage / 20)} ${words_(wordsPerMessage / 4)}`.slice(0, 500);

  // Each question's answer matcher is built on its first typed answer (a bounded table per question, issue 24's start-up
  // work): built here, before the first checkpoint, so the curve measures what grows with fresh words, not start-up deferred.
  for (const dimension of knowledge.dimensions) knowledge.recognizer.readAnswer(dimension.id, 'warm up');
  const { bot } = createBot(knowledge, options.storage ?? new MemoryStorage(), quiet);
  const adapter = new TestAdapter();
  const conversations = options.conversations ?? 50;
  const run = async (activity: Partial<Activity>) => {
    await adapter.processActivity(activity, botbuilderLogic(bot));
    adapter.activeQueue.splice(0);
  };
  const base = (i: number): Partial<Activity> => ({
    channelId: 'msteams',
    serviceUrl: 'http://127.0.0.1:9/unused',
    from: { id: `user-${i % conversations}`, name: 'Soak' },
    recipient: { id: 'bot', name: 'Bot' },
    conversation: { id: `soak-${i % conversations}` } as Activity['conversation'],
  });

  const points: SoakPoint[] = [{ activities: 0, heapMB: mb(await settledHeapBytes()) }];
  const every = Math.max(1, Math.floor(options.turns / options.checkpoints));
  let busyMs = 0;
  for (let i = 1; i <= options.turns; i += 1) {
    const started = performance.now();
    await run({ ...base(i), type: 'message', text: message() });
    await run({
      ...base(i),
      type: 'invoke',
      name: 'composeExtension/query',
      value: { commandId: SEARCH_KB_COMMAND_ID, parameters: [{ name: SEARCH_KB_PARAMETER, value: query() }] },
    });
    busyMs += performance.now() - started;
    if (i % every === 0) points.push({ activities: 2 * i, heapMB: mb(await settledHeapBytes()) });
  }
  return { points, words, activitiesPerSecond: Math.round((2 * options.turns) / (busyMs / 1000)) };
}

/** Growth of the heap from the end of the first quarter (caches filling up) to the end, in MB. */
export function lateGrowthMB(points: readonly SoakPoint[]): number {
  const settled = points[Math.max(1, Math.floor(points.length / 4))]!;
  const highest = Math.max(...points.slice(points.indexOf(settled)).map((p) => p.heapMB));
  return Math.round((highest - settled.heapMB) * 10) / 10;
}

function mb(bytes: number): number {
  return Math.round((bytes / 1024 / 1024) * 10) / 10;
}
