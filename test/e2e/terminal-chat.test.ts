import { strict as assert } from 'node:assert';
import { ChatSession } from '../../tools/chat/chat-session';
import { formatTurn } from '../../tools/chat/terminal-chat';
import { readConfig } from '../../bot/config';
import { memoryLogger } from '../../bot/log';
import { startServer, type RunningServer } from '../../bot/server';
import { sharedKnowledgeBase } from '../support/shared-knowledge';

describe('terminal chat against the real bot', () => {
  let bot: RunningServer;
  before(async () => {
    bot = await startServer({ config: { ...readConfig({}), port: 0 }, knowledge: sharedKnowledgeBase(), log: memoryLogger() });
  });
  after(() => bot.close());

  it('greets, then runs the guided check to a verdict by numbered buttons', async () => {
    const session = new ChatSession({ url: `${bot.url}/api/messages` });
    const welcome = await session.start();
    assert.ok(
      formatTurn(welcome).some((l) => /exchange support bot/i.test(l)),
      formatTurn(welcome).join('\n'),
    );

    const press = async (title: string) => {
      const index = session.buttons.findIndex((b) => b.title.startsWith(title));
      assert.ok(index >= 0, `no button "${title}" among ${session.buttons.map((b) => b.title).join(', ')}`);
      return session.send(session.resolveInput(String(index + 1)));
    };
    await press('Check my setup');
    await press('Exchange 2003');
    await press('Front-end');
    const verdict = await press('Windows server cluster on shared storage');
    const screen = formatTurn(verdict);
    // Exchange 2003 is retired: the out-of-support line first (issue 21), then the design's label.
    assert.match(screen[0]!, /^bot> (== )?Out of support since 8 April 2014: Exchange 2003\./i, screen.join('\n'));
    assert.ok(
      screen.some((l) => /^(bot> )?(== )?not supported( ==)?$/i.test(l.trim())),
      screen.join('\n'),
    );
    assert.ok(
      screen.some((l) => l.includes('Not supported - Exchange support check')),
      screen.join('\n'),
    );
  });
});
