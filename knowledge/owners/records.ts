/**
 * What the bot keeps for the people who maintain the knowledge: one record per event (a question
 * without an answer, an answer given, feedback on it, a suggested article picked). Plain data, no
 * Bot Framework types, so the report can be built anywhere (the bot, `npm run kb:report`, tests).
 *
 * Records never hold a user's name or id in clear: `user` and `conversation` are salted hashes,
 * enough to count distinct people, useless to find them.
 */
export type RecordKind = 'unanswered' | 'answer' | 'feedback' | 'suggestion';
export const RECORD_KINDS: readonly RecordKind[] = ['unanswered', 'answer', 'feedback', 'suggestion'];

/** What an answer was: an article (found by a search, or asked for by id) or a guided-check verdict. */
export type AnswerSubject =
  { kind: 'article'; articleId: string; via: 'search' | 'id'; related: string[] } | { kind: 'verdict'; verdict: string; facts: Record<string, string>; rules: string[] };

interface RecordBase {
  /** ISO time of the event. */
  at: string;
  channel: string;
  /** Salted hash of the user's id (Teams: AAD object id). */
  user: string;
  /** Salted hash of the conversation id. */
  conversation: string;
}

export interface UnansweredRecord extends RecordBase {
  kind: 'unanswered';
  question: string;
}

export interface AnswerRecord extends RecordBase {
  kind: 'answer';
  /** The reference feedback buttons carry back (the record's key after `answer/`). */
  ref: string;
  question: string;
  subject: AnswerSubject;
}

export interface FeedbackRecord extends RecordBase {
  kind: 'feedback';
  reaction: 'like' | 'dislike';
  comment?: string;
  /** The answer the feedback is about, when it could be found. */
  answerRef?: string;
  question?: string;
  subject?: AnswerSubject;
}

export interface SuggestionRecord extends RecordBase {
  kind: 'suggestion';
  /** The question whose answer offered the article. */
  question: string;
  /** The answer's article, and the suggested one the user opened from it. */
  fromArticleId: string;
  articleId: string;
}

export type OwnerRecord = UnansweredRecord | AnswerRecord | FeedbackRecord | SuggestionRecord;

/** Longest question and comment kept: enough to read the intent, bounded for storage. */
export const MAX_RECORD_TEXT = 500;
export const MAX_COMMENT = 1000;

/** True for a value read back from storage that has the shape of a record (storage is not trusted blindly). */
export function isOwnerRecord(value: unknown): value is OwnerRecord {
  if (!value || typeof value !== 'object') return false;
  const record = value as Record<string, unknown>;
  return RECORD_KINDS.includes(record.kind as RecordKind) && typeof record.at === 'string' && !Number.isNaN(Date.parse(record.at));
}
