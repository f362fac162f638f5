import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The built bot, `dist/bot/index.js`, which `npm start` runs. */
export const ENTRY = join(__dirname, '..', '..', 'bot', 'index.js');

let emptyDir: string | undefined;

/**
 * An empty working directory for the bot processes of the tests: the bot reads `.env` from its
 * working directory, and a test must never read the developer's (an app id there would turn on
 * authentication and fail every test that chats). Removed when the test run exits.
 */
export function directoryWithoutDotEnv(): string {
  if (emptyDir === undefined) {
    const dir = mkdtempSync(join(tmpdir(), 'bot-cwd-'));
    emptyDir = dir;
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  }
  return emptyDir;
}

/**
 * Starts `node [nodeOptions] dist/bot/index.js` as `npm start` does, on a free port, in a folder
 * without `.env` (or `options.cwd`), and resolves once it says where it listens. `options.entry`
 * runs another build of the bot (the release/ artifact's server.js).
 */
export function startBot(
  env: Record<string, string>,
  nodeOptions: readonly string[] = [],
  options: { entry?: string; cwd?: string } = {},
): { child: ChildProcess; ready: Promise<string>; exited: Promise<{ code: number | null; stdout: string; stderr: string }> } {
  const child = spawn(process.execPath, ['--disable-warning=DEP0111', ...nodeOptions, options.entry ?? ENTRY], {
    cwd: options.cwd ?? directoryWithoutDotEnv(),
    env: { PATH: process.env.PATH ?? '', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const ready = new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /ready at (http:\/\/127\.0\.0\.1:\d+)\/api\/messages/.exec(stdout);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`bot exited with ${code} before it was ready: ${stderr}`)));
  });
  const exited = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
  ready.catch(() => undefined);
  return { child, ready, exited };
}
