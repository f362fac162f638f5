import { BoundedCache } from '../bounded-cache';
import type { PassageAnswer } from './passage-search';
import type { SearchVocabulary } from './search-vocabulary';

/**
 * What a "how many / how much / max" question counts: the words after the cue, up to the first
 * preposition or verb ("max mailbox size in exchange 2016" → "mailbox size", "how many EVS on a
 * 4 node cluster" → "EVS"). Linear: a bounded word run, no nested quantifiers.
 */
const COUNTED =
  /\b(?:how (?:many|much)|max(?:imum)?|min(?:imum)?|largest|biggest|number of|limit (?:on|of|for))\s+(?:(?:number|amount|count|size|limit) of\s+)?((?:[\p{L}\p{N}-]+\s+){0,2}?[\p{L}\p{N}-]+?)(?=\s+(?:in|on|per|for|of|can|could|does|do|did|is|are|should|will|would|with|at|to|allowed|supported|possible|i|we|you)\b|\s*[?.!,]|\s*$)/iu;

/** The terms of a passage as shown, by its text: the same few passages answer question after question (bounded). */
const shownTerms = new BoundedCache<string, string[]>({ maxEntries: 2_000, maxBytes: 4 * 1024 * 1024, sizeOf: (terms) => terms.reduce((n, t) => n + 16 + t.length * 2, 64) });

/**
 * The ideas a number question counts that the passage shown does not hold. A number question whose
 * counted thing is not in the passage gets a number about something else ("max mailbox size" met with
 * the DAG member limit): that is no answer, so the search offers suggestions instead.
 *
 * @example
 * missingCounted('whats the max mailbox size in exchange 2016', passage, vocabulary); // ['size'] when the passage is about witnesses
 */
export function missingCounted(question: string, passage: PassageAnswer, vocabulary: SearchVocabulary): string[] {
  const head = COUNTED.exec(question)?.[1];
  if (!head) return [];
  return passageHolds(passage, head, vocabulary);
}

/** The ideas of `words` (first term of each) that the passage shown holds in none of its forms (a prefix or a stem counts). */
export function passageHolds(passage: PassageAnswer, words: string, vocabulary: SearchVocabulary, options: { keepGeneric?: boolean } = {}): string[] {
  const wanted = vocabulary.units(words, options);
  if (wanted.length === 0) return [];
  const text = [passage.article.title, passage.section, ...passage.sentences].join(' \n ');
  let shown = shownTerms.get(text);
  if (shown === undefined) shownTerms.set(text, (shown = [...new Set(vocabulary.terms(text))]));
  const terms = shown;
  const held = (term: string) => terms.includes(term) || (term.length >= 4 && terms.some((t) => t.startsWith(term) || (t.length >= 4 && term.startsWith(t))));
  return wanted.filter((unit) => !unit.terms.some(held)).map((unit) => unit.terms[0]!);
}
