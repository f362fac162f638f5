import { strict as assert } from 'node:assert';
import { listingDesign, type ListingGroup } from '../../knowledge/listings/listing-design';
import { listingReader } from './listing-helpers';
import { sharedKnowledgeBase } from '../support/shared-knowledge';

/**
 * Issue 25 (l25): facts a paste shows that make a group Not supported, found by the outsider set I's hunt for wrong
 * positives (i38, i39, i43): a DAG member systeminfo shows as a domain controller (M-4), an Edge server joined to the
 * internal domain (M-7), a DAG whose WitnessServer is empty (M-14). Our own pastes beside set I's.
 */
describe('Listings: what the paste shows decides (issue 25, l25)', () => {
  const kb = sharedKnowledgeBase();
  const read = listingReader(kb);
  const judge = (text: string, answers: Record<string, string> = {}): ListingGroup[] => listingDesign(read(text), kb, answers);
  const groupOf = (groups: readonly ListingGroup[], name: string): ListingGroup => {
    const found = groups.find((g) => g.servers.some((s) => s.name === name));
    assert.ok(found, `no group holds ${name}`);
    return found;
  };
  const dag = (witness: string, members: string[]) =>
    [
      `Name          : DAG-T`,
      `Servers       : {${members.join(', ')}}`,
      `WitnessServer :${witness ? ` ${witness}` : ''}`,
      '',
      ...members.flatMap((m) => [`Name                : ${m}`, 'ServerRole          : Mailbox', 'AdminDisplayVersion : Version 15.2 (Build 1748.10)', '']),
    ].join('\n');

  it('judges a DAG Not supported when systeminfo shows any member as a domain controller, first or not', () => {
    for (const config of ['Additional/Backup Domain Controller', 'Primary Domain Controller']) {
      const text = [
        'Host Name:                 T-MB1',
        'OS Name:                   Microsoft Windows Server 2019 Standard',
        'OS Configuration:          Member Server',
        '',
        'Host Name:                 T-MB2',
        'OS Name:                   Microsoft Windows Server 2019 Standard',
        `OS Configuration:          ${config}`,
        '',
        dag('fs1.corp.local', ['T-MB1', 'T-MB2']),
      ].join('\n');
      const group = groupOf(judge(text), 'T-MB1');
      assert.equal(group.facts.domainController, 'yes', config);
      assert.equal(group.verdict, 'not-supported', config);
    }
  });

  it('reads a DAG whose WitnessServer is empty as one without a witness: Not supported with an even member count, not with an odd one', () => {
    const even = groupOf(judge(dag('', ['W-MB1', 'W-MB2']), { windows: 'Windows Server 2019 Standard' }), 'W-MB1');
    assert.equal(even.facts.witness, 'no');
    assert.equal(even.verdict, 'not-supported');
    const odd = groupOf(judge(dag('', ['W-MB1', 'W-MB2', 'W-MB3']), { windows: 'Windows Server 2019 Standard' }), 'W-MB1');
    assert.notEqual(odd.verdict, 'not-supported');
    const named = groupOf(judge(dag('fs9.corp.local', ['W-MB1', 'W-MB2']), { windows: 'Windows Server 2019 Standard' }), 'W-MB1');
    assert.equal(named.facts.witness, 'yes');
  });

  const edge = (domain: string, words = '') =>
    [
      'Name      ServerRole AdminDisplayVersion',
      '----      ---------- -------------------',
      'HQ-MB1    Mailbox    Version 15.2 (Build 1748.10)',
      'HQ-EDGE1  Edge       Version 15.2 (Build 1748.10)',
      '',
      'Host Name:                 HQ-EDGE1',
      'OS Name:                   Microsoft Windows Server 2019 Standard',
      `Domain:                    ${domain}`,
      ...(words ? ['', words] : []),
    ].join('\n');

  it('judges an Edge server joined to the internal domain Not supported, one in a workgroup not, and leaves a domain alone open', () => {
    for (const words of [
      'the edge is joined to corp.hq.local, same domain as HQ-MB1',
      'corp.hq.local is our internal domain, the edge too',
      'edge sits in corp.hq.local with our DCs, same domain',
    ]) {
      const joined = groupOf(judge(edge('corp.hq.local', words)), 'HQ-EDGE1');
      assert.equal(joined.facts.edgeDomainJoined, 'yes', words);
      assert.equal(joined.verdict, 'not-supported', words);
    }
    const workgroup = groupOf(judge(edge('WORKGROUP')), 'HQ-EDGE1');
    assert.equal(workgroup.facts.edgeDomainJoined, 'no');
    assert.notEqual(workgroup.verdict, 'not-supported');
    // A domain alone may be a perimeter domain (M-7 allows it): not read as joined, never plain Supported either.
    const alone = groupOf(judge(edge('dmz.hq.local')), 'HQ-EDGE1');
    assert.equal(alone.facts.edgeDomainJoined, undefined);
    assert.notEqual(alone.verdict, 'supported', 'the domain membership stays a condition');
    // Session 15 (lead): the words around a paste now give an Edge group its domain fact; these say the Edge's domain is a
    // perimeter forest of its own, the design M-7 allows ("no": not joined to the internal domain).
    const denied = groupOf(judge(edge('dmz.hq.local', 'dmz.hq.local is not joined to our internal domain, it is a perimeter forest')), 'HQ-EDGE1');
    assert.equal(denied.facts.edgeDomainJoined, 'no');
  });

  const estate = (words: string) =>
    [
      'Name        Site                                     AdminDisplayVersion',
      '----        ----                                     -------------------',
      'LY-OLD      corp.local/Configuration/Sites/Lyon      Version 15.1 (Build 2507.6)',
      'PA-NEW      corp.local/Configuration/Sites/Paris     Version 15.2 (Build 1748.10)',
      '',
      words,
    ].join('\n');

  it('gives the Windows typed after a server named like a plan ("PA-NEW: ...") to that server', () => {
    const groups = judge(estate('LY-OLD: Windows Server 2016 Standard with desktop experience. PA-NEW: Windows Server 2019 Standard. both standalone, mailbox role'));
    assert.equal(groupOf(groups, 'PA-NEW').facts.windows, '2019');
    assert.equal(groupOf(groups, 'LY-OLD').facts.windows, '2016');
  });

  it('reads "16 box = ...", "ex19: ..." as aimed at one version, and "GUI" or "desktop experience" as no Server Core', () => {
    for (const words of [
      '16 box = Server 2016 Std GUI, 19 box = 2019 Std. all single servers, mailbox role',
      'ex16: 2016 standard (desktop experience); ex19: windows 2019 standard. all single servers, mailbox role',
    ]) {
      const groups = judge(estate(words));
      const old = groupOf(groups, 'LY-OLD');
      assert.equal(old.facts.windows, '2016', words);
      assert.equal(old.facts.serverCore, 'no', words);
      assert.equal(old.verdict, 'supported', words);
      assert.equal(groupOf(groups, 'PA-NEW').facts.windows, '2019', words);
    }
  });
});
