import { strict as assert } from 'node:assert';
import { type KnowledgeBase } from '../../knowledge';
import { exchangeOnReadOnlyDc } from '../../knowledge/reading/exchange-on-rodc';
import { sharedKnowledgeBase } from '../support/shared-knowledge';

// Lead, session 15: the Exchange server itself a read-only domain controller. "oh and it's an RODC too" after a single
// 2019 server's verdict made it Supported with conditions (any domain controller); Setup refuses an RODC.
describe('exchange-on-rodc: the Exchange server itself a read-only domain controller (session 15)', () => {
  for (const [text, said] of [
    ["oh and it's an RODC too", true],
    ['the mailbox server is also a read-only DC', true],
    ['we installed exchange on our rodc', true],
    ['install exchange 2019 on a read-only DC?', true],
    ['the server was promoted to an RODC last month', true],
    // The site's or the other servers' RODCs are not this server (siteDomainControllers reads a site with only RODCs).
    ['the branch site only has an RODC', false],
    ['SE single mailbox server on 2025 std in a branch site that has only an RODC', false],
    ['2019 single server, the DCs are RODCs in the branches', false],
    ['it is not an RODC', false],
  ] as const)
    it(`${said ? 'reads' : 'does not read'} "${text}"`, () => assert.equal(exchangeOnReadOnlyDc(text), said));

  describe('in the check', () => {
    let kb: KnowledgeBase;
    before(() => {
      kb = sharedKnowledgeBase();
    });
    it('judges a single 2019 server that is an RODC Not supported, a writable DC with conditions', () => {
      const rodc = kb.recognizer.extract('2019 cu15 single mailbox server on 2019 std, and the box is also a read-only DC').facts;
      assert.equal(rodc.exchangeOnRodc, 'yes');
      assert.equal(kb.decide(rodc)?.verdict, 'not-supported', JSON.stringify(rodc));
      const writable = kb.recognizer.extract('2019 cu15 single mailbox server on 2019 std, and the box is also a DC').facts;
      assert.equal(writable.exchangeOnRodc, undefined);
      assert.equal(kb.decide(writable)?.verdict, 'supported-with-conditions', JSON.stringify(writable));
    });
  });
});
