import { strict as assert } from 'node:assert';
import { recentRecords } from '../support/records';
import { play, type Turn } from './conversation-play';

/*
 * Issue 10's behaviours as table-driven dialog tests: what a person says, then what every reply of
 * that turn must show together. Phrasings are our own, not the benchmark's labelled conversations
 * (bench/conversations*.yaml), so the benchmark stays a report, not a copy of the tests.
 */

const CASES: ReadonlyArray<[group: string, name: string, turns: readonly Turn[]]> = [
  ['starting', 'a request to check a setup that names nothing yet', [['Could you check whether our Exchange setup is supported?', { asks: 'version', notSays: ['KB837852'] }]]],
  ['starting', 'a bare "is this supported?"', [['is this supported?', { asks: 'version' }]]],
  ['starting', 'a short description of a setup', [['Exchange 2013 edge server', { asks: 'ha' }]]],
  [
    'stated facts',
    'domain-controller nodes make a supported cluster unsupported, and the limit is not listed as a condition',
    [
      [
        'Exchange 2003 Enterprise back-end cluster of 2 nodes on 32-bit Windows Server 2003 Enterprise, and the nodes are also domain controllers',
        { verdict: 'not-supported', says: ['domain controllers are not supported'], notSays: ['Conditions to meet'] },
      ],
    ],
  ],
  [
    'stated facts',
    'what the check does not evaluate is named back',
    [
      [
        'Exchange 2019 CU15 Standard, one mailbox server without DAG, Windows Server 2025 Standard, running on VMware',
        { verdict: 'supported', says: ['You also mentioned VMware'] },
      ],
    ],
  ],
  ['stated facts', 'a DAG of 17 members', [['Ex2016 CU23 mailbox servers in a DAG of 17 members on Server 2016 Standard', { verdict: 'not-supported', says: ['16'] }]]],
  [
    'designs',
    'two server groups in one message: a verdict per group and the worst for the design',
    [
      [
        'E2K3 Ent on W2K3 Enterprise x86: two FEs behind NLB and a 2-node BE cluster',
        { verdicts: ['supported-with-conditions', 'supported', 'supported-with-conditions'], says: ['Front-end', 'Back-end'] },
      ],
    ],
  ],
  [
    'corrections',
    'a correction after a verdict decides again',
    [
      ['Exchange 2003 Enterprise back-end cluster on 32-bit Windows Server 2003 Standard', { verdict: 'not-supported' }],
      ['actually the Windows edition is Enterprise', { verdict: 'supported-with-conditions' }],
    ],
  ],
  [
    'corrections',
    'a bare correction at a question changes the answer given before',
    [
      ['can we cluster Exchange 2003 back-ends?', { asks: 'edition' }],
      ['Enterprise', { asks: 'windows' }],
      ['no wait, Standard', { verdict: 'not-supported' }],
    ],
  ],
  [
    'corrections',
    '"what if" after a verdict',
    [
      ['E2K3 FE on MSCS?', { verdict: 'not-supported' }],
      ['what if we put them behind NLB instead?', { asks: 'windows' }],
    ],
  ],
  [
    'not sure',
    '"no idea" gets how to find out and the verdict per possible answer; the fact is left open and the check goes on',
    [
      ['can we cluster Exchange 2003 back-ends?', { asks: 'edition' }],
      ['no idea', { asks: 'windows', says: ['Exchange System Manager', 'If Enterprise Edition', 'If Standard Edition', 'Not supported', 'leave the Exchange edition open'] }],
    ],
  ],
  [
    'follow-ups',
    'why, what instead, which KB, conditions and the summary refer to the last verdict',
    [
      ['Can I put an Exchange 2003 front-end on a Windows server cluster?', { verdict: 'not-supported' }],
      ['why?', { noCheck: true, says: ['front-end'] }],
      ['what should we do instead?', { noCheck: true, says: ['NLB'] }],
      ['which KB?', { noCheck: true, says: ['KB837852'] }],
      ['summary for the ticket please', { noCheck: true, says: ['Not supported - Exchange support check', 'Rules: front-end-on-cluster'] }],
      ['start over', { asks: 'version' }],
    ],
  ],
  [
    'follow-ups',
    'conditions of a DAG',
    [
      ['Exchange SE Enterprise mailbox servers in a DAG on Windows Server 2025 Standard', { verdict: 'supported-with-conditions' }],
      ['conditions?', { noCheck: true, says: ['16', 'domain controllers', 'witness'] }],
    ],
  ],
  ['out of scope', 'another product is not checked as Exchange', [['can I load balance SharePoint 2019 web front ends with NLB?', { noCheck: true, says: ['Exchange'] }]]],
  ['out of scope', 'a file-server cluster', [['we want to cluster our Windows 2003 print servers with MSCS', { noCheck: true, says: ['Exchange'] }]]],
  ['small talk', 'thanks', [['thanks!', { noCheck: true, says: ["You're welcome"] }]]],
  ['small talk', 'who are you', [['who are you?', { noCheck: true, says: ['Exchange support bot'] }]]],
];

describe('conversation (issue 10): what admins actually type', () => {
  for (const [group, name, turns] of CASES) {
    it(`${group}: ${name}`, async () => {
      await play(turns);
    });
  }

  it('small talk is not logged as a knowledge-base gap', async () => {
    const { unanswered } = await play([
      ['thx that helped', { noCheck: true }],
      ['u there?', { noCheck: true }],
    ]);
    assert.deepEqual(await recentRecords(unanswered, 'unanswered'), []);
  });
});
