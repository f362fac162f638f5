import { strict as assert } from 'node:assert';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { readConfig } from '../../bot/config';
import { memoryLogger } from '../../bot/log';
import { startServer, type RunningServer } from '../../bot/server';
import { messageActivity } from '../support/activities';
import { postActivity } from '../support/bot-http';
import { HOSTS, type HostName } from '../support/hosts';
import { sharedKnowledgeBase } from '../support/shared-knowledge';

/** bench/conversations.yaml: only the users' turns are read here (the bench judges the replies). */
const CONVERSATIONS = parse(readFileSync(join(__dirname, '..', '..', '..', 'bench', 'conversations.yaml'), 'utf8')) as Array<{ id: string; turns: Array<{ user: string }> }>;

/**
 * An answer as compared: without what may differ between two answers to the same activity (the ids
 * the channel or the SDK gives replies, the times they were made), and with every object's keys in
 * one order. The Agents SDK re-reads each reply through its activity schema, which writes the
 * schema's fields in the schema's order, where botbuilder keeps the order the bot built them in;
 * JSON objects are unordered, so the order is set aside, and every key and value must be the same.
 */
function withoutIdsAndTimes(body: unknown): string {
  const activities = (body as { activities?: Array<Record<string, unknown>> } | undefined)?.activities;
  for (const activity of activities ?? []) {
    delete activity.id;
    delete activity.timestamp;
    delete activity.localTimestamp;
  }
  return JSON.stringify(inKeyOrder(body));
}

function inKeyOrder(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(inKeyOrder);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, inKeyOrder((value as Record<string, unknown>)[key])]),
  );
}

describe('both hosts give the same replies to the same conversations (bench/conversations.yaml, over HTTP)', function () {
  this.timeout(120_000);
  const knowledge = sharedKnowledgeBase();
  const bots = {} as Record<HostName, RunningServer>;

  before(async () => {
    for (const host of HOSTS)
      bots[host] = await startServer({ config: { ...readConfig({}), port: 0, rateLimit: { perMinute: 0, burst: 1 } }, knowledge, log: memoryLogger(), host });
  });
  after(async () => {
    for (const host of HOSTS) await bots[host]?.close();
  });

  it(`plays all ${CONVERSATIONS.length} conversations in Teams on both hosts: 0 differences, ids, timestamps and key order aside`, async () => {
    const differences: string[] = [];
    let turns = 0;
    for (const conversation of CONVERSATIONS) {
      // The same conversation id on both hosts: each has its own memory state.
      const conversationId = `same-replies-${conversation.id}-${randomUUID()}`;
      for (const [index, turn] of conversation.turns.entries()) {
        const activity = messageActivity(turn.user, {
          id: `${conversation.id}-${index}`,
          channelId: 'msteams',
          conversation: { id: conversationId, conversationType: 'personal', tenantId: 'tenant-1' } as never,
          deliveryMode: 'expectReplies',
        });
        const answers = {} as Record<HostName, { status: number; body: string }>;
        for (const host of HOSTS) {
          const { status, body } = await postActivity(bots[host].url, activity);
          answers[host] = { status, body: withoutIdsAndTimes(body) };
        }
        turns += 1;
        const [first, second] = HOSTS.map((host) => answers[host]);
        assert.equal(first!.status, 200, `${conversation.id} turn ${index + 1}: ${first!.body.slice(0, 300)}`);
        if (first!.status !== second!.status || first!.body !== second!.body) {
          differences.push(
            `${conversation.id} turn ${index + 1} ("${turn.user}"):\n  ${HOSTS[0]}: ${first!.status} ${first!.body.slice(0, 600)}\n  ${HOSTS[1]}: ${second!.status} ${second!.body.slice(0, 600)}`,
          );
        }
      }
    }
    assert.ok(turns > 100, `only ${turns} turns played`);
    assert.deepEqual(differences, [], `${differences.length} of ${turns} turns differ:\n${differences.slice(0, 5).join('\n')}`);
  });
});
