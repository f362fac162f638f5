import type { Facts } from '../reading/fact-recognizer';
import type { PassageAnswer } from '../search/passage-search';

/** What a direct question asks about its subject. */
export type Attribute =
  | 'end-of-support'
  | 'mainstream'
  | 'esu'
  | 'still-supported'
  | 'windows-releases'
  | 'exchange-versions'
  | 'windows-editions'
  | 'runs-on'
  | 'from-update'
  | 'max-nodes'
  | 'max-instances'
  | 'max-databases'
  | 'max-database-size'
  | 'clusterable-roles'
  | 'server-roles'
  | 'coexistence'
  | 'rule'
  | 'general-rule'
  | 'definition'
  | 'how-to'
  | 'latest-update'
  | 'update-released';

/** A question the structured knowledge answers: the attribute asked and the facts it names (its subject). */
export interface DirectQuestion {
  attribute: Attribute;
  /** Facts named (version, Windows release and edition, update level, technology, stated facts). */
  subject: Facts;
  /** For coexistence: the second Exchange version named; for a definition: the glossary term's id; for a how-to: the how-to row's id; for a general rule: its row's id. */
  other?: string;
  /** "do I need ...": the question asks whether a named fact is required. */
  needs?: boolean;
  /** The question as typed (the passage beneath the answer is searched with it). */
  text: string;
}

/** How sure a fact is, in the words the answer shows. */
export type FactStatus = 'Microsoft doc' | 'third-party' | 'derived from Microsoft docs' | 'recalled, not confirmed';

/** Where a fact of the answer comes from. */
export interface AnswerSource {
  /** The documents it was read in (or what to confirm it in). */
  label: string;
  status: FactStatus;
}

/** An answer from the tables: the answer first, then its source and status, then the article passage. */
export interface DirectAnswer {
  question: DirectQuestion;
  /** The first sentence: the answer itself ("Up to 16 Mailbox servers in one DAG."). */
  answer: string;
  /** Further lines: the list, the note, the conditions. */
  details: string[];
  sources: AnswerSource[];
  /** The article the fact comes from, quoted beneath. */
  articleId: string;
  /** Other articles that state the same fact: the passage is quoted from whichever carries it best. */
  otherArticles?: string[];
  passage?: PassageAnswer;
  /** The facts "Check my setup" pre-fills. */
  checkFacts: Facts;
}
