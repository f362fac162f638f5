import { strict as assert } from 'node:assert';
import { MainDialog } from '../../dialogs/main-dialog';
import { memoryLastCheckStore, type LastCheckStore } from '../../dialogs/last-check';
import { CardReplies } from '../../bot/cards/card-replies';
import { OwnerRecords } from '../../bot/records/owner-records';
import { MemoryRecordStore } from '../../bot/records/record-store';
import { memoryLogger } from '../../bot/log';
import { play, type Turn } from './conversation-play';
import { DialogTestClient } from './dialog-test-client';
import { sharedKnowledgeBase } from '../support/shared-knowledge';
import { sendAll } from './card-reading';
import { cardTexts } from '../support/activities';

/*
 * Session 13 (d25), issue 21: the DAG's witness host and members named by host are kept with the verdict (LastCheck.hosts).
 * What is said later of the witness's host is the witness's: its Windows need not match the members' (plan-ha.md); a witness
 * moved onto a member named before, or onto a mailbox server when the DAG's members were never named, is no witness outside
 * the DAG (create-dags.md: "the witness server can't be a member of the DAG"); an Exchange server said to be outside the DAG
 * is a good witness (create-dags.md recommends one). Our own phrasings; the held-out sets are never read.
 */
const CASES: ReadonlyArray<readonly [name: string, turns: readonly Turn[]]> = [
  [
    "the witness host's Windows after the verdict: with conditions stands",
    [
      ['SE dag of 2 on 2025 std, fsw on WIT7, member servers', { verdict: 'supported-with-conditions' }],
      ['WIT7 runs windows server 2016 datacenter', { verdict: 'supported-with-conditions', notSays: ['Not supported'] }],
    ],
  ],
  [
    "the witness host's Windows in the same message is not the members': with conditions",
    [['SE dag of 4 on 2022 std, member servers, witness on FSX2; FSX2 itself is a 2016 box', { verdict: 'supported-with-conditions', notSays: ['Not supported'] }]],
  ],
  [
    'the witness moved onto a member named in the first message: Not supported, saying which host',
    [
      ['SE DAG of 2 (NODE-A1, NODE-A2) on 2025 std, fsw on WIT7, member servers', { verdict: 'supported-with-conditions' }],
      ['what if the witness moves to NODE-A2?', { verdict: 'not-supported', says: ['NODE-A2, read as one of the'] }],
    ],
  ],
  [
    'the witness moved onto a server not among the named members: with conditions stands',
    [
      ['SE DAG of 2 (NODE-A1, NODE-A2) on 2025 std, fsw on WIT7, member servers', { verdict: 'supported-with-conditions' }],
      ['what if the witness moves to UTIL9?', { verdict: 'supported-with-conditions' }],
    ],
  ],
  [
    'no member named: the witness moved onto a mailbox server of the DAG is Not supported',
    [
      ['SE dag of 4 on 2025 std, fsw on WIT7, member servers', { verdict: 'supported-with-conditions' }],
      ['we would point the witness at MBX3 for a while', { verdict: 'not-supported' }],
    ],
  ],
  [
    'an Exchange server said to be outside the DAG as the witness: with conditions stands',
    [
      ['SE dag of 4 on 2025 std, fsw on WIT7, member servers', { verdict: 'supported-with-conditions' }],
      ['the fsw moves to EX-UTIL9, an exchange server outside the dag', { verdict: 'supported-with-conditions', notSays: ['Not supported'] }],
    ],
  ],
  // A listed line adding members to the DAG of a line above ("same DAG", "also in DAG-A"): one DAG, not two (M-2).
  [
    "a listed line joining 'the same DAG' on another Windows release: Not supported",
    [['- NODE-A1, NODE-A2: SE, one DAG, windows 2025 std, fsw WIT7, member servers\n- NODE-A3: SE, the same dag, windows 2022 std', { verdict: 'not-supported' }]],
  ],
  [
    "a listed line 'also in DAG-A' that is a DC, beside an Edge line: Not supported",
    [
      [
        '- NODE-A1, NODE-A2: SE, DAG-A, 2025 std, fsw WIT7, member servers\n- NODE-A3: SE, also in DAG-A, 2025 std, it is a DC as well\n- EDGE1: SE edge on 2025 std, workgroup',
        { verdict: 'not-supported' },
      ],
    ],
  ],
  [
    "two listed DAGs told apart by 'a second DAG' stay two groups: with conditions",
    [
      [
        '- NODE-A1, NODE-A2: SE, one DAG, 2025 std, fsw WIT7, member servers\n- NODE-B1, NODE-B2: SE, a second DAG, 2022 std, fsw WIT8, member servers',
        { verdict: 'supported-with-conditions' },
      ],
    ],
  ],
  // A role as a group's label, then its count ("edge = one SE edge"): one Edge server, asked no high-availability question (M-7).
  [
    "'edge = one SE edge' beside a mailbox DAG: with conditions, no HA question",
    [
      [
        'mailbox = SE DAG of 2 on 2025 std, fsw on WIT7, member servers; edge = one SE edge in the perimeter on 2025 std, workgroup',
        { verdict: 'supported-with-conditions', notAsks: ['ha'] },
      ],
    ],
  ],
  // A mail's closing disclaimer ("if you are not a domain controller administrator ...") says nothing of the setup.
  [
    'a member named as a DC in a mail whose disclaimer says "not a domain controller": Not supported',
    [
      [
        'Hello,\nSE DAG of 2 on 2025 std, fsw on WIT7.\nNODE-A2 also hosts the branch domain controller role.\nRegards\nThis message is confidential. If you are not a domain controller administrator, delete it.',
        { verdict: 'not-supported' },
      ],
    ],
  ],
  // A ticket's fields: "Clustered: Yes" beside "Role: Front-end" is the front-end's own cluster (KB837852), no back-end beside it.
  [
    "ticket fields 'Role: Front-end' and 'Clustered: Yes': Not supported",
    [['Role: Front-end\nExchange: 2003 SP2\nClustered: Yes (2 nodes)\nOS: Windows Server 2003 Enterprise', { verdict: 'not-supported', headline: 'Out of support' }]],
  ],
  [
    "ticket fields 'Role: Front-end', 'Clustered: No', 'NLB: Yes': no cluster read",
    [['Role: Front-end\nExchange: 2003 SP2\nClustered: No\nNLB: Yes, 2 nodes\nOS: Windows Server 2003 Enterprise', { notSays: ['front-end server on a Windows server cluster'] }]],
  ],
  // An Office server product placed on the Exchange server, its release said after it (office-products.ts; A-57).
  [
    'SharePoint Server Subscription Edition installed on an SE server: Not supported',
    [['SE single mailbox server on 2022 std, we installed sharepoint server subscription edition on it too', { verdict: 'not-supported', notSays: ['Out of support'] }]],
  ],
  [
    'SharePoint Server 2019 on the same box as a 2019 server: Not supported, checked (not "outside what I cover")',
    [['2019 cu15 single mailbox on 2019 std; sharepoint server 2019 sits on the same box', { verdict: 'not-supported', headline: 'Out of support' }]],
  ],
  [
    'SharePoint Server 2019 on a farm of its own beside an SE server: Supported',
    [['SE single mailbox server on 2025 std, sharepoint server 2019 is on a separate server', { verdict: 'supported' }]],
  ],
];

describe('conversation (session 13, d25): the witness host kept with the verdict', () => {
  for (const [name, turns] of CASES) {
    it(name, async () => {
      await play(turns);
    });
  }

  // A verdict saved before session 13 has no hosts (or, from another shape, something else there): it still loads and takes
  // follow-ups, read as before (no host known).
  const saved = (change: (value: Record<string, unknown>) => Record<string, unknown>): LastCheckStore => {
    const inner = memoryLastCheckStore();
    return {
      get: async (context) => {
        const value = await inner.get(context);
        return value ? (change({ ...value }) as never) : undefined;
      },
      set: (context, value) => inner.set(context, value),
    };
  };
  const client = (store: LastCheckStore) =>
    new DialogTestClient('test', new MainDialog(sharedKnowledgeBase(), new CardReplies(sharedKnowledgeBase()), new OwnerRecords(new MemoryRecordStore(), memoryLogger()), store));
  const shown = async (c: DialogTestClient, said: string) =>
    (await sendAll(c, said)).flatMap((r) => (r ? [...(typeof r.text === 'string' ? [r.text] : []), ...cardTexts(r)] : [])).join('\n');
  for (const [name, change] of [
    ['without hosts (saved before session 13)', ({ hosts: _h, ...rest }: Record<string, unknown>) => rest],
    ['with hosts of another shape', (value: Record<string, unknown>) => ({ ...value, hosts: { witness: 42, members: 'MBX1' } })],
  ] as const) {
    it(`a verdict saved ${name} still takes a follow-up`, async () => {
      const c = client(saved(change));
      assert.match(await shown(c, 'SE DAG of 2 (NODE-A1, NODE-A2) on 2025 std, fsw on WIT7, member servers'), /Supported with conditions/);
      // No member known: NODE-A2 is no mailbox server's name, so the witness stays; the verdict is given again.
      assert.match(await shown(c, 'what if the witness moves to NODE-A2?'), /Supported with conditions/);
      assert.match(await shown(c, 'what if we add a third member?'), /Supported with conditions|Not supported/);
    });
  }
});
