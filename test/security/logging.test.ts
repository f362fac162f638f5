import { strict as assert } from 'node:assert';
import { readConfig } from '../../bot/config';
import { memoryLogger, routeConsoleToLog } from '../../bot/log';
import { startServer, type RunningServer } from '../../bot/server';
import { messageActivity } from '../support/activities';
import { exchange, postActivity } from '../support/bot-http';
import { sharedKnowledgeBase } from '../support/shared-knowledge';

describe('structured logs: conversation ids, sizes and reasons, never user text', () => {
  const log = memoryLogger();
  let bot: RunningServer;
  before(async () => {
    bot = await startServer({ config: { ...readConfig({}), port: 0 }, knowledge: sharedKnowledgeBase(), log });
  });
  after(async () => {
    await bot.close();
  });

  it('logs each activity with its conversation, channel, type, status, duration and text length only', async () => {
    const texts = ['how do I fix the secret-project office printer', 'can I put my secret-project FE on MSCS?', 'start over', 'E2K3'];
    const conversation = messageActivity(undefined).conversation;
    for (const text of texts) await exchange(bot.url, messageActivity(text, { conversation }));
    const lines = log.lines.filter((l) => l.fields.conversationId === conversation!.id);
    const processed = lines.filter((l) => l.message === 'activity processed');
    assert.equal(processed.length, texts.length);
    for (const [i, line] of processed.entries()) {
      assert.equal(line.level, 'info');
      assert.deepEqual(Object.keys(line.fields).sort(), ['activityType', 'channelId', 'conversationId', 'durationMs', 'status', 'textLength']);
      assert.equal(line.fields.textLength, texts[i]!.length);
    }
    assert.ok(lines.some((l) => l.message === 'unanswered question recorded'));
    assert.ok(!JSON.stringify(log.lines).includes('secret-project'), 'no user text in any line');
  });

  it('logs refused requests with the reason, not the body', async () => {
    await postActivity(bot.url, { ...messageActivity('secret-body-text'), serviceUrl: 'ftp://x' });
    const refused = log.lines.find((l) => l.message === 'request refused' && String(l.fields.reason).includes('serviceUrl'));
    assert.ok(refused);
    assert.equal(refused.level, 'warn');
    assert.ok(!JSON.stringify(log.lines).includes('secret-body-text'));
  });

  it('routes library console output into the log, so stderr stays JSON lines', () => {
    const lines = memoryLogger();
    const restore = routeConsoleToLog(lines);
    try {
      console.error(new Error('token expired'));
      console.warn('BadRequest: %s', 'missing type');
    } finally {
      restore();
    }
    assert.deepEqual(
      lines.lines.map((l) => [l.level, l.message]),
      [
        ['warn', 'console output'],
        ['warn', 'console output'],
      ],
    );
    assert.match(String(lines.lines[0]!.fields.detail), /^Error: token expired/);
    assert.equal(lines.lines[1]!.fields.detail, 'BadRequest: missing type');
  });
});
