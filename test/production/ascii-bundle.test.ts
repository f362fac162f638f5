import { strict as assert } from 'node:assert';
import { isAscii } from 'node:buffer';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { asciiBundle } from '../../tools/release/ascii-bundle';

// tools/release/ascii-bundle.ts: the release's bot.js in ASCII alone (issue 24: start-up), the
// non-ASCII characters esbuild leaves in regular expression literals escaped, with the source map
// moved so that every position still maps to the same TypeScript.
type Mapped = { originalSource?: string; originalLine?: number; originalColumn?: number };

describe('release bundle in ASCII: regular expressions escaped, source map moved alike', () => {
  const root = mkdtempSync(join(tmpdir(), 'ascii-bundle-'));
  after(() => rmSync(root, { recursive: true, force: true }));

  it('escapes the characters esbuild leaves in regular expressions: the same matches, the same mapped positions', async () => {
    const source = join(root, 'reader.ts');
    writeFileSync(
      source,
      [
        'export function read(text: string): string[] {',
        "  const dash = /\\s[-–—]\\s/.test(text) ? 'dash' : 'none';",
        "  const quote = /[“”]/u.test(text) ? 'quote' : 'none';",
        "  const escaped = /a\\–b/.test(text) ? 'escaped' : 'none';",
        "  const emoji = /😀/.test(text) ? 'emoji' : 'none';",
        "  const word = /domänen/i.test(text) ? 'word' : 'none';",
        "  if (text === 'fail') throw new Error('failed on purpose');",
        '  return [dash, quote, escaped, emoji, word];',
        '}',
        '',
      ].join('\n'),
    );
    await build({ entryPoints: { bot: source }, outdir: root, bundle: true, platform: 'node', format: 'cjs', minifyWhitespace: true, sourcemap: true, logLevel: 'error' });
    const code = readFileSync(join(root, 'bot.js'), 'utf8');
    const map = JSON.parse(readFileSync(join(root, 'bot.js.map'), 'utf8')) as ConstructorParameters<typeof SourceMap>[0] & { mappings: string };
    assert.ok(!isAscii(Buffer.from(code)), 'esbuild leaves the regular expressions as written');
    const ascii = asciiBundle(code, map);
    assert.ok(isAscii(Buffer.from(ascii.code)));

    const run = (text: string) => {
      const module = { exports: {} as { read(text: string): string[] } };
      new Function('module', 'exports', text)(module, module.exports);
      return module.exports.read;
    };
    for (const text of ['a – b', 'a — b', 'a - b', '“quoted”', 'a–b', 'smile 😀', 'Domänencontroller', 'nothing']) {
      assert.deepEqual(run(ascii.code)(text), run(code)(text), text);
    }
    assert.deepEqual(run(ascii.code)('a – b “x” a–b 😀 domänen'), ['dash', 'quote', 'escaped', 'emoji', 'word']);

    // Every name and string after the escapes maps to the same TypeScript line and column as before.
    const before = new SourceMap(map);
    const after = new SourceMap({ ...map, mappings: ascii.mappings });
    const positionOf = (text: string, needle: string): [number, number] => {
      const lines = text.split('\n');
      const line = lines.findIndex((l) => l.includes(needle));
      return [line, lines[line]!.indexOf(needle)];
    };
    for (const needle of ['"failed on purpose"', '"word"', 'return[', '"emoji"', 'new Error']) {
      const original = before.findEntry(...positionOf(code, needle)) as Mapped;
      const moved = after.findEntry(...positionOf(ascii.code, needle)) as Mapped;
      assert.ok(original.originalLine !== undefined, needle);
      assert.deepEqual([moved.originalSource, moved.originalLine, moved.originalColumn], [original.originalSource, original.originalLine, original.originalColumn], needle);
    }
  });

  it('leaves an ASCII bundle and its map as they are', () => {
    const code = 'var a=/x-y/.test("\\u2013");\nmodule.exports=a;\n';
    assert.deepEqual(asciiBundle(code, { mappings: 'AAAA,IAAI;AACJ' }), { code, mappings: 'AAAA,IAAI;AACJ' });
  });
});
