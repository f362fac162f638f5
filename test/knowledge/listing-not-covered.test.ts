import { strict as assert } from 'node:assert';
import { listingDesign, type ListingGroup } from '../../knowledge/listings/listing-design';
import { listingReader, tuningSetMisses } from './listing-helpers';
import { TUNING_L25B } from '../../bench/listings';
import { sharedKnowledgeBase } from '../support/shared-knowledge';

/**
 * Issue 25, session 9 (l25): groups whose setup the sources leave open are "Not covered", never decided on a
 * design the paste's shape suggests. The design said around a paste (Windows NLB, a load balancer, DNS round robin)
 * says more than "in no DAG the paste lists"; a DAG whose members also run NLB is the pair the table reads together.
 */
describe('Listings: designs the sources leave open (issue 25, session 9)', () => {
  const kb = sharedKnowledgeBase();
  const read = listingReader(kb);
  const judge = (text: string): ListingGroup[] => listingDesign(read(text), kb);
  const group = (groups: readonly ListingGroup[], name: string): ListingGroup => {
    const found = groups.find((g) => g.servers.some((s) => s.name === name));
    assert.ok(found, `no group holds ${name}`);
    return found;
  };
  const table = (rows: string[]) => ['Name      ServerRole    AdminDisplayVersion', '----      ----------    -------------------', ...rows, ''];

  const cases: { name: string; paste: string[]; server: string; ha: string; verdict: string; also?: Record<string, string> }[] = [
    {
      name: '"No DAG" and then Windows NLB said: NLB in front of 2016 Mailbox servers outside a DAG (M-6: not covered)',
      paste: [
        ...table(['EX16-A    Mailbox       Version 15.1 (Build 2507.6)', 'EX16-B    Mailbox       Version 15.1 (Build 2507.6)']),
        'Both on Server 2016 Datacenter. No DAG. EX16-A and EX16-B sit behind Windows NLB.',
      ],
      server: 'EX16-A',
      ha: 'nlb',
      verdict: 'not-covered',
    },
    {
      name: 'DNS round robin said for two 2003 front-ends, after "No NLB" (exchange-2000-2003-rest: not covered, never a plain Supported)',
      paste: [
        ...table(['FE-EX1    Front End     Version 6.5 (Build 7638.2: Service Pack 2)', 'FE-EX2    Front End     Version 6.5 (Build 7638.2: Service Pack 2)']),
        'No NLB, just DNS round robin between FE-EX1 and FE-EX2. Windows Server 2003 R2 Standard SP2 on both.',
      ],
      server: 'FE-EX1',
      ha: 'dns-round-robin',
      verdict: 'not-covered',
    },
    {
      name: 'Two Edge servers behind a Kemp VIP, the sentence naming the edges (modern-rest: not covered)',
      paste: [
        ...table(['EDGE16-1  Edge          Version 15.1 (Build 2507.6)', 'EDGE16-2  Edge          Version 15.1 (Build 2507.6)']),
        'both edges are in the DMZ workgroup, Windows Server 2016 Standard, published behind a Kemp LoadMaster VIP for inbound SMTP',
      ],
      server: 'EDGE16-1',
      ha: 'load-balancer',
      verdict: 'not-covered',
    },
    {
      name: 'A listing of Edge servers only: a load balancer said with no role named is theirs, a clashing remark in parentheses set aside (o38)',
      paste: [
        ...table(['SE-EDGE-A Edge          Version 15.2 (Build 2562.17)', 'SE-EDGE-B Edge          Version 15.2 (Build 2562.17)']),
        'workgroup, 2025 std, both behind one netscaler VIP for inbound smtp (single MX record pointing at the VIP)',
      ],
      server: 'SE-EDGE-A',
      ha: 'load-balancer',
      verdict: 'not-covered',
    },
    {
      name: 'NLB said for the members of a listed DAG: the DAG stays, NLB on its members is stated (Not supported)',
      paste: [
        ...table(['DM1       Mailbox       Version 15.2 (Build 1748.10)', 'DM2       Mailbox       Version 15.2 (Build 1748.10)']),
        'Name    Servers',
        '----    -------',
        'DAG19   {DM1, DM2}',
        '',
        'we also put Windows NLB on DM1 and DM2 for OWA. Windows Server 2022 Standard.',
      ],
      server: 'DM1',
      ha: 'dag',
      verdict: 'not-supported',
      also: { nlbOnSameServers: 'yes' },
    },
    {
      name: 'A sentence wrapped in a mail ("the two FEs sit / behind Windows NLB") gives NLB to the front-ends only',
      paste: [
        ...table(['MAILBE01  Back End      Version 6.5 (Build 7638.2: Service Pack 2)', 'MAILFE01  Front End     Version 6.5 (Build 7638.2: Service Pack 2)']),
        'All: Windows Server 2003 R2 Standard Edition SP2, 32-bit. No cluster anywhere; the two FEs sit',
        'behind Windows NLB (OWA + RPC/HTTP).',
      ],
      server: 'MAILBE01',
      ha: 'none',
      verdict: 'supported',
    },
    {
      name: 'A DAG named in words that deny it ("Einzelserver, kein DAG") never undoes the paste\'s single server',
      paste: [...table(['HAM-EX16  Mailbox       Version 15.1 (Build 2507.6)']), 'Windows Server 2016 Standard. Einzelserver, kein DAG.'],
      server: 'HAM-EX16',
      ha: 'none',
      verdict: 'supported-with-conditions',
    },
  ];
  for (const c of cases)
    it(c.name, () => {
      const g = group(judge(c.paste.join('\n')), c.server);
      assert.equal(g.facts.ha, c.ha);
      assert.equal(g.verdict, c.verdict);
      for (const [d, v] of Object.entries(c.also ?? {})) assert.equal(g.facts[d], v, d);
    });

  const clusterCases: { name: string; paste: string[]; dag: string; workloads: string[]; server: string; verdict: string; instances?: number }[] = [
    {
      name: "cluster.exe's group table: a file server group beside the Exchange virtual server is another workload, no EVS (W10: not covered)",
      paste: [
        'C:\\>cluster group',
        'Group                Node            Status',
        '-------------------- --------------- ------',
        'Cluster Group        BENODE1         Online',
        'EVS1                 BENODE1         Online',
        'FileShares           BENODE2         Online',
        '',
        'BENODE1 and BENODE2: Exchange 2003 Enterprise SP2 (6.5.7638.2), Windows Server 2003 Enterprise SP2, active/passive cluster.',
      ],
      dag: 'cluster',
      workloads: ['FileShares'],
      server: 'BENODE1',
      verdict: 'not-covered',
      instances: 1,
    },
    {
      name: "Get-ClusterGroup of a DAG's cluster: a print server group makes the DAG not supported (M-5)",
      paste: [
        'PS C:\\> Get-ClusterGroup -Cluster DAG-OPS',
        '',
        'Name                  OwnerNode  State',
        '----                  ---------  -----',
        'Available Storage     OPS-EX1    Offline',
        'Cluster Group         OPS-EX1    Online',
        'PRINT-OPS             OPS-EX2    Online',
        '',
        'Name          : DAG-OPS',
        'Servers       : {OPS-EX1, OPS-EX2}',
        'WitnessServer : ops-fs01',
        '',
        'OPS-EX1 Version 15.2 (Build 2562.17)',
        'OPS-EX2 Version 15.2 (Build 2562.17)',
      ],
      dag: 'DAG-OPS',
      workloads: ['PRINT-OPS'],
      server: 'OPS-EX1',
      verdict: 'not-supported',
    },
    {
      name: 'Get-ClusterResource names no node: its resources go to the DAG of the cluster it was run for',
      paste: [
        'PS C:\\> Get-ClusterResource -Cluster DAG-FIN | ft Name,ResourceType,OwnerGroup',
        '',
        'Name                        ResourceType           OwnerGroup',
        '----                        ------------           ----------',
        'Cluster Name                Network Name           Cluster Group',
        'File Share Witness          File Share Witness     Cluster Group',
        'SQL Server (FIN)            SQL Server             SQL Server (FIN)',
        '',
        'Name    : DAG-FIN',
        'Servers : {FIN-EX1, FIN-EX2}',
        '',
        'FIN-EX1 Version 15.2 (Build 1748.10)',
        'FIN-EX2 Version 15.2 (Build 1748.10)',
      ],
      dag: 'DAG-FIN',
      workloads: ['SQL Server (FIN)'],
      server: 'FIN-EX1',
      verdict: 'not-supported',
    },
  ];
  for (const c of clusterCases)
    it(c.name, () => {
      const listing = read(c.paste.join('\n'));
      const dag = listing.dags.find((d) => d.name === c.dag);
      assert.ok(dag, `no DAG or cluster ${c.dag}: ${listing.dags.map((d) => d.name).join(', ')}`);
      assert.deepEqual(dag.otherWorkloads, c.workloads);
      if (c.instances !== undefined) assert.equal(dag.instances, c.instances);
      const g = group(listingDesign(listing, kb), c.server);
      assert.equal(g.facts.clusterWorkloads, 'yes');
      assert.equal(g.verdict, c.verdict);
    });

  it("cluster.exe's res table: one virtual server's resources are one instance (o45)", () => {
    const listing = read(
      [
        'C:\\>cluster /cluster:MBXCL res',
        'Resource                                   Group          Node       Status',
        '------------------------------------------ -------------- ---------- ------',
        'Cluster IP Address                         Cluster Group  CLN-A      Online',
        'Exchange Information Store Instance (EVS1) EVS1           CLN-A      Online',
        'Exchange System Attendant - (EVS1)         EVS1           CLN-A      Online',
        'Exchange Routing Service Instance (EVS1)   EVS1           CLN-A      Online',
        '',
        'exchange 2003 sp2 enterprise, w2k3 enterprise sp2',
      ].join('\n'),
    );
    assert.equal(listing.dags[0]?.instances, 1);
    assert.equal(listing.dags[0]?.otherWorkloads, undefined);
  });

  it('a cluster of Exchange virtual servers only states no other workload', () => {
    const listing = read(
      [
        'C:\\>cluster group',
        'Group                Node            Status',
        '-------------------- --------------- ------',
        'EVS-A                MCN1            Online',
        'EVS-B                MCN2            Online',
        '',
        'Exchange 2003 SP2 on both nodes',
      ].join('\n'),
    );
    assert.equal(listing.dags[0]?.otherWorkloads, undefined);
    assert.equal(listing.dags[0]?.instances, 2);
  });

  it('Get-NlbClusterNode lists Windows NLB hosts, no failover cluster: two 2019 Mailbox servers in no DAG are Not covered (M-6)', () => {
    const listing = read(
      [
        'Name  ServerRole AdminDisplayVersion',
        '----  ---------- -------------------',
        'MBX01 Mailbox    Version 15.2 (Build 1748.10)',
        'MBX02 Mailbox    Version 15.2 (Build 1748.10)',
        '',
        'PS C:\\> Get-NlbClusterNode',
        '',
        'Name   State     Interface',
        '----   -----     ---------',
        'MBX01  Converged Ethernet0',
        'MBX02  Converged Ethernet0',
        '',
        'both Windows Server 2022 Standard. we never built a DAG, NLB gives us the failover',
      ].join('\n'),
    );
    assert.deepEqual(listing.dags, []);
    assert.ok(listing.servers.every((s) => s.nlb));
    const g = group(listingDesign(listing, kb), 'MBX01');
    assert.equal(g.facts.ha, 'nlb');
    assert.equal(g.verdict, 'not-covered');
  });

  it("systeminfo's OS Version gives the service pack of Windows up to 2008 R2 (N/A is none): 2013 on 2008 R2 Datacenter RTM is Not covered (A-35)", () => {
    const paste = (version: string) =>
      [
        'Host Name:                 EX13-MBX',
        'OS Name:                   Microsoft Windows Server 2008 R2 Datacenter',
        `OS Version:                ${version}`,
        'System Type:               x64-based PC',
        '',
        'ExSetup.exe on it: 15.0.1497.2. it is our only Exchange server (mailbox + CAS).',
      ].join('\n');
    const rtm = read(paste('6.1.7600 N/A Build 7600'));
    assert.equal(rtm.servers[0]?.osServicePack, 0);
    assert.equal(group(listingDesign(rtm, kb), 'EX13-MBX').verdict, 'not-covered');
    const sp1 = read(paste('6.1.7601 Service Pack 1 Build 7601'));
    assert.equal(sp1.servers[0]?.osServicePack, 1);
    assert.notEqual(group(listingDesign(sp1, kb), 'EX13-MBX').verdict, 'not-covered');
    // Windows Server 2016 and later print N/A always: no service pack fact from it.
    assert.equal(read(paste('10.0.14393 N/A Build 14393')).servers[0]?.osServicePack, undefined);
  });

  it('set l25b (written before the code) is all right', () => {
    assert.deepEqual(tuningSetMisses(kb, TUNING_L25B, { entries: 16, groups: 16 }), []);
  });

  it('servers said to be one cluster ("all three are one MSCS cluster") are its nodes: 3 nodes on Windows 2000 Advanced Server (o05)', () => {
    const g = judge(
      [
        'Server      Version                                      Role',
        'OLDCL-N1    Version 6.5 (Build 7638.2: Service Pack 2)   Back-end (clustered)',
        'OLDCL-N2    Version 6.5 (Build 7638.2: Service Pack 2)   Back-end (clustered)',
        'OLDCL-N3    Version 6.5 (Build 7638.2: Service Pack 2)   Back-end (clustered)',
        '',
        'all three are one MSCS cluster on Windows 2000 Advanced Server SP4, Exchange 2003 Enterprise',
      ].join('\n'),
    );
    assert.equal(group(g, 'OLDCL-N1').facts.nodes, '3');
    assert.equal(group(g, 'OLDCL-N1').verdict, 'not-supported');
  });

  const dagPaste = (ip: string, cores: [string, string] = ['Server', 'Server']) =>
    [
      'CsName                  : E-A',
      'OsName                  : Microsoft Windows Server 2016 Standard',
      `WindowsInstallationType : ${cores[0]}`,
      '',
      'CsName                  : E-B',
      'OsName                  : Microsoft Windows Server 2016 Standard',
      `WindowsInstallationType : ${cores[1]}`,
      '',
      'Name                                 : DAG1',
      'Servers                              : {E-A, E-B}',
      'WitnessServer                        : fs1.contoso.local',
      `DatabaseAvailabilityGroupIpAddresses : {${ip}}`,
      '',
      'Name AdminDisplayVersion',
      '---- -------------------',
      'E-A  Version 15.1 (Build 2507.6)',
      'E-B  Version 15.1 (Build 2507.6)',
    ].join('\n');

  it('DatabaseAvailabilityGroupIpAddresses {255.255.255.255} is an IP-less DAG; an address is a DAG with an access point (m44)', () => {
    assert.equal(read(dagPaste('255.255.255.255')).dags[0]?.withoutAccessPoint, true);
    assert.equal(read(dagPaste('10.0.0.50')).dags[0]?.withoutAccessPoint, false);
    const tenTen = read(
      [
        'Name                                 : DAG10-NOIP',
        'Servers                              : {E10-M1, E10-M2}',
        'WitnessServer                        : E10-FS.contoso.local',
        'DatabaseAvailabilityGroupIpAddresses : {255.255.255.255}',
        '',
        'E10-M1 Version 14.3 (Build 123.4)',
        'E10-M2 Version 14.3 (Build 123.4)',
        '',
        'both windows server 2008 r2 enterprise sp1',
      ].join('\n'),
    );
    const g = group(listingDesign(tenTen, kb), 'E10-M1');
    assert.equal(g.facts.dagWithoutAccessPoint, 'yes');
    assert.equal(g.verdict, 'not-supported');
  });

  it("one DAG member on Server Core is the DAG's fact: one group, Not supported for Exchange 2016 (m43)", () => {
    const groups = listingDesign(read(dagPaste('10.0.0.50', ['Server', 'Server Core'])), kb);
    const g = group(groups, 'E-A');
    assert.deepEqual(
      g.servers.map((s) => s.name),
      ['E-A', 'E-B'],
    );
    assert.equal(g.facts.serverCore, 'yes');
    assert.equal(g.verdict, 'not-supported');
  });

  it('a sentence naming other servers only gives its Windows to them, every clause of it (o10)', () => {
    const groups = judge(
      [
        'Name     ServerRole                          AdminDisplayVersion',
        '----     ----------                          -------------------',
        'OLD2K3   None                                Version 6.5 (Build 7638.2: Service Pack 2)',
        'NEW2K10  Mailbox, ClientAccess, HubTransport Version 14.3 (Build 123.4)',
        '',
        'OLD2K3 is the old back-end, single, w2k3 std sp2. NEW2K10 is a single server too, 2008 r2 sp1 standard',
      ].join('\n'),
    );
    assert.equal(group(groups, 'OLD2K3').facts.windows, '2003');
    assert.equal(group(groups, 'NEW2K10').facts.windows, '2008-r2');
  });

  it("ESM's tab-separated export list: its Front End column (Yes/No) gives front-end and back-end servers two groups (o08)", () => {
    const listing = read(
      [
        'Server Name\tVersion\tAdministrative Group\tFront End',
        'NYC-X2K-FE\tVersion 6.0 (Build 6249.4: Service Pack 3)\tNYC\tYes',
        'NYC-X2K-BE\tVersion 6.0 (Build 6249.4: Service Pack 3)\tNYC\tNo',
        '',
        'Exchange 2000 Enterprise Server on both, Windows 2000 Server SP4, no clustering',
      ].join('\n'),
    );
    assert.deepEqual(
      listing.servers.map((s) => [s.name, s.roles]),
      [
        ['NYC-X2K-FE', ['front-end']],
        ['NYC-X2K-BE', ['back-end']],
      ],
    );
    assert.equal(listingDesign(listing, kb).length, 2);
  });
});
