import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MemoryStorage, TestAdapter, type Activity } from 'botbuilder';
import { parse } from 'yaml';
import { createBot } from '../bot/create-bot';
import { memoryLogger } from '../bot/log';
import { loadKnowledgeBase, VERDICT_LABELS, type KnowledgeBase, type Verdict } from '../knowledge';
import { BENCH_DIR } from './lib/paths';

/** What the bot must do after one user turn (bench/conversations.yaml). */
interface Expectation {
  asks?: string;
  verdict?: Verdict;
  verdicts?: { groups?: Verdict[]; overall?: Verdict };
  says?: string[];
  notSays?: string[];
  noCheck?: boolean;
}

interface LabelledConversation {
  id: string;
  group: string;
  turns: { user: string; expect?: Expectation }[];
}

export interface ConversationOutcome {
  id: string;
  group: string;
  passed: boolean;
  /** The first turn that failed and why. */
  failure?: string;
}

export interface ConversationFigures {
  conversations: number;
  passed: number;
  byGroup: Record<string, { conversations: number; passed: number }>;
  outcomes: ConversationOutcome[];
}

/**
 * Issue 10's labelled conversations, each played turn by turn against the real bot (dialogs, cards,
 * memory state) in process. A conversation passes when every turn's reply meets its expectation.
 */
export async function runConversations(kb: KnowledgeBase = loadKnowledgeBase(), file = 'conversations.yaml'): Promise<ConversationFigures> {
  const conversations = parse(readFileSync(join(BENCH_DIR, file), 'utf8')) as LabelledConversation[];
  const outcomes: ConversationOutcome[] = [];
  for (const conversation of conversations) outcomes.push(await runOne(kb, conversation));
  const byGroup: ConversationFigures['byGroup'] = {};
  for (const outcome of outcomes) {
    const entry = (byGroup[outcome.group] ??= { conversations: 0, passed: 0 });
    entry.conversations += 1;
    if (outcome.passed) entry.passed += 1;
  }
  return { conversations: outcomes.length, passed: outcomes.filter((o) => o.passed).length, byGroup, outcomes };
}

async function runOne(kb: KnowledgeBase, conversation: LabelledConversation): Promise<ConversationOutcome> {
  const { bot } = createBot(kb, new MemoryStorage(), memoryLogger());
  const adapter = new TestAdapter((context) => bot.run(context));
  adapter.conversation.channelId = 'msteams';
  for (const [index, turn] of conversation.turns.entries()) {
    const replies: Partial<Activity>[] = [];
    await adapter.send(turn.user).then(() => undefined);
    // TestAdapter queues the bot's replies; drain what this turn produced.
    for (let reply = adapter.activeQueue.shift(); reply; reply = adapter.activeQueue.shift()) replies.push(reply);
    const problem = turn.expect ? check(kb, turn.expect, replies) : undefined;
    if (problem) return { id: conversation.id, group: conversation.group, passed: false, failure: `turn ${index + 1} "${turn.user}": ${problem}` };
  }
  return { id: conversation.id, group: conversation.group, passed: true };
}

function check(kb: KnowledgeBase, expect: Expectation, replies: Partial<Activity>[]): string | undefined {
  const text = replies.map(activityText).join('\n');
  const lower = text.toLowerCase();
  const asked = askedDimension(replies);
  const verdicts = verdictsShown(text);
  if (expect.asks !== undefined && asked !== expect.asks) return `expected a question about ${expect.asks}, got ${asked ?? 'no question'} (${summary(text)})`;
  if (expect.verdict !== undefined && verdicts[0] !== expect.verdict) return `expected verdict ${expect.verdict}, got ${verdicts[0] ?? 'none'} (${summary(text)})`;
  if (expect.verdicts) {
    const { groups = [], overall } = expect.verdicts;
    const wanted = [...(overall ? [overall] : []), ...groups];
    if (verdicts.length < wanted.length || !wanted.every((v) => verdicts.includes(v))) return `expected verdicts ${wanted.join(', ')}, got ${verdicts.join(', ') || 'none'}`;
  }
  for (const words of expect.says ?? []) if (!lower.includes(words.toLowerCase())) return `expected "${words}" in the reply (${summary(text)})`;
  for (const words of expect.notSays ?? []) if (lower.includes(words.toLowerCase())) return `did not expect "${words}" in the reply (${summary(text)})`;
  if (expect.noCheck && (asked !== undefined || verdicts.length > 0)) return `expected no check, got ${asked ? `a question about ${asked}` : 'a verdict'}`;
  void kb;
  return undefined;
}

/** All text of an activity: its text and every string a card shows (TextBlocks, TextRuns, facts, button titles, shown cards). */
export function activityText(activity: Partial<Activity>): string {
  const parts: string[] = [];
  if (activity.text) parts.push(activity.text);
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      for (const key of ['text', 'title', 'value'] as const) if (typeof record[key] === 'string') parts.push(record[key] as string);
      for (const [key, value] of Object.entries(record)) if (key !== 'data' && typeof value === 'object') walk(value);
    }
  };
  for (const attachment of activity.attachments ?? []) walk(attachment.content);
  return parts.join('\n');
}

/** The dimension of the check question shown, from its answer buttons. */
function askedDimension(replies: Partial<Activity>[]): string | undefined {
  let dimension: string | undefined;
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      const data = record.data as Record<string, unknown> | undefined;
      if (record.type === 'Action.Submit' && data && typeof data.dimension === 'string') dimension = data.dimension;
      for (const value of Object.values(record)) if (typeof value === 'object') walk(value);
    }
  };
  for (const reply of replies) for (const attachment of reply.attachments ?? []) walk(attachment.content);
  return dimension;
}

/** Verdict labels shown, in order, read from the text (the label is a card's first words). */
function verdictsShown(text: string): Verdict[] {
  const found: Verdict[] = [];
  const byLength = (Object.entries(VERDICT_LABELS) as [Verdict, string][]).sort((a, b) => b[1].length - a[1].length);
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    const hit = byLength.find(([, label]) => trimmed === label || trimmed.startsWith(`${label}:`) || trimmed.startsWith(`${label} (`) || trimmed.startsWith(`${label} —`));
    if (hit) found.push(hit[0]);
  }
  return found;
}

function summary(text: string): string {
  return text.replace(/\s+/g, ' ').slice(0, 160);
}

/** The two labelled sets: the one the conversation code was developed against, and one written blind and never tuned on. */
export const CONVERSATION_SETS = { tuning: 'conversations.yaml', heldOut: 'conversations-heldout.yaml' } as const;

if (require.main === module) {
  void (async () => {
    const kb = loadKnowledgeBase();
    for (const [name, file] of Object.entries(CONVERSATION_SETS)) {
      const figures = await runConversations(kb, file);
      console.log(`${name} (${file}): conversations passed ${figures.passed}/${figures.conversations}`);
      for (const [group, f] of Object.entries(figures.byGroup)) console.log(`  ${group}: ${f.passed}/${f.conversations}`);
      for (const o of figures.outcomes) if (!o.passed) console.log(`  FAIL ${o.id}: ${o.failure}`);
    }
  })();
}
