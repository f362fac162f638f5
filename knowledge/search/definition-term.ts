import { normalizeQuestionWords } from '../reading/question-words';

/*
 * The term a definition question asks about: "what is an EVS" → "EVS", "what is scr in exchange
 * 2007" → "scr in exchange 2007", then "scr". The glossary answers a term it holds; the search may
 * answer any other only with a passage that names the term. Anchored, linear patterns on text
 * already cut to 4,000 characters.
 */
const LEAD =
  /^(?:what(?:'s| is| are| was| were)|whats|define|definition of|meaning of|explain|describe|tell me about|what is meant by|whats meant by)\s+(?:an?\s+|the\s+)?(.{1,80})$/i;
/** "what does LCR mean", "what does mscs stand for", "what does a front-end server do". */
const WHAT_DOES = /^what (?:does|do)\s+(?:an?\s+|the\s+)?(.{1,60}?)\s+(?:mean|stand for|stands for|do)$/i;
/** "EVS meaning", "fsw stands for what", "scr = ?". */
const TRAILING = /^(?:an?\s+|the\s+)?(.{1,60}?)\s+(?:meaning|means what|stands? for what|stand for\??|definition|= ?)$/i;
/** What may follow the term without changing what is asked ("in exchange 2007", "(exchange)", "used for"). */
const QUALIFIER =
  /\s*\((?:in\s+)?(?:exchange|exch|ms exchange|microsoft exchange|e2k\w*|ex2k\w*|ex20\d\d)[^()]{0,20}\)$|\s+(?:(?:in|on|under|within)\s+(?:an?\s+|the\s+)?(?:exchange|exch|ex|e2k\w*|ex2k\w*|20\d\d|se|windows|w2k\w*|clusters?|dags?|clustering|failover clusters?|ms exchange|microsoft exchange|an exchange)\b.{0,40}|(?:used|needed|good) for|for|mean|means|stand for|stands for|do|does|exactly|again|actually|pls|please|anyway|in exchange terms|and what (?:is it|does it do|does it mean|is it for|is that))$/i;
/** Longer messages are no definition questions. */
const MAX_DEFINITION_LENGTH = 200;
/** The term first, the question after it: "front-end server in exchange 2003, what is it", "'clustered mailbox server' - what does it mean". */
const ASKED_AFTER =
  /^(.{1,80}?)\s*[,:;-]+\s*(?:what(?:'s| is| are) (?:it|that|this|they|those)|whats (?:it|that|this)|what does (?:it|that|this) mean|meaning)(?:\s+(?:exactly|again|actually|please|pls))?$/i;
/** "2007 term 'clustered mailbox server'": the word "term" (and a version before it) is no part of the term. */
const NAMED_AS_TERM = /^(?:\S+\s+)?(?:term|word|acronym|abbreviation)\s+/i;
const QUOTES = /^['"\u2018\u201c]|['"\u2019\u201d]$/g;
/** Qualifiers come off one at a time, at most this many. */
const MAX_QUALIFIERS = 2;

/** A question as the definition patterns read it: question words mended, mentions and end punctuation gone. */
export function definitionText(typed: string): string {
  const text = normalizeQuestionWords(typed.replace(/<at>[^<]{0,80}<\/at>/gi, ' ').trim()).replace(/\s+/g, ' ');
  // End punctuation trimmed by a walk back, not /[!.\s]+$/, which is quadratic on "!!!...!x".
  let end = text.length;
  while (end > 0 && '!. '.includes(text[end - 1]!)) end -= 1;
  return text.slice(0, end);
}

/**
 * The term a definition question asks about, longest reading first ("scr in exchange 2007", "scr"),
 * or none when the question is no definition ("what is the max dag size" reads "max dag size", which
 * no glossary holds: the caller decides).
 */
export function definitionTerms(typed: string): string[] {
  // A definition question is short; a long message is something else (and the qualifier pattern stays cheap).
  if (typed.length > MAX_DEFINITION_LENGTH) return [];
  let question = definitionText(typed).replace(/\?+$/, '');
  const terms: string[] = [];
  // "what does a front-end server do in exchange 2003": the qualifier comes off the question first.
  for (let i = 0; i <= MAX_QUALIFIERS && terms.length === 0; i += 1) {
    const read = WHAT_DOES.exec(question) ?? LEAD.exec(question) ?? TRAILING.exec(question) ?? ASKED_AFTER.exec(question);
    if (read) terms.push(read[1]!.trim().replace(NAMED_AS_TERM, '').replace(QUOTES, ''));
    const shorter = question.replace(QUALIFIER, '');
    if (shorter === question) break;
    question = shorter;
  }
  if (terms.length === 0) return [];
  for (let i = 0; i < MAX_QUALIFIERS; i += 1) {
    const last = terms[terms.length - 1]!;
    const shorter = last.replace(QUALIFIER, '');
    if (shorter === last || shorter === '') break;
    terms.push(shorter);
  }
  return terms;
}
