import { strict as assert } from 'node:assert';
import { listingDesign, type ListingGroup } from '../../knowledge/listings/listing-design';
import { groupHolding, listingReader, tuningSetMisses } from './listing-helpers';
import { TUNING_L26 } from '../../bench/listings';
import { sharedKnowledgeBase } from '../support/shared-knowledge';

/**
 * Issue 25, session 10 (l26): what is in front of the servers said around a paste, "load balanced" of versions whose
 * table tells Windows NLB from a load balancer, several servers read from the paste's shape, and Windows' service
 * pack from WMI. Set l26 (test/fixtures/listings/tuning-issue25-l26.yaml) was written before the code.
 */
describe('Listings: designs in front of servers and old forms (issue 25, session 10)', () => {
  const kb = sharedKnowledgeBase();
  const read = listingReader(kb);
  const judge = (text: string): ListingGroup[] => listingDesign(read(text), kb);
  const group = groupHolding<ListingGroup>;
  const table = (rows: string[], words: string) =>
    ['Name       ServerRole     AdminDisplayVersion', '----       ----------     -------------------', ...rows, '', words].join('\n');

  const cases: { name: string; paste: string; server: string; verdict: string; ha?: string; condition?: RegExp }[] = [
    {
      name: '"no DAG" then a load balancer in front of 2010 Mailbox servers: the design in front says more (exchange-2010-rest, never Supported)',
      paste: table(
        ['MB10-1     Mailbox        Version 14.3 (Build 123.4)', 'MB10-2     Mailbox        Version 14.3 (Build 123.4)'],
        'no DAG; both mailbox servers sit behind a Barracuda load balancer. Windows Server 2008 R2 SP1 Standard.',
      ),
      server: 'MB10-1',
      verdict: 'not-covered',
      ha: 'load-balancing',
    },
    {
      name: '"no DAG" then a Kemp (a load balancer) in front of 2010 Mailbox servers: Not covered',
      paste: table(
        ['MB10-1     Mailbox        Version 14.3 (Build 123.4)', 'MB10-2     Mailbox        Version 14.3 (Build 123.4)'],
        'no DAG, they sit behind a Kemp. Windows Server 2008 R2 SP1 Standard.',
      ),
      server: 'MB10-1',
      verdict: 'not-covered',
      ha: 'load-balancer',
    },
    {
      name: '"load balanced" 2010 Mailbox servers: Windows NLB (Not supported) or a load balancer (Not covered) is Not covered',
      paste: table(
        ['LB-1       Mailbox        Version 14.3 (Build 123.4)', 'LB-2       Mailbox        Version 14.3 (Build 123.4)'],
        'These two are load balanced, no DAG. Windows Server 2008 R2 Enterprise SP1.',
      ),
      server: 'LB-1',
      verdict: 'not-covered',
    },
    {
      name: '"load balanced" 2007 Hub Transport servers: NLB (with conditions) or a load balancer (Not covered) is with conditions, the other named',
      paste: table(
        ['RELAY-1    HubTransport   Version 8.3 (Build 83.6)', 'RELAY-2    HubTransport   Version 8.3 (Build 83.6)'],
        'the app servers relay through RELAY-1/RELAY-2, which are load balanced. Windows Server 2008 Enterprise SP2 x64',
      ),
      server: 'RELAY-1',
      verdict: 'supported-with-conditions',
      condition: /Not covered with Hardware or virtual load balancer/,
    },
    {
      name: 'Two 2019 Edge servers with nothing said in front of them: several servers read from the paste, a condition (never a plain Supported)',
      paste: table(
        ['EDGE-N1    Edge           Version 15.2 (Build 1544.4)', 'EDGE-N2    Edge           Version 15.2 (Build 1544.4)'],
        'both Windows Server 2019 Standard, in the DMZ workgroup',
      ),
      server: 'EDGE-N1',
      verdict: 'supported-with-conditions',
      condition: /nothing in front of them/,
    },
    {
      name: 'Two 2019 Edge servers said to have MX records: several servers as said, no condition of the paste',
      paste: table(
        ['EDGE-N1    Edge           Version 15.2 (Build 1544.4)', 'EDGE-N2    Edge           Version 15.2 (Build 1544.4)'],
        'both Windows Server 2019 Standard, in the DMZ workgroup, two MX records of equal priority',
      ),
      server: 'EDGE-N1',
      verdict: 'supported',
    },
  ];
  for (const c of cases)
    it(c.name, () => {
      const g = group(judge(c.paste), c.server);
      assert.equal(g.verdict, c.verdict);
      if (c.ha) assert.equal(g.facts.ha, c.ha);
      if (c.condition)
        assert.ok(
          g.decisions.some((d) => d?.conditions.some((x) => c.condition!.test(x.condition))),
          JSON.stringify(g.decisions.map((d) => d?.conditions.map((x) => x.condition))),
        );
    });

  it("Win32_OperatingSystem's ServicePackMajorVersion gives Windows' service pack up to 2008 R2: 2013 on 2008 R2 Datacenter without one is Not covered (A-35)", () => {
    const paste = (pack: string, caption = 'Microsoft Windows Server 2008 R2 Datacenter', version = '6.1.7600') =>
      [
        'PS C:\\> Get-WmiObject Win32_OperatingSystem -ComputerName EX13DC | fl CSName,Caption,Version,ServicePackMajorVersion',
        '',
        'CSName                  : EX13DC',
        `Caption                 : ${caption}`,
        `Version                 : ${version}`,
        `ServicePackMajorVersion : ${pack}`,
        '',
        'ExSetup on EX13DC: 15.0.1497.2 (2013 CU23). it is the only exchange server, mailbox and client access.',
      ].join('\n');
    assert.equal(read(paste('0')).servers[0]?.osServicePack, 0);
    assert.equal(group(judge(paste('0')), 'EX13DC').verdict, 'not-covered');
    assert.equal(read(paste('1', undefined, '6.1.7601')).servers[0]?.osServicePack, 1);
    assert.notEqual(group(judge(paste('1', undefined, '6.1.7601')), 'EX13DC').verdict, 'not-covered');
    // Windows Server 2016 and later print 0 always: no service pack fact from it.
    assert.equal(read(paste('0', 'Microsoft Windows Server 2016 Datacenter', '10.0.14393')).servers[0]?.osServicePack, undefined);
  });

  const forms: { name: string; paste: string[]; server: string; build: string; roles?: string[] }[] = [
    {
      name: "ldifde's dump of an msExchExchangeServer object: its cn and serialNumber (never a server named serialNumber)",
      paste: [
        'dn: CN=EXCH2000,CN=Servers,CN=First Administrative Group,CN=Administrative Groups,CN=CORP,CN=Microsoft Exchange,CN=Services,CN=Configuration,DC=corp,DC=local',
        'changetype: add',
        'cn: EXCH2000',
        'serialNumber: Version 6.0 (Build 6249.4: Service Pack 3)',
      ],
      server: 'EXCH2000',
      build: '6.0.6249.4',
    },
    {
      name: "LDP's dump (numbered attribute lines ending in ';')",
      paste: [
        '>> Dn: CN=EXCH03,CN=Servers,CN=First Administrative Group,CN=Administrative Groups,CN=Fabrikam,CN=Microsoft Exchange,CN=Services,CN=Configuration,DC=fabrikam,DC=com',
        '\t1> cn: EXCH03;',
        '\t4> objectClass: top; server; msExchBaseClass; msExchExchangeServer;',
        '\t1> serialNumber: Version 6.5 (Build 7638.2: Service Pack 2);',
      ],
      server: 'EXCH03',
      build: '6.5.7638.2',
    },
    {
      name: "ADSI Edit's Attribute Editor copied as text, the server's CN in the path above",
      paste: [
        'Servers > CN=EX07HUB, Attribute Editor (copied):',
        '',
        'Attribute                  Value',
        'msExchCurrentServerRoles   36',
        'serialNumber               Version 8.3 (Build 83.6)',
      ],
      server: 'EX07HUB',
      build: '8.3.83.6',
    },
    {
      name: "Win32_Product as a table, run with -ComputerName: Exchange's row is the build of the one server named",
      paste: [
        'PS C:\\> Get-WmiObject Win32_Product -ComputerName EX10ALL | ft Name,Version',
        '',
        'Name                                          Version',
        '----                                          -------',
        'Microsoft Exchange Server 2010                14.3.123.4',
        'Microsoft Exchange Server Language Pack - ... 14.3.123.4',
        '',
        'EX10ALL is a single multi-role box',
      ],
      server: 'EX10ALL',
      build: '14.3.123.4',
    },
    {
      name: 'A program list copied as text (Programs and Features): the Exchange line gives the build of the one server named',
      paste: [
        'Programs and Features on MAILHQ (copied):',
        'Name                                    Publisher                 Version',
        'Microsoft Exchange Server 2003          Microsoft Corporation     6.5.7638.2',
        'Microsoft .NET Framework 2.0 SP2        Microsoft Corporation     2.2.30729',
      ],
      server: 'MAILHQ',
      build: '6.5.7638.2',
    },
    {
      name: "Get-MailboxServer | fl (ExchangeVersion 0.1 (8.0.535.0) is the object's, never a build): a Mailbox server, its build said in words",
      paste: [
        'Name                 : MBX2007A',
        'RedundantMachines    : {}',
        'ClusteredStorageType : Disabled',
        'ExchangeVersion      : 0.1 (8.0.535.0)',
        '',
        'ExSetup on it says 08.03.0083.006.',
      ],
      server: 'MBX2007A',
      build: '8.3.83.6',
      roles: ['mailbox'],
    },
    {
      name: "WMI's ExchangeServerState: a 4-digit Version is Exchange 2000's or 2003's build, the roles said server by server",
      paste: [
        'Name     Version  ServerState',
        '----     -------  -----------',
        'X2KBE1   6249     0',
        'X2KFE1   6249     0',
        '',
        'exchange 2000 sp3: X2KFE1 is the front-end, X2KBE1 the back-end',
      ],
      server: 'X2KFE1',
      build: '6.0.6249',
      roles: ['front-end'],
    },
  ];
  for (const f of forms)
    it(f.name, () => {
      const listing = read(f.paste.join('\n'));
      const s = listing.servers.find((x) => x.name === f.server);
      assert.ok(s, JSON.stringify(listing.servers.map((x) => x.name)));
      assert.equal(s.build?.lookup.build, f.build);
      assert.ok(!listing.servers.some((x) => /serialnumber/i.test(x.name)));
      if (f.roles) assert.deepEqual(s.roles, f.roles);
    });

  it('Get-StorageGroup | fl: the storage group\'s Server is a Mailbox server (never a server named "First Storage Group")', () => {
    const listing = read(
      ['Name             : First Storage Group', 'Server           : EXMBX07', 'LogFolderPath    : E:\\Logs\\SG1', '', 'Exchange 2007 SP3, single mailbox server'].join('\n'),
    );
    assert.deepEqual(
      listing.servers.map((s) => [s.name, s.roles]),
      [['EXMBX07', ['mailbox']]],
    );
  });

  it('"round robins between HT07-1 and HT07-2 in DNS", "round-robin in DNS": DNS round robin (2007 Hub Transport: Not covered)', () => {
    const g = group(
      judge(
        table(
          ['HT07-1     HubTransport   Version 8.3 (Build 83.6)', 'HT07-2     HubTransport   Version 8.3 (Build 83.6)'],
          'smtp.corp.local round robins between HT07-1 and HT07-2 in DNS. Windows Server 2008 SP2 Enterprise x64.',
        ),
      ),
      'HT07-1',
    );
    assert.equal(g.facts.ha, 'dns-round-robin');
    assert.equal(g.verdict, 'not-covered');
  });

  it('2010 SP3 with its rollup hidden beside 2016: the 2010 servers carry the minimum too (SP3 RU11), never a plain Supported (set P, p24)', () => {
    const groups = judge(
      [
        'Name    ServerRole  AdminDisplayVersion',
        '----    ----------  -------------------',
        'OLD10   Mailbox     Version 14.3 (Build 123.4)',
        'NEW16A  Mailbox     Version 15.1 (Build 2507.6)',
        '',
        'OLD10: single box on 2008 r2 sp1 std. NEW16A: single box on 2016 std, not a DC',
      ].join('\n'),
    );
    const old10 = group(groups, 'OLD10');
    assert.equal(old10.verdict, 'supported-with-conditions');
    assert.ok(old10.decisions[0]!.conditions.some((c) => /Update Rollup 11/.test(c.condition)));
    assert.equal(group(groups, 'NEW16A').verdict, 'supported-with-conditions');
  });

  it('a typed line\'s clause about another role ("the back-end is elsewhere") gives its servers no role (set P, p38: 2003 FEs behind NLB)', () => {
    const listing = read('OWA1 and OWA2 are exchange 2003 sp2 front-ends (6.5.7638) behind windows NLB, the back-end is elsewhere');
    assert.deepEqual(
      listing.servers.map((s) => s.roles),
      [['front-end'], ['front-end']],
    );
  });

  it('a server named only as the witness host ("the fsw on CAS10-1") is not what its clause is about (set P, p19: CAS servers behind NLB, not DAG members)', () => {
    const groups = judge(
      table(
        [
          'CAS10-1    ClientAccess   Version 14.3 (Build 123.4)',
          'CAS10-2    ClientAccess   Version 14.3 (Build 123.4)',
          'MBX10-1    Mailbox        Version 14.3 (Build 123.4)',
          'MBX10-2    Mailbox        Version 14.3 (Build 123.4)',
        ],
        'the CAS array VIP is windows NLB on CAS10-1/2. MBX10-1/2 are a DAG with the fsw on CAS10-1. all 2008 r2 sp1 enterprise, no DCs',
      ),
    );
    assert.equal(group(groups, 'CAS10-1').facts.ha, 'nlb');
    assert.equal(group(groups, 'CAS10-1').verdict, 'supported-with-conditions');
    assert.equal(group(groups, 'MBX10-1').facts.ha, 'dag');
  });

  it('Get-ExchangeServer grouped: ft -GroupBy AdminDisplayVersion (the heading above each table) and Group-Object (servers in braces) (o41, o42)', () => {
    const groupBy = read(
      [
        '   AdminDisplayVersion: Version 8.1 (Build 240.6)',
        '',
        'Name       ServerRole',
        '----       ----------',
        'OLDHUB     HubTransport',
        '',
        '   AdminDisplayVersion: Version 8.3 (Build 83.6)',
        '',
        'Name       ServerRole',
        '----       ----------',
        'NEWMBX     Mailbox',
      ].join('\n'),
    );
    assert.deepEqual(
      groupBy.servers.map((x) => [x.name, x.build?.lookup.build, x.roles]),
      [
        ['OLDHUB', '8.1.240.6', ['hub-transport']],
        ['NEWMBX', '8.3.83.6', ['mailbox']],
      ],
    );
    const groupObject = read(
      ['Count Name                       Group', '----- ----                       -----', '    3 Version 14.3 (Build 123.4) {EX10-1, EX10-2, EX10-3}'].join('\n'),
    );
    assert.deepEqual(
      groupObject.servers.map((x) => [x.name, x.build?.lookup.build]),
      [
        ['EX10-1', '14.3.123.4'],
        ['EX10-2', '14.3.123.4'],
        ['EX10-3', '14.3.123.4'],
      ],
    );
  });

  it('set l26 (written before the code, variants added after) is all right', () => {
    assert.deepEqual(tuningSetMisses(kb, TUNING_L26, { entries: 39, groups: 43 }), []);
  });

  it('cluster nodes named only in the words around cluster.exe\'s res table are its nodes ("Both nodes (MCL-N1, MCL-N2)", "N1, N2, N3")', () => {
    const res = (words: string) =>
      read(
        [
          'Resource             Group                Node            Status',
          '-------------------- -------------------- --------------- ------',
          'EVS1 Network Name    EVS1                 N1              Online',
          'EVS2 Network Name    EVS2                 N2              Online',
          '',
          words,
        ].join('\n'),
      );
    assert.deepEqual(res('3 nodes (N1, N2, N3 - N3 is the passive one), exchange 2003 enterprise sp2').dags[0]!.servers, ['N1', 'N2', 'N3']);
    // A virtual server's or a file server's name of another stem is no node.
    assert.deepEqual(res('the cluster runs EVS1 and EVS2 on N1 and N2, FS-01 is the file server').dags[0]!.servers, ['N1', 'N2']);
  });

  it('"E2K3FE front end and E2K3BE back end": each server its own role, so two groups', () => {
    const groups = judge(
      [
        'Name      Version ServerState',
        '----      ------- -----------',
        'E2K3BE    7638    1',
        'E2K3FE    7638    1',
        '',
        'exchange 2003 sp2, E2K3FE front end and E2K3BE back end, both windows 2003 std sp2, no cluster, no nlb',
      ].join('\n'),
    );
    assert.notEqual(group(groups, 'E2K3FE'), group(groups, 'E2K3BE'));
    assert.equal(group(groups, 'E2K3FE').verdict, 'supported');
  });
});
