/**
 * The knowledge base: articles, support rules and the code that loads, validates and searches
 * them. Nothing here knows about Bot Framework; the bot and the dialogs build on these exports.
 */
export { loadKnowledgeBase, loadKnowledgeBaseInSlices, bundledKnowledgeDir, type KnowledgeBase } from './knowledge-base';
export { KnowledgeHolder } from './knowledge-holder';
export type { Article } from './loading/articles';
export type { Facts } from './reading/fact-recognizer';
export type { Decision, LifecycleNote, RulesStatistics, SupportLimit, SupportRule } from './rules/support-rules';
export type { SetAside } from './rules/fact-space';
export type { CheckStep } from './rules/support-check';
export type { SearchAnswer, SearchHit } from './search/search';
export type { Dimension, DimensionValue, Verdict } from './loading/schemas';
export { KnowledgeError, formatProblem, type KnowledgeProblem } from './loading/problems';
export { normalizeQuestionWords, questionKind, type QuestionKind } from './reading/question-words';
export { withoutEndPunctuation } from './reading/end-punctuation';
export type { PassageAnswer } from './search/passage-search';
export { describesFault, namesUncoveredRelease } from './search/question-scope';
export { asksCapacity, asksUnheldKind, asksUnheldTopic } from './search/unheld-question';
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
  firstClause,
  verdictLine,
  summaryHeading,
  OPEN_FACT,
  SEVERAL_VALUES,
  cardLabel,
  assumedLines,
  retiredProduct,
  SUPPORTED_PATH,
} from './rules/triage-summary';
export { stepWithOpen, joinOpen, openForStatedQuestion, withOpenValue, type OpenOutcome } from './rules/open-facts';
export { ASSUMED_CONDITION_PREFIX, settledAssumptions } from './rules/assumed-facts';
export { findBuilds, describeBuilds, buildFacts, shortVersionAnswer, type BuildMention } from './reading/build-numbers';
export { describeTypedUpdate, runningUpdate } from './reading/typed-update';
export { saidUnknown } from './reading/said-unknown';
export { describeBuildRow, buildName, type BuildLookup, type BuildRow, type BuildTable, type LatestUpdates } from './rules/exchange-builds';
export { DirectAnswers, type DirectAnswer, type DirectQuestion, type AnswerSource, type PreviousQuestion } from './direct-answers';
export { upgradePath, upgradesInPlaceToSe, type UpgradePath } from './direct-answers';
export { asksHowTo, endsWithHow } from './direct-answers';
export { parseListing, MAX_LISTING_LINES, type ListingResult, type ListedServer } from './listings/listing-parser';
export { listingDesign, type ListingGroup } from './listings/listing-design';
export { listingReply, listingMarkdown, listingView, serverList, type ListingView, type ListingGroupView, type ListingQuestion } from './listings/listing-reply';
export { answerListing, tooLongListingMessage, MAX_LISTING_CHARACTERS, type ListingAnswer } from './listings/listing-answer';
