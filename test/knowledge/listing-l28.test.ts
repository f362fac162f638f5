import { strict as assert } from 'node:assert';
import { TUNING_L28 } from '../../bench/listings';
import { loadKnowledgeBase } from '../../knowledge';
import { listingDesign, type ListingGroup } from '../../knowledge/listings/listing-design';
import { groupHolding, listingReader, tuningSetMisses } from './listing-helpers';

/**
 * Issue 25, session 12 (l28): the designs the table leaves Not covered (Windows NLB on 2016/2019/SE Mailbox servers in
 * no DAG, a load balancer, NLB or DNS round robin in front of Edge servers or 2010 Hub Transport and Mailbox servers)
 * said in ways the words around a paste were misread: wlbs's own output (its "cluster" lines are no failover cluster),
 * "one Network Load Balancing cluster", "instead the two are ..." (what runs, not a plan), and a clause led by "they"
 * that speaks of the servers named just before it (not of every server). Set l28
 * (test/fixtures/listings/tuning-issue25-l28.yaml) was written before the code.
 */
describe('Listings: Not covered designs said around a paste (issue 25, session 12 l28)', () => {
  const kb = loadKnowledgeBase();
  const read = listingReader(kb);
  const judge = (text: string): ListingGroup[] => listingDesign(read(text), kb);
  const table = (rows: string[], ...words: string[]) =>
    ['Name       ServerRole     AdminDisplayVersion', '----       ----------     -------------------', ...rows, '', ...words].join('\n');
  const row = (name: string, role: string, build: string) => `${name.padEnd(11)}${role.padEnd(15)}${build}`;
  const e19 = (name: string) => row(name, 'Mailbox', 'Version 15.2 (Build 1544.4)');
  const se = (name: string) => row(name, 'Mailbox', 'Version 15.2 (Build 2562.17)');
  const wlbs = [
    'C:\\>wlbs query',
    'WLBS Cluster Control Utility V2.6 (c) 1997-2007 Microsoft Corporation.',
    'Cluster 10.20.0.50',
    'Host 1 has entered a converging state 3 time(s) since joining the cluster',
    '  and the last convergence completed at approximately: 11/30/2026 9:12:44 AM',
    'Host 1 converged with the following host(s) as part of the cluster:',
    '1, 2',
    '',
  ];

  const besideDag = table(
    [e19('DAGMB1'), e19('DAGMB2'), e19('PFMB1'), e19('PFMB2')],
    'Name          : DAG19',
    'Servers       : {DAGMB1, DAGMB2}',
    'WitnessServer : FS01.corp.local',
    '',
    'PFMB1 and PFMB2 are not in the DAG, they share a Windows NLB cluster for the public folder mailboxes. All on Server 2019 Standard.',
  );

  const cases: { name: string; paste: string; server: string; verdict: string; facts?: Record<string, string | undefined> }[] = [
    {
      name: "wlbs query's output beside two 2019 Mailbox servers is Windows NLB (Not covered), never a failover cluster with NLB on it",
      paste: table([e19('EXMB01'), e19('EXMB02')], ...wlbs, 'Windows Server 2019 Standard on both.'),
      server: 'EXMB01',
      verdict: 'not-covered',
      facts: { ha: 'nlb', nlbOnSameServers: undefined },
    },
    {
      name: '"instead the two are hosts of one Network Load Balancing cluster" after "we never set up a DAG" is NLB (was a wrong plain Supported)',
      paste: table(
        [se('SE-MBX1'), se('SE-MBX2')],
        'Both run Windows Server 2022 Datacenter. We never set up a DAG; instead the two are hosts of one Network Load Balancing cluster for client traffic.',
      ),
      server: 'SE-MBX1',
      verdict: 'not-covered',
      facts: { ha: 'nlb' },
    },
    {
      name: '"they share a Windows NLB cluster" after "PFMB1 and PFMB2 are not in the DAG" is about those two: the DAG members get no NLB',
      paste: besideDag,
      server: 'DAGMB1',
      verdict: 'supported-with-conditions',
      facts: { ha: 'dag', nlbOnSameServers: undefined },
    },
    {
      name: '... and the two servers it names are Windows NLB hosts in no DAG (Not covered)',
      paste: besideDag,
      server: 'PFMB1',
      verdict: 'not-covered',
      facts: { ha: 'nlb' },
    },
    {
      name: 'a plan with "instead" is still no design: "we would put them in an NLB cluster instead" leaves two 2019 single servers Supported',
      paste: table([e19('EXP1'), e19('EXP2')], 'No DAG, Windows Server 2019 Standard. We would put them in an NLB cluster instead.'),
      server: 'EXP1',
      verdict: 'supported',
      facts: { ha: 'none' },
    },
    {
      name: 'DAG members said to be in a Windows NLB cluster too stay Not supported (control)',
      paste: table(
        [se('SEN1'), se('SEN2')],
        'Name          : SEDAG',
        'Servers       : {SEN1, SEN2}',
        'WitnessServer : fsw01.corp.local',
        '',
        'we also put SEN1 and SEN2 into a Windows NLB cluster for OWA. Server 2022 Std.',
      ),
      server: 'SEN1',
      verdict: 'not-supported',
    },
  ];
  for (const c of cases)
    it(c.name, () => {
      const g = groupHolding<ListingGroup>(judge(c.paste), c.server);
      assert.equal(g.verdict, c.verdict, JSON.stringify(g.facts));
      for (const [d, v] of Object.entries(c.facts ?? {})) assert.equal(g.facts[d], v, `${d} of ${JSON.stringify(g.facts)}`);
    });

  // The phrases (fact-dimensions.yaml, nlb): Windows NLB named with "cluster" is NLB, never a failover cluster with NLB on it.
  const phrases: [string, string][] = [
    ['the two are hosts of one Network Load Balancing cluster', 'nlb'],
    ['WLBS cluster on the two front-ends', 'nlb'],
    ['NLB Manager shows both hosts converged', 'nlb'],
  ];
  for (const [text, ha] of phrases)
    it(`reads "${text}" as ${ha}`, () => {
      const facts = kb.recognizer.extract(text).facts;
      assert.equal(facts.ha, ha, JSON.stringify(facts));
      assert.equal(facts.nlbOnSameServers, undefined);
    });

  // Windows Server Datacenter: Azure Edition: the requirements name Standard and Datacenter only, never this edition.
  const azure = (os: string) =>
    [
      `Host Name:                 SE-AZ1`,
      `OS Name:                   ${os}`,
      'OS Version:                10.0.20348 N/A Build 20348',
      '',
      'Exchange SE RTM (15.2.2562.17) single mailbox server, no DAG.',
    ].join('\n');
  const editions: [string, string, string][] = [
    ['Microsoft Windows Server 2022 Datacenter: Azure Edition', 'datacenter-azure', 'not-covered'],
    ['Microsoft Windows Server 2022 Datacenter', 'datacenter', 'supported'],
  ];
  for (const [os, edition, verdict] of editions)
    it(`reads systeminfo's "${os}" as ${edition}: ${verdict} for a single SE server`, () => {
      const g = groupHolding<ListingGroup>(judge(azure(os)), 'SE-AZ1');
      assert.equal(g.facts.windowsEdition, edition);
      assert.equal(g.verdict, verdict, JSON.stringify(g.facts));
    });

  it('judges the Azure Edition Not covered whatever else the setup is (rule windows-datacenter-azure-edition), never Supported', () => {
    for (const version of ['2019', 'se'])
      for (const windows of ['2022', '2025']) {
        const verdicts = new Set(kb.setups({ version, windows, windowsEdition: 'datacenter-azure' }).map((s) => s.verdict));
        assert.ok(!verdicts.has('supported') && !verdicts.has('supported-with-conditions'), `${version} on ${windows}: ${[...verdicts].join(', ')}`);
        assert.ok(verdicts.has('not-covered'), `${version} on ${windows}: ${[...verdicts].join(', ')}`);
      }
  });

  // Localized systeminfo (w9's set Q): keys with accents and apostrophes, "OS Configuration" in other languages, and a DAG named
  // only on each member's typed line, whose members' Windows releases and domain controllers are the DAG's facts.
  const typedDag = (rows: [string, string][], blocks: string[][]) =>
    [...rows.map(([n, b]) => `${n}  Mailbox  Version ${b}  DAG-X`), '', ...blocks.flatMap((b) => [...b, ''])].join('\n');
  // Dutch systeminfo of two DAG members, the second's "Configuratie van besturingssysteem" given.
  const dutch = (second: string) =>
    typedDag(
      [
        ['AMS-MB1', '15.1 (Build 2507.6)'],
        ['AMS-MB2', '15.1 (Build 2507.6)'],
      ],
      [
        [
          'Hostnaam:                                  AMS-MB1',
          'Naam van besturingssysteem:                Microsoft Windows Server 2016 Standard',
          'Configuratie van besturingssysteem:        Lid-server',
        ],
        [
          'Hostnaam:                                  AMS-MB2',
          'Naam van besturingssysteem:                Microsoft Windows Server 2016 Standard',
          `Configuratie van besturingssysteem:        ${second}`,
        ],
      ],
    );
  const localized: { name: string; paste: string; server: string; servers: string[]; verdict: string; facts: Record<string, string> }[] = [
    {
      name: 'Dutch systeminfo: "Configuratie van besturingssysteem: Primaire domeincontroller" makes the member, and so its DAG, Not supported',
      paste: dutch('Primaire domeincontroller'),
      server: 'AMS-MB1',
      servers: ['AMS-MB1', 'AMS-MB2'],
      verdict: 'not-supported',
      facts: { domainController: 'yes', windows: '2016' },
    },
    {
      name: 'Swedish systeminfo ("Värdnamn", "OS-namn"): two Windows releases in one DAG named on the typed lines are Not supported',
      paste: typedDag(
        [
          ['STO-SE1', '15.2 (Build 2562.17)'],
          ['STO-SE2', '15.2 (Build 2562.17)'],
        ],
        [
          ['Värdnamn:                                  STO-SE1', 'OS-namn:                                   Microsoft Windows Server 2025 Standard'],
          ['Värdnamn:                                  STO-SE2', 'OS-namn:                                   Microsoft Windows Server 2022 Standard'],
        ],
      ),
      server: 'STO-SE1',
      servers: ['STO-SE1'],
      verdict: 'not-supported',
      facts: { windows: '2025', mixedWindows: 'yes' },
    },
    {
      name: 'French systeminfo ("Nom de l\'hôte", "Configuration du système d\'exploitation: Contrôleur de domaine principal")',
      paste: typedDag(
        [
          ['PAR-MB1', '15.2 (Build 2562.17)'],
          ['PAR-MB2', '15.2 (Build 2562.17)'],
        ],
        [
          [
            "Nom de l'hôte:                             PAR-MB1",
            "Nom du système d'exploitation:             Microsoft Windows Server 2022 Standard",
            "Configuration du système d'exploitation:   Serveur membre",
          ],
          [
            "Nom de l'hôte:                             PAR-MB2",
            "Nom du système d'exploitation:             Microsoft Windows Server 2022 Standard",
            "Configuration du système d'exploitation:   Contrôleur de domaine principal",
          ],
        ],
      ),
      server: 'PAR-MB2',
      servers: ['PAR-MB1', 'PAR-MB2'],
      verdict: 'not-supported',
      facts: { domainController: 'yes', windows: '2022' },
    },
    {
      name: "Get-ComputerInfo's OsProductType DomainController in a table is a domain controller",
      paste: [
        'Name      ServerRole AdminDisplayVersion          DatabaseAvailabilityGroup',
        'C-MB1     Mailbox    Version 15.2 (Build 2562.17) DAG-C',
        'C-MB2     Mailbox    Version 15.2 (Build 2562.17) DAG-C',
        '',
        'CsName OsName                                     OsProductType',
        '------ ------                                     -------------',
        'C-MB1  Microsoft Windows Server 2022 Datacenter   Server',
        'C-MB2  Microsoft Windows Server 2022 Datacenter   DomainController',
      ].join('\n'),
      server: 'C-MB1',
      servers: ['C-MB1', 'C-MB2'],
      verdict: 'not-supported',
      facts: { domainController: 'yes' },
    },
    {
      name: 'control: the same Dutch paste with two member servers keeps the DAG with conditions',
      paste: dutch('Lid-server'),
      server: 'AMS-MB1',
      servers: ['AMS-MB1', 'AMS-MB2'],
      verdict: 'supported-with-conditions',
      facts: { windows: '2016' },
    },
  ];
  for (const c of localized)
    it(c.name, () => {
      const g = groupHolding<ListingGroup>(judge(c.paste), c.server);
      assert.deepEqual(
        g.servers.map((s) => s.name),
        c.servers,
      );
      assert.equal(g.verdict, c.verdict, JSON.stringify(g.facts));
      for (const [d, v] of Object.entries(c.facts)) assert.equal(g.facts[d], v, `${d} of ${JSON.stringify(g.facts)}`);
    });

  // A DAG's witness server given by its IP address (A-72, limit dag-witness-by-ip-address): Not supported; by name it is not.
  const witnessed = (witness: string) =>
    [
      'Name          : DAG-IP',
      'Servers       : {IP-MB1, IP-MB2}',
      `WitnessServer : ${witness}`,
      '',
      'IP-MB1 Mailbox Version 15.1 (Build 2507.6)',
      'IP-MB2 Mailbox Version 15.1 (Build 2507.6)',
      'windows server 2016 datacenter, not DCs',
    ].join('\n');
  const witnesses: [string, string, string | undefined][] = [
    ['10.1.1.50', 'not-supported', 'yes'],
    ['fs01.corp.local', 'supported-with-conditions', undefined],
  ];
  for (const [witness, verdict, byAddress] of witnesses)
    it(`judges a DAG whose WitnessServer is ${witness} ${verdict}`, () => {
      const g = groupHolding<ListingGroup>(judge(witnessed(witness)), 'IP-MB1');
      assert.equal(g.facts.witnessByAddress, byAddress);
      assert.equal(g.verdict, verdict, JSON.stringify(g.facts));
    });
  // Session 15 (lead): a sentence under the paste joining an Edge server named by host to the internal domain gives that Edge
  // group the fact: it was dropped, and the listed Edge server got Supported with conditions.
  it('gives "EDGE1 is joined to corp.local" under a paste to the Edge group only', () => {
    const paste = [
      'Name  Site  ServerRole  Edition  AdminDisplayVersion',
      'MBX1  HQ    Mailbox     Standard Version 15.2 (Build 1748.10)',
      'EDGE1       Edge        Standard Version 15.2 (Build 1748.10)',
      '',
      'EDGE1 is joined to corp.local',
    ].join('\n');
    const groups = judge(paste);
    const edge = groupHolding<ListingGroup>(groups, 'EDGE1');
    assert.equal(edge.facts.edgeDomainJoined, 'yes');
    assert.equal(edge.verdict, 'not-supported', JSON.stringify(edge.facts));
    assert.equal(groupHolding<ListingGroup>(groups, 'MBX1').facts.edgeDomainJoined, undefined);
  });

  // Session 15 (lead): a witness that is one of the DAG's members, in a DAG of three (where "no witness outside the DAG"
  // alone decides nothing): Not supported all the same (A-72, rule dag-witness-on-member).
  it('judges a DAG of three whose WitnessServer is one of its members Not supported', () => {
    const paste = [
      'Name          : DAG-ODD',
      'Servers       : {OD-MB1, OD-MB2, OD-MB3}',
      'WitnessServer : OD-MB2.corp.local',
      '',
      'OD-MB1 Mailbox Version 15.2 (Build 1748.10)',
      'OD-MB2 Mailbox Version 15.2 (Build 1748.10)',
      'OD-MB3 Mailbox Version 15.2 (Build 1748.10)',
      'windows server 2022 standard, not DCs',
    ].join('\n');
    const g = groupHolding<ListingGroup>(judge(paste), 'OD-MB1');
    assert.equal(g.facts.witnessOnMember, 'yes');
    assert.equal(g.verdict, 'not-supported', JSON.stringify(g.facts));
  });
  it('reads "the fsw is set by ip address" in a typed design as the witness given by its IP address', () => {
    assert.equal(kb.recognizer.extract('2019 dag of 2, witness server by ip address 10.0.0.9').facts.witnessByAddress, 'yes');
    assert.equal(kb.decide({ version: '2019', role: 'mailbox', ha: 'dag', windows: '2019', windowsEdition: 'standard', witnessByAddress: 'yes' })?.verdict, 'not-supported');
  });

  it('takes the build typed before a semicolon when a question follows it ("...(15.2.1748.10), the only server; 2 DAG members? no")', () => {
    const paste = [
      'CsName       : SMB-EX19',
      'CsDomainRole : MemberServer',
      'OsName       : Microsoft Windows Server 2019 Standard',
      '',
      'Exchange 2019 CU15 (15.2.1748.10), the only server, mailbox role; 2 DAG members? no, standalone',
    ].join('\n');
    const g = groupHolding<ListingGroup>(judge(paste), 'SMB-EX19');
    assert.equal(g.facts.version, '2019');
    assert.equal(g.verdict, 'supported', JSON.stringify(g.facts));
  });

  it('set l28 (written before the code) is all right', () => {
    assert.deepEqual(tuningSetMisses(kb, TUNING_L28, { entries: 16, groups: 17 }), []);
  });
});
