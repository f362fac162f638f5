import { strict as assert } from 'node:assert';
import type { FactRecognizer } from '../../knowledge/reading/fact-recognizer';
import { edgeDomainByName } from '../../knowledge/reading/edge-domain';
import { sharedKnowledgeBase } from '../support/shared-knowledge';

/**
 * Lead, session 8 (w6's wrong "Supported" #1 and #2): an Edge server joined to a domain named by its DNS name is
 * the stated fact edgeDomainJoined, which rule edge-outside-internal-forest reads (A-43, M-7).
 */
describe('an Edge server joined to a named domain (edge-domain.ts)', () => {
  const cases: ReadonlyArray<readonly [string, 'yes' | 'no' | undefined]> = [
    ["SE edge server in the dmz on 2025 std, it's a member of our internal AD domain corp.contoso.com", 'yes'],
    ['1 edge in the DMZ on 2025 std, joined to corp.local so we can manage it with GPOs', 'yes'],
    ['edge server joined to contoso.com', 'yes'],
    // Session 15 (lead): an Edge server named for its role ("EDGE1", "edge-02").
    ['EDGE1 is joined to corp.local', 'yes'],
    ['edge-02 joined to contoso.com for GPOs', 'yes'],
    // A perimeter network's own domain is the design Microsoft describes.
    ['edge joined to dmz.contoso.com', 'no'],
    ['edge is a member of the perimeter.local domain', 'no'],
    // Another server's domain, or no Edge server at all.
    ['the mailbox servers are joined to corp.local; the edge server sits in the DMZ in a workgroup', undefined],
    ['the mailbox servers are joined to corp.local and the edge server sits in the DMZ', undefined],
    ['2 mbx in a DAG, members of corp.local. Edge: standalone', undefined],
    ['SE DAG of 2, both joined to corp.local', undefined],
    ['edge server, setup log says joined to setup.exe', undefined],
  ];
  for (const [text, value] of cases) {
    it(`"${text}" → ${value ?? 'unsaid'}`, () => {
      assert.equal(edgeDomainByName(text), value);
    });
  }

  describe('as the recognizer reads it', () => {
    let recognizer: FactRecognizer;
    before(() => {
      recognizer = sharedKnowledgeBase().recognizer;
    });
    const facts: ReadonlyArray<readonly [string, string | undefined]> = [
      ["SE edge server in the dmz on 2025 std, it's a member of our internal AD domain corp.contoso.com", 'yes'],
      ['we want our SE edge to be a member of the internal AD domain for GPOs, supported?', 'yes'],
      ['SE edge on 2025, joined to corp.local', 'yes'],
      ['SE edge on 2025 in a workgroup', 'no'],
      ['SE edge on 2025 in the DMZ', undefined],
    ];
    for (const [text, value] of facts) {
      it(`"${text}" → edgeDomainJoined ${value ?? 'unsaid'}`, () => {
        assert.equal(recognizer.extract(text).facts.edgeDomainJoined, value);
      });
    }
  });
});
