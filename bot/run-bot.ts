import { existsSync } from 'node:fs';
import { KnowledgeError, loadKnowledgeBase } from '../knowledge';
import { isLocalMode, readConfig } from './config';
import { jsonLogger, routeConsoleToLog } from './log';
import { readyLine } from './ready-line';
import { startServer, type HostName } from './server';
import { closeOnSignals } from './shutdown';
import { createRecordStore } from './records/create-record-store';
import { createStorage } from './storage/create-storage';
import { describeStorage, storageWarning } from './storage/storage-config';

/**
 * `npm start` (botbuilder) and `npm run start:agents` (the Microsoft 365 Agents SDK): the bot on its
 * built-in defaults (port 3978, in-memory state, bundled knowledge) or on what the environment sets
 * (see .env.example). Both hosts read the same settings; `checkSettings` refuses, with one line,
 * what one host would read differently.
 */
export async function runBot(host: HostName, checkSettings: (env: NodeJS.ProcessEnv) => void = () => undefined): Promise<void> {
  // Settings may come from a .env file beside package.json (see .env.example); real environment variables win.
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = readConfig();
  checkSettings(process.env);
  let knowledge;
  try {
    // Validates everything, then loads the prebuilt search index (npm run kb:build) or builds it, and logs which.
    knowledge = loadKnowledgeBase(config.knowledgeDir, { log: jsonLogger });
  } catch (error) {
    if (error instanceof KnowledgeError) {
      // Same message as `npm run kb:check`: refuse to serve answers from invalid knowledge.
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  // Memory unless STORAGE=blob: then every instance shares state, and a restart loses nothing.
  const storage = createStorage(config.storage);
  jsonLogger('info', 'state storage', describeStorage(config.storage));
  const warning = storageWarning(config.storage, config.microsoftAppId);
  if (warning) jsonLogger('warn', `WARNING: ${warning}`, describeStorage(config.storage));
  // From here on every stderr line is JSON, including what botbuilder prints about rejected tokens.
  routeConsoleToLog(jsonLogger);
  const running = await startServer({ config, knowledge, storage, records: createRecordStore(config.storage), recordSalt: config.recordSalt, log: jsonLogger, host });
  console.log(readyLine(running, isLocalMode(config)));
  closeOnSignals(running, { timeoutMs: config.shutdownTimeoutMs, log: jsonLogger });
}

/**
 * Runs the bot for `npm start` / `npm run start:agents`: any error at start is one line on stderr and
 * exit 1. Resolves once the server is ready (the release's server.js then saves its code cache).
 */
export function runBotMain(host: HostName, checkSettings?: (env: NodeJS.ProcessEnv) => void): Promise<void> {
  return runBot(host, checkSettings).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
