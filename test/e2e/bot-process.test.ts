import { strict as assert } from 'node:assert';
import type { ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundledKnowledgeDir } from '../../knowledge';
import { messageActivity } from '../support/activities';
import { exchange } from '../support/bot-http';
import { startBot } from '../support/bot-process';

describe('bot process (npm start)', () => {
  const started: ChildProcess[] = [];
  const temps: string[] = [];
  after(() => {
    for (const child of started) if (child.exitCode === null) child.kill('SIGKILL');
    for (const dir of temps) rmSync(dir, { recursive: true, force: true });
  });

  it('starts on its defaults, answers through HTTP, and exits 0 on SIGTERM', async () => {
    const bot = startBot({});
    started.push(bot.child);
    const url = await bot.ready;
    assert.equal((await fetch(`${url}/healthz`)).status, 200);
    const replies = await exchange(url, messageActivity('E2K3 FE on MSCS?'));
    assert.ok(JSON.stringify(replies).includes('Not supported'));
    bot.child.kill('SIGTERM');
    assert.equal((await bot.exited).code, 0);
  });

  it('refuses to start on invalid knowledge and names the file, line and field', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-invalid-'));
    temps.push(dir);
    cpSync(bundledKnowledgeDir(), dir, { recursive: true });
    const rules = join(dir, 'data', 'support-rules.yaml');
    writeFileSync(rules, readFileSync(rules, 'utf8').replace('verdict: not-supported', 'verdict: probably-fine'));
    const bot = startBot({ KNOWLEDGE_DIR: dir });
    started.push(bot.child);
    const { code, stderr } = await bot.exited;
    assert.equal(code, 1);
    assert.match(stderr, /support-rules\.yaml:\d+ rules\.\d+\.verdict: /);
  });

  it('refuses a PORT that is not a number', async () => {
    const bot = startBot({ PORT: 'eighty' });
    started.push(bot.child);
    const { code, stderr } = await bot.exited;
    assert.equal(code, 1);
    assert.match(stderr, /PORT must be a number/);
  });
});
