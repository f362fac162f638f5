import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { writeAtomically } from './write-atomically';
import { bundledVersion } from './bundled-versions';

/**
 * The parsed values of a knowledge folder's YAML texts (the tables in `data/` and each article's
 * front matter), keyed by a SHA-256 of each text, so a start can skip the YAML parser for texts that
 * have not changed since `npm run kb:build` saved them. Only the parsing is skipped: every value is
 * still validated (schemas, references) at each load; the rules' coverage walk is reused only for
 * the very tables it walked (rules/outcome-table-cache.ts). Positions for
 * problem messages come from a real parse, made only when a problem must be reported.
 *
 * The YAML parser was about a third of the knowledge load at start (the rules and dimension tables
 * are 85 KB of YAML); reading the same values from JSON takes a few milliseconds.
 *
 * File format: one JSON object `{ format, yaml, values: { <sha256>: <value> } }`. A file of another
 * format or written with another version of the `yaml` package is ignored (every text is parsed).
 */
export class YamlValues {
  private readonly values = new Map<string, unknown>();
  /** How many times {@link get} found a saved value (for the start-up log). */
  hits = 0;
  /** How many times {@link get} found none (each such text is parsed). */
  misses = 0;

  /**
   * The saved values in `file`, or none when the file is missing, unreadable or of another format
   * or parser version. Never throws: without saved values every text is parsed, as before.
   */
  static read(file: string): YamlValues {
    const result = new YamlValues();
    let saved: { format?: unknown; yaml?: unknown; values?: unknown };
    try {
      saved = JSON.parse(readFileSync(file, 'utf8')) as typeof saved;
    } catch {
      return result;
    }
    if (saved.format !== FORMAT || saved.yaml !== yamlVersion() || !saved.values || typeof saved.values !== 'object') return result;
    for (const [hash, value] of Object.entries(saved.values)) result.values.set(hash, value);
    return result;
  }

  /** How many texts have a saved value. */
  get size(): number {
    return this.values.size;
  }

  /**
   * The value saved for exactly this text, if any. The same object is returned to every caller:
   * the loaders hand it to a schema, which builds new objects from it and never changes it.
   */
  get(text: string): unknown {
    const value = this.values.get(hashOf(text));
    if (value === undefined) this.misses += 1;
    else this.hits += 1;
    return value;
  }

  /** Remembers the value a text parsed to (only texts that parsed without errors or warnings). */
  remember(text: string, value: unknown): void {
    this.values.set(hashOf(text), value);
  }

  /** Writes the values atomically (a starting bot never reads half a file). */
  write(file: string): { file: string; bytes: number } {
    const text = JSON.stringify({ format: FORMAT, yaml: yamlVersion(), values: Object.fromEntries(this.values) });
    return writeAtomically(file, text);
  }
}

const FORMAT = 1;

function hashOf(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}

let version: string | undefined;

/** The installed `yaml` package's version: another parser version may read the same text differently. */
function yamlVersion(): string {
  version ??= bundledVersion('yaml') ?? (JSON.parse(readFileSync(require.resolve('yaml/package.json'), 'utf8')) as { version: string }).version;
  return version;
}
