import type { Activity } from 'botbuilder';
import { readConfig } from '../bot/config';
import { memoryLogger } from '../bot/log';
import { recordKey, shortHash } from '../bot/records/record-keys';
import { startServer } from '../bot/server';
import type { KnowledgeBase } from '../knowledge';
import { messageActivity } from '../test/support/activities';
import { exchange } from '../test/support/bot-http';

/** Figures of "kb report" in chat over many unanswered questions (issue 22, finding 4). */
export interface ReportUnderLoad {
  records: number;
  /** The admin's "kb report" turn, request to response. */
  reportMs: number;
  /** Whether the grouping ran out of its budget (the report says "Partial"). */
  partial: boolean;
  /** Another user's normal question sent while the report runs: its turn, and a normal turn alone. */
  otherTurnMs: number;
  normalTurnMs: number;
}

const ADMIN = 'aad-bench-admin';
const VOCABULARY = 'exchange server cluster node mailbox database front end back outlook owa smtp connector queue dag witness failover storage group public folder certificate'.split(' ');

/**
 * Fills a bot's memory records with `count` unanswered questions that share common words but are
 * each unlike the others (the red team's case: 5,916 took 38 s), then asks "kb report" in Teams
 * as an admin and, while it runs, a normal question as another user.
 */
export async function reportUnderLoad(knowledge: KnowledgeBase, count: number): Promise<ReportUnderLoad> {
  const bot = await startServer({ config: { ...readConfig({ RATE_LIMIT_PER_MINUTE: '0', ADMIN_AAD_OBJECT_IDS: ADMIN }), port: 0 }, knowledge, log: memoryLogger() });
  try {
    let state = 22;
    const pick = (n: number) => (state = (state * 1103515245 + 12345) & 0x7fffffff) % n;
    const fresh = () => Array.from({ length: 7 }, () => String.fromCharCode(97 + pick(26))).join('');
    const at = new Date();
    for (let i = 0; i < count; i += 1) {
      const question = `how do I ${VOCABULARY[pick(VOCABULARY.length)]} ${VOCABULARY[pick(VOCABULARY.length)]} ${fresh()} ${VOCABULARY[pick(VOCABULARY.length)]} ${fresh()}`;
      const value = { kind: 'unanswered', at: at.toISOString(), channel: 'msteams', user: shortHash('user', String(i)), conversation: shortHash('conv', String(i)), question };
      await bot.records.store.create(recordKey('unanswered', at, shortHash('bench', String(i))), value);
    }
    const normal = () => messageActivity('can FE go on MSCS?');
    for (let i = 0; i < 5; i += 1) await exchange(bot.url, normal());
    let started = performance.now();
    await exchange(bot.url, normal());
    const normalTurnMs = performance.now() - started;

    const admin = { channelId: 'msteams', from: { id: '29:admin', aadObjectId: ADMIN } as Activity['from'] };
    started = performance.now();
    const report = exchange(bot.url, messageActivity('kb report', admin)).then((replies) => ({ replies, ms: performance.now() - started }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const otherStarted = performance.now();
    await exchange(bot.url, normal());
    const otherTurnMs = performance.now() - otherStarted;
    const { replies, ms } = await report;
    const text = replies[0]?.text ?? '';
    if (!/Knowledge report/.test(text)) throw new Error(`kb report gave no report: ${text.slice(0, 200)}`);
    const round = (n: number) => Math.round(n * 10) / 10;
    return { records: count, reportMs: round(ms), partial: /Partial: the time for grouping ran out/.test(text), otherTurnMs: round(otherTurnMs), normalTurnMs: round(normalTurnMs) };
  } finally {
    await bot.close();
  }
}
