import type { Activity, Attachment } from '../../dialogs/turn';
import type { AnswerSubject } from '../../knowledge/owners/records';
import { MAX_COMMENT } from '../../knowledge/owners/records';
import { newAnswerRef } from '../records/record-keys';
import type { FeedbackInput } from '../records/owner-records';
import type { CardElement } from './adaptive-card-builders';

/** On an outgoing answer: what its feedback is about. A symbol, so it is never sent to the channel. */
const FEEDBACK_OFFER = Symbol('feedback offer');
const FEEDBACK_ACTIONS_ID = 'feedback';

export interface FeedbackOffer {
  /** The answer's reference, carried back by the buttons. */
  ref: string;
  subject: AnswerSubject;
}

/**
 * Adds "was this helpful?" to an answer or verdict card: 👍 and 👎 (with an optional comment) as
 * card buttons, which Web Chat, the Emulator and the terminal chat show, and Teams' own feedback
 * buttons (`channelData.feedbackLoopEnabled`). {@link adaptFeedbackToChannel} keeps only the kind
 * the channel uses. The card builders call this; what happens to the feedback is the bot's business.
 */
export function withFeedback(message: Partial<Activity>, subject: AnswerSubject): Partial<Activity> {
  const ref = newAnswerRef();
  const card = message.attachments?.[0]?.content as { body?: CardElement[] } | undefined;
  if (card) card.body = [...(card.body ?? []), feedbackActions(ref)];
  const offered = { ...message, channelData: { ...(message.channelData as object | undefined), feedbackLoopEnabled: true } };
  Object.defineProperty(offered, FEEDBACK_OFFER, { value: { ref, subject } satisfies FeedbackOffer, enumerable: true });
  return offered;
}

/** The feedback offer of an outgoing activity, if it is an answer. */
export function feedbackOffer(activity: Partial<Activity>): FeedbackOffer | undefined {
  return (activity as Record<symbol, FeedbackOffer | undefined>)[FEEDBACK_OFFER];
}

/** Teams shows its own feedback buttons, so the card's are removed there; elsewhere the Teams flag goes. */
export function adaptFeedbackToChannel(activity: Partial<Activity>, channelId: string | undefined): void {
  if (!feedbackOffer(activity)) return;
  if (channelId === 'msteams') {
    for (const attachment of activity.attachments ?? []) removeFeedbackActions(attachment);
  } else if (activity.channelData && typeof activity.channelData === 'object') {
    const { feedbackLoopEnabled: _teamsOnly, ...rest } = activity.channelData as Record<string, unknown>;
    activity.channelData = Object.keys(rest).length > 0 ? rest : undefined;
  }
}

/** Feedback from one of our card buttons (`{ feedback, answerRef, comment }`), or undefined. */
export function readCardFeedback(value: unknown): FeedbackInput | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const data = value as Record<string, unknown>;
  if (data.feedback !== 'like' && data.feedback !== 'dislike') return undefined;
  return {
    reaction: data.feedback,
    ...(typeof data.answerRef === 'string' ? { answerRef: data.answerRef } : {}),
    ...(typeof data.comment === 'string' ? { comment: data.comment } : {}),
  };
}

function feedbackActions(ref: string): CardElement {
  return {
    type: 'ActionSet',
    id: FEEDBACK_ACTIONS_ID,
    separator: true,
    actions: [
      { type: 'Action.Submit', title: '👍 Helpful', data: { feedback: 'like', answerRef: ref } },
      {
        type: 'Action.ShowCard',
        title: '👎 Not helpful',
        card: {
          type: 'AdaptiveCard',
          body: [{ type: 'Input.Text', id: 'comment', isMultiline: true, maxLength: MAX_COMMENT, placeholder: 'What was wrong or missing? (optional)' }],
          actions: [{ type: 'Action.Submit', title: 'Send feedback', data: { feedback: 'dislike', answerRef: ref } }],
        },
      },
    ],
  };
}

function removeFeedbackActions(attachment: Attachment): void {
  const card = attachment.content as { body?: CardElement[] } | undefined;
  if (Array.isArray(card?.body)) card.body = card.body.filter((element) => element.id !== FEEDBACK_ACTIONS_ID);
}
