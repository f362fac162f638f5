import { strict as assert } from 'node:assert';
import { listingDesign, type ListingGroup } from '../../knowledge/listings/listing-design';
import { parseListing } from '../../knowledge/listings/listing-parser';
import { listingReader } from './listing-helpers';
import { sharedKnowledgeBase } from '../support/shared-knowledge';

/**
 * Issue 25 (l25, session 8): lines typed under or beside a listing that name their servers, from the outsider set K's
 * misses: per-server Windows lines with their service packs (k24), a property's name typed before a build
 * ("AdminDisplayVersion on both: ...", k33/k40; "ESM > Servers > EX2000 > Properties: ...", k38), reg query's own
 * lines (k11) and a server's properties copied by hand (k03).
 */
describe('Listings: lines that name their servers (issue 25, l25 session 8)', () => {
  const kb = sharedKnowledgeBase();
  const read = listingReader(kb);
  const judge = (text: string): ListingGroup[] => listingDesign(read(text), kb, {});
  const groupOf = (groups: readonly ListingGroup[], name: string): ListingGroup => {
    const found = groups.find((g) => g.servers.some((s) => s.name === name));
    assert.ok(found, `no group holds ${name}`);
    return found;
  };
  const esm = 'Name\tType\tVersion\nRG1-EX\tBack-End Server\tVersion 6.5 (Build 7638.2: Service Pack 2)\nRG2-EX\tBack-End Server\tVersion 6.5 (Build 7638.2: Service Pack 2)\n\n';

  it('gives each server the Windows of the line led by its name, service pack included, and judges them apart', () => {
    const groups = judge(`${esm}RG1-EX: Windows 2000 Server SP4\nRG2-EX: Windows 2000 Server SP2 (never patched, don't ask)\n`);
    assert.equal(groups.length, 2);
    assert.equal(groupOf(groups, 'RG1-EX').facts.windowsServicePack, '4');
    assert.equal(groupOf(groups, 'RG2-EX').facts.windowsServicePack, '2');
    // Exchange 2003 needs Windows 2000 SP3 or later: the server on SP2 alone is Not supported.
    assert.equal(groupOf(groups, 'RG2-EX').verdict, 'not-supported');
    assert.notEqual(groupOf(groups, 'RG1-EX').verdict, 'not-supported');
  });

  it('reads the clauses of one line apart, with "is on", "is still", "runs" and "=" between name and Windows', () => {
    const table = (a: string, b: string) =>
      `Name : ${a}\nServerRole : Mailbox\nAdminDisplayVersion : Version 15.2 (Build 2562.17)\n\nName : ${b}\nServerRole : Mailbox\nAdminDisplayVersion : Version 15.2 (Build 2562.17)\n\n`;
    const cases: [string, string, string][] = [
      ['SE-A is on Windows Server 2022 Standard; SE-B is still Windows Server 2016 Standard (in-place)', '2022', '2016'],
      ['SE-A: Windows Server 2019 Standard. SE-B: Windows Server 2025 Datacenter. both standalone, no DAG.', '2019', '2025'],
      ['SE-A = windows server 2022 standard; SE-B runs Windows Server 2019 Standard', '2022', '2019'],
      // w6's m20: clauses cut at a comma before a listed server's name, a Windows-only year (2008, 2012) or "Server 2016".
      ['SE-A is on 2012 R2 Standard, SE-B got reinstalled on Server 2016 Standard. all standalone', '2012-r2', '2016'],
      ['SE-A = 2019 std, SE-B = w2k8 r2', '2019', '2008-r2'],
    ];
    for (const [words, a, b] of cases) {
      const listing = read(`${table('SE-A', 'SE-B')}${words}\n`);
      const os = Object.fromEntries(listing.servers.map((s) => [s.name, kb.recognizer.extract(s.os ?? '').facts.windows]));
      assert.deepEqual(os, { 'SE-A': a, 'SE-B': b }, words);
      // The line stays the question's: its other words ("no DAG") are still read by the design.
      assert.match(listing.rest, /SE-A/, words);
    }
  });

  it('gives no Windows from a plan, a question, or a line about a server the paste does not list', () => {
    // A bare year Exchange shares ("RG1-EX = 2003" may be Exchange 2003) is no Windows.
    for (const words of ['RG1-EX: Windows Server 2003 next year, we plan to move', 'RG1-EX on Windows 2000 Server SP4?', 'OTHER-EX: Windows 2000 Server SP4', 'RG1-EX = 2003']) {
      const listing = read(`${esm}${words}\n`);
      assert.equal(listing.servers.find((s) => s.name === 'RG1-EX')?.os, undefined, words);
    }
  });

  it('never reads a property\'s name typed before a build as a server ("AdminDisplayVersion on both", "ESM > ...", "FileVersion")', () => {
    const se = judge(
      'Host Name:                 SMB-EX\nOS Name:                   Microsoft Windows Server 2019 Essentials\nSystem Type:               x64-based PC\n\nAdminDisplayVersion : Version 15.2 (Build 2562.17)\n',
    );
    assert.deepEqual(
      se.map((g) => [g.servers.map((s) => s.name), g.facts.version, g.verdict]),
      [[['SMB-EX'], 'se', 'not-supported']],
    );
    const both = read(
      'Host Name: SEMB01\nOS Name: Microsoft Windows Server 2022 Datacenter\n\nHost Name: SEMB02\nOS Name: Microsoft Windows Server 2022 Datacenter\n\nAdminDisplayVersion on both: Version 15.2 (Build 2562.17)\n',
    );
    assert.deepEqual(
      both.servers.map((s) => s.name),
      ['SEMB01', 'SEMB02'],
    );
    const e2000 = judge(
      'Host Name:                 EX2000\nOS Name:                   Microsoft(R) Windows(R) Server 2003, Standard Edition\n\nESM > Servers > EX2000 > Properties: Version 6.0 (Build 6249.4: Service Pack 3)\n',
    );
    assert.deepEqual(
      e2000.map((g) => [g.servers.map((s) => s.name), g.facts.version, g.verdict]),
      [[['EX2000'], '2000', 'not-supported']],
    );
  });

  it("reads reg query's Setup key as the build of the one server named around it, never its key path or other values", () => {
    const listing = read(
      [
        'C:\\>reg query HKLM\\SOFTWARE\\Microsoft\\ExchangeServer\\v14\\Setup',
        '',
        'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\ExchangeServer\\v14\\Setup',
        '    MsiInstallPath    REG_SZ    C:\\Program Files\\Microsoft\\Exchange Server\\V14\\',
        '    MsiProductMajor    REG_DWORD    0xe',
        '    MsiProductMinor    REG_DWORD    0x3',
        '    MsiBuildMajor    REG_DWORD    0x7b',
        '    MsiBuildMinor    REG_DWORD    0x4',
        '',
        "that's from SRV-EXCH (all roles on one box). is it current?",
      ].join('\n'),
    );
    assert.deepEqual(
      listing.servers.map((s) => [s.name, s.build?.lookup.build]),
      [['SRV-EXCH', '14.3.123.4']],
    );
  });

  it("reads a build alone on its line as the one server's the words name (a server's properties copied by hand)", () => {
    const listing = read(
      'Properties of MAIL2000 (General tab), copied by hand:\nVersion 6.0 (Build 6249.4: Service Pack 3)\nOperating system: Windows 2000 Server, Service Pack 4\nit is the only exchange server we have\n',
    );
    assert.deepEqual(
      listing.servers.map((s) => [s.name, s.build?.lookup.build, kb.recognizer.extract(s.os ?? '').facts.windowsServicePack]),
      [['MAIL2000', '6.0.6249.4', '4']],
    );
    // A build in a sentence, or alone with no server named, stays a question for the check.
    for (const question of ['is 15.2.1544.4 still supported?', 'what is this build?\n15.2.1544.4\n']) assert.equal(parseListing(question, kb.builds).kind, 'none', question);
  });

  it('reads the site typed on a server\'s line, so servers of two sites in no DAG are two groups; "site resilient" names none', () => {
    const groups = judge(
      'servers in scope for the audit:\nex01.hq.northwind.com       15.2.1748.10   Windows Server 2022 Datacenter   site HQ     standalone\nex02.branch.northwind.com   15.2.1748.10   Windows Server 2022 Datacenter   site Branch standalone\n',
    );
    assert.deepEqual(
      groups.map((g) => g.servers.map((s) => [s.name, s.site])),
      [[['ex01', 'HQ']], [['ex02', 'Branch']]],
    );
    const words = read('EX1 15.2.1748.10 site resilient design\nEX2 15.2.1748.10 site: LON-2\n');
    assert.deepEqual(
      words.servers.map((s) => s.site),
      [undefined, 'LON-2'],
    );
  });

  it('reads ExchangeSetup.log\'s "Setup version" below its banner as the build of the one server named above it', () => {
    const listing = read(
      [
        'ExchangeSetup.log from EX07-HUB1 (our only hub, Windows Server 2008 SP2 Standard x64):',
        '[12/03/2012 10:11:12.0123] [0] **********************************************',
        '[12/03/2012 10:11:12.0124] [0] Starting Microsoft Exchange Server 2007 Setup',
        '[12/03/2012 10:11:12.0125] [0] **********************************************',
        '[12/03/2012 10:11:12.0130] [0] Setup version: 8.3.83.6.',
      ].join('\n'),
    );
    assert.deepEqual(
      listing.servers.map((s) => [s.name, s.build?.lookup.build]),
      [['EX07-HUB1', '8.3.83.6']],
    );
  });

  it('assumes no DAG for a 2010 Client Access and Hub Transport server outside the listed DAG (a DAG holds Mailbox servers), and does for a Mailbox server', () => {
    const groups = judge(
      [
        'Name      ServerRole                 AdminDisplayVersion',
        '----      ----------                 -------------------',
        'EX10-CAS1 ClientAccess, HubTransport Version 14.3 (Build 123.4)',
        'EX10-MBX1 Mailbox                    Version 14.3 (Build 123.4)',
        'EX10-MBX2 Mailbox                    Version 14.3 (Build 123.4)',
        'EX10-MBX3 Mailbox                    Version 14.3 (Build 123.4)',
        '',
        'Name          : DAG10',
        'Servers       : {EX10-MBX1, EX10-MBX2}',
        'WitnessServer : EX10-CAS1.contoso.com',
        '',
        'all Windows Server 2008 R2 Enterprise SP1',
      ].join('\n'),
    );
    assert.deepEqual(groupOf(groups, 'EX10-CAS1').assumptions, []);
    assert.deepEqual(groupOf(groups, 'EX10-MBX3').assumptions, ['Not in any DAG or cluster the paste lists.']);
  });

  it('gives a build said of them all to every listed server, and reads "SE RTM" or "2019 CU15" as Exchange named in words (w6 m14, m42)', () => {
    const all = read(
      'Name    Caption                                  Version\n----    -------                                  -------\nP-EX1   Microsoft Windows Server 2019 Datacenter 10.0.17763\nP-EX2   Microsoft Windows Server 2022 Datacenter 10.0.20348\n\nall 15.2.1748.10 (2019 CU15). EX2 was rebuilt on 2022 last month\n',
    );
    assert.deepEqual(
      all.servers.map((s) => [s.name, s.build?.lookup.build]),
      [
        ['P-EX1', '15.2.1748.10'],
        ['P-EX2', '15.2.1748.10'],
      ],
    );
    const named = read('Name : DAG-S\nServers : {EXA, EXB}\nWitnessServer : fs1.contoso.local\n\nEXA and EXB: SE RTM, Windows Server 2025 Standard\n');
    assert.deepEqual(
      named.servers.map((s) => [s.name, s.named]),
      [
        ['EXA', 'SE RTM'],
        ['EXB', 'SE RTM'],
      ],
    );
  });

  it('reads "systeminfo: EX07-A = ..." and the server line indented under it, so a typed x86 is judged, never assumed x64 (w6 m21)', () => {
    const groups = judge(
      [
        'Name         ServerRole                  AdminDisplayVersion',
        '----         ----------                  -------------------',
        'EX07-A       Mailbox, ClientAccess, H... Version 8.3 (Build 83.6)',
        'EX07-B       Mailbox, ClientAccess, H... Version 8.3 (Build 83.6)',
        '',
        'systeminfo: EX07-A = Windows Server 2008 R2 Enterprise, x64-based PC',
        '            EX07-B = Windows Server 2003 R2 Enterprise x86 (X86-based PC), production',
        'both standalone',
      ].join('\n'),
    );
    assert.equal(groupOf(groups, 'EX07-B').facts.architecture, 'x86');
    assert.equal(groupOf(groups, 'EX07-B').verdict, 'not-supported');
    assert.equal(groupOf(groups, 'EX07-A').facts.windows, '2008-r2');
  });
});
