import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { writeAtomically } from '../loading/write-atomically';
import { basename, dirname, join } from 'node:path';
import type { Dimension, Fact, RulesInput } from '../loading/schemas';
import { defaultSearchIndexFile, hashCode } from '../search/search-index-cache';
import type { OutcomeTable, RulesStatistics } from './support-rules';

/**
 * The rules' outcome table as `npm run kb:build` walked it: which rules decide each of the tens of
 * thousands of combinations of asked facts. The walk that builds it also proves the table has no gap
 * and no conflicting overlap, and was about half of a start's CPU time (issue 24: start-up under
 * half a second). kb:build refuses to save anything when the walk finds a problem, so a saved table
 * stands for a walk that passed over exactly these tables and this code.
 *
 * At load the table is used only when its hash equals the hash of what the walk reads now: the
 * parsed rules, dimensions and facts tables, the article ids and the code of the walk itself. Any
 * edit (a rule, a dimension, a fact's status, the walk's code) changes the hash, and the walk runs
 * again at that start with every check it makes. Everything else is still validated at each load.
 *
 * File format: one JSON object `{ format, hash, statistics, lists, keys, list }`: `lists` are the
 * distinct deciding-rule lists, `keys` the combination keys in ascending order as differences from
 * the previous key, `list[i]` the index in `lists` of the i-th key's rules.
 */

/** What the walk depends on, besides its code. */
export interface OutcomeInputs {
  rules: RulesInput;
  dimensions: readonly Dimension[];
  facts: readonly Fact[];
  articleIds: ReadonlySet<string>;
}

/** A saved outcome table that matched, or why none was used. */
export type SavedOutcomes = { outcomes: OutcomeTable; statistics: RulesStatistics } | { reason: string };

const FORMAT = 1;

// The walk's code: a change to any of it can change the outcomes of the same tables.
const WALK_CODE = ['support-rules.js', 'conditions.js', 'fact-space.js'];

/** `.cache/rule-outcomes/<folder key>.json`, beside the prebuilt search index of the same folder. */
export function defaultOutcomesFile(knowledgeDir: string): string {
  const index = defaultSearchIndexFile(knowledgeDir);
  return join(dirname(dirname(index)), 'rule-outcomes', basename(index));
}

/** SHA-256 over the walk's code and every input it reads. */
export function outcomesHash(inputs: OutcomeInputs): string {
  const hash = createHash('sha256');
  hash.update(`format ${FORMAT}\0`);
  hashCode(hash, __dirname, WALK_CODE);
  hash.update(JSON.stringify(inputs.rules));
  hash.update('\0');
  hash.update(JSON.stringify(inputs.dimensions));
  hash.update('\0');
  hash.update(JSON.stringify(inputs.facts));
  hash.update('\0');
  hash.update(JSON.stringify([...inputs.articleIds].sort()));
  return hash.digest('hex');
}

/** The saved table in `file` when it was walked from inputs with this `hash`; never throws. */
export function readOutcomes(file: string, hash: string): SavedOutcomes {
  let saved: { format?: unknown; hash?: unknown; statistics?: RulesStatistics; lists?: unknown; keys?: unknown; list?: unknown };
  try {
    saved = JSON.parse(readFileSync(file, 'utf8')) as typeof saved;
  } catch {
    return { reason: 'no saved outcome table' };
  }
  if (saved.format !== FORMAT) return { reason: 'saved outcome table has another format' };
  if (saved.hash !== hash) return { reason: 'saved outcome table is stale (rules, dimensions, facts or the walk changed)' };
  const { lists, keys, list, statistics } = saved;
  if (!Array.isArray(lists) || !Array.isArray(keys) || !Array.isArray(list) || keys.length !== list.length || !statistics) {
    return { reason: 'saved outcome table unreadable' };
  }
  const outcomes = new Map<number, readonly number[]>();
  let key = 0;
  for (let i = 0; i < keys.length; i += 1) {
    key += keys[i] as number;
    const rules = lists[list[i] as number] as readonly number[] | undefined;
    if (!Array.isArray(rules)) return { reason: 'saved outcome table unreadable' };
    outcomes.set(key, rules);
  }
  if (outcomes.size !== statistics.combinations || outcomes.size !== keys.length) return { reason: 'saved outcome table unreadable' };
  return { outcomes, statistics: { ...statistics, milliseconds: 0 } };
}

/** Writes the table atomically (a starting bot never reads half a file). */
export function writeOutcomes(file: string, hash: string, outcomes: OutcomeTable, statistics: RulesStatistics): { file: string; bytes: number } {
  const lists: (readonly number[])[] = [];
  const position = new Map<readonly number[], number>();
  const sorted = [...outcomes.keys()].sort((a, b) => a - b);
  const keys: number[] = [];
  const list: number[] = [];
  let previous = 0;
  for (const key of sorted) {
    const rules = outcomes.get(key)!;
    let at = position.get(rules);
    if (at === undefined) {
      at = lists.length;
      lists.push(rules);
      position.set(rules, at);
    }
    keys.push(key - previous);
    list.push(at);
    previous = key;
  }
  const text = JSON.stringify({ format: FORMAT, hash, statistics, lists, keys, list });
  return writeAtomically(file, text);
}
