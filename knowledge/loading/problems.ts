/**
 * A single thing wrong with the knowledge base, located as precisely as we can so that an author
 * can fix it without guessing: the file, the line, and the field.
 */
export interface KnowledgeProblem {
  /** Path of the file, relative to the knowledge directory when possible. */
  file: string;
  /** 1-based line number, when the problem can be tied to a line. */
  line?: number;
  /** Dotted path of the field inside the file or front matter, e.g. `sources.0.ref` or `rules[3].verdict`. */
  field?: string;
  /** What is wrong, in one sentence. */
  message: string;
}

/** Formats a problem the way compilers do (`file:line field: message`) so editors can jump to it. */
export function formatProblem(problem: KnowledgeProblem): string {
  const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
  const field = problem.field ? ` ${problem.field}:` : '';
  return `${where}${field} ${problem.message}`;
}

/**
 * Thrown when the knowledge base is invalid. It carries every problem found, not just the first,
 * because fixing content one error per run is slow.
 */
export class KnowledgeError extends Error {
  constructor(readonly problems: readonly KnowledgeProblem[]) {
    super(`The knowledge base is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` + problems.map((p) => `  ${formatProblem(p)}`).join('\n'));
    this.name = 'KnowledgeError';
  }
}
