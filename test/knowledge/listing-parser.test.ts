import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generatedListing, pasteOf, serverNames } from '../../bench/listings';
import { loadKnowledgeBase } from '../../knowledge';
import { listingDesign } from '../../knowledge/listings/listing-design';
import { MAX_LISTING_LINES, parseListing, readRoles, type ListingResult } from '../../knowledge/listings/listing-parser';
import { REPO_ROOT } from './helpers';

const fixture = (name: string) => readFileSync(join(REPO_ROOT, 'test/fixtures/listings', name), 'utf8');

describe('Pasted listings (knowledge/listings/listing-parser.ts, listing-design.ts)', () => {
  const kb = loadKnowledgeBase();
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

  it('groups the servers and judges each group through the check: a DAG member on an old CU is not supported', () => {
    const groups = listingDesign(listing(fixture('e2019-dag-mixed-cu.txt')), kb, { windows: '2022 Standard' });
    const byServer = new Map(groups.flatMap((g) => g.servers.map((s) => [s.name, g] as const)));
    assert.equal(byServer.get('LON-MBX02')!.verdict, 'not-supported');
    assert.deepEqual(
      byServer.get('LON-MBX02')!.decisions[0]!.broken.map((l) => l.id),
      ['update-more-than-one-cu-behind'],
    );
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

  it("expands the bench set's repeat blocks and name ranges as its header defines them", () => {
    assert.equal(pasteOf({ paste: 'a\n{{repeat}}\nb', repeat: { block: 'S{n}\n', count: 3, pad: 2 } }), 'a\nS01\nS02\nS03\nb');
    assert.equal(pasteOf({ paste: 'a\nb', crlf: true }), 'a\r\nb');
    assert.deepEqual(serverNames('MBX008..MBX010'), ['MBX008', 'MBX009', 'MBX010']);
  });
});
