import { strict as assert } from 'node:assert';
import { routeCommand, routeMessage, type Route } from '../../dialogs/message-router';
import { kb } from './dialog-fixtures';

type Case = [text: string, expected: Route];

function check(facts: Record<string, string>): Route {
  return { kind: 'check', facts };
}

/** The facts the recognizer reads (used as an opaque map: the check pre-fills whatever it found). */
function factsOf(text: string): Record<string, string> {
  return kb().recognizer.extract(text).facts as Record<string, string>;
}

function search(query: string): Route {
  return { kind: 'search', query };
}

/** A direct answer from the tables (issue 19): the attribute asked and the subject named. */
function answer(text: string, attribute: string, subject: Record<string, string>): Route {
  return { kind: 'answer', question: { attribute, subject, text } } as Route;
}

function table(title: string, cases: Case[]): void {
  describe(title, () => {
    for (const [text, expected] of cases) {
      it(`${JSON.stringify(text)} → ${JSON.stringify(expected)}`, () => {
        assert.deepEqual(routeMessage(text, kb()), expected);
      });
    }
  });
}

describe('routeMessage', () => {
  // The year of another product ("outlook 2013", "windows 10") is no Exchange version: neither a setup
  // to check (it made "is outlook 2013 supported with exchange se" a check of mixed Exchange versions)
  // nor a question the tables answer; the search then refuses or suggests.
  table('a release of another product is searched, not checked', [
    ['is outlook 2013 supported with exchange se', search('is outlook 2013 supported with exchange se')],
    ['does exchange 2016 support outlook 2010?', search('does exchange 2016 support outlook 2010?')],
    ['windows 10 end of support date', search('windows 10 end of support date')],
    // Session 13 (lead): a client Windows release named beside an Exchange version is that server's host, judged.
    ['exchange se on windows 11 for a lab', check({ version: 'se', clientWindows: 'yes' })],
    ['does outlook 2016 work with exchange 2019 on windows 11', search('does outlook 2016 work with exchange 2019 on windows 11')],
    ['can office 2016 connect to exchange 2019', search('can office 2016 connect to exchange 2019')],
    // A download or a link is nothing the check judges, whatever version it names.
    ['2k19 cu14 download link', search('2k19 cu14 download link')],
    ['exchange 2016 cu23 known issues', search('exchange 2016 cu23 known issues')],
    // Session 11 (q21): an opinion, a release still to come, a licence's terms or a template is no setup and no table's answer.
    ...[
      'is it worth going from 2016 to SE or should we just move to the cloud',
      'should we even bother with a DAG for 30 mailboxes',
      'is exchange SE licensed per core like sql server',
      'when will exchange SE CU3 be released',
    ].map((text): Case => [text, search(text)]),
  ]);

  // Session 13 (q23): a how-to whose task is checking or verifying a server ("how do i check which cu a server is on") asks
  // for the command that shows it, never for the check; a how-to no row holds is searched; the witness is the DAG's.
  describe('a how-to about checking a server is answered, not checked (session 13, q23)', () => {
    for (const [text, task] of [
      ['how do i check which cu a server is on', 'find-build'],
      ['how to check what build our exchange servers are running', 'find-build'],
      ['how can i verify the security update level on our exchange servers', 'find-build'],
      ["what's the command to see the exchange version of a server", 'find-build'],
      ['where do i see which cumulative update is installed on exchange 2019', 'find-build'],
      ["what's the cmdlet to add a mailbox server to a dag", 'dag-add-member'],
      ['how do i move the witness to another file server', 'witness'],
      // A "how" alone after the task, and a single server turned into a DAG ("single" and "dag" read as a choice otherwise).
      ['can i add a fourth member to our exchange 2019 dag, how', 'dag-add-member'],
      ['how do i turn our single exchange 2019 server into a dag', 'dag-from-single'],
    ] as const) {
      it(`${JSON.stringify(text)} → the how-to ${task}`, () => {
        const route = routeMessage(text, kb());
        assert.equal(route.kind, 'answer', JSON.stringify(route));
        assert.equal(route.kind === 'answer' ? route.question.other : undefined, task);
      });
    }
    for (const text of [
      'how can i check which servers are domain controllers',
      'how do i check the forest functional level',
      // Containers: no Microsoft page we read speaks of them (unheld), so no check naming them back as "also mentioned".
      'can i run exchange 2016 in a docker container',
    ]) {
      it(`${JSON.stringify(text)} is searched (no row holds it)`, () => {
        assert.equal(routeMessage(text, kb()).kind, 'search');
      });
    }
    // Session 14 (q24): with a Windows release named, an answer split by the Windows edition alone is the rule too (the task's
    // named miss; the check asked the role, then ended Supported); a setup told without a question is still the check's.
    it("a way of balancing asked of the asker's own servers is the version's rule when it is a plain Yes, or split by the Windows edition alone", () => {
      const route = routeMessage('dns round robin for our SE mailbox servers - is that supported?', kb());
      assert.equal(route.kind === 'answer' ? route.question.attribute : route.kind, 'rule');
      const onWindows = routeMessage('can we use dns round robin instead of a load balancer with exchange 2019 on windows 2019', kb());
      assert.equal(onWindows.kind === 'answer' ? onWindows.question.attribute : onWindows.kind, 'rule');
      assert.equal(routeMessage('our SE mailbox servers are in a 4 member dag behind dns round robin', kb()).kind, 'check');
      assert.equal(routeMessage('our 2 exchange 2019 servers on windows 2019 use dns round robin', kb()).kind, 'check');
    });
    it('a how-to about adding a version to the org is its coexistence; without "how", the check', () => {
      const route = routeMessage('what do i need before adding a 2019 server to our 2013 org', kb());
      assert.equal(route.kind === 'answer' ? route.question.attribute : route.kind, 'coexistence');
      assert.equal(routeMessage('can i add a fourth member to our exchange 2019 dag', kb()).kind, 'check');
      // Session 14 o26: a version added to "our environment" with no other version named is the setup to check.
      assert.equal(routeMessage('we are installing exchange 2019 cu15 on windows 2019 std into our environment', kb()).kind, 'check');
    });
    it('a check asked for in so many words is still the check', () => {
      assert.equal(routeMessage('can you check our exchange servers', kb()).kind, 'check');
      assert.equal(routeMessage('please verify our exchange 2019 setup', kb()).kind, 'check');
    });
  });

  // Session 12 (lead): a statement naming a topic a limit weighs (limit unjudged-mentioned) describes a setup; the
  // same topic asked about, or alone with the version, is still searched.
  table('a statement with a weighed aside is a setup to check', [
    ...['exchange 2019 on windows server 2022 with ipv6 disabled', 'exchange se on windows server 2022, tls 1.0 and 1.1 disabled'].map((text): Case => [
      text,
      check(factsOf(text)),
    ]),
    ...['exchange 2019 tls 1.2 settings', 'exchange 2019 on windows server 2022, how to disable tls 1.0?'].map((text): Case => [text, search(text)]),
  ]);

  // Issue 19, fifth pass: a version with only a fact the check names back but never judges ("also
  // mentioned": hardware, backups, antivirus) or a fault told is no setup; the search refuses or suggests.
  table('a version with an unjudged fact or a fault is searched, not checked', [
    ['exchange 2016 ram requirements', search('exchange 2016 ram requirements')],
    ['best backup software for exchange 2019?', search('best backup software for exchange 2019?')],
    ['recommended antivirus for exchange 2016 servers', search('recommended antivirus for exchange 2016 servers')],
    ['ex2013 owa blank page after cu update', search('ex2013 owa blank page after cu update')],
    ['exchange 2010 dag replication lag how to fix', search('exchange 2010 dag replication lag how to fix')],
    ['exchange 2016 owa timeout setting', search('exchange 2016 owa timeout setting')],
    // Session 13 (q23): the database size limit is the tables' now (A-65, storage-configuration.md: about 16 TB), answered;
    // for Exchange 2010, which no limit bounds, still searched.
    ['max database size exchange 2019 standard', answer('max database size exchange 2019 standard', 'max-database-size', { version: '2019' })],
    ['max database size exchange 2010', search('max database size exchange 2010')],
    // Session 9 (w7's set N): faults told in other words, and a default limit no table holds.
    ["exchange 2019 cu15 owa shows 'something went wrong' after patch tuesday - fix?", search("exchange 2019 cu15 owa shows 'something went wrong' after patch tuesday - fix?")],
    [
      "2 node e2k3 cluster on w2k3 ent: the EVS won't come online after failover, event 9175",
      search("2 node e2k3 cluster on w2k3 ent: the EVS won't come online after failover, event 9175"),
    ],
    ['exchange 2016 default mailbox size limit?', search('exchange 2016 default mailbox size limit?')],
    ['exchange 2013 cu23 on 2012 r2 std: how much ram per 1000 mailboxes', search('exchange 2013 cu23 on 2012 r2 std: how much ram per 1000 mailboxes')],
    ['e2k7 ccr: how long does seeding a 200 gb database take', search('e2k7 ccr: how long does seeding a 200 gb database take')],
    // A release the knowledge does not cover: never another row (Windows Server 2022), never a check.
    ['exchange 2022 end of support', search('exchange 2022 end of support')],
    ['exchange 5.5 cluster nodes max', search('exchange 5.5 cluster nodes max')],
    // An unjudged topic asked about a named setup, a licence, a setting or a fault told of one's own servers.
    ['veeam or commvault for backing up a 2019 DAG? which one is better', search('veeam or commvault for backing up a 2019 DAG? which one is better')],
    ['do we need a separate licence for the passive node of our exch 2019 DAG?', search('do we need a separate licence for the passive node of our exch 2019 DAG?')],
    ['kemp vlm health check settings for exchange 2019 owa?', search('kemp vlm health check settings for exchange 2019 owa?')],
    ['OWA on our 2016 box is really slow in chrome but fine in edge. ideas?', search('OWA on our 2016 box is really slow in chrome but fine in edge. ideas?')],
    // A count the tables do not hold, asked with "can i": searched (the article has it), not checked.
    [
      'ex2k3 cluster failover: how many storage groups can i run on one node after a failover',
      search('ex2k3 cluster failover: how many storage groups can i run on one node after a failover'),
    ],
    // A short description of a setup is still checked.
    ['exchange 2010 mailbox server', check(factsOf('exchange 2010 mailbox server'))],
    ['exchange 2019 dag on vmware', check(factsOf('exchange 2019 dag on vmware'))],
    // Asked whether it is supported, the check takes it and names the unjudged fact back.
    ['can i run exchange 2019 on vmware', check(factsOf('can i run exchange 2019 on vmware'))],
  ]);

  // Session 12 o24 (w9-oos-24): a Windows date said as the premise of a whole setup asked about is judged; the card then
  // names the Exchange version's own end first (the Windows date answered first read as a yes).
  table("a Windows date said as a premise of the asker's setup starts the check", [
    [
      'windows 2019 is supported until 2029 so our exchange 2019 cu15 single mailbox server on 2019 std is fine until then?',
      check(factsOf('windows 2019 is supported until 2029 so our exchange 2019 cu15 single mailbox server on 2019 std is fine until then?')),
    ],
    [
      'windows server 2016 is supported until january 2027, so our exchange 2016 cu23 single mailbox on 2016 std desktop exp is fine until then?',
      check(factsOf('windows server 2016 is supported until january 2027, so our exchange 2016 cu23 single mailbox on 2016 std desktop exp is fine until then?')),
    ],
  ]);

  // "can i have" in a count question asks for the limit; "our" still makes it the asker's plan.
  table('a count asked with "can i" is answered; the asker\'s own counted plan is checked', [
    ['8 node e2k3 cluster - how many EVS can i have', answer('8 node e2k3 cluster - how many EVS can i have', 'max-instances', { version: '2003', ha: 'clustering', nodes: '8' })],
    // Session 14 (q24): the active nodes are those that run an Exchange Virtual Server (it got the Windows node limits).
    [
      'how many active nodes in an 8 node exchange 2003 cluster',
      answer('how many active nodes in an 8 node exchange 2003 cluster', 'max-instances', { version: '2003', ha: 'clustering', nodes: '8' }),
    ],
    ['how many evs can we run on our 4 node exchange 2003 cluster', check(factsOf('how many evs can we run on our 4 node exchange 2003 cluster'))],
    // The update level asked for with "can we" is answered too.
    [
      'can we run exchange 2019 on server 2025, from which CU',
      answer('can we run exchange 2019 on server 2025, from which CU', 'from-update', { version: '2019', windows: '2025' }),
    ],
  ]);

  table('Exchange Online is another product, unless an Exchange Server release is named too', [
    ['exchange online mailbox size limit', { kind: 'out-of-scope' }],
    ['how to set up a retention policy in o365', { kind: 'out-of-scope' }],
  ]);
  it('a hybrid question naming an Exchange Server release is not refused as Exchange Online', () => {
    assert.notEqual(routeMessage('can exchange 2019 coexist with exchange online in hybrid', kb()).kind, 'out-of-scope');
  });

  table('whole-message commands', [
    ['help', { kind: 'help' }],
    ['Help!', { kind: 'help' }],
    ['?', { kind: 'help' }],
    ['what can you do', { kind: 'help' }],
    ['cancel', { kind: 'cancel' }],
    ['Cancel.', { kind: 'cancel' }],
    ['never mind', { kind: 'cancel' }],
    ['start over', { kind: 'restart' }],
    ['Start over', { kind: 'restart' }],
    ['start again', { kind: 'restart' }],
    ['hi', { kind: 'greeting' }],
    ['Hello there', { kind: 'greeting' }],
    ['good morning', { kind: 'greeting' }],
    ['check my setup', check({})],
    ['Check my setup', check({})],
    ['check my exchange setup', check({})],
    ['support check', check({})],
    ['search', { kind: 'search-prompt' }],
    ['Search the knowledge base', { kind: 'search-prompt' }],
    ['search the kb', { kind: 'search-prompt' }],
    ['search nlb', search('nlb')],
    ['search for EVS', search('EVS')],
    ['look up cluster node limits', search('cluster node limits')],
    ['KB837852', { kind: 'article', id: 'KB837852' }],
    ['Show KB837852', { kind: 'article', id: 'KB837852' }],
    ['show exb-002', { kind: 'article', id: 'EXB-002' }],
    ['open EXB-003.', { kind: 'article', id: 'EXB-003' }],
  ]);

  table('commands only as whole messages', [
    ['help me decide whether an E2K3 FE can go on MSCS', check({ version: '2003', role: 'front-end', ha: 'cluster' })],
    ['how do I cancel a cluster install', search('how do I cancel a cluster install')],
    ['hi, can I put an E2K3 FE on MSCS?', check({ version: '2003', role: 'front-end', ha: 'cluster' })],
  ]);

  table('support questions start the check, pre-filled', [
    ['Can I put an E2K3 FE on MSCS?', check({ version: '2003', role: 'front-end', ha: 'cluster' })],
    ['Can I put an Exchange 2003 front-end server on a Windows cluster?', check({ version: '2003', role: 'front-end', ha: 'cluster' })],
    ['Is an Exchange 2003 back-end on MSCS supported?', check({ version: '2003', role: 'back-end', ha: 'cluster' })],
    ['is it ok to use NLB for my back end servers', check({ role: 'back-end', ha: 'nlb' })],
    ['we plan an exchange 2000 front end on a cluster', check({ version: '2000', role: 'front-end', ha: 'clustering' })],
    ['Should I cluster my front-end?', check({ role: 'front-end', ha: 'clustering' })],
    ['Does Exchange 2003 support NLB on the back end?', check({ version: '2003', role: 'back-end', ha: 'nlb' })],
    ['Can I put an Exchange 2007 CAS behind NLB?', check({ version: '2007', role: 'client-access', ha: 'nlb' })],
    ['Is an Exchange 2000 Standard Edition front-end behind NLB supported?', check({ version: '2000', role: 'front-end', ha: 'nlb', edition: 'standard' })],
    ['Can an Exchange 2000 front-end be clustered?', check({ version: '2000', role: 'front-end', ha: 'clustering' })],
    [
      'Is a single Exchange 2000 back-end server on a standalone Windows 2000 Server supported?',
      check({ version: '2000', role: 'back-end', ha: 'none', windows: '2000', windowsEdition: 'server' }),
    ],
    ['Could Exchange 2010 mailbox servers use NLB', check({ version: '2010', role: 'mailbox', ha: 'nlb' })],
  ]);

  // Issue 21 (o21): a plan told for someone else, or a question word in front of the asker's own counted
  // plan or a choice between two designs, gets a verdict; general questions stay direct answers.
  table('plans asked as questions start the check', [
    ['customer wants exchange 2019 installed on windows server 2012 r2', check(factsOf('customer wants exchange 2019 installed on windows server 2012 r2'))],
    ['which is better for our 2 exchange 2016 servers, NLB or a DAG?', check(factsOf('which is better for our 2 exchange 2016 servers, NLB or a DAG?'))],
    [
      'how do I make our 2 node exchange 2010 dag supported? it runs on windows 2008 r2 standard',
      check(factsOf('how do I make our 2 node exchange 2010 dag supported? it runs on windows 2008 r2 standard')),
    ],
    ['how many members can our exchange 2019 dag have?', search('how many members can our exchange 2019 dag have?')],
  ]);

  table('a question that starts with "can" but names no technology is a lookup', [['Can a front-end server store mailboxes?', search('Can a front-end server store mailboxes?')]]);

  table('three facts without a question word start the check', [
    ['E2K3 FE MSCS', check({ version: '2003', role: 'front-end', ha: 'cluster' })],
    ['exchange 2000 back-end NLB', check({ version: '2000', role: 'back-end', ha: 'nlb' })],
  ]);

  table('lookups that mention support but start with a question word are searches', [
    ['what is not supported on an exchange 2003 cluster', search('what is not supported on an exchange 2003 cluster')],
    ['which editions can be clustered', search('which editions can be clustered')],
    ['Why is a clustered front-end not supported?', search('Why is a clustered front-end not supported?')],
    ['what is the best HA for an E2K3 FE behind NLB', search('what is the best HA for an E2K3 FE behind NLB')],
  ]);

  table('plain lookups are searches (query is the trimmed text)', [
    // A term of the glossary is defined directly (issue 19's fourth pass).
    ['what is an EVS?', { kind: 'answer', question: { attribute: 'definition', subject: {}, other: 'evs', text: 'what is an EVS?' } } as Route],
    ['How many nodes can a Windows 2003 cluster have?', answer('How many nodes can a Windows 2003 cluster have?', 'max-nodes', { windows: '2003', ha: 'clustering' })],
    ['  MSDTC resource in a cluster  ', search('MSDTC resource in a cluster')],
    ['Can a front-end server be clustered?', answer('Can a front-end server be clustered?', 'rule', { role: 'front-end', ha: 'clustering' })],
    ['is there a limit on cluster nodes', answer('is there a limit on cluster nodes', 'max-nodes', { ha: 'clustering' })],
    ['how do I reset a printer', search('how do I reset a printer')],
    ['Exchange 2003', search('Exchange 2003')],
  ]);

  // Issue 11: a yes/no question about a general rule is answered from the knowledge base (the answer
  // card offers the check as a button); a question about the asker's own planned setup starts the check.
  table('general yes/no rule questions are lookups', [
    ['do i need enterprise edition to cluster exchange 2003?', search('do i need enterprise edition to cluster exchange 2003?')],
    ['Do I need Enterprise to cluster Exchange 2003?', search('Do I need Enterprise to cluster Exchange 2003?')],
    ['can i install the exchange binaries on the shared disk in the cluster', search('can i install the exchange binaries on the shared disk in the cluster')],
    ['can I install the binaries on the shared disk?', search('can I install the binaries on the shared disk?')],
    ['can cluster nodes be DCs?', answer('can cluster nodes be DCs?', 'rule', { ha: 'clustering', domainController: 'yes' })],
    ['is SP4 required on windows 2000 cluster nodes', search('is SP4 required on windows 2000 cluster nodes')],
    ['does a cluster need an MSDTC resource?', search('does a cluster need an MSDTC resource?')],
  ]);

  table("questions about the asker's own planned setup start the check", [
    ['can we cluster our exchange 2003 servers?', check(factsOf('can we cluster our exchange 2003 servers?'))],
    ['do we need enterprise edition for our exchange 2003 cluster?', check(factsOf('do we need enterprise edition for our exchange 2003 cluster?'))],
    ['we want to put our front end on the cluster', check(factsOf('we want to put our front end on the cluster'))],
    ['is it ok to make my back-end a cluster node', check(factsOf('is it ok to make my back-end a cluster node'))],
    ['Can an Exchange 2000 front-end go on Windows Server 2003?', check(factsOf('Can an Exchange 2000 front-end go on Windows Server 2003?'))],
  ]);

  table('typos in question words still make a lookup', [
    ['wat is an EVS', { kind: 'answer', question: { attribute: 'definition', subject: {}, other: 'evs', text: 'wat is an EVS' } } as Route],
    ['wat is the point of a spare node', search('wat is the point of a spare node')],
    ['hw many nodes can an exchange 2003 cluster have', answer('hw many nodes can an exchange 2003 cluster have', 'max-nodes', { version: '2003', ha: 'clustering' })],
    ['wich editions can be clustered', search('wich editions can be clustered')],
  ]);

  table('empty text', [
    ['', { kind: 'empty' }],
    ['   ', { kind: 'empty' }],
    ['...', { kind: 'empty' }],
  ]);

  describe('the end punctuation and the search command read as the regular expressions they replace', () => {
    // What routeMessage did before (quadratic on "!" x 4,000 then a letter, or "search" + spaces + "x\ny").
    const OLD_TRIM = (text: string) => text.trim().replace(/[\s.!?]+$/, '');
    const OLD_SEARCH = /^(?:search|find|look up)\s+(?:for\s+)?(.+)$/i;
    const heads = ['search', 'Find', 'look up', 'LOOK UP', 'searching', 'findx'];
    const gaps = [' ', '  ', '\t', '\n', ' \n ', '\r\n', '\u2028', '\u00a0', ''];
    const fors = ['', 'for ', 'FOR\n', 'for', 'for\n\n'];
    const queries = ['evs', 'evs\nnodes', 'what is an evs', ' x\ny', 'for', 'x \u2029 y', 'a\r', '!'];
    const ends = ['', '?', ' ?!.', '.\n', '\u3000'];
    const texts = heads.flatMap((head) => gaps.flatMap((gap) => fors.flatMap((f) => queries.flatMap((query) => ends.map((end) => `${head}${gap}${f}${query}${end}`)))));

    it(`gives the same route on ${texts.length} search-like messages`, () => {
      for (const text of texts) {
        const old = OLD_SEARCH.exec(OLD_TRIM(text));
        const route = routeMessage(text, kb());
        if (old && routeCommand(text) === undefined && route.kind !== 'article') assert.deepEqual(route, search(old[1]!), JSON.stringify(text));
        else if (route.kind === 'search') assert.equal(route.query, text.trim(), JSON.stringify(text));
      }
    });

    it('trims the same end punctuation', () => {
      for (const text of ['', '?', ' ? ', 'help?', 'help ?! .', 'cancel...', ' start over !!', 'hi\u00a0!\u2028', 'menu\ufeff.', '!!!x', 'x!!! !', '..', 'stop\n!']) {
        const trimmed = OLD_TRIM(text);
        // Trimming twice changes nothing, so the command of the old trim is the command of the text.
        const expected = trimmed === '' ? { kind: text.includes('?') ? 'help' : 'empty' } : routeCommand(trimmed);
        assert.deepEqual(routeCommand(text), expected, JSON.stringify(text));
      }
    });

    // Lead, session 15: this was an absolute bound (median under 3 ms at 4,000 characters), which failed under a loaded
    // parallel run. The absolute figures are the bench's (`--only hostile` holds these inputs); here the cost at 8x the
    // length is weighed against the cost at 1x, which holds on any machine: linear reading is about 8x, the quadratic
    // expressions this replaced were 64x (10-17 ms at 4,000 characters, so well over half a second at 32,000).
    const hostile = (n: number) => [`${'!'.repeat(n - 1)}x`, `search${' '.repeat(n - 10)}x\ny`, `find ${' \n'.repeat((n - 6) / 2)}y`];
    const medianMs = (text: string) => {
      const times: number[] = [];
      for (let i = 0; i < 5; i += 1) {
        const started = performance.now();
        routeMessage(text, kb());
        times.push(performance.now() - started);
      }
      return times.sort((a, b) => a - b)[2]!;
    };

    it('stays linear on the hostile inputs that were quadratic (8x the length costs far less than 64x)', () => {
      const small = hostile(4_000);
      const large = hostile(32_000);
      for (const [index, text] of small.entries()) {
        routeMessage(text, kb());
        routeMessage(large[index]!, kb());
        const smallMs = medianMs(text);
        const largeMs = medianMs(large[index]!);
        assert.ok(largeMs < Math.max(50, smallMs * 24), `${JSON.stringify(text.slice(0, 12))}...: ${smallMs.toFixed(2)} ms at 4,000, ${largeMs.toFixed(2)} ms at 32,000`);
      }
    });
  });
});
