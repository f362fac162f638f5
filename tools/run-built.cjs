'use strict';
// Runs one compiled entry point of dist/ (npm start, npm run chat, kb:check, ...), compiling first
// only when it must. Plain JavaScript, because it runs before anything is compiled:
//
//   node tools/run-built.cjs dist/bot/index.js [args...]   compile if a source is newer than the last build, then run
//   node tools/run-built.cjs --build                       compile now (npm run build)
//
// tsc takes 12-16 s even with nothing to do, for a script that then works for under a second; a walk
// over the sources' modification times takes milliseconds. A production install (npm ci --omit=dev)
// has no TypeScript: there it never compiles, runs what is built, and says how to build when nothing is.
const { existsSync, mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } = require('node:fs');
const { join, resolve } = require('node:path');
const { spawnSync } = require('node:child_process');

const ROOT = resolve(__dirname, '..');
/** Written after each successful compile; its time is when that compile started. */
const STAMP = join(ROOT, 'dist', '.build-stamp');

/** The folders tsconfig.json compiles (the first segment of each `include`), minus its `exclude`. */
function sourceFolders() {
  const tsconfig = JSON.parse(readFileSync(join(ROOT, 'tsconfig.json'), 'utf8'));
  const folders = new Set(tsconfig.include.map((pattern) => pattern.split('/')[0]));
  return { folders: [...folders], excluded: new Set((tsconfig.exclude ?? []).map((path) => resolve(ROOT, path))) };
}

/**
 * The newest modification time among the TypeScript sources, their folders (a deleted or renamed
 * file changes its folder's time) and the files that change what tsc emits.
 */
function newestSourceTime() {
  const { folders, excluded } = sourceFolders();
  let newest = 0;
  const visit = (dir) => {
    if (excluded.has(dir)) return;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
      newest = Math.max(newest, statSync(dir).mtimeMs);
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  for (const folder of folders) visit(join(ROOT, folder));
  for (const file of ['tsconfig.json', 'package.json']) newest = Math.max(newest, statSync(join(ROOT, file)).mtimeMs);
  return newest;
}

function lastBuildTime() {
  try {
    return statSync(STAMP).mtimeMs;
  } catch {
    return -1;
  }
}

/** TypeScript's compiler, or undefined in a production install. */
function findTsc() {
  try {
    return require.resolve('typescript/bin/tsc', { paths: [ROOT] });
  } catch {
    return undefined;
  }
}

/** Compiles the whole project; exits with tsc's status when it fails. */
function compile(tsc, why) {
  const started = Date.now();
  if (why) process.stderr.write(`${why}: compiling TypeScript (tsc)...\n`);
  const result = spawnSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.json')], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  writeFileSync(STAMP, `${new Date(started).toISOString()}\n`);
  // Stamped with the start time: a file saved while tsc ran is newer, so the next run compiles again.
  utimesSync(STAMP, new Date(started), new Date(started));
}

function main() {
  const [flag, ...rest] = process.argv.slice(2);
  const tsc = findTsc();
  if (flag === '--build') {
    if (!tsc) fail('TypeScript is not installed: run "npm ci" (a production install, npm ci --omit=dev, leaves it out).');
    compile(tsc, undefined);
    return;
  }
  if (!flag) fail('usage: node tools/run-built.cjs <dist/entry.js> [args...] | --build');
  const entry = resolve(ROOT, flag);
  if (tsc) {
    const built = lastBuildTime();
    if (built < 0 || !existsSync(entry)) compile(tsc, 'Not built yet');
    else if (newestSourceTime() > built) compile(tsc, 'Sources changed since the last build');
  } else if (!existsSync(entry)) {
    fail(
      `${flag} is not built, and this install has no TypeScript to build it (npm ci --omit=dev leaves it out). ` +
        'Build first with "npm ci && npm run build", or deploy the bundled artifact of "npm run package" (README, "Deploying to Azure").',
    );
  }
  // Run the entry in this process, as `node <entry> [args]` would (require.main is the entry).
  process.argv = [process.argv[0], entry, ...rest];
  require('node:module').runMain();
}

function fail(message) {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

main();
