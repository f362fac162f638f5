import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { type KnowledgeBase, type Verdict } from '../../knowledge';
import { describeFacts } from './helpers';
import { sharedKnowledgeBase } from '../support/shared-knowledge';

/*
 * The labelled setups of setups-from-facts.yaml: complete fact sets with the verdict the two facts
 * sheets give, written from the sheets and not from the rules. Each is a test of its own, so a
 * report shows every setup the rules table gets wrong at once.
 */

interface Setup {
  facts: Record<string, string | number | (string | number)[]>;
  verdict: Verdict;
  basis?: string[];
  note?: string;
}

const SETUPS: Setup[] = parse(readFileSync(join(__dirname, '..', '..', '..', 'test', 'knowledge', 'setups-from-facts.yaml'), 'utf8')) as Setup[];
const VERDICTS: readonly Verdict[] = ['supported', 'supported-with-conditions', 'not-supported', 'not-covered'];

/** Facts as the check keeps them: lists comma-joined, numbers as decimal strings. */
function asFacts(raw: Setup['facts']): Record<string, string> {
  return Object.fromEntries(Object.entries(raw).map(([d, v]) => [d, Array.isArray(v) ? v.map(String).join(',') : String(v)]));
}

describe('labelled setups from the facts sheets (test/knowledge/setups-from-facts.yaml)', () => {
  let kb: KnowledgeBase;
  let stated: Set<string>;
  before(() => {
    kb = sharedKnowledgeBase();
    stated = new Set(kb.dimensions.filter((d) => d.kind === 'stated').map((d) => d.id));
  });

  it('holds at least 150 setups with known verdicts, every Exchange version among them', () => {
    assert.ok(SETUPS.length >= 150, `${SETUPS.length} setups`);
    for (const setup of SETUPS) assert.ok(VERDICTS.includes(setup.verdict), `verdict ${setup.verdict}`);
    const versions = new Set(SETUPS.map((s) => String(s.facts['version'])));
    assert.deepEqual([...versions].sort(), ['2000', '2003', '2007', '2010', '2013', '2016', '2019', 'se']);
  });

  it('uses only dimensions and values the facts model knows, and nothing the check would set aside', () => {
    for (const setup of SETUPS) {
      const facts = asFacts(setup.facts);
      assert.deepEqual(kb.setAside(facts), [], describeFacts(facts));
      for (const [d, v] of Object.entries(facts)) {
        const dimension = kb.dimensions.find((x) => x.id === d);
        assert.ok(dimension, `unknown dimension ${d}`);
        if (dimension.type === 'number') assert.match(v, /^\d+$/, `${d}=${v}`);
        else
          for (const part of dimension.type === 'set' ? v.split(',') : [v])
            assert.ok(
              dimension.values.some((x) => x.id === part),
              `unknown value ${d}=${part}`,
            );
      }
    }
  });

  SETUPS.forEach((setup, index) => {
    const facts = asFacts(setup.facts);
    it(`#${index + 1} ${describeFacts(facts)} → ${setup.verdict}`, () => {
      const step = kb.nextStep(facts);
      assert.equal(step.kind, 'verdict', `asks ${step.kind === 'question' ? step.dimension.id : ''} although every asked fact is given`);
      if (step.kind !== 'verdict') return;
      const { decision } = step;
      const why = [...decision.rules.map((r) => r.id), ...decision.broken.map((l) => l.id)].join(', ');
      assert.equal(decision.verdict, setup.verdict, `rules: ${why}; sheets: ${(setup.basis ?? []).join(', ')}${setup.note ? ` (${setup.note})` : ''}`);
    });
  });

  describe('without the stated facts', () => {
    it('the verdict is never "supported" where the sheets give anything else, and a limit a stated fact broke becomes a condition', () => {
      const problems: string[] = [];
      let checked = 0;
      let turned = 0;
      for (const setup of SETUPS) {
        const full = asFacts(setup.facts);
        const asked = Object.fromEntries(Object.entries(full).filter(([d]) => !stated.has(d)));
        if (Object.keys(asked).length === Object.keys(full).length) continue;
        checked += 1;
        const withStated = kb.decide(full);
        const without = kb.decide(asked);
        if (!withStated || !without) {
          problems.push(`${describeFacts(full)}: no verdict ${withStated ? 'without' : 'with'} the stated facts`);
          continue;
        }
        if (setup.verdict !== 'supported' && without.verdict === 'supported')
          problems.push(`${describeFacts(asked)} → supported, though with ${describeFacts(full)} the sheets say ${setup.verdict}`);
        if (without.verdict === 'supported' || without.verdict === 'supported-with-conditions') {
          const conditions = without.conditions.map((l) => l.id);
          for (const limit of withStated.broken) {
            if (!conditions.includes(limit.id)) problems.push(`${describeFacts(asked)} → ${without.verdict} without condition ${limit.id}, which ${describeFacts(full)} breaks`);
            else turned += 1;
          }
        }
      }
      assert.deepEqual(problems, []);
      assert.ok(checked >= 30, `${checked} setups state facts`);
      assert.ok(turned >= 10, `${turned} broken limits became conditions`);
    });

    it('e.g. domain-controller nodes: not-supported with domainController: yes, with-conditions naming that limit without it', () => {
      const cluster = { version: '2003', role: 'back-end', ha: 'cluster', edition: 'enterprise', windows: '2003', windowsEdition: 'enterprise', architecture: 'x86' };
      const broken = kb.decide({ ...cluster, domainController: 'yes' });
      assert.equal(broken?.verdict, 'not-supported');
      assert.deepEqual(
        broken.broken.map((l) => l.id),
        ['cluster-nodes-not-domain-controllers'],
      );
      const open = kb.decide(cluster);
      assert.equal(open?.verdict, 'supported-with-conditions');
      assert.ok(
        open.conditions.some((l) => l.id === 'cluster-nodes-not-domain-controllers'),
        open.conditions.map((l) => l.id).join(),
      );
      const met = kb.decide({ ...cluster, domainController: 'no' });
      assert.equal(met?.verdict, 'supported-with-conditions');
      assert.ok(!met.conditions.some((l) => l.id === 'cluster-nodes-not-domain-controllers'), 'a condition the user says is met is not listed again');
    });
  });
});
