import { strict as assert } from 'node:assert';
import type { Fact } from '../../knowledge/loading/schemas';
import { sourcesOf } from '../../knowledge/direct-answers/table-access';

// Lead, session 10 (q20's finding): "can windows nlb run on dag members" showed "Source: cc776332,
// load-balancing-exchange-2013-help.md, rmilne.ca, loadbalancer.org (Microsoft doc)": D-6 is verified by Microsoft's
// pages for Exchange 2013 and lists two third-party pages for 2010 beside them. A page named by its web host is
// third-party whatever the fact's status.
const facts = [
  { id: 'V', status: 'verified', about: 'x', sources: ['cc776332', 'plan-ha.md', 'rmilne.ca', 'learn.microsoft.com'] },
  { id: 'T', status: 'read-3p', about: 'x', sources: ['loadbalancer.org'] },
  { id: 'R', status: 'recalled', about: 'x', sources: [] },
] as unknown as Fact[];

describe('the source line of a direct answer: how sure each source is', () => {
  const cases: Array<[string, string[], Array<[string, string]>]> = [
    [
      'a verified fact keeps its Microsoft pages, and a third-party host moves to third-party',
      ['V'],
      [
        ['Microsoft doc', 'cc776332, plan-ha.md, learn.microsoft.com'],
        ['third-party', 'rmilne.ca'],
      ],
    ],
    [
      'third-party facts and hosts share one line, strongest status first',
      ['T', 'V'],
      [
        ['Microsoft doc', 'cc776332, plan-ha.md, learn.microsoft.com'],
        ['third-party', 'loadbalancer.org, rmilne.ca'],
      ],
    ],
    ['a recalled fact names no source', ['R'], [['recalled, not confirmed', 'no source read']]],
  ];
  for (const [name, basis, expected] of cases) {
    it(name, () => {
      assert.deepEqual(
        sourcesOf({ facts }, basis).map((s) => [s.status, s.label]),
        expected,
      );
    });
  }
});
