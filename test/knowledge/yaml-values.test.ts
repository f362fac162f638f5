import { strict as assert } from 'node:assert';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KnowledgeError, loadKnowledgeBase, type KnowledgeProblem } from '../../knowledge';
import { YamlValues } from '../../knowledge/loading/yaml-values';
import { KnowledgeCopies, lineContaining, replaceOnce } from './helpers';

/** The problems a load throws (or none). */
function problemsOf(load: () => unknown): KnowledgeProblem[] {
  try {
    load();
    return [];
  } catch (error) {
    assert.ok(error instanceof KnowledgeError, String(error));
    return [...error.problems];
  }
}

describe('saved YAML values (npm run kb:build): a start skips the YAML parser, never the validation', () => {
  const copies = new KnowledgeCopies();
  const temps: string[] = [];
  after(() => {
    copies.cleanup();
    for (const dir of temps) rmSync(dir, { recursive: true, force: true });
  });

  it('a load with the values a first load saved gives the same knowledge, and takes unchanged texts from them', () => {
    const dir = copies.create();
    const saved = new YamlValues();
    const parsed = loadKnowledgeBase(dir, { searchIndexFile: false, yamlValues: saved });
    // One value per table (every YAML file of data/) and one front matter per article.
    assert.equal(saved.size, tablesIn(dir) + parsed.articles.length);
    const reused = loadKnowledgeBase(dir, { searchIndexFile: false, yamlValues: saved });
    assert.deepEqual(
      reused.rules.map((r) => [r.id, r.verdict, r.when.length, r.basis]),
      parsed.rules.map((r) => [r.id, r.verdict, r.when.length, r.basis]),
    );
    assert.deepEqual(reused.ruleStatistics.perVerdict, parsed.ruleStatistics.perVerdict);
    assert.deepEqual(
      reused.articles.map((a) => [a.id, a.title, a.related]),
      parsed.articles.map((a) => [a.id, a.title, a.related]),
    );
    // The saved value is what is used: an article front matter's saved value, changed, shows through.
    const article = parsed.articles[0]!;
    const text = readFileSync(join(dir, 'articles', `${article.id}.md`), 'utf8');
    const frontMatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)![1]!;
    saved.remember(frontMatter, { ...(saved.get(frontMatter) as object), title: 'Title from the saved value' });
    assert.equal(loadKnowledgeBase(dir, { searchIndexFile: false, yamlValues: saved }).article(article.id)?.title, 'Title from the saved value');
  });

  it('a text edited since the values were saved is parsed again', () => {
    const dir = copies.create();
    const saved = new YamlValues();
    loadKnowledgeBase(dir, { searchIndexFile: false, yamlValues: saved });
    const file = join(dir, 'data', 'lifecycle.yaml');
    writeFileSync(file, replaceOnce(readFileSync(file, 'utf8'), 'extended support on 8 April 2014.', 'extended support on 8 April 2014 (edited).'));
    const kb = loadKnowledgeBase(dir, { searchIndexFile: false, yamlValues: saved });
    assert.equal(saved.size, tablesIn(dir) + kb.articles.length + 1, 'the edited text is remembered beside the old one');
    const decision = kb.decide({ version: '2003', role: 'back-end', ha: 'cluster', edition: 'enterprise', windows: '2003', windowsEdition: 'enterprise', architecture: 'x86' });
    assert.ok(
      decision?.lifecycle.some((note) => note.note.endsWith('(edited).')),
      JSON.stringify(decision?.lifecycle),
    );
  });

  it('a problem found in a saved value still names its file, line and field (positions come from a parse made for the message)', () => {
    const { dir, text } = copies.withEdit('data/support-rules.yaml', (t) => t.replace(/articles: \[([A-Z0-9-]+)/, 'articles: [EXB-999'));
    const saved = new YamlValues();
    const first = problemsOf(() => loadKnowledgeBase(dir, { searchIndexFile: false, yamlValues: saved }));
    assert.ok(first.length > 0);
    const sizeAfterFirst = saved.size;
    const again = problemsOf(() => loadKnowledgeBase(dir, { searchIndexFile: false, yamlValues: saved }));
    assert.equal(saved.size, sizeAfterFirst, 'nothing new was parsed and remembered the second time');
    assert.deepEqual(again, first);
    const cited = again.find((p) => p.message.includes('EXB-999'));
    assert.ok(cited, JSON.stringify(again));
    assert.equal(cited.line, lineContaining(text, 'EXB-999'));
  });

  it('a text with a YAML error is never saved, so its error is reported at every load', () => {
    const { dir } = copies.withEdit('data/lifecycle.yaml', (t) => `${t}\n  - : [unclosed\n`);
    const saved = new YamlValues();
    const first = problemsOf(() => loadKnowledgeBase(dir, { searchIndexFile: false, yamlValues: saved }));
    const again = problemsOf(() => loadKnowledgeBase(dir, { searchIndexFile: false, yamlValues: saved }));
    assert.ok(
      first.some((p) => p.message.startsWith('YAML error')),
      JSON.stringify(first),
    );
    assert.deepEqual(again, first);
  });

  it('the saved file round-trips; a file of another format or parser version, or not JSON, is ignored', () => {
    const out = mkdtempSync(join(tmpdir(), 'yaml-values-'));
    temps.push(out);
    const file = join(out, 'values.json');
    const values = new YamlValues();
    values.remember('a: 1', { a: 1 });
    values.write(file);
    assert.deepEqual(YamlValues.read(file).get('a: 1'), { a: 1 });
    assert.equal(YamlValues.read(file).get('a: 2'), undefined);
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { format: number; yaml: string };
    writeFileSync(file, JSON.stringify({ ...saved, yaml: '0.0.1' }));
    assert.equal(YamlValues.read(file).size, 0);
    writeFileSync(file, JSON.stringify({ ...saved, format: 999 }));
    assert.equal(YamlValues.read(file).size, 0);
    writeFileSync(file, '{ not json');
    assert.equal(YamlValues.read(file).size, 0);
    assert.equal(YamlValues.read(join(out, 'missing.json')).size, 0);
  });
});

/** The tables of a knowledge folder: its data/*.yaml files. */
function tablesIn(dir: string): number {
  return readdirSync(join(dir, 'data')).filter((f) => f.endsWith('.yaml')).length;
}
