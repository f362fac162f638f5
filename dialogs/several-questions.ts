import type { DirectQuestion, Facts, KnowledgeBase, PreviousQuestion } from '../knowledge';

/** The questions of one message answered one by one (issue 19: "when does 2016 end and can i go straight to SE?"). */
export interface SeveralQuestions {
  questions: DirectQuestion[];
  /** Parts that read as questions the tables do not answer: named back, never dropped silently. */
  unanswered: string[];
}

/** At most this many answers in one reply; a message is read for parts only up to this length. */
export const MAX_ANSWERS = 3;
const MAX_MESSAGE = 400;
const MAX_PARTS = 5;

/** "two things:", "2 questions -", "quick ones:": an opening that only announces the questions. */
const ANNOUNCE = /^(?:(?:two|2|three|3|a couple of|couple of|some|few|a few|quick)\s+(?:things|questions|qs|ones)|quick ones|questions)\s*[:\-–]\s*/i;
/**
 * Where one question ends and the next begins: a question mark followed by more text, a semicolon, a
 * line break, a lone "+" or "&", ", also", "also:", "plus", "and also", "btw". A bare "and" is tried
 * only when both sides read as questions on their own (see {@link splitAtAnd}).
 */
const SEPARATOR = /\?+\s+|\s*;\s*|\s*\n+\s*|\s+[+&]\s+|,?\s+(?:and\s+)?also[:,]?\s+|,?\s+plus\s+|,?\s+btw,?\s+/i;
const AND = /,?\s+and\s+/gi;
/** "also which windows ...", "plus when ...": words that only join a question to the one before ("and 2019?" keeps its "and", a follow-up). */
const CONNECTOR = /^\s*(?:and also|also|plus|btw|by the way)\b[:,]?\s*/i;

/** What routes one part of a message: the router itself, without the search for several questions. */
export type RoutePart = (part: string, previous?: PreviousQuestion) => { kind: string; question?: DirectQuestion };

/**
 * The direct questions of a message that asks several ("max dag members? and do we need a witness
 * with 4 of them?"), each read as if asked alone, in order, the one before as its context (so "and
 * 2013 end date" after "2010 end date" is read as the follow-up it is). A part that leaves out the Exchange
 * version or the technology is read again with those of the question before, named after it ("when does 2016 end and can i go
 * straight to SE?"). Undefined unless at least two parts are answered from the tables: a single
 * question is the router's as before.
 */
export function severalQuestions(
  text: string,
  kb: Pick<KnowledgeBase, 'recognizer' | 'directAnswers'>,
  route: RoutePart,
  previous?: PreviousQuestion,
): SeveralQuestions | undefined {
  const trimmed = text.trim();
  if (trimmed.length > MAX_MESSAGE) return undefined;
  const body = trimmed.replace(ANNOUNCE, '');
  const strong = body.split(SEPARATOR).filter((p) => /[\p{L}\p{N}]/u.test(p));
  const parts = strong.map((p) => p.replace(CONNECTOR, '')).flatMap((part) => splitAtAnd(part, kb));
  if (parts.length < 2 || parts.length > MAX_PARTS) return undefined;
  const questions: DirectQuestion[] = [];
  const unanswered: string[] = [];
  let context = previous;
  for (const part of parts) {
    const question = answerable(part, kb, route, context, questions[questions.length - 1]);
    if (question && questions.length < MAX_ANSWERS && !questions.some((q) => sameQuestion(q, question))) {
      questions.push(question);
      context = { attribute: question.attribute, subject: question.subject, ...(question.other ? { other: question.other } : {}) };
    } else if (!question) unanswered.push(part.replace(/[?\s]+$/, ''));
  }
  return questions.length >= 2 ? { questions, unanswered } : undefined;
}

/** One part, read alone and then with what the question before was about and it does not name. */
function answerable(
  part: string,
  kb: Pick<KnowledgeBase, 'recognizer' | 'directAnswers'>,
  route: RoutePart,
  context: PreviousQuestion | undefined,
  before: DirectQuestion | undefined,
): DirectQuestion | undefined {
  const alone = answered(part, kb, route, context);
  if (alone) return alone;
  const carried = before ? withSubject(part, before.subject, kb.recognizer) : undefined;
  const again = carried !== undefined ? answered(carried, kb, route, context) : undefined;
  return again ? { ...again, text: part } : undefined;
}

/**
 * The direct question a part is, as the router reads it. Beside another general question, "do we need a
 * witness with 4 of them" asks what any such setup needs (a rule the tables answer whoever asks), though
 * its "we" alone would make it the asker's plan for the check.
 */
function answered(part: string, kb: Pick<KnowledgeBase, 'directAnswers'>, route: RoutePart, context: PreviousQuestion | undefined): DirectQuestion | undefined {
  const routed = route(part, context);
  if (routed.kind === 'answer' && routed.question) return kb.directAnswers.answer(routed.question) ? routed.question : undefined;
  if (routed.kind !== 'check') return undefined;
  const read = kb.directAnswers.read(part, context);
  return read && read.attribute === 'rule' && read.needs === true && kb.directAnswers.answer(read) ? read : undefined;
}

/**
 * "2010 end date and 2013 end date": a part split at an "and" only when both sides read as direct
 * questions alone; "can 2013 and 2019 coexist" stays whole (neither "can 2013" nor "2019 coexist" is one).
 */
function splitAtAnd(part: string, kb: Pick<KnowledgeBase, 'recognizer' | 'directAnswers'>): string[] {
  for (const match of part.matchAll(AND)) {
    const left = part.slice(0, match.index);
    const right = part.slice(match.index + match[0].length);
    if (left.trim() === '' || right.trim() === '') continue;
    const l = kb.directAnswers.read(left);
    if (!l || !kb.directAnswers.answer(l)) continue;
    const carried = withSubject(right, l.subject, kb.recognizer);
    if (readsAlone(right, kb) || (carried !== undefined && readsAlone(carried, kb))) return [left, right];
  }
  return [part];
}

function readsAlone(text: string, kb: Pick<KnowledgeBase, 'directAnswers'>): boolean {
  const question = kb.directAnswers.read(text);
  return question !== undefined && kb.directAnswers.answer(question) !== undefined;
}

/** A move to a version ("go straight to SE", "upgrade to 2019"): the version named is where it goes. */
const MOVE_TO = /\b(?:go|goes|going|upgrad\w*|mov\w*|migrat\w*|jump|switch)\b.{0,20}\b(?:to|onto|into)\s+(?:exchange\s+)?(?:se|20\d\d)\b/i;

/** The technologies a part may leave to the question before ("can dag members be DCs, and how many members max"). */
const TECHNOLOGY_WORDS: Readonly<Record<string, string>> = {
  dag: 'in a dag',
  ccr: 'in a ccr cluster',
  scc: 'in an scc cluster',
  cluster: 'in a cluster',
  clustering: 'in a cluster',
};

/**
 * The part with what the question before was about and it does not name, said after it: the
 * Exchange version ("can i go straight to SE (from exchange 2016)": the version a move starts from)
 * and the technology ("how many members max (in a dag)"). Undefined when there is nothing to add.
 */
function withSubject(part: string, subject: Facts, recognizer: KnowledgeBase['recognizer']): string | undefined {
  const named = recognizer.extract(part).facts;
  const added: string[] = [];
  const technology = subject.ha !== undefined ? TECHNOLOGY_WORDS[subject.ha] : undefined;
  if (technology && named.ha === undefined) added.push(technology);
  // "can i go straight to SE": the version a move goes to is no subject; the one it starts from is the question before's.
  const onlyTarget = named.version !== undefined && named.version !== subject.version && MOVE_TO.test(part);
  if (subject.version !== undefined && (named.version === undefined || onlyTarget)) added.push(`from exchange ${subject.version}`);
  return added.length > 0 ? `${part.replace(/[?\s]+$/, '')} (${added.join(' ')})` : undefined;
}

function sameQuestion(a: DirectQuestion, b: DirectQuestion): boolean {
  return a.attribute === b.attribute && a.other === b.other && JSON.stringify(a.subject) === JSON.stringify(b.subject);
}
