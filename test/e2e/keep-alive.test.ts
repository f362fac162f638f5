import { strict as assert } from 'node:assert';
import { Agent, request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { readConfig } from '../../bot/config';
import { memoryLogger } from '../../bot/log';
import { MAX_CONNECTIONS, startServer, type RunningServer } from '../../bot/server';
import { sharedKnowledgeBase } from '../support/shared-knowledge';

/** GET `path` through `agent`; resolves with the status, whether the socket was reused, and the Keep-Alive header. */
function get(url: string, agent: Agent): Promise<{ status: number; reused: boolean; keepAlive: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/healthz`, { agent }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, reused: req.reusedSocket, keepAlive: res.headers['keep-alive'] as string | undefined }));
    });
    req.on('error', reject);
    req.end();
  });
}

// Node closes an idle keep-alive connection after 5 s by default, while the pools in front of the bot
// reuse one for longer: a request sent just as the server closes the socket is reset (seen as
// ECONNRESET by the Adaptive Card walk on a loaded machine; a 502 at App Service's front end).
describe('connections (real server on a loopback port)', () => {
  let bot: RunningServer;
  before(async () => {
    bot = await startServer({ config: { ...readConfig({}), port: 0 }, knowledge: sharedKnowledgeBase(), log: memoryLogger() });
  });
  after(async () => {
    await bot.close();
  });

  it("keeps an idle connection open past Node's 5-second default, and says so in Keep-Alive", async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const first = await get(bot.url, agent);
      assert.equal(first.status, 200);
      assert.match(first.keepAlive ?? '', /timeout=(\d+)/);
      assert.ok(Number(/timeout=(\d+)/.exec(first.keepAlive!)![1]) > 60, first.keepAlive);
      await new Promise((resolve) => setTimeout(resolve, 6_000));
      const second = await get(bot.url, agent);
      assert.equal(second.status, 200);
      assert.equal(second.reused, true, 'the second request went out on the idle socket, which the server kept open');
    } finally {
      agent.destroy();
    }
  }).timeout(20_000);

  it('refuses connections past its bound, and serves again once they close', async () => {
    const port = Number(new URL(bot.url).port);
    const sockets: Socket[] = [];
    try {
      for (let i = 0; i < MAX_CONNECTIONS; i += 1) {
        sockets.push(
          await new Promise<Socket>((resolve, reject) => {
            const socket = connect(port, '127.0.0.1', () => resolve(socket));
            socket.on('error', reject);
          }),
        );
      }
      // Give the server the time to accept them all, then one more is closed at once, unanswered.
      await new Promise((resolve) => setTimeout(resolve, 200));
      const extra = await new Promise<string>((resolve) => {
        const socket = connect(port, '127.0.0.1', () => socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'));
        let received = '';
        socket.on('data', (chunk) => (received += chunk.toString()));
        socket.on('close', () => resolve(received));
        socket.on('error', () => undefined);
      });
      assert.equal(extra, '', 'a connection past the bound gets no answer');
    } finally {
      for (const socket of sockets) socket.destroy();
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    const agent = new Agent({ keepAlive: false });
    try {
      assert.equal((await get(bot.url, agent)).status, 200);
    } finally {
      agent.destroy();
    }
  }).timeout(30_000);
});
