import type { FeedbackInput } from '../records/owner-records';

/** The invoke Teams sends when a user presses its feedback buttons on a message with `feedbackLoopEnabled`. */
export const TEAMS_FEEDBACK_INVOKE = 'message/submitAction';

/**
 * Reads the value of a Teams feedback invoke:
 * `{ actionName: 'feedback', actionValue: { reaction: 'like' | 'dislike', feedback: '{"feedbackText":"…"}' } }`.
 * `feedback` is a JSON string in the default form (an object in some clients); anything else is undefined.
 */
export function readTeamsFeedback(value: unknown, replyToId: string | undefined): FeedbackInput | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const { actionName, actionValue } = value as { actionName?: unknown; actionValue?: unknown };
  if (actionName !== 'feedback' || !actionValue || typeof actionValue !== 'object') return undefined;
  const { reaction, feedback } = actionValue as { reaction?: unknown; feedback?: unknown };
  if (reaction !== 'like' && reaction !== 'dislike') return undefined;
  const comment = feedbackText(feedback);
  return { reaction, ...(comment ? { comment } : {}), ...(replyToId ? { replyToId } : {}) };
}

function feedbackText(feedback: unknown): string | undefined {
  let parsed = feedback;
  if (typeof feedback === 'string') {
    try {
      parsed = JSON.parse(feedback);
    } catch {
      return feedback;
    }
  }
  if (parsed && typeof parsed === 'object' && typeof (parsed as { feedbackText?: unknown }).feedbackText === 'string') {
    return (parsed as { feedbackText: string }).feedbackText;
  }
  return undefined;
}
