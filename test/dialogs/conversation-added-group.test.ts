import { strict as assert } from 'node:assert';
import { stepWithOpen, VERDICT_LABELS, type Facts } from '../../knowledge';
import { verdictOf } from '../fuzz/reading';
import { sendAll } from './card-reading';
import { kb, mainClient } from './dialog-fixtures';

/*
 * Found by the fuzzer (seed 777): a 2003 front-end cluster said after a 2007 RTM Client Access verdict was
 * read as one setup with the 2007 group's update level (a fact that does not apply to 2003). A design has one
 * Exchange version (fact-dimensions: `design: shared`), so another version after a verdict is a check of its own
 * (f1, seed 2512), judged without the 2007 facts; the card is read as the fuzzer reads it.
 */
const CASES: ReadonlyArray<readonly [name: string, said: readonly string[], groups: ReadonlyArray<{ facts: Facts; label: string }>]> = [
  [
    'Exchange 2003 front-end cluster said after a 2007 RTM Client Access verdict: a check of its own, without the 2007 update',
    ['Exchange 2007 RTM client access servers, DNS round robin, Enterprise, Windows Server 2008 Enterprise x64', 'E2K3 FE MSCS'],
    [{ facts: { version: '2003', role: 'front-end', ha: 'cluster' }, label: VERDICT_LABELS['not-supported'] }],
  ],
];

describe('conversation: servers of another version after a verdict', () => {
  for (const [name, said, expected] of CASES) {
    it(name, async () => {
      const { client } = mainClient();
      let replies: Awaited<ReturnType<typeof sendAll>> = [];
      for (const text of said) replies = await sendAll(client, text);
      const card = replies.map((r) => verdictOf(r as Parameters<typeof verdictOf>[0], kb())).find((v) => v !== undefined);
      assert.ok(card, 'no verdict card');
      assert.equal(card.groups.length, expected.length, JSON.stringify(card));
      for (const [i, group] of card.groups.entries()) {
        const want = expected[i]!;
        for (const [dimension, value] of Object.entries(want.facts)) assert.equal(group.facts[dimension], value, `group ${i + 1}: ${dimension}`);
        if (group.facts.version === '2003') assert.equal(group.facts.update, undefined, `group ${i + 1} keeps an update level of another version`);
        assert.equal(group.label, want.label, `group ${i + 1}`);
        // Each group's facts are a setup the rules table decides, with the label the card shows.
        const unknown = kb()
          .dimensions.filter((d) => d.kind === 'asked' && group.facts[d.id] === undefined)
          .map((d) => d.id);
        const step = stepWithOpen(kb(), group.facts, [...new Set([...group.open, ...unknown])]);
        assert.ok(step.kind === 'verdict', `group ${i + 1} decides nothing: ${JSON.stringify(group.facts)}`);
        assert.equal(VERDICT_LABELS[step.decision.verdict], group.label, `group ${i + 1}: not the rules table's verdict`);
      }
    });
  }
});
