import { flushLog, type Logger } from './log';
import type { RunningServer } from './server';

/** What {@link closeOnSignals} needs; `exit` is `process.exit` unless a test replaces it. */
export interface ShutdownOptions {
  /** How long turns in flight may take to finish. */
  timeoutMs: number;
  log: Logger;
  exit?: (code: number) => void;
  signals?: readonly NodeJS.Signals[];
}

/**
 * Shuts the server down gracefully on SIGTERM (App Service, containers) and SIGINT (Ctrl+C): stop
 * accepting, let turns in flight finish for up to `timeoutMs`, flush the log, exit 0. Turns still
 * running at the timeout are cut off and the exit code is 1, so the cut is visible. A second signal
 * while waiting exits at once (1): someone pressing Ctrl+C twice means it.
 */
export function closeOnSignals(server: Pick<RunningServer, 'close'>, options: ShutdownOptions): void {
  const { log, timeoutMs } = options;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      log('warn', 'shutdown: second signal, exiting without waiting', { signal });
      void flushLog().then(() => exit(1));
      return;
    }
    stopping = true;
    log('info', 'shutdown: signal received, finishing turns in flight', { signal, timeoutMs });
    void server
      .close({ timeoutMs })
      .then(({ finished, abandoned }) => {
        if (finished) log('info', 'shutdown: complete');
        else log('error', 'shutdown: turns still running at the timeout were cut off', { abandoned, timeoutMs });
        return finished ? 0 : 1;
      })
      .catch((error: unknown) => {
        log('error', 'shutdown: closing the server failed', { error: error instanceof Error ? error.message : String(error) });
        return 1;
      })
      .then(async (code) => {
        await flushLog();
        exit(code);
      });
  };
  for (const signal of options.signals ?? ['SIGTERM', 'SIGINT']) process.on(signal, onSignal);
}
