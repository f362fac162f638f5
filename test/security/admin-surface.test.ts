import { strict as assert } from 'node:assert';
import { request } from 'node:http';
import { readConfig } from '../../bot/config';
import { memoryLogger } from '../../bot/log';
import { startServer, type RunningServer } from '../../bot/server';
import { HOSTS, onHost } from '../support/hosts';
import { sharedKnowledgeBase } from '../support/shared-knowledge';

/** One request with exactly these headers (fetch would not send a `Host` of our choosing). */
function send(url: string, method: string, path: string, headers: Record<string, string>, body?: string): Promise<number> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, method, path, headers: { host: `${hostname}:${port}`, ...headers } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const JSON_POST = { 'content-type': 'application/json' };

// Issue 22, finding 7: X-Real-IP alone reached /admin/*, Host: evil.example reached /admin/records
// with an app id set, and a cross-site form POST to /admin/reload succeeded.
for (const host of HOSTS)
  describe(`admin routes: relayed, rebound and cross-site requests (issue 22) ${onHost(host)}`, function () {
    this.timeout(60_000);
    const knowledge = sharedKnowledgeBase();

    for (const mode of ['with an app id', 'local mode'] as const) {
      describe(mode, () => {
        const log = memoryLogger();
        let bot: RunningServer;
        before(async () => {
          const env = mode === 'local mode' ? {} : { MicrosoftAppId: '00000000-0000-0000-0000-000000000022', MicrosoftAppPassword: 'test-only' };
          bot = await startServer({ host, config: { ...readConfig(env), port: 0, host: '127.0.0.1' }, knowledge, log });
        });
        after(() => bot?.close());
        const reloads = () => log.lines.filter((l) => l.message === 'knowledge reloaded').length;

        it('a plain loopback request gets the records, and a JSON POST reloads', async () => {
          assert.equal(await send(bot.url, 'GET', '/admin/records', {}), 200);
          assert.equal(await send(bot.url, 'POST', '/admin/reload', JSON_POST, '{}'), 200);
          const origin = new URL(bot.url).origin;
          assert.equal(await send(bot.url, 'POST', '/admin/reload', { ...JSON_POST, origin, 'sec-fetch-site': 'same-origin' }, '{}'), 200);
        });

        for (const [name, value] of [
          ['x-real-ip', '203.0.113.9'],
          ['x-forwarded-for', '203.0.113.9'],
          ['x-forwarded-host', 'bot.example'],
          ['forwarded', 'for=203.0.113.9'],
          ['via', '1.1 proxy'],
          ['x-client-ip', '203.0.113.9'],
          ['true-client-ip', '203.0.113.9'],
          ['cf-connecting-ip', '203.0.113.9'],
          ['x-original-url', '/admin/records'],
          ['x-arr-ssl', 'yes'],
          ['disguised-host', 'bot.azurewebsites.net'],
        ] as const) {
          it(`a request with only ${name} is refused 404, GET and POST`, async () => {
            assert.equal(await send(bot.url, 'GET', '/admin/records', { [name]: value }), 404);
            const before = reloads();
            assert.equal(await send(bot.url, 'POST', '/admin/reload', { ...JSON_POST, [name]: value }, '{}'), 404);
            assert.equal(reloads(), before);
          });
        }

        it('a Host that is not a loopback name (DNS rebinding) is refused', async () => {
          for (const host of ['evil.example', 'evil.example:3978', '127.0.0.1.evil.example', 'localhost.evil.example']) {
            const status = await send(bot.url, 'GET', '/admin/records', { host });
            assert.ok(status === 404 || status === 403 || status === 400, `Host "${host}": ${status}`);
          }
        });

        it('a POST without a JSON content type (a cross-site form) is refused 415 and reloads nothing', async () => {
          const before = reloads();
          for (const type of ['application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x']) {
            assert.equal(await send(bot.url, 'POST', '/admin/reload', { 'content-type': type }, 'a=1'), 415, type);
          }
          assert.equal(await send(bot.url, 'POST', '/admin/reload', {}), 415);
          assert.equal(reloads(), before);
        });

        it('a JSON POST from a page of another site (Origin, Sec-Fetch-Site) is refused 403 and reloads nothing', async () => {
          const before = reloads();
          assert.equal(await send(bot.url, 'POST', '/admin/reload', { ...JSON_POST, origin: 'http://evil.example' }, '{}'), 403);
          assert.equal(await send(bot.url, 'POST', '/admin/reload', { ...JSON_POST, origin: 'null' }, '{}'), 403);
          assert.equal(await send(bot.url, 'POST', '/admin/reload', { ...JSON_POST, 'sec-fetch-site': 'cross-site' }, '{}'), 403);
          assert.equal(reloads(), before);
          assert.ok(log.lines.some((l) => l.message === 'admin route refused: not a loopback request' && l.fields.status === 403));
        });
      });
    }
  });
