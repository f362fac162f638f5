import type { Fact } from '../loading/schemas';
import type { DirectAnswer, DirectQuestion } from './direct-answer';
import type { CoexistenceEntry } from './coexistence-table';
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
    const answer = entry.supported
      ? `Yes: ${name(entry.version)} can coexist with ${name(entry.with)} in one organization, with ${entry.minimum}.`
      : `No: ${name(entry.version)} cannot coexist with ${name(entry.with)} in one organization.`;
    return { question, answer, details: [], sources: sourceOf([entry]), articleId: entry.articles[0]!, checkFacts: { version: entry.version } };
  }
  const entries = tables.coexistence.filter((e) => e.version === version || e.with === version);
  if (entries.length === 0) return undefined;
  const partner = (e: CoexistenceEntry) => (e.version === version ? e.with : e.version);
  const yes = entries.filter((e) => e.supported).map((e) => `${name(partner(e))} (${e.minimum})`);
  const no = entries.filter((e) => !e.supported).map((e) => name(partner(e)));
  const answer = `${name(version)} can coexist with ${yes.length > 0 ? listOf(yes) : 'no other version'}${no.length > 0 ? `; not with ${listOf(no, 'or')}` : ''}.`;
  return { question, answer, details: [], sources: sourceOf(entries), articleId: entries[0]!.articles[0]!, checkFacts: { version } };
}
