import { strict as assert } from 'node:assert';
import { type KnowledgeBase } from '../../knowledge';
import { minimumLevel } from '../../knowledge/direct-answers/coexistence-answers';
import { sharedKnowledgeBase } from '../support/shared-knowledge';

/** Issue 19: the server roles of a version, from the role values the check asks about. */
describe('direct answers: the server roles of a version (issue 19)', () => {
  let kb: KnowledgeBase;
  before(() => {
    kb = sharedKnowledgeBase();
  });
  const answer = (text: string) => {
    const question = kb.directAnswers.read(text);
    return question && kb.directAnswers.answer(question);
  };

  for (const [text, expected] of [
    ['which roles exist in exchange 2016', /^Exchange 2016 has two server roles: Mailbox and Edge Transport\.$/],
    ['what server roles does exchange 2019 have', /^Exchange 2019 has two server roles: Mailbox and Edge Transport\.$/],
    ['exchange 2010 roles list', /^Exchange 2010 has five server roles: Mailbox, Client Access, Hub Transport, Unified Messaging and Edge Transport\.$/],
    ['ex2013 server roles?', /^Exchange 2013 has three server roles: Mailbox, Client Access and Edge Transport\.$/],
  ] as const) {
    it(`"${text}" → ${expected}`, () => {
      const found = answer(text);
      assert.match(found?.answer ?? '', expected);
      assert.deepEqual(
        found?.sources.map((s) => s.status),
        ['Microsoft doc'],
      );
    });
  }

  it('"which roles can be clustered" is still the clustering question, and Exchange 2003 (front-end and back-end servers) is left to the articles', () => {
    assert.equal(kb.directAnswers.read('exchange 2007: which roles can be clustered')?.attribute, 'clusterable-roles');
    assert.equal(answer('exchange 2003 roles'), undefined);
  });

  // Session 8: a role at an update level, where the check's outcomes make it depend on the level (Edge in Exchange 2013 from SP1).
  for (const [text, expected] of [
    ['is the edge role in exchange 2013 sp1', /^Yes: Exchange 2013 SP1 \(CU4\) or later has the Edge Transport role\./],
    ['edge role in 2013 RTM?', /^No: The Edge Transport role exists in Exchange 2013 only from SP1 \(CU4\) on/],
    ['was the edge role there in exchange 2013 RTM?', /^No: /],
    ['does exchange 2013 cu2 have an edge transport role', /^No: /],
    ['since which cu does exchange 2013 have edge transport', /^The Edge Transport role exists in Exchange 2013 only from SP1 \(CU4\) on/],
    ['which exchange 2013 update brought back the edge server role?', /only from SP1 \(CU4\)/],
    ['from what version does exchange 2013 have the edge transport role', /only from SP1 \(CU4\)/],
  ] as const) {
    it(`a role at an update level: "${text}" → ${expected}`, () => {
      const found = answer(text);
      assert.equal(found?.question.attribute, 'server-roles');
      assert.match(found?.answer ?? '', expected);
    });
  }

  it('a role at an update level is no answer where the role does not depend on the level, nor a Yes to "is it supported" (the check judges that)', () => {
    assert.equal(kb.directAnswers.read('is the edge role in exchange 2016 cu23'), undefined);
    assert.equal(kb.directAnswers.read('is an exchange 2013 sp1 edge transport server supported'), undefined);
  });

  it('one truth: the role at every update level agrees with the check (some setup allowed at that level, or none)', () => {
    for (const version of ['2007', '2010', '2013', '2016', '2019']) {
      for (const role of kb.valuesFor('role', { version })) {
        for (const update of kb.valuesFor('update', { version })) {
          const found = kb.directAnswers.answer({ attribute: 'server-roles', subject: { version, role: role.id, update: update.id }, text: 'is the role there' });
          if (!found) continue;
          const allowed = kb.setups({ version, role: role.id, update: update.id }).some((s) => s.verdict === 'supported' || s.verdict === 'supported-with-conditions');
          assert.equal(found.answer.startsWith('Yes:'), allowed, `${version} ${role.id} ${update.id}: ${found.answer}`);
        }
      }
    }
  });

  // Session 8: one role asked as clusterable, Yes with its technologies or No with the rule refusing every clustered setup of it.
  for (const [text, expected] of [
    ['is the e2k7 mailbox role clusterable', /^Yes: in Exchange 2007, Mailbox \(server cluster or CCR\) can be clustered\.$/],
    ['can the exchange 2007 hub transport role be clustered', /^No: Exchange 2007 clusters and replicates only the Mailbox role/],
    ['is the exchange 2003 front-end role clusterable', /^No: Installing an Exchange 2000 or 2003 front-end server on a Windows server cluster is not supported/],
  ] as const) {
    it(`a role asked as clusterable: "${text}" → ${expected}`, () => {
      const found = answer(text);
      assert.equal(found?.question.attribute, 'clusterable-roles');
      assert.match(found?.answer ?? '', expected);
    });
  }

  it('one truth: a role asked as clusterable is Yes exactly when the check allows some clustered setup of it', () => {
    for (const version of ['2000', '2003', '2007', '2010', '2013', '2016', '2019', 'se']) {
      const technologies = kb.valuesFor('ha', { version }).filter((h) => ['cluster', 'ccr', 'dag'].includes(h.id));
      for (const role of kb.valuesFor('role', { version })) {
        const found = kb.directAnswers.answer({ attribute: 'clusterable-roles', subject: { version, role: role.id }, text: 'is it clusterable' });
        if (!found) continue;
        const allowed = technologies.some((h) =>
          kb.setups({ version, role: role.id, ha: h.id }).some((s) => s.verdict === 'supported' || s.verdict === 'supported-with-conditions'),
        );
        assert.equal(found.answer.startsWith('Yes:'), allowed, `${version} ${role.id}: ${found.answer}`);
      }
    }
  });

  it('"which windows 2003 editions include the cluster service" names the editions with a cluster node limit', () => {
    assert.match(
      answer('which windows 2003 editions include the cluster service')?.answer ?? '',
      /^Up to 8 nodes on Windows Server 2003 Enterprise or Windows Server 2003 Datacenter\./,
    );
  });

  it('one truth: for every version the answer names exactly the single roles the check offers', () => {
    for (const version of ['2007', '2010', '2013', '2016', '2019', 'se']) {
      const found = kb.directAnswers.answer({ attribute: 'server-roles', subject: { version }, text: `${version} roles` });
      const offered = kb.dimensions
        .find((d) => d.id === 'role')!
        .values.filter((v) => kb.valuesFor('role', { version }).some((x) => x.id === v.id) && v.combines === undefined && v.id !== 'other')
        .map((v) => v.label);
      assert.ok(found, version);
      for (const role of offered) assert.ok(found.answer.includes(role), `${version}: ${role} missing from "${found.answer}"`);
      assert.equal(found.answer.split(/, | and /).length, offered.length, found.answer);
    }
  });
});

/** Session 8 (w6 #11): every coexistence minimum of the table is read as an update level, so a typed update can be held against it. */
describe('coexistence minimums read as update levels (session 8)', () => {
  it("every supported pair names the older version's CU or service pack in its minimum", () => {
    const kb = sharedKnowledgeBase();
    for (const entry of kb.coexistence.filter((e) => e.supported)) {
      assert.ok(minimumLevel(entry.minimum ?? '', entry.with), `${entry.version} with ${entry.with}: "${entry.minimum}"`);
    }
  });
});

// Session 15 (lead): "exchange 2013 cu23 with exchange 2019 cu15 in the same org" was "Yes ... CU23 meets it"; Exchange
// 2019 CU15's Setup refuses an organization that still holds Exchange 2013 (coexistence.yaml newerLastUpdate, third-party).
describe('coexistence with the newer version past its last coexisting update (session 15)', () => {
  let kb: KnowledgeBase;
  before(() => {
    kb = sharedKnowledgeBase();
  });
  const answer = (text: string) => {
    const question = kb.directAnswers.read(text);
    return (question && kb.directAnswers.answer(question))?.answer ?? '';
  };
  for (const [text, starts] of [
    [
      'exchange 2013 cu23 with exchange 2019 cu15 in the same org',
      'No: Exchange 2019 CU15 and later refuse an organization that still holds Exchange 2013 (according to third-party sources)',
    ],
    ['exchange 2019 cu14 next to 2013 cu23, fine?', 'Yes, up to Exchange 2019 CU14:'],
    ['can exchange 2019 coexist with exchange 2013?', 'Yes, up to Exchange 2019 CU14:'],
    ['can exchange 2019 coexist with exchange 2013 cu10', 'No: Exchange 2013 CU10 is below the minimum'],
    ['can exchange 2016 coexist with exchange 2010 sp3 ru5', 'No: Exchange 2010 SP3 RU5 is below the minimum'],
  ] as const)
    it(`"${text}" → ${starts.slice(0, 40)}...`, () => assert.ok(answer(text).startsWith(starts), answer(text)));
});
