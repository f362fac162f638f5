import { MAX_PICK_QUESTION } from '../../dialogs/replies';
import type { Activity } from '../../dialogs/turn';
import type { BotTurn } from '../bot-turn';
import { adaptFeedbackToChannel, feedbackOffer } from '../cards/feedback-actions';
import type { OwnerRecords } from './owner-records';

/**
 * What a related-article button of an answer carries, stamped when the answer is sent: the question
 * the answer was for and the article it showed, so that opening the related article can be recorded
 * as a suggestion pick from what the button sends back, with no conversation state (issue 24).
 */
interface RelatedPick {
  relatedFor: string;
  relatedFrom: string;
  relatedArticle: string;
}

const SENT_IDS_WATCHED = Symbol('sent answer ids watched');

/**
 * Watches what a turn sends and records the answers among them (with the reference their feedback
 * will carry), suggested articles the user opened, and, in Teams, the message id of each answer
 * (Teams' feedback names the message, not our reference). The dialogs know nothing of this.
 */
export class AnswerTracking {
  constructor(private readonly records: OwnerRecords) {}

  /**
   * Register before the turn's replies are held: answers are recorded (held until the state is
   * saved) and fitted to the channel's feedback buttons as the dialogs send them.
   */
  watchAnswers(context: BotTurn): void {
    context.onSendActivities(async (ctx, activities, next) => {
      for (const activity of activities) await this.answerSent(ctx, activity);
      return next();
    });
  }

  /** Call at the start of each attempt of the turn, after the replies are held. */
  beginAttempt(context: BotTurn): void {
    this.records.beginAttempt(context);
    if (context.activity.channelId !== 'msteams' || context.turnState.get(SENT_IDS_WATCHED)) return;
    context.turnState.set(SENT_IDS_WATCHED, true);
    // Registered after the held replies, so this runs when they are really sent and sees Teams' ids.
    context.onSendActivities(async (ctx, activities, next) => {
      const responses = await next();
      for (const [i, activity] of activities.entries()) {
        const offer = feedbackOffer(activity);
        const id = responses?.[i]?.id;
        if (offer && id) await this.records.sent(ctx, id, offer.ref);
      }
      return responses;
    });
  }

  private async answerSent(context: BotTurn, activity: Partial<Activity>): Promise<void> {
    const offer = feedbackOffer(activity);
    if (!offer) return;
    adaptFeedbackToChannel(activity, context.activity.channelId);
    await this.records.answered(context, offer.ref, offer.subject);
    const { subject } = offer;
    if (subject.kind !== 'article') return;
    const text = context.activity.text ?? '';
    const picked = subject.via === 'id' ? relatedPick(context.activity.value, subject.articleId) : undefined;
    if (picked) await this.records.suggestion(context, picked.relatedFor, picked.relatedFrom, subject.articleId);
    const question = subject.via === 'search' ? text : (picked?.relatedFor ?? text);
    stampRelatedButtons(activity, subject.related, question, subject.articleId);
  }
}

/** The pick a message carries, if it came from a related-article button for `articleId` on another article's answer. */
function relatedPick(value: unknown, articleId: string): RelatedPick | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const { relatedFor, relatedFrom, relatedArticle } = value as Partial<Record<keyof RelatedPick, unknown>>;
  if (typeof relatedFor !== 'string' || typeof relatedFrom !== 'string' || relatedArticle !== articleId || relatedFrom === articleId) return undefined;
  return { relatedFor: relatedFor.slice(0, MAX_PICK_QUESTION), relatedFrom: relatedFrom.slice(0, 20), relatedArticle };
}

/**
 * Adds the question and the answer's article to the answer's related-article buttons ("Show
 * EXB-003"), which become messageBack in Teams (an imBack sends its text alone).
 */
function stampRelatedButtons(activity: Partial<Activity>, related: readonly string[], question: string, fromArticleId: string): void {
  // Most answers offer no related article: no need to walk the whole card for its buttons.
  if (related.length === 0) return;
  for (const action of submitActions(activity.attachments?.map((a) => a.content))) {
    const data = action.data as Record<string, unknown> | undefined;
    const relatedArticle = related.find((id) => data?.text === `Show ${id}`);
    if (!data || !relatedArticle) continue;
    const { msteams: _teams, ...rest } = data;
    const value = { ...rest, relatedFor: question.slice(0, MAX_PICK_QUESTION), relatedFrom: fromArticleId, relatedArticle } satisfies RelatedPick & Record<string, unknown>;
    action.data = { ...value, msteams: { type: 'messageBack', displayText: action.title, text: data.text, value: JSON.stringify(value) } };
  }
}

/** Every Action.Submit of a card, wherever it stands (actions, ActionSets, cards of Action.ShowCard). */
function submitActions(node: unknown, found: Array<Record<string, unknown>> = []): Array<Record<string, unknown>> {
  if (Array.isArray(node)) for (const item of node) submitActions(item, found);
  else if (node && typeof node === 'object') {
    const object = node as Record<string, unknown>;
    if (object.type === 'Action.Submit') found.push(object);
    // Only objects and arrays can hold actions; a card is mostly strings (and Object.entries of each node weighed on every answer).
    for (const key in object) {
      const child = object[key];
      if (key !== 'data' && child !== null && typeof child === 'object') submitActions(child, found);
    }
  }
  return found;
}
