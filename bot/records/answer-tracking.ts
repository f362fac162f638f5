import type { Activity, StateProperty, TurnState } from '../../turn';
import type { BotTurn } from '../bot-turn';
import { adaptFeedbackToChannel, feedbackOffer } from '../cards/feedback-actions';
import type { OwnerRecords } from './owner-records';

/** The last article answer of a conversation and the suggestions it offered. */
interface LastOffer {
  question: string;
  articleId: string;
  related: string[];
}

const SENT_IDS_WATCHED = Symbol('sent answer ids watched');

/**
 * Watches what a turn sends and records the answers among them (with the reference their feedback
 * will carry), suggested articles the user opened, and, in Teams, the message id of each answer
 * (Teams' feedback names the message, not our reference). The dialogs know nothing of this.
 */
export class AnswerTracking {
  private readonly lastOffer: StateProperty<LastOffer>;

  constructor(
    conversationState: TurnState,
    private readonly records: OwnerRecords,
  ) {
    this.lastOffer = conversationState.property<LastOffer>('ownersLastOffer');
  }

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
    const last = await this.lastOffer.get(context);
    if (subject.via === 'id' && last && last.articleId !== subject.articleId && last.related.includes(subject.articleId)) {
      await this.records.suggestion(context, last.question, last.articleId, subject.articleId);
    }
    const question = subject.via === 'search' ? text : (last?.question ?? text);
    await this.lastOffer.set(context, { question, articleId: subject.articleId, related: subject.related });
  }
}
