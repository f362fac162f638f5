/**
 * Loaded with `node --require` before the bot: makes every package that only a development install
 * has (`"dev": true` in package-lock.json, i.e. left out by `npm ci --omit=dev`) impossible to
 * require, as if it were not installed, and appends each refusal to the file named by
 * REFUSED_DEV_PACKAGES_LOG. Faster than a real production install, and it reads the same lock file
 * `npm ci` does.
 */
import { appendFileSync, readFileSync } from 'node:fs';
import Module from 'node:module';
import { join, relative, sep } from 'node:path';

const REPO_ROOT = join(__dirname, '..', '..', '..');
const lock = JSON.parse(readFileSync(join(REPO_ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };

/** The lock key of the installed package a file belongs to, e.g. `node_modules/a/node_modules/@s/b`. */
export function packageKey(file: string): string | undefined {
  const parts = relative(REPO_ROOT, file).split(sep);
  // From the first node_modules: a git worktree's node_modules is a symlink, so its files resolve
  // outside the repository (`../../main/node_modules/jszip/...`).
  const first = parts.indexOf('node_modules');
  const last = parts.lastIndexOf('node_modules');
  if (last < 0 || last + 1 >= parts.length) return undefined;
  const nameLength = parts[last + 1]!.startsWith('@') ? 2 : 1;
  return parts.slice(first, last + 1 + nameLength).join('/');
}

const log = process.env.REFUSED_DEV_PACKAGES_LOG;
const moduleInternals = Module as unknown as { _resolveFilename(request: string, parent: unknown, ...rest: unknown[]): string };
const resolve = moduleInternals._resolveFilename.bind(Module);
moduleInternals._resolveFilename = (request, parent, ...rest) => {
  const file = resolve(request, parent, ...rest);
  const key = packageKey(file);
  if (key !== undefined && lock.packages[key]?.dev === true) {
    if (log) appendFileSync(log, `${key}\n`);
    const error = new Error(`Cannot find module '${request}': ${key} is a dev dependency, absent from a production install`) as Error & { code: string };
    error.code = 'MODULE_NOT_FOUND';
    throw error;
  }
  return file;
};
