import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { scoreListings, TUNING_B, type Entry } from '../../bench/listings';
import { answerListing } from '../../knowledge/listings/listing-answer';
import { judgedRoles, listingDesign } from '../../knowledge/listings/listing-design';
import { answersForGroup, windowsInWords } from '../../knowledge/listings/group-answers';
import { parseListing, type ListingResult } from '../../knowledge/listings/listing-parser';
import { REPO_ROOT } from './helpers';
import { sharedKnowledgeBase } from '../support/shared-knowledge';

/**
 * Issue 25: listings as people really paste them (tuning-issue25-b.yaml), the roles of a multi-role
 * server, answers aimed at some servers, and unknown builds in every form.
 */
describe('Pasted listings as people paste them (issue 25, second pass)', () => {
  const kb = sharedKnowledgeBase();
  const listing = (text: string): Extract<ListingResult, { kind: 'listing' }> => {
    const read = parseListing(text, kb.builds);
    assert.equal(read.kind, 'listing', text);
    return read as Extract<ListingResult, { kind: 'listing' }>;
  };
  const names = (read: Extract<ListingResult, { kind: 'listing' }>) => read.servers.map((s) => [s.name, s.build?.lookup.build ?? null]);

  it('judges every group of the second tuning set right (test/fixtures/listings/tuning-issue25-b.yaml)', () => {
    const entries = parse(readFileSync(join(REPO_ROOT, TUNING_B), 'utf8')) as Entry[];
    const { figures, misses } = scoreListings(kb, entries);
    assert.deepEqual(misses, []);
    assert.ok(figures.groups >= 60 && entries.length >= 25, `${entries.length} listings, ${figures.groups} groups`);
  });

  it('judges a multi-role server as the role value that combines its roles, and a role beside them on its own', () => {
    assert.deepEqual(judgedRoles(['mailbox', 'client-access'], kb.dimensions), [{ role: 'client-access+mailbox', besideMailbox: false }]);
    assert.deepEqual(judgedRoles(['mailbox', 'client-access', 'hub-transport', 'unified-messaging'], kb.dimensions), [
      { role: 'client-access+hub-transport+mailbox', besideMailbox: false },
      { role: 'unified-messaging', besideMailbox: true },
    ]);
    assert.deepEqual(judgedRoles(['edge-transport'], kb.dimensions), [{ role: 'edge-transport', besideMailbox: false }]);
    const dag = listing(
      'Name : A\nServerRole : Mailbox, ClientAccess\nAdminDisplayVersion : Version 15.0 (Build 1497.2)\n\nName : B\nServerRole : Mailbox, ClientAccess\nAdminDisplayVersion : Version 15.0 (Build 1497.2)\n\nName : DAG1\nServers : {A, B}\nWitnessServer : W\n\nOS Name: Microsoft Windows Server 2012 R2 Standard\n',
    );
    const [group] = listingDesign(dag, kb);
    assert.notEqual(group!.verdict, 'not-supported', 'a Mailbox+Client Access DAG member is no Client Access server in a DAG');
  });

  it('reads mail-quoted lines, a bare Windows line, collapsed and wrapped tables, CSV, tab-separated and Markdown tables', () => {
    assert.deepEqual(names(listing('> Name : Q1\n> AdminDisplayVersion : Version 15.1 (Build 2507.6)\n>\n> Name : Q2\n> AdminDisplayVersion : Version 15.1 (Build 2507.6)\n')), [
      ['Q1', '15.1.2507.6'],
      ['Q2', '15.1.2507.6'],
    ]);
    const bare = listing('EX1 15.2.1748.10\nEX2 15.2.1748.10\nPS> (Get-ComputerInfo).WindowsProductName\nWindows Server 2025 Standard\n');
    assert.ok(bare.servers.every((s) => s.os === 'Windows Server 2025 Standard' && s.osFromPaste));
    const collapsed = listing('Name ServerRole AdminDisplayVersion\n---- ---------- -------------------\nC1 Mailbox Version 15.2 (Build 1748.10)\n');
    assert.deepEqual(
      collapsed.servers.map((s) => [s.name, s.roles, s.build?.lookup.build]),
      [['C1', ['mailbox'], '15.2.1748.10']],
    );
    const wrapped = listing(
      'Name   ServerRole     AdminDisplayVersion\n----   ----------     -------------------\nW1     Mailbox,       Version 14.3\n       ClientAccess   (Build 123.4)\n',
    );
    assert.deepEqual(
      wrapped.servers.map((s) => [s.name, s.roles, s.build?.lookup.build]),
      [['W1', ['mailbox', 'client-access'], '14.3.123.4']],
    );
    assert.deepEqual(names(listing('"Name","ServerRole","AdminDisplayVersion"\n"V1","Mailbox, ClientAccess","Version 15.0 (Build 1497.2)"\n')), [['V1', '15.0.1497.2']]);
    assert.deepEqual(names(listing('Name\tAdminDisplayVersion\nT1\tVersion 15.2 (Build 1544.4)\n')), [['T1', '15.2.1544.4']]);
    assert.deepEqual(names(listing('| Name | AdminDisplayVersion |\n|---|---|\n| P1 | Version 15.1 (Build 2507.6) |\n')), [['P1', '15.1.2507.6']]);
  });

  it('reads bulleted and FQDN lines typed by hand, several names on one line, 2003 WMI output and Get-MailboxServer DAG columns', () => {
    assert.deepEqual(names(listing('- A1.corp.example.com: 15.2.1748.10\n* A2 - 15.2.1544.4\n1. A3 (15.1.2507.6)\nB1, B2: Version 15.2 (Build 1748.10)\n')), [
      ['A1', '15.2.1748.10'],
      ['A2', '15.2.1544.4'],
      ['A3', '15.1.2507.6'],
      ['B1', '15.2.1748.10'],
      ['B2', '15.2.1748.10'],
    ]);
    const wmi = listing('Name             : FE1\nExchangeVersion  : Version 6.5 (Build 7638.2: Service Pack 2)\nIsFrontEndServer : True\n');
    assert.deepEqual(
      wmi.servers.map((s) => [s.name, s.roles, s.build?.lookup.build]),
      [['FE1', ['front-end'], '6.5.7638.2']],
    );
    // Get-ExchangeServer's ExchangeVersion is the directory object's version, never read as a build.
    const object = listing(
      'Name : O1\nAdminDisplayVersion : Version 15.2 (Build 1544.4)\nExchangeVersion : 0.1 (8.0.535.0)\n\nName : O2\nExchangeVersion : 0.1 (8.0.535.0)\nServerRole : Mailbox\n',
    );
    assert.deepEqual(names(object), [
      ['O1', '15.2.1544.4'],
      ['O2', null],
    ]);
    const mbx = listing(
      'Name : M1\nDatabaseAvailabilityGroup : DAG-X\nAdminDisplayVersion : Version 15.2 (Build 1748.10)\n\nName : M2\nDatabaseAvailabilityGroup :\nAdminDisplayVersion : Version 15.2 (Build 1748.10)\n',
    );
    assert.deepEqual(
      mbx.servers.map((s) => s.dag ?? null),
      ['DAG-X', null],
    );
  });

  it('reads a server form from a ticket, and an update named in words is judged against the build table as a build is', () => {
    const ticket = listing('Priority: 3\n\nServer: T1\nExchange version: 15.2.1544.4\nOS: Windows Server 2019 Standard\n\nServer: T2\nExchange version: Exchange 2016 CU23\n');
    assert.deepEqual(
      ticket.servers.map((s) => [s.name, s.build?.lookup.build ?? s.named, s.os ?? null]),
      [
        ['T1', '15.2.1544.4', 'Windows Server 2019 Standard'],
        ['T2', 'Exchange 2016 CU23', null],
      ],
    );
    const groups = listingDesign(listing('N1 - Exchange 2019 CU12 - mailbox\nN2 - Exchange 2010 SP2 - mailbox\nN3 - Exchange 2019 CU15 - mailbox\n'), kb);
    const of = (name: string) => groups.find((g) => g.servers[0]!.name === name)!;
    assert.equal(of('N1').facts.updateCurrency, 'behind');
    // Exchange 2019 cannot share an organization with 2010 (coexistence); 2010 SP2 is behind, and for a retired
    // version that is the first condition (session 7 policy), not a break.
    assert.equal(of('N1').verdict, 'not-supported');
    assert.deepEqual(
      of('N1').decisions[0]!.broken.map((l) => l.id),
      ['coexistence-1'],
    );
    assert.equal(of('N2').verdict, 'supported-with-conditions');
    assert.equal(of('N2').facts.updateCurrency, 'behind');
    assert.equal(of('N2').decisions[0]!.conditions[0]!.id, 'service-pack-support-ended-2010');
    assert.equal(of('N3').facts.updateCurrency, 'current');
  });

  it('gives each group the part of an answer aimed at it, and reads Windows stated around the paste but not a plan or a question', () => {
    const answer = { windows: 'Windows Server 2003 Enterprise for the 2003 servers, Windows Server 2003 R2 Enterprise x64 for the 2007 ones' };
    assert.deepEqual(answersForGroup(answer, kb, { version: '2003', names: ['A'] }), { windows: '2003', windowsEdition: 'enterprise' });
    assert.deepEqual(answersForGroup(answer, kb, { version: '2007', names: ['B'] }), { windows: '2003-r2', windowsEdition: 'enterprise', architecture: 'x64' });
    assert.deepEqual(answersForGroup({ windows: 'Windows Server 2008 R2 SP1 Enterprise' }, kb, { names: [] }), { windows: '2008-r2', windowsEdition: 'enterprise' });
    assert.deepEqual(windowsInWords('all on Server 2016 Datacenter. is MB16-03 ok?', kb, { version: '2016', names: [] }), { windows: '2016', windowsEdition: 'datacenter' });
    assert.deepEqual(windowsInWords('can we move them to Windows Server 2025?', kb, { version: '2019', names: [] }), {});
    assert.deepEqual(windowsInWords('we plan new boxes on 2022 Datacenter', kb, { version: '2019', names: [] }), {});
  });

  describe('unknown builds, in every form, named unknown with the nearest known builds and never guessed', () => {
    for (const [form, build] of [
      ['15.2.1999.1', '15.2.1999.1'],
      ['Version 15.2 (Build 1999.1)', '15.2.1999.1'],
      ['15.02.1999.001', '15.2.1999.1'],
      ['14.3.777.1', '14.3.777.1'],
      ['Version 14.3 (Build 777.1)', '14.3.777.1'],
      ['6.5.7999', '6.5.7999'],
      ['8.3.999.1', '8.3.999.1'],
      ['15.3.100.2', '15.3.100.2'],
      ['Version 15.3 (Build 100.2)', '15.3.100.2'],
    ] as const) {
      it(form, () => {
        const answer = answerListing(`EXA ${form}\nEXB 15.2.1748.10`, kb);
        assert.equal(answer.kind, 'listing');
        if (answer.kind !== 'listing') return;
        const line = answer.view.buildLines.find((l) => l.startsWith(build));
        assert.match(line ?? '', /is not a build the table knows/, answer.view.buildLines.join('\n'));
        if (!build.startsWith('15.3')) assert.match(line!, /nearest known build/);
        const group = answer.view.groups.find((g) => g.servers.includes('EXA'))!;
        assert.match(group.label, /^Exchange \(version not shown\)|^Exchange 20\d\d:|^Exchange Server SE:/);
        assert.ok(!/CU\d|SP\d/.test(group.label), `no update guessed: ${group.label}`);
      });
    }

    it('a build named only in the words around the paste is named too', () => {
      const answer = answerListing('EXA 15.2.1748.10\nEXB 15.2.1748.10\n\nsomeone says 15.2.1999.1 is out, is it?', kb);
      assert.equal(answer.kind, 'listing');
      if (answer.kind === 'listing') assert.ok(answer.view.buildLines.some((l) => l.startsWith('15.2.1999.1 is not a build the table knows')));
    });
  });
});
