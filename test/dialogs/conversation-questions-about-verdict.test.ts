import { play, type Turn } from './conversation-play';

/*
 * Session 15 (q25): short follow-ups right after a verdict are read against the setup just judged. A value of one of its facts
 * ("and on 2016?", "same for standard?") is a what-if: the check runs again, its verdict worked out anew, never the old label;
 * a question word about a fact the verdict used ("max members?", "since when?", "source?") gets the answer about this setup,
 * not the card again; the same count asked in the middle of a check gets its answer, then the question again. Our own phrasings.
 */
const DAG_2010 = 'exchange 2010 sp3 dag, 2 members, windows server 2008 r2 sp1 enterprise, witness on a file server';
const DAG_2019 = 'exchange 2019 cu14 on windows server 2022 standard, two servers in a dag, witness on a file server, hardware load balancer';
const DAG_2016 = 'exchange 2016 cu23 on windows server 2016 standard, four servers in a dag, witness on a file server, hardware load balancer';
const CCR_2007 = 'exchange 2007 sp3 ccr, two nodes, windows server 2008 enterprise x64, exchange enterprise edition';
const CLUSTER_2003 = 'exchange 2003 sp2 enterprise edition on windows server 2003 enterprise, 2 node cluster, active/passive';

const CASES: ReadonlyArray<readonly [name: string, turns: readonly Turn[]]> = [
  [
    'a 2010 DAG: "max members?" is its limit, then "and on 2016?" judges it on Windows Server 2016 (not as Exchange 2016)',
    [
      [DAG_2010, { verdict: 'supported-with-conditions' }],
      ['max members?', { noCheck: true, says: ['16 Mailbox servers'] }],
      ['and on 2016?', { verdict: 'not-supported', says: ['Windows Server 2016 instead of'], notSays: ['Exchange 2016 instead of'] }],
    ],
  ],
  [
    'a 2019 CU14 DAG on 2022: "since when?" is from which update it runs there; "and on 2025?" judged again, Not supported, with CU15 beside the change',
    [
      [DAG_2019, { verdict: 'supported-with-conditions' }],
      ['since when?', { noCheck: true, says: ['CU12'] }],
      ['and on 2025?', { verdict: 'not-supported', says: ['Windows Server 2025 instead of 2022 (runs there from Exchange 2019 CU15'] }],
    ],
  ],
  [
    'a 2016 DAG on Windows Server 2016: "and on 2019?" is Not supported (the old label is not copied), "same for datacenter?" a what-if',
    [
      [DAG_2016, { verdict: 'supported-with-conditions' }],
      ['and on 2019?', { verdict: 'not-supported', says: ['Windows Server 2019 instead of 2016'] }],
      ['same for datacenter?', { verdict: 'not-supported', says: ['Windows edition: Datacenter instead of Standard'] }],
    ],
  ],
  [
    'a 2007 CCR: "same for standard?" is the Exchange edition Standard, Not supported; "how many nodes max?" two',
    [
      [CCR_2007, { verdict: 'supported-with-conditions' }],
      ['how many nodes max?', { noCheck: true, says: ['Up to 2 nodes'] }],
      ['same for standard?', { verdict: 'not-supported', says: ['Standard Edition instead of Enterprise Edition'] }],
    ],
  ],
  [
    'a 2003 cluster: "source?" lists the documents its rules rest on, not the card again',
    [
      [CLUSTER_2003, { verdict: 'supported-with-conditions' }],
      ['source?', { says: ['Verified in:', 'cc787244', 'EXB-003'], notSays: ['Out of support since', 'Recommendation'] }],
    ],
  ],
  [
    'mid-check: "how many nodes max?" gets the limit of the cluster so far, then the question again',
    [
      ['exchange 2003 cluster on windows server 2003 enterprise', { asks: 'edition' }],
      ['how many nodes max?', { asks: 'edition', says: ['8 nodes'], notSays: ["didn't recognise"] }],
      ['enterprise', { notAsks: ['edition'] }],
    ],
  ],
];

describe('conversation (session 15): short questions about the verdict just given', () => {
  for (const [name, turns] of CASES) {
    it(name, async () => {
      await play(turns);
    });
  }
});
