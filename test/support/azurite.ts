import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const ACCOUNT = 'devstoreaccount1';
// Azurite's published development key (the same in every installation), not a secret.
const ACCOUNT_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
const MAIN = join(dirname(require.resolve('azurite/package.json')), 'dist', 'src', 'blob', 'main.js');
const START_TIMEOUT_MS = 20_000;
const STOP_TIMEOUT_MS = 10_000;

/**
 * A real Azurite blob service for the tests: its own process, loopback only, data in a temporary
 * folder, telemetry off (nothing leaves the machine). It can be stopped and started again on the same
 * port and folder to play a storage outage. Always {@link dispose} it in an `after` hook.
 */
export class Azurite {
  private child?: ChildProcess;
  private port = 0;
  private readonly location = mkdtempSync(join(tmpdir(), 'azurite-'));

  private constructor() {}

  /** Starts Azurite on a free port and resolves once it listens. */
  static async start(): Promise<Azurite> {
    const azurite = new Azurite();
    try {
      await azurite.restart();
    } catch (error) {
      await azurite.dispose();
      throw error;
    }
    return azurite;
  }

  get connectionString(): string {
    return `DefaultEndpointsProtocol=http;AccountName=${ACCOUNT};AccountKey=${ACCOUNT_KEY};BlobEndpoint=http://127.0.0.1:${this.port}/${ACCOUNT};`;
  }

  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Starts the service again (after {@link stop}) on the same port with the same data. */
  async restart(): Promise<void> {
    if (this.running) return;
    const child = spawn(
      process.execPath,
      [MAIN, '--blobHost', '127.0.0.1', '--blobPort', String(this.port), '--location', this.location, '--silent', '--skipApiVersionCheck', '--loose', '--disableTelemetry'],
      { env: { PATH: process.env.PATH ?? '' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    this.child = child;
    // Should the test run end without its after hooks (an uncaught error, process.exit), take Azurite with it.
    const killOnExit = () => child.kill('SIGKILL');
    process.once('exit', killOnExit);
    child.once('exit', () => process.off('exit', killOnExit));
    let output = '';
    this.port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`Azurite did not start within ${START_TIMEOUT_MS} ms: ${output}`)), START_TIMEOUT_MS);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const match = /successfully listens on http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(Number(match[1]));
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`Azurite exited with ${code} before listening: ${output}`));
      });
    });
  }

  /** Stops the service gracefully (it saves its metadata on SIGTERM) and waits for the process to end. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  }

  /** Stops the service and deletes its data folder. */
  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.location, { recursive: true, force: true });
  }
}
