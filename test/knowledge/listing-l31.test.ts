import { strict as assert } from 'node:assert';
import { TUNING_L31 } from '../../bench/listings';
import { loadKnowledgeBase } from '../../knowledge';
import { listingDesign, type ListingGroup } from '../../knowledge/listings/listing-design';
import { directoryObjectLines } from '../../knowledge/listings/reshaped-tables';
import { structuredLines } from '../../knowledge/listings/structured-output';
import { groupHolding, listingReader, tuningSetMisses } from './listing-helpers';

/**
 * Issue 25, session 15 (l31): set l31 (test/fixtures/listings/tuning-issue25-l31.yaml) was written before reading the
 * listing code; each case below is the smallest paste of one of its first-run misses.
 */
describe('Listings: DAG columns, per-server words, diagnostics XML, virtual servers (issue 25, session 15 l31)', () => {
  const kb = loadKnowledgeBase();
  const read = listingReader(kb);
  const judge = (text: string): ListingGroup[] => listingDesign(read(text), kb);
  const names = (groups: readonly ListingGroup[]) => groups.map((g) => g.servers.map((s) => s.name));
  const versions = (build: string, ...servers: string[]) =>
    ['Name    AdminDisplayVersion', '----    -------------------', ...servers.map((n) => `${n.padEnd(8)}Version 15.2 (Build ${build})`)].join('\n');

  it("a sentence typed under Get-MailboxServer's table does not lose its DAG column (v01)", () => {
    const paste = [
      versions('2562.37', 'SE-PAR1', 'SE-PAR2', 'SE-LYO1', 'SE-LYO2'),
      '',
      'Name    DatabaseAvailabilityGroup',
      '----    -------------------------',
      'SE-PAR1 DAG-PAR',
      'SE-PAR2 DAG-PAR',
      'SE-LYO1 DAG-LYO',
      'SE-LYO2 DAG-LYO',
      'server in its own site, all Windows Server 2025 Datacenter.',
    ].join('\n');
    const groups = judge(paste);
    assert.deepEqual(names(groups), [
      ['SE-PAR1', 'SE-PAR2'],
      ['SE-LYO1', 'SE-LYO2'],
    ]);
    for (const g of groups) assert.deepEqual([g.facts.ha, g.verdict], ['dag', 'supported-with-conditions']);
  });

  it('a site cut by Format-Table ("contoso.com/Configuration/Si...") is no site', () => {
    const paste = [
      'Name    Site                            AdminDisplayVersion',
      '----    ----                            -------------------',
      'SE-PAR1 fabrikam.fr/Configuration/Si... Version 15.2 (Build 2562.37)',
    ].join('\n');
    assert.equal(read(paste).servers[0]!.site, undefined);
  });

  it('a DAG column whose padding was lost (one space between columns) is still read', () => {
    const paste = [
      versions('1748.10', 'MBX-EU-01', 'MBX-EU-02'),
      '',
      'Name DatabaseAvailabilityGroup',
      '---- -------------------------',
      'MBX-EU-01 DAG-EU',
      'MBX-EU-02 DAG-EU',
    ].join('\n');
    assert.deepEqual(
      read(paste).dags.map((d) => [d.name, d.servers]),
      [['DAG-EU', ['MBX-EU-01', 'MBX-EU-02']]],
    );
  });

  it("winver's edition under a sentence naming one server is that server's Windows, not the paste's (v02)", () => {
    const paste = [
      'MAILSE01 (our only mailbox server, no DAG), winver shows:',
      'Microsoft Windows Server',
      'Version 21H2 (OS Build 20348.3932)',
      'Windows Server 2022 Datacenter',
      '',
      'Name     ServerRole AdminDisplayVersion',
      '----     ---------- -------------------',
      'MAILSE01 Mailbox    Version 15.2 (Build 2562.17)',
      'MAILSE02 Mailbox    Version 15.2 (Build 2562.17)',
    ].join('\n');
    const servers = read(paste).servers;
    const one = servers.find((s) => s.name === 'MAILSE01')!;
    assert.deepEqual([one.os, one.osFromPaste], ['Windows Server 2022 Datacenter', undefined]);
    assert.equal(servers.find((s) => s.name === 'MAILSE02')!.os, undefined);
  });

  it('"Pas de DAG." (French) says the servers are in no DAG (v13)', () => {
    const paste = [
      'Name      ServerRole AdminDisplayVersion',
      '----      ---------- -------------------',
      'EX13-01   Mailbox    Version 15.0 (Build 1497.2)',
      '',
      'Windows Server 2012 R2 Standard. Pas de DAG.',
    ].join('\n');
    const [group] = judge(paste);
    assert.deepEqual([group!.facts.ha, group!.verdict], ['none', 'supported']);
  });

  it('words of a domain controller naming no server stay with the DAG Get-ADDomainController shows it in (v08)', () => {
    const paste = [
      'Someone promoted a DAG node to DC last year.',
      '',
      'Name      Site  AdminDisplayVersion',
      '----      ----  -------------------',
      'EX1-M1    DC1   Version 15.2 (Build 1544.4)',
      'EX1-M2    DC1   Version 15.2 (Build 1544.4)',
      'EX2-M1    DC2   Version 15.2 (Build 1544.4)',
      'EX2-M2    DC2   Version 15.2 (Build 1544.4)',
      '',
      'PS C:\\> Get-ADDomainController -Filter * | select Name,Site',
      '',
      'Name      Site',
      '----      ----',
      'ADDC01    DC1',
      'EX2-M2    DC2',
      '',
      'PS C:\\> Get-ClusterNode -Cluster DAG-A',
      '',
      'Name      ID    State',
      '----      --    -----',
      'EX1-M1    1     Up',
      'EX1-M2    2     Up',
      '',
      'PS C:\\> Get-ClusterNode -Cluster DAG-B',
      '',
      'Name      ID    State',
      '----      --    -----',
      'EX2-M1    1     Up',
      'EX2-M2    2     Up',
      '',
      'All Mailbox, Windows Server 2019 Standard, witnesses configured.',
    ].join('\n');
    const groups = judge(paste);
    assert.deepEqual([groupHolding(groups, 'EX1-M1').facts.domainController, groupHolding(groups, 'EX1-M1').verdict], [undefined, 'supported-with-conditions']);
    assert.deepEqual([groupHolding(groups, 'EX2-M1').facts.domainController, groupHolding(groups, 'EX2-M1').verdict], ['yes', 'not-supported']);
  });

  it("Get-ExchangeDiagnosticInfo's XML result is its server's Format-List block (v10)", () => {
    const xml = [
      '<Diagnostics>',
      '  <ProcessInfo>',
      '    <serverName>EXAPP01</serverName>',
      '  </ProcessInfo>',
      '  <ServerVersion>15.02.1748.010</ServerVersion>',
      '</Diagnostics>',
    ];
    assert.deepEqual(structuredLines(['before', ...xml, 'after']), ['before', '', 'Name : EXAPP01', 'AdminDisplayVersion : 15.02.1748.010', '', 'after']);
    assert.deepEqual(structuredLines([xml.join('')]), ['', 'Name : EXAPP01', 'AdminDisplayVersion : 15.02.1748.010', '']);
    // A document that names no build stays as it is.
    const bare = ['<Diagnostics>', '<serverName>EX1</serverName>', '</Diagnostics>'];
    assert.deepEqual(structuredLines(bare), bare);
  });

  it('"LAB01: new single server ..., someone installed it on Windows Server 2019 Standard" is LAB01\'s Windows (v12)', () => {
    const paste = [
      'Name      AdminDisplayVersion',
      '----      -------------------',
      'HQ01      Version 15.1 (Build 2507.6)',
      'LAB01     Version 15.1 (Build 2507.6)',
      '',
      'HQ01: single server, Windows Server 2016 Standard with Desktop Experience.',
      'LAB01: new single server in the lab site, someone installed it on Windows Server 2019 Standard.',
    ].join('\n');
    const groups = judge(paste);
    assert.deepEqual(names(groups), [['HQ01'], ['LAB01']]);
    assert.deepEqual([groupHolding(groups, 'LAB01').facts.windows, groupHolding(groups, 'LAB01').verdict], ['2019', 'not-supported']);
  });

  it("Win32_OperatingSystem's CSDVersion gives Windows' service pack (v15)", () => {
    const paste = [
      'Name    ServerRole                 AdminDisplayVersion',
      '----    ----------                 -------------------',
      'CH10    ClientAccess, HubTransport Version 14.3 (Build 123.4)',
      '',
      'CSName Caption                                     CSDVersion',
      '------ -------                                     ----------',
      'CH10   Microsoft Windows Server 2008 R2 Enterprise Service Pack 1',
      '',
      'CH10 is our only Exchange server, no DAG.',
    ].join('\n');
    const [group] = judge(paste);
    assert.deepEqual([group!.facts.windowsServicePack, group!.verdict], ['1', 'supported']);
  });

  it("words about a clustered mailbox server's nodes are its own, and an architecture in parentheses is kept (v17)", () => {
    const paste = [
      'Name       ServerRole    Edition    AdminDisplayVersion',
      '----       ----------    -------    -------------------',
      'CMS07      Mailbox       Enterprise Version 8.3 (Build 83.6)',
      'HUB07      HubTransport  Standard   Version 8.3 (Build 83.6)',
      'EDGE07     Edge          Standard   Version 8.3 (Build 83.6)',
      '',
      'Identity            : CMS07',
      'OperationalMachines : {CCR-N1 <Active, Quorum Owner>, CCR-N2}',
      '',
      'CCR-N1/CCR-N2: Windows Server 2008 Enterprise x64 SP2.',
      'HUB07: Windows Server 2003 R2 Standard x64 Edition SP2, the only hub.',
      'EDGE07: Windows Server 2003 R2 Standard Edition SP2 (32-bit), workgroup.',
    ].join('\n');
    const groups = judge(paste);
    assert.notEqual(groupHolding(groups, 'HUB07').facts.ha, 'ccr');
    assert.notEqual(groupHolding(groups, 'HUB07').verdict, 'not-supported');
    assert.deepEqual([groupHolding(groups, 'EDGE07').facts.architecture, groupHolding(groups, 'EDGE07').verdict], ['x86', 'not-supported']);
  });

  it('"CN=EXFE1  serialNumber: Version ..." on one line is a server object', () => {
    assert.deepEqual(directoryObjectLines(['x serialNumber', '  CN=EXFE1    serialNumber: Version 6.5 (Build 7638.2: Service Pack 2)']), [
      'x serialNumber',
      'Name                : EXFE1',
      'AdminDisplayVersion : Version 6.5 (Build 7638.2: Service Pack 2)',
      '',
    ]);
  });

  it('a server the words call the cluster\'s EVS is its nodes\' version, and "Exchange\\nServer 2003 Standard Edition" is one name (v19)', () => {
    const paste = [
      'EXBE1    Version 6.5 (Build 7638.2: Service Pack 2)',
      'EVS-MB   Version 6.5 (Build 7638.2: Service Pack 2)   (virtual server on cluster CLU-MB)',
      '',
      'Node           Node ID Status',
      '-------------- ------- ---------------------',
      'CLNODE1              1 Up',
      'CLNODE2              2 Up',
      '',
      'CLU-MB: Windows Server 2003 Enterprise Edition SP2 on both nodes, active/passive, one EVS (EVS-MB), Exchange',
      'Server 2003 Standard Edition on both nodes.',
      'EXBE1 is a single back-end, Windows Server 2003 Standard SP2, not clustered.',
    ].join('\n');
    const groups = judge(paste);
    assert.deepEqual(names(groups), [['CLNODE1', 'CLNODE2'], ['EXBE1']]);
    const cluster = groupHolding(groups, 'CLNODE1');
    assert.deepEqual([cluster.facts.version, cluster.facts.edition, cluster.verdict], ['2003', 'standard', 'not-supported']);
    assert.equal(groupHolding(groups, 'EXBE1').verdict, 'supported');
  });

  it('"EX1-M1, EX1-M2 = DAG-A; EX2-M1, EX2-M2 = DAG-B": every server of a list before "=" is the DAG\'s', () => {
    const paste = `${versions('1544.4', 'EX1-M1', 'EX1-M2', 'EX2-M1', 'EX2-M2')}\n\nEX1-M1, EX1-M2 = DAG-A; EX2-M1, EX2-M2 = DAG-B.`;
    assert.deepEqual(
      read(paste).dags.map((d) => [d.name, d.servers]),
      [
        ['DAG-A', ['EX1-M1', 'EX1-M2']],
        ['DAG-B', ['EX2-M1', 'EX2-M2']],
      ],
    );
    // A comma after words that are not only names still ends the clause.
    const apart = read(`${versions('1544.4', 'EX1-M1', 'EX1-M2')}\n\nEX1-M1 is in DAG-A, EX1-M2 standalone.`);
    assert.deepEqual(
      apart.dags.map((d) => [d.name, d.servers]),
      [['DAG-A', ['EX1-M1']]],
    );
  });

  it("an OSVersion column holding the release's name is the Windows (q24)", () => {
    const paste = [
      'Name     ServerRole  AdminDisplayVersion           OSVersion',
      '----     ----------  -------------------           ---------',
      'TOR-EX1  Mailbox     Version 15.1 (Build 2507.6)   Windows Server 2012 R2 Standard',
    ].join('\n');
    assert.equal(read(paste).servers[0]!.os, 'Windows Server 2012 R2 Standard');
  });

  it('an inventory sheet\'s "Host" column names its servers when no other column does (q27)', () => {
    const paste = ['"Host";"Exchange";"Build";"DAG"', '"BIG-MB01";"2019 CU15";"15.2.1748.10";"DAG-BIG"', '"BIG-MB02";"2019 CU15";"15.2.1748.10";"DAG-BIG"'].join('\n');
    assert.deepEqual(
      read(paste).servers.map((s) => [s.name, s.dag]),
      [
        ['BIG-MB01', 'DAG-BIG'],
        ['BIG-MB02', 'DAG-BIG'],
      ],
    );
  });

  it('"FIN-EX1/2: Version ..." gives both numbered servers the line (m37)', () => {
    const paste = ['Name    : DAG-FIN', 'Servers : {FIN-EX1, FIN-EX2}', '', 'FIN-EX1/2: Version 15.2 (Build 1748.10), Windows Server 2019 Standard'].join('\n');
    const groups = judge(paste);
    assert.deepEqual(names(groups), [['FIN-EX1', 'FIN-EX2']]);
    assert.equal(groups[0]!.facts.version, '2019');
  });

  it('set l31 (written before the code) is all right', () => {
    assert.deepEqual(tuningSetMisses(kb, TUNING_L31, { entries: 21, groups: 46 }), []);
  });
});
