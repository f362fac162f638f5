import { strict as assert } from 'node:assert';
import { execFile, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { WEB_CHAT_NOT_INSTALLED } from '../../bot/webchat/local-web-chat';
import { messageActivity } from '../support/activities';
import { exchange, postActivity } from '../support/bot-http';
import { startBot } from '../support/bot-process';

const HOOK = join(__dirname, 'refuse-dev-packages.js');
const run = promisify(execFile);

/**
 * Dev-only packages asked for at run time whose absence the asker handles: the local page answers
 * 404 without Web Chat, and `debug` (under botbuilder) probes for `supports-color` inside a try.
 */
const OPTIONAL_AT_RUN_TIME = new Set(['node_modules/botframework-webchat', 'node_modules/supports-color']);

// What `npm ci --omit=dev` installs is all a deployed bot has. The bot runs here with every dev-only
// package (package-lock.json's "dev": true) refused at require time, NODE_ENV=production, and must
// still start, answer, search, check and shut down cleanly.
describe('production install: the bot needs no dev dependency at run time', () => {
  const children: ChildProcess[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'prod-run-'));
  const refusedLog = join(dir, 'refused.log');
  const refused = (): string[] => {
    try {
      return readFileSync(refusedLog, 'utf8').split('\n').filter(Boolean);
    } catch {
      return [];
    }
  };
  after(() => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('the hook refuses dev-only packages (jszip, mocha) and allows production ones (botbuilder)', async () => {
    const script = "for (const m of ['botbuilder', 'restify', 'jszip', 'mocha']) { try { require(m); console.log(m, 'ok'); } catch (e) { console.log(m, e.code); } }";
    const { stdout } = await run(process.execPath, ['--require', HOOK, '-e', script], { cwd: join(__dirname, '..', '..', '..') });
    assert.deepEqual(stdout.trim().split('\n'), ['botbuilder ok', 'restify ok', 'jszip MODULE_NOT_FOUND', 'mocha MODULE_NOT_FOUND']);
  });

  it('local mode: answers, searches and runs the check; the chat page says how to install Web Chat', async () => {
    const bot = startBot({ NODE_ENV: 'production', REFUSED_DEV_PACKAGES_LOG: refusedLog }, ['--require', HOOK]);
    children.push(bot.child);
    const url = await bot.ready;
    assert.equal((await fetch(`${url}/healthz`)).status, 200);
    assert.ok(JSON.stringify(await exchange(url, messageActivity('what is an EVS'))).includes('EXB-004'));
    assert.ok(JSON.stringify(await exchange(url, messageActivity('E2K3 FE on MSCS?'))).includes('Not supported'));
    const query = { commandId: 'searchKb', parameters: [{ name: 'query', value: 'NLB' }] };
    const { status } = await postActivity(url, { ...messageActivity(undefined), type: 'invoke', name: 'composeExtension/query', value: query });
    assert.equal(status, 200);

    for (const path of ['/', '/webchat/webchat.js']) {
      const response = await fetch(`${url}${path}`);
      assert.equal(response.status, 404, path);
      assert.equal(await response.text(), WEB_CHAT_NOT_INSTALLED, path);
    }
    assert.match(WEB_CHAT_NOT_INSTALLED, /Run "npm ci"/);
    assert.equal((await fetch(`${url}/webchat/local-direct-line.js`)).status, 200, 'our own scripts need nothing extra');

    bot.child.kill('SIGTERM');
    const { code, stderr } = await bot.exited;
    assert.equal(code, 0, stderr);
    // The page looked for Web Chat and was told it is absent; nothing else needed a dev package.
    assert.deepEqual(
      [...new Set(refused())].filter((key) => !OPTIONAL_AT_RUN_TIME.has(key)),
      [],
    );
    assert.ok(refused().includes('node_modules/botframework-webchat'), 'the hook saw the page look for Web Chat');
  });

  it('with an app id: starts, checks tokens and shuts down without a dev package', async () => {
    const env = {
      NODE_ENV: 'production',
      REFUSED_DEV_PACKAGES_LOG: refusedLog,
      HOST: '127.0.0.1',
      MicrosoftAppId: '11111111-2222-3333-4444-555555555555',
      MicrosoftAppPassword: 'not-a-real-secret',
      MicrosoftAppType: 'MultiTenant',
    };
    const bot = startBot(env, ['--require', HOOK]);
    children.push(bot.child);
    const url = await bot.ready;
    assert.equal((await fetch(`${url}/healthz`)).status, 200);
    assert.equal((await postActivity(url, messageActivity('hello'))).status, 401);
    assert.equal((await fetch(`${url}/`)).status, 404);
    bot.child.kill('SIGTERM');
    assert.equal((await bot.exited).code, 0);
    assert.deepEqual(
      [...new Set(refused())].filter((key) => !OPTIONAL_AT_RUN_TIME.has(key)),
      [],
    );
  });
});
