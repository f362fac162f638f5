import { strict as assert } from 'node:assert';
import { CardReplies } from '../../bot/cards/card-replies';
import { sharedKnowledgeBase } from '../support/shared-knowledge';

/**
 * Teams refuses a message over about 28 KB, and renders no Markdown tables. The biggest cards the
 * check sends (a verdict with every condition and a design of three groups) must stay well within.
 */
const TEAMS_MAX_BYTES = 28 * 1024;

describe('verdict cards fit in a Teams message', () => {
  const kb = sharedKnowledgeBase();
  const replies = new CardReplies(kb);
  const bytes = (activity: unknown) => Buffer.byteLength(JSON.stringify(activity), 'utf8');

  it('the largest single verdict card over every combination of asked facts is under 28 KB and has no Markdown table', () => {
    let largest = 0;
    // Every decision the rules can reach with nothing stated: the most conditions a card can list.
    const seen = new Set<string>();
    for (const version of kb.valuesFor('version', {})) {
      for (const role of kb.valuesFor('role', { version: version.id })) {
        for (const ha of kb.valuesFor('ha', { version: version.id, role: role.id })) {
          const decision = kb.decide({ version: version.id, role: role.id, ha: ha.id, edition: 'enterprise', windows: '2003', windowsEdition: 'enterprise', architecture: 'x86' });
          if (!decision) continue;
          const key = [...decision.rules.map((r) => r.id), ...decision.conditions.map((c) => c.id)].join(',');
          if (seen.has(key)) continue;
          seen.add(key);
          const card = replies.verdict(decision, { version: version.id, role: role.id, ha: ha.id });
          largest = Math.max(largest, bytes(card));
          assert.doesNotMatch(JSON.stringify(card), /\|\s*-{3,}\s*\|/, 'no Markdown table in a card');
        }
      }
    }
    assert.ok(seen.size > 10, `${seen.size} distinct decisions looked at`);
    assert.ok(largest < TEAMS_MAX_BYTES, `largest verdict card ${largest} bytes`);
  });

  it('a design card of three groups with their ticket summaries is under 28 KB', () => {
    const designs: Array<Record<string, string>> = [
      { version: '2007', role: 'client-access', ha: 'nlb' },
      { version: '2007', role: 'hub-transport', ha: 'several-servers' },
      { version: '2007', role: 'mailbox', ha: 'ccr', edition: 'enterprise' },
    ];
    const groups = designs.map((facts) => {
      const full: Record<string, string> = { ...facts, windows: '2003', windowsEdition: 'enterprise', architecture: 'x64', update: 'e2007-sp3' };
      const decision = kb.decide(full);
      assert.ok(decision, JSON.stringify(full));
      return { facts: full, setAside: [], decision };
    });
    const card = replies.designVerdict(groups);
    assert.ok(bytes(card) < TEAMS_MAX_BYTES, `design card ${bytes(card)} bytes`);
  });
});
