import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

// bot/release-loader.ts: how the release's server.js runs bot.js. Each start is a fresh node, as a
// restart of the App Service is: the first saves the code cache, the next uses it; a new bundle, a
// damaged cache or another Node never gets the old code; stack traces point at the TypeScript.
describe('release loader (release/load-bundle.js): the bundle with a saved code cache and mapped stack traces', function () {
  this.timeout(60_000);
  const root = mkdtempSync(join(tmpdir(), 'release-loader-'));
  const cacheDir = join(root, 'cache');
  const bundleFile = join(root, 'bot.js');
  const loader = join(root, 'load-bundle.js');

  /** Bundles a small module as build-release bundles bot.js (CommonJS, minified whitespace, a source map). */
  async function writeBundle(answer: number): Promise<void> {
    const source = join(root, 'answer.ts');
    writeFileSync(
      source,
      ['export function answer(): number {', `  return ${answer};`, '}', '', 'export function fail(): never {', "  throw new Error('failed on purpose');", '}', ''].join('\n'),
    );
    await build({ entryPoints: { bot: source }, outdir: root, bundle: true, platform: 'node', format: 'cjs', minifyWhitespace: true, sourcemap: true, logLevel: 'error' });
  }

  /** A fresh node that loads the bundle, saves the cache and prints what it found. */
  function start(): { cacheUsed: boolean; answer: number; stack: string } {
    const script = `
      const loaded = require(${JSON.stringify(loader)}).loadBundle(${JSON.stringify(bundleFile)}, ${JSON.stringify(cacheDir)});
      let stack = '';
      try { loaded.exports.fail(); } catch (error) { stack = error.stack; }
      loaded.saveCodeCache();
      console.log(JSON.stringify({ cacheUsed: loaded.cacheUsed, answer: loaded.exports.answer(), stack }));`;
    const run = spawnSync(process.execPath, ['--enable-source-maps', '-e', script], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    return JSON.parse(run.stdout) as { cacheUsed: boolean; answer: number; stack: string };
  }

  before(async () => {
    await build({
      entryPoints: { 'load-bundle': join(__dirname, '..', '..', '..', 'bot', 'release-loader.ts') },
      outdir: root,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      logLevel: 'error',
    });
    await writeBundle(41);
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('compiles on the first start and saves the cache; the next start uses it and runs the same code', () => {
    assert.deepEqual((({ cacheUsed, answer }) => ({ cacheUsed, answer }))(start()), { cacheUsed: false, answer: 41 });
    assert.equal(readdirSync(cacheDir).length, 1);
    assert.deepEqual((({ cacheUsed, answer }) => ({ cacheUsed, answer }))(start()), { cacheUsed: true, answer: 41 });
  });

  it('a rewritten bundle (a deploy) never runs the old cache: it compiles its own', async () => {
    await writeBundle(42);
    const first = start();
    assert.equal(first.cacheUsed, false);
    assert.equal(first.answer, 42);
    assert.equal(start().cacheUsed, true);
  });

  it('a damaged cache is rejected by V8 and the bundle compiled afresh', () => {
    for (const name of readdirSync(cacheDir)) writeFileSync(join(cacheDir, name), Buffer.alloc(4096, 7));
    const damaged = start();
    assert.equal(damaged.cacheUsed, false);
    assert.equal(damaged.answer, 42);
  });

  it('a cache folder other accounts can write into is neither read nor written (a planted cache is code the bot would run)', function () {
    if (typeof process.getuid !== 'function') this.skip();
    assert.equal(start().cacheUsed, true);
    chmodSync(cacheDir, 0o777);
    try {
      const files = readdirSync(cacheDir);
      assert.equal(start().cacheUsed, false);
      assert.deepEqual(readdirSync(cacheDir), files);
    } finally {
      chmodSync(cacheDir, 0o700);
    }
    assert.equal(start().cacheUsed, true);
  });

  it('stack traces of the bundle point at the TypeScript line through bot.js.map', () => {
    const { stack } = start();
    assert.match(stack, /^Error: failed on purpose\n/);
    assert.match(stack, /answer\.ts:6:9\)/, stack);
    assert.doesNotMatch(stack.split('\n')[1]!, /bot\.js/, stack);
  });
});
