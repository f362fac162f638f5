import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KnowledgeError, loadKnowledgeBase } from '../../knowledge';
import { defaultSearchIndexFile, knowledgeContentHash, writeSearchIndex } from '../../knowledge/search/search-index-cache';
import { KnowledgeCopies } from './helpers';

describe('prebuilt search index (npm run kb:build)', () => {
  const copies = new KnowledgeCopies();
  const temps: string[] = [];
  after(() => {
    copies.cleanup();
    for (const dir of temps) rmSync(dir, { recursive: true, force: true });
  });

  /** A knowledge copy with its index written to a temp file, as kb:build does. */
  function prebuilt(): { dir: string; file: string } {
    const dir = copies.create();
    const out = mkdtempSync(join(tmpdir(), 'kb-index-'));
    temps.push(out);
    const file = join(out, 'index.json');
    const hash = knowledgeContentHash(dir);
    const kb = loadKnowledgeBase(dir, { searchIndexFile: false });
    writeSearchIndex(dir, kb.searchIndex!.serialize(), { hash, articles: kb.articles.length }, file);
    return { dir, file };
  }

  /** The search index's log lines (the load also logs the knowledge and the rules' outcome table). */
  function logged() {
    const lines: Array<{ level: string; message: string }> = [];
    return { lines, log: (level: 'info' | 'warn', message: string) => void (message.startsWith('search index') && lines.push({ level, message })) };
  }

  it('is loaded when its hash matches, and answers exactly as a freshly built index', () => {
    const { dir, file } = prebuilt();
    const { lines, log } = logged();
    const fromFile = loadKnowledgeBase(dir, { searchIndexFile: file, log });
    const built = loadKnowledgeBase(dir, { searchIndexFile: false });
    assert.equal(fromFile.searchIndex?.source, 'prebuilt');
    assert.equal(built.searchIndex?.source, 'built');
    assert.match(lines[0]!.message, /prebuilt index matches/);
    for (const question of ['can i put my exchange 2003 FE on a MSCS cluster', 'what is an EVS', 'owa nlb?', 'whats the weather tomorrow', 'E2K3 ent on W2K cluster what SP']) {
      const a = fromFile.search(question);
      const b = built.search(question);
      assert.deepEqual(
        a.hits.map((h) => [h.article.id, h.score, h.coverage]),
        b.hits.map((h) => [h.article.id, h.score, h.coverage]),
        question,
      );
    }
  });

  it('is stale once an article changes: the index is rebuilt and the log says so', () => {
    const { dir, file } = prebuilt();
    const article = join(dir, 'articles', 'EXB-004.md');
    writeFileSync(article, readFileSync(article, 'utf8').replace('keywords: [', 'keywords: [quorum disk, '));
    const { lines, log } = logged();
    const kb = loadKnowledgeBase(dir, { searchIndexFile: file, log });
    assert.equal(kb.searchIndex?.source, 'built');
    assert.match(kb.searchIndex!.reason, /stale/);
    const searchLines = lines.filter((l) => l.message.startsWith('search index'));
    assert.deepEqual(
      searchLines.map((l) => l.level),
      ['warn'],
    );
    assert.match(searchLines[0]!.message, /stale.*building it at start/);
    // The rebuilt index holds the edit: the article ranks first (whether the answer is confident enough to
    // show is the search's own concern, tested in search.test.ts).
    assert.equal(kb.search('quorum disk').hits[0]?.article.id, 'EXB-004');
  });

  it('is stale once the synonym table changes', () => {
    const { dir, file } = prebuilt();
    const synonyms = join(dir, 'data', 'search-synonyms.yaml');
    writeFileSync(synonyms, `${readFileSync(synonyms, 'utf8')}- concept: quorum\n  phrases: [quorum, witness disk]\n`);
    assert.equal(loadKnowledgeBase(dir, { searchIndexFile: file }).searchIndex?.source, 'built');
  });

  it('is built when the file is missing or unreadable', () => {
    const { dir, file } = prebuilt();
    const missing = logged();
    assert.equal(loadKnowledgeBase(dir, { searchIndexFile: `${file}.missing`, log: missing.log }).searchIndex?.reason, 'no prebuilt index');
    assert.match(missing.lines[0]!.message, /no prebuilt index/);
    writeFileSync(file, 'not json\n{}');
    const corrupt = logged();
    assert.equal(loadKnowledgeBase(dir, { searchIndexFile: file, log: corrupt.log }).searchIndex?.source, 'built');
    assert.equal(corrupt.lines[0]!.level, 'warn');
  });

  it('never skips validation: invalid knowledge is refused even with an index file present', () => {
    const { dir, file } = prebuilt();
    const rules = join(dir, 'data', 'support-rules.yaml');
    writeFileSync(rules, readFileSync(rules, 'utf8').replace('verdict: not-supported', 'verdict: probably-fine'));
    assert.throws(() => loadKnowledgeBase(dir, { searchIndexFile: file }), KnowledgeError);
  });

  it('has one default file per knowledge folder, under .cache/ at the package root', () => {
    const a = defaultSearchIndexFile('/tmp/kb-a');
    assert.match(a, /[\\/]\.cache[\\/]search-index[\\/][0-9a-f]{16}\.json$/);
    assert.notEqual(a, defaultSearchIndexFile('/tmp/kb-b'));
    assert.equal(a, defaultSearchIndexFile('/tmp/kb-a/'));
  });
});
