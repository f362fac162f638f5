import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { applyUnusedRequire, UNUSED_REQUIRES, unusedRequiresPlugin } from '../../tools/release/unused-requires';

// tools/release/unused-requires.ts: statements of restify and axios the release's bot.js leaves out
// (issue 24: start-up). Each must still apply to the installed packages: a package upgrade that
// changes one fails here, so the rewrite is brought up to date (or removed) rather than silently lost.
describe('release bundle: requires of code the bot never runs, left out of the start', () => {
  const root = join(__dirname, '..', '..', '..');

  for (const rewrite of UNUSED_REQUIRES) {
    it(`applies to the installed ${rewrite.file} (${rewrite.why})`, () => {
      const text = readFileSync(join(root, rewrite.file), 'utf8');
      const rewritten = applyUnusedRequire(text, rewrite);
      assert.ok(rewritten !== undefined, `${rewrite.file}: the text to rewrite is not there exactly once`);
      assert.ok(!rewritten.includes(rewrite.find));
      assert.equal(rewritten.length, text.length - rewrite.find.length + rewrite.replace.length);
    });
  }

  it('leaves a file alone, with a warning, when the text is missing or there twice', () => {
    const rewrite = UNUSED_REQUIRES[0]!;
    assert.equal(applyUnusedRequire('module.exports = {};\n', rewrite), undefined);
    assert.equal(applyUnusedRequire(rewrite.find + rewrite.find, rewrite), undefined);
  });

  it('the bundled restify still exports its plugins (loaded when read) and creates a server; axios still loads', async function () {
    this.timeout(60_000);
    const warnings: string[] = [];
    const result = await build({
      stdin: {
        contents:
          "const restify = require('restify'); const axios = require('axios');" +
          'module.exports = { plugins: typeof restify.plugins.bodyParser, pre: typeof restify.pre.sanitizePath, server: typeof restify.createServer().listen, get: typeof axios.get };',
        resolveDir: root,
        loader: 'js',
      },
      bundle: true,
      platform: 'node',
      format: 'cjs',
      write: false,
      external: ['dtrace-provider'],
      logLevel: 'silent',
      plugins: [unusedRequiresPlugin((message) => warnings.push(message))],
    });
    assert.deepEqual(warnings, []);
    const code = result.outputFiles[0]!.text;
    assert.ok(!/^getFetch\(\);$/m.test(code), "axios's fetch adapter is not built as the module loads");
    const module = { exports: {} as Record<string, string> };
    new Function('module', 'exports', 'require', code)(module, module.exports, require);
    assert.deepEqual(module.exports, { plugins: 'function', pre: 'function', server: 'function', get: 'function' });
  });
});
