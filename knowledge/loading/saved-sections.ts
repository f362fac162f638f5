import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { writeAtomically } from './write-atomically';
import { basename, dirname, join } from 'node:path';
import { defaultSearchIndexFile, hashCode } from '../search/search-index-cache';
import { bundledVersion } from './bundled-versions';
import type { ArticleSection } from './markdown-text';

/**
 * The sections of the article bodies as `npm run kb:build` split them with marked (Markdown lexed,
 * then turned into plain text per `##` section), keyed by a SHA-256 of each body, so a start skips
 * the Markdown parser for bodies that have not changed (issue 24: start-up under half a second).
 * Only the parsing is skipped: every article is still validated at each load (front matter, size
 * and nesting limits, a body with text). A file of another format, marked version or splitting code
 * is ignored whole, and so is one with any section that is not a heading and a text.
 *
 * File format: one JSON object `{ format, marked, code, sections: { <sha256>: [[heading, text], ...] } }`.
 */
export class SavedSections {
  private readonly sections = new Map<string, ArticleSection[]>();

  /** The saved sections in `file`, or none when it is missing, damaged or of another version. Never throws. */
  static read(file: string): SavedSections {
    const result = new SavedSections();
    let saved: { format?: unknown; marked?: unknown; code?: unknown; sections?: unknown };
    try {
      saved = JSON.parse(readFileSync(file, 'utf8')) as typeof saved;
    } catch {
      return result;
    }
    if (saved.format !== FORMAT || saved.marked !== markedVersion() || saved.code !== codeHash()) return result;
    if (typeof saved.sections !== 'object' || saved.sections === null) return result;
    const read = new Map<string, ArticleSection[]>();
    for (const [hash, list] of Object.entries(saved.sections)) {
      if (!Array.isArray(list) || !list.every((s) => Array.isArray(s) && s.length === 2 && typeof s[0] === 'string' && typeof s[1] === 'string')) return result;
      read.set(
        hash,
        (list as Array<[string, string]>).map(([heading, text]) => ({ heading, text })),
      );
    }
    for (const [hash, sections] of read) result.sections.set(hash, sections);
    return result;
  }

  get size(): number {
    return this.sections.size;
  }

  /** The sections saved for exactly this body, if any (a copy: the caller may keep it). */
  get(body: string): ArticleSection[] | undefined {
    return this.sections.get(hashOf(body))?.map((s) => ({ ...s }));
  }

  remember(body: string, sections: readonly ArticleSection[]): void {
    this.sections.set(
      hashOf(body),
      sections.map((s) => ({ ...s })),
    );
  }

  /** Writes the sections atomically (a starting bot never reads half a file). */
  write(file: string): { file: string; bytes: number } {
    const sections = Object.fromEntries([...this.sections].map(([hash, list]) => [hash, list.map((s) => [s.heading, s.text])]));
    const text = JSON.stringify({ format: FORMAT, marked: markedVersion(), code: codeHash(), sections });
    return writeAtomically(file, text);
  }
}

const FORMAT = 1;

/** `.cache/article-sections/<folder key>.json`, beside the prebuilt search index of the same folder. */
export function defaultSavedSectionsFile(knowledgeDir: string): string {
  const index = defaultSearchIndexFile(knowledgeDir);
  return join(dirname(dirname(index)), 'article-sections', basename(index));
}

function hashOf(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}

let code: string | undefined;

/** The splitting code (markdown-text.js): another version may split the same body differently. */
function codeHash(): string {
  if (code === undefined) {
    const hash = createHash('sha256');
    hashCode(hash, __dirname, ['markdown-text.js']);
    code = hash.digest('base64url');
  }
  return code;
}

let version: string | undefined;

/** The installed marked's version: another one may lex the same Markdown differently. */
function markedVersion(): string {
  version ??= bundledVersion('marked') ?? (JSON.parse(readFileSync(require.resolve('marked/package.json'), 'utf8')) as { version: string }).version;
  return version;
}
