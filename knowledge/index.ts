/**
 * The knowledge base: articles, support rules and the code that loads, validates and searches
 * them. Nothing here knows about Bot Framework; the bot and the dialogs build on these exports.
 */
export { loadKnowledgeBase, loadKnowledgeBaseInSlices, bundledKnowledgeDir, type KnowledgeBase } from './knowledge-base';
export { KnowledgeHolder } from './knowledge-holder';
export type { Article } from './articles';
export type { Facts } from './fact-recognizer';
export type { Decision, LifecycleNote, RulesStatistics, SupportLimit, SupportRule } from './support-rules';
export type { SetAside } from './fact-space';
export type { CheckStep } from './support-check';
export type { SearchAnswer, SearchHit } from './search';
export type { Dimension, DimensionValue, Verdict } from './schemas';
export { KnowledgeError, formatProblem, type KnowledgeProblem } from './problems';
export { normalizeQuestionWords, questionKind, type QuestionKind } from './question-words';
export type { PassageAnswer } from './passage-search';
export {
  VERDICT_LABELS,
  valueLabel,
  triageSummary,
  citedArticles,
  leadReason,
  reasons,
  recommendations,
  lifecycleLines,
  worstVerdict,
  formatDate,
  outOfSupportHeadline,
  verdictLine,
  summaryHeading,
  OPEN_FACT,
  cardLabel,
} from './triage-summary';
export { stepWithOpen, joinOpen, type OpenOutcome } from './open-facts';
export { findBuilds, describeBuilds, buildFacts, type BuildMention } from './build-numbers';
export { describeBuildRow, buildName, type BuildLookup, type BuildRow, type BuildTable, type LatestUpdates } from './exchange-builds';
export { DirectAnswers, type DirectAnswer, type DirectQuestion, type AnswerSource, type PreviousQuestion } from './direct-answers';
export { parseListing, MAX_LISTING_LINES, type ListingResult, type ListedServer } from './listing-parser';
export { listingDesign, type ListingGroup } from './listing-design';
export { listingReply } from './listing-reply';
