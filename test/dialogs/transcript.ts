import { strict as assert } from 'node:assert';
import type { Activity } from '../../dialogs/turn';
import type { DialogTestClient } from './dialog-test-client';
import { VERDICT_LABELS, type Verdict } from '../../knowledge';
import { factSetAfter, findButton, firstText, isCard, pressActivity, sendAll, summaryVerdict, textBlocks, triageSummaryOf, type Reply } from './card-reading';
import { assertAsks, describeReply, kb, shownFacts } from './dialog-fixtures';

/**
 * Dialog tests written as transcripts, in the style of the BotBuilder core-bot samples: what the
 * user says, then what the bot must answer.
 *
 * @example
 * await runTranscript(client, [
 *   ['check my setup', asks('version')],
 *   ['2k3', asks('role', { version: '2003' })],
 *   [button('Exchange 2003'), ...],
 *   ['FE on MSCS', verdict('not-supported', ['front-end-on-cluster'])],
 * ]);
 */

/** What the bot must answer at one step; `label` names it in failure messages. */
export interface Expectation {
  label: string;
  check(reply: Reply): void;
}

/** The user presses a button of the bot's previous reply, by its title. */
export interface ButtonPress {
  button: string;
}

export type UserTurn = string | Partial<Activity> | ButtonPress;
export type TranscriptStep = readonly [UserTurn, Expectation];

export function button(title: string): ButtonPress {
  return { button: title };
}

/** The guided check asks `dimension`, showing exactly `known` as known so far (when given). */
export function asks(dimension: string, known?: Record<string, string>): Expectation {
  return {
    label: `asks(${dimension}${known ? `, ${JSON.stringify(known)}` : ''})`,
    check: (reply) => {
      assertAsks(reply, dimension);
      if (known) assert.deepEqual(shownFacts(reply), known);
    },
  };
}

/**
 * The verdict card for `verdict`, decided by `ruleIds` (when given), showing exactly `facts` (when
 * given); `more` adds checks of its own.
 */
export function verdict(expected: Verdict, ruleIds?: string[], options: { facts?: Record<string, string>; more?: (reply: Reply) => void } = {}): Expectation {
  return {
    label: `verdict(${expected}${ruleIds ? `, ${ruleIds.join(', ')}` : ''})`,
    check: (reply) => {
      if (ruleIds) assertVerdict(reply, expected, ruleIds);
      else assert.equal(firstText(reply), VERDICT_LABELS[expected]);
      if (options.facts) assert.deepEqual(shownFacts(reply), options.facts);
      options.more?.(reply);
    },
  };
}

/**
 * Plays the transcript: each user turn is sent, the turn must get exactly one reply, and that reply
 * must meet the step's expectation. Returns the last reply.
 */
export async function runTranscript(client: DialogTestClient, steps: readonly TranscriptStep[]): Promise<Reply> {
  let previous: Reply;
  for (const [index, [turn, expectation]] of steps.entries()) {
    const said = typeof turn === 'object' && 'button' in turn ? pressActivity(findButton(previous, turn.button)) : turn;
    const replies = await sendAll(client, said);
    const step = `step ${index + 1} (${JSON.stringify(turn)} → ${expectation.label})`;
    assert.equal(replies.length, 1, `${step}: expected one reply, got ${replies.map(describeReply).join(', ')}`);
    previous = replies[0];
    try {
      expectation.check(previous);
    } catch (error) {
      if (error instanceof assert.AssertionError) error.message = `${step}: ${error.message}`;
      throw error;
    }
  }
  return previous;
}

/** The rule with this id, for tests that compare its wording with a card. */
export function rule(id: string) {
  const found = kb().rules.find((r) => r.id === id);
  assert.ok(found, `no rule "${id}"`);
  return found;
}

/** Asserts the verdict card: its heading, every deciding rule's reason and recommendation, the "Why" facts and the triage summary. */
export function assertVerdict(reply: Reply, verdict: Verdict, ruleIds: string[]): void {
  assert.ok(isCard(reply), `expected a verdict card, got ${describeReply(reply)}`);
  assert.equal(firstText(reply), VERDICT_LABELS[verdict]);
  const texts = textBlocks(reply);
  for (const id of ruleIds) {
    assert.ok(texts.includes(rule(id).reason), `reason of ${id} missing`);
    assert.ok(texts.includes(rule(id).recommendation), `recommendation of ${id} missing`);
  }
  assert.ok(factSetAfter(reply, 'Why'), 'verdict card has no "Why" FactSet');
  const summary = triageSummaryOf(reply);
  assert.ok(summaryVerdict(summary)?.startsWith(VERDICT_LABELS[verdict]), summary);
  assert.ok(summary.includes(`Rules: ${ruleIds.join(', ')}`), summary);
}
