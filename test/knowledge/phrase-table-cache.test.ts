import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadKnowledgeBase, type KnowledgeBase } from '../../knowledge';
import { buildPhraseTables } from '../../knowledge/reading/fact-recognizer';
import { phraseTablesHash, readPhraseTables, writePhraseTables } from '../../knowledge/reading/phrase-table-cache';
import { KnowledgeCopies, replaceOnce } from './helpers';

// Issue 24: building the fact recognizer's phrase tables was about a tenth of a start, so kb:build
// saves them and a start reads them back, only for the very same dimensions table and code. These
// tests hold that promise: the saved tables are the built ones, entry for entry; an edit of the table
// makes the start build them again; a damaged file is never used.
describe('the phrase tables saved by kb:build (knowledge/reading/phrase-table-cache.ts)', () => {
  const copies = new KnowledgeCopies();
  let scratch: string;
  before(() => {
    scratch = mkdtempSync(join(tmpdir(), 'phrase-tables-'));
  });
  after(() => {
    copies.cleanup();
    rmSync(scratch, { recursive: true, force: true });
  });

  /** Loads `dir` with `file` as the saved tables, and returns what the load logged about them. */
  function load(dir: string, file: string | false): { kb: KnowledgeBase; said: string } {
    const lines: string[] = [];
    const kb = loadKnowledgeBase(dir, { searchIndexFile: false, phraseTablesFile: file, log: (_, message) => lines.push(message) });
    return { kb, said: lines.filter((l) => l.startsWith('phrase tables:')).join('\n') };
  }

  /** Saves the tables a load of `dir` built, as kb:build does. */
  function save(dir: string, file: string): KnowledgeBase {
    const { kb } = load(dir, false);
    writePhraseTables(file, phraseTablesHash(kb.dimensions), kb.recognizer.tables);
    return kb;
  }

  it('a start that reads the saved tables has the built tables, entry for entry, and reads text the same', () => {
    const dir = copies.create();
    const file = join(scratch, 'same.json');
    const built = save(dir, file);
    const { kb: read, said } = load(dir, file);
    assert.match(said, /as npm run kb:build built them/);
    assert.deepEqual(read.recognizer.tables, buildPhraseTables(built.dimensions));
    assert.ok(read.recognizer.tables.sentence.length > 1000);
    for (const text of [
      'Can I put an E2K3 FE on MSCS?',
      '3-node cluster, nodes are also DCs',
      'exchange 2019 CU14 in a DAG on Windows 2022 Datacenter',
      'BE cluster, Windows 2003 Enterprise x64',
    ]) {
      assert.deepEqual(read.recognizer.extract(text), built.recognizer.extract(text), text);
    }
    assert.equal(read.recognizer.recognizeAnswer('ha', 'load balancr'), built.recognizer.recognizeAnswer('ha', 'load balancr'));
  });

  it('tables saved for an edited dimensions table are stale for the original, and the start builds them', () => {
    const original = copies.create();
    const edited = copies.withEdit('data/fact-dimensions.yaml', (text) => replaceOnce(text, 'exch2003, exch2k3]', 'exch2003, exch2k3, exchange twenty oh three]')).dir;
    const file = join(scratch, 'edited.json');
    save(edited, file);
    assert.equal(load(edited, file).kb.recognizer.extract('is exchange twenty oh three on a cluster ok').facts.version, '2003');
    const { kb, said } = load(original, file);
    assert.match(said, /stale.*built at load/);
    assert.equal(kb.recognizer.extract('is exchange twenty oh three on a cluster ok').facts.version, undefined);
  });

  it('a damaged file is never used: not JSON, a value the table does not have, a phrase without its words, another table shape', () => {
    const dir = copies.create();
    const file = join(scratch, 'damaged.json');
    const kb = save(dir, file);
    const good = readFileSync(file, 'utf8');
    const saved = JSON.parse(good) as { mentions: Array<[string, string | null]>; phrases: unknown[][]; answers: unknown[] };
    const damages: Array<[string, string]> = [
      ['truncated', good.slice(0, good.length / 2)],
      ['a value the table does not have', JSON.stringify({ ...saved, mentions: saved.mentions.map(([d, v], i) => [d, i === 0 ? 'no-such-value' : v]) })],
      ['a phrase without its words', JSON.stringify({ ...saved, phrases: saved.phrases.map((p, i) => (i === 0 ? [p[0]] : p)) })],
      ['one question fewer', JSON.stringify({ ...saved, answers: saved.answers.slice(1) })],
    ];
    for (const [what, text] of damages) {
      writeFileSync(file, text);
      assert.deepEqual(readPhraseTables(file, phraseTablesHash(kb.dimensions), kb.dimensions), { reason: 'saved phrase tables unreadable' }, what);
      const { kb: loaded, said } = load(dir, file);
      assert.match(said, /unreadable; built at load/, what);
      assert.equal(loaded.recognizer.extract('Can I put an E2K3 FE on MSCS?').facts.version, '2003', what);
    }
  });
});
