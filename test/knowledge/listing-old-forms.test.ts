import { strict as assert } from 'node:assert';
import { TUNING_J } from '../../bench/listings';
import { listingDesign } from '../../knowledge/listings/listing-design';
import { listingReader, tuningSetMisses } from './listing-helpers';
import { sharedKnowledgeBase } from '../support/shared-knowledge';

/**
 * Issue 25 (l25): forms of old versions and of pastes a mail client reshaped (tuning-issue25-j.yaml, written before the
 * parser changed): ESM's "Export List" with its Type column, ExchangeSetup.log's version lines, a row wrapped before
 * its "(Build N.N)".
 */
describe("Listings: old versions' exports, setup logs and mail-wrapped rows (issue 25, l25)", () => {
  const kb = sharedKnowledgeBase();
  const read = listingReader(kb);

  it('judges every group of the tenth tuning set right (test/fixtures/listings/tuning-issue25-j.yaml)', () => {
    assert.deepEqual(tuningSetMisses(kb, TUNING_J, { entries: 18, groups: 25 }), []);
  });

  it('reads the role from ESM\'s Type column ("Front-end server", "Back End")', () => {
    const listing = read('Name\tType\tVersion\nFE1\tFront-end server\tVersion 6.5 (Build 7638.2: Service Pack 2)\nBE1\tBack End\tVersion 6.5 (Build 7638.2: Service Pack 2)');
    assert.deepEqual(
      listing.servers.map((s) => [s.name, s.roles]),
      [
        ['FE1', ['front-end']],
        ['BE1', ['back-end']],
      ],
    );
  });

  it('reads ExchangeSetup.log\'s "Setup version" line as the build of the server named above it', () => {
    const listing = read(
      [
        'setup log from EX-LOG2:',
        '[03/14/2024 10:22:11.0123] [0] Starting Microsoft Exchange Server 2019 Cumulative Update 14 Setup',
        '[03/14/2024 10:22:11.0126] [0] Local time zone: (UTC) Coordinated Universal Time.',
        '[03/14/2024 10:22:11.0130] [0] Setup version: 15.2.1544.4.',
      ].join('\n'),
    );
    assert.deepEqual(
      listing.servers.map((s) => [s.name, s.build?.lookup.build]),
      [['EX-LOG2', '15.2.1544.4']],
    );
  });

  it('joins a "(Build N.N)" a mail client wrapped onto its own line back to its row, and only there', () => {
    const listing = read(
      'Name     ServerRole  AdminDisplayVersion\n----     ----------  -------------------\nEX1      Mailbox     Version 15.2\n(Build 1748.10)\nEX2      Mailbox     Version 15.2\n(Build 1748.10)',
    );
    assert.deepEqual(
      listing.servers.map((s) => s.build?.lookup.build),
      ['15.2.1748.10', '15.2.1748.10'],
    );
    // A "(build ...)" line under a line that does not end in a version stays a line of its own.
    const apart = read('EX1 15.2.1748.10\nEX2 15.2.1544.4\n(build 1544.4 is CU14, right?)');
    assert.deepEqual(
      apart.servers.map((s) => s.build?.lookup.build),
      ['15.2.1748.10', '15.2.1544.4'],
    );
  });

  it('reads a German systeminfo (Hostname, Betriebssystemname, Betriebssystemkonfiguration, Systemtyp) and "kein DAG"', () => {
    const listing = read(
      [
        'Hostname:                                  MUC-EX19',
        'Betriebssystemname:                        Microsoft Windows Server 2019 Datacenter',
        'Betriebssystemkonfiguration:               Sicherungsdomänencontroller',
        'Systemtyp:                                 x64-based PC',
        '',
        'Name                : MUC-EX19',
        'ServerRole          : Mailbox',
        'AdminDisplayVersion : Version 15.2 (Build 1748.10)',
        '',
        'Einzelserver, kein DAG.',
      ].join('\n'),
    );
    const [server] = listing.servers;
    assert.equal(server?.os, 'Microsoft Windows Server 2019 Datacenter');
    assert.equal(server?.systemType, 'x64-based PC');
    assert.equal(server?.domainController, true);
    const [group] = listingDesign(listing, kb);
    assert.equal(group?.facts.ha, 'none');
  });

  it('reads AdminDisplayVersion printed as its parts (Major, Minor, Build, Revision) for the server the command names', () => {
    const listing = read('[PS] C:\\> (Get-ExchangeServer LYS-MB7).AdminDisplayVersion\n\nMajor  Minor  Build  Revision\n-----  -----  -----  --------\n15     1      2507   6');
    assert.deepEqual(
      listing.servers.map((s) => [s.name, s.build?.lookup.build]),
      [['LYS-MB7', '15.1.2507.6']],
    );
  });

  it('reads servers numbered after one prefix ("KRK-MBX1+2", "EX1/2/3") as the members of the DAG the words name', () => {
    const rows = ['Name     AdminDisplayVersion', '----     -------------------', ...['EX1', 'EX2', 'EX3'].map((n) => `${n.padEnd(8)} Version 15.2 (Build 1748.10)`)];
    for (const words of ['EX1/2/3 are DAG-ONE', 'EX1+2+3 = DAG "DAG-ONE"']) {
      const listing = read([...rows, '', words].join('\n'));
      assert.deepEqual(
        listing.servers.map((s) => s.dag),
        ['DAG-ONE', 'DAG-ONE', 'DAG-ONE'],
        words,
      );
    }
  });

  it("reads wmic's /value output and reg query of Exchange's Setup key as a server and its build", () => {
    const wmic = read(
      'C:\\>wmic /namespace:\\\\root\\MicrosoftExchangeV2 path Exchange_Server get /value\n\nExchangeVersion=Version 6.5 (Build 7638.2: Service Pack 2)\nIsFrontEndServer=TRUE\nName=FE-OLD2\n',
    );
    assert.deepEqual(
      wmic.servers.map((s) => [s.name, s.build?.lookup.build, s.roles]),
      [['FE-OLD2', '6.5.7638.2', ['front-end']]],
    );
    const reg = read(
      'C:\\>reg query \\\\MBX-R15\\HKLM\\SOFTWARE\\Microsoft\\ExchangeServer\\v15\\Setup\n\n    MsiProductMajor    REG_DWORD    0xf\n    MsiProductMinor    REG_DWORD    0x2\n    MsiBuildMajor    REG_DWORD    0x6d4\n    MsiBuildMinor    REG_DWORD    0xa\n',
    );
    assert.deepEqual(
      reg.servers.map((s) => [s.name, s.build?.lookup.build]),
      [['MBX-R15', '15.2.1748.10']],
    );
  });

  it("reads cluster.exe's group table's owner nodes, one cluster with its node table", () => {
    const listing = read(
      [
        'C:\\>cluster /cluster:CL9 group',
        'Group                Node            Status',
        '-------------------- --------------- ------',
        'Cluster Group        N9-A            Online',
        'EVS9                 N9-A            Online',
        '',
        'C:\\>cluster /cluster:CL9 node',
        'Node           Node ID Status',
        '-------------- ------- ---------------------',
        'N9-A                 1 Up',
        'N9-B                 2 Up',
        '',
        'Exchange 2003 SP2 on both nodes',
      ].join('\n'),
    );
    // EVS9 is the one Exchange virtual server of its group table (the Cluster Group is the cluster's own), named (session 14 l30).
    assert.deepEqual(listing.dags, [{ name: 'CL9', servers: ['N9-A', 'N9-B'], kind: 'cluster', instances: 1, virtualServers: ['EVS9'] }]);
  });

  it("reads Win32_Product's Exchange entry as the build of the computer the command names", () => {
    const listing = read(
      'PS> Get-WmiObject Win32_Product -ComputerName HUB07-B | ? Name -like "*Exchange*" | fl Name,Version\n\nName    : Microsoft Exchange Server\nVersion : 8.3.83.6\n',
    );
    assert.deepEqual(
      listing.servers.map((s) => [s.name, s.build?.lookup.build]),
      [['HUB07-B', '8.3.83.6']],
    );
  });

  it('reads "servers -> what they are" lines, their DAG, and the Exchange version their header names', () => {
    const listing = read(
      ['exchange 2016 estate, all CU23:', 'MB-1, MB-2 => DAG-X, windows 2016 standard', 'EDGE-9 -> edge transport, workgroup, windows 2016 standard'].join('\n'),
    );
    assert.deepEqual(
      listing.servers.map((s) => [s.name, s.named, s.dag ?? '', s.roles]),
      [
        ['MB-1', 'Exchange 2016 CU23', 'DAG-X', ['mailbox']],
        ['MB-2', 'Exchange 2016 CU23', 'DAG-X', ['mailbox']],
        ['EDGE-9', 'Exchange 2016 CU23', '', ['edge-transport']],
      ],
    );
    const edge = listingDesign(listing, kb).find((g) => g.servers.some((s) => s.name === 'EDGE-9'));
    assert.equal(edge?.facts.edgeDomainJoined, 'no');
    // A header naming a Windows year alone names no Exchange version.
    const windowsOnly = read(['all on windows server 2019:', 'EX-A, EX-B -> mailbox, DAG "D1"'].join('\n'));
    assert.deepEqual(
      windowsOnly.servers.map((s) => s.named),
      [undefined, undefined],
    );
  });
});
