import { watch, type FSWatcher } from 'node:fs';
import { KnowledgeError, loadKnowledgeBaseInSlices, type KnowledgeHolder, type KnowledgeProblem } from '../knowledge';
import type { Logger } from './log';

export type ReloadResult = { ok: true; articles: number; rules: number } | { ok: false; problems: readonly KnowledgeProblem[] };

/**
 * Loads the knowledge folder again, validating all of it, and swaps it in only if it is valid.
 * On any problem the bot keeps serving what it had, and each problem is logged with its file, line
 * and field (as `npm run kb:check` prints them).
 */
export function reloadKnowledge(holder: KnowledgeHolder, dir: string, log: Logger): Promise<ReloadResult> {
  // One reload at a time: a save during a reload runs once more after it, never in parallel.
  const previous = reloads.get(holder) ?? Promise.resolve();
  const next = previous.then(() => reloadNow(holder, dir, log));
  reloads.set(holder, next);
  return next;
}

const reloads = new WeakMap<KnowledgeHolder, Promise<ReloadResult>>();

async function reloadNow(holder: KnowledgeHolder, dir: string, log: Logger): Promise<ReloadResult> {
  try {
    const kb = await loadKnowledgeBaseInSlices(dir, { log });
    holder.swap(kb);
    log('info', 'knowledge reloaded', { articles: kb.articles.length, rules: kb.rules.length });
    return { ok: true, articles: kb.articles.length, rules: kb.rules.length };
  } catch (caught) {
    // Nothing a file holds may end the process (issue 22): anything thrown is a refused reload.
    const error = caught instanceof KnowledgeError ? caught : new KnowledgeError([{ file: dir, message: `could not be loaded: ${(caught as Error)?.message ?? String(caught)}` }]);
    for (const problem of error.problems.slice(0, MAX_LOGGED_PROBLEMS)) {
      log('error', 'knowledge reload refused: problem', { file: problem.file, line: problem.line, field: problem.field, problem: problem.message });
    }
    log('warn', 'knowledge reload refused: still serving the previous knowledge', { problems: error.problems.length });
    return { ok: false, problems: error.problems };
  }
}

/** A broken folder can have thousands of problems; the log gets the first ones and the count. */
const MAX_LOGGED_PROBLEMS = 20;

/** Editors save in bursts (temp file, rename, metadata): one reload after the burst settles. */
const SETTLE_MS = 300;

/**
 * Reloads when a file under `dir` changes. Returns a function that stops watching. Each instance
 * watches its own copy of the folder (see README, "Keeping the knowledge").
 */
export function watchKnowledge(holder: KnowledgeHolder, dir: string, log: Logger, settleMs = SETTLE_MS): () => void {
  let timer: NodeJS.Timeout | undefined;
  let watcher: FSWatcher;
  try {
    watcher = watch(dir, { recursive: true }, () => {
      clearTimeout(timer);
      timer = setTimeout(() => void reloadKnowledge(holder, dir, log), settleMs);
    });
  } catch (error) {
    log('warn', 'knowledge folder not watched', { dir, error: (error as Error).message });
    return () => undefined;
  }
  watcher.on('error', (error) => log('warn', 'knowledge watch failed', { error: error.message }));
  log('info', 'watching the knowledge folder for changes', { dir });
  return () => {
    clearTimeout(timer);
    watcher.close();
  };
}
