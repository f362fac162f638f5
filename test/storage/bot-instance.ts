import { spawn, type ChildProcess } from 'node:child_process';
import { tmpdir } from 'node:os';
import { HOST_ENTRIES, type HostName } from '../support/hosts';
const START_TIMEOUT_MS = 20_000;

/** One JSON log line of a bot process (see bot/log.ts). */
export interface LogLine {
  level: string;
  message: string;
  [field: string]: unknown;
}

/**
 * A bot process as `npm start` runs it (`node dist/bot/index.js`) on a free loopback port, like one
 * App Service instance. Its stderr log lines are kept for assertions.
 */
export class BotInstance {
  private constructor(
    readonly child: ChildProcess,
    readonly url: string,
    private readonly stderr: { text: string },
  ) {}

  /** Starts a process of `host` (`npm start` by default) with `env` (plus PATH and PORT=0) and resolves once it says where it listens. */
  static async start(env: Record<string, string>, host: HostName = 'botbuilder'): Promise<BotInstance> {
    const child = spawn(process.execPath, ['--disable-warning=DEP0111', HOST_ENTRIES[host]], {
      // Outside the repository, so a developer's .env cannot change what the test runs.
      cwd: tmpdir(),
      env: { PATH: process.env.PATH ?? '', PORT: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Should the test run end without its after hooks, take the bot with it.
    const killOnExit = () => child.kill('SIGKILL');
    process.once('exit', killOnExit);
    child.once('exit', () => process.off('exit', killOnExit));
    const stderr = { text: '' };
    child.stderr!.on('data', (chunk: Buffer) => (stderr.text += chunk.toString()));
    let stdout = '';
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`bot did not start within ${START_TIMEOUT_MS} ms: ${stderr.text}`)), START_TIMEOUT_MS);
        child.stdout!.on('data', (chunk: Buffer) => {
          stdout += chunk.toString();
          const match = /ready at (http:\/\/127\.0\.0\.1:\d+)\/api\/messages/.exec(stdout);
          if (match) {
            clearTimeout(timer);
            resolve(match[1]!);
          }
        });
        child.once('exit', (code) => {
          clearTimeout(timer);
          reject(new Error(`bot exited with ${code} before it was ready: ${stderr.text}`));
        });
      });
      return new BotInstance(child, url, stderr);
    } catch (error) {
      child.kill('SIGKILL');
      throw error;
    }
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** The JSON log lines written so far. */
  logLines(): LogLine[] {
    return this.stderr.text
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as LogLine);
  }

  /** Ends the process with `signal` (SIGKILL: a crash, no clean shutdown) and waits until it is gone. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    if (!this.alive) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.kill(signal);
    await exited;
  }
}
