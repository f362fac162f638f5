import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { writeAtomically } from '../loading/write-atomically';
import { basename, dirname, join } from 'node:path';
import type { Dimension } from '../loading/schemas';
import { defaultSearchIndexFile, hashCode } from '../search/search-index-cache';
import type { Mention, PhraseTables } from './fact-recognizer';
import type { PhraseEntry } from './phrase-matcher';
import type { Token } from './text-tokens';

/**
 * The fact recognizer's phrase tables as `npm run kb:build` built them: every phrase of the
 * dimensions table (names, acronyms, answers and their compositions: "Windows 2003 Enterprise"),
 * merged and split into words. Building them was about a tenth of a start's CPU (issue 24: start-up
 * under half a second); reading them back is a JSON parse.
 *
 * They are used only when their hash equals the hash of what they are built from now: the validated
 * dimensions table and the code that builds and matches them. Any edit changes the hash and the
 * tables are built again at that start. A file that is damaged (not JSON, a field of the wrong type,
 * a dimension or value the table does not have, a phrase without its words) is never used either.
 * The dimensions table itself is validated at every load, as before.
 *
 * File format: one JSON object `{ format, hash, mentions, payloads, phrases, sentence, answers }`,
 * compact because a start reads it: `mentions` are distinct `[dimension, value or null]`, `payloads`
 * distinct lists of mention indexes, `phrases` each phrase with its words (`[phrase, texts, raws or
 * 0 when the same, ...starts]`, words joined by spaces: a word never holds one), and each table a
 * flat list of `phrase index, payload index, case (0 not said, 1 sensitive, 2 said insensitive), priority or null`.
 */

/** Saved tables that matched, or why none were used. */
export type SavedPhraseTables = { tables: PhraseTables } | { reason: string };

const FORMAT = 1;

// The code that builds the tables and reads them: a change to any of it can change the tables.
const TABLE_CODE = ['fact-recognizer.js', 'phrase-matcher.js', 'text-tokens.js', '../search/stop-words.js'];

/** `.cache/phrase-tables/<folder key>.json`, beside the prebuilt search index of the same folder. */
export function defaultPhraseTablesFile(knowledgeDir: string): string {
  const index = defaultSearchIndexFile(knowledgeDir);
  return join(dirname(dirname(index)), 'phrase-tables', basename(index));
}

/** SHA-256 over the tables' code and the validated dimensions table. */
export function phraseTablesHash(dimensions: readonly Dimension[]): string {
  const hash = createHash('sha256');
  hash.update(`format ${FORMAT}\0`);
  hashCode(hash, __dirname, TABLE_CODE);
  hash.update(JSON.stringify(dimensions));
  return hash.digest('hex');
}

/** The saved tables in `file` when they were built from inputs with this `hash` and fit `dimensions`; never throws. */
export function readPhraseTables(file: string, hash: string, dimensions: readonly Dimension[]): SavedPhraseTables {
  let saved: { format?: unknown; hash?: unknown; mentions?: unknown; payloads?: unknown; phrases?: unknown; sentence?: unknown; answers?: unknown };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return { reason: 'no saved phrase tables' };
  }
  try {
    saved = JSON.parse(text) as typeof saved;
  } catch {
    return { reason: 'saved phrase tables unreadable' };
  }
  if (saved.format !== FORMAT) return { reason: 'saved phrase tables have another format' };
  if (saved.hash !== hash) return { reason: 'saved phrase tables are stale (dimensions or their code changed)' };
  const unreadable = { reason: 'saved phrase tables unreadable' };
  const { mentions, payloads, phrases, sentence, answers } = saved;
  if (!Array.isArray(mentions) || !Array.isArray(payloads) || !Array.isArray(phrases) || !Array.isArray(answers)) return unreadable;

  // Every mention names a dimension of the table, and one of its values when it names a value.
  const values = new Map(dimensions.map((d) => [d.id, new Set(d.values.map((v) => v.id))]));
  const readMentions: Mention[] = [];
  for (const m of mentions) {
    if (!Array.isArray(m) || m.length !== 2 || typeof m[0] !== 'string' || !values.has(m[0])) return unreadable;
    if (m[1] === null) readMentions.push({ dimension: m[0] });
    else if (typeof m[1] === 'string' && values.get(m[0])!.has(m[1])) readMentions.push({ dimension: m[0], value: m[1] });
    else return unreadable;
  }
  const readPayloads: Mention[][] = [];
  for (const list of payloads) {
    if (!Array.isArray(list) || list.length === 0 || !list.every((i) => isIndex(i, readMentions.length))) return unreadable;
    readPayloads.push(list.map((i: number) => readMentions[i]!));
  }
  const readPhrases: string[] = [];
  const tokens = new Map<string, Token[]>();
  for (const item of phrases) {
    const words = Array.isArray(item) ? phraseTokens(item as unknown[]) : undefined;
    if (!words) return unreadable;
    readPhrases.push(item[0] as string);
    tokens.set(item[0] as string, words);
  }
  const table = (flat: unknown): PhraseEntry<Mention[]>[] | undefined => {
    if (!Array.isArray(flat) || flat.length % 4 !== 0) return undefined;
    // Indexed reads and one object per entry: a start reads about 12,000 entries, in V8's interpreter
    // (nothing is optimised yet), so every temporary array or spread object here was felt (issue 24).
    const entries: PhraseEntry<Mention[]>[] = new Array(flat.length / 4);
    for (let i = 0; i < flat.length; i += 4) {
      const phrase: unknown = flat[i];
      const payload: unknown = flat[i + 1];
      const caseSensitive: unknown = flat[i + 2];
      const priority: unknown = flat[i + 3];
      if (!isIndex(phrase, readPhrases.length) || !isIndex(payload, readPayloads.length) || (caseSensitive !== 0 && caseSensitive !== 1 && caseSensitive !== 2)) return undefined;
      if (priority !== null && !Number.isInteger(priority)) return undefined;
      // Each entry its own list, as built: nothing shares a payload it could change.
      const entry: PhraseEntry<Mention[]> = { phrase: readPhrases[phrase]!, payload: readPayloads[payload]!.slice() };
      if (caseSensitive !== 0) entry.caseSensitive = caseSensitive === 1;
      if (priority !== null) entry.priority = priority as number;
      entries[i / 4] = entry;
    }
    return entries;
  };
  const readSentence = table(sentence);
  if (!readSentence) return unreadable;
  const readAnswers: PhraseTables['answers'] = [];
  for (const [i, answer] of answers.entries()) {
    // One answer table per question, in table order: a file of another table shape is not these tables.
    const own = Array.isArray(answer) && answer.length === 2 && answer[0] === dimensions[i]?.id ? table(answer[1]) : undefined;
    if (!own) return unreadable;
    readAnswers.push([answer[0] as string, own]);
  }
  if (readAnswers.length !== dimensions.length) return unreadable;
  return { tables: { sentence: readSentence, answers: readAnswers, tokens } };
}

/** Writes the tables atomically (a starting bot never reads half a file). */
export function writePhraseTables(file: string, hash: string, tables: PhraseTables): { file: string; bytes: number } {
  const mentions: Array<[string, string | null]> = [];
  const mentionAt = new Map<string, number>();
  const payloads: number[][] = [];
  const payloadAt = new Map<string, number>();
  const phraseAt = new Map<string, number>();
  const phrases: unknown[][] = [];
  const indexOf = <K>(at: Map<K, number>, key: K, add: () => void): number => {
    let i = at.get(key);
    if (i === undefined) {
      i = at.size;
      at.set(key, i);
      add();
    }
    return i;
  };
  const flat = (entries: readonly PhraseEntry<Mention[]>[]): Array<number | null> =>
    entries.flatMap((entry) => {
      const list = entry.payload.map((m) => indexOf(mentionAt, `${m.dimension}\0${m.value ?? ''}`, () => mentions.push([m.dimension, m.value ?? null])));
      const payload = indexOf(payloadAt, list.join(','), () => payloads.push(list));
      const phrase = indexOf(phraseAt, entry.phrase, () => {
        const words = tables.tokens.get(entry.phrase)!;
        const texts = words.map((t) => t.text).join(' ');
        const raws = words.map((t) => t.raw).join(' ');
        phrases.push([entry.phrase, texts, raws === texts ? 0 : raws, ...words.map((t) => t.start)]);
      });
      return [phrase, payload, entry.caseSensitive === undefined ? 0 : entry.caseSensitive ? 1 : 2, entry.priority ?? null];
    });
  const sentence = flat(tables.sentence);
  const answers = tables.answers.map(([id, own]) => [id, flat(own)]);
  const text = JSON.stringify({ format: FORMAT, hash, mentions, payloads, phrases, sentence, answers });
  return writeAtomically(file, text);
}

function isIndex(value: unknown, length: number): value is number {
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) < length;
}

/** A saved phrase's tokens: `[phrase, texts, raws or 0, ...starts]`, one start per word. */
function phraseTokens(item: unknown[]): Token[] | undefined {
  const [phrase, texts, raws] = item;
  if (typeof phrase !== 'string' || typeof texts !== 'string' || (raws !== 0 && typeof raws !== 'string')) return undefined;
  const textWords = texts === '' ? [] : texts.split(' ');
  const rawWords = raws === 0 ? textWords : raws === '' ? [] : raws.split(' ');
  if (rawWords.length !== textWords.length || item.length !== 3 + textWords.length) return undefined;
  const words: Token[] = [];
  for (let i = 0; i < textWords.length; i += 1) {
    const start = item[3 + i];
    if (!Number.isInteger(start)) return undefined;
    words.push({ text: textWords[i]!, raw: rawWords[i]!, start: start as number, end: (start as number) + rawWords[i]!.length });
  }
  return words;
}
