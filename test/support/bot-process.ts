import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/** The built bot, `dist/bot/index.js`, which `npm start` runs. */
export const ENTRY = join(__dirname, '..', '..', 'bot', 'index.js');

/** Starts `node [nodeOptions] dist/bot/index.js` as `npm start` does, on a free port, and resolves once it says where it listens. */
export function startBot(
  env: Record<string, string>,
  nodeOptions: readonly string[] = [],
): { child: ChildProcess; ready: Promise<string>; exited: Promise<{ code: number | null; stderr: string }> } {
  const child = spawn(process.execPath, ['--disable-warning=DEP0111', ...nodeOptions, ENTRY], {
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
  const exited = new Promise<{ code: number | null; stderr: string }>((resolve) => child.once('exit', (code) => resolve({ code, stderr })));
  ready.catch(() => undefined);
  return { child, ready, exited };
}
