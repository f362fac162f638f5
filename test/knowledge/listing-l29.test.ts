import { strict as assert } from 'node:assert';
import { TUNING_L29 } from '../../bench/listings';
import { loadKnowledgeBase } from '../../knowledge';
import { listingDesign, type ListingGroup } from '../../knowledge/listings/listing-design';
import { groupHolding, listingReader, tuningSetMisses } from './listing-helpers';

/**
 * Issue 25, session 13 (l29): a listing that shows a role its server's version does not have contradicts itself
 * (A-50's roles per version, A-73): the group is Not covered with the contradiction named (limits reading the
 * stated set fact listedRole), never judged as if the role were not there (2019/SE with Unified Messaging were a
 * plain Supported). Get-ExchangeServer's Is...Server flags never count: 2013 and later print IsHubTransportServer
 * True on Mailbox servers. Servers outside the table beside judged ones get no neighbour's version. Set l29
 * (test/fixtures/listings/tuning-issue25-l29.yaml) was written before the code.
 */
describe('Listings: a role the version cannot have, servers outside the table (issue 25, session 13 l29)', () => {
  const kb = loadKnowledgeBase();
  const read = listingReader(kb);
  const judge = (text: string): ListingGroup[] => listingDesign(read(text), kb);
  const table = (rows: string[], ...words: string[]) =>
    ['Name       ServerRole                          AdminDisplayVersion', '----       ----------                          -------------------', ...rows, '', ...words].join('\n');
  const row = (name: string, role: string, build: string) => `${name.padEnd(11)}${role.padEnd(36)}${build}`;

  const cases: { name: string; paste: string; server: string; verdict: string | undefined; limit?: string; version?: string }[] = [
    {
      name: '2019 "Mailbox, UnifiedMessaging" (UM was removed from 2019) is Not covered, the contradiction named (was a plain Supported)',
      paste: table([row('EX19UM', 'Mailbox, UnifiedMessaging', 'Version 15.2 (Build 1748.10)')], 'Windows Server 2019 Standard, no DAG.'),
      server: 'EX19UM',
      verdict: 'not-covered',
      limit: 'listed-unified-messaging-role-2019-or-later',
    },
    {
      name: 'SE with Unified Messaging in a Format-List is Not covered',
      paste:
        'Name                : SE-MBX1\nServerRole          : Mailbox, UnifiedMessaging\nAdminDisplayVersion : Version 15.2 (Build 2562.17)\n\nOS Name: Microsoft Windows Server 2022 Standard\nsingle server, no DAG',
      server: 'SE-MBX1',
      verdict: 'not-covered',
      limit: 'listed-unified-messaging-role-2019-or-later',
    },
    {
      name: '2016 DAG members listed with HubTransport are Not covered, never the DAG verdict',
      paste: table(
        [row('EX16-01', 'Mailbox, HubTransport', 'Version 15.1 (Build 2507.6)'), row('EX16-02', 'Mailbox, HubTransport', 'Version 15.1 (Build 2507.6)')],
        'Windows Server 2016 Datacenter, the two are in DAG16.',
      ),
      server: 'EX16-01',
      verdict: 'not-covered',
      limit: 'listed-hub-transport-role-2013-or-later',
    },
    {
      name: '2013 "ClientAccess, HubTransport" with its Windows and HA open is Not covered, not the Not supported an open HA value would mix in',
      paste: table([row('E13-CAS1', 'ClientAccess, HubTransport', 'Version 15.0 (Build 1497.2)')]),
      server: 'E13-CAS1',
      verdict: 'not-covered',
      limit: 'listed-hub-transport-role-2013-or-later',
    },
    {
      name: '2016 listed with UnifiedMessaging (services of the Mailbox server) is Not covered',
      paste: table([row('EX16UM', 'Mailbox, UnifiedMessaging', 'Version 15.1 (Build 2507.6)')], 'Windows Server 2016 Standard, standalone.'),
      server: 'EX16UM',
      verdict: 'not-covered',
      limit: 'listed-unified-messaging-role-2013-2016',
    },
    {
      name: '2007 "FrontEnd" is Not covered (front-end servers are 2000/2003\'s)',
      paste: 'Name                : OWA07\nServerRole          : FrontEnd\nAdminDisplayVersion : Version 8.3 (Build 83.6)\n\nWindows Server 2008 Enterprise x64',
      server: 'OWA07',
      verdict: 'not-covered',
      limit: 'listed-front-end-role-2007-or-later',
    },
    {
      name: 'a typed "Mailbox/UM" on 2019 keeps its UM and is Not covered',
      paste: 'MBX-A  Mailbox/UM  15.2.1748.10  Windows Server 2022 Standard\nMBX-B  Mailbox/UM  15.2.1748.10  Windows Server 2022 Standard',
      server: 'MBX-A',
      verdict: 'not-covered',
      limit: 'listed-unified-messaging-role-2019-or-later',
    },
    {
      name: 'control: a 2010 server with all four roles is judged by the table (single SP3 server on 2008 R2 SP1: Supported)',
      paste: table(
        [row('EX10', 'Mailbox, ClientAccess, UnifiedMessaging, HubTransport', 'Version 14.3 (Build 123.4)')],
        'Windows Server 2008 R2 Standard SP1, the only Exchange server',
      ),
      server: 'EX10',
      verdict: 'supported',
    },
    {
      name: 'control: a 2013 "Mailbox, ClientAccess" DAG member is judged, not contradicted',
      paste: table(
        [row('E13-A', 'Mailbox, ClientAccess', 'Version 15.0 (Build 1497.2)'), row('E13-B', 'Mailbox, ClientAccess', 'Version 15.0 (Build 1497.2)')],
        'Windows Server 2012 R2 Standard, both in DAG13.',
      ),
      server: 'E13-A',
      verdict: 'supported-with-conditions',
    },
    {
      name: "Exchange 5.5 beside a 2003 server is a group with no version, never the 2003 server's verdict",
      paste:
        'Exchange servers in the org (ESM):\nEX55-OLD   Version 5.5 (Build 2653.23)   NT 4.0 SP6a\nEX2K3-01   Version 6.5 (Build 7638.2)    Windows Server 2003 R2 Enterprise SP2, single server',
      server: 'EX55-OLD',
      verdict: undefined,
      version: undefined,
    },
    {
      name: 'an Exchange Online object (15.20) in a hybrid inventory has no version, never read as 2019 or SE',
      paste:
        'Server     Role          Version\n------     ----          -------\nMBX01      Mailbox       15.2.1748.10\nEXO        Hybrid/Cloud  15.20.8901.23\n\nMBX01 is standalone, Windows Server 2019 Datacenter.',
      server: 'EXO',
      verdict: undefined,
      version: undefined,
    },
    {
      name: "an Edge server shown only by Get-EdgeSubscription is an Edge group with no version, never the Mailbox server's",
      paste: [
        table([row('MB-A', 'Mailbox', 'Version 15.2 (Build 2562.17)')]),
        '[PS] C:\\>Get-EdgeSubscription',
        '',
        'Name      Site                                                 Domain',
        '----      ----                                                 ------',
        'EDGE-DMZ  contoso.com/Configuration/Sites/Default-First-Site   contoso.com',
        '',
        'MB-A is a single server on Windows Server 2025 Standard.',
      ].join('\n'),
      server: 'EDGE-DMZ',
      verdict: undefined,
      version: undefined,
    },
  ];
  for (const c of cases)
    it(c.name, () => {
      const g = groupHolding<ListingGroup>(judge(c.paste), c.server);
      assert.equal(g.verdict, c.verdict, JSON.stringify(g.facts));
      if (c.limit)
        assert.deepEqual(
          g.decisions
            .flatMap((d) => d?.broken.map((l) => l.id) ?? [])
            .filter((id) => id.startsWith('listed-'))
            .slice(0, 1),
          [c.limit],
        );
      if ('version' in c) assert.equal(g.facts.version, c.version);
    });

  it("never counts Get-ExchangeServer's Is...Server flags as a shown role (a 2016 Mailbox server prints IsHubTransportServer True)", () => {
    const paste = [
      'Name                 : LDN-EX16-A',
      'ServerRole           : Mailbox',
      'AdminDisplayVersion  : Version 15.1 (Build 2507.6)',
      'IsClientAccessServer : True',
      'IsHubTransportServer : True',
      'IsMailboxServer      : True',
      '',
      'on Server 2016 Standard, not in a DAG',
    ].join('\n');
    const g = groupHolding<ListingGroup>(judge(paste), 'LDN-EX16-A');
    assert.equal(g.facts.listedRole, undefined);
    assert.notEqual(g.verdict, 'not-covered');
  });

  it('a role word leading a typed line is the role of the one server, never a server named "Edge" (m36)', () => {
    const paste = [
      'C:\\>systeminfo | findstr /B /C:"Host Name" /C:"OS Name" /C:"Domain"',
      'Host Name:                 DMZ-EDGE02',
      'OS Name:                   Microsoft Windows Server 2025 Standard',
      'Domain:                    WORKGROUP',
      '',
      'Edge role, Version 15.2 (Build 2562.17), the only edge',
    ].join('\n');
    const groups = judge(paste);
    assert.deepEqual(
      groups.map((g) => g.servers.map((s) => s.name)),
      [['DMZ-EDGE02']],
    );
    assert.deepEqual(groups[0]!.servers[0]!.roles, ['edge-transport']);
    assert.equal(groups[0]!.facts.version, 'se');
  });

  it('reads Export-Clixml: <S N="Name"> properties, and a property object\'s <ToString> (q04)', () => {
    const paste = [
      '<Objs Version="1.1.0.1" xmlns="http://schemas.microsoft.com/powershell/2004/04">',
      '  <Obj RefId="0">',
      '    <TN RefId="0"><T>Microsoft.Exchange.Data.Directory.Management.ExchangeServer</T></TN>',
      '    <ToString>CLX-EX19</ToString>',
      '    <Props>',
      '      <S N="Name">CLX-EX19</S>',
      '      <S N="ServerRole">Mailbox</S>',
      '      <Obj N="AdminDisplayVersion" RefId="1">',
      '        <ToString>Version 15.2 (Build 1748.10)</ToString>',
      '      </Obj>',
      '    </Props>',
      '  </Obj>',
      '</Objs>',
      'CLX-EX19 is standalone on Windows Server 2019 Standard',
    ].join('\n');
    const g = groupHolding<ListingGroup>(judge(paste), 'CLX-EX19');
    assert.deepEqual([g.servers.length, g.facts.version, g.servers[0]!.roles], [1, '2019', ['mailbox']]);
  });

  it('reads lines tagged with their server ("[BOS-EX13] Server Role: ...", HealthChecker warnings) as that server, never "[PS]" (q20)', () => {
    const paste = [
      '[PS] C:\\>.\\HealthChecker.ps1 | Select-String WARN',
      '[BOS-EX13] Exchange 2013 CU21 (15.0.1395.4) is not the latest CU',
      '[BOS-EX13] Server Role: ClientAccess, Mailbox',
      '[BOS-EX13] Operating System: Microsoft Windows Server 2012 R2 Datacenter',
      '[BOS-EX13] Not a DAG member',
    ].join('\n');
    const groups = judge(paste);
    assert.deepEqual(
      groups.map((g) => g.servers.map((s) => s.name)),
      [['BOS-EX13']],
    );
    assert.deepEqual([groups[0]!.facts.version, groups[0]!.facts.windows, groups[0]!.facts.ha], ['2013', '2012-r2', 'none']);
    assert.equal(groups[0]!.verdict, 'supported-with-conditions');
  });

  it('a version said "on all 3" is every node\'s, never the one node named in brackets after it (p49)', () => {
    const paste = [
      'Node           Node ID Status',
      '-------------- ------- ---------------------',
      'NX-A                 1 Up',
      'NX-B                 2 Down',
      '',
      'exchange 2003 enterprise sp2 on both (NX-B is down for a disk swap), 1 EVS, windows 2003 enterprise sp2 32-bit, member servers',
    ].join('\n');
    const groups = judge(paste);
    assert.deepEqual(
      groups.map((g) => g.servers.map((s) => s.name)),
      [['NX-A', 'NX-B']],
    );
    assert.equal(groups[0]!.facts.version, '2003');
  });

  it('a cluster listing whose version is said "exch 2003" around it is a 2003 cluster (m23)', () => {
    const paste = [
      'Node           Node ID Status',
      '-------------- ------- ---------------------',
      'QN1                  1 Up',
      'QN2                  2 Up',
      '',
      'exch 2003 ent sp2 on w2k3 ent sp2 32bit, one EVS, active/passive',
    ].join('\n');
    const [g] = judge(paste);
    assert.deepEqual([g!.servers.length, g!.facts.version, g!.facts.ha], [2, '2003', 'cluster']);
  });

  it('a typed message never states listedRole (it has no phrases)', () => {
    assert.equal(kb.recognizer.extract('exchange 2019 with the UM role and hub transport').facts.listedRole, undefined);
  });

  it('set l29 (written before the code) is all right', () => {
    assert.deepEqual(tuningSetMisses(kb, TUNING_L29, { entries: 11, groups: 15 }), []);
  });
});
