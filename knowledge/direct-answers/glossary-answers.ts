import { definitionTerms, definitionText } from '../search/definition-term';
import type { DirectAnswer, DirectQuestion } from './direct-answer';
import { glossaryKey, type GlossaryEntry } from './glossary-table';
import { label, listOf, sourcesOf, statusWords, type AnswerTables } from './table-access';

/*
 * Definitions from the glossary table (knowledge/data/glossary.yaml): "what is an EVS", "whats a fsw",
 * "define dag", "what does LCR stand for", "scr?". The term must be the whole rest of the question
 * (bar a qualifier such as "in exchange 2007" or "used for"), so "what is the max dag size" is no
 * definition, and a term the glossary does not hold is never answered with a nearby one (the
 * search answers it only with a passage naming the term: knowledge/search/definition-term.ts).
 */

/** A bare term with a question mark ("scr?", "dag??"). */
const BARE = /^(?:an?\s+|the\s+)?([\p{L}\p{N}/ .-]{2,40}?)\s*\?+$/iu;
/** After a definition: "and lcr?", "what about scr". */
const FOLLOW_UP = /^(?:and|what about|how about|and what about|ok and|same for)\s+(?:an?\s+|the\s+)?(.{2,40}?)\s*\?*$/i;
/** A definition question is short; a long message is something else. */
const MAX_DEFINITION_LENGTH = 200;
/** Words of this length or more forgive one slip ("avalability"); shorter ones must be exact. */
const TYPO_LENGTH = 5;

/**
 * The glossary entry a question asks the definition of, if the whole question asks for one.
 * `previous` is the attribute of the direct answer just given, if any: a bare "esu?" right after an
 * answer about a release's dates asks for that date (the question reader's follow-up), not a definition.
 */
export function definitionAsked(typed: string, glossary: readonly GlossaryEntry[], previous?: string): GlossaryEntry | undefined {
  if (typed.length > MAX_DEFINITION_LENGTH) return undefined;
  const stripped = definitionText(typed);
  // A question with a qualifier after the term ("what is scr in exchange 2007", "lcr used for").
  for (const term of definitionTerms(typed)) {
    const found = lookUp(term, glossary);
    if (found) return found;
  }
  // The term alone: nothing else may stand beside it.
  const bare = previous === undefined || previous === 'definition' ? BARE.exec(stripped) : null;
  const alone = bare ? lookUp(bare[1]!, glossary) : undefined;
  if (alone) return alone;
  const followUp = previous === 'definition' ? FOLLOW_UP.exec(stripped) : null;
  if (followUp) return lookUp(followUp[1]!, glossary);
  return undefined;
}

/** Each entry's names as compared (glossaryKey), worked out once per table row. */
const keysOf = new WeakMap<GlossaryEntry, string[]>();

function namesOf(entry: GlossaryEntry): string[] {
  let keys = keysOf.get(entry);
  if (!keys) keysOf.set(entry, (keys = entry.names.map(glossaryKey)));
  return keys;
}

function lookUp(term: string, glossary: readonly GlossaryEntry[]): GlossaryEntry | undefined {
  const key = glossaryKey(term);
  if (key === '') return undefined;
  const singular = key.replace(/s$/, '');
  for (const entry of glossary) for (const name of namesOf(entry)) if (name === key || name === singular) return entry;
  const words = key.split(' ');
  for (const entry of glossary) {
    for (const name of namesOf(entry)) {
      const nameWords = name.split(' ');
      if (nameWords.length === words.length && nameWords.every((w, i) => w === words[i] || (w.length >= TYPO_LENGTH && oneSlip(w, words[i]!)))) return entry;
    }
  }
  return undefined;
}

/** True when `b` is `a` with one letter changed, added, dropped or two neighbours swapped. */
function oneSlip(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** The definition of the term asked (`question.other` is its glossary id, or the subject names its dimension value). */
export function definitionAnswer(tables: AnswerTables, question: DirectQuestion): DirectAnswer | undefined {
  const entry = glossaryEntryFor(tables.glossary, question);
  if (!entry) return undefined;
  const versions = entry.versions.map((v) => label(tables, 'version', v));
  const details = [`Applies to: ${listOf(versions)}.`];
  const sources = sourcesOf(tables, entry.basis ?? []);
  if ((entry.sources ?? []).length > 0 || (entry.basis ?? []).length === 0) {
    const status = statusWords(entry.status ?? 'recalled');
    sources.push({ status, label: (entry.sources ?? []).join(', ') || 'no source read' });
  }
  const checkFacts: Record<string, string> = {};
  if (entry.value !== undefined) {
    const [dimension, value] = entry.value.split('/') as [string, string];
    checkFacts[dimension] = value;
  }
  return { question, answer: entry.definition, details, sources, articleId: entry.article ?? '', checkFacts };
}

function glossaryEntryFor(glossary: readonly GlossaryEntry[], question: DirectQuestion): GlossaryEntry | undefined {
  if (question.other !== undefined) return glossary.find((e) => e.id === question.other);
  for (const [dimension, value] of Object.entries(question.subject)) {
    const found = glossary.find((e) => e.value === `${dimension}/${value}`);
    if (found) return found;
  }
  return undefined;
}
