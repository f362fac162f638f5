import type { Activity } from 'botbuilder';
import { cardButtons, cardTexts } from './activities';

/** Where a passage answer comes from, as its card's last line says it. */
export interface PassageSource {
  title: string;
  articleId: string;
  section: string;
}

/**
 * The source line of a passage answer card (`From **title** (EXB-004), section "The terms"`), read
 * from the card's last text; undefined when the reply is not a passage answer.
 */
export function passageSource(reply: Partial<Activity>): PassageSource | undefined {
  const last = cardTexts(reply).at(-1) ?? '';
  const match = /^From \*\*(.+)\*\* \((EXB-\d{3,})\), section "(.+)"$/.exec(last);
  return match ? { title: match[1]!, articleId: match[2]!, section: match[3]! } : undefined;
}

/**
 * The buttons of an answer that open ANOTHER article than the one answering ("Show EXB-005"), not
 * "Read the whole article" (which shows the answering article itself).
 */
export function relatedArticleButtons(reply: Partial<Activity>, answeringId: string): Array<{ title: string; data: Record<string, unknown> }> {
  return cardButtons(reply).filter((b) => typeof b.data.text === 'string' && /^Show EXB-\d+$/.test(b.data.text) && b.data.text !== `Show ${answeringId}`);
}
