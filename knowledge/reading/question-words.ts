/**
 * Question words typed in a hurry ("wat", "hw many", "wich"). Too short for the edit-distance
 * tolerance that content words get (a 3-letter word with one slip is another word), so the common
 * slips are listed. Acronym and content-word typos ("clustr", "exhange") are forgiven by the search
 * vocabulary's fuzzy matching instead.
 */
const TYPOS: Readonly<Record<string, string>> = {
  wat: 'what',
  wht: 'what',
  waht: 'what',
  whta: 'what',
  wats: 'whats',
  wot: 'what',
  hw: 'how',
  hwo: 'how',
  hiw: 'how',
  hoe: 'how',
  howmany: 'how many',
  hwomany: 'how many',
  wich: 'which',
  whcih: 'which',
  wihch: 'which',
  whihc: 'which',
  wen: 'when',
  whn: 'when',
  wehn: 'when',
  wher: 'where',
  whre: 'where',
  wehre: 'where',
  wy: 'why',
  whay: 'why',
  cna: 'can',
  cn: 'can',
  dose: 'does',
  deos: 'does',
  iz: 'is',
  mny: 'many',
  mnay: 'many',
  amny: 'many',
  manny: 'many',
};

const TYPO_WORD = new RegExp(`(?<![\\p{L}\\p{N}])(${Object.keys(TYPOS).join('|')})(?![\\p{L}\\p{N}])`, 'giu');

/**
 * The text with misspelt question words put right, everything else as typed.
 *
 * @example
 * normalizeQuestionWords('wat is an EVS'); // 'what is an EVS'
 * normalizeQuestionWords('hw many nodes'); // 'how many nodes'
 */
export function normalizeQuestionWords(text: string): string {
  return text.replace(TYPO_WORD, (word) => TYPOS[word.toLowerCase()] ?? word);
}

/** What kind of answer a question wants, which decides the order of a passage's sentences. */
export type QuestionKind = 'number' | 'yes-no' | 'open';

const NUMBER_QUESTION =
  /\b(how (many|much|big|large|long|old)|max(imum)?|min(imum)?|limit|number of|up to how|which (service pack|sp|cu|cumulative update|update|release|year)|when|what (date|year|service pack|cu))\b/i;
const YES_NO_QUESTION = /^(can|could|may|might|do|does|did|is|are|was|were|will|would|should|shall|must|has|have|am)\b|\b(yes or no|allowed|supported|possible|ok|okay)\?*$/i;

/**
 * "how many", "max", "which service pack" want a number; "can", "do I need", "is it" want a yes or
 * no; anything else is open.
 *
 * @example
 * questionKind('how many nodes can a cluster have'); // 'number'
 * questionKind('can cluster nodes be DCs?'); // 'yes-no'
 */
export function questionKind(question: string): QuestionKind {
  const text = normalizeQuestionWords(question.replace(/<at>[\s\S]*?<\/at>/gi, ' ')).trim();
  if (NUMBER_QUESTION.test(text)) return 'number';
  if (YES_NO_QUESTION.test(text)) return 'yes-no';
  return 'open';
}

const NUMBER = /\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|sixteen|n-1)\b/i;

/** True when a sentence carries a number (digits or a number word), the answer to a "how many". */
export function carriesNumber(sentence: string): boolean {
  return NUMBER.test(sentence);
}

const VERDICT_WORDS = /\b(not|no|cannot|can't|never|only|must|need|needs|required|requires|supported|unsupported|allowed|yes)\b/i;

/** True when a sentence states a yes or no (a rule, a requirement, a prohibition). */
export function carriesYesNo(sentence: string): boolean {
  return VERDICT_WORDS.test(sentence);
}
