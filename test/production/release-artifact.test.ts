import { strict as assert } from 'node:assert';
import type { ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runInNewContext } from 'node:vm';
import JSZip from 'jszip';
import { buildRelease, listFiles, RELEASE_ENTRIES, RELEASE_ZIP, type ReleaseReport } from '../../tools/release/build-release';
import { messageActivity } from '../support/activities';
import { exchange, postActivity } from '../support/bot-http';
import { startBot } from '../support/bot-process';

const MB = 1024 * 1024;

// `npm run package`: release/ must run with `node server.js` alone, wherever it is unpacked. The
// artifact is built into a temporary folder (the developer's release/ is left alone), its zip is
// unpacked into another, far from any node_modules, and both are started on a loopback port.
describe('release artifact (npm run package): one folder that runs with node alone', function () {
  this.timeout(240_000);
  const root = mkdtempSync(join(tmpdir(), 'release-test-'));
  const built = join(root, 'release');
  const unpacked = join(root, 'unpacked', 'wwwroot');
  const children: ChildProcess[] = [];
  let report: ReleaseReport;
  let deployed: string[];

  before(async () => {
    report = await buildRelease(built);
    const zip = await JSZip.loadAsync(readFileSync(join(built, RELEASE_ZIP)));
    deployed = Object.keys(zip.files)
      .filter((name) => !zip.files[name]!.dir)
      .sort();
    for (const name of deployed) {
      mkdirSync(dirname(join(unpacked, name)), { recursive: true });
      writeFileSync(join(unpacked, name), await zip.files[name]!.async('nodebuffer'));
    }
  });
  after(() => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(root, { recursive: true, force: true });
  });

  it('holds the bundle, its source map, the knowledge, the prebuilt index and a package.json without dependencies, under 24 MB', () => {
    const files = listFiles(built);
    for (const file of [
      'server.js',
      'bot.js',
      'bot.js.map',
      'agents-server.js',

      'kb-build.js',
      'package.json',
      'knowledge/data/support-rules.yaml',
      'webchat/webchat.js.gz',
      RELEASE_ZIP,
    ])
      assert.ok(files.includes(file), file);
    assert.ok(
      files.some((file) => /^\.cache\/search-index\/[0-9a-f]{16}\.json$/.test(file)),
      'prebuilt search index',
    );
    assert.ok(!files.some((file) => file.startsWith('node_modules/')));
    const manifest = JSON.parse(readFileSync(join(built, 'package.json'), 'utf8')) as Record<string, unknown>;
    assert.equal(manifest.dependencies, undefined);
    assert.equal(manifest.devDependencies, undefined);
    assert.equal((manifest.scripts as Record<string, string>).start, 'node --enable-source-maps server.js');
    const total = files.reduce((sum, file) => sum + readFileSync(join(built, file)).length, 0);
    // 20 MB with botbuilder alone; the Agents SDK's host (issue 23) adds about 1.5 MB to bot.js, as much to its map, and the zip of both.
    assert.ok(total < 24 * MB, `release/ is ${(total / MB).toFixed(1)} MB`);
    assert.equal(report.files, files.length - 1);
  });

  it('the zip holds every file but itself, at its root', () => {
    assert.deepEqual(
      deployed,
      listFiles(built).filter((file) => file !== RELEASE_ZIP),
    );
  });

  for (const [host, entry] of Object.entries(RELEASE_ENTRIES)) {
    it(`${entry} (${host} host) unpacked elsewhere, with an app id: loads its prebuilt index, answers /healthz, refuses an unauthenticated message, exits 0`, async () => {
      assert.throws(() => require.resolve('botbuilder', { paths: [unpacked] }), /Cannot find module/, 'no node_modules reachable from the unpacked folder');
      const env = {
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        MicrosoftAppType: 'SingleTenant',
        MicrosoftAppId: '11111111-2222-3333-4444-555555555555',
        MicrosoftAppPassword: 'not-a-real-secret',
        MicrosoftAppTenantId: '99999999-8888-7777-6666-555555555555',
      };
      const bot = startBot(env, ['--enable-source-maps'], { entry: join(unpacked, entry), cwd: unpacked });
      children.push(bot.child);
      const url = await bot.ready;
      const health = await fetch(`${url}/healthz`);
      assert.equal(health.status, 200);
      assert.ok(((await health.json()) as { articles: number }).articles > 0);
      assert.equal((await postActivity(url, messageActivity('E2K3 FE on MSCS?'))).status, 401);
      assert.equal((await fetch(`${url}/`)).status, 404);
      bot.child.kill('SIGTERM');
      const { code, stderr } = await bot.exited;
      assert.equal(code, 0, stderr);
      assert.match(stderr, /"message":"search index: prebuilt index matches the knowledge files; loaded"/);
      assert.match(stderr, /knowledge: (\d+) of \1 YAML texts taken as npm run kb:build saved them/);
    });

    it(`${entry} (${host} host) in local mode: answers a real question and runs the check over HTTP, and serves the local page with its scripts`, async () => {
      const bot = startBot({ NODE_ENV: 'production' }, [], { entry: join(unpacked, entry), cwd: unpacked });
      children.push(bot.child);
      const url = await bot.ready;
      assert.ok(JSON.stringify(await exchange(url, messageActivity('what is an EVS'))).includes('EXB-004'));
      assert.ok(JSON.stringify(await exchange(url, messageActivity('E2K3 FE on MSCS?'))).includes('Not supported'));
      assert.equal((await fetch(`${url}/`)).status, 200);
      const webChat = await fetch(`${url}/webchat/webchat.js`);
      assert.equal(webChat.status, 200);
      assert.ok((await webChat.text()).length > 3 * MB, 'the gzipped bundle is served unpacked');
      // The server sends this function's own source text to the browser: it must run with nothing of the bundle around it.
      const directLine = await (await fetch(`${url}/webchat/local-direct-line.js`)).text();
      const sandbox: { ExchangeBotLocalDirectLine?: { create?: unknown } } = {};
      runInNewContext(directLine, sandbox);
      assert.equal(typeof sandbox.ExchangeBotLocalDirectLine?.create, 'function');
      bot.child.kill('SIGTERM');
      assert.equal((await bot.exited).code, 0);
    });
  }

  // Issue 24: a start takes the V8 code cache and the tables' saved work (rules' outcomes, phrase tables,
  // index) only when they fit. A damaged cache or a changed table must still give a validated, working bot.
  describe('a start with a damaged code cache, a changed table or an invalid one', () => {
    const copy = join(root, 'changed', 'wwwroot');
    const temporary = join(root, 'changed', 'tmp');
    const cacheFolder = join(temporary, 'exchange-support-bot-code-cache');
    const env = { NODE_ENV: 'production', TMPDIR: temporary, TMP: temporary, TEMP: temporary };

    /** Starts server.js of the copy (its code cache under `temporary`), asks a question, stops it; returns its log. */
    async function startAndAsk(waitForCache?: () => boolean): Promise<string> {
      const bot = startBot(env, ['--enable-source-maps'], { entry: join(copy, 'server.js'), cwd: copy });
      children.push(bot.child);
      const url = await bot.ready;
      const health = await fetch(`${url}/healthz`);
      assert.equal(health.status, 200);
      assert.ok(JSON.stringify(await exchange(url, messageActivity('E2K3 FE on MSCS?'))).includes('Not supported'));
      // server.js saves the cache half a second after ready.
      for (let waited = 0; waitForCache && !waitForCache(); waited += 100) {
        assert.ok(waited < 30_000, 'no code cache saved within 30 s');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      bot.child.kill('SIGTERM');
      const { code, stderr } = await bot.exited;
      assert.equal(code, 0, stderr);
      return stderr;
    }

    before(() => {
      cpSync(unpacked, copy, { recursive: true });
      mkdirSync(temporary, { recursive: true });
    });

    it('a damaged code cache is rejected and the bundle compiled afresh: the bot starts, answers, and saves a good cache again', async () => {
      const saved = () => (existsSync(cacheFolder) ? readdirSync(cacheFolder).filter((f) => f.endsWith('.bin')) : []);
      assert.match(await startAndAsk(() => saved().length > 0), /"message":"code cache: none"/);
      const file = join(cacheFolder, saved()[0]!);
      assert.match(await startAndAsk(), /"message":"code cache: used"/);
      // The same size, other bytes: V8's own checks refuse it (the loader never runs a cache it cannot trust).
      const damagedBytes = Buffer.alloc(statSync(file).size, 7);
      writeFileSync(file, damagedBytes);
      // Waits for the good cache the start saves in place of the damaged one.
      const damaged = await startAndAsk(() => existsSync(file) && !readFileSync(file).equals(damagedBytes));
      assert.match(damaged, /"message":"code cache: rejected"/);
      assert.match(damaged, /walk skipped/);
      assert.match(await startAndAsk(), /"message":"code cache: used"/);
      // Cut short as by a full disk: refused as well.
      writeFileSync(file, readFileSync(file).subarray(0, 1000));
      assert.match(await startAndAsk(() => statSync(file).size > 1000), /"message":"code cache: rejected"/);
      assert.match(await startAndAsk(), /"message":"code cache: used"/);
    });

    it('a changed table is validated and its saved work done again at start (the rules walked over every combination, the index rebuilt)', async () => {
      const rules = join(copy, 'knowledge', 'data', 'support-rules.yaml');
      const text = readFileSync(rules, 'utf8');
      // A comment changes the bytes, not the rules: the search index (hashed over the files) is rebuilt.
      writeFileSync(rules, `${text}\n# changed after npm run package\n`);
      const commented = await startAndAsk();
      assert.match(commented, /prebuilt index is stale/);
      // A changed reason changes the validated rules: their outcome table is walked again.
      const reason = /reason: (['"]?)/.exec(text);
      assert.ok(reason, 'a reason in support-rules.yaml');
      writeFileSync(rules, text.replace(reason[0], `${reason[0]}Changed after packaging. `));
      const changed = await startAndAsk();
      assert.match(changed, /"message":"rules: saved outcome table is stale[^"]*; walked \d+ combinations/);
      assert.doesNotMatch(changed, /walk skipped/);
    });

    it('an invalid table is refused at start with its file, line and field, and the bot does not serve', async () => {
      const rules = join(copy, 'knowledge', 'data', 'support-rules.yaml');
      const text = readFileSync(rules, 'utf8');
      const verdict = /^ {2}verdict: supported\b/m.exec(text);
      assert.ok(verdict, 'a supported verdict in support-rules.yaml');
      writeFileSync(rules, text.replace(verdict[0], '  verdict: maybe'));
      const bot = startBot(env, ['--enable-source-maps'], { entry: join(copy, 'server.js'), cwd: copy });
      children.push(bot.child);
      await assert.rejects(bot.ready, /exited with 1/);
      const { code, stderr } = await bot.exited;
      assert.equal(code, 1);
      assert.match(stderr, /support-rules\.yaml:\d+ [\w.]*verdict/);
    });
  });
});
