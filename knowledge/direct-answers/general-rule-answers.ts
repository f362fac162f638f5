import type { FactRecognizer } from '../reading/fact-recognizer';
import { normalizeQuestionWords } from '../reading/question-words';
import type { DirectAnswer, DirectQuestion } from './direct-answer';
import type { GeneralRuleEntry } from './general-rule-table';
import { wordPatterns } from './how-to-answers';
import { versionsIn } from './question-reader';
import { sourcesOf, type AnswerTables } from './table-access';

/*
 * Yes/no rules the guided check cannot judge (knowledge/data/general-rules.yaml): "exchange 2019 on
 * azure supported?", "is a file share witness on a DC ok". The first row whose words the question has
 * answers, unless the question names an Exchange version the row does not hold (the search answers it
 * then: no table says what Exchange 2010 needs on Azure).
 */

/** The general rule a question asks about, if any. */
export function generalRuleAsked(typed: string, table: readonly GeneralRuleEntry[], recognizer: FactRecognizer): GeneralRuleEntry | undefined {
  const text = normalizeQuestionWords(typed.replace(/<at>[^<]{0,80}<\/at>/gi, ' ').trim());
  let versions: string[] | undefined;
  return table.find((entry) => {
    if (!wordPatterns(entry.asks.words).every((pattern) => pattern.test(text))) return false;
    if (entry.asks.unless && wordPatterns([entry.asks.unless])[0]!.test(text)) return false;
    versions ??= versionsIn(text, recognizer);
    return versions.every((v) => entry.asks.versions.includes(v));
  });
}

/** The answer of a general rule (`question.other` is its id). */
export function generalRuleAnswer(tables: AnswerTables, question: DirectQuestion): DirectAnswer | undefined {
  const entry = tables.generalRules.find((e) => e.id === question.other);
  if (!entry) return undefined;
  return {
    question,
    answer: entry.answer.trim(),
    details: (entry.details ?? []).map((d) => d.trim()),
    sources: sourcesOf(tables, entry.basis),
    articleId: entry.article,
    checkFacts: question.subject.version !== undefined ? { version: question.subject.version } : {},
  };
}
