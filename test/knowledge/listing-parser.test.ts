import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generatedListing, pasteOf, scoreListings, serverNames, TUNING, type Entry } from '../../bench/listings';
import { parse } from 'yaml';
import { listingDesign } from '../../knowledge/listings/listing-design';
import { describeLookup } from '../../knowledge/rules/exchange-builds';
import { MAX_LISTING_LINES, parseListing, readRoles, type ListingResult } from '../../knowledge/listings/listing-parser';
import { REPO_ROOT } from './helpers';
import { sharedKnowledgeBase } from '../support/shared-knowledge';

const fixture = (name: string) => readFileSync(join(REPO_ROOT, 'test/fixtures/listings', name), 'utf8');

describe('Pasted listings (knowledge/listings/listing-parser.ts, listing-design.ts)', () => {
  const kb = sharedKnowledgeBase();
  const listing = (text: string): Extract<ListingResult, { kind: 'listing' }> => {
    const read = parseListing(text, kb.builds);
    assert.equal(read.kind, 'listing');
    return read as Extract<ListingResult, { kind: 'listing' }>;
  };

  it('reads Get-ExchangeServer and Get-DatabaseAvailabilityGroup lists and systeminfo, with the question around them', () => {
    const read = listing(fixture('e2019-dag-mixed-cu.txt'));
    assert.deepEqual(
      read.servers.map((s) => [s.name, s.roles, s.build?.lookup.build, s.dag ?? null, s.site ?? null]),
      [
        ['LON-MBX01', ['mailbox'], '15.2.1748.10', 'DAG-LON', 'London'],
        ['LON-MBX02', ['mailbox'], '15.2.1118.7', 'DAG-LON', 'London'],
        ['DMZ-EDGE01', ['edge-transport'], '15.2.1748.10', null, null],
      ],
    );
    assert.deepEqual(read.dags, [{ name: 'DAG-LON', servers: ['LON-MBX01', 'LON-MBX02'], witness: 'LON-FS01.contoso.com' }]);
    assert.equal(read.servers[0]!.os, 'Microsoft Windows Server 2022 Standard');
    assert.match(read.rest, /^can you check our estate\?/);
  });

  it('groups the servers and judges each group through the check: a DAG member of a retired version on an old CU must update first', () => {
    const groups = listingDesign(listing(fixture('e2019-dag-mixed-cu.txt')), kb, { windows: '2022 Standard' });
    const byServer = new Map(groups.flatMap((g) => g.servers.map((s) => [s.name, g] as const)));
    // Session 7 policy: for a retired version an update behind is a condition of the design, the first one named.
    assert.equal(byServer.get('LON-MBX02')!.verdict, 'supported-with-conditions');
    assert.deepEqual(byServer.get('LON-MBX02')!.decisions[0]!.broken, []);
    assert.equal(byServer.get('LON-MBX02')!.decisions[0]!.conditions[0]!.id, 'update-behind-on-retired-version');
    assert.equal(byServer.get('LON-MBX01')!.verdict, 'supported-with-conditions');
    assert.ok(!byServer.get('LON-MBX01')!.decisions[0]!.conditions.some((l) => l.id.startsWith('update-behind')), 'CU15 still got updates');
    assert.equal(byServer.get('LON-MBX01')!.facts.windows, '2022', 'systeminfo, not the answer');
    assert.equal(byServer.get('LON-MBX01')!.facts.ha, 'dag');
    assert.equal(byServer.get('LON-MBX01')!.facts.witness, 'yes');
    assert.match(byServer.get('LON-MBX01')!.label, /^Exchange 2019 CU15: mailbox, DAG DAG-LON$/);
    assert.deepEqual(byServer.get('DMZ-EDGE01')!.asks, [], 'the Windows answer was used for the Edge server, which lacked it');
  });

  it('reads tables with truncated columns: a cut role and a cut version give only what they show', () => {
    const read = listing(fixture('e2010-table-truncated.txt'));
    const cas = read.servers.find((s) => s.name === 'EX10-CAS01')!;
    assert.deepEqual(cas.roles, ['client-access', 'hub-transport']);
    assert.equal(cas.build, undefined);
    assert.equal(cas.majorMinor, '14.3');
    const groups = listingDesign(read, kb);
    assert.equal(groups.find((g) => g.servers.includes(cas))!.facts.version, '2010');
    assert.deepEqual(readRoles('Mailbox, Cl...'), ['mailbox', 'client-access']);
    assert.deepEqual(readRoles('Mailbox, ...'), ['mailbox']);
    assert.match(read.rest, /is this mix ok during the migration\?/);
  });

  it('reads Exchange 2003 builds typed by hand and CRLF pastes', () => {
    const old = listing(fixture('e2003-typed.txt'));
    assert.deepEqual(
      old.servers.map((s) => [s.name, s.roles, s.build?.lookup.kind === 'known' ? s.build.lookup.row.update : undefined]),
      [
        ['EXFE01', ['front-end'], 'sp2'],
        ['EXBE01', ['back-end'], 'sp2'],
        ['EXBE02', ['back-end'], 'sp1'],
      ],
    );
    const crlf = listing(fixture('e2016-crlf.txt'));
    assert.equal(crlf.servers[0]!.build?.lookup.build, '15.1.2375.7');
  });

  it('is no listing for an ordinary question, and refuses a listing beyond its bound with a clear result', () => {
    assert.equal(parseListing('Can I put an Exchange 2003 front-end on a cluster?', kb.builds).kind, 'none');
    const long = parseListing('x\n'.repeat(MAX_LISTING_LINES + 1), kb.builds);
    assert.deepEqual(long, { kind: 'too-long', lines: MAX_LISTING_LINES + 2, limit: MAX_LISTING_LINES });
  });

  it('reads a generated 2,000-line listing whole (the bench times it)', () => {
    const text = generatedListing();
    const named = text.split('\n').filter((line) => line.startsWith('Name                : ')).length;
    assert.ok(named > 390, `${named} servers`);
    const read = listing(text);
    assert.equal(read.servers.length, named);
    const groups = listingDesign(read, kb);
    assert.equal(
      groups.reduce((n, g) => n + g.servers.length, 0),
      named,
    );
  });

  it('judges every group of the tuning set right (test/fixtures/listings/tuning-issue25.yaml), leaving none undecided without a reason', () => {
    const entries = parse(readFileSync(join(REPO_ROOT, TUNING), 'utf8')) as Entry[];
    const { figures, misses } = scoreListings(kb, entries);
    assert.deepEqual(misses, []);
    assert.equal(figures.right, figures.groups);
    assert.ok(figures.groups >= 45, `${figures.groups} groups`);
  });

  it('leaves a missing Windows release open and names it as a condition: never a plain Supported for a fact nobody gave', () => {
    const groups = listingDesign(listing('EX1 15.2.1748.10 mailbox\nEX2 15.2.1748.10 mailbox\n'), kb);
    assert.equal(groups.length, 1);
    assert.equal(groups[0]!.verdict, 'supported-with-conditions');
    assert.ok(groups[0]!.asks.includes('windows'), groups[0]!.asks.join());
    const open = groups[0]!.decisions[0]!.conditions.find((c) => c.id === 'open-windows');
    assert.match(open!.condition, /^Windows release is not known yet; the verdict holds only for Windows Server 2019, Windows Server 2022, Windows Server 2025\.$/);
    // Given, it decides: Exchange 2019 on Windows Server 2016 is not supported.
    const answered = listingDesign(listing('EX1 15.2.1748.10 mailbox\nEX2 15.2.1748.10 mailbox\n'), kb, { windows: 'Windows Server 2016 Standard' });
    assert.equal(answered[0]!.verdict, 'not-supported');
  });

  it('reads Get-ClusterNode and cluster.exe node tables: the nodes, their state and the cluster facts', () => {
    const read = listing(
      [
        'PS C:\\> Get-ClusterNode -Cluster DAG01',
        '',
        'Name       ID    State',
        '----       --    -----',
        'N1         1     Up',
        'N2         2     Down',
        '',
        'N1 15.2.1748.10 mailbox',
        'N2 15.2.1748.10 mailbox',
      ].join('\n'),
    );
    assert.deepEqual(read.dags, [{ name: 'DAG01', servers: ['N1', 'N2'], kind: 'cluster' }]);
    assert.equal(read.servers.find((s) => s.name === 'N2')!.state, 'Down');
    const [group] = listingDesign(read, kb, { windows: '2022 Standard' });
    assert.equal(group!.facts.ha, 'dag');
    assert.equal(group!.facts.nodes, '2');
    const old = listing(
      [
        'Node           Node ID Status',
        '-------------- ------- ------',
        'EXC-N1               1 Up',
        'EXC-N2               2 Up',
        'EXC-N1 6.5.7638 back-end',
        'EXC-N2 6.5.7638 back-end',
      ].join('\n'),
    );
    assert.equal(listingDesign(old, kb)[0]!.facts.ha, 'cluster');
  });

  it('says the update rollup is not known from "Version 14.3 (Build 123.4)" rather than reading it as SP3 without rollups', () => {
    const read = listing('Name : A\nAdminDisplayVersion : Version 14.3 (Build 123.4)\n\nName : B\nAdminDisplayVersion : Version 8.3 (Build 83.6)\n');
    assert.ok(read.servers.every((s) => s.rollupHidden));
    const groups = listingDesign(read, kb);
    // Said as a note: no rule reads the rollup, so it is no condition unless a coexistence minimum names one (listing-estate-words.test.ts).
    for (const group of groups)
      assert.ok(
        group.notes.some((a) => /update rollup is not known/.test(a)),
        group.notes.join(),
      );
    // ExSetup's file version does show the rollup.
    assert.ok(!listing('EXA 14.3.513.0\nEXB 14.3.513.0').servers[0]!.rollupHidden);
  });

  it('names an unknown build as unknown with the known builds below and above it, and never guesses its version', () => {
    const groups = listingDesign(listing('EXA Version 15.2 (Build 1999.1)\nEXB Version 15.2 (Build 1748.10)'), kb);
    const unknown = groups.find((g) => g.servers[0]!.name === 'EXA')!;
    assert.equal(unknown.facts.version, undefined);
    assert.match(
      unknown.buildLines[0]!,
      /^15\.2\.1999\.1 is not a build the table knows; the nearest known builds are 15\.2\.1748\.\d+ .* below it and 15\.2\.2562\.17 .* above it/,
    );
    const future = listing('Name : C\nAdminDisplayVersion : Version 15.3 (Build 100.2)\n\nName : D\nAdminDisplayVersion : Version 15.2 (Build 1748.10)\n');
    assert.match(describeLookup(future.servers[0]!.build!.lookup), /^15\.3\.100\.2 is not a build the table knows: no Exchange version it lists has builds numbered 15\.3/);
  });

  it("applies the paste's one unnamed Windows line to the servers that show none, and says so", () => {
    const read = listing('EX1 15.1.2507.6 mailbox\nEX2 15.1.2507.6 mailbox\nOS Name: Microsoft Windows Server 2012 R2 Standard\n');
    assert.ok(read.servers.every((s) => s.osFromPaste && /2012 R2/.test(s.os!)));
    assert.ok(listingDesign(read, kb)[0]!.assumptions.some((a) => /one Windows line/.test(a)));
  });

  it("expands the bench set's repeat blocks and name ranges as its header defines them", () => {
    assert.equal(pasteOf({ paste: 'a\n{{repeat}}\nb', repeat: { block: 'S{n}\n', count: 3, pad: 2 } }), 'a\nS01\nS02\nS03\nb');
    assert.equal(pasteOf({ paste: 'a\nb', crlf: true }), 'a\r\nb');
    assert.deepEqual(serverNames('MBX008..MBX010'), ['MBX008', 'MBX009', 'MBX010']);
  });
});
