import { strict as assert } from 'node:assert';
import { describeTypedUpdate, namedUpdateCurrency, spellUpdates, updateGap } from '../../knowledge/reading/typed-update';
import { saidUnknown } from '../../knowledge/reading/said-unknown';
import { sharedKnowledgeBase } from '../support/shared-knowledge';

/*
 * A CU typed in words is as far behind as its build would be (issue 21, t21): the chat check judges
 * "Exchange 2019 CU10" as a pasted 15.2.922 build is judged, by the build table's current-update policy.
 */
describe('a CU typed in words (knowledge/reading/typed-update.ts)', () => {
  const kb = sharedKnowledgeBase();

  it('says "behind" only for an update (a CU or a service pack) that no longer gets security updates', () => {
    const cases: [string, string, string | undefined][] = [
      ['2019', 'exchange 2019 cu10 single server', 'behind'],
      ['2019', 'e2k19 CU 13 standalone', 'behind'],
      ['2019', 'Exchange 2019 CU14', undefined],
      ['2019', 'exchange 2019 cu15 on 2022', undefined],
      ['2016', 'Exchange 2016 with CU22 on 2012 R2', 'behind'],
      ['2016', 'exchange 2016 cu23', undefined],
      ['2013', 'exchange 2013 cu21 on 2012 r2', 'behind'],
      // A service pack whose support ended is behind as its pasted build is (session 7: planned or running alike).
      ['2007', 'exchange 2007 sp2 ccr', 'behind'],
      ['2007', 'exchange 2007 sp3 ccr', undefined],
      ['2003', 'ex2k3 sp1 back-end single server', 'behind'],
      ['2003', 'ex2k3 sp2 back-end single server', undefined],
      // A CU newer than every one the table lists (session 9: SE's table knows RTM only): not checked, so "unlisted".
      ['se', 'SE single server, we are on cu1', 'unlisted'],
      ['se', 'exchange se cu2 on 2025', 'unlisted'],
      ['se', 'exchange se rtm on 2025', undefined],
      ['2019', 'exchange 2019 cu16 on 2025', 'unlisted'],
      // A change of CU, or a choice: which one the servers run is not said.
      ['2019', 'from cu13 to cu15 next month', undefined],
      ['2019', 'upgrading cu13 -> cu15', undefined],
      ['2019', 'is cu14 or cu15 better?', undefined],
      // Servers on different CUs (a mixed DAG): the one furthest behind decides.
      ['2019', 'one on cu10, one on cu15', 'behind'],
      ['2019', 'members on CU14 and CU13', 'behind'],
      ['2016', 'two are cu23 and two cu22', 'behind'],
      ['2019', 'dag members on cu14 and cu15', undefined],
      // The CU running now, said beside one left or never reached.
      ['2019', 'we were on CU15 but rolled back to CU11 after the OWA issues', 'behind'],
      ['2013', "no wait, I checked: it's CU 21, the CU23 upgrade was never done", 'behind'],
      ['2019', 'we are on cu13 and upgrading to cu15 next month', 'behind'],
      ['2019', 'MBX-A = CU15, MBX-B = CU11 (update failed)', 'behind'],
      ['2019', 'one of them is still on cu10 and the other on cu15, patching got stuck', 'behind'],
      // A CU said to be planned is not the one running (o23, w9-red-04).
      ['2019', 'exchange 2019 cu13 on 2022 std - cu15 is planned for january', 'behind'],
      ['2019', 'exchange 2019 cu15 on 2022, cu14 next month', undefined],
      // Long forms and numbers in words.
      ['2019', "we're on cumulative update 11", 'behind'],
      ['2016', 'cu twenty btw', 'behind'],
      ['2016', 'Cumulative Update 23', undefined],
      // RTM is behind whether the version had CUs or service packs after it.
      ['2019', 'Exchange 2019 RTM still running, never patched', 'behind'],
      ['2010', 'exchange 2010 rtm single server', 'behind'],
      // A service pack beside a CU: not read.
      ['2013', 'exchange 2013 sp1 and cu21', undefined],
      ['2019', 'exchange 2019 mailbox server', undefined],
    ];
    for (const [version, text, expected] of cases) assert.equal(namedUpdateCurrency(kb.builds, version, text), expected, text);
  });

  it('of several CUs for servers on different CUs, the oldest sets the update, in a message and in an answer', () => {
    const mixed = kb.recognizer.extract('exchange 2019 dag, 2 members on windows 2022 standard, one on cu10, one on cu15').facts;
    assert.equal(mixed.update, 'e2019-before-cu12');
    assert.equal(mixed.updateCurrency, 'behind');
    // Both CUs named with the version: the version is still read.
    assert.deepEqual(
      [kb.recognizer.extract('exchange 2019 cu13 and cu15 mixed in the dag').facts].map((f) => [f.version, f.update, f.updateCurrency]),
      [['2019', 'e2019-cu12-cu13', 'behind']],
    );
    assert.deepEqual(kb.recognizer.readAnswer('update', 'members on CU14 and CU13', { version: '2019' }), { update: 'e2019-cu12-cu13', updateCurrency: 'behind' });
    // Two Exchange versions: which CU is whose is not said.
    assert.equal(kb.recognizer.extract('exchange 2016 cu23 and exchange 2019 cu15 in one dag').facts.updateCurrency, undefined);
    // A change of CU leaves the update open.
    assert.equal(kb.recognizer.extract('exchange 2019 dag, from cu13 to cu15 next month').facts.update, undefined);
  });

  it('spells long forms short at the same length, so the phrase tables read them', () => {
    assert.equal(spellUpdates('on Cumulative Update 21 now'), `on ${'cu21'.padEnd('Cumulative Update 21'.length)} now`);
    assert.equal(spellUpdates('cu twenty-two'), 'cu22'.padEnd('cu twenty-two'.length));
    assert.equal(spellUpdates('windows 2008 service pack 2'), `windows 2008 ${'sp2'.padEnd('service pack 2'.length)}`);
    assert.equal(spellUpdates('a plain sentence about the cube'), 'a plain sentence about the cube');
    assert.equal(kb.recognizer.extract('Exchange Server 2016 Cumulative Update 21 on Windows Server 2016 Standard').facts.update, 'e2016-cu3-or-later');
    assert.equal(kb.recognizer.readAnswer('update', 'cu twenty btw', { version: '2016' }).updateCurrency, 'behind');
  });

  it('says what to update to for a CU typed in words that is behind, and nothing for a current one', () => {
    assert.equal(describeTypedUpdate(kb.builds, '2019', 'exchange 2019 cu10'), 'Exchange 2019 CU10 is more than one CU behind: update to CU14 or CU15.');
    assert.equal(describeTypedUpdate(kb.builds, '2019', 'exchange 2019 cu15'), undefined);
    assert.equal(
      describeTypedUpdate(kb.builds, '2007', 'exchange 2007 sp2'),
      'Microsoft ended support for Exchange 2007 SP2 on 12 July 2011, before Exchange 2007 itself: update to SP3.',
    );
    assert.equal(describeTypedUpdate(kb.builds, '2007', 'exchange 2007 sp3'), undefined);
  });

  it('is read with the sentence, in a first message and in an answer to the update question', () => {
    assert.equal(kb.recognizer.extract('single Exchange 2019 mailbox server CU10 on Windows Server 2019 Standard').facts.updateCurrency, 'behind');
    assert.equal(kb.recognizer.readAnswer('update', 'cu11', { version: '2019' }).updateCurrency, 'behind');
    assert.equal(kb.recognizer.readAnswer('update', 'cu15', { version: '2019' }).updateCurrency, undefined);
  });

  it('reads how many updates behind the servers are, said in words (o23)', () => {
    const cases: [string, number | undefined][] = [
      ['I think we are 2 CUs behind', 2],
      ['fyi we are two cumulative updates behind', 2],
      ['a couple of CUs behind tbh', 2],
      ['one cu back actually', 1],
      ['we are one cu behind the latest', 1],
      ["btw we're still on RTM and CU2 is out", 2],
      ['we are on cu1 while cu3 is already released', 2],
      ['still on SE CU1 and CU3 has been out for a month', 2],
      ['the latest is cu3 and we run cu2', 1],
      ['not on the latest cu', 1],
      ['we are on the latest cu', undefined],
      ['cu3 is out next month', undefined],
      ['2 dbs behind on replication', undefined],
    ];
    for (const [text, expected] of cases) assert.equal(updateGap(text), expected, text);
  });

  it('a gap said in words is behind from as many updates as the policy services (A-9): 2 for SE and 2019, 1 for 2016', () => {
    const cases: [string, string, string | undefined][] = [
      ['se', 'we are 2 CUs behind', 'behind'],
      ['se', 'one cu behind the latest', 'current'],
      ['se', 'not on the latest cu', 'current'],
      ['2019', 'one cu back', undefined],
      ['2016', 'one cu back', 'behind'],
      ['2016', 'not on the latest cu', 'behind'],
    ];
    for (const [version, text, expected] of cases) assert.equal(kb.recognizer.extract(text, { version }).facts.updateCurrency, expected, `${version}: ${text}`);
  });

  it('names the facts a message says are unknown (o23): never asked', () => {
    const cases: [string, string[]][] = [
      ['exchange 2016, not sure which cu, one mailbox server', ['update']],
      ['2019 dag of 4 on 2022 std, cu unknown, fsw on fs1', ['update']],
      ['exchange 2010 sp3 dag of 2, dunno the rollup', ['update']],
      ['no idea which os the box runs', ['windows']],
      ['not sure about the windows edition', ['windowsEdition']],
      ['not sure if this is supported', []],
      ['exchange 2019 cu15 single server', []],
    ];
    for (const [text, expected] of cases) assert.deepEqual(saidUnknown(text), expected, text);
  });
});
