import { strict as assert } from 'node:assert';
import type { FactRecognizer } from '../../knowledge/reading/fact-recognizer';
import { serversInSeveralDomains, serversInWorkgroup } from '../../knowledge/reading/dag-domains';
import { sharedKnowledgeBase } from '../support/shared-knowledge';

/** Issue 21 (n21): DAG members said to sit in more than one Active Directory domain (M-4, plan-ha.md). */
describe('DAG members in several domains (issue 21)', () => {
  const cases: ReadonlyArray<readonly [string, boolean]> = [
    ['2019 CU15 DAG, 2 servers in contoso.com and 2 in the child domain emea.contoso.com', true],
    ['forgot to say two of the members are in the child domain emea.contoso.com, the other two in the root domain', true],
    ['SE DAG of 4: MBX1, MBX2 in corp.fabrikam.com, MBX3, MBX4 in eu.fabrikam.com', true],
    ['the DAG members are spread across two AD domains', true],
    ['4 node DAG, members in different domains', true],
    // Session 13 o25 (w9-red-119): the one domain denied.
    ['SE dag of 4 on 2025 std, not DCs, members are not all in the same domain', true],
    ["the two members aren't in one domain", true],
    // Session 14 (lead): one member singled out in a domain of its own.
    ['2019 dag where node3 is in a child domain', true],
    ['SE DAG of 4, one of the members sits in emea.contoso.com', true],
    ['2016 dag of 2, the new member will be in the resource domain', true],
    ['SE DAG of 4, the witness is in the child domain', false],
    ['single SE server, the server is in the child domain emea.contoso.com', false],
    ['SE DAG of 2, the DCs are not in the same domain', false],
    // Session 15 (lead): servers or their sites in more than one forest, never the users' forests.
    ['2016 cu23 dag of 4 across two sites, 2 per site, both sites in different AD forests', true],
    ['SE dag of 4, members across two forests', true],
    ['SE dag of 2 on 2025 std, users in two forests via a resource forest', false],
    // Session 14 o26 (w9-after-30): one server placed in a domain other than the rest's.
    ['one more thing, MBX2 sits in our second domain emea.contoso.com', true],
    ["MBX2 moves to our partner's domain (partner.local, same forest) next month", true],
    ['the witness FS1 is in another domain', false],
    ['all members in the child domain', false],
    // One domain, or the domains of something other than the members.
    ['SE DAG of 4, all members in contoso.com', false],
    ['2 servers in the child domain emea.contoso.com, nothing in the root', false],
    ['SE DAG of 2, the DCs are in two domains', false],
    ['2019 DAG, witness on fs1.contoso.com, users in fabrikam.com and contoso.com', false],
    ['we have two domain controllers and a DAG of 2', false],
    ['namespace mail.contoso.com, autodiscover.contoso.com', false],
  ];
  for (const [text, several] of cases) {
    it(`"${text}" → ${several ? 'several domains' : 'not several'}`, () => {
      assert.equal(serversInSeveralDomains(text), several);
    });
  }

  describe('as a stated fact of a DAG', () => {
    let recognizer: FactRecognizer;
    before(() => {
      recognizer = sharedKnowledgeBase().recognizer;
    });
    const facts: ReadonlyArray<readonly [string, string | undefined]> = [
      ['2019 CU15 DAG, 2 servers in contoso.com and 2 in the child domain emea.contoso.com, witness on a file server', 'yes'],
      ['SE DAG of 2 on ws2025 std, both in the same domain', 'no'],
      // Not a DAG: no fact of a DAG's members.
      ['two exchange SE servers, one in contoso.com and one in emea.contoso.com', undefined],
      ['SE DAG of 2 on ws2025 std, one domain controller per site', undefined],
    ];
    for (const [text, value] of facts) {
      it(`"${text}" → mixedDomains ${value ?? 'unsaid'}`, () => {
        assert.equal(recognizer.extract(text).facts.mixedDomains, value);
      });
    }
  });
});

/** Session 9 (d21, w6-hunt-75): DAG members in a workgroup, joined to no domain (M-4, plan-ha.md). */
describe('DAG members in a workgroup (session 9)', () => {
  const cases: ReadonlyArray<readonly [string, boolean]> = [
    ['2019 cu15 dag, 2 members on 2019 std, fsw, the members are in a workgroup (not domain joined) for security', true],
    ['SE dag of 3 on 2025 std, no dcs, members are workgroup servers', true],
    ['SE DAG of 2, both members not joined to the domain', true],
    // An Edge server's workgroup, the witness's, or nothing of the kind.
    ['SE dag of 2 on 2025 std plus an edge in a workgroup in the dmz', false],
    ['SE dag of 2, witness on a workgroup file server', false],
    ['SE dag of 2 on 2025 std, both in the same domain', false],
  ];
  for (const [text, workgroup] of cases) {
    it(`"${text}" → ${workgroup ? 'workgroup' : 'not a workgroup'}`, () => {
      assert.equal(serversInWorkgroup(text), workgroup);
    });
  }

  it('a DAG whose members are in a workgroup is not supported (limit dag-members-domain-joined, M-4); quiet while unsaid', () => {
    const kb = sharedKnowledgeBase();
    const facts = { version: 'se', role: 'mailbox', ha: 'dag', edition: 'standard', windows: '2025', windowsEdition: 'standard', nodes: '3', domainController: 'no' };
    const broken = kb.decide({ ...facts, mixedDomains: 'workgroup' });
    assert.equal(broken?.verdict, 'not-supported');
    assert.ok(broken?.broken.some((l) => l.id === 'dag-members-domain-joined'));
    const unsaid = kb.decide(facts);
    assert.notEqual(unsaid?.verdict, 'not-supported');
    assert.ok(!unsaid?.conditions.some((l) => l.id === 'dag-members-domain-joined'));
  });
});
