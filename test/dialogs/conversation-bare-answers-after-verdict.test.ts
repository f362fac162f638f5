import { play, type Turn } from './conversation-play';

/*
 * Issue 21, short answers after a verdict (helper v21): a bare value of a fact the verdict assumed or left open is that
 * fact ("std" after "Assumed (not asked): Windows Standard or Datacenter edition"), the check runs again with it and says
 * what changed; "skip"/"dunno" after a verdict is no dead end: the verdict stands, the fact left open named. Our own
 * phrasings; the held-out sets are never read.
 */
const DEAD_END = ['not sure I understood', "couldn't find an answer", "didn't recognise"];

const CASES: ReadonlyArray<readonly [name: string, turns: readonly Turn[]]> = [
  [
    '"std" after a verdict that assumed the Windows edition is that edition, the verdict unchanged and saying so',
    [
      ['2013 CU23 edge transport in the DMZ, workgroup, just one box', { asks: 'windows' }],
      ['2012 r2', { verdict: 'supported', headline: 'Out of support' }],
      ['std', { verdict: 'supported', headline: 'Out of support', says: ['What changed: Windows edition: Standard'], notSays: DEAD_END }],
    ],
  ],
  [
    '"Datacenter" after a DAG verdict that assumed the edition is the Windows edition, not an article about 2003 clusters',
    [
      ['Exchange 2019 CU14 DAG, 2 members + file share witness, member servers, on Windows Server 2022', { verdict: 'supported-with-conditions' }],
      ['Datacenter', { verdict: 'supported-with-conditions', says: ['Windows edition: Datacenter'], notSays: ['Exchange Server 2003 Enterprise Edition', ...DEAD_END] }],
    ],
  ],
  [
    '"Datacenter, with the GUI obviously" is the Windows edition with words around it',
    [
      ['check: 2016 CU23 DAG with 3 servers, members are not DCs', { asks: 'windows' }],
      ['Server 2012 R2', { verdict: 'supported-with-conditions' }],
      ['Datacenter, with the GUI obviously', { verdict: 'supported-with-conditions', says: ['Windows edition: Datacenter'], notSays: DEAD_END }],
    ],
  ],
  [
    '"its enterprise" after a 2010 DAG verdict fills the edition it left open',
    [
      ['exchange 2010 sp3 dag with 2 members on 2008 r2', { asks: 'windowsEdition' }],
      ['its enterprise', { headline: 'Out of support', notSays: DEAD_END }],
    ],
  ],
  [
    '"x64" after an Exchange 2003 verdict that assumed 32-bit Windows is 64-bit Windows: Not supported now',
    [
      ['exchange 2003 sp2 single server, windows 2003 r2 enterprise', { verdict: 'supported-with-conditions', headline: 'Out of support' }],
      ['x64', { verdict: 'not-supported', says: ['What changed', '64-bit'], notSays: DEAD_END }],
    ],
  ],
  [
    '"2022" after the Windows release was skipped is that release: the condition goes',
    [
      ['SE single server, mailbox, can you check it', { asks: 'windows' }],
      ['skip', { verdict: 'supported-with-conditions' }],
      ['2022', { verdict: 'supported', says: ['What changed: Windows Server 2022'], notSays: DEAD_END }],
    ],
  ],
  [
    '"ws2025" typed after a skipped Windows release is read the same way',
    [
      ['exchange SE mailbox server, no DAG', { asks: 'windows' }],
      ['pass', { verdict: 'supported-with-conditions' }],
      ['ws2025', { verdict: 'supported', says: ['What changed'], notSays: DEAD_END }],
    ],
  ],
  [
    '"skip that too" after a verdict is no dead end: the verdict stands and the fact left open is named',
    [
      ['SE single server, mailbox, can you check it', { asks: 'windows' }],
      ['skip', { verdict: 'supported-with-conditions' }],
      ['skip that too', { noCheck: true, says: ['verdict above stands', 'Windows release'], notSays: DEAD_END }],
    ],
  ],
  [
    '"dunno" and "no idea tbh" after a verdict name what stays open',
    [
      ['SE single server, mailbox, can you check it', { asks: 'windows' }],
      ["don't know", { verdict: 'supported-with-conditions' }],
      ['dunno', { noCheck: true, says: ['Windows release'], notSays: DEAD_END }],
      ['no idea tbh', { noCheck: true, says: ['verdict above stands'], notSays: DEAD_END }],
    ],
  ],
  [
    '"pass on that as well" after a verdict with nothing left open still says the verdict stands',
    [
      ['2019 cu15 on windows 2025 std, single mailbox server', { verdict: 'supported' }],
      ['pass on that as well', { noCheck: true, says: ['verdict above stands'], notSays: DEAD_END }],
    ],
  ],
];

describe('conversation (issue 21): bare answers, "skip" and "dunno" after a verdict', () => {
  for (const [name, turns] of CASES) {
    it(name, async () => {
      await play(turns);
    });
  }
});
