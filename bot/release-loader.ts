import { isAscii } from 'node:buffer';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import Module, { SourceMap } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { constants as vmConstants, Script } from 'node:vm';

/**
 * How the release's server.js loads bot.js (issue 24: start-up under half a second). Node's own
 * compile cache (module.enableCompileCache) keeps only the code V8 compiled before the file ran: in
 * a bundle that is the outer function alone, since every module's body is a function compiled
 * lazily on its first require. So each start compiled most of what it runs again: about 90 ms of
 * CPU on Node 22 and 165 ms on Node 20 (which has no compile cache at all). Here the bundle runs as
 * a vm.Script whose code cache is taken once the server is ready, and so holds every function the
 * start compiled; the next start on the same bundle and Node reads it back.
 *
 * The cache is a file in the system's temporary folder named after the bundle's size, times and
 * inode and the Node version and architecture: any new or rewritten bot.js (a deploy) or another
 * Node gets a file of its own. V8 checks each cache again before using it (its version, flags and
 * the source) and compiles afresh when it rejects one; a cache that cannot be read or written only
 * costs that compile. The folder is the user's own (mode 700; one another account could write into is
 * never used), and keeps the newest few caches (other releases on the same machine).
 *
 * A vm.Script is outside Node's `--enable-source-maps`, so stack traces are mapped here, through
 * bot.js.map, read on the first stack trace that needs it (not at every start).
 */
export interface LoadedBundle {
  /** What bot.js exports. */
  exports: Record<string, unknown>;
  /** Whether V8 took the saved code cache (false on a first start, a new bundle or another Node). */
  cacheUsed: boolean;
  /**
   * What became of the saved cache: `used`, `none` (no file for this bundle and Node: a first start), or
   * `rejected` (V8 refused the file: damaged, or made with other flags) and the bundle compiled afresh.
   */
  cacheStatus: 'used' | 'none' | 'rejected';
  /** The cache file of this bundle and Node. */
  cacheFile: string;
  /**
   * Saves the code cache with everything compiled so far, if the start did not use one: call once
   * the server is ready. Never throws (a read-only or full disk only costs the next start a compile).
   */
  saveCodeCache(): void;
}

/** Caches of other bundles or Node versions kept beside the current one (each is a few MB). */
const KEEP_CACHES = 4;
const CACHE_PREFIX = 'bot-';

/** The folder of the code caches: in the system's temporary folder, like Node's own compile cache. */
export function defaultCodeCacheDir(): string {
  return join(tmpdir(), 'exchange-support-bot-code-cache');
}

/** Runs `file` (a CommonJS bundle) as a module, with the code cache of an earlier start when there is one. */
export function loadBundle(file: string, cacheDir: string = defaultCodeCacheDir()): LoadedBundle {
  const path = resolve(file);
  const stat = statSync(path);
  const key = [stat.size, stat.mtimeMs, stat.ctimeMs, stat.ino, process.version, process.arch].join('-').replace(/[^\w.-]/g, '_');
  const cacheFile = join(cacheDir, `${CACHE_PREFIX}${key}.bin`);
  let cachedData: Buffer | undefined;
  try {
    if (privateFolder(cacheDir)) cachedData = readFileSync(cacheFile);
  } catch {
    // First start of this bundle on this Node: compiled as it runs, and saved once ready.
  }
  const script = new Script(Module.wrap(readSource(path)), {
    filename: path,
    ...(cachedData ? { cachedData } : {}),
    // import() inside the bundle resolves as it would in a file Node loaded itself.
    importModuleDynamically: vmConstants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const cacheUsed = cachedData !== undefined && !script.cachedDataRejected;
  const cacheStatus = cacheUsed ? 'used' : cachedData === undefined ? 'none' : 'rejected';
  if (process.sourceMapsEnabled) mapStackTraces(path, `${path}.map`);
  const module = new Module(path, require.main);
  module.filename = path;
  module.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(dirname(path));
  const run = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
  run.call(module.exports, module.exports, Module.createRequire(path), module, path, dirname(path));
  module.loaded = true;
  let saved = cacheUsed;
  return {
    exports: module.exports as Record<string, unknown>,
    cacheUsed,
    cacheStatus,
    cacheFile,
    saveCodeCache() {
      if (saved) return;
      saved = true;
      try {
        mkdirSync(cacheDir, { recursive: true, mode: 0o700 });
        if (!privateFolder(cacheDir)) return;
        const temporary = `${cacheFile}.${process.pid}.tmp`;
        writeFileSync(temporary, script.createCachedData());
        // Atomic: another instance starting now reads the old file or the new one, never half of one.
        renameSync(temporary, cacheFile);
        pruneCaches(cacheDir, basename(cacheFile));
      } catch {
        // Not writable (a read-only file system): the next start compiles again, as without a cache.
      }
    },
  };
}

/**
 * The bundle's text. `npm run package` writes bot.js in ASCII alone (tools/release/ascii-bundle.ts), which
 * reads as Latin-1 to the same string, without decoding UTF-8 (tens of milliseconds for 8 MB), and which V8
 * keeps one byte a character; any other file is read as UTF-8.
 */
function readSource(path: string): string {
  const bytes = readFileSync(path);
  return typeof isAscii === 'function' && isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
}

/**
 * Whether only this user can write into `dir`. A code cache is code the process runs: one planted by
 * another account (the folder is under the shared temporary folder) must never be read, so a folder
 * owned by someone else, or writable by the group or others, is neither read nor written.
 */
function privateFolder(dir: string): boolean {
  if (typeof process.getuid !== 'function') return true; // Windows: the temporary folder is the user's own.
  const stat = statSync(dir);
  return stat.isDirectory() && stat.uid === process.getuid() && (stat.mode & 0o022) === 0;
}

/** Keeps `current` and the newest {@link KEEP_CACHES} other caches of the folder. */
function pruneCaches(dir: string, current: string): void {
  const others = readdirSync(dir)
    .filter((name) => name.startsWith(CACHE_PREFIX) && name !== current)
    .map((name) => ({ name, time: statSync(join(dir, name)).mtimeMs }))
    .sort((a, b) => b.time - a.time);
  for (const { name } of others.slice(KEEP_CACHES)) rmSync(join(dir, name), { force: true });
}

/**
 * Stack frames in `file` point at the TypeScript (or the package's source) through `mapFile`, as
 * Node's --enable-source-maps shows them for files it loads itself; other frames are V8's own text.
 */
function mapStackTraces(file: string, mapFile: string): void {
  let map: SourceMap | null | undefined;
  const sourceMap = (): SourceMap | null => {
    if (map === undefined) {
      try {
        map = new SourceMap(JSON.parse(readFileSync(mapFile, 'utf8')) as ConstructorParameters<typeof SourceMap>[0]);
      } catch {
        map = null; // No map beside the bundle: positions in bot.js, as without source maps.
      }
    }
    return map;
  };
  // Module.wrap puts the wrapper's opening before the bundle's first line.
  const firstLineShift = Module.wrap('').indexOf('\n');
  const mapDir = dirname(mapFile);
  const frameText = (frame: NodeJS.CallSite): string => {
    const text = String(frame);
    const line = frame.getLineNumber();
    const column = frame.getColumnNumber();
    if (frame.getFileName() !== file || line === null || column === null) return text;
    const found = sourceMap()?.findEntry(line - 1, (line === 1 ? column - firstLineShift : column) - 1) as
      { originalSource?: string; originalLine?: number; originalColumn?: number } | undefined;
    if (!found?.originalSource || found.originalLine === undefined || found.originalColumn === undefined) return text;
    const mapped = `${resolve(mapDir, found.originalSource)}:${found.originalLine + 1}:${found.originalColumn + 1}`;
    const at = `${file}:${line}:${column}`;
    const i = text.lastIndexOf(at);
    return i < 0 ? text : `${text.slice(0, i)}${mapped}${text.slice(i + at.length)}`;
  };
  Error.prepareStackTrace = (error: Error, frames: NodeJS.CallSite[]) => {
    let header: string;
    try {
      header = Error.prototype.toString.call(error);
    } catch {
      header = '<error>';
    }
    return header + frames.map((frame) => `\n    at ${frameText(frame)}`).join('');
  };
}
