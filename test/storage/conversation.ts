import { randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';
import { cardButtons, cardTexts, messageActivity, pressButton, verdictLabel } from '../support/activities';
import { exchange } from '../support/bot-http';

/**
 * One user's conversation, whose turns may go to any bot instance (as a load balancer would send
 * them): each call names the instance's base URL.
 */
export class Conversation {
  readonly id = `conv-${randomUUID()}`;

  /** Sends typed text; resolves with the replies. */
  say(url: string, text: string): Promise<Partial<Activity>[]> {
    return exchange(url, this.activity(text));
  }

  /**
   * Presses the button of `replies` for `answer`, "dimension:value" in facts model ids (a value id
   * alone can be ambiguous: "enterprise" is an Exchange edition and a Windows edition).
   */
  press(url: string, replies: Partial<Activity>[], answer: string): Promise<Partial<Activity>[]> {
    const [dimension, value] = answer.split(':');
    const button = replies.flatMap(cardButtons).find((b) => b.data.dimension === dimension && b.data.value === value);
    if (!button) throw new Error(`no button "${answer}" in: ${replies.flatMap(cardTexts).join(' | ')}`);
    return exchange(url, pressButton(button, this.activity(undefined)));
  }

  private activity(text: string | undefined): Partial<Activity> {
    return messageActivity(text, { conversation: { id: this.id } as Activity['conversation'] });
  }
}

/** Every text of the replies: card texts, and plain message texts. */
export function replyTexts(replies: Partial<Activity>[]): string[] {
  return replies.flatMap((reply) => [...(reply.text ? [reply.text] : []), ...cardTexts(reply)]);
}

/** The first line of the first card: the verdict label (past an "Out of support since" line) or the question asked. */
export function headline(replies: Partial<Activity>[]): string | undefined {
  const texts = replies.flatMap(cardTexts);
  return texts.length > 0 ? verdictLabel(texts) : replies[0]?.text;
}
