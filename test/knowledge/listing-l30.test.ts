import { strict as assert } from 'node:assert';
import { TUNING_L30 } from '../../bench/listings';
import { loadKnowledgeBase } from '../../knowledge';
import { listingDesign, type ListingGroup } from '../../knowledge/listings/listing-design';
import { expandRanges } from '../../knowledge/listings/listing-parser';
import { listingView } from '../../knowledge/listings/listing-reply';
import { groupHolding, listingReader, tuningSetMisses } from './listing-helpers';

/**
 * Issue 25, session 14 (l30): pastes of every version 2000 to SE as the admin tools print them, with the noise people
 * paste. Set l30 (test/fixtures/listings/tuning-issue25-l30.yaml) was written before the code.
 */
describe('Listings: ranges of names, words that are no server, outsiders (issue 25, session 14 l30)', () => {
  const kb = loadKnowledgeBase();
  const read = listingReader(kb);
  const judge = (text: string): ListingGroup[] => listingDesign(read(text), kb);
  const names = (groups: readonly ListingGroup[]) => groups.map((g) => g.servers.map((s) => s.name));

  const ranges: [string, string][] = [
    ['LDN-MB1..3 are DAG-LDN', 'LDN-MB1, LDN-MB2, LDN-MB3 are DAG-LDN'],
    ['MB01..MB04 in DAG1', 'MB01, MB02, MB03, MB04 in DAG1'],
    ['EX1–EX3 are one DAG', 'EX1, EX2, EX3 are one DAG'],
    ['MB01-MB03 are members', 'MB01, MB02, MB03 are members'],
    ['EX1 to EX2 run 2019', 'EX1, EX2 run 2019'],
    // A hyphen alone joins no range ("EX1-3" may be a server's own name); a range running down or past 32 names is none.
    ['EX1-3 is the DAG', 'EX1-3 is the DAG'],
    ['MB5..2', 'MB5..2'],
    ['MB1..99', 'MB1..99'],
  ];
  for (const [text, spelled] of ranges) it(`spells out "${text}"`, () => assert.equal(expandRanges(text), spelled));

  it('a range of names said around a paste gives each server its DAG and Windows (t06)', () => {
    const paste = [
      'Name       ServerRole   AdminDisplayVersion',
      '----       ----------   -------------------',
      'LDN-MB1    Mailbox      Version 15.2 (Build 1748.10)',
      'LDN-MB2    Mailbox      Version 15.2 (Build 1748.10)',
      'LDN-MB3    Mailbox      Version 15.2 (Build 1544.4)',
      '',
      'LDN-MB1..3 are DAG-LDN, all Windows Server 2019 Standard, witness on LDN-FS1.',
    ].join('\n');
    const groups = judge(paste);
    assert.deepEqual(names(groups), [['LDN-MB1', 'LDN-MB2'], ['LDN-MB3']]);
    for (const g of groups) assert.deepEqual([g.facts.ha, g.facts.windows, g.facts.nodes], ['dag', '2019', '3']);
  });

  it("an edition word leading a wrapped line is never a server's name: the server named in it is (t16)", () => {
    const paste = [
      'Node           Node ID Status',
      '-------------- ------- ---------------------',
      'EXN1                 1 Up',
      'EXN2                 2 Up',
      '',
      'The cluster runs one Exchange 2003 SP2 Enterprise virtual server (active/passive), nodes on Windows Server 2003',
      'Enterprise SP2. Front-end OWAFE1 (also 2003 SP2, version 6.5.7638.2) is a single box on Windows Server 2003 Standard SP2.',
    ].join('\n');
    const groups = judge(paste);
    assert.deepEqual(names(groups), [['EXN1', 'EXN2'], ['OWAFE1']]);
    assert.equal(groupHolding(groups, 'OWAFE1').verdict, 'supported');
  });

  const mailbox07 = (...rows: string[]) =>
    [
      'Name      ServerRole  Edition     AdminDisplayVersion',
      '----      ----------  -------     -------------------',
      ...rows.map((n) => `${n.padEnd(10)}Mailbox     Enterprise  Version 8.3 (Build 83.6)`),
    ].join('\n');
  const apart: { name: string; paste: string; groups: string[][] }[] = [
    {
      name: 'a CCR and an SCR target said server by server are two groups (p43)',
      paste: `${mailbox07('CMS-HQ', 'DRMBX07')}\n\nCMS-HQ is a CCR (2 nodes), DRMBX07 is the standalone SCR target in DR. all w2k8 sp2 enterprise x64, member servers`,
      groups: [['CMS-HQ'], ['DRMBX07']],
    },
    {
      name: 'a 2-node cluster and a standalone back-end said apart are two groups (p10)',
      paste: [
        'name,serialNumber',
        'AMS-BE1,Version 6.5 (Build 7638.2: Service Pack 2)',
        'AMS-BE2,Version 6.5 (Build 7638.2: Service Pack 2)',
        'NYC-BE1,Version 6.5 (Build 7638.2: Service Pack 2)',
        '',
        'AMS-BE1 + AMS-BE2 are one 2-node cluster (1 EVS, active/passive) on w2k3 enterprise sp2 x86, member servers. NYC-BE1 is a standalone back-end on w2k3 standard sp2',
      ].join('\n'),
      groups: [['AMS-BE1', 'AMS-BE2'], ['NYC-BE1']],
    },
    {
      name: 'words said of one server only, the others left unsaid, split nothing',
      paste: `${mailbox07('MB07-A', 'MB07-B')}\n\nMB07-A is the SCR source, windows 2008 enterprise x64 on both`,
      groups: [['MB07-A', 'MB07-B']],
    },
    {
      name: 'one design said of several servers at once splits nothing',
      paste: `${mailbox07('MB07-C', 'MB07-D', 'MB07-E')}\n\nMB07-C and MB07-D are standalone, MB07-E too. windows 2008 enterprise x64`,
      groups: [['MB07-C', 'MB07-D', 'MB07-E']],
    },
  ];
  for (const c of apart) it(c.name, () => assert.deepEqual(names(judge(c.paste)), c.groups));

  const outsiders: { name: string; build: string; says: RegExp }[] = [
    { name: 'an Exchange 5.5 server', build: 'Version 5.5 (Build 2653.23)', says: /Exchange 5\.5 or earlier build/ },
    { name: 'an Exchange Online object of a hybrid inventory', build: '15.20.8901.23', says: /no Exchange Server build .*Exchange Online/ },
  ];
  for (const o of outsiders)
    it(`${o.name} beside a judged server is said to be outside the check, its version never asked`, () => {
      const paste = [
        'Name     AdminDisplayVersion',
        '----     -------------------',
        `OUTSIDE  ${o.build}`,
        'HQ-SE1   Version 15.2 (Build 2562.37)',
        '',
        'HQ-SE1 is Windows Server 2025 Standard, single server.',
      ].join('\n');
      const listing = read(paste);
      const groups = listingDesign(listing, kb);
      const g = groupHolding(groups, 'OUTSIDE');
      assert.deepEqual([g.verdict, g.asks, g.facts.version], [undefined, [], undefined]);
      assert.match(g.notJudged ?? '', o.says);
      const view = listingView(listing, groups, kb.dimensions);
      assert.equal(view.groups.find((v) => v.servers.includes('OUTSIDE'))?.verdictLabel, 'Not judged');
      assert.ok(!view.questions.some((q) => q.servers.includes('OUTSIDE')), JSON.stringify(view.questions));
      assert.equal(groupHolding(groups, 'HQ-SE1').verdict, 'supported');
    });

  it('an Edge server shown with no version (Get-EdgeSubscription) still has its version asked', () => {
    const paste = [
      '[PS] C:\\>Get-EdgeSubscription | ft Name,Site',
      'Name        Site',
      '----        ----',
      'DMZ-ET01    contoso.com/Configuration/Sites/HQ',
      'DMZ-ET02    contoso.com/Configuration/Sites/HQ',
    ].join('\n');
    const g = groupHolding(judge(paste), 'DMZ-ET01');
    assert.deepEqual([g.notJudged, g.asks], [undefined, ['version']]);
  });

  it('"Mailbox, ClientAccess" on 2016 is judged as a Mailbox server, never Not covered: the docs do not show ServerRole cannot print it (t08)', () => {
    const paste =
      'Name                : EX2016\nServerRole          : Mailbox, ClientAccess\nAdminDisplayVersion : Version 15.1 (Build 2507.6)\n\nWindows Server 2016 Standard, single server, no DAG';
    const g = groupHolding(judge(paste), 'EX2016');
    assert.deepEqual([g.facts.listedRole, g.verdict], [undefined, 'supported-with-conditions']);
  });

  it('a listed server\'s own name holding "dag" names no DAG: "DAGM1 + DAGM2 = one DAG" is one group (p22)', () => {
    const paste = [
      'Name    ServerRole                           AdminDisplayVersion',
      '----    ----------                           -------------------',
      'DAGM1   Mailbox, ClientAccess, HubTransport  Version 14.3 (Build 123.4)',
      'DAGM2   Mailbox, ClientAccess, HubTransport  Version 14.3 (Build 123.4)',
      '',
      'PS> gwmi Win32_OperatingSystem -cn DAGM1,DAGM2 | select CSName,Caption',
      'DAGM1 + DAGM2 = one DAG (fsw on FS1), multi-role, windows 2008 r2 enterprise sp1',
    ].join('\n');
    const groups = judge(paste);
    assert.deepEqual(names(groups), [['DAGM1', 'DAGM2']]);
    assert.equal(groups[0]!.facts.ha, 'dag');
  });

  const cms: { name: string; paste: string; facts: [string | undefined, string | undefined]; verdict: string }[] = [
    {
      name: "Get-ClusteredMailboxServerStatus NAME | fl with no Identity is that server's: NonShared CCR on Standard edition is Not supported (p52)",
      paste: [
        'Name  Edition  AdminDisplayVersion      ServerRole',
        '----  -------  -------------------      ----------',
        'CMS07 Standard Version 8.3 (Build 83.6) Mailbox',
        '',
        '[PS] C:\\>Get-ClusteredMailboxServerStatus CMS07 | fl OperationalMachines,ClusteredStorageType',
        '',
        'OperationalMachines  : {NODE-A <Active, Quorum Owner>, NODE-B}',
        'ClusteredStorageType : NonShared',
        '',
        'nodes are windows 2008 enterprise x64 sp2, member servers',
      ].join('\n'),
      facts: ['ccr', '2'],
      verdict: 'not-supported',
    },
    {
      name: 'OperationalMachines counts the nodes: a CCR of three is Not supported (q49)',
      paste: [
        'Identity                   : CMS-CCR',
        'ClusteredMailboxServerName : CMS-CCR.corp.local',
        'OperationalMachines        : {CCRN1 <Active, Quorum Owner>, CCRN2, CCRN3}',
        '',
        'Name                : CMS-CCR',
        'Edition             : Enterprise',
        'AdminDisplayVersion : Version 8.3 (Build 83.6)',
        '',
        "it's CCR (no shared storage), nodes on windows server 2008 enterprise x64 sp2, member servers",
      ].join('\n'),
      facts: ['ccr', '3'],
      verdict: 'not-supported',
    },
  ];
  for (const c of cms)
    it(c.name, () => {
      const [g] = judge(c.paste);
      assert.deepEqual([g!.facts.ha, g!.facts.nodes, g!.verdict], [...c.facts, c.verdict]);
    });

  const rodc = (readOnly: string[]) =>
    [
      'SE-BR1   Mailbox   Version 15.2 (Build 2562.35)   the only exchange server in site BRANCH7, 2025 std',
      '',
      'PS C:\\> Get-ADDomainController -Filter * | ft Name,Site,IsReadOnly',
      'Name     Site     IsReadOnly',
      '----     ----     ----------',
      ...readOnly.map((r, k) => `BR7-DC${k + 1}  BRANCH7  ${r}`),
      'HQ-DC1   HQ       False',
    ].join('\n');
  const sites: { name: string; paste: string; fact: string | undefined; verdict: string }[] = [
    {
      name: 'a server whose site shows only read-only domain controllers is Not supported (A-83; q47 was a plain Supported once its "only server" was read)',
      paste: rodc(['True']),
      fact: 'read-only',
      verdict: 'not-supported',
    },
    { name: 'a writable domain controller beside the read-only one in its site settles nothing: Supported', paste: rodc(['True', 'False']), fact: undefined, verdict: 'supported' },
  ];
  for (const c of sites)
    it(c.name, () => {
      const g = groupHolding(judge(c.paste), 'SE-BR1');
      assert.deepEqual([g.facts.siteDomainControllers, g.facts.ha, g.verdict], [c.fact, 'none', c.verdict]);
    });

  // session 15 i27: the site's writable DC is read in the system requirements of Exchange 2013 to 2019; only 2010's is recalled.
  it("the limits name the site's read-only domain controllers, and only Exchange 2010's says it is recalled", () => {
    const limit = kb.limits.find((l) => l.id === 'exchange-site-only-read-only-domain-controllers');
    const of2010 = kb.limits.find((l) => l.id === 'exchange-2010-site-only-read-only-domain-controllers');
    assert.ok(limit && !/recalled/.test(limit.reason) && /system requirements/.test(limit.reason), limit?.reason);
    assert.ok(of2010 && /recalled/.test(of2010.reason), of2010?.reason);
  });

  const alone: [string, string][] = [
    ["a server's own typed line", 'EX2010 = 14.3.123.4 / Windows 2008 R2 Standard SP1 / Mailbox+CAS+HT / only server in the org'],
    [
      '"(the only one)" around it',
      'MIL-EX13   Mailbox, ClientAccess   Version 15.0 (Build 1497.2)\nunico server exchange (the only one)\nOS Name: Microsoft Windows Server 2012 R2 Standard',
    ],
    [
      '"servidor único" on its line',
      'SAO-EX10 | Mailbox, ClientAccess, HubTransport | Version 14.3 (Build 513.0) | servidor único\n\nNome do host:                              SAO-EX10\nNome do sistema operacional:               Microsoft Windows Server 2008 R2 Standard\nVersão do sistema operacional:             6.1.7601 Service Pack 1 Compilação 7601',
    ],
  ];
  for (const [what, paste] of alone)
    it(`a single server said in ${what} is in no DAG (Supported)`, () => {
      const [g] = judge(paste);
      assert.deepEqual([g!.facts.ha, g!.verdict], ['none', 'supported']);
    });

  it("an Exchange virtual server of cluster.exe's group table named in words gives its nodes its version, never a server of its own (u04)", () => {
    const paste = [
      'Group                Node            Status',
      '-------------------- --------------- ------',
      'Cluster Group        ND-A            Online',
      'EVS-MAIL             ND-A            Online',
      '',
      'Node           Node ID Status',
      '-------------- ------- ---------------------',
      'ND-A                 1 Up',
      'ND-B                 2 Up',
      '',
      'EVS-MAIL is Exchange 2003 SP2 Enterprise, nodes are Windows Server 2003 Enterprise SP2, member servers, active/passive',
    ].join('\n');
    const groups = judge(paste);
    assert.deepEqual(names(groups), [['ND-A', 'ND-B']]);
    assert.deepEqual([groups[0]!.facts.version, groups[0]!.facts.instances, groups[0]!.verdict], ['2003', '1', 'supported-with-conditions']);
  });

  it('a role the words deny ("no front-end") is no role the listing shows: never the 2007 front-end contradiction (u01)', () => {
    const paste =
      'EX07A - Exchange 2007 SP3 (8.3.83.6) - Windows Server 2008 Standard SP2 x64 - our only server, mailbox, no front-end\nEX07B - Exchange 2007 SP3 (8.3.83.6) - Windows Server 2008 Standard SP2 x64 - hub, not an edge';
    const groups = judge(paste);
    for (const g of groups) assert.ok(!String(g.facts.listedRole ?? '').includes('front-end') && g.verdict !== 'not-covered', JSON.stringify(g.facts));
    assert.deepEqual(groupHolding(groups, 'EX07A').servers[0]!.roles, ['mailbox']);
    assert.deepEqual(groupHolding(groups, 'EX07B').servers[0]!.roles, ['hub-transport']);
  });

  it('set l30 (written before the code) is all right', () => {
    assert.deepEqual(tuningSetMisses(kb, TUNING_L30, { entries: 31, groups: 45 }), []);
  });
});
