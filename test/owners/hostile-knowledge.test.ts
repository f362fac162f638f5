import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readConfig } from '../../bot/config';
import { memoryLogger } from '../../bot/log';
import { reloadKnowledge } from '../../bot/knowledge-reload';
import { startServer, type RunningServer } from '../../bot/server';
import { bundledKnowledgeDir, formatProblem, KnowledgeError, KnowledgeHolder, loadKnowledgeBase } from '../../knowledge';
import { sharedKnowledgeBase } from '../support/shared-knowledge';
import { loadCopy } from '../knowledge/helpers';

// Issue 22, finding 1: knowledge files that took the process down or blocked it for seconds.
const frontMatter = (id: string, extra = '', summary = 'A test article written for the hostile-file tests.') =>
  `---\nid: ${id}\ntitle: A hostile test article\nproducts: [Exchange Server 2003 Enterprise Edition]\nkeywords: [hostile]\nsources:\n  - ref: Test fixture\n    title: Written for this test\nreviewed: 2026-11-30\nsummary: ${JSON.stringify(summary)}\n${extra}---\n\n`;
const letters = 'abcdefghij';
const aliasBomb = letters
  .split('')
  .map(
    (name, i) =>
      `${name}: &${name} [${Array(9)
        .fill(i === 0 ? '"lol"' : `*${letters[i - 1]}`)
        .join(', ')}]`,
  )
  .join('\n');

/** Each hostile article (file name -> text) and the line its refusal must name. */
const HOSTILE: { name: string; text: string; line: number; message: RegExp }[] = [
  { name: 'EXB-201.md', text: frontMatter('EXB-201', `bomb:\n  ${aliasBomb.replace(/\n/g, '\n  ')}\n`), line: 2, message: /aliases/ },
  { name: 'EXB-202.md', text: frontMatter('EXB-202') + '>'.repeat(6_000) + ' deep\n', line: 13, message: /quotes nested 6000 deep/ },
  { name: 'EXB-203.md', text: frontMatter('EXB-203') + '## Emphasis\n\n' + '*a '.repeat(6_000) + 'b' + '*'.repeat(6_000) + '\n', line: 15, message: /"\*" or "_" marks/ },
  { name: 'EXB-204.md', text: frontMatter('EXB-204', `deep: ${'['.repeat(40)}1${']'.repeat(40)}\n`), line: 2, message: /nested more than 32 levels/ },
  { name: 'EXB-205.md', text: frontMatter('EXB-205') + 'Body.\n' + 'x'.repeat(40_000) + '\n', line: 1, message: /bytes \(an article may have at most 32768\)/ },
  { name: 'EXB-206.md', text: frontMatter('EXB-206', '', 'Read <script>alert(1)</script> first.') + 'Body.\n', line: 10, message: /HTML/ },
  { name: 'EXB-207.md', text: frontMatter('EXB-207', '', 'See [the fix](javascript:alert(1)).') + 'Body.\n', line: 10, message: /http, https or mailto/ },
  {
    name: 'EXB-208.md',
    text: frontMatter('EXB-208') + Array.from({ length: 40 }, (_, i) => `${' '.repeat(i * 2)}- level ${i}`).join('\n') + '\n',
    line: 46,
    message: /indented 66 columns/,
  },
];

function copyOfKnowledge(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hostile-knowledge-'));
  cpSync(bundledKnowledgeDir(), dir, { recursive: true });
  return dir;
}

describe('hostile knowledge files (issue 22)', function () {
  this.timeout(60_000);

  for (const hostile of HOSTILE) {
    it(`${hostile.name} is refused as a KnowledgeError naming ${hostile.name}:${hostile.line}`, () => {
      const dir = copyOfKnowledge();
      try {
        writeFileSync(join(dir, 'articles', hostile.name), hostile.text);
        let thrown: unknown;
        try {
          loadCopy(dir);
        } catch (error) {
          thrown = error;
        }
        assert.ok(thrown instanceof KnowledgeError, `not a KnowledgeError: ${String(thrown)}`);
        const lines = thrown.problems.map(formatProblem);
        assert.ok(
          lines.some((l) => l.includes(`${hostile.name}:${hostile.line}`) && hostile.message.test(l)),
          lines.join('\n'),
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }

  it('a table over the size limit is refused before it is parsed', () => {
    const dir = copyOfKnowledge();
    try {
      const rules = join(dir, 'data', 'support-rules.yaml');
      writeFileSync(rules, readFileSync(rules, 'utf8') + `# ${'padding '.repeat(80_000)}\n`);
      assert.throws(
        () => loadCopy(dir),
        (error: unknown) => error instanceof KnowledgeError && error.problems.some((p) => p.file.endsWith('support-rules.yaml') && /a table may have at most/.test(p.message)),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('npm run kb:check prints file:line for a hostile article, not a stack trace', () => {
    const dir = copyOfKnowledge();
    try {
      writeFileSync(join(dir, 'articles', 'EXB-202.md'), HOSTILE[1]!.text);
      const run = spawnSync(process.execPath, [join(__dirname, '../../knowledge/cli/kb-check.js'), dir], { encoding: 'utf8' });
      assert.equal(run.status, 1, run.stderr);
      assert.match(run.stderr, /EXB-202\.md:13 quotes nested 6000 deep/);
      assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a reload parses a large folder in slices: the event loop runs between articles', async () => {
    const dir = copyOfKnowledge();
    try {
      const model = readFileSync(join(dir, 'articles', 'EXB-001.md'), 'utf8');
      for (let i = 300; i < 420; i += 1) writeFileSync(join(dir, 'articles', `EXB-${i}.md`), model.replace(/^id: EXB-001$/m, `id: EXB-${i}`));
      const holder = new KnowledgeHolder(sharedKnowledgeBase());
      let ticks = 0;
      let reloading = true;
      const tick = () => {
        ticks += 1;
        if (reloading) setImmediate(tick);
      };
      setImmediate(tick);
      const result = await reloadKnowledge(holder, dir, memoryLogger());
      reloading = false;
      assert.equal(result.ok, true, JSON.stringify(result));
      assert.ok(ticks >= 120, `the event loop ran only ${ticks} times during the reload of 130 articles`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('a running bot watching its folder', () => {
    const dir = copyOfKnowledge();
    const log = memoryLogger();
    let bot: RunningServer;

    before(async () => {
      bot = await startServer({ config: { ...readConfig({ KNOWLEDGE_DIR: dir, KNOWLEDGE_WATCH: 'true' }), port: 0 }, knowledge: loadKnowledgeBase(dir), log });
    });
    after(async () => {
      await bot?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    for (const hostile of HOSTILE) {
      it(`${hostile.name}: the watcher and POST /admin/reload refuse it (422, one log line), the bot keeps serving`, async () => {
        const served = bot.knowledge.current();
        const refusals = () => log.lines.filter((l) => l.message === 'knowledge reload refused: still serving the previous knowledge').length;
        const before = refusals();
        writeFileSync(join(dir, 'articles', hostile.name), hostile.text);
        // The watcher's reload, then the endpoint's: neither may end the process or answer 500.
        const deadline = Date.now() + 10_000;
        while (refusals() === before && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
        assert.ok(refusals() > before, 'the watcher logged the refusal');
        const response = await fetch(`${bot.url}/admin/reload`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
        assert.equal(response.status, 422);
        const { problems } = (await response.json()) as { problems: string[] };
        assert.ok(
          problems.some((p) => p.includes(`${hostile.name}:${hostile.line}`)),
          problems.join('\n'),
        );
        assert.equal(bot.knowledge.current(), served, 'still serving the previous knowledge');
        assert.equal((await fetch(`${bot.url}/healthz`)).status, 200);
        rmSync(join(dir, 'articles', hostile.name));
      });
    }
  });
});
