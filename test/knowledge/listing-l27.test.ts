import { strict as assert } from 'node:assert';
import { breakdownMarkdown, listingForm, scoreListings, type Entry } from '../../bench/listings';
import { loadKnowledgeBase } from '../../knowledge';

describe('Listings bench breakdown (bench/listings.ts, session 11 l27): counts only, by verdict and by form', () => {
  const kb = loadKnowledgeBase();

  const forms: [string, string][] = [
    ['dn: CN=EX01,CN=Servers,CN=First Administrative Group\nserialNumber: Version 6.5 (Build 7638.2: Service Pack 2)', 'directory dump'],
    ['C:\\>cluster node\nNode           Node ID Status\n-------------- ------- ---------\nMC-A                 1 Up', 'cluster output'],
    ['Host Name:                 EX01\nOS Name:                   Microsoft Windows Server 2019 Standard', 'windows output'],
    ['[\n  {\n    "Name": "EX01",\n    "AdminDisplayVersion": "Version 15.2 (Build 1748.10)"\n  }\n]', 'json'],
    ['"Name","ServerRole","AdminDisplayVersion"\n"EX01","Mailbox","Version 15.2 (Build 1748.10)"', 'csv'],
    ['Name  ServerRole  AdminDisplayVersion\n----  ----------  -------------------\nEX01  Mailbox     Version 15.2 (Build 1748.10)', 'table'],
    ['Name                : EX01\nServerRole          : Mailbox\nAdminDisplayVersion : Version 15.2 (Build 1748.10)', 'format-list'],
    ['EX01 is on 15.2.1748.10, win 2019 std\nEX02 same', 'typed'],
  ];
  for (const [paste, form] of forms)
    it(`reads the form of a paste: ${form}`, () => {
      assert.equal(listingForm(paste), form);
    });

  it('counts expected verdict x reply and misses by form, the entry kind first', () => {
    const entries: Entry[] = [
      {
        id: 'x1',
        kind: 'own kind',
        paste: 'Name                : EX01\nServerRole          : Mailbox\nAdminDisplayVersion : Version 15.2 (Build 1748.10)\n\nno DAG, Windows Server 2019 Standard',
        expect: { groups: [{ servers: 'EX01', version: '2019', verdict: 'not-covered' }] },
      },
      {
        id: 'x2',
        paste: 'EX01 is on 15.2.1748.10, win 2019 std, single box\nEX02 is on 15.2.1748.10, win 2019 std, single box',
        expect: { groups: [{ servers: 'NOPE', version: '2019', verdict: 'supported' }] },
      },
    ];
    const { breakdown } = scoreListings(kb, entries);
    const row = breakdown.matrix.NC!;
    assert.equal(
      Object.values(row).reduce((a, b) => a + b, 0),
      1,
    );
    assert.equal(row.NC ?? 0, 0);
    assert.deepEqual(breakdown.matrix.S, { 'no group': 1 });
    assert.deepEqual(breakdown.byForm['own kind'], { groups: 1, serversMissed: 0, versionMissed: 0, verdictMissed: 1, noGroup: 0 });
    assert.deepEqual(breakdown.byForm.typed, { groups: 1, serversMissed: 0, versionMissed: 0, verdictMissed: 0, noGroup: 1 });
    assert.equal(breakdown.missesByPair['S -> no group']!['2019'], 1);
    const md = breakdownMarkdown(breakdown).join('\n');
    assert.match(md, /\| S \| 0 \| 0 \| 0 \| 0 \| 0 \| 1 \|/);
    assert.doesNotMatch(md, /x1|x2|EX01/);
  });
});
