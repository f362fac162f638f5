import { strict as assert } from 'node:assert';
import { type KnowledgeBase } from '../../knowledge';
import { edgeSharesServer } from '../../knowledge/reading/edge-shares-server';
import { sharedKnowledgeBase } from '../support/shared-knowledge';

// Lead, session 15: the Edge role said to share one server with another role in words no phrase lists. These were a
// single Edge server, Supported with conditions (a wrong yes: the Edge role shares its server with no other role, A-46).
describe('edge-shares-server: the Edge role and another role on one server (session 15)', () => {
  const SHARED = [
    'exchange 2016 cu23 on 2016 std: one server does mailbox, and that same box also has the edge transport role',
    'exchange 2016 cu23 on 2016 std, one server with mailbox and edge transport roles',
    'exchange 2016 cu23 on 2016 std, mailbox server that also runs the edge role',
    '2016: the edge sits on the same server as our cas',
    'we have one 2019 box with the hub and edge roles',
    'the mbx server, we installed the edge transport role on it last week',
  ];
  const APART = [
    '2019 cu15: two mailbox servers in a dag on the same vm host, and one edge server in the dmz',
    'edge on its own server, mailbox and cas on the same box',
    'the edge is not on the same server as the mailbox role',
    'SE mailbox on a single server. an edge in the dmz on its own vm',
    'mailbox and cas on the same server, no edge at all',
    'one server with mailbox and client access roles; the edge transport server sits in the dmz',
  ];
  for (const text of SHARED) it(`shares: ${text}`, () => assert.equal(edgeSharesServer(text), true));
  for (const text of APART) it(`apart: ${text}`, () => assert.equal(edgeSharesServer(text), false));

  describe('in the check', () => {
    let kb: KnowledgeBase;
    before(() => {
      kb = sharedKnowledgeBase();
    });
    for (const text of SHARED.slice(0, 3))
      it(`judges "${text}" Not supported`, () => {
        const { facts } = kb.recognizer.extract(text);
        assert.equal(facts.edgeWithOtherRoles, 'yes');
        assert.equal(kb.decide(facts)?.verdict, 'not-supported', JSON.stringify(facts));
      });
  });
});
