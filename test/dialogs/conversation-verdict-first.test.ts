import { strict as assert } from 'node:assert';
import { stepWithOpen } from '../../knowledge';
import { isRefine, openForPlan } from '../../dialogs/plan-open';
import { play, type Turn } from './conversation-play';
import { sharedKnowledgeBase } from '../support/shared-knowledge';

/*
 * Issue 21, "verdict first" (dialogs/plan-open.ts): a described plan gets its verdict at once, its
 * unsaid facts named as conditions by the rules table, with the offer to refine; a guided check asked
 * for by name, or a message without the version or topology, is still asked. Our own phrasings.
 */
const CASES: ReadonlyArray<readonly [name: string, turns: readonly Turn[]]> = [
  [
    'a planned 2007 CCR cluster gets its verdict at once, the editions named as conditions, and "refine" asks what still matters',
    [
      [
        'we are planning a 2-node Exchange 2007 SP3 CCR cluster on Windows Server 2008 x64, what do we need?',
        {
          headline: 'Out of support since 11 April 2017: Exchange 2007.',
          verdict: 'supported-with-conditions',
          says: ['Exchange edition is not known yet: Not supported with Standard Edition', 'Windows edition is not known yet', 'say "refine"', 'up to 2 questions'],
          notAsks: ['edition', 'windowsEdition'],
        },
      ],
      ['refine', { asks: 'edition' }],
      ['Enterprise', { asks: 'windowsEdition' }],
      ['Enterprise', { verdict: 'supported-with-conditions', notSays: ['is not known yet', 'say "refine"'] }],
    ],
  ],
  [
    'a bare answer after a plan judged at once fills the open fact that decides it (the Windows edition, not the Exchange edition)',
    [
      [
        'customer wants a 2 node Exchange 2010 SP3 DAG on Windows Server 2008 R2, what are the requirements',
        { verdict: 'supported-with-conditions', says: ['Enterprise or Datacenter'] },
      ],
      ['they only have standard licences', { verdict: 'not-supported', says: ['What changed: Windows edition: Standard added'] }],
    ],
  ],
  [
    'with the update open, the out-of-support line names the version, never a service pack merely tried',
    [
      [
        'we are planning a 2-node Exchange 2007 CCR cluster on Windows Server 2008, what do we need?',
        { headline: 'Out of support since 11 April 2017: Exchange 2007.', notSays: ['SP1 or SP2 was supported'] },
      ],
    ],
  ],
  [
    'the support status of a retired setup is answered at once, "Out of support" first, its unsaid facts named as conditions',
    [
      [
        "what's the support status of our exchange 2013 DAG (2 nodes, 2012 R2 Datacenter)?",
        { headline: 'Out of support since 11 April 2023: Exchange 2013.', notAsks: ['update', 'edition'] },
      ],
    ],
  ],
  ['the guided check asked for by name still asks', [['check my setup please: exchange 2010 sp3 dag on windows 2008 r2', { asks: 'windowsEdition' }]]],
  ['a setup described for checking (no plan) still asks', [['exchange 2016 cu23 mailbox servers in a dag', { asks: 'windows' }]]],
  [
    'a setup no answer could make supported gets its verdict at once; a what-if then asks what the change makes matter (the rules decide, no plan needed)',
    [
      ['exchange 2016 mailbox dag on windows server 2025', { verdict: 'not-supported', notAsks: ['update'] }],
      // On Windows Server 2016 the update decides (CU3 or later): asked now, not left open as it was while it changed nothing.
      ['what if we use windows 2016', { asks: 'update' }],
    ],
  ],
  [
    'a change taken back by the answer to the next question is said with the latest value',
    [
      ['exchange 2010 sp3 mailbox dag', { asks: 'windows' }],
      ['Windows Server 2022', { verdict: 'not-supported' }],
      ['ok 2008 r2 then', { asks: 'windowsEdition' }],
      ['Windows Server 2022', { verdict: 'not-supported', says: ['What changed: nothing in the end (Windows Server 2022, as before)'], notSays: ['2008 R2 instead of'] }],
    ],
  ],
  [
    'a correction after a plan judged at once changes the known fact as well as filling the open one',
    [
      [
        'we are planning a 2-node Exchange 2007 SP3 Enterprise CCR cluster on Windows Server 2008, what do we need?',
        { verdict: 'supported-with-conditions', says: ['Windows edition is not known yet'] },
      ],
      [
        'no wait, Exchange Standard and Windows Enterprise',
        { verdict: 'not-supported', says: ['Exchange edition: Standard Edition instead of Enterprise Edition', 'Windows edition: Enterprise added'] },
      ],
    ],
  ],
];

describe('conversation (issue 21): verdict first for a described plan', () => {
  for (const [name, turns] of CASES) {
    it(name, async () => {
      await play(turns);
    });
  }

  it('openForPlan leaves open only what a plan with version and topology leaves unsaid, and only when the walk decides', () => {
    const kb = sharedKnowledgeBase();
    const facts = { version: '2007', role: 'mailbox', ha: 'ccr', windows: '2008' };
    const open = openForPlan(kb, facts, 'we are planning this, what do we need?');
    assert.deepEqual(open?.includes('edition') && open.includes('windowsEdition') && !open.includes('version'), true, JSON.stringify(open));
    // Every open fact is tried: the verdict is never plain "Supported" while any of them decides it.
    const step = stepWithOpen(kb, facts, open!);
    assert.equal(step.kind, 'verdict');
    assert.notEqual(step.kind === 'verdict' && step.decision.verdict, 'supported');
    assert.equal(openForPlan(kb, facts, 'check my setup, we are planning this'), undefined);
    assert.equal(openForPlan(kb, { version: '2007', role: 'mailbox' }, 'we are planning this'), undefined, 'no topology: asked');
    assert.equal(openForPlan(kb, { role: 'mailbox', ha: 'ccr' }, 'we are planning this'), undefined, 'no version: asked');
    assert.equal(openForPlan(kb, facts, 'exchange 2007 ccr cluster on 2008'), undefined, 'not a plan: asked');
  });

  it('"refine" and its wordings are recognised; a sentence that only contains the word is not', () => {
    for (const yes of ['refine', 'Refine.', 'ok refine it', 'ask me the questions', 'narrow it down', 'yes, refine the verdict']) assert.ok(isRefine(yes), yes);
    for (const no of ['can you refine the answer about DAG witness servers for exchange 2019?', 'what does refine mean', 'refined']) assert.ok(!isRefine(no), no);
  });
});
