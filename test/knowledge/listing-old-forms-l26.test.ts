import { strict as assert } from 'node:assert';
import { loadKnowledgeBase } from '../../knowledge';
import { listingDesign, type ListingGroup } from '../../knowledge/listings/listing-design';
import { groupHolding, listingReader } from './listing-helpers';

/**
 * Issue 25, session 10 (l26): what is in front of the servers said around a paste, "load balanced" of versions whose
 * table tells Windows NLB from a load balancer, several servers read from the paste's shape, and Windows' service
 * pack from WMI. Set l26 (test/fixtures/listings/tuning-issue25-l26.yaml) was written before the code.
 */
describe('Listings: designs in front of servers and old forms (issue 25, session 10)', () => {
  const kb = loadKnowledgeBase();
  const read = listingReader(kb);
  const judge = (text: string): ListingGroup[] => listingDesign(read(text), kb);
  const group = groupHolding<ListingGroup>;
  const table = (rows: string[], words: string) =>
    ['Name       ServerRole     AdminDisplayVersion', '----       ----------     -------------------', ...rows, '', words].join('\n');

  const cases: { name: string; paste: string; server: string; verdict: string; ha?: string; condition?: RegExp }[] = [
    {
      name: '"no DAG" then a load balancer in front of 2010 Mailbox servers: the design in front says more (exchange-2010-rest, never Supported)',
      paste: table(
        ['MB10-1     Mailbox        Version 14.3 (Build 123.4)', 'MB10-2     Mailbox        Version 14.3 (Build 123.4)'],
        'no DAG; both mailbox servers sit behind a Barracuda load balancer. Windows Server 2008 R2 SP1 Standard.',
      ),
      server: 'MB10-1',
      verdict: 'not-covered',
      ha: 'load-balancing',
    },
    {
      name: '"no DAG" then a Kemp (a load balancer) in front of 2010 Mailbox servers: Not covered',
      paste: table(
        ['MB10-1     Mailbox        Version 14.3 (Build 123.4)', 'MB10-2     Mailbox        Version 14.3 (Build 123.4)'],
        'no DAG, they sit behind a Kemp. Windows Server 2008 R2 SP1 Standard.',
      ),
      server: 'MB10-1',
      verdict: 'not-covered',
      ha: 'load-balancer',
    },
    {
      name: '"load balanced" 2010 Mailbox servers: Windows NLB (Not supported) or a load balancer (Not covered) is Not covered',
      paste: table(
        ['LB-1       Mailbox        Version 14.3 (Build 123.4)', 'LB-2       Mailbox        Version 14.3 (Build 123.4)'],
        'These two are load balanced, no DAG. Windows Server 2008 R2 Enterprise SP1.',
      ),
      server: 'LB-1',
      verdict: 'not-covered',
    },
    {
      name: '"load balanced" 2007 Hub Transport servers: NLB (with conditions) or a load balancer (Not covered) is with conditions, the other named',
      paste: table(
        ['RELAY-1    HubTransport   Version 8.3 (Build 83.6)', 'RELAY-2    HubTransport   Version 8.3 (Build 83.6)'],
        'the app servers relay through RELAY-1/RELAY-2, which are load balanced. Windows Server 2008 Enterprise SP2 x64',
      ),
      server: 'RELAY-1',
      verdict: 'supported-with-conditions',
      condition: /Not covered with Hardware or virtual load balancer/,
    },
    {
      name: 'Two 2019 Edge servers with nothing said in front of them: several servers read from the paste, a condition (never a plain Supported)',
      paste: table(
        ['EDGE-N1    Edge           Version 15.2 (Build 1544.4)', 'EDGE-N2    Edge           Version 15.2 (Build 1544.4)'],
        'both Windows Server 2019 Standard, in the DMZ workgroup',
      ),
      server: 'EDGE-N1',
      verdict: 'supported-with-conditions',
      condition: /nothing in front of them/,
    },
    {
      name: 'Two 2019 Edge servers said to have MX records: several servers as said, no condition of the paste',
      paste: table(
        ['EDGE-N1    Edge           Version 15.2 (Build 1544.4)', 'EDGE-N2    Edge           Version 15.2 (Build 1544.4)'],
        'both Windows Server 2019 Standard, in the DMZ workgroup, two MX records of equal priority',
      ),
      server: 'EDGE-N1',
      verdict: 'supported',
    },
  ];
  for (const c of cases)
    it(c.name, () => {
      const g = group(judge(c.paste), c.server);
      assert.equal(g.verdict, c.verdict);
      if (c.ha) assert.equal(g.facts.ha, c.ha);
      if (c.condition)
        assert.ok(
          g.decisions.some((d) => d?.conditions.some((x) => c.condition!.test(x.condition))),
          JSON.stringify(g.decisions.map((d) => d?.conditions.map((x) => x.condition))),
        );
    });

  it("Win32_OperatingSystem's ServicePackMajorVersion gives Windows' service pack up to 2008 R2: 2013 on 2008 R2 Datacenter without one is Not covered (A-35)", () => {
    const paste = (pack: string, caption = 'Microsoft Windows Server 2008 R2 Datacenter', version = '6.1.7600') =>
      [
        'PS C:\\> Get-WmiObject Win32_OperatingSystem -ComputerName EX13DC | fl CSName,Caption,Version,ServicePackMajorVersion',
        '',
        'CSName                  : EX13DC',
        `Caption                 : ${caption}`,
        `Version                 : ${version}`,
        `ServicePackMajorVersion : ${pack}`,
        '',
        'ExSetup on EX13DC: 15.0.1497.2 (2013 CU23). it is the only exchange server, mailbox and client access.',
      ].join('\n');
    assert.equal(read(paste('0')).servers[0]?.osServicePack, 0);
    assert.equal(group(judge(paste('0')), 'EX13DC').verdict, 'not-covered');
    assert.equal(read(paste('1', undefined, '6.1.7601')).servers[0]?.osServicePack, 1);
    assert.notEqual(group(judge(paste('1', undefined, '6.1.7601')), 'EX13DC').verdict, 'not-covered');
    // Windows Server 2016 and later print 0 always: no service pack fact from it.
    assert.equal(read(paste('0', 'Microsoft Windows Server 2016 Datacenter', '10.0.14393')).servers[0]?.osServicePack, undefined);
  });
});
