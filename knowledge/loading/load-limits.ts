import { isMap, isPair, isSeq, type Document } from 'yaml';
import type { KnowledgeProblem } from './problems';

/**
 * Bounds on what a knowledge folder may hold. The folder is edited by people and watched by the
 * running bot, so a broken or hostile file must be refused quickly with its file and line, never
 * take the process down (issue 22: a YAML alias bomb, `>` × 6,000 or deeply nested emphasis made
 * the parsers recurse or run for seconds). Each bound is far above what the bundled knowledge uses
 * (largest article 8 KB, largest table 53 KB, 36 emphasis marks in one paragraph, no `>` at all).
 */
export const KNOWLEDGE_LIMITS = {
  /** Bytes of one article file. */
  articleBytes: 32 * 1024,
  /** Bytes of one table in `data/`. */
  tableBytes: 512 * 1024,
  /** Bytes of all articles together. */
  folderBytes: 8 * 1024 * 1024,
  /** Number of article files. */
  articles: 2_000,
  /** Aliases a YAML text may resolve (each can copy a whole structure: the "billion laughs"). */
  yamlAliases: 50,
  /** Nesting of YAML collections. */
  yamlDepth: 32,
  /** `>` markers in front of one Markdown line. */
  quoteDepth: 8,
  /** Columns of indentation of one Markdown line outside a fenced code block (nested lists). */
  indentColumns: 64,
  /**
   * `*` and `_` characters in one Markdown paragraph or table row: marked's inline lexer takes about
   * 0.1-0.3 s for 32 KB of emphasis nested 32 deep, and recurses out of stack on deeper nesting.
   */
  emphasisMarks: 64,
} as const;

/** Problems of one Markdown body's nesting; `firstLine` is the file line of the body's first line. */
export function markdownNestingProblems(file: string, body: string, firstLine: number): KnowledgeProblem[] {
  const problems: KnowledgeProblem[] = [];
  const lines = body.split('\n');
  let fence: string | undefined;
  let marks = 0;
  let paragraphStart = 0;
  for (let i = 0; i < lines.length && problems.length < 5; i += 1) {
    const line = lines[i]!;
    const fenceMark = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence !== undefined) {
      if (fenceMark && fenceMark[0] === fence[0] && fenceMark.length >= fence.length) fence = undefined;
      continue;
    }
    if (fenceMark) {
      fence = fenceMark;
      continue;
    }
    const prefix = /^[ \t>]*/.exec(line)![0];
    const quotes = prefix.split('>').length - 1;
    if (quotes > KNOWLEDGE_LIMITS.quoteDepth) {
      problems.push({ file, line: firstLine + i, message: `quotes nested ${quotes} deep (at most ${KNOWLEDGE_LIMITS.quoteDepth})` });
    }
    const indent = prefix.replace(/>/g, '').replace(/\t/g, '    ').length;
    if (indent > KNOWLEDGE_LIMITS.indentColumns) {
      problems.push({ file, line: firstLine + i, message: `indented ${indent} columns (at most ${KNOWLEDGE_LIMITS.indentColumns} outside a fenced code block)` });
    }
    if (line.trim() === '') {
      marks = 0;
      paragraphStart = i + 1;
      continue;
    }
    // A table row is a block of its own (emphasis never spans rows), so a long table of bold cells is fine.
    if (line.trimStart().startsWith('|')) marks = 0;
    for (let c = 0; c < line.length; c += 1) if (line[c] === '*' || line[c] === '_') marks += 1;
    if (marks > KNOWLEDGE_LIMITS.emphasisMarks) {
      problems.push({
        file,
        line: firstLine + paragraphStart,
        message: `a paragraph with more than ${KNOWLEDGE_LIMITS.emphasisMarks} "*" or "_" marks (emphasis nested too deep?)`,
      });
      marks = Number.NEGATIVE_INFINITY; // one problem per paragraph
    }
  }
  return problems;
}

/** The deepest nesting of collections in a parsed YAML document, walked without recursion. */
export function yamlDepth(document: Document): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[document.contents, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (isMap(node) || isSeq(node)) {
      deepest = Math.max(deepest, depth);
      if (depth > KNOWLEDGE_LIMITS.yamlDepth) break;
      for (const item of node.items) {
        if (isPair(item)) stack.push([item.key, depth + 1], [item.value, depth + 1]);
        else stack.push([item, depth + 1]);
      }
    }
  }
  return deepest;
}

/** An error thrown by a parser (a stack overflow, an alias count) as a problem of the file being read. */
export function parserFailure(file: string, error: unknown, line?: number): KnowledgeProblem {
  const message = error instanceof RangeError ? 'nested too deep to read' : `could not be read: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
  return { file, line, message };
}
