import { hash, randomFillSync } from 'node:crypto';
import type { RecordKind } from '../../knowledge/owners/records';

/**
 * Record keys: `<kind>/<YYYY-MM-DD>/<HHMMSSmmm>-<hash>`. One item per record (never one growing
 * document that every instance rewrites), and the day in the key lets a report list a date range
 * by prefix instead of reading everything.
 */
export function recordKey(kind: RecordKind, at: Date, hash: string): string {
  const iso = at.toISOString();
  return `${kind}/${iso.slice(0, 10)}/${iso.slice(11, 23).replace(/[:.]/g, '')}-${hash}`;
}

/** The key prefixes of one kind for every day from `from` to `to` (UTC days, both included). */
export function dayPrefixes(kind: RecordKind, from: Date, to: Date): string[] {
  const prefixes: string[] = [];
  const day = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()));
  for (; day <= to; day.setUTCDate(day.getUTCDate() + 1)) prefixes.push(`${kind}/${day.toISOString().slice(0, 10)}/`);
  return prefixes;
}

// One-shot `hash` gives createHash's digest of the same bytes in a seventh of its time (no Hash
// object per call); these run on every answer (issue 24).

/** A short stable hash: the same inputs (a turn run again) give the same key, so it is stored once. */
export function shortHash(...parts: string[]): string {
  return hash('sha256', parts.join('\u0000'), 'hex').slice(0, 16);
}

/** A salted hash of an identifier: counts distinct users without keeping who they are. */
export function saltedHash(salt: string, id: string): string {
  return hash('sha256', `${salt}\u0000${id}`, 'hex').slice(0, 16);
}

/** The reference an answer's feedback buttons carry: the answer record's key without `answer/`. */
export function newAnswerRef(at: Date = new Date()): string {
  return recordKey('answer', at, randomHex8()).slice('answer/'.length);
}

// Every answer needs 8 random bytes: drawn from a pool the system's CSPRNG refills 512 answers at a
// time, as crypto.randomUUID does, rather than one system call per answer (3% of a knowledge answer's
// CPU, issue 24). Each byte is used once.
const randomPool = Buffer.alloc(4096);
let randomUsed = randomPool.length;

function randomHex8(): string {
  if (randomUsed + 8 > randomPool.length) {
    randomFillSync(randomPool);
    randomUsed = 0;
  }
  const hex = randomPool.toString('hex', randomUsed, randomUsed + 8);
  randomUsed += 8;
  return hex;
}

const ANSWER_REF = /^\d{4}-\d{2}-\d{2}\/\d{9}-[0-9a-f]{16}$/;

/** True for a string shaped like {@link newAnswerRef}'s: anything else from a client is not looked up. */
export function isAnswerRef(value: unknown): value is string {
  return typeof value === 'string' && ANSWER_REF.test(value);
}

/** Where Teams' id of a sent answer points to its record (Teams feedback names the message, not our ref). */
export function sentMessageKey(conversationId: string, activityId: string): string {
  return `sent/${shortHash(conversationId, activityId)}`;
}
