import { play, type Turn } from './conversation-play';

/*
 * Session 15 (i27): setups the red team of set I (issue 21) found judged too kindly or not at all, in our own
 * words beside theirs (bench/conversations-outside-i-tuning.yaml); the held-out sets are never read. Each case
 * names the fact and its source (knowledge/data/facts.yaml ids).
 */
const CASES: ReadonlyArray<readonly [name: string, turns: readonly Turn[]]> = [
  // the site of an Exchange server needs a writable DC that is a GC; said in words, not only in a listing.
  [
    'a site with only an RODC (A-83)',
    [['SE single mailbox on ws2025 standard, it sits in a site with only an RODC', { verdict: 'not-supported', says: ['writable domain controller'] }]],
  ],
  [
    'a site with only a read-only DC, the server itself no DC (A-83)',
    [['exchange 2016 cu23 mailbox, 2016 std, member server. the branch only has a read-only DC, no writable DC there', { verdict: 'not-supported', notSays: ['recalled'] }]],
  ],
  [
    "Exchange 2010's site requirement is the recalled part (A-83)",
    [['exchange 2010 sp3 all roles on 2008 r2 sp1 enterprise, the site only has rodcs', { verdict: 'not-supported', says: ['recalled'] }]],
  ],
  // A-62, M-11: Exchange SE is set up in place only over Exchange 2019 CU14 or CU15.
  [
    'SE set up on top of a 2016 server: Not supported',
    [
      ['exchange 2016 cu23 single mailbox on windows server 2016 standard', { verdict: 'supported-with-conditions' }],
      ['can we just install SE on top of it like with 2019?', { verdict: 'not-supported', says: ['only over Exchange 2019 CU14 or CU15', 'no in-place upgrade to Exchange SE'] }],
    ],
  ],
  [
    'SE set up over Exchange 2019 CU12: Not supported (CU14 or CU15 first)',
    [
      ['exchange 2019 cu12 single mailbox on windows server 2022 standard', { verdict: 'supported-with-conditions' }],
      ['could we just run the SE setup on that same box?', { verdict: 'not-supported', says: ['only over Exchange 2019 CU14 or CU15'] }],
    ],
  ],
  [
    'SE set up over Exchange 2019 CU15 stays the in-place path',
    [
      ['exchange 2019 cu15 single mailbox on windows server 2022 standard', { verdict: 'supported-with-conditions' }],
      ['could we just run the SE setup on that same box?', { headline: 'Out of support', says: ['upgraded in place to Exchange SE'] }],
    ],
  ],
  [
    'new servers for SE after a 2016 verdict are no in-place setup',
    [
      ['exchange 2016 cu23 single mailbox on windows server 2016 standard', { verdict: 'supported-with-conditions' }],
      ['or new servers for SE?', { headline: 'Out of support', notSays: ['only over Exchange 2019 CU14 or CU15'] }],
    ],
  ],
  // E10 DAG members on Windows 2008 (R2) need Enterprise or Datacenter: the corrected edition is the one judged.
  [
    'a Windows edition taken back inside the message: the later one is judged',
    [
      [
        'exchange 2010 sp3 dag of 2, windows server 2008 r2 enterprise sp1 - no wait, procurement says they are standard edition',
        { verdict: 'not-supported', headline: 'Out of support', says: ['Enterprise or Datacenter'] },
      ],
    ],
  ],
  // Itanium is not supported from Exchange 2013 on; A-1 (third-party) for 2010.
  [
    'SE on Windows for Itanium-based systems: Not supported',
    [['SE single mailbox server, windows server 2008 r2 for itanium-based systems', { verdict: 'not-supported', says: ['Itanium'] }]],
  ],
  [
    'Exchange 2010 on an IA64 box: Not supported, the x64 list according to third-party sources',
    [['exchange 2010 sp3 single server all roles, 2008 r2 sp1 enterprise on ia64 hardware', { verdict: 'not-supported', headline: 'Out of support', says: ['third-party'] }]],
  ],
  // Windows Storage Server is no edition any Exchange version lists (as Foundation).
  [
    'Exchange 2016 on the Windows Storage Server of an appliance: Not supported',
    [['single exchange 2016 cu23 mailbox server, the appliance runs windows storage server 2016 standard', { verdict: 'not-supported', says: ['Windows Storage Server'] }]],
  ],
  // The pages read on VM snapshots cover Exchange 2013 and later: an Exchange 2007 guest snapshotted is Not covered.
  [
    'an Exchange 2007 VM snapshotted as a verb: Not covered, never with conditions',
    [['exchange 2007 sp3 all roles on one vmware vm, w2k8 sp2 enterprise x64, we snapshot it every night', { verdict: 'not-covered', headline: 'Out of support' }]],
  ],
  // System requirements (2013 and later): IPv6 only with IPv4 installed and enabled; a NIC named is no unheld topic then.
  [
    'IPv4 unbound on the NIC of an SE server: Not supported, not "not sure I understood"',
    [['SE single mailbox server on ws2025 std, ipv4 unbound from the nic, we run ipv6 only', { verdict: 'not-supported', says: ['IPv4'] }]],
  ],
  // JBOD only with three or more highly available copies of each database.
  [
    'a single SE server on JBOD to keep costs down: Not supported',
    [['exchange se single mailbox server, 2025 standard, databases and logs on jbod disks to keep costs down', { verdict: 'not-supported', says: ['JBOD'] }]],
  ],
  [
    'a DAG of two on JBOD: Not supported',
    [
      [
        'exchange 2019 cu15 dag of 2 on 2022 std, fsw on fs1, member servers, databases on jbod, no raid',
        { verdict: 'not-supported', says: ['three or more highly available copies'] },
      ],
    ],
  ],
  [
    'a DAG of four on JBOD: with the condition of three copies',
    [['SE dag of 4 on 2025 std, fsw on FS1, member servers, mailbox databases on jbod', { verdict: 'supported-with-conditions', says: ['three or more highly available copies'] }]],
  ],
  // dynamic memory is not supported for Exchange VMs (2013 and later), said by its settings; "maximum 64 gb" is no count asked.
  [
    'Hyper-V dynamic memory told by its settings: Not supported',
    [['SE mailbox vm on hyper-v, single server, guest 2025 std, memory startup 16 gb, maximum 48 gb, buffer 20%', { verdict: 'not-supported', says: ['dynamic memory'] }]],
  ],
];

describe('conversation (session 15, i27): the red team of set I, wrong kind verdicts and setups left unanswered', () => {
  for (const [name, turns] of CASES) {
    it(name, async () => {
      await play(turns);
    });
  }
});
