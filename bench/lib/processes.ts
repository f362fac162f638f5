import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

/** Child processes started by the benchmarks; {@link stopAll} kills whatever is still running. */
const children = new Set<ChildProcess>();

export interface StartedProcess {
  child: ChildProcess;
  /** Resolves with the URL the process printed (first capture group of `readyPattern`). */
  ready: Promise<string>;
  stdout: () => string;
  stderr: () => string;
  stop: () => Promise<void>;
}

/**
 * Starts `node <args>` as `npm start` does (no npm in between, so the process measured is the bot),
 * with only PATH and `env` in its environment, keeping its output for inspection.
 */
export function startNode(args: string[], env: Record<string, string>, readyPattern?: RegExp, timeoutMs = 60_000, cwd?: string): StartedProcess {
  const child = spawn(process.execPath, args, { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'], ...(cwd ? { cwd } : {}) });
  children.add(child);
  child.once('exit', () => children.delete(child));
  let out = '';
  let err = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => {
    // Keep the head of the log (start-up lines), drop the rest so a long run cannot grow it.
    if (err.length < 200_000) err += chunk.toString();
  });
  const ready = new Promise<string>((resolve, reject) => {
    if (!readyPattern) return resolve('');
    const timer = setTimeout(() => reject(new Error(`not ready after ${timeoutMs} ms: ${err.slice(-2000)}`)), timeoutMs);
    const check = () => {
      const match = readyPattern.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1] ?? '');
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before it was ready: ${err.slice(-2000)}`));
    });
  });
  ready.catch(() => undefined);
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill('SIGTERM');
    });
  return { child, ready, stdout: () => out, stderr: () => err, stop };
}

/** Kills every child process still running (on exit, error or Ctrl-C of the benchmark). */
export function stopAll(): void {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}
process.once('exit', stopAll);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    stopAll();
    process.exit(130);
  });
}

/** A free loopback port (bound then released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Runs `node <args>` to completion and returns its stdout (throws on a non-zero exit or after `timeoutMs`). */
export function runNode(args: string[], env: Record<string, string> = {}, timeoutMs = 300_000): Promise<string> {
  const started = startNode(args, env);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      started.child.kill('SIGKILL');
      reject(new Error(`node ${args.join(' ')} took more than ${timeoutMs} ms`));
    }, timeoutMs);
    started.child.once('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(started.stdout());
      else reject(new Error(`node ${args.join(' ')} exited with ${code}: ${started.stderr().slice(-3000)}`));
    });
  });
}
