import { strict as assert } from 'node:assert';
import { readConfig } from '../../bot/config';
import { memoryLogger } from '../../bot/log';
import { startServer, type RunningServer } from '../../bot/server';
import { LOCAL_WEB_CHAT_PATHS } from '../../bot/webchat/local-web-chat';
import { messageActivity } from '../support/activities';
import { postActivity } from '../support/bot-http';
import { sharedKnowledgeBase } from '../support/shared-knowledge';

describe('local Web Chat page: served in local mode only', () => {
  const knowledge = sharedKnowledgeBase();

  describe('local mode (no app id)', () => {
    let bot: RunningServer;
    before(async () => {
      bot = await startServer({ config: { ...readConfig({}), port: 0 }, knowledge, log: memoryLogger() });
    });
    after(async () => {
      await bot.close();
    });

    it('serves the page with a Content-Security-Policy that keeps it on this server', async () => {
      const response = await fetch(`${bot.url}/`);
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-type')!, /^text\/html/);
      const csp = response.headers.get('content-security-policy')!;
      for (const directive of ["default-src 'none'", "script-src 'self'", "connect-src 'self'", "frame-ancestors 'none'"]) assert.ok(csp.includes(directive), csp);
      const html = await response.text();
      const sources = [...html.matchAll(/<script src="([^"]+)"/g)].map((m) => m[1]);
      assert.deepEqual(sources, ['/webchat/webchat.js', '/webchat/local-direct-line.js', '/webchat/start-web-chat.js']);
      assert.ok(!/<script>/.test(html), 'no inline script');
      assert.ok(!/https?:\/\//.test(html), 'no absolute URL in the page');
    });

    it('serves the Web Chat bundle and the two page scripts as JavaScript', async () => {
      for (const path of LOCAL_WEB_CHAT_PATHS.filter((p) => p !== '/')) {
        const response = await fetch(`${bot.url}${path}`);
        assert.equal(response.status, 200, path);
        assert.match(response.headers.get('content-type')!, /^text\/javascript/, path);
        const script = await response.text();
        assert.ok(script.length > 500, `${path} is ${script.length} characters`);
        // Our scripts are compiled functions sent as text: a CommonJS reference would fail in the browser.
        if (path !== '/webchat/webchat.js') assert.ok(!/\bexports\b|\brequire\(|_1\./.test(script), `${path} is a plain script`);
      }
      const bundle = await (await fetch(`${bot.url}/webchat/webchat.js`)).text();
      assert.match(bundle, /renderWebChat/);
    });
  });

  describe('with an app id (production)', () => {
    let bot: RunningServer;
    before(async () => {
      const config = readConfig({ MicrosoftAppId: '11111111-2222-3333-4444-555555555555', MicrosoftAppPassword: 'not-a-real-secret', MicrosoftAppType: 'MultiTenant' });
      // Loopback for the test; production listens on 0.0.0.0.
      bot = await startServer({ config: { ...config, port: 0, host: '127.0.0.1' }, knowledge, log: memoryLogger() });
    });
    after(async () => {
      await bot.close();
    });

    it('answers 404 on the page and every script it uses', async () => {
      for (const path of LOCAL_WEB_CHAT_PATHS) {
        const response = await fetch(`${bot.url}${path}`);
        assert.equal(response.status, 404, path);
        await response.body?.cancel();
      }
    });

    it("refuses the page's unauthenticated expectReplies POST, so no local client can talk to it", async () => {
      // botbuilder prints the rejected request with console.error; keep it out of the test output.
      const printed: unknown[] = [];
      const consoleError = console.error;
      console.error = (...args: unknown[]) => void printed.push(args);
      try {
        const { status } = await postActivity(bot.url, { ...messageActivity('help', { channelId: 'webchat' }), deliveryMode: 'expectReplies' });
        assert.equal(status, 401);
      } finally {
        console.error = consoleError;
      }
    });

    it('still answers the health probe', async () => {
      assert.equal((await fetch(`${bot.url}/healthz`)).status, 200);
    });
  });
});
