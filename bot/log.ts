/**
 * Structured log lines (one JSON object per line) on stderr, so they can be shipped as they are.
 * Callers pass identifiers, never user text or secrets.
 */
export type LogLevel = 'info' | 'warn' | 'error';

export type Logger = (level: LogLevel, message: string, fields?: Record<string, unknown>) => void;

export const jsonLogger: Logger = (level, message, fields = {}) => {
  process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level, message, ...fields })}\n`);
};

/** A logger that keeps lines in memory, for tests that assert on what was logged. */
export function memoryLogger(): Logger & { lines: Array<{ level: LogLevel; message: string; fields: Record<string, unknown> }> } {
  const lines: Array<{ level: LogLevel; message: string; fields: Record<string, unknown> }> = [];
  const logger = ((level, message, fields = {}) => void lines.push({ level, message, fields })) as Logger & { lines: typeof lines };
  logger.lines = lines;
  return logger;
}
