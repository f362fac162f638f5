import { strict as assert } from 'node:assert';
import { stepWithOpen, VERDICT_LABELS, type Facts } from '../../knowledge';
import { verdictOf } from '../fuzz/reading';
import { sendAll } from './card-reading';
import { kb, mainClient } from './dialog-fixtures';

/*
 * Servers added to a design after its verdict ("we also have ...") are a group of their own: the design card
 * judges each group on its own facts, and its summary lists them group by group. Found by the fuzzer (seed 777):
 * a 2003 front-end cluster added after a 2007 RTM Client Access verdict was read as one setup with the 2007
 * group's update level (a fact that does not apply to 2003), so the card looked like a verdict on no setup.
 */
const CASES: ReadonlyArray<readonly [name: string, said: readonly string[], groups: ReadonlyArray<{ facts: Facts; label: string }>]> = [
  [
    'Exchange 2003 front-end cluster added after a 2007 RTM Client Access verdict: two groups, the 2003 one without the 2007 update',
    ['Exchange 2007 RTM client access servers, DNS round robin, Enterprise, Windows Server 2008 Enterprise x64', 'E2K3 FE MSCS'],
    [
      { facts: { version: '2007', role: 'client-access', ha: 'dns-round-robin', update: 'e2007-rtm' }, label: VERDICT_LABELS['not-supported'] },
      { facts: { version: '2003', role: 'front-end', ha: 'cluster', edition: 'enterprise' }, label: VERDICT_LABELS['not-supported'] },
    ],
  ],
];

describe('conversation: servers added to the design after a verdict', () => {
  for (const [name, said, expected] of CASES) {
    it(name, async () => {
      const { client } = mainClient();
      let replies: Awaited<ReturnType<typeof sendAll>> = [];
      for (const text of said) replies = await sendAll(client, text);
      const card = replies.map((r) => verdictOf(r as Parameters<typeof verdictOf>[0], kb())).find((v) => v !== undefined);
      assert.ok(card?.groups, `no design card: ${JSON.stringify(card)}`);
      assert.equal(card.groups.length, expected.length);
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
