import { strict as assert } from 'node:assert';
import { type Facts, type KnowledgeBase } from '../../knowledge';
import { describeFacts, KnowledgeCopies, lineContaining, loadProblems, problemsOf, replaceOnce, show } from './helpers';
import { sharedKnowledgeBase } from '../support/shared-knowledge';

/*
 * Issue 21, "ask only what matters": a fact with one sensible answer (knowledge/data/assumed-facts.yaml)
 * is taken and named, never asked, and never stands against what the user said. Rows written from the
 * facts sheets (W3, E7-2, A-1, M-3, M-7), not from the table.
 */
const CHECKS: ReadonlyArray<readonly [facts: Facts, expect: { verdict?: string; asks?: string; assumed?: string[]; conditions?: string[]; notConditions?: string[] }]> = [
  // W3: Exchange 2003 installs only on 32-bit Windows.
  [
    { version: '2003', role: 'back-end', ha: 'cluster', edition: 'enterprise', windows: '2003', windowsEdition: 'enterprise' },
    { verdict: 'supported-with-conditions', assumed: ['architecture'] },
  ],
  // Issue 21 policy (session 5): x64 would make it not supported, so the assumption is a condition and the
  // label is never plain "Supported" for a fact nobody confirmed.
  [
    { version: '2003', role: 'front-end', ha: 'nlb', windows: '2003-r2', windowsEdition: 'standard' },
    { verdict: 'supported-with-conditions', assumed: ['architecture'], conditions: ['assumed-architecture'] },
  ],
  // A stated x86 is no assumption: plainly supported.
  [
    { version: '2003', role: 'front-end', ha: 'nlb', windows: '2003-r2', windowsEdition: 'standard', architecture: 'x86' },
    { verdict: 'supported', assumed: [], conditions: [] },
  ],
  [
    { version: '2003', role: 'back-end', ha: 'none', windows: '2003', windowsEdition: 'standard' },
    { verdict: 'supported-with-conditions', assumed: ['architecture'], conditions: ['assumed-architecture'] },
  ],
  // A stated x64 is judged, not assumed away.
  [
    { version: '2003', role: 'front-end', ha: 'nlb', windows: '2003', windowsEdition: 'standard', architecture: 'x64' },
    { verdict: 'not-supported', assumed: [] },
  ],
  // Decided whatever the architecture: nothing to assume (KB837852's front-end on a cluster).
  [
    { version: '2003', role: 'front-end', ha: 'cluster' },
    { verdict: 'not-supported', assumed: [] },
  ],
  // E7-2: production Exchange 2007 runs on x64 only.
  [
    { version: '2007', role: 'mailbox', ha: 'ccr', edition: 'enterprise', windows: '2008', windowsEdition: 'enterprise', update: 'e2007-sp3' },
    { verdict: 'supported-with-conditions', assumed: ['architecture'] },
  ],
  // M-3: a DAG on Windows Server 2012 or later needs Standard or Datacenter, and either will do.
  // Only Essentials, no Exchange host, would change it: the edition is noted, not made a condition.
  [
    { version: '2016', role: 'mailbox', ha: 'dag', windows: '2016', update: 'e2016-cu3-or-later' },
    { verdict: 'supported-with-conditions', assumed: ['windowsEdition'], notConditions: ['assumed-windowsEdition'] },
  ],
  [
    { version: 'se', role: 'mailbox', ha: 'dag', windows: '2025' },
    { verdict: 'supported-with-conditions', assumed: ['windowsEdition'] },
  ],
  // Essentials said is judged.
  [
    { version: 'se', role: 'mailbox', ha: 'dag', windows: '2025', windowsEdition: 'essentials' },
    { verdict: 'not-supported', assumed: [] },
  ],
  // D-2: an Exchange 2010 DAG on 2008 R2 needs Enterprise or Datacenter: the sensible answers differ, so it is asked.
  [{ version: '2010', role: 'mailbox', ha: 'dag', edition: 'enterprise', windows: '2008-r2', update: 'e2010-sp3' }, { asks: 'windowsEdition' }],
  // M-7: a domain controller is never an Edge server, so the role is not asked; A-15: not recommended.
  [
    { version: '2019', ha: 'none', windows: '2022', windowsEdition: 'standard', update: 'e2019-cu15-or-later', domainController: 'yes' },
    { verdict: 'supported-with-conditions', assumed: ['role'] },
  ],
  // An Edge server said to be a domain controller is judged as said.
  [
    { version: '2019', role: 'edge-transport', ha: 'none', windows: '2022', windowsEdition: 'standard', update: 'e2019-cu15-or-later', domainController: 'yes' },
    { verdict: 'not-supported' },
  ],
  // Issue 25 (l25, session 8), C2/C6: a back-end's failover is a server cluster, and Windows Server 2003 Standard and
  // Windows 2000 Server have no Cluster service: a single server, assumed (a condition, as nobody said it) not asked.
  [
    { version: '2003', role: 'back-end', windows: '2003', windowsEdition: 'standard', architecture: 'x86' },
    { verdict: 'supported-with-conditions', assumed: ['ha'], conditions: ['assumed-ha'] },
  ],
  [
    { version: '2003', role: 'back-end', windows: '2000', windowsEdition: 'server', windowsServicePack: '4' },
    { verdict: 'supported-with-conditions', assumed: ['ha'], conditions: ['assumed-ha'] },
  ],
  // With Windows 2000 SP4 said and no fault tolerance said, a single 2003 back-end on Windows 2000 is plainly supported (C13, W4).
  [
    { version: '2003', role: 'back-end', ha: 'none', windows: '2000', windowsEdition: 'server', windowsServicePack: '4' },
    { verdict: 'supported', assumed: [] },
  ],
  // Below SP3 it is not (the limit exchange-2003-windows-2000-sp3).
  [{ version: '2003', role: 'back-end', ha: 'none', windows: '2000', windowsEdition: 'server', windowsServicePack: '2' }, { verdict: 'not-supported' }],
  // A cluster said on an edition with the Cluster service, or a front-end, is no single back-end: nothing assumed.
  [
    { version: '2003', role: 'back-end', ha: 'cluster', edition: 'enterprise', windows: '2003', windowsEdition: 'standard', architecture: 'x86' },
    { verdict: 'not-supported', assumed: [] },
  ],
];

describe('assumed facts (issue 21): one sensible answer is said, not asked', () => {
  let kb: KnowledgeBase;
  const copies = new KnowledgeCopies();
  before(() => {
    kb = sharedKnowledgeBase();
  });
  after(() => copies.cleanup());

  for (const [facts, expect] of CHECKS) {
    it(`${describeFacts(facts)} → ${expect.verdict ?? `asks ${expect.asks}`}${expect.assumed?.length ? `, assuming ${expect.assumed.join(', ')}` : ''}`, () => {
      const step = kb.nextStep(facts);
      if (expect.asks) {
        assert.equal(step.kind === 'question' ? step.dimension.id : step.decision.verdict, expect.asks);
        return;
      }
      assert.equal(step.kind, 'verdict', step.kind === 'question' ? `asks ${step.dimension.id}` : '');
      if (step.kind !== 'verdict') return;
      assert.equal(step.decision.verdict, expect.verdict);
      if (expect.assumed)
        assert.deepEqual(
          (step.decision.assumed ?? []).map((a) => a.dimension),
          expect.assumed,
        );
      const assumedConditions = step.decision.conditions.map((c) => c.id).filter((id) => id.startsWith('assumed-'));
      if (expect.conditions) assert.deepEqual(assumedConditions, expect.conditions);
      for (const id of expect.notConditions ?? []) assert.ok(!assumedConditions.includes(id), `${id} is no condition here`);
      for (const a of step.decision.assumed ?? []) {
        assert.equal(facts[a.dimension], undefined, 'a fact the user gave is never assumed');
        assert.ok(a.basis.length > 0 && a.statement.length > 20);
      }
    });
  }

  it('never assumes a value the rest of the setup cannot have, and every statement names its reason', () => {
    for (const assumption of kb.assumedFacts) {
      const dimension = kb.dimensions.find((d) => d.id === assumption.dimension)!;
      for (const value of assumption.values)
        assert.ok(
          dimension.values.some((v) => v.id === value),
          `${assumption.dimension}=${value}`,
        );
      assert.match(assumption.statement, /: /, 'the statement says the value, then why');
    }
  });

  const BROKEN: ReadonlyArray<readonly [name: string, from: string, to: string, field: RegExp]> = [
    ['an unknown fact', '- dimension: architecture\n  when: { version: "2003" }', '- dimension: bitness\n  when: { version: "2003" }', /^\[0\]\.dimension$/],
    ['an unknown value', 'values: [x86]', 'values: [x128]', /^\[0\]\.values\.0$/],
    ['a basis fact that does not exist', 'basis: [W3, C13]', 'basis: [W3, A-99]', /^\[0\]\.basis\.1$/],
    ['a condition on an unknown value', 'when: { version: "2003" }', 'when: { version: "2004" }', /^\[0\]\.when\.version$/],
  ];
  for (const [name, from, to, field] of BROKEN) {
    it(`refuses ${name}, naming the file, line and field`, () => {
      const { dir, file, text } = copies.withEdit('data/assumed-facts.yaml', (t) => replaceOnce(t, from, to));
      const problems = problemsOf(loadProblems(dir), file);
      assert.equal(problems.length, 1, show(loadProblems(dir)));
      assert.match(problems[0]!.field ?? '', field, show(problems));
      const needle = to.split('\n').pop()!.trim();
      assert.ok(problems[0]!.line === lineContaining(text, needle) || problems[0]!.line === lineContaining(text, '- dimension: bitness'), show(problems));
    });
  }
});
