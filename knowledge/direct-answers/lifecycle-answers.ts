import type { DirectAnswer, DirectQuestion } from './direct-answer';
import { articleFor, label, longDate, sourcesOf, type AnswerTables } from './table-access';

/** The lifecycle article: its table has a row per version. */
const LIFECYCLE_ARTICLE = 'EXB-011';

/**
 * End of support, mainstream, ESU and "is it still supported" for an Exchange or Windows release,
 * from lifecycle.yaml (the row the verdicts' lifecycle notes read).
 */
export function lifecycleAnswer(tables: AnswerTables, question: DirectQuestion, today: string): DirectAnswer | undefined {
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
  const ended = retired ? `left extended support on ${date}` : `is in extended support until ${date}`;
  let answer: string;
  switch (question.attribute) {
    case 'still-supported':
      answer = retired ? `No: ${name} ${ended}; it is out of support.` : `Yes: ${name} ${ended}.`;
      break;
    case 'mainstream': {
      const mainstream = /mainstream support ended on ([0-9]{1,2} [A-Z][a-z]+ [0-9]{4})/i.exec(entry.note)?.[1];
      answer = mainstream
        ? `${name} left mainstream support on ${mainstream} and extended support on ${date}.`
        : `${name} ${ended} (the end of extended support; the lifecycle table holds no separate mainstream date for it).`;
      break;
    }
    default:
      answer = `${name} ${ended}.`;
  }
  return { ...base, answer, details: [entry.note] };
}
