import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { scoreListings, TUNING_D, type Entry } from '../../bench/listings';
import { listingDesign } from '../../knowledge/listings/listing-design';
import { answerListing } from '../../knowledge/listings/listing-answer';
import { findBuildsWide } from '../../knowledge/reading/build-numbers';
import { noDagServers, saysNoDag } from '../../knowledge/listings/group-answers';
import { parseListing, type ListingResult } from '../../knowledge/listings/listing-parser';
import { checkBuilds } from '../../knowledge/rules/exchange-builds';
import type { BuildsFile } from '../../knowledge/loading/schemas';
import { REPO_ROOT } from './helpers';
import { sharedKnowledgeBase } from '../support/shared-knowledge';

/**
 * Issue 25, third pass: what admins' tools really print (Get-ExchangeServer | fl *, HealthChecker's
 * report, Windows named only by its build, several servers and builds on one line, builds typed
 * around a cut table, "no DAG" said in words).
 */
describe('Pasted listings from admin tools (issue 25, third pass)', () => {
  const kb = sharedKnowledgeBase();
  const listing = (text: string): Extract<ListingResult, { kind: 'listing' }> => {
    const read = parseListing(text, kb.builds);
    assert.equal(read.kind, 'listing', text);
    return read as Extract<ListingResult, { kind: 'listing' }>;
  };

  it('judges every group of the fourth tuning set right (test/fixtures/listings/tuning-issue25-d.yaml)', () => {
    const entries = parse(readFileSync(join(REPO_ROOT, TUNING_D), 'utf8')) as Entry[];
    const { figures, misses } = scoreListings(kb, entries);
    assert.deepEqual(misses, []);
    assert.ok(figures.groups >= 40 && entries.length >= 25, `${entries.length} listings, ${figures.groups} groups`);
  });

  it('reads a Windows release from its build alone, and never from a build the table does not list', () => {
    assert.deepEqual(kb.builds.windowsRelease('10.0.17763 N/A Build 17763'), { windows: '2019', build: '10.0.17763', status: 'verified' });
    assert.equal(kb.builds.windowsRelease('10.0.26100.4061')?.windows, '2025');
    assert.equal(kb.builds.windowsRelease('10.0.26100')?.status, 'read-3p');
    assert.equal(kb.builds.windowsRelease('10.0.19045'), undefined, 'a Windows 10 client build is no server release');
    assert.equal(kb.builds.windowsRelease('5.2.3790'), undefined, '2003 and 2003 R2 share the build: not guessed');
    const [group] = listingDesign(listing('CsName : EX1\nOsVersion : 10.0.26100\n\nEX1 15.2.1544.4'), kb);
    assert.equal(group!.facts.windows, '2025');
    assert.equal(group!.verdict, 'not-supported', 'Exchange 2019 CU14 does not run on Windows Server 2025');
    assert.ok(
      group!.assumptions.some((a) => a.includes('10.0.26100') && a.includes('third-party')),
      'a release read through a third-party row says so',
    );
  });

  it("keeps reading Format-List * past keys with digits (IsExchange2007OrLater), and does not read Win32_OperatingSystem's Version as Exchange's", () => {
    const fl = listing(
      'Name                  : EX9\nIsExchange2007OrLater : True\nIsE15OrLater          : True\nAdminDisplayVersion   : Version 15.2 (Build 1748.10)\nServerRole            : Mailbox',
    );
    assert.equal(fl.servers[0]!.build?.lookup.build, '15.2.1748.10');
    assert.deepEqual(fl.servers[0]!.roles, ['mailbox']);
    const wmi = listing(
      'PSComputerName Caption                                Version    OSArchitecture\n-------------- -------                                -------    --------------\nEXA            Microsoft Windows Server 2019 Standard 10.0.17763 64-bit\n\nEXA 15.2.1748.10',
    );
    assert.equal(wmi.servers[0]!.majorMinor, undefined);
    assert.equal(wmi.servers[0]!.build?.lookup.build, '15.2.1748.10');
  });

  it("reads HealthChecker's report: the build, role, site, a standalone server, and the OS section that follows it", () => {
    const read = listing(
      'Exchange Information\n--------------------\n        Name: HC1\n        Version: Exchange 2019 CU15\n        Build Number: 15.02.1748.010\n        Server Role: Mailbox\n        DAG Name: Standalone Server\n        AD Site: Oslo\n\nOperating System Information\n----------------------------\n        Version: Microsoft Windows Server 2019 Datacenter\n        Build Number: 10.0.17763',
    );
    const [hc] = read.servers;
    assert.equal(hc!.build?.lookup.build, '15.2.1748.10');
    assert.deepEqual([hc!.roles, hc!.site, hc!.standalone, hc!.os], [['mailbox'], 'Oslo', true, 'Microsoft Windows Server 2019 Datacenter']);
    assert.equal(listingDesign(read, kb)[0]!.facts.ha, 'none');
  });

  it('reads several servers and builds on one line, and builds typed around a cut table for the servers of that version only', () => {
    const pairs = listing('Exchange: MBX-A 15.2.1748.10, MBX-B 15.2.1544.4');
    assert.deepEqual(
      pairs.servers.map((s) => [s.name, s.build?.lookup.build]),
      [
        ['MBX-A', '15.2.1748.10'],
        ['MBX-B', '15.2.1544.4'],
      ],
    );
    const cut = listing(
      'Name     ServerRole AdminDisplayVersion\n----     ---------- -------------------\nOLD1     Mailbox    Version 15.1 (Bu...\nNEW1     Mailbox    Version 15.2 (Bu...\n\nthe new one is SE RTM 15.2.2562.17, the old one 15.1.2507.6; and 15.0.1497.2 is long gone',
    );
    assert.deepEqual(
      cut.servers.map((s) => [s.name, s.build?.lookup.build]),
      [
        ['OLD1', '15.1.2507.6'],
        ['NEW1', '15.2.2562.17'],
      ],
    );
    const two = listing('Name     AdminDisplayVersion\n----     -------------------\nX1       Version 15.2 (Bu...\n\nwe have 15.2.1544.4 and 15.2.1748.10 here');
    assert.equal(two.servers[0]!.build, undefined, 'two builds of the same version typed: neither is given');
  });

  it('says of an unknown build only what the table makes sure: its version, and behind when older than every serviced update', () => {
    const facts = (build: string) => kb.recognizer.extract(`we run ${build}`).facts;
    assert.deepEqual(facts('15.1.1000.5'), { version: '2016', updateCurrency: 'behind' }, '15.1 is only Exchange 2016, and older than CU23');
    assert.deepEqual(facts('15.2.2794.3'), { version: 'se' }, 'above every SE build: SE, its update unknown');
    assert.deepEqual(facts('15.2.2000.1'), {}, 'between 2019 CU15 and SE RTM: either, so nothing');
    assert.deepEqual(facts('6.5.2003'), {}, 'older than Exchange 2003 RTM: no release at all');
    const [group] = listingDesign(listing('Name : LAB1\nServerRole : Mailbox\nAdminDisplayVersion : Version 15.1 (Build 300.2)'), kb, { windows: '2016 Standard' });
    // Behind, and Exchange 2016 is retired: updating first is the condition (session 7 policy).
    assert.equal(group!.verdict, 'supported-with-conditions');
    assert.equal(group!.decisions[0]!.conditions[0]!.id, 'update-behind-on-retired-version-2016');
    assert.match(group!.buildLines[0]!, /^15\.1\.300\.2 is not a build the table knows/);
  });

  it('judges a pasted estate as one organization: a newer version that may not coexist with an older one it lists is not supported', () => {
    const estate = (newer: string, older: string) =>
      listingDesign(
        listing(`Name : NEW1\nServerRole : Mailbox\nAdminDisplayVersion : ${newer}\n\nName : OLD1\nServerRole : Mailbox\nAdminDisplayVersion : ${older}\n\nthere is no DAG`),
        kb,
        { windows: 'Windows Server 2012 R2 Standard for OLD1, Windows Server 2022 Standard for NEW1' },
      );
    const [new19, old10] = estate('15.2.1748.10', '14.3.123.4');
    assert.equal(new19!.verdict, 'not-supported', 'Exchange 2019 beside 2010');
    assert.match(new19!.decisions[0]!.broken[0]!.reason, /cannot run in the same organization as Exchange 2010/);
    assert.equal(old10!.verdict, 'supported', 'the 2010 servers keep their own verdict');
    assert.equal(estate('15.2.1544.4', '15.0.1497.2')[0]!.verdict, 'supported-with-conditions', '2019 CU14 beside 2013 CU23 is allowed');
    // Session 15 (lead): Exchange 2019 CU15's Setup refuses an organization that still holds Exchange 2013 (third-party).
    const [cu15] = estate('15.2.1748.10', '15.0.1497.2');
    assert.equal(cu15!.verdict, 'not-supported', '2019 CU15 beside 2013');
    assert.match(cu15!.decisions[0]!.broken[0]!.reason, /CU15 and later refuse an organization that still holds Exchange 2013 \(according to third-party sources\)/);
    const [behind] = estate('15.2.1544.4', '15.0.1367.3');
    assert.equal(behind!.verdict, 'not-supported', '2019 needs 2013 CU21 or later; CU20 runs');
    assert.match(behind!.decisions[0]!.broken[0]!.reason, /Exchange 2013 CU21 or later.*OLD1 run an older update/);
    const [se] = estate('15.2.2562.17', '15.0.1497.2');
    assert.match(se!.decisions[0]!.broken[0]!.reason, /according to third-party sources/, 'a third-party row says so');
  });

  it('reads the update of an unknown build when every listed build of its major and minor is of one (14.3 is 2010 SP3)', () => {
    const facts = kb.recognizer.extract('we run 14.3.777.1').facts;
    assert.equal(facts.version, '2010');
    assert.equal(facts.update, 'e2010-sp3');
  });

  it('reads "no DAG" said around a paste, not a plan or a question about one', () => {
    assert.ok(saysNoDag('Both run Windows Server 2022 Standard. There is no DAG.'));
    assert.ok(saysNoDag("customer sent this from their only Exchange box, they want to know if they're OK"));
    assert.ok(!saysNoDag('should we build a DAG? no DAG today is risky?'));
    assert.ok(!saysNoDag('we plan to run them standalone next year'));
    assert.ok(!saysNoDag('the edge is standalone of course'), 'said of the Edge server alone');
    assert.ok(saysNoDag('Just the one SE box, no DAG, no edge'));
    assert.deepEqual(noDagServers('EX1 and EX2 are in DAG1, EX3 is standalone', ['EX1', 'EX2', 'EX3']), new Set(['ex3']));
    const [ex3] = listingDesign(listing('EX1 15.2.1748.10\nEX2 15.2.1748.10\nEX3 15.2.1544.4\n\nEX1 and EX2 are in DAG1, EX3 is standalone'), kb).filter((g) =>
      g.servers.some((s) => s.name === 'EX3'),
    );
    assert.equal(ex3!.facts.ha, 'none');
  });

  it('names a whole build of no Exchange major and minor version as unknown, in a ticket form and in the words around a paste', () => {
    const ticket = listing('Server: EXN1\nExchange version: 15.3.100.2\n\nServer: EXN2\nExchange version: 15.2.1748.10');
    assert.equal(ticket.servers.find((s) => s.name === 'EXN1')?.build?.lookup.kind, 'unknown');
    const answer = answerListing('EXA 15.2.1748.10\nEXB 15.2.1748.10\n\nand the lab box says 16.0.120.3, what is that?', kb);
    assert.equal(answer.kind, 'listing');
    assert.ok(answer.kind === 'listing' && answer.view.buildLines.some((l) => /^16\.0\.120\.3 is not a build the table knows/.test(l)));
    assert.deepEqual(findBuildsWide('ping 15.20.1.4 or OS Version 10.0.17763', kb.builds), [], 'an IP address and a Windows build are no Exchange builds');
  });

  it("gives ExSetup's nameless file version to the paste's only server, rollup included", () => {
    const one = listing(
      'Name                : EX2010A\nAdminDisplayVersion : Version 14.3 (Build 123.4)\n\nProductVersion   FileVersion      FileName\n--------------   -----------      --------\n14.03.0513.000   14.03.0513.000   C:\\Program Files\\Microsoft\\Exchange Server\\V14\\bin\\ExSetup.exe',
    );
    assert.deepEqual([one.servers[0]!.build?.lookup.build, one.servers[0]!.rollupHidden], ['14.3.513.0', false]);
    const two = listing(
      'EXA Version 14.3 (Build 123.4)\nEXB Version 14.3 (Build 123.4)\n\nProductVersion   FileVersion      FileName\n--------------   -----------      --------\n14.03.0513.000   14.03.0513.000   ExSetup.exe',
    );
    assert.ok(
      two.servers.every((s) => s.build?.lookup.build === '14.3.123.4'),
      'two servers: whose it is is not known',
    );
  });

  it('judges Exchange 2010 all-in-one servers outside the listed DAG as single servers, not as a role it does not cover', () => {
    const paste = [
      ...['A1', 'A2'].flatMap((n) => [`Name : ${n}`, 'ServerRole : Mailbox, ClientAccess, HubTransport', 'AdminDisplayVersion : Version 14.3 (Build 123.4)', '']),
      ...['M1', 'M2'].flatMap((n) => [`Name : ${n}`, 'ServerRole : Mailbox', 'AdminDisplayVersion : Version 14.3 (Build 123.4)', '']),
      'Name : DAG1',
      'Servers : {M1, M2}',
      '',
      'OS Name: Microsoft Windows Server 2008 R2 Enterprise',
    ].join('\n');
    const [allInOne] = listingDesign(listing(paste), kb);
    assert.deepEqual([allInOne!.servers.map((s) => s.name), allInOne!.facts.ha, allInOne!.verdict], [['A1', 'A2'], 'none', 'supported-with-conditions']);
  });

  it('gives builds typed around a paste to its servers only when they are what runs, not a plan or a question', () => {
    const cut = (words: string) =>
      listing(`Name     AdminDisplayVersion\n----     -------------------\nX1       Version 15.2 (Bu...\nX2       Version 15.2 (Bu...\n\n${words}`).servers[0]!.build?.lookup.build;
    assert.equal(cut('they run 15.2.1544.4'), '15.2.1544.4');
    assert.equal(cut('we want to go to 15.2.2562.17 next month'), undefined);
    assert.equal(cut('should we install 15.2.2562.17?'), undefined);
  });

  it("checks the build table's Windows builds (kb:check): a known release, a listed source, each build once", () => {
    const file: BuildsFile = {
      sources: [{ id: 's', status: 'verified', title: 't' }],
      updateAliases: [],
      currentUpdates: [],
      servicePackSupport: [],
      windowsBuilds: [
        { build: '10.0.17763', windows: '2019', source: 's' },
        { build: '10.0.17763', windows: '2019', source: 's' },
        { build: '10.0.20348', windows: '2021', source: 'nowhere' },
      ],
      builds: [{ version: '2019', update: 'rtm', released: '2018-10-22', build: '15.2.221.12', long: '15.02.0221.012', source: 's' }],
    };
    const messages = checkBuilds(file, new Set(['2019']), undefined, 'exchange-builds.yaml', () => 1, new Set(['2019', '2022'])).map((p) => p.message);
    assert.ok(messages.some((m) => m.includes('repeats Windows build 10.0.17763')));
    assert.ok(messages.some((m) => m.includes('source "nowhere"')));
    assert.ok(messages.some((m) => m.includes('Windows release "2021"')));
  });
});
