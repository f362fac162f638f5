import { behindSentence, describeLookup, type BuildLookup, type BuildTable } from '../rules/exchange-builds';
import type { Facts } from './fact-recognizer';
import type { Dimension } from '../loading/schemas';

/** A build number found in a message, and what the build table says of it. */
export interface BuildMention {
  /** As typed: "15.2.1544.4", "Version 15.2 (Build 1544.4)", "15.02.1544.004". */
  text: string;
  start: number;
  lookup: BuildLookup;
}

// Exchange's major.minor versions: 2000 (6.0), 2003 (6.5), 2007 (8.0-8.3), 2010 (14.0-14.3), 2013 to SE (15.0-15.2).
const EXCHANGE_MAJOR_MINOR = /^(6\.[05]|8\.[0-3]|14\.[0-3]|15\.[0-2])$/;
/** "Version 15.2 (Build 1544.4)": AdminDisplayVersion as Get-ExchangeServer prints it; ESM's "Version 6.5 (Build 7638.2: Service Pack 2)". */
const ADMIN_DISPLAY_VERSION = /\bversion\s+(\d{1,2})\.(\d{1,2})\s*\(\s*build\s+(\d{1,4})\.(\d{1,4})\b/gi;
/** "15.2.1544.4", "15.02.1544.004", "6.5.7638": not part of a longer dotted number (an IP address, a file version). */
const DOTTED = /(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{2,4})(?:\.(\d{1,4}))?(?![\d]|\.\d)/g;
/** Numbers on a line about Windows are Windows builds ("OS Version: 6.0.6002", Windows Server 2008 SP2, is no Exchange 2000 build). */
const WINDOWS_LINE = /\b(os|windows|winver|kernel|ntoskrnl)\b/i;
/**
 * A number labelled as Windows' ("OS Version: ", "Microsoft Windows [Version "): no digit between the word and it.
 * "EX01 - Windows 2016 Std - 15.1.2507.6" names Windows before an Exchange build: only 6.x (shared by Windows
 * 2008-2012 R2 and Exchange 2000/2003) is taken for Windows' anywhere on such a line.
 */
const WINDOWS_LABEL = /\b(?:os|windows|winver|kernel|ntoskrnl)\b[^\d\n]{0,40}$/i;

/** Whether the number at `start` is on a line that makes it Windows' build rather than Exchange's. */
function windowsNumber(text: string, start: number, major: number): boolean {
  const before = text.slice(text.lastIndexOf('\n', start - 1) + 1, start);
  return major === 6 ? WINDOWS_LINE.test(before) : WINDOWS_LABEL.test(before.slice(-60));
}
/** At most this many mentions per message: a pasted listing of thousands of servers is read by the listing parser. */
const MAX_MENTIONS = 200;

/**
 * The Exchange build numbers in a message, in the forms servers print them, each looked up in the
 * build table. Numbers whose major and minor version are no Exchange's are left alone.
 *
 * @example
 * findBuilds('we are on Version 15.2 (Build 1544.4)', table)[0].lookup; // { kind: 'known', row: 2019 CU14 }
 */
export function findBuilds(text: string, table: BuildTable): BuildMention[] {
  const found: BuildMention[] = [];
  const taken: [number, number][] = [];
  const add = (start: number, end: number, parts: number[], typed: string) => {
    if (!EXCHANGE_MAJOR_MINOR.test(`${parts[0]}.${parts[1]}`) || taken.some(([s, e]) => start < e && end > s)) return;
    if (windowsNumber(text, start, parts[0]!)) return;
    taken.push([start, end]);
    found.push({ text: typed, start, lookup: table.lookup(parts) });
  };
  for (const m of text.matchAll(ADMIN_DISPLAY_VERSION)) {
    if (found.length >= MAX_MENTIONS) break;
    add(m.index, m.index + m[0].length, [m[1], m[2], m[3], m[4]].map(Number), m[0]);
  }
  for (const m of text.matchAll(DOTTED)) {
    if (found.length >= MAX_MENTIONS) break;
    const parts = [m[1], m[2], m[3], m[4]].filter((p) => p !== undefined).map(Number);
    add(m.index, m.index + m[0].length, parts, m[0]);
  }
  return found.sort((a, b) => a.start - b.start);
}

/** A dotted four-part number led by a major version Exchange has used or may use next (6, 8, 14, 15, 16). */
const OTHER_BUILD = /(?<![\d.])(6|8|14|15|16)\.(\d{1,2})\.(\d{2,5})\.(\d{1,4})(?![\d]|\.\d)/g;

/**
 * {@link findBuilds}, and also whole builds of no major and minor version Exchange has shipped
 * ("15.3.100.2", "16.0.10.1"), looked up so the reply names them as unknown rather than passing over
 * them. For the words around a pasted listing, where every build named deserves an answer.
 */
export function findBuildsWide(text: string, table: BuildTable): BuildMention[] {
  const found = findBuilds(text, table);
  for (const m of text.matchAll(OTHER_BUILD)) {
    if (found.length >= MAX_MENTIONS) break;
    if (found.some((f) => m.index < f.start + f.text.length && m.index + m[0].length > f.start)) continue;
    if (windowsNumber(text, m.index, Number(m[1]))) continue;
    found.push({ text: m[0], start: m.index, lookup: table.lookup(m.slice(1, 5).map(Number)) });
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * The text with every build number in Exchange's forms (known or not) replaced by spaces, so that
 * no phrase reads its parts ("2000" in 15.2.2000.1). Cheap when the text has no dotted number.
 */
export function blankBuilds(text: string): string {
  if (!/\d\.\d/.test(text)) return text;
  const blank = (m: string, ...groups: unknown[]) => (EXCHANGE_MAJOR_MINOR.test(`${String(groups[0])}.${String(groups[1])}`) ? ' '.repeat(m.length) : m);
  return text.replace(ADMIN_DISPLAY_VERSION, blank).replace(DOTTED, blank);
}

/**
 * The facts the builds of a message settle: the Exchange version when every known build is of one
 * version, the update level (a value of the `update` dimension) when they are also of one update,
 * and `updateCurrency` (behind when any of them is on an update that no longer gets security
 * updates). An unknown build settles nothing.
 */
export function buildFacts(mentions: readonly BuildMention[], table: BuildTable, update: Dimension | undefined): Facts {
  const rows = mentions.flatMap((m) => (m.lookup.kind === 'known' ? [m.lookup.row] : m.lookup.kind === 'same-update' ? [m.lookup.update] : []));
  if (rows.length === 0) return unknownBuildFacts(mentions, table, update);
  const versions = new Set(rows.map((r) => r.version));
  if (versions.size !== 1) return {};
  const version = rows[0]!.version;
  const facts: Record<string, string> = { version };
  const updates = new Set(rows.map((r) => r.update));
  if (updates.size === 1) {
    const value = updateValue(update, version, rows[0]!.update, table);
    if (value) facts.update = value;
  }
  const states = rows.map((row) => table.currency(row)?.state).filter((s) => s !== undefined);
  if (states.length > 0) facts.updateCurrency = states.includes('behind') ? 'behind' : 'current';
  return facts;
}

/**
 * What unknown builds alone settle: the version when the table makes it sure (15.1 is 2016) and all of
 * them agree, and `updateCurrency: behind` when each is older than every update still serviced. The
 * update is never set: the reply names each build as unknown with its nearest known ones.
 */
function unknownBuildFacts(mentions: readonly BuildMention[], table: BuildTable, update: Dimension | undefined): Facts {
  const read = mentions.flatMap((m) => (m.lookup.kind === 'unknown' ? [table.unknownFacts(m.lookup)] : []));
  const versions = new Set(read.map((r) => r.version));
  const version = read[0]?.version;
  if (version === undefined || versions.size !== 1) return {};
  const facts: Record<string, string> = { version };
  const updates = new Set(read.map((r) => r.update));
  const value = updates.size === 1 && read[0]!.update !== undefined ? updateValue(update, version, read[0]!.update, table) : undefined;
  if (value) facts.update = value;
  if (read.every((r) => r.behind)) facts.updateCurrency = 'behind';
  return facts;
}

/**
 * "Version 14.3 (Bu...", "14.3": what the major and minor version alone settle, read from the table: the
 * version when all its builds are of one (15.2 is 2019 or SE, so nothing), and the service pack when
 * they are all of one (14.3 is 2010 SP3).
 */
export function majorMinorFacts(majorMinor: string, table: BuildTable, update: Dimension | undefined): Record<string, string> {
  const rows = table.rows.filter((r) => `${r.parts[0]}.${r.parts[1]}` === majorMinor);
  const versions = new Set(rows.map((r) => r.version));
  if (versions.size !== 1) return {};
  const updates = new Set(rows.map((r) => r.update));
  const base = rows.find((r) => r.su === undefined);
  if (updates.size === 1 && base)
    return buildFacts([{ text: majorMinor, start: 0, lookup: { kind: 'same-update', build: majorMinor, update: base, nearest: base } }], table, update);
  return { version: rows[0]!.version };
}

/**
 * "14.3", "v15.1", "it's 8.3", "version 6.5" typed as the answer to the version or update question: Exchange's major and
 * minor version as admins say it, nothing else in the message (in a sentence "14.3" may be anything). Issue 21, o23.
 */
const SHORT_VERSION_ANSWER =
  /^(?:(?:it'?s|its|we'?re|we are|on|running|version|ver\.?|v|build|exchange|exch|ex|the|i think|prob(?:ably)?|maybe)\s*)*(\d{1,2})\.(\d{1,2})(?:\s*(?:i think|i believe|afaik|iirc))?\s*[.!]*$/i;

/**
 * "v15.1 cu23 on one mailbox server", "version 14.3, all roles", "15.1 cu23": a short version in a sentence, said with a
 * word that makes it Exchange's ("v", "version") or followed by its update. Bare "14.3" in a sentence may be anything.
 */
// Session 14 (o26): "exchange 14.3 rollup 30": the short version after "exchange" ("exch", "ex"), or before an update rollup in words.
const SHORT_VERSION_IN_SENTENCE =
  /(?<![\w.])(?:v|ver\.?\s?|version\s+|(?:exchange|exch|ex)\s+)(\d{1,2})\.(\d{1,2})(?![\d]|\.\d)|(?<![\w./-])(\d{1,2})\.(\d{1,2})(?=\s+(?:cu|sp|ru|ur|rollup|update\s+rollup)\s?\d)/gi;

/**
 * The facts a short version in a sentence settles ({@link majorMinorFacts}) and the text with it blanked (same length), or
 * undefined when the message has none, names two versions this way, or holds a whole build (read by {@link buildFacts}).
 */
export function shortVersionInSentence(text: string, table: BuildTable, update: Dimension | undefined): { facts: Facts; text: string } | undefined {
  if (!/\d\.\d/.test(text) || findBuilds(text, table).length > 0) return undefined;
  let facts: Facts | undefined;
  let blanked = text;
  for (const m of text.matchAll(SHORT_VERSION_IN_SENTENCE)) {
    const majorMinor = `${Number(m[1] ?? m[3])}.${Number(m[2] ?? m[4])}`;
    if (!EXCHANGE_MAJOR_MINOR.test(majorMinor)) continue;
    const read = majorMinorFacts(majorMinor, table, update);
    if (read.version === undefined) continue;
    if (facts && facts.version !== read.version) return undefined;
    facts = read;
    blanked = blanked.slice(0, m.index) + ' '.repeat(m[0].length) + blanked.slice(m.index + m[0].length);
  }
  return facts ? { facts, text: blanked } : undefined;
}

/** The facts a short version typed as an answer settles ({@link majorMinorFacts}), or undefined when the message is no such answer. */
export function shortVersionAnswer(text: string, table: BuildTable, update: Dimension | undefined): Facts | undefined {
  const m = SHORT_VERSION_ANSWER.exec(text.trim());
  if (!m) return undefined;
  const majorMinor = `${Number(m[1])}.${Number(m[2])}`;
  if (!EXCHANGE_MAJOR_MINOR.test(majorMinor)) return undefined;
  const facts = majorMinorFacts(majorMinor, table, update);
  return Object.keys(facts).length > 0 ? facts : undefined;
}

/** The value of the `update` dimension that names this version's update ("cu14" of 2019 is `e2019-cu14`). */
function updateValue(update: Dimension | undefined, version: string, name: string, table: BuildTable): string | undefined {
  for (const value of update?.values ?? []) {
    const test = value.appliesWhen?.version ?? value.implies.version;
    const versions = typeof test === 'string' ? [test] : Array.isArray(test) ? test.map(String) : [];
    if (!versions.includes(version)) continue;
    const named = [...value.names, ...value.answers].flatMap((phrase) => [...phrase.toLowerCase().matchAll(/\b(rtm|sp\d|cu\d{1,2})\b/g)].map((m) => m[1]!));
    if (named.some((n) => table.canonicalUpdate(version, n) === name)) return value.id;
  }
  return undefined;
}

/**
 * What the builds of a message are, one line each, and for a build on an update that no longer
 * gets security updates, what to update to: "15.2.1118.7 is Exchange 2019 CU12, released April
 * 2022. Exchange 2019 CU12 is more than one CU behind: update to CU14 or CU15."
 */
export function describeBuilds(mentions: readonly BuildMention[], table: BuildTable): string[] {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const mention of mentions) {
    if (seen.has(mention.lookup.build)) continue;
    seen.add(mention.lookup.build);
    let line = describeLookup(mention.lookup);
    const row = mention.lookup.kind === 'known' ? mention.lookup.row : mention.lookup.kind === 'same-update' ? mention.lookup.update : undefined;
    const currency = row ? table.currency(row) : undefined;
    if (row && currency?.state === 'behind') line += ` ${behindSentence(row, currency)}`;
    lines.push(line);
  }
  return lines;
}
