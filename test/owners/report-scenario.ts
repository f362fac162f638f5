import { strict as assert } from 'node:assert';
import type { Activity } from 'botbuilder';
import { cardButtons, cardTexts, messageActivity, pressButton, verdictLabel } from '../support/activities';
import { passageSource, relatedArticleButtons } from '../support/answers';
import { exchange } from '../support/bot-http';

/** Questions the knowledge base has no answer for: three alike, one apart. */
export const UNANSWERED = ['how do I reset the office printer', 'How do I reset the office printers?', 'reset office printer', 'why does the coffee machine beep'];

/**
 * Drives a known set of turns through a bot, so a report of them has exact counts: 4 unanswered
 * questions (2 groups), 3 answers (2 × EXB-004, 1 verdict "not-supported"), then 1 suggestion pick
 * (a 4th answer, by id), one 👎 with a comment and one 👍, from 3 distinct users.
 */
export async function driveScenario(url: string, tag: string): Promise<void> {
  const conversation = (n: number) => ({ conversation: { id: `conv-${tag}-${n}` } as Activity['conversation'], from: { id: `user-${tag}-${n % 3}`, name: 'user' } });
  for (const [i, question] of UNANSWERED.entries()) await exchange(url, messageActivity(question, conversation(i)));
  const [evs] = await exchange(url, messageActivity('what happens to an EVS when a node fails', conversation(10)));
  await exchange(url, messageActivity('what happens to an EVS when a node fails', conversation(11)));
  const [verdict] = await exchange(url, messageActivity('Can I put an Exchange 2003 front-end server on a Windows cluster?', conversation(12)));
  assert.equal(verdictLabel(cardTexts(verdict!)), 'Not supported');
  assert.equal(passageSource(evs!)?.articleId, 'EXB-004');
  // A related article, not "Read the whole article" (that shows EXB-004 itself and is no pick).
  const [related] = relatedArticleButtons(evs!, 'EXB-004');
  assert.ok(related);
  await exchange(url, pressButton(related, messageActivity(undefined, conversation(10))));
  const dislike = cardButtons(evs!).find((b) => b.data.feedback === 'dislike')!;
  await exchange(url, messageActivity(undefined, { ...conversation(10), value: { ...dislike.data, comment: '=HYPERLINK("x") does not say how many nodes' } }));
  const like = cardButtons(verdict!).find((b) => b.data.feedback === 'like')!;
  await exchange(url, messageActivity(undefined, { ...conversation(12), value: like.data }));
}
