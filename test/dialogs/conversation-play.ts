import { strict as assert } from 'node:assert';
import { VERDICT_LABELS, type Verdict } from '../../knowledge';
import { cardTexts } from '../support/activities';
import { askedQuestion, mainClient } from './dialog-fixtures';
import { sendAll, type Reply } from './card-reading';

/** Table-driven conversations (core-bot style): what a person says, then what every reply of that turn must show together. */
export interface Expect {
  /** The check asks about this fact next. */
  asks?: string;
  /** The first verdict shown (a design card shows the overall verdict first). */
  verdict?: Verdict;
  /** Every verdict label shown, in order (a design: overall, then one per group). */
  verdicts?: Verdict[];
  says?: string[];
  notSays?: string[];
  /** No check question and no verdict in this turn. */
  noCheck?: boolean;
  /** The first line of the first card of this turn starts with this (case-insensitive). */
  headline?: string;
  /** The check does not ask about these facts in this turn. */
  notAsks?: string[];
}

/** No question is asked more than this many times in a row (issue 21). */
const MAX_ASKS_IN_A_ROW = 2;

export type Turn = readonly [said: string, expect: Expect];

function texts(replies: Reply[]): string[] {
  return replies.flatMap((reply) => (reply ? [...(typeof reply.text === 'string' ? [reply.text] : []), ...cardTexts(reply)] : []));
}

function shownVerdicts(lines: readonly string[]): Verdict[] {
  const byLength = (Object.entries(VERDICT_LABELS) as [Verdict, string][]).sort((a, b) => b[1].length - a[1].length);
  return lines.flatMap((line) => {
    const hit = byLength.find(([, label]) => line === label || line.startsWith(`${label}: `) || line.startsWith(`${label} (`));
    return hit ? [hit[0]] : [];
  });
}

export async function play(turns: readonly Turn[]) {
  const { client, unanswered } = mainClient();
  let streak = { dimension: undefined as string | undefined, times: 0 };
  for (const [index, [said, expect]] of turns.entries()) {
    const replies = await sendAll(client, said);
    const lines = texts(replies);
    const all = lines.join('\n');
    const where = `turn ${index + 1} "${said}" → ${all.replace(/\s+/g, ' ').slice(0, 300)}`;
    assert.ok(replies.length >= 1, `${where}: no reply`);
    const asked = replies.map((reply) => askedQuestion(reply)?.dimension).find((d) => d !== undefined);
    const verdicts = shownVerdicts(lines);
    // The question shown again after a short answer to the user's own question ("why do you ask?") was waiting, not
    // asked again: the streak stands (as the benchmark counts it, bench/conversations.ts).
    const messages = replies.filter((reply) => reply && (reply.type === undefined || reply.type === 'message'));
    const answeredFirst = messages.length >= 2 && askedQuestion(messages.at(-1)) !== undefined && messages.slice(0, -1).every((reply) => askedQuestion(reply) === undefined);
    if (!(asked !== undefined && asked === streak.dimension && answeredFirst))
      streak = asked !== undefined && asked === streak.dimension ? { dimension: asked, times: streak.times + 1 } : { dimension: asked, times: asked === undefined ? 0 : 1 };
    assert.ok(streak.times <= MAX_ASKS_IN_A_ROW, `${where}: asked about ${asked} ${streak.times} times in a row`);
    if (expect.asks) assert.equal(asked, expect.asks, where);
    if (expect.notAsks) assert.ok(!expect.notAsks.includes(asked ?? ''), `${where}: asked about ${asked}`);
    if (expect.headline) {
      const first = replies.map((reply) => (reply ? cardTexts(reply)[0] : undefined)).find((t) => t !== undefined) ?? '';
      assert.ok(first.toLowerCase().startsWith(expect.headline.toLowerCase()), `${where}: the card starts "${first.slice(0, 100)}"`);
    }
    if (expect.verdict) assert.equal(verdicts[0], expect.verdict, where);
    if (expect.verdicts) assert.deepEqual(verdicts, expect.verdicts, where);
    for (const words of expect.says ?? []) assert.ok(all.toLowerCase().includes(words.toLowerCase()), `${where}: missing "${words}"`);
    for (const words of expect.notSays ?? []) assert.ok(!all.toLowerCase().includes(words.toLowerCase()), `${where}: should not say "${words}"`);
    if (expect.noCheck) assert.ok(asked === undefined && verdicts.length === 0, `${where}: started the check`);
  }
  return { unanswered };
}
