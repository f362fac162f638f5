import { strict as assert } from 'node:assert';
import { citedArticles, loadKnowledgeBase, triageSummary, VERDICT_LABELS, type Decision, type Facts, type KnowledgeBase, type Verdict } from '../../knowledge';
import { ruleMatches } from '../../knowledge/support-rules';
import { KNOWLEDGE_DIR } from './helpers';

/*
 * An oracle written from /work/shared/exchange-facts.md, NOT from support-rules.yaml. Each claim
 * cites the fact it comes from. Where the facts sheet gives a definite answer the claim is exact;
 * everywhere else only the safety property is checked: "supported" is reserved for the short,
 * explicit list below, and nothing that rests on a recalled fact is "supported".
 */

const VERSIONS = ['2000', '2003', '2007', '2010+'] as const;
const ROLES = ['front-end', 'back-end', 'other'] as const;
const HA = ['cluster', 'nlb', 'none'] as const;
const EDITIONS = ['standard', 'enterprise'] as const;
const W2K_SERVER = 'windows-2000-server';
const W2K_ADVANCED = 'windows-2000-advanced-server';
const W2K_DATACENTER = 'windows-2000-datacenter-server';
const W2K3_STANDARD = 'windows-server-2003-standard';
const W2K3_WEB = 'windows-server-2003-web';
const W2K3_ENTERPRISE = 'windows-server-2003-enterprise';
const W2K3_DATACENTER = 'windows-server-2003-datacenter';
/** The facts sheet says nothing about Windows Server 2008 and later: only the generic claims and the safety property apply. */
const W2K8_OR_LATER = 'windows-server-2008-or-later';
const WINDOWS = [W2K_SERVER, W2K_ADVANCED, W2K_DATACENTER, W2K3_STANDARD, W2K3_WEB, W2K3_ENTERPRISE, W2K3_DATACENTER, W2K8_OR_LATER];
const WINDOWS_2000 = [W2K_SERVER, W2K_ADVANCED, W2K_DATACENTER];
const WINDOWS_2003 = [W2K3_STANDARD, W2K3_WEB, W2K3_ENTERPRISE, W2K3_DATACENTER];
/** C6: no Cluster service on these. */
const NO_CLUSTER_SERVICE = [W2K_SERVER, W2K3_STANDARD, W2K3_WEB];
/** C6: the Cluster service exists on these. */
const CLUSTER_CAPABLE = [W2K_ADVANCED, W2K_DATACENTER, W2K3_ENTERPRISE, W2K3_DATACENTER];
/** Facts the sheets mark "recalled" (or whose weakest part a verdict would rest on is recalled), sorted. */
const RECALLED = ['D-8', 'E7-5', 'E7-6', 'E7-8', 'F4', 'LC8', 'M-13'];

interface Combo {
  version: string;
  role: string;
  ha: string;
  edition: string;
  windows: string;
}

interface Claim {
  name: string;
  applies: (c: Combo) => boolean;
  verdict: Verdict;
}

const isOld = (c: Combo) => c.version === '2000' || c.version === '2003';
const among = (value: string, list: readonly string[]) => list.includes(value);

const CLAIMS: Claim[] = [
  // --- never supported -------------------------------------------------------------------------
  { name: 'C1: Exchange 2000/2003 front-end on a server cluster', verdict: 'not-supported', applies: (c) => isOld(c) && c.role === 'front-end' && c.ha === 'cluster' },
  { name: 'C13: Exchange 2000 on any Windows Server 2003', verdict: 'not-supported', applies: (c) => c.version === '2000' && among(c.windows, WINDOWS_2003) },
  { name: 'C11: a back-end mailbox server behind NLB (any version)', verdict: 'not-supported', applies: (c) => c.role === 'back-end' && c.ha === 'nlb' },
  {
    name: 'C4/C5: clustering Exchange 2000/2003 Standard Edition',
    verdict: 'not-supported',
    applies: (c) => isOld(c) && c.role !== 'front-end' && c.ha === 'cluster' && c.edition === 'standard',
  },
  {
    name: 'C6: a cluster on Windows 2000 Server / Windows Server 2003 Standard / Web (Exchange 2000-2007)',
    verdict: 'not-supported',
    applies: (c) => c.version !== '2010+' && c.ha === 'cluster' && among(c.windows, NO_CLUSTER_SERVICE),
  },
  { name: 'L1: Exchange 2007 Client Access or other roles on a cluster', verdict: 'not-supported', applies: (c) => c.version === '2007' && c.role !== 'back-end' && c.ha === 'cluster' },
  { name: 'L2: Exchange 2007 mailbox cluster on Standard Edition', verdict: 'not-supported', applies: (c) => c.version === '2007' && c.role === 'back-end' && c.ha === 'cluster' && c.edition === 'standard' },

  // --- supported with conditions ---------------------------------------------------------------
  {
    name: 'C2/C4/C6/C7: Exchange 2003 Enterprise back-end cluster on a cluster-capable Windows',
    verdict: 'supported-with-conditions',
    applies: (c) => c.version === '2003' && c.role === 'back-end' && c.ha === 'cluster' && c.edition === 'enterprise' && among(c.windows, CLUSTER_CAPABLE),
  },
  {
    name: 'C2/C5/C6/C7: Exchange 2000 Enterprise back-end cluster on Windows 2000 Advanced/Datacenter',
    verdict: 'supported-with-conditions',
    applies: (c) => c.version === '2000' && c.role === 'back-end' && c.ha === 'cluster' && c.edition === 'enterprise' && among(c.windows, [W2K_ADVANCED, W2K_DATACENTER]),
  },
  {
    name: 'L1/L2: Exchange 2007 Enterprise mailbox cluster on Windows Server 2003 Enterprise/Datacenter',
    verdict: 'supported-with-conditions',
    applies: (c) => c.version === '2007' && c.role === 'back-end' && c.ha === 'cluster' && c.edition === 'enterprise' && among(c.windows, [W2K3_ENTERPRISE, W2K3_DATACENTER]),
  },
  {
    name: 'C3/C13: Exchange 2003 front-ends behind NLB on Windows 2000 (needs SP3)',
    verdict: 'supported-with-conditions',
    applies: (c) => c.version === '2003' && c.role === 'front-end' && c.ha === 'nlb' && among(c.windows, WINDOWS_2000),
  },
  {
    name: 'C13: a single Exchange 2003 front-end or back-end on Windows 2000 (needs SP3)',
    verdict: 'supported-with-conditions',
    applies: (c) => c.version === '2003' && c.role !== 'other' && c.ha === 'none' && among(c.windows, WINDOWS_2000),
  },

  // --- supported: the complete list ------------------------------------------------------------
  {
    name: 'C3/F3/C13: Exchange 2003 front-ends behind NLB on Windows Server 2003 Standard/Enterprise/Datacenter',
    verdict: 'supported',
    applies: (c) => c.version === '2003' && c.role === 'front-end' && c.ha === 'nlb' && among(c.windows, [W2K3_STANDARD, W2K3_ENTERPRISE, W2K3_DATACENTER]),
  },
  {
    name: 'F1/F3/C13: a single Exchange 2003 front-end or back-end on Windows Server 2003 Standard/Enterprise/Datacenter',
    verdict: 'supported',
    applies: (c) => c.version === '2003' && c.role !== 'other' && c.ha === 'none' && among(c.windows, [W2K3_STANDARD, W2K3_ENTERPRISE, W2K3_DATACENTER]),
  },
  {
    name: 'C3/F1: an Exchange 2000 Enterprise front-end, behind NLB or alone, on Windows 2000',
    verdict: 'supported',
    applies: (c) => c.version === '2000' && c.role === 'front-end' && c.ha !== 'cluster' && c.edition === 'enterprise' && among(c.windows, WINDOWS_2000),
  },
  {
    name: 'F1/C13: a single Exchange 2000 back-end on Windows 2000',
    verdict: 'supported',
    applies: (c) => c.version === '2000' && c.role === 'back-end' && c.ha === 'none' && among(c.windows, WINDOWS_2000),
  },
];

/** Every combination of the values above. */
function allCombos(): Combo[] {
  const combos: Combo[] = [];
  for (const version of VERSIONS)
    for (const role of ROLES)
      for (const ha of HA) for (const edition of EDITIONS) for (const windows of WINDOWS) combos.push({ version, role, ha, edition, windows });
  return combos;
}

const describeCombo = (c: Facts) => Object.entries(c).map(([k, v]) => `${k}=${v}`).join(', ');
const key = (c: Facts) => ['version', 'role', 'ha', 'edition', 'windows'].map((d) => c[d] ?? '').join('|');

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

/** Builds facts with keys inserted in the given order. */
function inOrder(facts: Facts, order: readonly string[]): Facts {
  const result: Record<string, string> = {};
  for (const d of order) if (facts[d] !== undefined) result[d] = facts[d]!;
  return result;
}

describe('support check: decide, nextStep and the triage summary', () => {
  let kb: KnowledgeBase;
  const verdictOf = new Map<string, Verdict>();
  const combos = allCombos();

  before(() => {
    kb = loadKnowledgeBase(KNOWLEDGE_DIR);
    for (const c of combos) {
      const decision = kb.decide({ ...c });
      if (decision) verdictOf.set(key({ ...c }), decision.verdict);
    }
  });

  describe('the fact space', () => {
    it('has exactly the dimensions and values the oracle knows (4×3×3×2×8 = 576 combinations)', () => {
      // A new value must be classified in the oracle on purpose, so an unknown one fails here.
      assert.deepEqual(
        kb.dimensions.map((d) => d.id),
        ['version', 'role', 'ha', 'edition', 'windows'],
      );
      const values = (id: string) => kb.dimensions.find((d) => d.id === id)!.values.map((v) => v.id).sort();
      assert.deepEqual(values('version'), [...VERSIONS].sort());
      assert.deepEqual(values('role'), [...ROLES].sort());
      assert.deepEqual(values('ha'), [...HA].sort());
      assert.deepEqual(values('edition'), [...EDITIONS].sort());
      assert.deepEqual(values('windows'), [...WINDOWS].sort());
      assert.equal(combos.length, kb.dimensions.reduce((n, d) => n * d.values.length, 1));
      assert.equal(combos.length, 576);
    });

    it('marks exactly the recalled facts of the sheets as recalled', () => {
      assert.deepEqual(kb.facts.filter((f) => f.status === 'recalled').map((f) => f.id).sort(), RECALLED);
    });

    it('the oracle itself is consistent (no combination gets two different exact verdicts)', () => {
      for (const c of combos) {
        const verdicts = new Set(CLAIMS.filter((claim) => claim.applies(c)).map((claim) => claim.verdict));
        assert.ok(verdicts.size <= 1, `${describeCombo({ ...c })}: ${[...verdicts].join(' vs ')}`);
      }
    });
  });

  describe('decide on every complete fact set (all 576)', () => {
    it('decides every complete combination, with rules that all match it', () => {
      for (const c of combos) {
        const decision = kb.decide({ ...c });
        assert.ok(decision, `no decision for ${describeCombo({ ...c })}`);
        assert.ok(decision.rules.length > 0);
        for (const rule of decision.rules) {
          assert.ok(ruleMatches(rule, { ...c }), `${rule.id} does not match ${describeCombo({ ...c })}`);
          assert.equal(rule.verdict, decision.verdict);
        }
      }
    });

    for (const claim of CLAIMS) {
      it(`${claim.name} → ${claim.verdict}`, () => {
        const applicable = combos.filter((c) => claim.applies(c));
        assert.ok(applicable.length > 0, 'the claim covers at least one combination');
        const wrong = applicable
          .map((c) => ({ c, got: verdictOf.get(key({ ...c })) }))
          .filter(({ got }) => got !== claim.verdict)
          .map(({ c, got }) => `  ${describeCombo({ ...c })} → ${got}`);
        assert.equal(wrong.length, 0, `${wrong.length} of ${applicable.length} combinations are not ${claim.verdict}:\n${wrong.join('\n')}`);
      });
    }

    it('says "supported" ONLY for the explicitly listed combinations (30 of them)', () => {
      const listed = (c: Combo) => CLAIMS.some((claim) => claim.verdict === 'supported' && claim.applies(c));
      assert.equal(combos.filter(listed).length, 30);
      const unexpected = combos.filter((c) => verdictOf.get(key({ ...c })) === 'supported' && !listed(c)).map((c) => describeCombo({ ...c }));
      assert.deepEqual(unexpected, []);
    });

    it('everywhere the oracle has no exact answer, the verdict is anything but "supported"', () => {
      for (const c of combos) {
        if (CLAIMS.some((claim) => claim.applies(c))) continue;
        const got = verdictOf.get(key({ ...c }));
        assert.ok(got && got !== 'supported', `${describeCombo({ ...c })} → ${got}`);
      }
    });

    it('nothing that rests on a recalled fact is ever "supported"', () => {
      for (const c of combos) {
        const decision = kb.decide({ ...c })!;
        const recalled = decision.rules.filter((r) => r.basis.some((f) => RECALLED.includes(f)));
        if (recalled.length > 0) assert.notEqual(decision.verdict, 'supported', `${describeCombo({ ...c })} via ${recalled.map((r) => r.id)}`);
        for (const rule of recalled) assert.match(rule.reason, /recalled/i, `${rule.id} must say it rests on a recalled fact`);
      }
    });

    it('refusing an Exchange 2000 Standard front-end (only F4, recalled, says so) tells the user the fact is recalled', () => {
      for (const c of combos) {
        if (!(c.version === '2000' && c.role === 'front-end' && c.ha !== 'cluster' && c.edition === 'standard' && among(c.windows, WINDOWS_2000))) continue;
        const decision = kb.decide({ ...c })!;
        assert.notEqual(decision.verdict, 'supported');
        if (decision.verdict === 'not-supported') {
          assert.ok(decision.rules.some((r) => /recalled/i.test(r.reason)), `${describeCombo({ ...c })}: ${decision.rules.map((r) => r.id)}`);
        }
      }
    });

    it('gives the same decision whatever order the facts are given in', () => {
      const dims = kb.dimensions.map((d) => d.id);
      const orders = permutations(dims);
      assert.equal(orders.length, 120);
      for (const [i, c] of combos.entries()) {
        const reference = kb.decide({ ...c })!;
        // Every order for a sample of combinations, a few orders for all of them.
        const some = i % 25 === 0 ? orders : [orders[i % 120]!, [...dims].reverse()];
        for (const order of some) {
          const decision = kb.decide(inOrder({ ...c }, order))!;
          assert.equal(decision.verdict, reference.verdict);
          assert.deepEqual(decision.rules.map((r) => r.id), reference.rules.map((r) => r.id));
        }
      }
    });
  });

  describe('decide on partial facts', () => {
    it('is undefined while the unknown facts could still change the verdict', () => {
      assert.equal(kb.decide({}), undefined);
      assert.equal(kb.decide({ version: '2003' }), undefined);
      assert.equal(kb.decide({ version: '2003', role: 'back-end', ha: 'cluster' }), undefined);
    });

    it('agrees with every completion when it does decide', () => {
      const dims = kb.dimensions.map((d) => d.id);
      // Every partial fact set made by leaving out some dimensions of some combination.
      const seen = new Set<string>();
      for (const c of combos) {
        for (let mask = 1; mask < 1 << dims.length; mask += 1) {
          const partial: Record<string, string> = {};
          dims.forEach((d, i) => {
            if (mask & (1 << i)) partial[d] = (c as unknown as Record<string, string>)[d]!;
          });
          if (seen.has(key(partial))) continue;
          seen.add(key(partial));
          const decision = kb.decide(partial);
          const verdicts = new Set(combos.filter((x) => Object.entries(partial).every(([d, v]) => (x as unknown as Record<string, string>)[d] === v)).map((x) => verdictOf.get(key({ ...x }))));
          if (decision) assert.deepEqual([...verdicts], [decision.verdict], describeCombo(partial));
        }
      }
    });
  });

  describe('nextStep', () => {
    /** True when two answers to `dimension` lead to different verdicts for some completion of `facts`. */
    function answerMatters(facts: Facts, dimension: string): boolean {
      const dims = kb.dimensions.map((d) => d.id);
      const open = dims.filter((d) => d !== dimension && facts[d] === undefined);
      const candidates = combos.filter((c) => Object.entries(facts).every(([d, v]) => (c as unknown as Record<string, string>)[d] === v));
      const byRest = new Map<string, Set<Verdict>>();
      for (const c of candidates) {
        const rest = open.map((d) => (c as unknown as Record<string, string>)[d]).join('|');
        const set = byRest.get(rest) ?? new Set<Verdict>();
        set.add(verdictOf.get(key({ ...c }))!);
        byRest.set(rest, set);
      }
      return [...byRest.values()].some((set) => set.size > 1);
    }

    it('starts by asking the Exchange version', () => {
      const step = kb.nextStep({});
      assert.equal(step.kind, 'question');
      assert.equal(step.kind === 'question' && step.dimension.id, 'version');
    });

    it('never asks for a fact that cannot change the verdict (every state reached by answering in order)', () => {
      let questions = 0;
      let verdicts = 0;
      const walk = (facts: Facts, depth: number) => {
        assert.ok(depth <= kb.dimensions.length, 'the check asks each question at most once');
        const step = kb.nextStep(facts);
        if (step.kind === 'verdict') {
          verdicts += 1;
          const expected = new Set(combos.filter((c) => Object.entries(facts).every(([d, v]) => (c as unknown as Record<string, string>)[d] === v)).map((c) => verdictOf.get(key({ ...c }))));
          assert.deepEqual([...expected], [step.decision.verdict], `verdict too early for ${describeCombo(facts)}`);
          return;
        }
        questions += 1;
        const dimension = step.dimension.id;
        assert.equal(facts[dimension], undefined, `asks again for ${dimension}`);
        assert.ok(answerMatters(facts, dimension), `asks ${dimension} for ${describeCombo(facts)}, but no answer changes the verdict`);
        for (const value of step.dimension.values) walk({ ...facts, [dimension]: value.id }, depth + 1);
      };
      walk({}, 0);
      assert.ok(questions > 10 && verdicts > 20, `walked ${questions} questions and ${verdicts} verdicts`);
    });

    it("decides KB837852's case {2003, front-end, cluster} at once, with rule front-end-on-cluster", () => {
      const step = kb.nextStep({ version: '2003', role: 'front-end', ha: 'cluster' });
      assert.equal(step.kind, 'verdict');
      if (step.kind !== 'verdict') return;
      assert.equal(step.decision.verdict, 'not-supported');
      assert.ok(step.decision.rules.some((r) => r.id === 'front-end-on-cluster'), step.decision.rules.map((r) => r.id).join());
      assert.ok(step.decision.rules.every((r) => r.articles.includes('KB837852')), 'every deciding rule cites KB837852');
      assert.deepEqual(step.decision.decisiveFacts, { version: '2003', role: 'front-end', ha: 'cluster' });
    });

    it('for {2003, back-end, cluster} asks the edition, then the Windows edition', () => {
      const first = kb.nextStep({ version: '2003', role: 'back-end', ha: 'cluster' });
      assert.equal(first.kind === 'question' && first.dimension.id, 'edition');
      const second = kb.nextStep({ version: '2003', role: 'back-end', ha: 'cluster', edition: 'enterprise' });
      assert.equal(second.kind === 'question' && second.dimension.id, 'windows');
      const standard = kb.nextStep({ version: '2003', role: 'back-end', ha: 'cluster', edition: 'standard' });
      assert.equal(standard.kind === 'verdict' && standard.decision.verdict, 'not-supported', 'Standard Edition cannot be clustered, whatever Windows');
    });

    it('reaches the same verdict whatever order the facts arrive in', () => {
      const dims = kb.dimensions.map((d) => d.id);
      const orders = permutations(dims);
      for (const [i, c] of combos.entries()) {
        const expected = verdictOf.get(key({ ...c }));
        // Answering the check's own questions.
        let facts: Record<string, string> = {};
        let step = kb.nextStep(facts);
        for (let asked = 0; step.kind === 'question'; asked += 1) {
          assert.ok(asked < dims.length);
          facts = { ...facts, [step.dimension.id]: (c as unknown as Record<string, string>)[step.dimension.id]! };
          step = kb.nextStep(facts);
        }
        assert.equal(step.decision.verdict, expected, `guided: ${describeCombo({ ...c })}`);
        // Volunteering facts in some other order, stopping at the first verdict.
        for (const order of [orders[(i * 7) % 120]!, orders[(i * 13 + 5) % 120]!]) {
          let given: Record<string, string> = {};
          let verdict: Verdict | undefined;
          for (const d of order) {
            given = { ...given, [d]: (c as unknown as Record<string, string>)[d]! };
            const s = kb.nextStep(given);
            if (s.kind === 'verdict') {
              verdict = s.decision.verdict;
              for (const rule of s.decision.rules) assert.ok(ruleMatches(rule, { ...c }));
              break;
            }
          }
          assert.equal(verdict, expected, `order ${order.join(',')}: ${describeCombo({ ...c })}`);
        }
      }
    });
  });

  describe('knownFacts', () => {
    it('drops unknown dimensions and unknown values, and keeps the rest', () => {
      const known = kb.knownFacts({ version: '2003', role: 'middle-end', ha: 'cluster', colour: 'blue', edition: '' });
      assert.deepEqual(known, { version: '2003', ha: 'cluster' });
    });

    it('makes decide and nextStep ignore forged facts', () => {
      const forged = { version: '2003', role: 'front-end', ha: 'cluster', edition: 'platinum', windows: 'windows-95', extra: 'x' };
      assert.deepEqual(kb.decide(forged)?.rules.map((r) => r.id), kb.decide({ version: '2003', role: 'front-end', ha: 'cluster' })?.rules.map((r) => r.id));
      const step = kb.nextStep({ version: '1999' });
      assert.equal(step.kind === 'question' && step.dimension.id, 'version');
    });
  });

  describe('triageSummary', () => {
    const summaryFor = (facts: Facts) => {
      const decision = kb.decide(facts);
      assert.ok(decision);
      return { decision, text: triageSummary(decision, facts, kb.dimensions) };
    };

    it('starts with "Exchange support check: <label>"', () => {
      const labels: Record<Verdict, string> = {
        supported: 'Supported',
        'supported-with-conditions': 'Supported with conditions',
        'not-supported': 'Not supported',
        'not-covered': 'Not covered',
      };
      assert.deepEqual(VERDICT_LABELS, labels);
      const seen = new Set<Verdict>();
      for (const c of combos) {
        const { decision, text } = summaryFor({ ...c });
        seen.add(decision.verdict);
        assert.equal(text.split('\n')[0], `Exchange support check: ${labels[decision.verdict]}`);
      }
      assert.equal(seen.size, 4, 'every verdict occurs');
    });

    it('lists every dimension, marks the ones not asked, and gives reasons and sources', () => {
      const facts = { version: '2003', role: 'front-end', ha: 'cluster' };
      const { decision, text } = summaryFor(facts);
      const lines = text.split('\n');
      for (const dimension of kb.dimensions) {
        const line = lines.find((l) => l.startsWith(`${dimension.label}: `));
        assert.ok(line, `no line for ${dimension.label}`);
        const value = (facts as Record<string, string>)[dimension.id];
        if (value === undefined) assert.match(line, /not asked/);
        else assert.equal(line, `${dimension.label}: ${dimension.values.find((v) => v.id === value)!.label}`);
      }
      for (const rule of decision.rules) {
        assert.ok(text.includes(rule.reason), `reason of ${rule.id}`);
        assert.ok(text.includes(rule.recommendation), `recommendation of ${rule.id}`);
      }
      const sources = lines.find((l) => /^Sources: /.test(l));
      assert.ok(sources);
      for (const id of decision.rules.flatMap((r) => r.articles)) assert.ok(sources.includes(id), `source ${id}`);
      assert.ok(sources.includes('KB837852'));
      assert.doesNotMatch(text, /\*\*|^#|\]\(/m, 'plain text, no Markdown');
    });

    it('shows every reason, and each source once, when several rules agree', () => {
      // An Exchange 2000 front-end on a cluster on Windows Server 2003 breaks C1 and C13 at once.
      const facts = { version: '2000', role: 'front-end', ha: 'cluster', edition: 'enterprise', windows: W2K3_ENTERPRISE };
      const { decision, text } = summaryFor(facts);
      assert.ok(decision.rules.length >= 2, decision.rules.map((r) => r.id).join());
      for (const rule of decision.rules) assert.ok(text.includes(rule.reason));
      const cited = citedArticles(decision);
      assert.equal(new Set(cited).size, cited.length);
      assert.deepEqual(new Set(cited), new Set(decision.rules.flatMap((r) => r.articles)));
      const sources = text.split('\n').find((l) => l.startsWith('Sources: '))!;
      for (const id of cited) assert.equal(sources.split(id).length - 1, 1, `${id} once in "${sources}"`);
      assert.doesNotMatch(text, /not asked/, 'all facts were given');
    });

    it('uses value labels, not ids', () => {
      const decision = kb.decide({ version: '2003', role: 'back-end', ha: 'cluster', edition: 'enterprise', windows: W2K3_ENTERPRISE }) as Decision;
      const text = triageSummary(decision, { version: '2003', role: 'back-end', ha: 'cluster', edition: 'enterprise', windows: W2K3_ENTERPRISE }, kb.dimensions);
      assert.match(text, /^Exchange support check: Supported with conditions$/m);
      assert.match(text, /Windows Server 2003 Enterprise Edition/);
      assert.doesNotMatch(text, /windows-server-2003-enterprise/);
    });
  });
});
