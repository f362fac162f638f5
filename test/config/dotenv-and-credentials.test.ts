import { strict as assert } from 'node:assert';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readConfig } from '../../bot/config';
import { readyLine } from '../../bot/ready-line';
import { postActivity as chatPost } from '../../tools/chat/bot-client';
import { messageActivity } from '../support/activities';
import { postActivity } from '../support/bot-http';
import { directoryWithoutDotEnv, startBot } from '../support/bot-process';

const ENV_EXAMPLE = join(__dirname, '..', '..', '..', '.env.example');
const APP_ID = '11111111-2222-3333-4444-555555555555';

// The README suggests MicrosoftAppId in .env (for teams:package); `.env.example` ships
// MicrosoftAppType=SingleTenant. Whatever .env holds, the bot either starts as configured or stops
// with one line naming the variable and the fix, and the tests never read the developer's .env.
describe('configuration: app credentials and .env', () => {
  const children: ChildProcess[] = [];
  const dirs: string[] = [];
  const folderWithDotEnv = (text: string): string => {
    const dir = mkdtempSync(join(tmpdir(), 'dotenv-'));
    dirs.push(dir);
    writeFileSync(join(dir, '.env'), text);
    return dir;
  };
  after(() => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  const refusals: Array<[string, Record<string, string>, RegExp]> = [
    [
      'SingleTenant without a tenant id',
      { MicrosoftAppType: 'SingleTenant', MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'x' },
      /^MicrosoftAppTenantId must be set with MicrosoftAppType=SingleTenant.*az account show --query tenantId.*leave MicrosoftAppId empty for local mode/,
    ],
    ['MultiTenant without a secret', { MicrosoftAppId: APP_ID }, /^MicrosoftAppPassword must be set with MicrosoftAppType=MultiTenant.*client secret.*local mode/],
    [
      'SingleTenant without a secret',
      { MicrosoftAppType: 'SingleTenant', MicrosoftAppId: APP_ID, MicrosoftAppTenantId: 't' },
      /^MicrosoftAppPassword must be set with MicrosoftAppType=SingleTenant/,
    ],
  ];
  for (const [what, env, message] of refusals) {
    it(`refuses ${what}, naming the variable and the fix`, () => {
      assert.throws(
        () => readConfig(env),
        (error: Error) => message.test(error.message),
      );
    });
  }

  it('accepts a user-assigned managed identity without a secret, and no credentials at all without an app id', () => {
    assert.equal(readConfig({ MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppId: APP_ID }).microsoftAppId, APP_ID);
    assert.equal(readConfig({ MicrosoftAppType: 'SingleTenant', MicrosoftAppId: '' }).microsoftAppId, '');
  });

  it('.env.example with only the app id filled in: exit 1 with one error line naming MicrosoftAppTenantId', async () => {
    const example = readFileSync(ENV_EXAMPLE, 'utf8');
    assert.match(example, /^MicrosoftAppType=SingleTenant$/m, 'the case this test is about');
    const bot = startBot({}, [], { cwd: folderWithDotEnv(example.replace(/^MicrosoftAppId=$/m, `MicrosoftAppId=${APP_ID}`)) });
    children.push(bot.child);
    const { code, stdout, stderr } = await bot.exited;
    assert.equal(code, 1);
    assert.equal(stdout, '');
    const lines = stderr.trim().split('\n');
    assert.equal(lines.length, 1, stderr);
    assert.match(lines[0]!, /^MicrosoftAppTenantId must be set with MicrosoftAppType=SingleTenant/);
  });

  it('reads .env from its working directory: an app id there turns authentication on, and the ready line says so', async () => {
    const dir = folderWithDotEnv(`MicrosoftAppType=MultiTenant\nMicrosoftAppId=${APP_ID}\nMicrosoftAppPassword=not-a-real-secret\nHOST=127.0.0.1\n`);
    const bot = startBot({}, [], { cwd: dir });
    children.push(bot.child);
    const url = await bot.ready;
    assert.equal((await postActivity(url, messageActivity('hello'))).status, 401);
    // The terminal chat's explanation of the 401: how to get local mode back.
    await assert.rejects(
      chatPost(`${url}/api/messages`, { ...messageActivity('hello'), type: 'message' } as never),
      /MicrosoftAppId \(from the environment or \.env\).*"MicrosoftAppId= npm start"/,
    );
    bot.child.kill('SIGTERM');
    const { stdout } = await bot.exited;
    assert.match(stdout, /ready at http:\/\/127\.0\.0\.1:\d+\/api\/messages \(listening on 127\.0\.0\.1:\d+; MicrosoftAppId is set, so every request needs a Bot Framework token/);
  });

  it('an empty variable in the environment wins over .env: "MicrosoftAppId= npm start" is local mode', async () => {
    const bot = startBot({ MicrosoftAppId: '' }, [], { cwd: folderWithDotEnv(`MicrosoftAppId=${APP_ID}\nMicrosoftAppPassword=x\n`) });
    children.push(bot.child);
    const url = await bot.ready;
    assert.equal((await postActivity(url, { ...messageActivity('hello'), deliveryMode: 'expectReplies' })).status, 200);
    bot.child.kill('SIGTERM');
    assert.match((await bot.exited).stdout, /listening on 127\.0\.0\.1:\d+; local chat: npm run chat/);
  });

  it("the tests' bot processes run in a folder without .env", () => {
    assert.equal(existsSync(join(directoryWithoutDotEnv(), '.env')), false);
  });

  it('the ready line names every interface when the bot is bound to 0.0.0.0', () => {
    const line = readyLine({ url: 'http://127.0.0.1:3978', address: '0.0.0.0:3978', everyInterface: true }, false);
    assert.match(line, /ready at http:\/\/127\.0\.0\.1:3978\/api\/messages \(listening on 0\.0\.0\.0:3978, every interface; /);
  });
});
