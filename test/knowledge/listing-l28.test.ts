import { strict as assert } from 'node:assert';
import { TUNING_L28 } from '../../bench/listings';
import { loadKnowledgeBase } from '../../knowledge';
import { listingDesign, type ListingGroup } from '../../knowledge/listings/listing-design';
import { groupHolding, listingReader, tuningSetMisses } from './listing-helpers';

/**
 * Issue 25, session 12 (l28): the designs the table leaves Not covered (Windows NLB on 2016/2019/SE Mailbox servers in
 * no DAG, a load balancer, NLB or DNS round robin in front of Edge servers or 2010 Hub Transport and Mailbox servers)
 * said in ways the words around a paste were misread: wlbs's own output (its "cluster" lines are no failover cluster),
 * "one Network Load Balancing cluster", "instead the two are ..." (what runs, not a plan), and a clause led by "they"
 * that speaks of the servers named just before it (not of every server). Set l28
 * (test/fixtures/listings/tuning-issue25-l28.yaml) was written before the code.
 */
describe('Listings: Not covered designs said around a paste (issue 25, session 12 l28)', () => {
  const kb = loadKnowledgeBase();
  const read = listingReader(kb);
  const judge = (text: string): ListingGroup[] => listingDesign(read(text), kb);
  const table = (rows: string[], ...words: string[]) =>
    ['Name       ServerRole     AdminDisplayVersion', '----       ----------     -------------------', ...rows, '', ...words].join('\n');
  const row = (name: string, role: string, build: string) => `${name.padEnd(11)}${role.padEnd(15)}${build}`;
  const e19 = (name: string) => row(name, 'Mailbox', 'Version 15.2 (Build 1544.4)');
  const se = (name: string) => row(name, 'Mailbox', 'Version 15.2 (Build 2562.17)');
  const wlbs = [
    'C:\\>wlbs query',
    'WLBS Cluster Control Utility V2.6 (c) 1997-2007 Microsoft Corporation.',
    'Cluster 10.20.0.50',
    'Host 1 has entered a converging state 3 time(s) since joining the cluster',
    '  and the last convergence completed at approximately: 11/30/2026 9:12:44 AM',
    'Host 1 converged with the following host(s) as part of the cluster:',
    '1, 2',
    '',
  ];

  const besideDag = table(
    [e19('DAGMB1'), e19('DAGMB2'), e19('PFMB1'), e19('PFMB2')],
    'Name          : DAG19',
    'Servers       : {DAGMB1, DAGMB2}',
    'WitnessServer : FS01.corp.local',
    '',
    'PFMB1 and PFMB2 are not in the DAG, they share a Windows NLB cluster for the public folder mailboxes. All on Server 2019 Standard.',
  );

  const cases: { name: string; paste: string; server: string; verdict: string; facts?: Record<string, string | undefined> }[] = [
    {
      name: "wlbs query's output beside two 2019 Mailbox servers is Windows NLB (Not covered), never a failover cluster with NLB on it",
      paste: table([e19('EXMB01'), e19('EXMB02')], ...wlbs, 'Windows Server 2019 Standard on both.'),
      server: 'EXMB01',
      verdict: 'not-covered',
      facts: { ha: 'nlb', nlbOnSameServers: undefined },
    },
    {
      name: '"instead the two are hosts of one Network Load Balancing cluster" after "we never set up a DAG" is NLB (was a wrong plain Supported)',
      paste: table(
        [se('SE-MBX1'), se('SE-MBX2')],
        'Both run Windows Server 2022 Datacenter. We never set up a DAG; instead the two are hosts of one Network Load Balancing cluster for client traffic.',
      ),
      server: 'SE-MBX1',
      verdict: 'not-covered',
      facts: { ha: 'nlb' },
    },
    {
      name: '"they share a Windows NLB cluster" after "PFMB1 and PFMB2 are not in the DAG" is about those two: the DAG members get no NLB',
      paste: besideDag,
      server: 'DAGMB1',
      verdict: 'supported-with-conditions',
      facts: { ha: 'dag', nlbOnSameServers: undefined },
    },
    {
      name: '... and the two servers it names are Windows NLB hosts in no DAG (Not covered)',
      paste: besideDag,
      server: 'PFMB1',
      verdict: 'not-covered',
      facts: { ha: 'nlb' },
    },
    {
      name: 'a plan with "instead" is still no design: "we would put them in an NLB cluster instead" leaves two 2019 single servers Supported',
      paste: table([e19('EXP1'), e19('EXP2')], 'No DAG, Windows Server 2019 Standard. We would put them in an NLB cluster instead.'),
      server: 'EXP1',
      verdict: 'supported',
      facts: { ha: 'none' },
    },
    {
      name: 'DAG members said to be in a Windows NLB cluster too stay Not supported (control)',
      paste: table(
        [se('SEN1'), se('SEN2')],
        'Name          : SEDAG',
        'Servers       : {SEN1, SEN2}',
        'WitnessServer : fsw01.corp.local',
        '',
        'we also put SEN1 and SEN2 into a Windows NLB cluster for OWA. Server 2022 Std.',
      ),
      server: 'SEN1',
      verdict: 'not-supported',
    },
  ];
  for (const c of cases)
    it(c.name, () => {
      const g = groupHolding<ListingGroup>(judge(c.paste), c.server);
      assert.equal(g.verdict, c.verdict, JSON.stringify(g.facts));
      for (const [d, v] of Object.entries(c.facts ?? {})) assert.equal(g.facts[d], v, `${d} of ${JSON.stringify(g.facts)}`);
    });

  // The phrases (fact-dimensions.yaml, nlb): Windows NLB named with "cluster" is NLB, never a failover cluster with NLB on it.
  const phrases: [string, string][] = [
    ['the two are hosts of one Network Load Balancing cluster', 'nlb'],
    ['WLBS cluster on the two front-ends', 'nlb'],
    ['NLB Manager shows both hosts converged', 'nlb'],
  ];
  for (const [text, ha] of phrases)
    it(`reads "${text}" as ${ha}`, () => {
      const facts = kb.recognizer.extract(text).facts;
      assert.equal(facts.ha, ha, JSON.stringify(facts));
      assert.equal(facts.nlbOnSameServers, undefined);
    });

  it('set l28 (written before the code) is all right', () => {
    assert.deepEqual(tuningSetMisses(kb, TUNING_L28, { entries: 14, groups: 15 }), []);
  });
});
