import { strict as assert } from 'node:assert';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArticle, readArticles } from '../../knowledge/loading/articles';
import { formatProblem, loadKnowledgeBase, type KnowledgeProblem } from '../../knowledge';
import { KNOWLEDGE_DIR, KnowledgeCopies, lineContaining, loadProblems, problemsOf, replaceOnce, show } from './helpers';
import { sharedKnowledgeBase } from '../support/shared-knowledge';

/** The article every negative test breaks: small, and cited by rules and other articles. */
const ARTICLE = 'articles/EXB-004.md';

/** Line of the `---` that closes the front matter. */
function closingLine(text: string): number {
  const lines = text.split(/\r?\n/);
  const index = lines.findIndex((line, i) => i > 0 && /^---\s*$/.test(line));
  assert.ok(index > 0, 'no closing ---');
  return index + 1;
}

/** Finds the single problem of `problems` whose field is `field` (or, without a field, whose message matches). */
function theProblem(problems: readonly KnowledgeProblem[], match: { field?: string; message?: RegExp }): KnowledgeProblem {
  const found = problems.filter((p) => (match.field === undefined || p.field === match.field) && (match.message === undefined || match.message.test(p.message)));
  assert.equal(found.length, 1, `expected one problem matching ${JSON.stringify({ field: match.field, message: String(match.message) })} in ${show(problems)}`);
  return found[0]!;
}

describe('knowledge articles', () => {
  const copies = new KnowledgeCopies();
  after(() => copies.cleanup());

  /** Breaks ARTICLE in a fresh copy, loads the copy and returns the problems about that file. */
  function breakArticle(edit: (text: string) => string): { text: string; problems: KnowledgeProblem[] } {
    const { dir, file, text } = copies.withEdit(ARTICLE, edit);
    const problems = problemsOf(loadProblems(dir), file);
    assert.ok(problems.length > 0, `no problem names ${file}`);
    for (const p of problems) assert.ok(p.message.trim().length > 0, 'every problem says what is wrong');
    return { text, problems };
  }

  describe('the bundled knowledge', () => {
    it('loads with its 13 articles, each id matching its file name', () => {
      const kb = loadKnowledgeBase(KNOWLEDGE_DIR);
      const files = readdirSync(join(KNOWLEDGE_DIR, 'articles')).filter((n) => n.endsWith('.md'));
      assert.equal(kb.articles.length, 13);
      assert.deepEqual(kb.articles.map((a) => `${a.id}.md`).sort(), files.sort());
      for (const article of kb.articles) assert.equal(kb.article(article.id), article);
    });

    it("splits every article's body into sections at its ## headings, as plain text", () => {
      const kb = sharedKnowledgeBase();
      for (const article of kb.articles) {
        const text = readFileSync(join(KNOWLEDGE_DIR, 'articles', `${article.id}.md`), 'utf8');
        const body = text.split(/\r?\n/).slice(closingLine(text)).join('\n');
        const headings = [...body.matchAll(/^##[ \t]+(.+?)[ \t]*$/gm)].map((m) => m[1]!);
        const before = body.split(/^##[ \t]/m)[0]!.trim();
        const expected = before ? ['', ...headings] : headings;
        assert.ok(headings.length >= 2, `${article.id} should have ## sections`);
        assert.deepEqual(
          article.sections.map((s) => s.heading),
          expected,
          article.id,
        );
        for (const section of article.sections) {
          assert.ok(section.text.length > 0, `${article.id} section "${section.heading}" has no text`);
          assert.doesNotMatch(section.text, /\*\*|\|---|^#+ /m, `${article.id} section "${section.heading}" still has Markdown markup`);
        }
      }
    });

    it('keeps bold text and table cells as words in the section text', () => {
      const kb = sharedKnowledgeBase();
      const roles = kb.article('EXB-001')!.sections.find((s) => s.heading === 'The two roles');
      assert.ok(roles, 'EXB-001 has a "The two roles" section');
      assert.match(roles.text, /^Front-end \(FE\)\. This server faces the clients\./);
      const windows = kb.article('EXB-003')!.sections.find((s) => /Windows editions/.test(s.heading));
      assert.ok(windows);
      assert.match(windows.text, /Windows 2000 Datacenter Server yes 4/);
    });
  });

  describe('front matter problems name the file, the line and the field', () => {
    it('missing front matter: line 1', () => {
      const { problems } = breakArticle((t) => replaceOnce(t, /^---\r?\n/, ''));
      const p = theProblem(problems, { message: /front matter/ });
      assert.equal(p.line, 1);
    });

    it('YAML syntax error: the line of the broken value', () => {
      const { text, problems } = breakArticle((t) => replaceOnce(t, /^title: .*$/m, 'title: Exchange clusters: active/active or not'));
      const p = problems.find((q) => /YAML/.test(q.message));
      assert.ok(p, show(problems));
      assert.equal(p.line, lineContaining(text, 'title: Exchange clusters: active/active or not'));
    });

    it('YAML duplicate key: the line of the second key', () => {
      const { text, problems } = breakArticle((t) => replaceOnce(t, /^reviewed: .*$/m, '$&\nreviewed: 2026-01-01'));
      const p = theProblem(problems, { message: /unique|duplicate/i });
      assert.equal(p.line, lineContaining(text, 'reviewed: 2026-01-01'));
    });

    it('unknown field (misspelt "recomendation:"): its line, and the message names it', () => {
      const { text, problems } = breakArticle((t) => replaceOnce(t, /^reviewed:/m, 'recomendation: Use two nodes\nreviewed:'));
      const p = theProblem(problems, { message: /recomendation/ });
      assert.equal(p.line, lineContaining(text, 'recomendation:'));
      assert.match(formatProblem(p), /EXB-004\.md:\d+ .*recomendation/);
    });

    it('unknown field whose value is a block list ("source:" for "sources:"): the line of the key', () => {
      const { text, problems } = breakArticle((t) => replaceOnce(t, /^sources:$/m, 'source:'));
      const p = theProblem(problems, { message: /unknown field.*"source"/ });
      assert.equal(p.line, lineContaining(text, /^source:$/));
      // The required `sources` is now missing as well.
      theProblem(problems, { field: 'sources' });
    });

    it('missing summary: field "summary", at the start of the front matter', () => {
      const { text, problems } = breakArticle((t) => replaceOnce(t, /^summary: >-\r?\n(?:[ \t]+.*\r?\n)+/m, ''));
      assert.doesNotMatch(text, /^summary:/m);
      const p = theProblem(problems, { field: 'summary' });
      assert.equal(p.line, 2);
    });

    it('id that does not look like KB123456 or EXB-123: field "id", its line', () => {
      const { text, problems } = breakArticle((t) => replaceOnce(t, /^id: EXB-004$/m, 'id: EXB-4'));
      const p = theProblem(problems, { field: 'id' });
      assert.equal(p.line, lineContaining(text, /^id:/));
      assert.match(p.message, /KB837852|EXB-001/);
    });

    it('id that does not match the file name: field "id", its line, both names in the message', () => {
      const { text, problems } = breakArticle((t) => replaceOnce(t, /^id: EXB-004$/m, 'id: EXB-009'));
      const p = theProblem(problems, { field: 'id' });
      assert.equal(p.line, lineContaining(text, /^id:/));
      assert.match(p.message, /EXB-009/);
      assert.match(p.message, /EXB-004\.md/);
    });

    it('id not matching a renamed file is reported against the new file name', () => {
      const dir = copies.create();
      renameSync(join(dir, 'articles', 'EXB-004.md'), join(dir, 'articles', 'EXB-099.md'));
      const file = join(dir, 'articles', 'EXB-099.md');
      const problems = problemsOf(loadProblems(dir), file);
      const p = theProblem(problems, { field: 'id' });
      assert.equal(p.line, lineContaining(readFileSync(file, 'utf8'), /^id:/));
      assert.match(p.message, /EXB-099\.md/);
    });

    it('empty sources: field "sources", its line', () => {
      const { text, problems } = breakArticle((t) => replaceOnce(t, /^sources:\r?\n(?:[ \t]+.*\r?\n)+/m, 'sources: []\n'));
      const p = theProblem(problems, { field: 'sources' });
      assert.equal(p.line, lineContaining(text, /^sources:/));
    });

    it('reviewed date that is not YYYY-MM-DD: field "reviewed", its line', () => {
      const { text, problems } = breakArticle((t) => replaceOnce(t, /^reviewed: .*$/m, 'reviewed: 25/11/2026'));
      const p = theProblem(problems, { field: 'reviewed' });
      assert.equal(p.line, lineContaining(text, /^reviewed:/));
    });

    it('reviewed date with month 13: field "reviewed", its line', () => {
      const { text, problems } = breakArticle((t) => replaceOnce(t, /^reviewed: .*$/m, 'reviewed: 2026-13-45'));
      const p = theProblem(problems, { field: 'reviewed' });
      assert.equal(p.line, lineContaining(text, /^reviewed:/));
    });

    for (const impossible of ['2026-02-30', '2026-11-31', '2025-02-29']) {
      it(`reviewed date that does not exist on the calendar (${impossible}) is rejected`, () => {
        const { text, problems } = breakArticle((t) => replaceOnce(t, /^reviewed: .*$/m, `reviewed: ${impossible}`));
        const p = theProblem(problems, { field: 'reviewed' });
        assert.equal(p.line, lineContaining(text, /^reviewed:/));
      });
    }

    it('related id that names no article: field "related.<i>", its line', () => {
      const { text, problems } = breakArticle((t) => replaceOnce(t, /^related: \[/m, 'related: [EXB-099, '));
      const p = theProblem(problems, { field: 'related.0' });
      assert.match(p.message, /EXB-099/);
      assert.equal(p.line, lineContaining(text, /^related:/));
    });

    it('a source\'s fact id that is not in facts.yaml: field "sources.<i>.facts.<j>", its line', () => {
      // Only the first source's facts list is changed.
      const { text, problems } = breakArticle((t) => t.replace(/^( {4}facts: \[)([^\]]*)\]/m, '$1$2, C99]'));
      const facts = text.split('\n').find((l) => l.includes('C99'))!;
      const j = facts.replace(/.*\[/, '').replace(/\].*/, '').split(',').length - 1;
      const p = theProblem(problems, { field: `sources.0.facts.${j}` });
      assert.match(p.message, /C99/);
      assert.equal(p.line, lineContaining(text, 'C99'));
    });

    it('an article with no body: field "body", at the end of the front matter', () => {
      const { text, problems } = breakArticle((t) => t.slice(0, t.indexOf('\n', t.indexOf('\n---', 3) + 1) + 1));
      assert.match(text, /\n---\n$/);
      const p = theProblem(problems, { field: 'body' });
      const closing = closingLine(text);
      assert.ok(p.line === closing || p.line === closing + 1, `line ${p.line}, front matter closes on ${closing}`);
    });

    it('an article whose body is only a heading has no body either', () => {
      const { problems } = breakArticle((t) => t.slice(0, t.indexOf('\n', t.indexOf('\n---', 3) + 1) + 1) + '\n## Nothing here\n');
      theProblem(problems, { field: 'body' });
    });
  });

  describe('parseArticle and readArticles directly', () => {
    const text = readFileSync(join(KNOWLEDGE_DIR, ARTICLE), 'utf8');

    it('parses a valid article and keeps the file it came from', () => {
      const { article, problems } = parseArticle('some/where/EXB-004.md', text);
      assert.deepEqual(problems, []);
      assert.ok(article);
      assert.equal(article.id, 'EXB-004');
      assert.equal(article.file, 'some/where/EXB-004.md');
      assert.ok(article.body.trimStart().startsWith('## '));
    });

    it('reads Windows line endings, with the same sections and the same problem lines', () => {
      const crlf = text.replace(/\n/g, '\r\n');
      const { article, problems } = parseArticle('EXB-004.md', crlf);
      assert.deepEqual(problems, []);
      assert.deepEqual(
        article!.sections.map((s) => s.heading),
        parseArticle('EXB-004.md', text).article!.sections.map((s) => s.heading),
      );
      const bad = parseArticle('EXB-004.md', crlf.replace('id: EXB-004', 'id: EXB-4'));
      assert.equal(theProblem(bad.problems, { field: 'id' }).line, 2);
    });

    it('reads an article saved with a UTF-8 byte-order mark (as Windows Notepad writes it)', () => {
      const dir = copies.create();
      const file = join(dir, ARTICLE);
      writeFileSync(file, `\uFEFF${text}`);
      const { articles, problems } = readArticles(join(dir, 'articles'));
      assert.deepEqual(problems, []);
      assert.equal(articles.find((a) => a.id === 'EXB-004')?.title, parseArticle('EXB-004.md', text).article!.title);
    });

    it('reports every problem of an article at once', () => {
      const broken = text.replace(/^title: .*$/m, 'title: ""').replace(/^reviewed: .*$/m, 'reviewed: soon');
      const { article, problems } = parseArticle('EXB-004.md', broken);
      assert.equal(article, undefined);
      assert.equal(theProblem(problems, { field: 'title' }).line, lineContaining(broken, /^title:/));
      assert.equal(theProblem(problems, { field: 'reviewed' }).line, lineContaining(broken, /^reviewed:/));
    });

    it('readArticles names each file with the display prefix', () => {
      const dir = copies.create();
      const folder = join(dir, 'articles');
      const { problems: none, articles } = readArticles(folder, 'kb/articles');
      assert.deepEqual(none, []);
      assert.equal(articles.length, 13);
      assert.deepEqual(
        articles.map((a) => a.id),
        [...articles.map((a) => a.id)].sort(),
        'in file-name order',
      );
      assert.ok(articles.every((a) => a.file === join('kb/articles', `${a.id}.md`)));
    });

    it('readArticles reports an empty folder and a missing folder', () => {
      const dir = copies.create();
      const empty = join(dir, 'empty');
      mkdirSync(empty);
      const a = readArticles(empty);
      assert.equal(a.articles.length, 0);
      assert.equal(a.problems.length, 1);
      assert.match(a.problems[0]!.message, /no \*\.md/);
      const b = readArticles(join(dir, 'missing'));
      assert.equal(b.problems.length, 1);
      assert.match(b.problems[0]!.file, /missing$/);
    });
  });
});
