import type { LifecycleEntry } from '../loading/schemas';
import type { DirectAnswer, DirectQuestion } from './direct-answer';
import { articleFor, label, longDate, sourcesOf, type AnswerTables } from './table-access';
import type { Fact } from '../loading/schemas';
import { typedUpdate } from './update-answers';

/** The lifecycle article: its table has a row per version. */
const LIFECYCLE_ARTICLE = 'EXB-011';

/**
 * End of support, mainstream, ESU and "is it still supported" for an Exchange or Windows release,
 * from lifecycle.yaml (the row the verdicts' lifecycle notes read).
 */
export function lifecycleAnswer(tables: AnswerTables, question: DirectQuestion, today: string): DirectAnswer | undefined {
  // "exchange 2016 and 2019 end of support": the same date of a second version (`other`), one sentence each.
  if (question.other !== undefined && question.subject.version !== undefined) return pairAnswer(tables, question, question.other, today);
  const servicePack = servicePackAnswer(tables, question, today);
  if (servicePack) return servicePack;
  const dimension = question.subject.version !== undefined ? 'version' : question.subject.windows !== undefined ? 'windows' : undefined;
  if (!dimension) return undefined;
  const value = question.subject[dimension]!;
  const entry = tables.lifecycle.find((e) => e.dimension === dimension && e.value === value);
  const name = label(tables, dimension, value);
  if (!entry) return undefined;
  const articleId = articleFor(tables, entry.basis, dimension === 'version' ? [LIFECYCLE_ARTICLE] : [LIFECYCLE_ARTICLE]) ?? LIFECYCLE_ARTICLE;
  const base = { question, sources: sourcesOf(tables, entry.basis), articleId, checkFacts: { [dimension]: value } };
  if (entry.endOfSupport === undefined) {
    const answer =
      question.attribute === 'still-supported'
        ? `Yes: ${name} is supported, with no fixed end date, as long as it is kept on current updates.`
        : `${name} has no fixed end of support date: it follows the Modern Lifecycle Policy.`;
    return { ...base, answer, details: [entry.note] };
  }
  const date = longDate(entry.endOfSupport);
  const retired = entry.endOfSupport < today;
  const ended = `${retired ? `left extended support on ${date}` : `is in extended support until ${date}`}${hedge(tables, entry.basis)}`;
  const mainstream = entry.mainstream;
  switch (question.attribute) {
    case 'still-supported':
      return {
        ...base,
        answer: retired ? `No: ${name} ${ended}; it is out of support.` : `Yes: ${name} ${stillIn(entry, today, date)}${hedge(tables, entry.basis)}.`,
        details: [entry.note],
      };
    case 'mainstream': {
      if (!mainstream) {
        const answer = `${name} ${ended} (the end of extended support; the lifecycle table holds no separate mainstream date for it).`;
        return { ...base, answer, details: [entry.note] };
      }
      const main = longDate(mainstream.end);
      // One hedge at the end when both dates rest on sources of the same strength.
      const both = hedge(tables, mainstream.basis) === hedge(tables, entry.basis);
      const mainHedge = both ? '' : hedge(tables, mainstream.basis);
      const answer =
        mainstream.end < today
          ? `${name} left mainstream support on ${main}${mainHedge}${retired ? ` and extended support on ${date}` : `; it is in extended support until ${date}`}${hedge(tables, entry.basis)}.`
          : `${name} is in mainstream support until ${main}${mainHedge}, then in extended support until ${date}${hedge(tables, entry.basis)}.`;
      return { ...base, answer, details: [entry.note], sources: sourcesOf(tables, [...mainstream.basis, ...entry.basis]) };
    }
    case 'esu': {
      const esu = entry.esu;
      if (!esu) {
        const answer = `The lifecycle table holds no Extended Security Update offer for ${name}: it ${ended}${retired ? ', and no security updates have come since' : ''}.`;
        return { ...base, answer, details: [entry.note] };
      }
      const ends = longDate(esu.end);
      const answer = `${name} ${ended}; paid Extended Security Updates (security fixes only, not support) ${esu.end < today ? 'ran' : 'run'} to ${ends}${hedge(tables, esu.basis)}.`;
      return { ...base, answer, details: [esu.note], sources: sourcesOf(tables, [...esu.basis, ...entry.basis]) };
    }
    default:
      return { ...base, answer: `${name} ${ended}.`, details: [entry.note] };
  }
}

/** "is in mainstream support until ..." or "is in extended support until ...", for a release still supported. */
function stillIn(entry: LifecycleEntry, today: string, extended: string): string {
  if (entry.mainstream && entry.mainstream.end >= today) return `is in mainstream support until ${longDate(entry.mainstream.end)}, and in extended support until ${extended}`;
  return `is in extended support until ${extended}`;
}

/**
 * How sure a date is, said in the sentence that gives it: nothing for a date read in Microsoft's
 * lifecycle data (or derived from it), "(according to third-party sources)" or "(recalled, not
 * confirmed)" for the weakest fact it rests on, so a helpdesk agent pasting the first sentence
 * pastes its certainty too.
 */
export function hedge(tables: Pick<AnswerTables, 'facts'>, basis: readonly string[]): string {
  const statuses = new Set<Fact['status']>(basis.map((id) => tables.facts.find((f) => f.id === id)?.status ?? 'recalled'));
  if (statuses.has('recalled')) return ' (recalled, not confirmed)';
  if (statuses.has('read-3p')) return ' (according to third-party sources)';
  return '';
}

/**
 * "When did Exchange 2010 SP2 support end?": a service pack whose support ended before its version's
 * (lifecycle.yaml's `update` rows, fact A-20) is answered from its own row, the version's end named too.
 */
function servicePackAnswer(tables: AnswerTables, question: DirectQuestion, today: string): DirectAnswer | undefined {
  const value = question.subject.update;
  const entry = value === undefined ? undefined : tables.lifecycle.find((e) => e.dimension === 'update' && e.value === value);
  if (!entry?.endOfSupport || question.attribute === 'esu') return undefined;
  const version = question.subject.version;
  // "when did 2007 sp1 end": a row covering two service packs (Exchange 2007 SP1 or SP2) answers for the one typed, with
  // its own date from the build table's servicePackSupport (the same fact A-20; session 11, q21), not the later one's.
  const typed = version !== undefined ? typedUpdate(question.text) : undefined;
  const ownEnd = typed !== undefined ? tables.builds.servicePackEnded(version!, typed) : undefined;
  const name = ownEnd !== undefined ? `${label(tables, 'version', version!)} ${typed!.toUpperCase()}` : label(tables, 'update', entry.value);
  const ended = ownEnd ?? entry.endOfSupport;
  const own = tables.lifecycle.find((e) => e.dimension === 'version' && e.value === version);
  const versionEnd = own?.endOfSupport
    ? `; ${label(tables, 'version', version!)} itself ${own.endOfSupport < today ? 'left' : 'leaves'} extended support on ${longDate(own.endOfSupport)}`
    : '';
  const lead = question.attribute === 'still-supported' ? 'No: ' : '';
  return {
    question,
    sources: sourcesOf(tables, entry.basis),
    articleId: articleFor(tables, entry.basis, [LIFECYCLE_ARTICLE]) ?? LIFECYCLE_ARTICLE,
    checkFacts: { update: entry.value, ...(version ? { version } : {}) },
    answer: `${lead}${name} has been out of support since ${longDate(ended)}${versionEnd}.`,
    details: [entry.note],
  };
}

/** The same lifecycle answer for two Exchange versions, the first named first: both rows read, each sentence whole. */
function pairAnswer(tables: AnswerTables, question: DirectQuestion, second: string, today: string): DirectAnswer | undefined {
  const { other: _other, ...alone } = question;
  const first = lifecycleAnswer(tables, alone, today);
  const { update: _update, ...subject } = question.subject;
  const next = lifecycleAnswer(tables, { ...alone, subject: { ...subject, version: second } }, today);
  if (!first || !next) return undefined;
  const sources = [...first.sources];
  for (const s of next.sources) if (!sources.some((f) => f.status === s.status && f.label === s.label)) sources.push(s);
  return {
    ...first,
    question,
    answer: `${first.answer} ${next.answer}`,
    details: [...new Set([...first.details, ...next.details])],
    sources,
  };
}
