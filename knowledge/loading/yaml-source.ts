import { isMap, isNode, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { KNOWLEDGE_LIMITS, parserFailure, yamlDepth } from './load-limits';
import type { KnowledgeProblem } from './problems';
import type { YamlValues } from './yaml-values';

/** A parsed YAML text that can still tell which line a value came from. */
export interface YamlSource {
  file: string;
  /** The text's value as plain data (maps as objects, sequences as arrays). */
  value: unknown;
  /** Turns a path inside the document into a 1-based line of the original file. */
  lineOf(path: readonly PropertyKey[]): number | undefined;
}

/**
 * Parses YAML, keeping positions. `lineOffset` shifts line numbers for YAML embedded in a larger
 * file (front matter starts on line 2 of an article).
 *
 * With `saved` values (see {@link YamlValues}) a text saved there is not parsed: its value is taken
 * as saved, and the text is parsed for positions only if `lineOf` is asked (when a problem is
 * reported). A text that is parsed, and parses cleanly, is remembered in `saved`.
 *
 * @example
 * const source = parseYamlSource('rules.yaml', text);
 * source.lineOf([0, 'verdict']); // the line of the first rule's verdict
 */
export function parseYamlSource(file: string, text: string, lineOffset = 0, saved?: YamlValues): { source: YamlSource; problems: KnowledgeProblem[] } {
  const known = saved?.get(text);
  if (known !== undefined) {
    let positions: ((path: readonly PropertyKey[]) => number | undefined) | undefined;
    const lineOf = (path: readonly PropertyKey[]) => (positions ??= withPositions(file, text, lineOffset).lineOf)(path);
    return { source: { file, value: known, lineOf }, problems: [] };
  }
  let parsed: ReturnType<typeof withPositions>;
  let value: unknown;
  try {
    parsed = withPositions(file, text, lineOffset);
    const depth = parsed.problems.length === 0 ? yamlDepth(parsed.document) : 0;
    if (depth > KNOWLEDGE_LIMITS.yamlDepth) {
      parsed.problems.push({ file, line: lineOffset + 1, message: `YAML nested more than ${KNOWLEDGE_LIMITS.yamlDepth} levels deep` });
    }
    // A document with errors is not turned into data: its problems are reported and nothing is validated.
    // The alias count bounds the "billion laughs": each alias can copy a whole structure.
    value = parsed.problems.length === 0 ? (parsed.document.toJS({ maxAliasCount: KNOWLEDGE_LIMITS.yamlAliases }) as unknown) : undefined;
  } catch (error) {
    const problem = parserFailure(file, error, lineOffset + 1);
    if (error instanceof ReferenceError && /alias/i.test(error.message)) problem.message = `YAML uses aliases more than ${KNOWLEDGE_LIMITS.yamlAliases} times`;
    return { source: { file, value: undefined, lineOf: () => undefined }, problems: [problem] };
  }
  if (value !== undefined) saved?.remember(text, value);
  return { source: { file, value, lineOf: parsed.lineOf }, problems: parsed.problems };
}

function withPositions(file: string, text: string, lineOffset: number) {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number) => lineCounter.linePos(offset).line + lineOffset;
  const problems: KnowledgeProblem[] = [...document.errors, ...document.warnings].map((error) => ({
    file,
    line: lineAt(error.pos[0]),
    message: `YAML ${error.name === 'YAMLWarning' ? 'warning' : 'error'}: ${error.message.split('\n')[0]}`,
  }));
  const lineOf = (path: readonly PropertyKey[]) => {
    // Walk up the path until a node exists: a missing field is reported at its parent. A map entry
    // is reported at its key, because the value of "sources:" may start on the next line.
    for (let depth = path.length; depth > 0; depth -= 1) {
      const parentPath = path.slice(0, depth - 1) as unknown[];
      const parent = parentPath.length === 0 ? document.contents : document.getIn(parentPath, true);
      const key = path[depth - 1];
      if (isMap(parent)) {
        const pair = parent.items.find((item) => (isScalar(item.key) ? item.key.value : item.key) === key);
        const node = pair && (isNode(pair.key) ? pair.key : pair.value);
        if (isNode(node) && node.range) return lineAt(node.range[0]);
      } else if (isSeq(parent) && typeof key === 'number') {
        const node = parent.items[key];
        if (isNode(node) && node.range) return lineAt(node.range[0]);
      }
    }
    const root = document.contents;
    return isNode(root) && root.range ? lineAt(root.range[0]) : undefined;
  };
  return { document, lineOf, problems };
}

/**
 * Validates a parsed YAML value with a zod schema and reports each issue with file, line and field.
 * Returns the typed value only when there were no issues.
 */
export function validateYaml<T>(source: YamlSource, schema: z.ZodType<T>, fieldPrefix = ''): { value?: T; problems: KnowledgeProblem[] } {
  // Without zod's compiled fast path (jitless): each table is validated once per load, and the fast path is a
  // `new Function` per object schema that V8 compiles afresh at every start (no code cache holds eval'd code),
  // then runs once; the interpreted path reports the same issues (issue 24: start-up under half a second).
  const result = schema.safeParse(source.value, { jitless: true });
  if (result.success) return { value: result.data, problems: [] };
  const problems = result.error.issues.map((issue) => {
    const path = issue.path as PropertyKey[];
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
    // An unknown key is named in the field itself (`sources.0.titel`), not only in the message.
    const field = [fieldPrefix, [...path, ...keys.slice(0, 1)].map(String).join('.')].filter(Boolean).join('.');
    return {
      file: source.file,
      line: source.lineOf(keys.length ? [...path, keys[0]!] : path),
      field: field || undefined,
      message: issue.code === 'unrecognized_keys' ? `unknown field${keys.length > 1 ? 's' : ''} ${keys.map((k) => `"${k}"`).join(', ')}` : issue.message,
    } satisfies KnowledgeProblem;
  });
  return { problems };
}
