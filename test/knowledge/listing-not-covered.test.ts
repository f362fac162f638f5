import { strict as assert } from 'node:assert';
import { loadKnowledgeBase } from '../../knowledge';
import { listingDesign, type ListingGroup } from '../../knowledge/listings/listing-design';
import { listingReader } from './listing-helpers';

/**
 * Issue 25, session 9 (l25): groups whose setup the sources leave open are "Not covered", never decided on a
 * design the paste's shape suggests. The design said around a paste (Windows NLB, a load balancer, DNS round robin)
 * says more than "in no DAG the paste lists"; a DAG whose members also run NLB is the pair the table reads together.
 */
describe('Listings: designs the sources leave open (issue 25, session 9)', () => {
  const kb = loadKnowledgeBase();
  const read = listingReader(kb);
  const judge = (text: string): ListingGroup[] => listingDesign(read(text), kb);
  const group = (groups: readonly ListingGroup[], name: string): ListingGroup => {
    const found = groups.find((g) => g.servers.some((s) => s.name === name));
    assert.ok(found, `no group holds ${name}`);
    return found;
  };
  const table = (rows: string[]) => ['Name      ServerRole    AdminDisplayVersion', '----      ----------    -------------------', ...rows, ''];

  const cases: { name: string; paste: string[]; server: string; ha: string; verdict: string; also?: Record<string, string> }[] = [
    {
      name: '"No DAG" and then Windows NLB said: NLB in front of 2016 Mailbox servers outside a DAG (M-6: not covered)',
      paste: [
        ...table(['EX16-A    Mailbox       Version 15.1 (Build 2507.6)', 'EX16-B    Mailbox       Version 15.1 (Build 2507.6)']),
        'Both on Server 2016 Datacenter. No DAG. EX16-A and EX16-B sit behind Windows NLB.',
      ],
      server: 'EX16-A',
      ha: 'nlb',
      verdict: 'not-covered',
    },
    {
      name: 'DNS round robin said for two 2003 front-ends, after "No NLB" (exchange-2000-2003-rest: not covered, never a plain Supported)',
      paste: [
        ...table(['FE-EX1    Front End     Version 6.5 (Build 7638.2: Service Pack 2)', 'FE-EX2    Front End     Version 6.5 (Build 7638.2: Service Pack 2)']),
        'No NLB, just DNS round robin between FE-EX1 and FE-EX2. Windows Server 2003 R2 Standard SP2 on both.',
      ],
      server: 'FE-EX1',
      ha: 'dns-round-robin',
      verdict: 'not-covered',
    },
    {
      name: 'Two Edge servers behind a Kemp VIP, the sentence naming the edges (modern-rest: not covered)',
      paste: [
        ...table(['EDGE16-1  Edge          Version 15.1 (Build 2507.6)', 'EDGE16-2  Edge          Version 15.1 (Build 2507.6)']),
        'both edges are in the DMZ workgroup, Windows Server 2016 Standard, published behind a Kemp LoadMaster VIP for inbound SMTP',
      ],
      server: 'EDGE16-1',
      ha: 'load-balancer',
      verdict: 'not-covered',
    },
    {
      name: 'NLB said for the members of a listed DAG: the DAG stays, NLB on its members is stated (Not supported)',
      paste: [
        ...table(['DM1       Mailbox       Version 15.2 (Build 1748.10)', 'DM2       Mailbox       Version 15.2 (Build 1748.10)']),
        'Name    Servers',
        '----    -------',
        'DAG19   {DM1, DM2}',
        '',
        'we also put Windows NLB on DM1 and DM2 for OWA. Windows Server 2022 Standard.',
      ],
      server: 'DM1',
      ha: 'dag',
      verdict: 'not-supported',
      also: { nlbOnSameServers: 'yes' },
    },
    {
      name: 'A sentence wrapped in a mail ("the two FEs sit / behind Windows NLB") gives NLB to the front-ends only',
      paste: [
        ...table(['MAILBE01  Back End      Version 6.5 (Build 7638.2: Service Pack 2)', 'MAILFE01  Front End     Version 6.5 (Build 7638.2: Service Pack 2)']),
        'All: Windows Server 2003 R2 Standard Edition SP2, 32-bit. No cluster anywhere; the two FEs sit',
        'behind Windows NLB (OWA + RPC/HTTP).',
      ],
      server: 'MAILBE01',
      ha: 'none',
      verdict: 'supported',
    },
    {
      name: 'A DAG named in words that deny it ("Einzelserver, kein DAG") never undoes the paste\'s single server',
      paste: [...table(['HAM-EX16  Mailbox       Version 15.1 (Build 2507.6)']), 'Windows Server 2016 Standard. Einzelserver, kein DAG.'],
      server: 'HAM-EX16',
      ha: 'none',
      verdict: 'supported-with-conditions',
    },
  ];
  for (const c of cases)
    it(c.name, () => {
      const g = group(judge(c.paste.join('\n')), c.server);
      assert.equal(g.facts.ha, c.ha);
      assert.equal(g.verdict, c.verdict);
      for (const [d, v] of Object.entries(c.also ?? {})) assert.equal(g.facts[d], v, d);
    });
});
