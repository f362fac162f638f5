import { play, type Turn } from './conversation-play';
import type { Verdict } from '../../knowledge';

/*
 * Issue 21 (g21, session 8): the second turn after a verdict on a retired version, in words the earlier patterns did
 * not read ("is there an extension?", "should we be worried", "how much longer can we run it"), and any short question
 * or reaction about the setup that names no fact and that the articles do not answer ("is it fine as long as it
 * works?"): that verdict again, headed "Out of support", with a line answering it; never "I couldn't find". A question
 * the articles answer ("what is a file share witness?") is still theirs. Our own phrasings; the held-out sets are never read.
 */
const DAG_2013 = 'exchange 2013 cu23 dag, 2 members on windows 2012 r2 standard, witness on a file server, no DCs';
const DAG_2019 = 'exchange 2019 cu14 DAG of 4 members on windows server 2022 datacenter, fsw on FS01, member servers';

const CASES: ReadonlyArray<readonly [setup: string, asked: string, line: string]> = [
  // Patterns (retired-version.ts): ESU, how long, what to do, status.
  [DAG_2013, 'is there an extension?', 'Extended Security Updates bring security fixes only'],
  [DAG_2013, 'can we pay microsoft to keep supporting it', 'Extended Security Updates bring security fixes only'],
  [DAG_2019, 'how much longer can we run it', 'is out of support now (since 14 October 2025)'],
  [DAG_2013, 'should we be worried', 'What to do: plan the move'],
  [DAG_2013, 'so we are stuck?', 'no direct path from Exchange 2013'],
  [DAG_2013, 'and now?', 'What to do: plan the move'],
  [DAG_2013, 'is it still ok to run', 'Microsoft no longer fixes it or helps with it'],
  [DAG_2013, "so microsoft won't help us if it breaks?", 'Microsoft no longer fixes it or helps with it'],
  // No pattern: a short question about the setup the articles do not answer gets the status line and the way to SE.
  [DAG_2019, 'hmm, thoughts on that?', 'Microsoft no longer fixes it or helps with it'],
  [DAG_2019, 'hmm, thoughts on that?', 'in place'],
];

describe('conversation (issue 21, g21): the second turn after a verdict on a retired version', () => {
  for (const [setup, asked, line] of CASES) {
    it(`"${asked}" is answered under the "Out of support" headline with "${line}"`, async () => {
      const turns: Turn[] = [
        [setup, { headline: 'Out of support' }],
        [asked, { headline: 'Out of support', says: [line], notSays: ["couldn't find an answer", 'not sure I understood'] }],
      ];
      await play(turns);
    });
  }
  it('a question the articles answer after a retired verdict is still answered from them', async () => {
    await play([
      [DAG_2013, { headline: 'Out of support' }],
      ['what is a file share witness?', { noCheck: true, says: ['quorum vote'], notSays: ['Out of support since'] }],
    ]);
  });
  it('a short question after a verdict on a supported version is no retired follow-up', async () => {
    await play([
      ['exchange SE dag of 2 on windows server 2022 standard, witness on FS1, no DCs', { notSays: ['Out of support'] }],
      ['hmm, thoughts on that?', { notSays: ['Out of support', 'Microsoft no longer fixes it'] }],
    ]);
  });
});

describe('conversation (issue 21, g21): a value said alone with "then" after a verdict', () => {
  const DAG_2010 = 'Exchange 2010 SP3 DAG of 2 on Windows 2008 R2 standard, not DCs, witness on FS1';
  for (const [said, changed] of [
    ['datacenter then', 'Windows edition: Datacenter instead of Standard'],
    ['ok, enterprise then', 'Windows edition: Enterprise instead of Standard'],
    ['make it 2012 r2 then', 'Windows Server 2012 R2 instead of 2008 R2'],
  ] as const) {
    it(`"${said}" changes that fact as "what if" would`, async () => {
      await play([
        [DAG_2010, { verdict: 'not-supported' }],
        [said, { verdict: 'supported-with-conditions', says: [changed] }],
      ]);
    });
  }
  it('"ok then" changes nothing and shows no verdict again', async () => {
    await play([
      [DAG_2010, { verdict: 'not-supported' }],
      ['ok then', { notSays: ['What changed', 'Microsoft no longer fixes it'] }],
    ]);
  });
});

describe('conversation (issue 21, g21): facts stated after a verdict given at once', () => {
  const EDGE_AND_MAILBOX = 'can the exchange 2019 mailbox role and the edge role share one server? small office, just one box';
  it('a statement naming only what the setup has says the verdict stands, and the platform said next is added to it', async () => {
    await play([
      [EDGE_AND_MAILBOX, { verdict: 'not-supported', headline: 'Out of support' }],
      ['none, just that one box', { verdict: 'not-supported', says: ['changes none of the facts'] }],
      // Three facts but no version: the platform of the setup just judged, never a new check nor a search.
      ['windows server 2019 standard, cu15', { verdict: 'not-supported', headline: 'Out of support', says: ['What changed', 'Windows Server 2019 added'] }],
    ]);
  });
});

describe('conversation (issue 21, g21): designs read on the first turn', () => {
  const CASES: ReadonlyArray<readonly [name: string, said: string, verdict: Verdict, says: readonly string[], notSays: readonly string[]]> = [
    [
      // M-7 (a DAG holds only Mailbox servers): an Edge server listed among the DAG's members is in the DAG group, never a Supported single server.
      'an Edge server listed among the DAG members is a DAG member, Not supported',
      'SE DAG members: MBX01, MBX02 and EDGE01, windows server 2022 std, no DCs',
      'not-supported',
      ['Not supported: Edge Transport, Database availability group (DAG)'],
      ['Edge Transport, None (a single server)'],
    ],
    [
      // database-availability-groups.md: "A DAG is a group of up to 16 Mailbox servers": each DAG counted apart.
      'two DAGs of 10 each are two groups of 10 members, each within 16',
      '2 SE DAGs of 10 each on windows server 2022 standard, witness on file servers, no DCs',
      'supported-with-conditions',
      ['Supported with conditions: Mailbox, Database availability group (DAG)'],
      ['Not supported'],
    ],
    [
      // D-6: Windows NLB cannot run on DAG members; "for OWA" is what the NLB serves, no Client Access group of its own.
      '"windows NLB on those two for OWA" is NLB on the DAG members',
      '2013 CU23: two servers with CAS and Mailbox, both in one DAG, and windows NLB on those two for OWA. 2012 R2 std, no DCs, FSW elsewhere',
      'not-supported',
      ['cannot share servers with a server cluster or a DAG'],
      [],
    ],
  ];
  for (const [name, said, verdict, says, notSays] of CASES) {
    it(name, async () => {
      await play([[said, { verdict, says: [...says], notSays: [...notSays] }]]);
    });
  }
});
