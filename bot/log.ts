import { format } from 'node:util';

/**
 * Structured log lines (one JSON object per line) on stderr, so they can be shipped as they are.
 * Callers pass identifiers and sizes (conversation id, activity type, text length), never user text
 * or secrets: a log is read by more people than the conversation was meant for.
 */
export type LogLevel = 'info' | 'warn' | 'error';

export type Logger = (level: LogLevel, message: string, fields?: Record<string, unknown>) => void;

export const jsonLogger: Logger = (level, message, fields = {}) => {
  process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level, message, ...capFields(fields) })}\n`);
};

// Ids come from requests and can be as long as a body (a 240 KB conversation id wrote 92 MB of log
// over 400 questions); other strings (error messages, stacks) are capped more loosely.
const MAX_LOGGED_ID = 200;
const MAX_LOGGED_STRING = 4000;

/** The fields with every string cut to its cap: 200 characters for ids (`…Id`), 4,000 for others. */
export function capFields(fields: Record<string, unknown>): Record<string, unknown> {
  const capped: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(fields)) {
    const max = name.endsWith('Id') ? MAX_LOGGED_ID : MAX_LOGGED_STRING;
    capped[name] = typeof value === 'string' && value.length > max ? `${value.slice(0, max)}… (${value.length} characters)` : value;
  }
  return capped;
}

/** Resolves once everything written to stderr so far has been handed to the operating system. */
export function flushLog(): Promise<void> {
  return new Promise((resolve) => process.stderr.write('', () => resolve()));
}

/** Longest library message kept in a log line; stacks of library errors can run to pages. */
const MAX_CONSOLE_MESSAGE = 2000;

/**
 * Sends what libraries print with `console.error` / `console.warn` (botbuilder reports rejected
 * tokens that way) through `logger` at `warn`, so every line the process writes to stderr is JSON.
 * Returns a function that puts the console back.
 */
export function routeConsoleToLog(logger: Logger): () => void {
  const { error, warn } = console;
  const toLog = (...args: unknown[]) => logger('warn', 'console output', { detail: format(...args).slice(0, MAX_CONSOLE_MESSAGE) });
  console.error = toLog;
  console.warn = toLog;
  return () => {
    console.error = error;
    console.warn = warn;
  };
}

/** A logger that keeps lines in memory, for tests that assert on what was logged. */
export function memoryLogger(): Logger & { lines: Array<{ level: LogLevel; message: string; fields: Record<string, unknown> }> } {
  const lines: Array<{ level: LogLevel; message: string; fields: Record<string, unknown> }> = [];
  const logger = ((level, message, fields = {}) => void lines.push({ level, message, fields })) as Logger & { lines: typeof lines };
  logger.lines = lines;
  return logger;
}
