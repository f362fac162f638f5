import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { bundledKnowledgeDir } from '../../knowledge';
import { draftArticle } from './draft-article';
import { readHtmlHelpPage } from './html-help-page';
import type { ImportedArticle } from './imported-article';
import { readVendorKbText } from './vendor-kb-text';

const USAGE = `Usage: npm run kb:import -- --out FOLDER [--knowledge DIR] FILE...

Turns vendor KB articles (plain-text export, .txt) and saved HTML help pages (.html, .htm) into draft
articles (FOLDER/<id>.md) ready for npm run kb:check, and reports what it could not map. Imported
articles without a KB number get the next free EXB id after those in FOLDER and DIR (default: the
bundled knowledge).`;

export interface ImportResult {
  file: string;
  written?: string;
  id?: string;
  notes: string[];
}

export class UsageError extends Error {}

/** `npm run kb:import`, callable from tests. Never overwrites an existing draft or article. */
export function runImport(argv: readonly string[], today: string = new Date().toISOString().slice(0, 10)): ImportResult[] {
  const { values, positionals } = parseArgs({ args: [...argv], options: { out: { type: 'string' }, knowledge: { type: 'string' } }, allowPositionals: true, strict: true });
  if (!values.out || positionals.length === 0) throw new UsageError(USAGE);
  const out = resolve(values.out);
  mkdirSync(out, { recursive: true });
  const taken = new Set([...articleIds(out), ...articleIds(join(values.knowledge ? resolve(values.knowledge) : bundledKnowledgeDir(), 'articles'))]);
  const results: ImportResult[] = [];
  for (const file of positionals) {
    let imported: ImportedArticle;
    try {
      imported = read(file);
    } catch (error) {
      results.push({ file, notes: [(error as Error).message] });
      continue;
    }
    let id = imported.id;
    if (id && taken.has(id)) {
      imported.unmapped.push(`${id} exists already: the draft gets a new EXB id`);
      id = undefined;
    }
    id ??= nextExbId(taken);
    taken.add(id);
    const { text, notes } = draftArticle(imported, id, today);
    const target = join(out, `${id}.md`);
    writeFileSync(target, text, { flag: 'wx' });
    results.push({ file, written: target, id, notes: [...imported.unmapped, ...notes] });
  }
  return results;
}

function read(file: string): ImportedArticle {
  const text = readFileSync(file, 'utf8');
  const extension = extname(file).toLowerCase();
  if (extension === '.html' || extension === '.htm') return readHtmlHelpPage(text, basename(file));
  if (extension === '.txt') return readVendorKbText(text, basename(file));
  throw new Error(`not a .txt KB article or an .html/.htm help page: ${basename(file)}`);
}

function articleIds(folder: string): string[] {
  return existsSync(folder)
    ? readdirSync(folder)
        .filter((n) => n.endsWith('.md'))
        .map((n) => n.slice(0, -3))
    : [];
}

function nextExbId(taken: ReadonlySet<string>): string {
  const highest = Math.max(
    0,
    ...[...taken]
      .map((id) => /^EXB-(\d{3})$/.exec(id)?.[1])
      .filter((n): n is string => n !== undefined)
      .map(Number),
  );
  if (highest >= 999) throw new Error('no EXB id left (EXB-999 is taken)');
  return `EXB-${String(highest + 1).padStart(3, '0')}`;
}

if (require.main === module) {
  try {
    for (const result of runImport(process.argv.slice(2))) {
      console.log(result.written ? `${result.file} → ${result.written}` : `${result.file}: not imported`);
      for (const note of result.notes) console.log(`  - ${note}`);
    }
    console.log('Check the drafts with: npm run kb:check <knowledge folder>');
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = error instanceof UsageError ? 2 : 1;
  }
}
