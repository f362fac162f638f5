import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const LAUNCHER = join(__dirname, '..', '..', '..', 'tools', 'run-built.cjs');

/**
 * A project of its own in a temporary folder: the launcher, a tsconfig including `src/`, one source,
 * and (unless `withTypeScript` is false) a stand-in for TypeScript's tsc that counts its runs and
 * "compiles" by writing the entry, or fails when `src/broken` exists.
 */
function project(withTypeScript: boolean): { dir: string; compiles: () => number; launch: (...args: string[]) => Promise<{ stdout: string; stderr: string; code: number }> } {
  const dir = mkdtempSync(join(tmpdir(), 'run-built-'));
  mkdirSync(join(dir, 'tools'));
  copyFileSync(LAUNCHER, join(dir, 'tools', 'run-built.cjs'));
  writeFileSync(join(dir, 'package.json'), '{"name":"p","private":true}\n');
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ include: ['src/**/*.ts'], exclude: ['node_modules'] }));
  mkdirSync(join(dir, 'src'));
  writeFileSync(join(dir, 'src', 'main.ts'), 'export {};\n');
  if (withTypeScript) {
    mkdirSync(join(dir, 'node_modules', 'typescript', 'bin'), { recursive: true });
    writeFileSync(join(dir, 'node_modules', 'typescript', 'package.json'), '{"name":"typescript","version":"0.0.0"}\n');
    writeFileSync(
      join(dir, 'node_modules', 'typescript', 'bin', 'tsc'),
      [
        "const fs = require('node:fs'), path = require('node:path');",
        'const root = path.dirname(process.argv[3]);',
        "fs.appendFileSync(path.join(root, 'compiles.log'), 'x');",
        "if (fs.existsSync(path.join(root, 'src', 'broken'))) { console.error('error TS1005'); process.exit(2); }",
        "fs.mkdirSync(path.join(root, 'dist'), { recursive: true });",
        "fs.writeFileSync(path.join(root, 'dist', 'main.js'), \"console.log('main', require.main === module, process.argv.slice(2).join(' '));\");",
      ].join('\n'),
    );
  }
  const compiles = (): number => (existsSync(join(dir, 'compiles.log')) ? readFileSync(join(dir, 'compiles.log'), 'utf8').length : 0);
  const launch = async (...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> => {
    try {
      const { stdout, stderr } = await run(process.execPath, [join(dir, 'tools', 'run-built.cjs'), ...args], { cwd: dir });
      return { stdout, stderr, code: 0 };
    } catch (error) {
      const failed = error as { stdout: string; stderr: string; code: number };
      return { stdout: failed.stdout, stderr: failed.stderr, code: failed.code };
    }
  };
  return { dir, compiles, launch };
}

// tools/run-built.cjs runs every npm script's compiled entry: it compiles only when nothing is built
// or a source is newer than the last build, and never in a production install (no TypeScript).
describe('tools/run-built.cjs: compile only when needed, never without TypeScript', () => {
  const dirs: string[] = [];
  after(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('compiles when nothing is built, then runs the entry as the main module with its arguments', async () => {
    const { dir, compiles, launch } = project(true);
    dirs.push(dir);
    const { stdout, stderr, code } = await launch('dist/main.js', 'a', 'b');
    assert.equal(code, 0, stderr);
    assert.equal(compiles(), 1);
    assert.match(stderr, /Not built yet: compiling TypeScript/);
    assert.equal(stdout, 'main true a b\n');
  });

  it('runs at once while the build is newer than every source; compiles again after an edit, a new file or a deleted one', async () => {
    const { dir, compiles, launch } = project(true);
    dirs.push(dir);
    await launch('dist/main.js');
    assert.equal((await launch('dist/main.js')).stderr, '');
    assert.equal(compiles(), 1, 'nothing changed: no compile');

    const later = new Date(Date.now() + 5_000);
    utimesSync(join(dir, 'src', 'main.ts'), later, later);
    assert.match((await launch('dist/main.js')).stderr, /Sources changed since the last build/);
    assert.equal(compiles(), 2);

    const evenLater = new Date(Date.now() + 10_000);
    rmSync(join(dir, 'src', 'main.ts'));
    utimesSync(join(dir, 'src'), evenLater, evenLater);
    await launch('dist/main.js');
    assert.equal(compiles(), 3, 'a deleted source changes its folder');
  });

  it("--build always compiles; a failed compile exits with tsc's status and runs nothing", async () => {
    const { dir, compiles, launch } = project(true);
    dirs.push(dir);
    assert.equal((await launch('--build')).code, 0);
    assert.equal((await launch('--build')).code, 0);
    assert.equal(compiles(), 2);
    writeFileSync(join(dir, 'src', 'broken'), '');
    const failed = await launch('--build');
    assert.equal(failed.code, 2);
    assert.match(failed.stderr, /TS1005/);
  });

  it('a production install (no TypeScript) runs what is built, and says how to build when nothing is', async () => {
    const { dir, launch } = project(false);
    dirs.push(dir);
    const missing = await launch('dist/main.js');
    assert.equal(missing.code, 1);
    assert.match(
      missing.stderr,
      /^dist\/main\.js is not built, and this install has no TypeScript to build it \(npm ci --omit=dev leaves it out\)\. Build first with "npm ci && npm run build"/,
    );
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist', 'main.js'), "console.log('built');");
    const later = new Date(Date.now() + 5_000);
    utimesSync(join(dir, 'src', 'main.ts'), later, later);
    assert.deepEqual(await launch('dist/main.js'), { stdout: 'built\n', stderr: '', code: 0 });
    assert.match((await launch('--build')).stderr, /TypeScript is not installed/);
  });
});
