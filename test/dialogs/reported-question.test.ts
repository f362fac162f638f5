import { strict as assert } from 'node:assert';
import { reportedQuestion } from '../../dialogs/reported-question';
import { routeMessage } from '../../dialogs/message-router';
import { kb } from './dialog-fixtures';

// A helpdesk agent passes a caller's question on in reported speech; the router reads the question
// itself in the asker's place ("they can" is "can we"), and only a frame at the start.
describe('reportedQuestion', () => {
  const cases: [text: string, expected: string | undefined][] = [
    ['customer asks if they can cluster exchange', 'can we cluster exchange'],
    ['caller wants to know if they can cluster exchange 2003', 'can we cluster exchange 2003'],
    ['the customer is asking whether they are allowed to run exchange 2019 on a DC', 'can we run exchange 2019 on a DC'],
    ["the customer is asking whether they're allowed to run exchange 2019 on a DC", 'can we run exchange 2019 on a DC'],
    ['customer asks: can they put the 2003 FE behind NLB?', 'can we put the 2003 FE behind NLB?'],
    ['client asking whether exchange 2016 can run on server 2022', 'exchange 2016 can run on server 2022'],
    ['user wonders if he needs to cluster the front-end', 'do we need to cluster the front-end'],
    ['user asks what an EVS is', 'what is an EVS'],
    ['caller asks what the n-1 rule is?', 'what is the n-1 rule?'],
    ['question from customer: can they cluster the FE?', 'can we cluster the FE?'],
    ['Q from caller - is NLB ok for 2 CAS servers', 'is NLB ok for 2 CAS servers'],
    ['Cust wants to know whether their 2010 DAG on 2008 R2 standard is ok', 'their 2010 DAG on 2008 R2 standard is ok'],
    // Not a reported question: a plan told in the router's own terms, a frame inside the text, a frame with nothing after it.
    ['customer wants to cluster exchange', undefined],
    ['INC0048812 - customer asks eol for exchange 2019, pls confirm date', undefined],
    ['customer asks if', undefined],
    ['can we cluster exchange', undefined],
  ];
  for (const [text, expected] of cases) {
    it(`${JSON.stringify(text)} → ${JSON.stringify(expected)}`, () => assert.equal(reportedQuestion(text), expected));
  }

  it('routes the reported question as the question itself', () => {
    for (const [text, inner] of [
      ['customer asks if they can cluster exchange', 'can we cluster exchange'],
      ['caller wants to know if they can cluster exchange 2003', 'can we cluster exchange 2003'],
      ['customer asks: can they put the 2003 FE behind NLB?', 'can we put the 2003 FE behind NLB?'],
    ] as const) {
      const route = routeMessage(text, kb());
      assert.equal(route.kind, 'check', `${text} → ${route.kind}`);
      assert.deepEqual(route, routeMessage(inner, kb()));
    }
  });
});
