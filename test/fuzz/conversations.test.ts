import { strict as assert } from 'node:assert';
import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type { Activity } from 'botbuilder';
import fc from 'fast-check';
import { NOTHING_TO_READ_MESSAGE } from '../../bot/incoming-text';
import { stepWithOpen, VERDICT_LABELS, worstVerdict, type Facts, type Verdict } from '../../knowledge';
import { settledAssumptions } from '../../knowledge/rules/assumed-facts';
import { InProcessBot } from './in-process-bot';
import { buttons, checkPosition, interpretedTexts, questionOf, verdictOf, type CheckPosition } from './reading';
import { sharedKnowledgeBase } from '../support/shared-knowledge';

/**
 * Property-based fuzzing of whole conversations through the real bot, in process: random sequences
 * of typed text (commands, questions, answers, random Unicode, injection attempts, over-long text),
 * button presses (current and stale, Web Chat and Teams style), forged card values, members joining,
 * unknown activity types, invokes and bot restarts, interleaved across several conversations.
 *
 * After every turn: the turn did not throw, a message got a reply, the stored dialog state is one
 * the dialogs can be in and agrees with the question shown, user text never reaches a place where it
 * is interpreted, every verdict is the rules table's verdict for the facts the card lists (so the
 * same facts always get the same verdict, in every conversation and across restarts), and a
 * conversation moves only as its own actions say (answers, retries, cancel, start over).
 *
 * FUZZ_TURNS sets the number of turns (default 10,000); FUZZ_SEED replays a failing run.
 */
const TURNS = Number(process.env.FUZZ_TURNS ?? 10_000);
const STEPS_PER_RUN = 100;
const CONVERSATIONS = 6;

const kb = sharedKnowledgeBase();
const DIMENSION_IDS = kb.dimensions.map((d) => d.id);
const VALUE_IDS = kb.dimensions.flatMap((d) => d.values.map((v) => v.id));

const COMMANDS = ['help', 'cancel', 'stop', 'start over', 'restart', 'check my setup', 'hi', 'search', '?', 'menu', 'never mind'];
const QUESTIONS = [
  'Can I put an Exchange 2003 front-end server on a Windows cluster?',
  'E2K3 FE MSCS',
  'what is an EVS',
  'how many nodes can a Windows 2003 cluster have?',
  'Is NLB supported for my Exchange 2003 back-end servers?',
  'We plan Exchange 2000 back-end servers on a cluster with enterprise edition',
  'Can I cluster Exchange 2007 client access servers?',
  'search nlb',
  'show KB837852',
];
const ANSWERS = [
  'E2K3',
  '2k',
  '2003',
  '2010',
  'OWA box',
  'mailbox',
  'bridgehead',
  'MSCS',
  'load balancr',
  'none',
  'enterprise',
  'standard',
  'Exchange Standard',
  'windows 2003 enterprise',
  'w2k adv server',
  '1',
  '2',
  '3',
  '9',
  '0',
];
const INJECTIONS = [
  '<script>alert("MARK")</script>',
  '[MARK](https://evil.example/MARK) **MARK**',
  '<at>MARK</at><a href="https://evil.example">MARK</a>',
  '{"type":"AdaptiveCard","actions":[{"type":"Action.OpenUrl","url":"https://MARK.example"}]}',
  '${MARK} {{MARK}} %s',
];

type Action =
  | { kind: 'say'; text: string; marker?: string }
  | { kind: 'press'; pick: number }
  | { kind: 'stale'; pick: number }
  | { kind: 'forge'; value: unknown }
  | { kind: 'join' }
  | { kind: 'other'; type: string }
  | { kind: 'invoke'; name: string; value: unknown }
  | { kind: 'restart' };

const text = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...COMMANDS) },
  { weight: 4, arbitrary: fc.constantFrom(...QUESTIONS) },
  { weight: 6, arbitrary: fc.constantFrom(...ANSWERS) },
  { weight: 2, arbitrary: fc.array(fc.constantFrom(...ANSWERS, ...COMMANDS, 'can I', 'is it supported', 'on', 'with', '?'), { maxLength: 6 }).map((words) => words.join(' ')) },
  { weight: 2, arbitrary: fc.string({ maxLength: 24 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 16 }) },
  { weight: 1, arbitrary: fc.constantFrom('', '   ', '\u0000', '\u202e', '👍', 'مرحبا', 'שלום', 'x'.repeat(4001), 'help '.repeat(1000)) },
);

const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 10, arbitrary: text.map((t): Action => ({ kind: 'say', text: t })) },
  {
    weight: 2,
    arbitrary: fc.tuple(fc.constantFrom(...INJECTIONS), fc.nat()).map(([template, n]): Action => {
      const marker = `zq${n}qz`;
      return { kind: 'say', text: template.replaceAll('MARK', marker), marker };
    }),
  },
  { weight: 12, arbitrary: fc.nat(50).map((pick): Action => ({ kind: 'press', pick })) },
  { weight: 3, arbitrary: fc.nat(500).map((pick): Action => ({ kind: 'stale', pick })) },
  {
    weight: 3,
    arbitrary: fc
      .oneof(
        fc.record({ dimension: fc.constantFrom(...DIMENSION_IDS, 'admin'), value: fc.oneof(fc.constantFrom(...VALUE_IDS), fc.string({ maxLength: 8 })) }),
        fc.record({ dimension: fc.constantFrom(...DIMENSION_IDS) }),
        fc.jsonValue({ maxDepth: 3 }),
        fc.constantFrom('{"dimension":"version","value":"2003"}', '{"dimension":"version","value":"1999"}', 'not json', '{'),
      )
      .map((value): Action => ({ kind: 'forge', value })),
  },
  { weight: 1, arbitrary: fc.constant<Action>({ kind: 'join' }) },
  { weight: 1, arbitrary: fc.constantFrom('typing', 'event', 'messageReaction', 'endOfConversation', 'foo').map((type): Action => ({ kind: 'other', type })) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.constantFrom('composeExtension/query', 'foo/bar', 'adaptiveCard/action', 'task/fetch'),
        fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant({ commandId: 'searchKb', parameters: [{ name: 'query', value: 'nlb' }] })),
      )
      .map(([name, value]): Action => ({ kind: 'invoke', name, value })),
  },
  { weight: 1, arbitrary: fc.constant<Action>({ kind: 'restart' }) },
);

const steps = fc.array(fc.record({ conversation: fc.nat(CONVERSATIONS - 1), action }), { minLength: STEPS_PER_RUN, maxLength: STEPS_PER_RUN });

/** Message text without Markdown emphasis or Teams HTML tags, to compare replies across channels. */
function plain(text: string | undefined): string {
  return (text ?? '')
    .replace(/<[^>]+>/g, '')
    .replace(/\*\*/g, '')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

interface Conversation {
  id: string;
  channelId: 'webchat' | 'msteams';
  /** Replies of this conversation's last message turn: its buttons are the ones to press. */
  lastReplies: Partial<Activity>[];
}

/** What a turn is expected to do to the check, when that is knowable from the action alone. */
type Expectation = { kind: 'answered'; facts: Facts } | { kind: 'refused' } | { kind: 'idle' } | { kind: 'restarted' } | { kind: 'unchanged' } | { kind: 'any' };

describe(`conversation fuzzing (fast-check): ${TURNS.toLocaleString('en-US')} turns in process`, function () {
  // A guard against a hang, not a speed target (that is `npm run bench -- --only turns`): 10,000 turns take
  // about 70 s of CPU on the 2-core CI machine, and several times that while other work shares the cores.
  this.timeout(Math.max(60_000, TURNS * 30));
  const verdicts = new Map<string, string>();
  let turns = 0;

  it('every turn replies, nothing throws, state stays valid, the same facts always get the same verdict', async () => {
    const started = Date.now();
    const seed = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
    await fc.assert(
      fc.asyncProperty(steps, async (plan) => {
        const bot = new InProcessBot(kb);
        const conversations: Conversation[] = Array.from({ length: CONVERSATIONS }, (_, i) => ({
          id: `fuzz-${randomUUID()}`,
          channelId: i % 2 === 0 ? 'webchat' : 'msteams',
          lastReplies: [],
        }));
        const seenButtons: Array<{ title: string; data: Record<string, unknown> }> = [];
        for (const [index, step] of plan.entries()) {
          const conversation = conversations[step.conversation]!;
          const where = `step ${index} (${JSON.stringify(step.action).slice(0, 200)}) in ${conversation.channelId} conversation ${step.conversation}`;
          const before = checkPosition(bot.conversationState(conversation.channelId, conversation.id), kb);
          const storedBefore = conversations.map((c) => bot.storedConversation(c.channelId, c.id));
          const { activity, expectation } = turnFor(step.action, conversation, before, seenButtons);

          if (step.action.kind === 'restart') bot.restart();
          const replies = activity ? await bot.send(activity) : [];
          turns += 1;
          const after = checkPosition(bot.conversationState(conversation.channelId, conversation.id), kb);

          checkTurn(where, activity, replies, before, after, expectation);
          // No other conversation's stored state changed by a single byte (nor any, across a restart).
          for (const [i, other] of conversations.entries()) {
            if (other !== conversation || !activity) assert.equal(bot.storedConversation(other.channelId, other.id), storedBefore[i], `${where}: conversation ${i} changed`);
          }
          if (step.action.kind === 'say' && step.action.marker) {
            for (const reply of replies) {
              assert.ok(!interpretedTexts(reply).some((t) => t.includes(step.action.kind === 'say' ? step.action.marker! : '')), `${where}: user text interpreted`);
            }
          }
          if (activity?.type === 'message') {
            conversation.lastReplies = replies;
            seenButtons.push(...replies.flatMap(buttons));
          }
        }
        assert.deepEqual(
          bot.log.lines.filter((l) => l.level === 'error'),
          [],
        );
      }),
      { numRuns: Math.ceil(TURNS / STEPS_PER_RUN), ...(seed !== undefined ? { seed } : {}) },
    );
    const seconds = (Date.now() - started) / 1000;
    assert.ok(turns >= TURNS, `${turns} turns`);
    console.log(
      `      ${turns.toLocaleString('en-US')} turns in ${seconds.toFixed(1)} s (${Math.round(turns / seconds).toLocaleString('en-US')} turns/s), ${verdicts.size} distinct fact sets with a verdict`,
    );
  });

  function turnFor(
    act: Action,
    conversation: Conversation,
    before: CheckPosition,
    seenButtons: Array<{ title: string; data: Record<string, unknown> }>,
  ): { activity?: Partial<Activity>; expectation: Expectation } {
    const base: Partial<Activity> = {
      id: randomUUID(),
      channelId: conversation.channelId,
      serviceUrl: 'http://127.0.0.1:9/unused',
      conversation: { id: conversation.id } as Activity['conversation'],
      from: { id: `user-of-${conversation.id}`, name: 'Admin' },
      recipient: { id: 'bot', name: 'Exchange Support Bot' },
      locale: 'en-US',
    };
    switch (act.kind) {
      case 'say':
        return { activity: { ...base, type: 'message', text: act.text }, expectation: expectFromText(act.text, before) };
      case 'press':
      case 'stale': {
        const pool = act.kind === 'press' ? conversation.lastReplies.flatMap(buttons) : seenButtons;
        const button = pool[act.pick % Math.max(pool.length, 1)];
        if (!button) return { activity: { ...base, type: 'message', text: 'help' }, expectation: expectFromText('help', before) };
        return press(base, button, conversation.channelId, before);
      }
      case 'forge': {
        const activity = { ...base, type: 'message', value: act.value };
        return { activity, expectation: expectFromValue(act.value, before) };
      }
      case 'join':
        return { activity: { ...base, type: 'conversationUpdate', membersAdded: [{ id: 'new-user', name: 'New' }] }, expectation: { kind: 'unchanged' } };
      case 'other':
        return { activity: { ...base, type: act.type, name: 'x' }, expectation: { kind: 'unchanged' } };
      case 'invoke':
        return { activity: { ...base, type: 'invoke', name: act.name, value: act.value as Activity['value'] }, expectation: { kind: 'unchanged' } };
      case 'restart':
        return { activity: undefined, expectation: { kind: 'unchanged' } };
    }
  }

  /** A button press as each channel delivers it: Web Chat submits the data, Teams an imBack or a messageBack. */
  function press(
    base: Partial<Activity>,
    button: { data: Record<string, unknown> },
    channelId: string,
    before: CheckPosition,
  ): { activity: Partial<Activity>; expectation: Expectation } {
    const { msteams, ...data } = button.data as { msteams?: { type: string; text?: string; value?: string; displayText?: string } } & Record<string, unknown>;
    if (channelId === 'msteams' && msteams?.type === 'imBack') {
      return { activity: { ...base, type: 'message', text: String(msteams.value) }, expectation: expectFromText(String(msteams.value), before) };
    }
    if (channelId === 'msteams' && msteams?.type === 'messageBack') {
      return { activity: { ...base, type: 'message', text: msteams.text, value: msteams.value }, expectation: expectFromValue(data, before) };
    }
    return {
      activity: { ...base, type: 'message', value: data },
      expectation: 'dimension' in data ? expectFromValue(data, before) : expectFromText(String(data.text ?? ''), before),
    };
  }

  function expectFromText(typed: string, before: CheckPosition): Expectation {
    const command = typed
      .trim()
      .replace(/[\s.!?]+$/, '')
      .toLowerCase();
    if (['cancel', 'stop', 'never mind'].includes(command)) return { kind: 'idle' };
    if (['start over', 'restart'].includes(command)) return { kind: 'restarted' };
    if (['help', 'menu'].includes(command) && before.asked) return { kind: 'unchanged' };
    return { kind: 'any' };
  }

  function expectFromValue(value: unknown, before: CheckPosition): Expectation {
    let submitted = value;
    if (typeof value === 'string') {
      try {
        submitted = JSON.parse(value);
      } catch {
        submitted = value;
      }
    }
    if (!submitted || typeof submitted !== 'object' || !('dimension' in submitted)) return { kind: 'any' };
    if (!before.asked) return { kind: 'any' };
    const { dimension, value: chosen } = submitted as { dimension: unknown; value: unknown };
    // Values offered depend on the facts known (a front-end role exists for Exchange 2000/2003 only) and settled:
    // a stale button with a value that does not exist for this setup is refused.
    // The card offers the values that fit the facts the check settled without asking too (Exchange 2000 runs on Windows 2000
    // only, so its Windows editions are Windows 2000's): a forged Windows Server 2003 Web edition is refused (fuzz seed 1668934974).
    const offeredFor = { ...settledAssumptions(kb.assumedFacts, before.known), ...before.known };
    const valid = dimension === before.asked && kb.valuesFor(before.asked, offeredFor).some((v) => v.id === chosen);
    if (!valid) return { kind: 'refused' };
    // The answer joins the known facts as the rules table reads them together: a role stated before
    // the version is translated once the version is known ("other", a bridgehead, is Hub Transport in 2007).
    const facts = kb.knownFacts({ ...before.known, [before.asked]: chosen as string });
    assert.equal(facts[before.asked], chosen, `the table keeps the valid answer ${before.asked}=${String(chosen)} it offered`);
    return { kind: 'answered', facts };
  }

  function checkTurn(
    where: string,
    activity: Partial<Activity> | undefined,
    replies: Partial<Activity>[],
    before: CheckPosition,
    after: CheckPosition,
    expectation: Expectation,
  ): void {
    if (!activity) return;
    if (activity.type === 'message') {
      assert.ok(replies.length > 0, `${where}: a message without a reply`);
      const last = replies[replies.length - 1]!;
      const question = questionOf(last, kb);
      if (after.asked) {
        assert.ok(question && question.dimension === after.asked, `${where}: state waits for "${after.asked}" but the last reply is ${JSON.stringify(last).slice(0, 300)}`);
        assert.deepEqual(question.known, after.known, `${where}: the card shows other facts than the state holds`);
      } else {
        assert.ok(!replies.some((r) => questionOf(r, kb)), `${where}: a question was asked but nothing waits for its answer`);
      }
    }
    if (activity.type === 'invoke') {
      const responses = replies.filter((r) => r.type === 'invokeResponse');
      assert.equal(responses.length, 1, `${where}: an invoke needs exactly one invoke response`);
    }
    for (const reply of replies) {
      const verdict = verdictOf(reply, kb);
      if (!verdict) continue;
      // A design gets a verdict per server group, each the rules table's for that group's facts, and the worst of them.
      if (verdict.groups.length > 1) {
        const worst = worstVerdict(verdict.groups.map((g) => (Object.entries(VERDICT_LABELS) as Array<[Verdict, string]>).find(([, l]) => l === g.label)![0]));
        assert.equal(verdict.label, VERDICT_LABELS[worst], `${where}: a design's verdict is not its worst group's`);
      }
      for (const shown of verdict.groups) {
        // A fact the summary does not give was either not needed or left open: the verdict must hold whatever it is.
        const unknown = kb.dimensions.filter((d) => d.kind === 'asked' && shown.facts[d.id] === undefined).map((d) => d.id);
        const step = stepWithOpen(kb, shown.facts, [...new Set([...shown.open, ...unknown])]);
        const decision = step.kind === 'verdict' ? step.decision : undefined;
        assert.ok(decision, `${where}: verdict "${shown.label}" for facts that decide nothing: ${JSON.stringify(shown.facts)}`);
        assert.equal(shown.label, VERDICT_LABELS[decision.verdict], `${where}: the card's verdict is not the rules table's`);
        const key = JSON.stringify(Object.entries(shown.facts).sort());
        const earlier = verdicts.get(key);
        assert.ok(earlier === undefined || earlier === shown.label, `${where}: ${key} got "${shown.label}" here and "${earlier}" before`);
        verdicts.set(key, shown.label);
      }
    }

    switch (expectation.kind) {
      case 'answered': {
        const verdict = replies.map((r) => verdictOf(r, kb)).find((v) => v !== undefined);
        if (after.asked) assert.deepEqual(after.known, expectation.facts, `${where}: the answer was not recorded as given`);
        else {
          // In a design, the group the question was for (the others keep their own facts).
          const given = verdict?.groups.find((g) => isDeepStrictEqual(g.facts, expectation.facts)) ?? verdict?.groups[0];
          assert.deepEqual(given?.facts, expectation.facts, `${where}: the verdict is not for the facts given`);
        }
        break;
      }
      case 'refused': {
        // Refused: the question reworded (its second asking), or, asked twice already, its fact left open and the check on.
        const retried = questionOf(replies[replies.length - 1]!, kb);
        if (retried?.retry) {
          assert.deepEqual(after, before, `${where}: a refused value moved the check`);
          assert.deepEqual(retried, { dimension: before.asked, retry: true, known: before.known }, `${where}: no retry`);
        } else {
          assert.ok(
            replies.some((r) => plain(r.text).includes('open and go on')),
            `${where}: neither a retry nor the fact left open`,
          );
          assert.notEqual(after.asked, before.asked, `${where}: the fact left open is asked again`);
        }
        break;
      }
      case 'idle':
        assert.deepEqual(after, { known: {} }, `${where}: cancel left a dialog running`);
        assert.ok(
          replies.some((r) => plain(r.text).startsWith('Cancelled.')),
          `${where}: cancel not confirmed`,
        );
        break;
      case 'restarted': {
        const first = kb.nextStep({});
        assert.ok(first.kind === 'question');
        assert.deepEqual(after, { asked: first.dimension.id, known: {} }, `${where}: start over did not start over`);
        break;
      }
      case 'unchanged':
        // "help" asks the question again, unless it was asked twice already: then its fact is left open.
        if (!replies.some((r) => plain(r.text).includes('open and go on'))) assert.deepEqual(after, before, `${where}: the check moved`);
        break;
      case 'any':
        break;
    }
    if (activity.type === 'message' && !before.asked && (activity.text ?? '').trim() === '' && activity.value === undefined) {
      assert.ok(
        replies.some((r) => plain(r.text) === plain(NOTHING_TO_READ_MESSAGE)),
        `${where}: an empty message without the "no text" reply: ${JSON.stringify(replies.map((r) => r.text))}`,
      );
    }
  }
});
