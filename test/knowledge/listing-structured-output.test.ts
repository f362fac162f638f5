import { strict as assert } from 'node:assert';
import { TUNING_H } from '../../bench/listings';
import { answerListing } from '../../knowledge/listings/listing-answer';
import { listingDesign } from '../../knowledge/listings/listing-design';
import { oneServerIn, parseListing } from '../../knowledge/listings/listing-parser';
import { structuredLines } from '../../knowledge/listings/structured-output';
import { findBuilds } from '../../knowledge/reading/build-numbers';
import { listingReader, tuningSetMisses, type Listing } from './listing-helpers';
import { sharedKnowledgeBase } from '../support/shared-knowledge';

/**
 * Issue 25, fourth pass: pastes that were read as no listing at all (tuning-issue25-h.yaml): Export-Csv with
 * ";", ConvertTo-Json, HealthChecker's report, wmic and dsquery, Fqdn and Identity tables, the consoles'
 * export lists, servers named in a sentence.
 */
describe('Listings from JSON, CSV, wmic and sentences (issue 25, fourth pass)', () => {
  const kb = sharedKnowledgeBase();
  const listing = listingReader(kb);
  const builds = (read: Listing) => read.servers.map((s) => [s.name, s.build?.lookup.build]);

  it('judges every group of the eighth tuning set right (test/fixtures/listings/tuning-issue25-h.yaml)', () => {
    assert.deepEqual(tuningSetMisses(kb, TUNING_H, { entries: 33, groups: 43 }), []);
  });

  it('reads ConvertTo-Json whole, cut short, and with AdminDisplayVersion as its object', () => {
    const whole = listing(
      '[\n {"Name": "EX1", "AdminDisplayVersion": {"Major": 15, "Minor": 2, "Build": 1544, "Revision": 4}},\n {"Name": "EX2", "AdminDisplayVersion": "Version 15.2 (Build 1748.10)"}\n] thanks',
    );
    assert.deepEqual(builds(whole), [
      ['EX1', '15.2.1544.4'],
      ['EX2', '15.2.1748.10'],
    ]);
    assert.equal(whole.rest, 'thanks');
    // Cut off before its closing brackets (a paste limit): what is there is read line by line.
    const cut = listing('{\n    "Name":  "EX3",\n    "AdminDisplayVersion":  "Version 15.1 (Build 2507.6)",\n    "ServerRole":  "Mailbox"');
    assert.deepEqual(builds(cut), [['EX3', '15.1.2507.6']]);
    // A DAG's Servers as objects with a Name.
    assert.deepEqual(listing('{"Name": "DAG1", "Servers": [{"Name": "A-1"}, {"Name": "A-2"}]}').dags[0]!.servers, ['A-1', 'A-2']);
  });

  it('leaves prompts and chat stamps in brackets alone, and gives wmic and dsquery headers their dashes', () => {
    const lines = ['[PS] C:\\>Get-ExchangeServer', '[10:41] Ann', '{not json}'];
    assert.deepEqual(structuredLines(lines), lines);
    assert.deepEqual(structuredLines(['ExchangeVersion   Name', 'Version 6.5 (Build 7638.2)  EX1']), [
      'ExchangeVersion   Name',
      '---------------   ----',
      'Version 6.5 (Build 7638.2)  EX1',
    ]);
    // An ordinary two-word line with wide spaces is no wmic header.
    assert.deepEqual(structuredLines(['Thanks   Name', 'x']), ['Thanks   Name', 'x']);
  });

  it('reads servers named in a sentence just before their builds, never in a plan', () => {
    assert.deepEqual(builds(listing('hi, our only exchange server (MAIL01) runs 15.2.1118.7 on Windows Server 2019, ok?')), [['MAIL01', '15.2.1118.7']]);
    assert.deepEqual(builds(listing("We've got EXA01 on 15.1.2507.6 and EXA02 still on 15.1.2375.7.")), [
      ['EXA01', '15.1.2507.6'],
      ['EXA02', '15.1.2375.7'],
    ]);
    assert.equal(parseListing('we will move EX01 to 15.2.1748.10 next month, fine?', kb.builds).kind, 'none');
    assert.equal(parseListing('is Exchange 2019 CU14 (15.2.1544.4) still supported?', kb.builds).kind, 'none', 'CU14 is no server');
  });

  it('cuts a Format-Table that lost its line breaks back into rows, and reads versions named in a sentence', () => {
    const flat = listing('Name ServerRole AdminDisplayVersion ---- ---------- ------------------- A-1 Mailbox Version 15.2 (Build 1544.4) A-2 Mailbox 15.2.1748.10 thanks!');
    assert.deepEqual(builds(flat), [
      ['A-1', '15.2.1544.4'],
      ['A-2', '15.2.1748.10'],
    ]);
    assert.equal(flat.rest, 'thanks!');
    const named = listing('our MBX-OLD runs Exchange 2010 SP3 and MBX-NEW runs Exchange 2016 CU23, MBX-OLD on 2008 R2 SP1 Standard');
    assert.deepEqual(
      named.servers.map((s) => [s.name, s.named]),
      [
        ['MBX-OLD', 'Exchange 2010 SP3'],
        ['MBX-NEW', 'Exchange 2016 CU23'],
      ],
    );
    assert.match(named.rest, /MBX-OLD on 2008 R2/, 'a sentence about several servers stays for the design to read clause by clause');
  });

  it('gives a line led by its server and build the listing reply, and leaves a sentence about one server to the guided check', () => {
    assert.equal(answerListing('EX01 is on 15.2.1258.12, win 2019 std, single box. are we ok?', kb).kind, 'listing');
    assert.equal(answerListing('is our MAIL01 on 15.2.1544.4 supported?', kb).kind, 'none');
    assert.equal(answerListing('we run Exchange 2019 CU14 on Windows Server 2019, supported?', kb).kind, 'none');
  });

  it('names a server by the one server-like word of a sentence, never by a release, an update or an acronym', () => {
    assert.equal(oneServerIn('EXC16B single mailbox server, no DAG:'), 'EXC16B');
    assert.equal(oneServerIn("that's on MAILHUB01 (Windows Server 2019 Standard, standalone)"), 'MAILHUB01');
    assert.equal(oneServerIn('CU14 on W2K3 R2 x64 with KB5001779, DAG and FSW'), undefined);
    assert.equal(oneServerIn('EX01 and EX02 are both on it'), undefined, 'two servers: none is the one');
    assert.equal(oneServerIn('a non-DAG, single-server, in-place setup'), undefined);
  });

  it('makes the DAG members Get-ADDomainController lists domain controllers, and reads them out of a Teams-flattened CSV', () => {
    const dcs = listing(
      [
        'Name : DAG-BR',
        'Servers : {BR-1, BR-2}',
        '',
        'PS C:\\> Get-ADDomainController -Filter * | ft Name,Site',
        'Name  Site',
        '----  ----',
        'BR-1  Branch',
        'BR-2  Branch',
        '',
        'both are 15.2.1748.10 on Windows Server 2019 Standard',
      ].join('\n'),
    );
    assert.deepEqual(
      dcs.servers.map((s) => [s.name, s.domainController]),
      [
        ['BR-1', true],
        ['BR-2', true],
      ],
    );
    assert.equal(listingDesign(dcs, kb)[0]!.verdict, 'not-supported', 'a DAG member may not be a domain controller (M-4)');
    const flat = listing('"Name","AdminDisplayVersion" "SRV-A","Version 15.1 (Build 2507.6)" "SRV-B","15.1.2507.6" -- both on 2016');
    assert.deepEqual(builds(flat), [
      ['SRV-A', '15.1.2507.6'],
      ['SRV-B', '15.1.2507.6'],
    ]);
    assert.equal(flat.rest, 'both on 2016');
  });

  it('never judges a build the table does not know plain Supported: its update is not known', () => {
    const [group] = listingDesign(listing('SE-MB1 15.2.2790.5\nsingle server, Windows Server 2022 Standard, not a DC, mailbox'), kb);
    assert.equal(group!.facts.version, 'se');
    assert.equal(group!.verdict, 'supported-with-conditions');
    assert.ok(group!.assumptions.some((a) => a.startsWith('15.2.2790.5 is not a build the table knows')));
  });

  it('takes a number for Windows only where the line labels it so', () => {
    assert.deepEqual(
      findBuilds('EX01 - Windows 2016 Std - 15.1.2507.6', kb.builds).map((m) => m.lookup.build),
      ['15.1.2507.6'],
    );
    assert.deepEqual(findBuilds('OS Version: 6.0.6002 Service Pack 2', kb.builds), []);
    assert.deepEqual(findBuilds('Windows Server 2008 SP2 (6.0.6002)', kb.builds), [], 'a 6.x number on a Windows line is Windows');
  });
});
