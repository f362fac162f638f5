import { createHash, type Hash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { writeAtomically } from '../loading/write-atomically';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { bundledVersion } from '../loading/bundled-versions';
import type { Article } from '../loading/articles';
import { KnowledgeSearch } from './search';
import type { SearchVocabulary } from './search-vocabulary';

/**
 * The prebuilt search index (`npm run kb:build`): the serialized MiniSearch index of a knowledge
 * folder, stamped with a hash of everything it was built from. At start the loader uses it when the
 * hash still matches and rebuilds the index otherwise. It never skips validation: the articles and
 * tables are always read and checked first; only the indexing is saved.
 *
 * File format: one JSON header line (`format`, `hash`, `articles`, `builtAt`), then the index JSON.
 */

/** How the loader got its search index, for the start-up log line. */
export interface SearchIndexStatus {
  source: 'prebuilt' | 'built';
  /** Why: "prebuilt index matches", "no prebuilt index", "stale: knowledge changed", ... */
  reason: string;
  /** The index file looked at, if any. */
  file?: string;
}

/** Where the loader looks for the index and how it reports what it did. */
export interface SearchIndexOptions {
  /** The index file; `false` never reads one (always build). Defaults to {@link defaultSearchIndexFile}. */
  searchIndexFile?: string | false;
  /** Told whether the prebuilt index was loaded, or why it was missing, stale or unreadable and the index built instead. */
  log?: (level: 'info' | 'warn', message: string, fields?: Record<string, unknown>) => void;
}

const FORMAT = 1;

// The code that turns articles into index terms: a change to any of it makes an old index wrong
// even when the knowledge files are the same.
const INDEXING_CODE = [
  'search.js',
  'search-vocabulary.js',
  '../reading/phrase-matcher.js',
  '../reading/text-tokens.js',
  'stem.js',
  'stop-words.js',
  '../loading/markdown-text.js',
  '../loading/articles.js',
];

/** `.cache/search-index/<folder key>.json` at the package root, one file per knowledge folder. */
export function defaultSearchIndexFile(knowledgeDir: string): string {
  return join(packageRoot(), '.cache', 'search-index', `${folderKey(knowledgeDir)}.json`);
}

function folderKey(knowledgeDir: string): string {
  // A folder inside the package is keyed by its path from the package root, so a built tree or the
  // release/ artifact keeps finding its prebuilt index wherever it is copied (App Service's wwwroot).
  const fromRoot = relative(packageRoot(), resolve(knowledgeDir));
  const key = fromRoot === '' || fromRoot.startsWith('..') || isAbsolute(fromRoot) ? resolve(knowledgeDir) : `package:${fromRoot.split(sep).join('/')}`;
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

/** `.cache/yaml-values/<folder key>.json`: the parsed YAML texts kb:build saves beside the index (see YamlValues). */
export function defaultYamlValuesFile(knowledgeDir: string): string {
  return join(dirname(dirname(defaultSearchIndexFile(knowledgeDir))), 'yaml-values', `${folderKey(knowledgeDir)}.json`);
}

/**
 * A hash of what the index is built from: every file in `articles/` and `data/` (names and bytes),
 * the indexing code and the MiniSearch version.
 */
export function knowledgeContentHash(knowledgeDir: string): string {
  const hash = createHash('sha256');
  hash.update(`format ${FORMAT}\0minisearch ${minisearchVersion()}\0`);
  hashCode(hash, __dirname, INDEXING_CODE);
  for (const folder of ['articles', 'data']) {
    let names: string[] = [];
    try {
      names = readdirSync(join(knowledgeDir, folder)).sort();
    } catch {
      // A missing folder is reported by validation; it hashes as empty.
    }
    for (const name of names) {
      hash.update(`${folder}/${name}\0`);
      hash.update(readFileSync(join(knowledgeDir, folder, name)));
      hash.update('\0');
    }
  }
  return hash.digest('hex');
}

/**
 * The search over validated articles: loaded from the prebuilt index when its hash matches,
 * built otherwise (and the log says why).
 */
export function openSearch(
  knowledgeDir: string,
  articles: readonly Article[],
  vocabulary: SearchVocabulary,
  options: SearchIndexOptions = {},
): { search: KnowledgeSearch; status: SearchIndexStatus } {
  const file = options.searchIndexFile ?? defaultSearchIndexFile(knowledgeDir);
  const build = (reason: string, level: 'info' | 'warn' = 'info'): { search: KnowledgeSearch; status: SearchIndexStatus } => {
    const status: SearchIndexStatus = { source: 'built', reason, ...(file === false ? {} : { file }) };
    if (file !== false) options.log?.(level, `search index: ${reason}; building it at start (npm run kb:build prebuilds it)`, { file });
    return { search: new KnowledgeSearch(articles, vocabulary), status };
  };
  if (file === false) return build('prebuilt index disabled');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return build('no prebuilt index');
  }
  const newline = text.indexOf('\n');
  let header: { format?: unknown; hash?: unknown };
  try {
    header = JSON.parse(text.slice(0, newline)) as typeof header;
  } catch {
    return build('prebuilt index unreadable', 'warn');
  }
  if (header.format !== FORMAT) return build('prebuilt index has another format', 'warn');
  if (header.hash !== knowledgeContentHash(knowledgeDir)) return build('prebuilt index is stale (knowledge or search code changed)', 'warn');
  try {
    const search = new KnowledgeSearch(articles, vocabulary, undefined, text.slice(newline + 1));
    options.log?.('info', 'search index: prebuilt index matches the knowledge files; loaded', { file });
    return { search, status: { source: 'prebuilt', reason: 'prebuilt index matches', file } };
  } catch (error) {
    return build(`prebuilt index unusable (${(error as Error).message})`, 'warn');
  }
}

/**
 * Writes the prebuilt index of a knowledge folder, atomically (a starting bot never reads half a
 * file). Pass the {@link knowledgeContentHash} taken before the articles were read, so that an edit
 * made meanwhile leaves the file stale rather than wrongly current.
 */
export function writeSearchIndex(
  knowledgeDir: string,
  indexJson: string,
  info: { hash: string; articles: number },
  file: string = defaultSearchIndexFile(knowledgeDir),
): { file: string; bytes: number } {
  const header = { format: FORMAT, hash: info.hash, articles: info.articles, builtAt: new Date().toISOString(), knowledgeDir: resolve(knowledgeDir) };
  const text = `${JSON.stringify(header)}\n${indexJson}`;
  return writeAtomically(file, text);
}

/**
 * Adds the compiled code files `names` (relative to `dir`) to `hash`, so a saved result is stale once
 * the code that made it changes. In the bundled release the files are inside the bundle and hash as
 * "missing" alike when the result is saved (kb-build.js) and when it is read (bot.js) from one build.
 */
export function hashCode(hash: Hash, dir: string, names: readonly string[]): void {
  for (const name of names) {
    hash.update(`code ${name}\0`);
    try {
      hash.update(readFileSync(join(dir, name)));
    } catch {
      hash.update('missing');
    }
    hash.update('\0');
  }
}

function packageRoot(): string {
  return findUp(__dirname, (dir) => existsSync(join(dir, 'package.json'))) ?? process.cwd();
}

function minisearchVersion(): string {
  const bundled = bundledVersion('minisearch');
  if (bundled !== undefined) return bundled;
  // The package does not export its package.json; find it above its entry point.
  const dir = findUp(dirname(require.resolve('minisearch')), (d) => existsSync(join(d, 'package.json')));
  return dir ? (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version : 'unknown';
}

function findUp(start: string, found: (dir: string) => boolean): string | undefined {
  for (let dir = start; ; dir = dirname(dir)) {
    if (found(dir)) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}
