import { strict as assert } from 'node:assert';
import { TUNING_L } from '../../bench/listings';
import { listingDesign } from '../../knowledge/listings/listing-design';
import { cellPerLineTables, dashlessHeaders, setupConsoleLines } from '../../knowledge/listings/reshaped-tables';
import { listingReader, tuningSetMisses } from './listing-helpers';
import { sharedKnowledgeBase } from '../support/shared-knowledge';

/**
 * Issue 25 (l25, session 7): what admins of old versions paste that lost its shape (tuning-issue25-l.yaml, written before
 * the code): inventory sheets, tables one cell a line or without dashes, setup's console output, cluster.exe /listowners.
 */
describe('Listings: inventories, reshaped tables and setup output (issue 25, l25 session 7)', () => {
  const kb = sharedKnowledgeBase();
  const read = listingReader(kb);

  it('judges every group of the eleventh tuning set right (test/fixtures/listings/tuning-issue25-l.yaml)', () => {
    assert.deepEqual(tuningSetMisses(kb, TUNING_L, { entries: 24, groups: 37 }), []);
  });

  it('puts a table copied one cell a line back into rows, and leaves a list of words that is no table alone', () => {
    assert.deepEqual(cellPerLineTables(['Server', 'Role', 'Version', 'EX1', 'Mailbox', '15.2.1748.10', 'EX2', 'Mailbox', '15.2.1544.4', '', 'thanks']), [
      'Server\tRole\tVersion',
      'EX1\tMailbox\t15.2.1748.10',
      'EX2\tMailbox\t15.2.1544.4',
      '',
      '',
      'thanks',
    ]);
    // No version in the version column: the lines stay as typed.
    const words = ['Server', 'Role', 'Version', 'EX1', 'Mailbox', 'unknown'];
    assert.deepEqual(cellPerLineTables(words), words);
  });

  it('puts dashes under a header of column names whose rows are aligned under it, and only then', () => {
    const header = 'Server      Role        Version';
    assert.deepEqual(dashlessHeaders([header, 'EX1         Mailbox     15.2.1748.10']), [header, '------      ----        -------', 'EX1         Mailbox     15.2.1748.10']);
    // A sentence whose words happen to be spaced is no header; a row not aligned under it leaves it alone.
    assert.deepEqual(dashlessHeaders([header, 'EX1 Mailbox 15.2.1748.10']), [header, 'EX1 Mailbox 15.2.1748.10']);
  });

  it("reads setup's console output as the version and roles of the server named above it, never a setup that failed", () => {
    const output = [
      'upgrade done on EX10-UP1:',
      'Welcome to Microsoft Exchange Server 2010 Service Pack 3 Unattended Setup',
      'Configuring Microsoft Exchange Server',
      '    Mailbox Server Role               ......................... COMPLETED',
      '    Client Access Server Role         ......................... COMPLETED',
      'The Microsoft Exchange Server setup operation completed successfully.',
    ];
    const listing = read(output.join('\n'));
    assert.deepEqual(
      listing.servers.map((s) => [s.name, s.named, s.roles]),
      [['EX10-UP1', 'Exchange 2010 SP3', ['mailbox', 'client-access']]],
    );
    const failed = output.map((l) =>
      l.replace('Client Access Server Role         ......................... COMPLETED', 'Client Access Server Role         ......................... FAILED'),
    );
    assert.deepEqual(setupConsoleLines(failed), failed);
  });

  it("reads cluster.exe's /listowners output as the nodes of the cluster the command names", () => {
    const listing = read(
      [
        'C:\\>cluster /cluster:CL7 group "EVS7" /listowners',
        "Listing preferred owners for resource group 'EVS7':",
        '',
        'Preferred Owner Nodes',
        '---------------------',
        'N7-A',
        'N7-B',
        '',
        'Exchange 2003 SP2 Enterprise on both nodes',
      ].join('\n'),
    );
    assert.deepEqual(listing.dags, [{ name: 'CL7', servers: ['N7-A', 'N7-B'], kind: 'cluster' }]);
  });

  it('reads the Windows service pack said around a paste, so a minimum it meets is no condition', () => {
    const table = 'Name     ServerRole  AdminDisplayVersion\n----     ----------  -------------------\nEX10     Mailbox     Version 14.3 (Build 123.4)\n\nsingle server, no DAG, ';
    const [sp1] = listingDesign(read(`${table}Windows Server 2008 R2 Enterprise SP1`), kb);
    assert.equal(sp1?.facts.windowsServicePack, '1');
    assert.equal(sp1?.verdict, 'supported');
    const [unsaid] = listingDesign(read(`${table}Windows Server 2008 R2 Enterprise`), kb);
    assert.equal(unsaid?.verdict, 'supported-with-conditions');
    const [rtm] = listingDesign(read(`${table}Windows Server 2008 R2 Enterprise RTM`), kb);
    assert.equal(rtm?.verdict, 'not-supported');
  });

  it("reads an inventory's separate service-pack column, Get-ExchangeServer's role flags and OWA's About page", () => {
    const sheet = read('Server\tExchange Version\tService Pack\tOS\nEXCH01\tExchange 2003\tSP2\tWindows Server 2003 Standard\nEXCH16\tExchange 2016\t23\tWindows Server 2016');
    assert.deepEqual(
      sheet.servers.map((s) => s.named),
      ['Exchange 2003 SP2', 'Exchange 2016 CU23'],
    );
    const flags = read(
      'Name   IsMailboxServer IsClientAccessServer AdminDisplayVersion\n----   --------------- -------------------- -------------------\nEX10A             True                 True Version 14.3 (Build 123.4)\nEX10B             True                False Version 14.3 (Build 123.4)',
    );
    assert.deepEqual(
      flags.servers.map((s) => s.roles),
      [['mailbox', 'client-access'], ['mailbox']],
    );
    const owa = read(
      'User name: Jane Doe\nExchange mailbox server: MBX07.contoso.local\nExchange mailbox server version: 8.3.83.6\nExchange Client Access server name: CAS07.contoso.local\nMicrosoft Exchange Client Access server version: 8.3.83.6',
    );
    assert.deepEqual(
      owa.servers.map((s) => [s.name, s.roles, s.build?.lookup.build]),
      [
        ['MBX07', ['mailbox'], '8.3.83.6'],
        ['CAS07', ['client-access'], '8.3.83.6'],
      ],
    );
  });

  it("judges what w5's set K showed a paste settles: a DC by CsDomainRole, a witness that is a member, Windows 2000 Server said in words", () => {
    const bdc = listingDesign(
      read(
        'Name    : DAG-X\nServers : {SX-A, SX-B}\nWitnessServer : FS1.corp.local\n\nCsName CsDomainRole           WindowsProductName\n------ ------------           ------------------\nSX-A   MemberServer           Windows Server 2022 Standard\nSX-B   BackupDomainController Windows Server 2022 Standard\n\nboth Version 15.2 (Build 2562.17)',
      ),
      kb,
    );
    assert.deepEqual(
      bdc.map((g) => [g.facts.domainController, g.verdict]),
      [['yes', 'not-supported']],
    );
    const [member] = listingDesign(
      read('Name : DAG-Z\nServers : {Z1, Z2, Z3, Z4}\nWitnessServer : Z3.corp.local\n\nall four: Version 15.2 (Build 1748.10), Windows Server 2019 Datacenter'),
      kb,
    );
    assert.equal(member?.facts.witness, 'no');
    const [plain] = listingDesign(
      read(
        'Node           Node ID Status\n-------------- ------- ------\nCL1                  1 Up\nCL2                  2 Up\n\nexchange 2000 enterprise sp3 on both; OS = Windows 2000 Server SP4 (not Advanced)',
      ),
      kb,
    );
    assert.deepEqual([plain?.facts.windows, plain?.facts.windowsEdition, plain?.verdict], ['2000', 'server', 'not-supported']);
    // cluster.exe's group table: three Exchange virtual servers on three nodes (C8: at most n-1); the cluster's own group is none.
    const groups = [
      'Cluster Group        N1              Online',
      'EVS-A                N1              Online',
      'EVS-B                N2              Online',
      'EVS-C                N3              Online',
    ];
    const [evs] = listingDesign(
      read(
        ['Group                Node            Status', '-------------------- --------------- ------', ...groups, '', 'exchange 2003 ent sp2 on windows 2003 enterprise'].join(
          '\n',
        ),
      ),
      kb,
    );
    assert.deepEqual([evs?.facts.nodes, evs?.facts.instances, evs?.verdict], ['3', '3', 'not-supported']);
  });

  it('names a coexistence the table holds only as recalled as a condition of the newer group', () => {
    const groups = listingDesign(
      read(
        'Name      ServerRole  AdminDisplayVersion\n----      ----------  -------------------\nOLD03     None        Version 6.5 (Build 7638.2: Service Pack 2)\nNEW10     Mailbox     Version 14.3 (Build 123.4)\n\nNEW10 is a single server on 2008 R2 Standard SP1',
      ),
      kb,
    );
    const newer = groups.find((g) => g.facts.version === '2010');
    assert.equal(newer?.verdict, 'supported-with-conditions');
    assert.ok(newer?.decisions[0]?.conditions.some((c) => c.id === 'coexistence-recalled-1' && /as recalled/.test(c.condition)));
  });
});
