import { randomBytes } from 'node:crypto';
import type { TurnContext } from '../../dialogs/turn';
import type { UnansweredQuestions } from '../../dialogs/replies';
import { isOwnerRecord, MAX_COMMENT, MAX_RECORD_TEXT, type AnswerRecord, type AnswerSubject, type OwnerRecord, type RecordKind } from '../../knowledge/owners/records';
import type { Logger } from '../log';
import { isAnswerRef, recordKey, saltedHash, sentMessageKey, shortHash } from './record-keys';
import { BoundedCache } from '../../knowledge/bounded-cache';
import { listRecords, type RecordStore } from './record-store';

/** The records of the current attempt of a turn, written only once its state is saved. */
const PENDING = Symbol('owner records of this attempt');
/** When the turn started: every attempt keys its records on the same time. */
const TURN_TIME = Symbol('owner records turn time');

interface PendingRecord {
  key: string;
  value: object;
  kind: RecordKind | 'sent';
}

/** Feedback as read from a Teams invoke or a card button. */
export interface FeedbackInput {
  reaction: 'like' | 'dislike';
  comment?: string;
  /** From our card buttons. */
  answerRef?: string;
  /** From Teams: the id of the message the feedback is about. */
  replyToId?: string;
}

/**
 * Records what users asked, what they were answered and what they thought of it, for the knowledge
 * owners' report. Each record is its own storage item (see record-keys.ts).
 *
 * Inside the bot's turns (after {@link beginAttempt}) records are held and written by {@link commit}
 * once the turn's state is saved, so a turn run again after a state conflict records once, and a
 * turn that was dropped records nothing. Elsewhere (dialog tests) they are written at once.
 * A failed write is logged and never fails the user's turn.
 */
export class OwnerRecords implements UnansweredQuestions {
  private readonly daily = new DailyCounts(RECORDS_PER_USER_PER_DAY);
  // The user's and conversation's hashes of recent turns: a SHA-256 each was 3% of a knowledge
  // answer's CPU (issue 24). Ids come from requests, so the memo is bounded in entries and bytes.
  private readonly hashes = new BoundedCache<string, string>({ maxEntries: 10_000, maxBytes: 2 * 1024 * 1024, sizeOf: (hash) => 2 * hash.length });

  constructor(
    readonly store: RecordStore,
    private readonly log: Logger,
    private readonly salt: string = randomBytes(16).toString('hex'),
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The salted hash records keep instead of an id. */
  hashId(id: string): string {
    let hash = this.hashes.get(id);
    if (hash === undefined) {
      hash = saltedHash(this.salt, id);
      this.hashes.set(id, hash);
    }
    return hash;
  }

  /** Starts (or restarts, after a state conflict) a turn's attempt: what an earlier attempt held is forgotten. */
  beginAttempt(context: TurnContext): void {
    context.turnState.set(PENDING, []);
    if (!context.turnState.has(TURN_TIME)) context.turnState.set(TURN_TIME, this.now());
  }

  /** Writes the records held by the attempt that was saved. */
  async commit(context: TurnContext): Promise<void> {
    const pending = (context.turnState.get(PENDING) as PendingRecord[] | undefined) ?? [];
    context.turnState.set(PENDING, undefined);
    await Promise.all(pending.map((record) => this.write(record, context)));
  }

  /** A question the knowledge base had no answer for. */
  async record(context: TurnContext, question: string): Promise<void> {
    await this.add(context, 'unanswered', { question: clip(question, MAX_RECORD_TEXT) });
  }

  /** An answer or verdict sent, under the reference its feedback buttons carry. */
  async answered(context: TurnContext, ref: string, subject: AnswerSubject): Promise<void> {
    const question = clip(context.activity.text ?? '', MAX_RECORD_TEXT);
    await this.add(context, 'answer', { ref, question, subject }, `answer/${ref}`);
  }

  /** Teams sent an answer under `activityId`: its feedback will name that id. */
  async sent(context: TurnContext, activityId: string, ref: string): Promise<void> {
    const conversationId = context.activity.conversation?.id ?? '';
    // The user's hash too: the pointer counts against that user's share of the records.
    await this.hold(context, { kind: 'sent', key: sentMessageKey(conversationId, activityId), value: { ref, user: this.hashId(userIdOf(context)) } });
  }

  /** A suggested article opened from an answer. */
  async suggestion(context: TurnContext, question: string, fromArticleId: string, articleId: string): Promise<void> {
    await this.add(context, 'suggestion', { question: clip(question, MAX_RECORD_TEXT), fromArticleId, articleId });
  }

  /** 👍/👎 on an answer, with the answer it is about when it can be found. */
  async feedback(context: TurnContext, input: FeedbackInput): Promise<void> {
    const answer = await this.findAnswer(context, input);
    const comment = input.comment?.trim() ? clip(input.comment.trim(), MAX_COMMENT) : undefined;
    await this.add(context, 'feedback', {
      reaction: input.reaction,
      ...(comment ? { comment } : {}),
      ...(answer ? { answerRef: answer.ref, question: answer.question, subject: answer.subject } : {}),
    });
  }

  /** Records of one kind from `from` to `to` (UTC days, both included), oldest first. */
  async list(kind: RecordKind, from: Date, to: Date): Promise<OwnerRecord[]> {
    return (await listRecords(this.store, kind, from, to)).filter(isOwnerRecord).filter((r) => r.kind === kind);
  }

  /** Every kind of record from `from` to `to`. */
  async listAll(from: Date, to: Date): Promise<OwnerRecord[]> {
    const kinds: RecordKind[] = ['unanswered', 'answer', 'feedback', 'suggestion'];
    return (await Promise.all(kinds.map((kind) => this.list(kind, from, to)))).flat();
  }

  private async findAnswer(context: TurnContext, input: FeedbackInput): Promise<AnswerRecord | undefined> {
    try {
      let ref = isAnswerRef(input.answerRef) ? input.answerRef : undefined;
      if (!ref && input.replyToId) {
        const pointer = (await this.store.read(sentMessageKey(context.activity.conversation?.id ?? '', input.replyToId))) as { ref?: unknown } | undefined;
        if (isAnswerRef(pointer?.ref)) ref = pointer.ref;
      }
      if (!ref) return undefined;
      const answer = await this.store.read(`answer/${ref}`);
      return isOwnerRecord(answer) && answer.kind === 'answer' ? answer : undefined;
    } catch (error) {
      this.log('warn', 'feedback: answer record could not be read', { error: (error as Error).message });
      return undefined;
    }
  }

  private async add(context: TurnContext, kind: RecordKind, fields: object, key?: string): Promise<void> {
    const pending = context.turnState.get(PENDING) as PendingRecord[] | undefined;
    const at = (context.turnState.get(TURN_TIME) as Date | undefined) ?? this.now();
    const { activity } = context;
    const conversationId = activity.conversation?.id ?? '';
    const value = {
      kind,
      at: at.toISOString(),
      channel: activity.channelId ?? 'unknown',
      user: this.hashId(userIdOf(context)),
      conversation: this.hashId(conversationId),
      ...fields,
    };
    // Time and a hash of the turn: a channel's retry of the same activity lands on the same key.
    const seq = pending?.filter((p) => p.kind === kind).length ?? 0;
    const turnId = activity.id ?? randomBytes(8).toString('hex');
    await this.hold(context, { kind, value, key: key ?? recordKey(kind, at, shortHash(conversationId, turnId, kind, String(seq))) });
  }

  private async hold(context: TurnContext, record: PendingRecord): Promise<void> {
    const pending = context.turnState.get(PENDING) as PendingRecord[] | undefined;
    if (pending) pending.push(record);
    else await this.write(record, context);
  }

  private async write(record: PendingRecord, context: TurnContext): Promise<void> {
    // Capped: a conversation id is whatever the channel sent, and a log line must stay a line.
    const conversationId = context.activity.conversation?.id?.slice(0, 200);
    const user = (record.value as { user?: unknown }).user;
    if (typeof user === 'string' && !this.daily.take(user, this.now())) {
      if (this.daily.justReached(user, this.now()))
        this.log('warn', 'owner records: daily cap per user reached; not recording more from this user today', { conversationId, cap: RECORDS_PER_USER_PER_DAY });
      return;
    }
    try {
      const created = await this.store.create(record.key, record.value);
      if (record.kind === 'unanswered') this.log('info', created ? 'unanswered question recorded' : 'unanswered question already recorded', { conversationId });
    } catch (error) {
      // The user has their answer already; a lost record is a gap in a report, not a failed turn.
      this.log('warn', 'owner record not stored', { kind: record.kind, conversationId, error: (error as Error).message });
    }
  }
}

/**
 * Records one user may add in a UTC day, on one instance: far above a person's questions (each
 * answered turn writes two or three records), far below a flood (3,000 feedback invokes made 3,000
 * blobs: issue 22). Past it the turn is answered as usual and only the record is skipped.
 */
export const RECORDS_PER_USER_PER_DAY = 600;

/** Records written per user (salted hash) on the current UTC day. Bounded: at most {@link MAX_TRACKED_USERS} users a day. */
class DailyCounts {
  private day = '';
  private readonly counts = new Map<string, number>();

  constructor(private readonly cap: number) {}

  /** Counts one record of `user`; false when the user is at the cap (or too many users wrote today). */
  take(user: string, now: Date): boolean {
    const day = now.toISOString().slice(0, 10);
    if (day !== this.day) {
      this.day = day;
      this.counts.clear();
    }
    const count = this.counts.get(user) ?? 0;
    if (count === 0 && this.counts.size >= MAX_TRACKED_USERS) return false;
    if (count >= this.cap) {
      this.counts.set(user, count + 1);
      return false;
    }
    this.counts.set(user, count + 1);
    return true;
  }

  /** True right after `user` first went over the cap today (one log line per user and day). */
  justReached(user: string, now: Date): boolean {
    return now.toISOString().slice(0, 10) === this.day && this.counts.get(user) === this.cap + 1;
  }
}

/** Distinct users a day the cap keeps counts for (about 5 MB of counts); beyond, records of new users are skipped for the day. */
const MAX_TRACKED_USERS = 50_000;

/**
 * Who sent the turn: the Azure AD object id when it is a string, else the channel's user id. The
 * request checks only that `from.id` is a string; a number or an object in `aadObjectId` failed
 * every turn that wrote a record (issue 22).
 */
function userIdOf(context: TurnContext): string {
  const { aadObjectId, id } = (context.activity.from ?? {}) as { aadObjectId?: unknown; id?: unknown };
  if (typeof aadObjectId === 'string' && aadObjectId) return aadObjectId;
  return typeof id === 'string' ? id : '';
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, max);
}
