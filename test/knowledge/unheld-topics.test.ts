import { strict as assert } from 'node:assert';
import { type KnowledgeBase } from '../../knowledge';
import { UNHELD_TOPIC_PATTERN } from '../../knowledge/search/unheld-question';
import { sharedKnowledgeBase } from '../support/shared-knowledge';

/** Issue 19: administration topics the knowledge never speaks of get suggestions only, never a passage about something else. */
describe('administration topics the knowledge does not hold (issue 19)', () => {
  let kb: KnowledgeBase;
  before(() => {
    kb = sharedKnowledgeBase();
  });

  it('no article, glossary entry, how-to or general rule mentions one of them (else the search may hold the answer: remove the word from the list)', () => {
    const global = new RegExp(UNHELD_TOPIC_PATTERN.source, 'gi');
    const texts = [
      ...kb.articles.map((a) => [a.id, `${a.title}\n${a.summary}\n${a.body}`] as const),
      ...kb.glossary.map((g) => [`glossary ${g.id}`, JSON.stringify(g)] as const),
      ...kb.howTo.map((h) => [`how-to ${h.id}`, `${h.answer} ${h.steps}`] as const),
      ...kb.generalRules.map((r) => [`general rule ${r.id}`, JSON.stringify(r)] as const),
    ];
    const found = texts.flatMap(([where, text]) => [...text.matchAll(global)].map((m) => `${where}: ${m[0]}`));
    assert.deepEqual(found, []);
  });

  for (const question of [
    'exchange 2019 dag replication port number?',
    'antivirus exclusions for exchange 2019 dag members',
    'is circular logging recommended on a 2016 dag',
    'do shared mailboxes on exchange SE need a CAL',
    'exchange 2007 export mailbox to pst from the 32-bit tools?',
    // Session 8: downloads, prices, known issues and what is new in an update are nowhere in the knowledge either.
    'where do i download exchange 2019 cu15',
    'price of the exchange 2019 ESU per server?',
    "what's new in exchange SE CU1",
    'exchange se and 2019 - which powershell version do they need',
    // Session 11 (q21): opinions, releases still to come, licences and prices, registry settings, another server product's release,
    // and a task asked after a setup and a colon or an update level (no how-to row holds it).
    'is it worth going from 2016 to SE or should we just move to the cloud',
    'which backup software is best for an exchange 2019 dag',
    'when will exchange SE CU3 be released',
    'is exchange SE licensed per core like sql server',
    "what's the cost difference between exchange 2019 standard and enterprise",
    'do we need a separate licence for the passive node of our exch 2019 DAG?',
    'exchange 2016 cu23: recommended tcp keepalive registry value',
    'lync 2013 edge server on windows 2012 r2 - supported?',
    'exchange 2007 sp3: how to move the transport queue database to another drive',
    'exchange 2019 edge on 2019 std: how do i renew the edge subscription',
    // Session 13 (q23): containers; no Microsoft page we read speaks of them (an unjudged fact, so no passage).
    'can i run exchange 2016 in a docker container',
    'is exchange SE supported in kubernetes',
    // Session 15 (lead): Small Business Server, a bundle with support terms of its own (it got the Outlook clients passage).
    'is exchange 2010 supported on small business server 2011',
    'exchange 2007 on sbs 2008 with a second server for owa?',
  ]) {
    it(`"${question}": suggestions only`, () => {
      const answer = kb.search(question);
      assert.equal(answer.best, undefined, answer.best?.article.id);
    });
  }

  it('an opinion, a future release or a licence gets no direct answer, even when a word of it is a fact the tables judge ("core") (session 11, q21)', () => {
    for (const question of [
      'is exchange SE licensed per core like sql server',
      'when will exchange SE CU3 be released',
      'is it worth going from 2016 to SE',
      // Session 12 (q22): the next update's date is a release still to come (it got SE RTM's release date).
      "what's the release date of the next exchange SE cumulative update",
      'when is the next cu for exchange se coming out',
    ]) {
      assert.equal(kb.directAnswers.read(question), undefined, question);
    }
  });

  it("a how-to about one of them is no how-to row's task, even after a clause naming a DAG (session 8)", () => {
    assert.equal(kb.directAnswers.read('exchange 2013 dag autoreseed - how to configure the spare disks'), undefined);
  });
});
