import { strict as assert } from 'node:assert';
import { type KnowledgeBase } from '../../knowledge';
import { sharedKnowledgeBase } from '../support/shared-knowledge';

// Issue 21 (helper g21): what a message says of a server apart from the DAG, of a move in progress, and of a
// bare year beside a named Windows release. Our own phrasings; each row is what the recognizer must read.
describe('fact recognizer: servers apart from the DAG, moves, bare years (issue 21)', () => {
  let kb: KnowledgeBase;
  before(() => {
    kb = sharedKnowledgeBase();
  });

  const GROUPS: ReadonlyArray<readonly [text: string, groups: ReadonlyArray<Readonly<Record<string, string | undefined>>>]> = [
    [
      'SE: two mailbox servers in a DAG on 2022 datacenter (no DCs, witness FS9) + one more SE mailbox server outside the DAG for journaling, on Windows Server 2016',
      [
        { role: 'mailbox', ha: 'dag', windows: '2022', nodes: '2' },
        { role: 'mailbox', ha: 'none', windows: '2016' },
      ],
    ],
    [
      'Exchange 2016 CU23: 4 mailbox servers in a DAG on Windows 2016, plus a standalone mailbox server for archiving on Windows 2012 R2',
      [
        { role: 'mailbox', ha: 'dag', windows: '2016', nodes: '4' },
        { role: 'mailbox', ha: 'none', windows: '2012-r2' },
      ],
    ],
    [
      // "on its own boxes" says where a role runs, not that it stands outside the DAG.
      'Exchange 2010 SP3: 2 CAS/HT servers with Windows NLB, mailbox role on its own boxes in a 2-node DAG, all Windows 2008 R2 Enterprise',
      [
        { role: 'client-access+hub-transport', ha: 'nlb' },
        { role: 'mailbox', ha: 'dag', nodes: '2' },
      ],
    ],
    [
      'SE: two mailbox servers in a DAG on 2022. The Edge server is also a member of the DAG.',
      [
        { role: 'mailbox', ha: 'dag' },
        { role: 'edge-transport', ha: 'dag' },
      ],
    ],
    // Session 8: a server listed among a DAG's members, or said to be one of them, is in that DAG whatever its role.
    [
      'SE DAG members: MBX01, MBX02 and EDGE01, windows server 2022 std, no DCs',
      [
        { role: 'mailbox', ha: 'dag' },
        { role: 'edge-transport', ha: 'dag' },
      ],
    ],
    [
      'exchange 2019 cu15 DAG with 2 mailbox servers and our edge server as the third member, all on windows 2019 std, no DCs',
      [
        { role: 'mailbox', ha: 'dag' },
        { role: 'edge-transport', ha: 'dag' },
      ],
    ],
    // ... but not an Edge server in a sentence of its own after the list.
    [
      'SE DAG members: MBX01, MBX02. Edge: EDGE01 in the DMZ, workgroup. all on windows server 2022 std, no DCs',
      [
        { role: 'mailbox', ha: 'dag' },
        { role: 'edge-transport', ha: 'none' },
      ],
    ],
    // Several DAGs alike, each of the count said "each": as many groups, each with its own members (never one DAG of their sum).
    [
      '2 SE DAGs of 4 each on windows server 2022 standard, witness on file servers, no DCs',
      [
        { role: 'mailbox', ha: 'dag', nodes: '4', windows: '2022' },
        { role: 'mailbox', ha: 'dag', nodes: '4', windows: '2022' },
      ],
    ],
    [
      'two exchange 2019 cu15 DAGs, 10 members each, windows 2019 std, no DCs',
      [
        { role: 'mailbox', ha: 'dag', nodes: '10', version: '2019' },
        { role: 'mailbox', ha: 'dag', nodes: '10', version: '2019' },
      ],
    ],
    // Session 11 (d23): each DAG's members named by host on its line, and the witness on one of them (M-14).
    [
      'SE, two DAGs on 2025 std, no DCs:\nDAG-A: mail-a1, mail-a2 (fsw on util-01)\nDAG-B: mail-b1, mail-b2 (fsw on mail-b1)',
      [
        { role: 'mailbox', ha: 'dag', nodes: '2', witness: 'yes' },
        { role: 'mailbox', ha: 'dag', nodes: '2', witness: 'no' },
      ],
    ],
    // One server named by role and number is one server.
    [
      'SE design: EXSE1 + EXSE2 in a DAG with a witness, plus EDGE1 as edge transport. all on Windows Server 2025 Standard, edge is in workgroup',
      [
        { role: 'mailbox', ha: 'dag' },
        { role: 'edge-transport', ha: 'none' },
      ],
    ],
    // The names opening each line count that line's servers.
    [
      'exchange 2003 org:\nFE1, FE2 - front-end, 2003 SP2 Standard, NLB, Windows 2003 Standard x86\nBH1 - routing group bridgehead only, 2003 SP2 Standard, Windows 2003 Standard x86',
      [
        { role: 'front-end', ha: 'nlb' },
        { role: 'other', ha: 'none' },
      ],
    ],
    // A listed line set aside ("ignore it") is no group.
    [
      'please check:\n- EDGE-A, EDGE-B: 2019 CU15 edge, workgroup, Windows Server 2019 Std\n- MBX1..MBX4: 2019 CU15 DAG, Windows Server 2019 Datacenter, witness on FS01\n- Skype for Business FE pool is separate, ignore it',
      [{ role: 'edge-transport' }, { role: 'mailbox', ha: 'dag' }],
    ],
    // Session 14 (d26): a count before the version said before a role, one server counted with a word between, an Edge server
    // said in the singular with what describes it, a role alone as a line's label then its count, "their own DAG".
    [
      'SE: DAG of 2 on 2025 std, fsw FS1, not DCs; plus one SE edge on 2025 std in the dmz, workgroup',
      [
        { role: 'mailbox', ha: 'dag', nodes: '2' },
        { role: 'edge-transport', ha: 'none' },
      ],
    ],
    [
      'exchange 2019 cu15: 4 mailbox servers in a DAG, 2 2019 cu15 edge servers in the perimeter',
      [
        { role: 'mailbox', ha: 'dag', nodes: '4' },
        { role: 'edge-transport', ha: 'several-servers' },
      ],
    ],
    [
      'our setup: one e2k7 sp3 ru10 server with all roles on w2k8 sp2 std x64, plus one new e2k13 cu23 mbx+cas server on 2012 r2 std',
      [
        { version: '2007', role: 'client-access+hub-transport+mailbox', ha: 'none' },
        { version: '2013', role: 'client-access+mailbox', ha: 'none' },
      ],
    ],
    [
      '2 SE mailbox servers in a DAG on 2025 std (fsw on FS01, not DCs)\nplus the existing 2019 cu15 edge on 2019 std in the dmz (workgroup)',
      [
        { version: 'se', role: 'mailbox', ha: 'dag' },
        { version: '2019', role: 'edge-transport', ha: 'none' },
      ],
    ],
    [
      'mailbox: SE DAG of 2 on 2025 std, fsw on FS1, not DCs\nedge: one SE server on 2025 std in the perimeter, not domain joined',
      [
        { role: 'mailbox', ha: 'dag' },
        { role: 'edge-transport', ha: 'none' },
      ],
    ],
    [
      'SE: DAG-HQ of 2 on 2025 std with fsw FS1; the other two are in the DR site in their own DAG on 2022 std with fsw FS2; none of them are DCs',
      [
        { role: 'mailbox', ha: 'dag', windows: '2025' },
        { role: 'mailbox', ha: 'dag', windows: '2022' },
      ],
    ],
    // ... but a bare "edge in the DMZ" (no determiner) leaves its count open: asked.
    [
      'Exchange 2019 CU15: 2 MBX in a DAG behind a load balancer, edge in the DMZ in a workgroup, ws2022 std everywhere',
      [
        { role: 'mailbox', ha: 'dag', nodes: '2' },
        { role: 'edge-transport', ha: undefined },
      ],
    ],
    // A list's item numbers ("1)", "2)") count no servers; "a single mailbox server" beside a DAG is a server of its own; an Edge
    // "in the dmz, domain-joined" is joined to the domain ("dmz domain" never runs across the comma).
    [
      'our plan, three parts: 1) 2019 cu15 dag of 2 on 2022 std with fsw on FS1; 2) 2019 cu15 edge on 2022 std in the dmz, domain-joined for management; 3) a 2019 cu15 single mailbox server for journaling on 2022 std',
      [
        { role: 'mailbox', ha: 'dag', nodes: '2' },
        { role: 'edge-transport', ha: undefined, edgeDomainJoined: 'yes' },
        { role: 'mailbox', ha: 'none' },
      ],
    ],
    [
      'HQ: 2016 cu23 dag of 4 on 2016 std desktop exp, fsw FS1, not DCs\nbranch: 2016 cu23 single mailbox on 2019 std',
      [
        { role: 'mailbox', ha: 'dag', nodes: '4', windows: '2016' },
        { role: 'mailbox', ha: 'none', windows: '2019' },
      ],
    ],
  ];
  for (const [text, wanted] of GROUPS) {
    it(`groups: ${text.slice(0, 80)}`, () => {
      const groups = kb.recognizer.designGroups(text);
      assert.ok(groups, 'read as one setup');
      assert.equal(groups.length, wanted.length);
      for (const [i, facts] of wanted.entries()) for (const [d, v] of Object.entries(facts)) assert.equal(groups[i]![d], v, `group ${i + 1}: ${d}`);
      // A server outside the DAG takes none of the DAG's members or witness.
      for (const [i, facts] of wanted.entries()) if (facts.ha === 'none') assert.equal(groups[i]!.nodes, undefined);
    });
  }

  const FACTS: ReadonlyArray<readonly [text: string, facts: Readonly<Record<string, string | undefined>>]> = [
    // Session 14 (d26): "dmz domain" is a perimeter domain only when said together, never across a comma.
    ['2019 cu15 edge on 2022 std in the dmz, domain-joined for management', { edgeDomainJoined: 'yes' }],
    ['2019 cu15 edge on 2022 std in the dmz domain', { edgeDomainJoined: 'no' }],
    // A numbered list's "2." at a line start counts no servers.
    ['2. SE edge on 2025 std, workgroup', { ha: 'none' }],
    // The target of a move named once is not what runs today.
    ['moving from 2019 to SE. We are on Exchange 2019 CU14, 2 DAG members, Windows 2019 Std', { version: '2019', mixedVersions: undefined }],
    // Both named as running: a DAG under an in-place upgrade stays read as before.
    ['our DAG has 2 Exchange 2019 CU15 and 2 SE members while we upgrade', { version: 'se', mixedVersions: '2019-se-upgrade' }],
    // A bare year beside a Windows release said in words is the Exchange version, with its edition.
    ['2003 Enterprise SP2 back-end, single server, Windows Server 2003 Standard SP2', { version: '2003', edition: 'enterprise', windows: '2003', windowsEdition: 'standard' }],
    ['2003 ent 2-node cluster on w2k3 ent, 1 EVS', { version: '2003', windows: '2003' }],
    // A witness on one of the DAG's own members is no witness outside the DAG (M-14).
    ['SE DAG of 2 (Windows Server 2022 Standard, member servers); the witness share lives on EXSE2, one of the two members', { witness: 'no' }],
    ['the witness is on FS01 which is actually one of the 4 DAG members', { witness: 'no' }],
    ['SE DAG of 2, witness on FS01, the members are member servers', { witness: 'yes' }],
    // Session 9 (d21): the member named by its number or host name (w6-hunt-17, w6-hunt-38).
    ['SE dag of 2 on 2022 std, and the file share witness is on dag member 2 (we have no other server)', { witness: 'no' }],
    ['SE dag with 2 members on 2022 std, the witness is EX02 itself, members are not DCs', { witness: 'no', ha: 'dag', nodes: '2' }],
    ['2019 cu15 dag of 2 on 2019 std, no dcs, witness is EXCH02 itself (the second dag member)', { witness: 'no', ha: 'dag' }],
    ['SE dag of 2, witness on FS02 (the second file server)', { witness: 'yes' }],
    ['SE dag of 2 on 2025 std, fsw on BR-MBX1 (the branch has nothing else)', { witness: 'no' }],
    ['SE dag of 2 on 2025 std, fsw on a file server (the branch has nothing else)', { witness: 'yes' }],
    // Session 11 (d23): the witness's host is one of the members the same line names, or "a dag member" (M-14).
    ['SE DAG of 2 on 2025 std (MBX1, MBX2), no DCs, fsw on MBX2', { witness: 'no', nodes: '2' }],
    ['SE DAG of 2 on 2025 std, no dcs, witness on a dag member', { witness: 'no' }],
    // Session 15 (lead): "witness on" takes the "on"; the member's number follows it directly.
    // A witness on a member is also the fact the rule for any member count reads; one given by IP is no member.
    ['exchange se dag of 3 with the witness on node 2', { witness: 'no', nodes: '3', witnessOnMember: 'yes' }],
    ['2019 cu15 dag of 4 on 2022 std, fsw on member 3', { witness: 'no', nodes: '4', witnessOnMember: 'yes' }],
    ['SE dag of 2, the witness on the second node', { witness: 'no', witnessOnMember: 'yes' }],
    ['SE dag of 2, witness on node-fs01', { witness: 'yes', witnessOnMember: undefined }],
    ['SE dag of 3, the witness server is set to 10.20.0.15', { witness: 'no', witnessOnMember: undefined }],
    ['exchange 2019 cu15 DAG01 = EX01 + EX02, windows 2022 std, member servers, witness server is EX02', { witness: 'no', nodes: '2', domainController: 'no' }],
    ['SE DAG members EX01, EX02, witness on EX03 which is our file server, 2025 std, no DCs', { witness: 'yes', nodes: '2' }],
    ['SE DAG01 with members EX01 and EX02 on 2025 std, no DCs, fsw on FS01', { witness: 'yes', nodes: '2' }],
    ['SE DAG of 2 on 2025 std, fsw on a separate member server', { witness: 'yes' }],
    // The members of another line are another DAG's: no witness on a member read across lines.
    ['SE DAG of 2: EX01, EX02\nfsw on EX02', { witness: 'yes' }],
    // The host as typed ("MBX2 itself" is read with its number blanked), and the later "(C:\\FSW)" the same witness (w9-red-37).
    ['2019 cu15 dag of 2 on 2022 std, members not DCs, the fsw share lives on MBX2 itself (C:\\FSW)', { witness: 'no', nodes: '2' }],
    // "2 mbx" where a DAG is said counts its members (w6-hunt-60).
    ['SE DAG-BR: 2 mbx on 2025 std, no DCs, no witness', { nodes: '2', witness: 'no', ha: 'dag' }],
    // One Edge server named in the singular has no high availability to choose (M-7); plural or counted it is not one.
    ['2019 cu15 edge, dmz workgroup, win2k19 std core', { ha: 'none', role: 'edge-transport' }],
    ['SE edge transport on 2025 std, workgroup, in the dmz', { ha: 'none' }],
    ['our SE edge servers in the dmz, 2025 std, workgroup', { ha: undefined, role: 'edge-transport' }],
    ['SE edge x2 in the dmz', { ha: 'several-servers' }],
    ['2 SE edge servers behind windows nlb, 2025 std, workgroup', { ha: 'nlb' }],
    ['both SE edge boxes are on 2025 std', { ha: undefined }],
    // The Edge joined to the internal domain said with "it" (w9-red-50): never a plain Supported single Edge (M-7).
    ['SE edge in the dmz on 2025 std; we joined it to the internal domain so GPOs apply', { edgeDomainJoined: 'yes', ha: 'none' }],
    // "no cluster IP" is a DAG without an administrative access point, not "no cluster" (w6-hunt-61).
    ['2013 sp1 dag without an administrative access point (no cluster IP, no CNO), 2 members on windows server 2012 standard', { ha: 'dag', dagWithoutAccessPoint: 'yes' }],
    // Session 9 (d21): Server Core on one member and the Desktop Experience on another is Server Core said (w6-hunt-69).
    ['2016 cu23 dag of 2 on 2016 std, fsw, no dcs; node 1 has desktop experience but node 2 was installed as server core', { serverCore: 'yes', version: '2016' }],
    ['2016 cu23 single on 2016 std desktop exp', { serverCore: 'no' }],
    ['2016 cu23 dag of 2, both w/ desktop experience', { serverCore: 'no' }],
    // Other clustered roles on the DAG's cluster in words (w6-hunt-41, w6-hunt-56; M-5).
    ['2019 cu14 dag 2 nodes, 2019 std, fsw, no dcs, and the cluster also hosts a clustered DFS namespace', { clusterWorkloads: 'yes' }],
    ['we also want to put a clustered print server role on the dag cluster', { clusterWorkloads: 'yes' }],
    ['SE dag of 2, the print server is a separate vm', { clusterWorkloads: undefined }],
    // DAG members in a workgroup (w6-hunt-75; M-4), never an Edge server's workgroup.
    ['2019 cu15 dag, 2 members on 2019 std, fsw, the members are in a workgroup (not domain joined) for security', { mixedDomains: 'workgroup' }],
    ['SE dag of 3 on 2025 std, no dcs, members are workgroup servers', { mixedDomains: 'workgroup' }],
    ['SE dag of 2 on 2025 std plus an edge in a workgroup in the dmz', { mixedDomains: undefined }],
    ['SE dag of 2, witness on a workgroup file server', { mixedDomains: undefined }],
    // Counts, editions and single servers said short (w6-whatif-11, w6-loop-10, w6-hunt-66).
    ['3 mbx in a DAG, exchange 2019 cu15 on 2019 std, no dcs', { nodes: '3', ha: 'dag' }],
    ['2007 sp3 ccr on w2k8 r2 ent, ex ent, member servers', { edition: 'enterprise', windowsEdition: 'enterprise' }],
    ['exchange 2019 cu14 mailbox server, just one', { ha: 'none' }],
    ['exchange 2010 sp3 hub transport and edge on one server, 2008 r2 sp1 std', { edgeWithOtherRoles: 'yes' }],
    // Set G (w7): short names of Windows and Exchange, "just one", an EVS on every node (C8).
    [
      "INC0091177 user claims their e2k16 cu20 box is 'fine'. single mbx server, srv2016 std w/ desktop experience. is it?",
      { version: '2016', windows: '2016', windowsEdition: 'standard', edition: undefined },
    ],
    ['MSX2016 CU23 Nov24SU, standalone mailbox server, W2012R2 Std with desktop experience', { version: '2016', windows: '2012-r2', ha: 'none' }],
    ['e2k7 sp3 edge transport in the dmz, w2k8 sp2 std x64, workgroup, just one', { ha: 'none', role: 'edge-transport' }],
    ['three node e2k3 ent sp2 cluster, every node runs its own EVS, w2k3 ent x86, nodes are member servers', { clusterMode: 'active-active', nodes: '3' }],
    ['2016 cu23 dag of 3: two members on 2016 datacenter with desktop experience, the third on 2016 datacenter server core', { serverCore: 'yes' }],
    // After "on" it stays Windows's.
    ['exchange mailbox server on 2016 std, the DCs run windows server 2019', { version: undefined }],
    // Session 15 (w10, j-oos-06): a move still to come ("the SE upgrade is only planned") beside today's version is no
    // second version; alone, it is still read as before.
    ["correction: it's still exchange 2019 cu15, the SE upgrade is only planned for next quarter", { version: '2019', mixedVersions: undefined }],
    ['exchange 2019 cu15 dag of 2, the SE migration is scheduled for march', { version: '2019', ha: 'dag' }],
    ['exchange 2019 cu15 dag of 2, the SE upgrade went fine last month', { version: 'se' }],
    // Session 15 (w10, j-after-15): a server promoted to a domain controller is one now (KB898634 for cluster nodes).
    ['node 2 was promoted to a domain controller last year', { domainController: 'yes' }],
    ['ex2019 cu15 single mailbox, it got promoted to a dc after install', { domainController: 'yes', dcRoleChanged: 'yes' }],
    ['we demoted it last month, it is not a dc anymore', { domainController: 'no', dcRoleChanged: 'yes' }],
  ];
  for (const [text, wanted] of FACTS) {
    it(`facts: ${text.slice(0, 80)}`, () => {
      const { facts } = kb.recognizer.extract(text);
      for (const [d, v] of Object.entries(wanted)) assert.equal(facts[d], v, d);
    });
  }

  // Session 15 (lead): a witness on a member was Supported with conditions in an odd DAG, where "no witness outside the
  // DAG" changes nothing; Microsoft's pages say the witness cannot be a member at all (A-72).
  for (const [text, verdict] of [
    ['exchange se dag of 3 on 2025 std, no dcs, with the witness on node 2', 'not-supported'],
    ['2019 cu15 dag of 3 on 2022 std, no dcs, the fsw is on EX02 itself', 'not-supported'],
    ['2019 cu15 dag of 3 on 2022 std, no dcs, witness on FS01', 'supported-with-conditions'],
  ] as const)
    it(`judges "${text}" ${verdict}`, () => {
      const { facts } = kb.recognizer.extract(text);
      assert.equal(kb.decide(facts)?.verdict, verdict, JSON.stringify(facts));
    });
});

// Session 15 (lead): file, print, DHCP and DNS services said of the Exchange server are other software on it, which the
// check does not judge: never a plain Supported ("1 mailbox server, the server is also our print server" was one).
describe('other services on the Exchange server (session 15)', () => {
  let kb: KnowledgeBase;
  before(() => {
    kb = sharedKnowledgeBase();
  });
  it('reads "the server is also our print server and file server" as other software, so Supported with conditions at best', () => {
    const { facts } = kb.recognizer.extract('SE on 2025 std, 1 mailbox server, the server is also our print server and file server');
    assert.match(facts.unevaluated ?? '', /other-software/);
    assert.equal(kb.decide(facts)?.verdict, 'supported-with-conditions', JSON.stringify(facts));
  });
});
