/**
 * The knowledge base: articles, support rules and the code that loads, validates and searches
 * them. Nothing here knows about Bot Framework; the bot and the dialogs build on these exports.
 */
export { loadKnowledgeBase, bundledKnowledgeDir, type KnowledgeBase } from './knowledge-base';
export type { Article } from './articles';
export type { Facts } from './fact-recognizer';
export type { Decision, SupportRule } from './support-rules';
export type { CheckStep } from './support-check';
export type { SearchAnswer, SearchHit } from './search';
export type { Dimension, Verdict } from './schemas';
export { KnowledgeError, formatProblem, type KnowledgeProblem } from './problems';
export { stripMentions } from './search-vocabulary';
export { normalizeQuestionWords, questionKind, type QuestionKind } from './question-words';
export type { PassageAnswer } from './passage-search';
export { VERDICT_LABELS, valueLabel, triageSummary, citedArticles } from './triage-summary';
