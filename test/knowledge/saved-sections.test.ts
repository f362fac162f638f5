import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadKnowledgeBase } from '../../knowledge';
import { splitSections } from '../../knowledge/loading/markdown-text';
import { SavedSections } from '../../knowledge/loading/saved-sections';
import { KnowledgeCopies, replaceOnce } from './helpers';

// Issue 24: kb:build saves each article body's sections (marked's output as plain text per section),
// so a start skips the Markdown parser for unchanged bodies. The saved sections must be the split
// ones; an edited body is split again; a damaged file or another marked version is never used; the
// article checks still run on what is read.
describe('article sections saved by kb:build (knowledge/loading/saved-sections.ts)', () => {
  const copies = new KnowledgeCopies();
  let scratch: string;
  before(() => {
    scratch = mkdtempSync(join(tmpdir(), 'saved-sections-'));
  });
  after(() => {
    copies.cleanup();
    rmSync(scratch, { recursive: true, force: true });
  });

  /** Loads `dir` as kb:build does, saving every body's sections into `file`. */
  function save(dir: string, file: string): void {
    const saved = new SavedSections();
    loadKnowledgeBase(dir, { searchIndexFile: false, savedSections: saved });
    saved.write(file);
  }

  it('a load that reads them has the sections a split gives, for every article', () => {
    const dir = copies.create();
    const file = join(scratch, 'same.json');
    save(dir, file);
    const saved = SavedSections.read(file);
    const kb = loadKnowledgeBase(dir, { searchIndexFile: false, savedSections: saved });
    assert.ok(saved.size >= kb.articles.length && kb.articles.length > 5);
    for (const article of kb.articles) {
      assert.deepEqual(saved.get(article.body), splitSections(article.body), article.id);
      assert.deepEqual(article.sections, splitSections(article.body), article.id);
    }
  });

  it('an edited body has no saved sections: it is split again, and the edit shows', () => {
    const original = copies.create();
    const file = join(scratch, 'edited.json');
    save(original, file);
    const edited = copies.withEdit('articles/EXB-004.md', (text) =>
      replaceOnce(text, '\n## The rules\n', '\n## A section the saved file never saw\n\nSaid only here.\n\n## The rules\n'),
    ).dir;
    const saved = SavedSections.read(file);
    const kb = loadKnowledgeBase(edited, { searchIndexFile: false, savedSections: saved });
    const article = kb.article('EXB-004')!;
    assert.ok(article.sections.some((s) => s.heading === 'A section the saved file never saw' && s.text === 'Said only here.'));
  });

  it('a damaged file, another marked version or other splitting code is ignored whole', () => {
    const dir = copies.create();
    const file = join(scratch, 'damaged.json');
    save(dir, file);
    const good = JSON.parse(readFileSync(file, 'utf8')) as { marked: string; code: string; sections: Record<string, unknown[]> };
    const first = Object.keys(good.sections)[0]!;
    for (const [what, text] of [
      ['truncated', JSON.stringify(good).slice(0, 100)],
      ['another marked version', JSON.stringify({ ...good, marked: '0.0.1' })],
      ['other splitting code', JSON.stringify({ ...good, code: 'another' })],
      ['a section that is not a heading and a text', JSON.stringify({ ...good, sections: { ...good.sections, [first]: [['heading only']] } })],
    ]) {
      writeFileSync(file, text!);
      assert.equal(SavedSections.read(file).size, 0, what);
    }
  });
});
