import { strict as assert } from 'node:assert';
import { withSeInCapitals } from '../../knowledge/reading/se-in-capitals';
import { sharedKnowledgeBase } from '../support/shared-knowledge';

/** Session 14 (lead): Exchange SE typed in lower case before a word only an Exchange setup uses. */
describe('lower-case "se" before an Exchange word', () => {
  const texts: ReadonlyArray<readonly [string, string]> = [
    ['se dag of 2 on 2025', 'SE dag of 2 on 2025'],
    ['our se mailbox servers', 'our SE mailbox servers'],
    ['se cu1 on 2025 std', 'SE cu1 on 2025 std'],
    ['moving to se next year', 'moving to se next year'],
    ['se on windows server 2025 datacenter', 'SE on windows server 2025 datacenter'],
    ['se on top of everything', 'se on top of everything'],
    ['se habla español', 'se habla español'],
    ['case dag', 'case dag'],
  ];
  for (const [text, written] of texts) {
    it(`"${text}" → "${written}" (same length)`, () => {
      assert.equal(withSeInCapitals(text), written);
      assert.equal(withSeInCapitals(text).length, text.length);
    });
  }

  const facts: ReadonlyArray<readonly [string, Record<string, string>]> = [
    ['se dag, the nodes are also hyper-v hosts', { version: 'se', ha: 'dag' }],
    ['se dag of 2 on 2025', { version: 'se', ha: 'dag', nodes: '2', windows: '2025' }],
    ['se edge in the dmz', { version: 'se', role: 'edge-transport' }],
    // After a Windows release, "SE" is Windows's Standard Edition.
    ['w2k3 se server with exchange 2003', { version: '2003', windows: '2003', windowsEdition: 'standard' }],
  ];
  for (const [text, expected] of facts) {
    it(`"${text}" names ${JSON.stringify(expected)}`, () => {
      const read = sharedKnowledgeBase().recognizer.extract(text).facts;
      for (const [dimension, value] of Object.entries(expected)) assert.equal(read[dimension], value, dimension);
    });
  }
});
