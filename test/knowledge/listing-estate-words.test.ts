import { strict as assert } from 'node:assert';
import { listingDesign, type ListingGroup } from '../../knowledge/listings/listing-design';
import { answersForGroup, designInWords } from '../../knowledge/listings/group-answers';
import { parseListing, type ListingResult } from '../../knowledge/listings/listing-parser';
import { listingView } from '../../knowledge/listings/listing-reply';
import { sharedKnowledgeBase } from '../support/shared-knowledge';

/**
 * Issue 25, third pass: what a running server settles by itself (its architecture), the design said in
 * words around a paste, answers aimed at a role or typed as "CU14", and the Update Rollup a coexistence
 * minimum names (Exchange 2016 beside 2010 needs 2010 SP3 RU11, Exchange 2016 system requirements).
 */
describe('Listings: the estate around the paste (issue 25, third pass)', () => {
  const kb = sharedKnowledgeBase();
  const judge = (text: string, answers: Record<string, string> = {}): ListingGroup[] => {
    const read = parseListing(text, kb.builds);
    assert.equal(read.kind, 'listing', text);
    return listingDesign(read as Extract<ListingResult, { kind: 'listing' }>, kb, answers);
  };
  const group = (groups: readonly ListingGroup[], name: string): ListingGroup => {
    const found = groups.find((g) => g.servers.some((s) => s.name === name));
    assert.ok(found, `no group holds ${name}`);
    return found;
  };

  it('takes the one architecture a running Exchange 2003 or 2010 server can have, and says it assumed it', () => {
    const groups = judge(
      [
        'Name      ServerRole                          Edition    AdminDisplayVersion',
        '----      ----------                          -------    -------------------',
        'OLDEX03   None                                Enterprise Version 6.5 (Build 7638.2: Service Pack 2)',
        'EX2010A   Mailbox, ClientAccess, HubTransport Standard   Version 14.3 (Build 123.4)',
        '',
        'the 2003 box is on Windows Server 2003 R2 Enterprise SP2, the 2010 one on 2008 R2 Standard. no DAG, no cluster.',
      ].join('\n'),
    );
    const old = group(groups, 'OLDEX03');
    assert.equal(old.facts.windows, '2003-r2', 'the clause aimed at "the 2003 box" is that group\'s Windows');
    assert.deepEqual(old.asks, []);
    assert.equal(old.verdict, 'supported');
    assert.ok(old.decisions[0]?.assumed?.some((a) => a.dimension === 'architecture' && a.values.includes('x86')));
    const view = listingView(parseListing('EX1 6.5.7638.2\nEX2 6.5.7638.2', kb.builds) as Extract<ListingResult, { kind: 'listing' }>, [old], kb.dimensions);
    assert.ok(
      view.groups[0]!.notes.some((n) => /^Assumed: 32-bit/.test(n)),
      view.groups[0]!.notes.join(' | '),
    );
    const e2010 = group(groups, 'EX2010A');
    assert.equal(e2010.facts.windows, '2008-r2');
    assert.ok(!e2010.asks.includes('architecture'));
    // The rollup "Version 14.3 (Build 123.4)" hides is said, but no rule reads it: no condition of its own.
    assert.ok(e2010.notes.some((n) => /update rollup is not known/.test(n)));
    assert.ok(!e2010.decisions.some((d) => d?.conditions.some((c) => /update rollup/.test(c.condition))));
  });

  it('reads the design said around the paste, each clause for the servers it names', () => {
    const cluster = judge(
      [
        'EXCL1 - Exchange 2003 SP2 (6.5.7638.2), active node',
        'EXCL2 - Exchange 2003 SP2 (6.5.7638.2), passive node',
        '2-node Exchange 2003 active/passive cluster on Windows Server 2003 Enterprise Edition SP2.',
      ].join('\n'),
    );
    assert.equal(cluster.length, 1);
    assert.equal(kb.knownFacts(cluster[0]!.facts).ha, 'cluster');
    assert.ok(!cluster[0]!.asks.includes('ha') && !cluster[0]!.asks.includes('role'), cluster[0]!.asks.join(','));
    const words = 'The two FEs sit behind NLB, the back-ends are a 2-node cluster. Is this still ok?';
    const all = ['FE1', 'FE2', 'BE1', 'BE2'];
    assert.equal(designInWords(words, kb, { version: '2003', names: ['FE1', 'FE2'], roles: ['front-end'], allNames: all }).ha, 'nlb');
    assert.equal(designInWords(words, kb, { version: '2003', names: ['BE1', 'BE2'], roles: ['back-end'], allNames: all }).ha, 'clustering');
    // A plan or a question is not what runs; a clause about the mailbox servers never reaches the Edge server.
    assert.deepEqual(designInWords('should we put them behind a load balancer?', kb, { names: ['EX1'], roles: ['mailbox'] }), {});
    assert.equal(designInWords('the mailbox servers are in a DAG', kb, { names: ['EDGE1'], roles: ['edge-transport'], allNames: ['EX1', 'EDGE1'] }).ha, undefined);
    // A clause naming other servers is not about this group.
    assert.equal(designInWords('EX3 is a domain controller', kb, { names: ['EX1'], allNames: ['EX1', 'EX3'] }).domainController, undefined);
    assert.equal(designInWords('EX3 is a domain controller', kb, { names: ['EX3'], allNames: ['EX1', 'EX3'] }).domainController, 'yes');
  });

  it('reads answers aimed at a role, and "CU14" as an update of the group\'s version', () => {
    const answer = { ha: 'front-ends behind NLB; back-ends clustered' };
    assert.equal(answersForGroup(answer, kb, { version: '2003', names: ['FE1'], roles: ['front-end'] }).ha, 'nlb');
    assert.equal(answersForGroup(answer, kb, { version: '2003', names: ['BE1'], roles: ['back-end'] }).ha, 'clustering');
    assert.equal(answersForGroup({ update: 'CU14' }, kb, { version: '2019', names: ['EX1'] }).update, 'e2019-cu14');
    assert.equal(answersForGroup({ role: 'mailbox' }, kb, { version: '2019', names: ['EX1'], roles: [] }).role, 'mailbox');
    // An update answered for servers whose paste names only the version is as behind as its build would be.
    const [named] = judge('EX01 - Exchange 2019 - mailbox\nEX02 - Exchange 2019 - mailbox\n\nno DAG, Windows Server 2022 Standard', { update: 'CU12' });
    assert.equal(named!.facts.updateCurrency, 'behind');
    // Exchange 2019 is retired: an update level behind is a condition of its design (session 7 policy), named first.
    assert.equal(named!.verdict, 'supported-with-conditions');
    assert.equal(named!.decisions[0]!.conditions[0]!.id, 'update-behind-on-retired-version');
  });

  it('names the unknown fact of an answer in its error', () => {
    assert.throws(() => answersForGroup({ colour: 'blue' }, kb, { names: ['EX1'] }), /answers name "colour".*no fact the check knows/);
  });

  it('checks the Update Rollup Exchange 2016 needs on every Exchange 2010 server (2010 SP3 RU11)', () => {
    const paste = (build2010: string) =>
      [`EX10 ${build2010}`, 'EX16 15.1.2507.6', '', 'both standalone, EX10 on Windows Server 2008 R2 Standard, EX16 on Windows Server 2016 Standard'].join('\n');
    // RU10 (14.3.248.2) is below the minimum: the 2016 server is not supported in that organization.
    const below = group(judge(paste('14.3.248.2')), 'EX16');
    assert.equal(below.verdict, 'not-supported');
    assert.ok(below.decisions[0]!.broken.some((b) => /Update Rollup 11/.test(b.reason) && /EX10/.test(b.reason)));
    // RU11 (14.3.266.2) meets it: coexistence adds nothing.
    const met = group(judge(paste('14.3.266.2')), 'EX16');
    assert.ok(!met.decisions.some((d) => d?.broken.some((b) => b.id.startsWith('coexistence')) || d?.conditions.some((c) => c.id.startsWith('coexistence'))));
    assert.notEqual(met.verdict, 'not-supported');
    // SP3 shown as "Version 14.3 (Build 123.4)": the rollup is not known, a condition naming it, never "Supported".
    const unshown = group(judge(paste('Version 14.3 (Build 123.4)')), 'EX16');
    assert.equal(unshown.verdict, 'supported-with-conditions');
    assert.ok(unshown.decisions[0]!.conditions.some((c) => c.id === 'coexistence-rollup-1' && /does not show the update rollup of EX10/.test(c.condition)));
    // SP2 is below SP3 whatever its rollup.
    assert.equal(group(judge(paste('14.2.247.5')), 'EX16').verdict, 'not-supported');
  });
});
