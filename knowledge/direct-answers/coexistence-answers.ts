import type { Fact } from '../loading/schemas';
import type { DirectAnswer, DirectQuestion } from './direct-answer';
import { howSure, type CoexistenceEntry } from './coexistence-table';
import { label, listOf, statusWords, type AnswerTables } from './table-access';

/** "Can Exchange 2019 coexist with Exchange 2010?", or every version one can share an organization with, from coexistence.yaml. */
export function coexistenceAnswer(tables: AnswerTables, question: DirectQuestion): DirectAnswer | undefined {
  const version = question.subject.version;
  if (!version) return undefined;
  const name = (v: string) => label(tables, 'version', v);
  const sourceOf = (entries: readonly CoexistenceEntry[]) =>
    [...new Set(entries.map((e) => e.status))].map((status) => ({
      status: statusWords(status as Fact['status']),
      label: [...new Set(entries.filter((e) => e.status === status).map((e) => e.source))].join('; '),
    }));
  if (question.other) {
    const entry = tables.coexistence.find((e) => (e.version === version && e.with === question.other) || (e.version === question.other && e.with === version));
    if (!entry) return undefined;
    // "exchange 2013 cu23 with exchange 2019 cu15 in the same org": the newer version's update past the last one whose Setup
    // accepts the older version (session 15, lead: it was "Yes ... CU23 meets it").
    const last = entry.newerLastUpdate;
    const sources = [...sourceOf([entry]), ...(last ? [{ status: statusWords(last.status), label: last.source }] : [])];
    const refused = last ? `${name(entry.version)} CU${last.cu + 1} and later refuse an organization that still holds ${name(entry.with)}${howSure(last.status)}` : '';
    const newer = last ? typedLevel(question.text, entry.version) : undefined;
    if (last && newer?.cu !== undefined && newer.cu > last.cu) {
      const answer = `No: ${refused}. Up to CU${last.cu}, ${name(entry.version)} can coexist with ${name(entry.with)} with ${entry.minimum}.`;
      return { question, answer, details: [], sources, articleId: entry.articles[0]!, checkFacts: { version: entry.version } };
    }
    const yes = last ? `Yes, up to ${name(entry.version)} CU${last.cu}` : 'Yes';
    const lastNote = last ? `; ${refused}` : '';
    // "exchange 2016 next to exchange 2010 sp3 ru5, fine?": the older version's update as typed, held against the minimum.
    const typed = entry.supported ? typedLevel(question.text, entry.with) : undefined;
    const minimum = entry.minimum !== undefined ? minimumLevel(entry.minimum, entry.with) : undefined;
    if (typed && minimum) {
      const below = compareLevels(typed, minimum);
      if (below !== undefined) {
        const typedName = `${name(entry.with)} ${levelName(typed)}`;
        const answer = below
          ? `No: ${typedName} is below the minimum; ${name(entry.version)} can coexist with ${name(entry.with)} in one organization only with ${entry.minimum}${lastNote}.`
          : `${yes}: ${name(entry.version)} can coexist with ${name(entry.with)} in one organization, with ${entry.minimum}; ${typedName} meets it${lastNote}.`;
        return { question, answer, details: [], sources, articleId: entry.articles[0]!, checkFacts: { version: entry.version } };
      }
    }
    const answer = entry.supported
      ? `${yes}: ${name(entry.version)} can coexist with ${name(entry.with)} in one organization, with ${entry.minimum}${lastNote}.`
      : `No: ${name(entry.version)} cannot coexist with ${name(entry.with)} in one organization.`;
    return { question, answer, details: [], sources, articleId: entry.articles[0]!, checkFacts: { version: entry.version } };
  }
  const entries = tables.coexistence.filter((e) => e.version === version || e.with === version);
  if (entries.length === 0) return undefined;
  const partner = (e: CoexistenceEntry) => (e.version === version ? e.with : e.version);
  const yes = entries.filter((e) => e.supported).map((e) => `${name(partner(e))} (${e.minimum})`);
  const no = entries.filter((e) => !e.supported).map((e) => name(partner(e)));
  const answer = `${name(version)} can coexist with ${yes.length > 0 ? listOf(yes) : 'no other version'}${no.length > 0 ? `; not with ${listOf(no, 'or')}` : ''}.`;
  return { question, answer, details: [], sources: sourceOf(entries), articleId: entries[0]!.articles[0]!, checkFacts: { version } };
}

/** An update level as the coexistence minimums and questions name it: a CU, or a service pack with its update rollup. */
export interface Level {
  cu?: number;
  sp?: number;
  ru?: number;
}

const LEVEL = String.raw`(?:cu\s?(\d{1,2})|cumulative update\s?(\d{1,2})|(?:sp|service pack)\s?(\d)(?:[\s,]*(?:with\s+)?(?:ru|rollup|update rollup)\s?(\d{1,2}))?)`;

/** The update a question types right after the older version ("our 2016 cu10 servers", "exchange 2010 sp3 ru5"), if any. */
export function typedLevel(text: string, version: string): Level | undefined {
  const found = new RegExp(String.raw`\b(?:exchange\s*|exch\s*|ex\s*)?${version}\s+(?:server\s+)?${LEVEL}\b`, 'i').exec(text);
  return found ? levelOf(found) : undefined;
}

/** The minimum update of the older version, read from the table's own words ("Exchange 2010 SP3 with Update Rollup 11 or later ..."). */
export function minimumLevel(minimum: string, version: string): Level | undefined {
  const found = new RegExp(String.raw`\bExchange ${version} ${LEVEL}`, 'i').exec(minimum);
  return found ? levelOf(found) : undefined;
}

function levelOf(found: RegExpExecArray): Level | undefined {
  const cu = found[1] ?? found[2];
  if (cu !== undefined) return { cu: Number(cu) };
  if (found[3] !== undefined) return { sp: Number(found[3]), ...(found[4] !== undefined ? { ru: Number(found[4]) } : {}) };
  return undefined;
}

function levelName(level: Level): string {
  if (level.cu !== undefined) return `CU${level.cu}`;
  return `SP${level.sp}${level.ru !== undefined ? ` RU${level.ru}` : ''}`;
}

/** True when the typed level is below the minimum, false when it meets it, undefined when they cannot be compared. */
export function compareLevels(typed: Level, minimum: Level): boolean | undefined {
  if (typed.cu !== undefined && minimum.cu !== undefined) return typed.cu < minimum.cu;
  if (typed.sp === undefined || minimum.sp === undefined) return undefined;
  if (typed.sp !== minimum.sp) return typed.sp < minimum.sp;
  if (minimum.ru === undefined) return false;
  return typed.ru === undefined ? undefined : typed.ru < minimum.ru;
}
