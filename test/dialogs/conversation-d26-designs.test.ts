import { strict as assert } from 'node:assert';
import { MainDialog } from '../../dialogs/main-dialog';
import type { DialogState } from '../../dialogs/dialog-frame';
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
 * Session 14 (d26), issue 21: the hosts a check's first message names ("fsw on WIT7", "(NODE-A1, NODE-A2)") are kept in the
 * check's frame while it asks its questions, so its verdict keeps them: the witness host's Windows said afterwards is the
 * witness's (plan-ha.md: it need not match the members'), a witness moved onto a named member is no witness outside the DAG
 * (create-dags.md). Designs typed one group a line that the listing reader takes ("- NODE-A1, NODE-A2: ..., DAG1, ..." /
 * "- NODE-A3: ..., same DAG, ..."): the line joins the DAG above (one Windows release per DAG, M-2). A role alone as a
 * line's label, its count after the colon ("edge: one ... server"): one Edge server, no high-availability question (M-7).
 * Our own phrasings; the held-out sets are never read.
 */
const CASES: ReadonlyArray<readonly [name: string, turns: readonly Turn[]]> = [
  [
    'the witness host named before a question: its Windows after the verdict is the witness, with conditions stands',
    [
      ['SE dag of 2 (NODE-A1, NODE-A2), fsw on WIT7', { asks: 'windows' }],
      ['windows server 2025 standard', { verdict: 'supported-with-conditions' }],
      ['WIT7 runs windows server 2012 r2', { verdict: 'supported-with-conditions', notSays: ['Not supported'] }],
    ],
  ],
  [
    'members named before a question: the witness moved onto one of them is Not supported, saying which host',
    [
      ['is our SE DAG ok? DAG07 = NODE-A1 + NODE-A2, witness on WIT7', { asks: 'windows' }],
      ['2022 datacenter', { verdict: 'supported-with-conditions' }],
      ['what if the witness moves to NODE-A2?', { verdict: 'not-supported', says: ['NODE-A2, read as one of the'] }],
    ],
  ],
  [
    'the witness host named in an answer to a question is kept too',
    [
      ['SE dag of 2 (NODE-A1, NODE-A2)', { asks: 'windows' }],
      ['2025 std, witness on WIT7', { verdict: 'supported-with-conditions' }],
      ['WIT7 is a windows server 2016 box', { verdict: 'supported-with-conditions', notSays: ['Not supported'] }],
    ],
  ],
  // Typed lines the listing reader takes: "same DAG" joins the DAG of the line above, named or not.
  [
    "a typed line 'same DAG' under a line naming DAG1, on another Windows release: Not supported",
    [
      [
        '- NODE-A1, NODE-A2: 2019 cu15, DAG1, windows 2022 std, fsw WIT7, member servers\n- NODE-A3: 2019 cu15, same DAG, windows 2019 std',
        { verdicts: ['not-supported', 'not-supported'] },
      ],
    ],
  ],
  [
    "a typed line 'same DAG' under a line saying 'one DAG' without a name, on another Windows release: Not supported",
    [['- NODE-A1, NODE-A2: SE, one DAG, windows 2025 std, member servers\n- NODE-A3: SE, same DAG, but windows 2022 std', { verdicts: ['not-supported'] }]],
  ],
  [
    "a typed line 'same DAG' on the same Windows release: no Not supported",
    [['- NODE-A1, NODE-A2: SE, DAG1, windows 2025 std, fsw WIT7, member servers\n- NODE-A3: SE, same DAG, windows 2025 std', { notSays: ['Not supported'] }]],
  ],
  [
    'typed lines of two named DAGs on two releases stay two DAGs: no Not supported',
    [
      [
        '- NODE-A1, NODE-A2: SE, DAG1, windows 2025 std, fsw WIT7, member servers\n- NODE-B1, NODE-B2: SE, DAG2, windows 2022 std, fsw WIT8, member servers',
        { notSays: ['Not supported'] },
      ],
    ],
  ],
  // A role alone as a line's label, its count after the colon.
  [
    "'edge: one SE server ...' under a mailbox DAG line: one Edge server, no high-availability question",
    [
      [
        'mailbox: SE DAG of 2 on 2025 std, fsw on WIT7, member servers\nedge: one SE server on 2025 std in the perimeter, not domain joined',
        { verdict: 'supported-with-conditions', notAsks: ['ha'] },
      ],
    ],
  ],
];

describe('conversation (session 14, d26): hosts kept through a check, typed DAG lines, counts after a label', () => {
  for (const [name, turns] of CASES) {
    it(name, async () => {
      await play(turns);
    });
  }

  // A check saved mid-question before session 14 has no hosts in its frame (or, of another shape, something else there):
  // it still loads and goes on to its verdict, read as before (no host known).
  const client = (saved?: DialogState) =>
    new DialogTestClient<object>(
      'test',
      new MainDialog(sharedKnowledgeBase(), new CardReplies(sharedKnowledgeBase()), new OwnerRecords(new MemoryRecordStore(), memoryLogger())),
      undefined,
      saved,
    );
  const shown = async (c: DialogTestClient, said: string) =>
    (await sendAll(c, said)).flatMap((r) => (r ? [...(typeof r.text === 'string' ? [r.text] : []), ...cardTexts(r)] : [])).join('\n');
  const midCheck = async (): Promise<DialogState> => {
    const c = client();
    assert.match(await shown(c, 'SE dag of 2 (NODE-A1, NODE-A2), fsw on WIT7'), /Which Windows Server release/);
    const state = c.savedState();
    assert.deepEqual((state.dialogStack[0]!.state as { hosts?: unknown }).hosts, { witness: 'WIT7', members: ['NODE-A1', 'NODE-A2'] });
    return state;
  };
  for (const [name, change] of [
    ['without hosts (saved before session 14)', ({ hosts: _h, ...rest }: Record<string, unknown>) => rest],
    ['with hosts of another shape', (frame: Record<string, unknown>) => ({ ...frame, hosts: { witness: 42, members: 'NODE-A2' } })],
    ['with hosts as a string', (frame: Record<string, unknown>) => ({ ...frame, hosts: 'WIT7' })],
  ] as const) {
    it(`a check saved mid-question ${name} still loads and gives its verdict`, async () => {
      const state = await midCheck();
      const frame = state.dialogStack[0]!;
      frame.state = change(frame.state as Record<string, unknown>);
      const c = client(state);
      assert.match(await shown(c, 'windows server 2025 standard'), /Supported with conditions/);
      // No host known: NODE-A2 is no mailbox server's name, so the witness stays; the verdict is given again.
      assert.match(await shown(c, 'what if the witness moves to NODE-A2?'), /Supported with conditions/);
    });
  }
  it('a check saved mid-question with its hosts keeps them to the verdict', async () => {
    const c = client(await midCheck());
    assert.match(await shown(c, 'windows server 2025 standard'), /Supported with conditions/);
    assert.match(await shown(c, 'what if the witness moves to NODE-A2?'), /Not supported/);
  });
});
