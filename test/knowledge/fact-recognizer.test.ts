import { strict as assert } from 'node:assert';
import { type Facts, type KnowledgeBase } from '../../knowledge';
import { FactRecognizer } from '../../knowledge/reading/fact-recognizer';
import { PhraseMatcher } from '../../knowledge/reading/phrase-matcher';
import { TypoReading } from '../../knowledge/reading/typo-reading';
import { stem } from '../../knowledge/search/stem';
import { allowedTypos, editDistance, tokenize, wordMatches } from '../../knowledge/reading/text-tokens';
import { sharedKnowledgeBase } from '../support/shared-knowledge';

describe('fact recognizer', () => {
  let kb: KnowledgeBase;
  let recognizer: FactRecognizer;
  before(() => {
    kb = sharedKnowledgeBase();
    recognizer = kb.recognizer;
  });

  describe('extract() on questions people type', () => {
    const cases: [string, Facts, string[]?][] = [
      ['Can I put an Exchange 2003 front-end server on a Windows cluster?', { version: '2003', role: 'front-end', ha: 'cluster' }],
      ['E2K3 FE on MSCS', { version: '2003', role: 'front-end', ha: 'cluster' }],
      ['E2K3 fe on mscs', { version: '2003', role: 'front-end', ha: 'cluster' }],
      // "cluster" alone is a word of every version ("clustering"): the version settles it (see knownFacts below).
      ['exchange 2000 BE on windows 2000 advanced server cluster', { version: '2000', role: 'back-end', windows: '2000', windowsEdition: 'advanced', ha: 'clustering' }],
      ['clustered E2K BE on w2k datacenter', { version: '2000', role: 'back-end', windows: '2000', windowsEdition: 'datacenter', ha: 'clustering' }],
      [
        'Exchange 2003 Enterprise Edition on Windows Server 2003 Enterprise Edition cluster',
        { version: '2003', edition: 'enterprise', windows: '2003', windowsEdition: 'enterprise', ha: 'clustering' },
      ],
      ['We have Exchange Server 2003 Standard Edition', { version: '2003', edition: 'standard' }],
      // session 15 i27 (w9-red-15): "no wait" takes the value back, and a short lead ending in its subject may come before the new one.
      ['windows 2008 r2 enterprise - no wait, it is datacenter', { windows: '2008-r2', windowsEdition: 'datacenter' }],
      [
        '2 node dag on windows 2008 r2 enterprise, no wait, purchasing says they are standard edition',
        { ha: 'dag', role: 'mailbox', nodes: '2', windows: '2008-r2', windowsEdition: 'standard' },
      ],
      // session 15 i27 (w9-red-45, -101, -118): Windows for Itanium and Windows Storage Server are stated facts; "storage server" alone is no edition.
      ['exchange 2010 on windows server 2008 r2 for itanium-based systems', { version: '2010', windows: '2008-r2', windowsForItanium: 'yes' }],
      ['windows storage server 2016 standard', { windowsStorageServer: 'yes', windows: '2016', windowsEdition: 'standard' }],
      ['our storage server is a netapp', {}],
      ['windows 2008 r2 enterprise, no witness, they are standard edition', { windows: '2008-r2', windowsEdition: 'enterprise', witness: 'no', edition: 'standard' }],
      // Issue 21: "single" counts the DAG it stands before; before a server word it is one server.
      ['a single 2010 DAG with 18 mailbox servers', { version: '2010', ha: 'dag', role: 'mailbox', nodes: '18' }],
      ['single mailbox server on ws2022', { ha: 'none', role: 'mailbox', windows: '2022' }],
      // Issue 21: a count of what is added is added (16 + 2); of two counts of one thing the larger is the plan.
      ['DAG of 16 members today, we want to add 2 more members', { ha: 'dag', role: 'mailbox', nodes: '18' }],
      ['add two additional nodes to our 2-node E2K3 cluster', { version: '2003', ha: 'clustering', nodes: '4' }],
      ['currently 2 EVS, customer wants to add a 3rd EVS', { instances: '3' }],
      // Issue 21: what is placed outside is not part of the setup.
      // Session 11 (d23): a singular Edge is read as one server only where the message describes it (its Windows, domain).
      ['the edge server outside the DAG', { role: 'edge-transport' }],
      ['the edge server outside the DAG, on 2019 std in a workgroup', { role: 'edge-transport', ha: 'none', windows: '2019', windowsEdition: 'standard', edgeDomainJoined: 'no' }],
      ['stretched over 3 sites', { sites: '3' }],
      // Issue 21 (x21): one DAG's members counted per site add up; another role's count does not join them.
      ['one stretched DAG: 10 servers in AMS and 8 in FRA', { ha: 'dag', role: 'mailbox', nodes: '18' }],
      ['DAG: 8 nodes in NYC and 10 nodes in CHI', { ha: 'dag', role: 'mailbox', nodes: '18' }],
      ['DAG with 6 servers in London + 6 in Dublin', { ha: 'dag', role: 'mailbox', nodes: '12' }],
      ['DAG of 3 in AMS, CAS 2 in FRA', { ha: 'dag', role: 'client-access', nodes: '3' }],
      // Issue 21 (x21): a bare edition after the Exchange version is Exchange's; a year counting licences is no version.
      ['2010 DAG, 4 mailbox servers, Enterprise', { version: '2010', ha: 'dag', role: 'mailbox', nodes: '4', edition: 'enterprise' }],
      [
        'Exchange 2010 SP3 DAG, 2 members, Enterprise, Windows 2008 R2 Enterprise',
        { version: '2010', update: 'e2010-sp3', ha: 'dag', role: 'mailbox', nodes: '2', edition: 'enterprise', windows: '2008-r2', windowsEdition: 'enterprise' },
      ],
      ['exchange 2010 DAG on windows 2008 r2 enterprise', { version: '2010', ha: 'dag', role: 'mailbox', windows: '2008-r2', windowsEdition: 'enterprise' }],
      ['Exchange 2016 with Enterprise Vault', { version: '2016' }],
      ['Can Exchange SE go on Windows Server 2016? we have spare 2016 licences', { version: 'se', windows: '2016' }],
      ['Exch 2003 front-ends on Win2003 Std', { version: '2003', role: 'front-end', windows: '2003', windowsEdition: 'standard' }],
      // "SE" right after a Windows release is its Standard Edition; after "Exchange" it is Exchange SE.
      ['FEs on W2K3 SE with NLB', { role: 'front-end', windows: '2003', windowsEdition: 'standard', ha: 'nlb' }],
      ['exchange SE on ws2025', { version: 'se', windows: '2025' }],
      // A Windows release said to be gone, and a later move beside the version run today, are not the setup's.
      ['our Exchange 2016 CU23 box on Server 2019 Standard, since 2012 R2 is gone', { version: '2016', update: 'e2016-cu3-or-later', windows: '2019', windowsEdition: 'standard' }],
      ['exchange 2016 dag, we move to 2019 next year', { version: '2016', ha: 'dag', role: 'mailbox' }],
      ['what if we move to SE next year', { version: 'se' }],
      // Session 12 (q22): an update patched to later is a plan; the one of today is judged (CU23 read last made CU2 on 2016 a yes).
      ['exchange 2016 cu2 on windows server 2016 is fine if we patch to cu23 later, right?', { version: '2016', update: 'e2016-before-cu3', windows: '2016' }],
      ['exchange 2019 cu12 on server 2025 is fine as long as we update to cu15 later', { version: '2019', update: 'e2019-cu12-cu13', windows: '2025' }],
      ['our exchange 2019 cu14 dag, updating to cu15 next month', { version: '2019', update: 'e2019-cu14', ha: 'dag', role: 'mailbox' }],
      // A version "with no service pack" is its RTM.
      // Session 13 o25: "one server" typed right before a Windows release is still one server ("server 2012 r2" took the word);
      // servers counted or told apart are not.
      ['exchange 2013 cu23, one server, 2012 r2 datacenter', { version: '2013', update: 'e2013-sp1-or-later', windows: '2012-r2', windowsEdition: 'datacenter', ha: 'none' }],
      // ... and no phrase runs from a server word across a comma into a year ("mailbox server, 2019 std" kept its role).
      ['2019 cu15 mailbox server, 2019 std', { version: '2019', update: 'e2019-cu15-or-later', role: 'mailbox', windows: '2019', windowsEdition: 'standard' }],
      ['ex2016 cu23 one server (2016 std)', { version: '2016', update: 'e2016-cu3-or-later', windows: '2016', windowsEdition: 'standard', ha: 'none' }],
      ['two exchange 2019 servers: one server 2019 std, one server 2022 std', { nodes: '3', version: '2019', windowsEdition: 'standard', mixedWindows: 'yes' }, ['windows']],
      // Session 13 o25: a ticket's signature names the sender's Windows, not the setup's.
      [
        'pls check exchange 2019 cu15, single mailbox server, windows server 2019 datacenter\nregards,\nMaria - MCSE Windows Server 2012',
        { version: '2019', update: 'e2019-cu15-or-later', role: 'mailbox', ha: 'none', windows: '2019', windowsEdition: 'datacenter' },
      ],
      // Session 13 o25: the DCs' Windows said after "oh and", with "they" after "what about the DCs", or as a bare year.
      ['oh and the domain controllers are on server 2012 r2', { unevaluated: 'other-machines' }],
      ['how about our DCs? they run windows server 2019', { unevaluated: 'other-machines' }],
      ['exchange SE on 2025 std, the DCs are 2019', { version: 'se', windows: '2025', windowsEdition: 'standard', unevaluated: 'other-machines' }],
      ['we are on 2016', { version: '2016' }],
      // Session 14 o26: a platform typed as one word ("WS2016STD", "srv2016dc": Datacenter, never a domain controller), "DE" after
      // an edition and "w/ DE" (Desktop Experience), "1 server," ending its clause, and "exchange 14.3" (2010 SP3) in a sentence.
      [
        'EX2016CU23 1xMBX WS2016STD DE',
        { version: '2016', update: 'e2016-cu3-or-later', role: 'mailbox', windows: '2016', windowsEdition: 'standard', serverCore: 'no', ha: 'none', nodes: '1' },
      ],
      [
        'exch16 cu23 mbx single srv2016dc gui',
        { version: '2016', update: 'e2016-cu3-or-later', role: 'mailbox', windows: '2016', windowsEdition: 'datacenter', serverCore: 'no', ha: 'none' },
      ],
      [
        'exchange 2013 cu23 one server mbx/cas on srv2012r2std',
        { version: '2013', update: 'e2013-sp1-or-later', role: 'client-access+mailbox', windows: '2012-r2', windowsEdition: 'standard', ha: 'none' },
      ],
      ['exchange 2016 on windows server 2016 std w/ DE', { version: '2016', windows: '2016', windowsEdition: 'standard', serverCore: 'no' }],
      ['exch 2016 cu23, 1 server, mailbox, server 2016 std', { version: '2016', update: 'e2016-cu3-or-later', windows: '2016', windowsEdition: 'standard', ha: 'none' }],
      ['2 dags, 1 server each', { ha: 'dag', role: 'mailbox' }],
      [
        'exchange 14.3 rollup 30, single server all roles, windows 2008 r2 sp1 standard',
        {
          version: '2010',
          update: 'e2010-sp3',
          updateCurrency: 'current',
          ha: 'none',
          role: 'client-access+hub-transport+mailbox',
          windows: '2008-r2',
          windowsEdition: 'standard',
          windowsServicePack: '1',
        },
      ],
      // Session 14 o26 (w9-red-60): the Exchange edition denied is the other one.
      ['exchange 2003 back-end cluster, we never bought exchange enterprise', { version: '2003', role: 'back-end', ha: 'clustering', edition: 'standard' }],
      // Session 14 o26: other machines' Windows said with "update:", "were upgraded to", or of VMs standing around the servers.
      ['update: our DCs were upgraded to 2022 last week', { unevaluated: 'other-machines' }],
      ['a kemp loadmaster on a vmware host with windows 2012 r2 vms around it', { ha: 'load-balancer', unevaluated: 'other-machines,virtualization,vmware' }],
      // Session 15 j27 (j-oos-02): Exchange 2010 by its build's major version (14.x on Microsoft's build numbers page).
      ['E14 SP3 one server with every role', { version: '2010', update: 'e2010-sp3', ha: 'none', role: 'client-access+hub-transport+mailbox' }],
      ['exchange 14 sp2 mailbox server', { version: '2010', update: 'e2010-before-sp3', updateCurrency: 'behind', role: 'mailbox' }],
      // Session 15 j27 (j-oos-01): "our only mailbox server" is one server.
      ['our only mailbox server runs exchange 2016 cu23', { version: '2016', update: 'e2016-cu3-or-later', ha: 'none', role: 'mailbox' }],
      // Session 15 j27 (j-after-08, -09): a file server named by its host, and the witness said to be a DC, are other machines.
      ['btw our file server FS1 still runs windows server 2012 r2', { unevaluated: 'other-machines' }],
      ['fwiw FS1, the witness box, is also a domain controller', { witness: 'yes', unevaluated: 'other-machines' }],
      [
        'SE DAG of 2 on 2025 std, fsw on FS1. the witness box is also a domain controller',
        { version: 'se', ha: 'dag', role: 'mailbox', nodes: '2', windows: '2025', windowsEdition: 'standard', witness: 'yes', unevaluated: 'other-machines' },
      ],
      // The members said to be DCs stay DCs.
      [
        'SE DAG of 2 on 2025 std, fsw on FS1. both members are also DCs',
        { version: 'se', ha: 'dag', role: 'mailbox', nodes: '2', windows: '2025', windowsEdition: 'standard', witness: 'yes', domainController: 'yes' },
      ],
      // Session 13 o25: "x1" standing before the roles it counts.
      [
        'Exch 2010 SP3 RU32 x1 (all roles), W2K8R2 SP1 Ent',
        {
          version: '2010',
          role: 'client-access+hub-transport+mailbox',
          windows: '2008-r2',
          windowsEdition: 'enterprise',
          update: 'e2010-sp3',
          ha: 'none',
          windowsServicePack: '1',
        },
      ],
      ['exchange 2007 with no service pack on windows 2003', { version: '2007', update: 'e2007-rtm', windows: '2003' }],
      // "One <version> <role> server" is a single server; "2016 templates" are VM templates, no Exchange 2016.
      ['One Exchange 2019 CU15 Edge Transport server in the DMZ', { version: '2019', update: 'e2019-cu15-or-later', role: 'edge-transport', ha: 'none' }],
      ['Can Exchange 2013 CU23 go on Windows Server 2016? we only have 2016 templates', { version: '2013', update: 'e2013-sp1-or-later', windows: '2016' }],
      // Domain controllers counted apart are other servers; said of the members they are the members'.
      ['SE DAG of 2 on ws2025, 2 DCs on ws2022', { version: 'se', ha: 'dag', role: 'mailbox', nodes: '2', windows: '2025' }],
      // session 12 d24: the DCs' own Windows is named back as other machines' (other-machines.ts), never the members'.
      ['SE DAG of 2 on ws2022, the DCs run ws2016', { version: 'se', ha: 'dag', role: 'mailbox', nodes: '2', windows: '2022', unevaluated: 'other-machines' }],
      ['2 node DAG, both DCs', { ha: 'dag', role: 'mailbox', nodes: '2', domainController: 'yes' }],
      ['the cluster nodes are also the domain controllers', { ha: 'clustering', domainController: 'yes' }],
      ['exchange 2019 installed on the DCs', { version: '2019', domainController: 'yes' }],
      // The witness's own host is no fact of the members.
      ['DAG of 2 with the FSW on a separate member server', { ha: 'dag', role: 'mailbox', nodes: '2', witness: 'yes' }],
      ['no cluster, just a single exchange 2003 back end', { version: '2003', role: 'back-end', ha: 'none' }],
      // session 8 l25 (set K, k06): a cluster denied in words is no cluster.
      ['both on windows server 2003 r2 enterprise x64, nothing clustered', { windows: '2003-r2', windowsEdition: 'enterprise', architecture: 'x64', ha: 'none' }],
      ['none of them clustered', { ha: 'none' }],
      ['OWA on NLB with E2K3', { version: '2003', role: 'front-end', ha: 'nlb' }],
      ['E2K7 CAS on a failover cluster', { version: '2007', role: 'client-access', ha: 'clustering' }],
      // SCC is read as the alias it is (a single copy cluster is always a Mailbox server); the check translates it to `cluster`.
      ['E2K7 SCC on Windows 2008 Enterprise', { version: '2007', ha: 'scc', role: 'mailbox', windows: '2008', windowsEdition: 'enterprise' }],
      // Windows NLB runs on the servers it balances: DAG members "behind NLB" have NLB on them, a limit.
      ['exchange 2016 DAG members behind NLB', { version: '2016', ha: 'dag', role: 'mailbox', nlbOnSameServers: 'yes' }],
      ['FRONT END ON MSCS', { role: 'front-end', ha: 'cluster' }],
      ['Is BE on MSCS OK?', { role: 'back-end', ha: 'cluster' }],
      // "be" the verb is not "BE" the back-end.
      ['can it be clustered', { ha: 'clustering' }],
      ['Be careful: is a front end on nlb ok', { role: 'front-end', ha: 'nlb' }],
      ['to be or not to be on a cluster', { ha: 'clustering' }],
      // Typos.
      ['exhange 2003 frnt end on a clsuter', { version: '2003', role: 'front-end', ha: 'clustering' }],
      ['exchnage 2003 bakend on a failover clustre', { version: '2003', role: 'back-end', ha: 'clustering' }],
      // A Windows name does not leak an Exchange version, and "Server 2003" is Windows.
      ['windows 2000 advanced server only', { windows: '2000', windowsEdition: 'advanced' }],
      ['exchange 2003 on windows 2003', { version: '2003', windows: '2003' }],
      ['my exchange 2000 server runs on windows server 2003', { version: '2000', windows: '2003' }],
      ['Exchange 2000 on Server 2003', { version: '2000', windows: '2003' }],
      ['Exchange front-end on Server 2003', { role: 'front-end', windows: '2003' }],
      // Composed phrases: a release followed by its edition.
      ['Windows 2003 Enterprise', { windows: '2003', windowsEdition: 'enterprise' }],
      ['2k3 r2 std', { windows: '2003-r2', windowsEdition: 'standard' }],
      ['win2k3 R2 x64', { windows: '2003-r2', architecture: 'x64' }],
      ['load balancer in front of exchange 2016', { version: '2016', ha: 'load-balancing' }],
      ['F5 in front of exchange 2019', { version: '2019', ha: 'load-balancer' }],
      // Stated facts.
      ['3-node cluster', { nodes: '3', ha: 'clustering' }],
      ['a DAG of 17 members', { nodes: '17', ha: 'dag', role: 'mailbox' }],
      ['the third EVS', { instances: '3' }],
      ['E2K3 BE on a 4 node cluster with 3 EVS', { version: '2003', role: 'back-end', ha: 'clustering', nodes: '4', instances: '3' }],
      ['nodes are also DCs', { domainController: 'yes' }],
      ['member servers', { domainController: 'no' }],
      ['NNTP on the cluster', { components: 'nntp', ha: 'clustering' }],
      ['KMS and NNTP on the Exchange 2000 cluster', { components: 'kms,nntp', version: '2000', ha: 'clustering' }],
      ['Exchange 2016 on Server Core', { version: '2016', serverCore: 'yes' }],
      // session 11 o23: a mixed DAG keeps its oldest version, as for versions named in full, so a retired one heads the verdict.
      ['Exchange 2016 and 2019 in one DAG', { version: '2016', ha: 'dag', role: 'mailbox', mixedVersions: 'yes' }],
      // Two values for one fact: left out and reported, not guessed.
      ['front end and back end nlb', { ha: 'nlb' }, ['role']],
      ['2003 front-end, exchange 2000 back-end', { mixedVersions: 'yes' }, ['version', 'role']],
      // Issue 21 (o22): a bare year said of the Windows words just before it is the Windows release, not an Exchange version.
      ['what if we upgrade windows to 2019?', { windows: '2019' }],
      ['what if windows was 2016?', { windows: '2016' }],
      // Issue 21 (o21): a witness placed on a DC or a Hub Transport server describes the witness, which
      // can be any Windows Server outside the DAG (plan-ha.md), not the members.
      ['exchange 2016 dag 2 members, witness on the domain controller', { version: '2016', ha: 'dag', role: 'mailbox', nodes: '2', witness: 'yes' }],
      ['Exchange 2010 DAG, file share witness on the hub transport server', { version: '2010', ha: 'dag', role: 'mailbox', witness: 'yes' }],
      ['Exchange 2010 SP3 DAG, DC01 as the file share witness', { version: '2010', update: 'e2010-sp3', ha: 'dag', role: 'mailbox', witness: 'yes' }],
      ['SE DAG, DCs are separate boxes', { version: 'se', ha: 'dag', role: 'mailbox', domainController: 'no' }],
      ['SE DAG, both members are also domain controllers, witness on a file server', { version: 'se', ha: 'dag', role: 'mailbox', domainController: 'yes', witness: 'yes' }],
      // Issue 21 (c21): the witness host described with adjectives, a server name, brackets or a bare year is still
      // the witness's, never a second release (or version) of the members: a wrong "Not supported" otherwise.
      [
        'SE DAG of two on 2025 std, no DCs; the witness is an old Windows Server 2016 file server',
        { nodes: '2', version: 'se', ha: 'dag', role: 'mailbox', windows: '2025', windowsEdition: 'standard', domainController: 'no', witness: 'yes' },
      ],
      [
        '2019 CU15 DAG, 2 members on windows 2022 standard, FSW on a 2016 box',
        { nodes: '2', version: '2019', update: 'e2019-cu15-or-later', ha: 'dag', role: 'mailbox', windows: '2022', windowsEdition: 'standard', witness: 'yes' },
      ],
      [
        'SE DAG: 2 nodes, Server 2025 Standard, witness: FS01 (Windows Server 2019)',
        { nodes: '2', version: 'se', ha: 'dag', role: 'mailbox', windows: '2025', windowsEdition: 'standard', witness: 'yes' },
      ],
      ['DAG with 2 x SE on 2022, witness on a 2019 core server', { nodes: '2', version: 'se', ha: 'dag', role: 'mailbox', windows: '2022', witness: 'yes' }],
      [
        'SE DAG of 4 on 2022 datacenter, no DCs, FSW on FS-EU-01 (Windows Server 2016 Standard)',
        { nodes: '4', version: 'se', ha: 'dag', role: 'mailbox', windows: '2022', windowsEdition: 'datacenter', domainController: 'no', witness: 'yes' },
      ],
      [
        "Exchange 2019 CU15 DAG 2 members 2022 std, witness on our SQL cluster's file share",
        { nodes: '2', version: '2019', update: 'e2019-cu15-or-later', ha: 'dag', role: 'mailbox', windows: '2022', windowsEdition: 'standard', witness: 'yes' },
      ],
      // Issue 21 (c21, not-this-setup.ts): another product's year, a version a past move left or one said to be gone,
      // the domain controllers' own clause, datacenters and "core" switches say nothing of the Exchange servers.
      [
        '2019 CU15 DAG of 2 on server 2019 std with a witness, outlook 2016 clients',
        { nodes: '2', version: '2019', update: 'e2019-cu15-or-later', ha: 'dag', role: 'mailbox', windows: '2019', windowsEdition: 'standard', witness: 'yes' },
      ],
      [
        'SE on 2025 std, 2 in a DAG, witness on FS01; the hypervisor is hyper-v 2019',
        { version: 'se', ha: 'dag', role: 'mailbox', windows: '2025', windowsEdition: 'standard', witness: 'yes', unevaluated: 'hyper-v' },
      ],
      [
        'SE DAG of 2 on 2022 std, migrated from 2016 last year, witness FS1, no DCs',
        { nodes: '2', version: 'se', ha: 'dag', role: 'mailbox', windows: '2022', windowsEdition: 'standard', witness: 'yes', domainController: 'no' },
      ],
      [
        'we upgraded from exchange 2016 to SE; now SE DAG of two, windows 2025 std, witness on FS, no DCs',
        { nodes: '2', version: 'se', ha: 'dag', role: 'mailbox', windows: '2025', windowsEdition: 'standard', witness: 'yes', domainController: 'no' },
      ],
      [
        'Exchange 2019 CU15 DAG, 2 members on windows 2022, FSW on FS01, no DCs; the old 2013 servers were decommissioned',
        { nodes: '2', version: '2019', update: 'e2019-cu15-or-later', ha: 'dag', role: 'mailbox', windows: '2022', witness: 'yes', domainController: 'no' },
      ],
      [
        'SE DAG of two on windows server 2022 standard, the old windows 2012 R2 servers are gone',
        { nodes: '2', version: 'se', ha: 'dag', role: 'mailbox', windows: '2022', windowsEdition: 'standard' },
      ],
      // Said alone, the version a move left is still read (the check asks which one runs rather than guess).
      ['we migrated from exchange 2016', { version: '2016' }],
      [
        'SE DAG 2 members on 2025 standard, DCs still on 2016, FSW on FS01',
        { nodes: '2', version: 'se', ha: 'dag', role: 'mailbox', windows: '2025', windowsEdition: 'standard', witness: 'yes' },
      ],
      [
        'exchange SE DAG of two on 2022 std; DCs run on other VMs; witness on a file server',
        { nodes: '2', version: 'se', ha: 'dag', role: 'mailbox', windows: '2022', windowsEdition: 'standard', witness: 'yes', unevaluated: 'virtualization' },
      ],
      ['SE DAG, 2 members, DCs are also the members', { nodes: '2', version: 'se', ha: 'dag', role: 'mailbox', domainController: 'yes' }],
      [
        'SE DAG with 4 members: 2 in our main DC, 2 in the DR DC; witness on a file server in a third DC',
        { nodes: '4', version: 'se', ha: 'dag', role: 'mailbox', witness: 'yes' },
      ],
      // The hosts' Hyper-V cluster under DAG members is host-based failover clustering (virtualization.md), not
      // another workload on the DAG's own cluster; Hyper-V run by the members themselves still is.
      [
        'exchange 2019 cu15 DAG of 4 members, VMs on our Hyper-V cluster, windows 2022 datacenter, witness on a file server',
        {
          nodes: '4',
          version: '2019',
          update: 'e2019-cu15-or-later',
          ha: 'dag',
          role: 'mailbox',
          windows: '2022',
          windowsEdition: 'datacenter',
          witness: 'yes',
          unevaluated: 'hyper-v,virtualization',
        },
      ],
      // session 10 v22 (A-58): what the virtualization pages refuse, stated.
      [
        'SE single mailbox server on 2025 std, databases on an nfs datastore',
        { version: 'se', ha: 'none', role: 'mailbox', windows: '2025', windowsEdition: 'standard', dataOnNas: 'yes' },
      ],
      ['2019 mailbox server with dynamic memory enabled', { version: '2019', role: 'mailbox', dynamicMemory: 'yes' }],
      // session 14 (lead): members said to be hypervisor hosts in the plural (A-53).
      [
        'exchange 2019 cu15 on windows server 2025 with the dag members also being hyper-v hosts',
        { version: '2019', update: 'e2019-cu15-or-later', windows: '2025', ha: 'dag', role: 'mailbox', onVirtualizationHost: 'yes' },
      ],
      ['the exchange box doubles as our hyper-v host', { onVirtualizationHost: 'yes' }],
      // session 14 (lead): both roles said with "role" after each (it was a design of an Edge and a Mailbox server, SwC).
      [
        'exchange 2016 cu23 single server with the edge role and mailbox role on the same server',
        { version: '2016', update: 'e2016-cu3-or-later', ha: 'none', edgeWithOtherRoles: 'yes' },
      ],
      ['2016 mailbox server, hourly vmware snapshots', { version: '2016', role: 'mailbox', vmSnapshots: 'yes' }],
      // session 12: a bare "snapshots" (of the SAN or the VM) is a topic with requirements of its own (A-52), named as a condition.
      [
        '2019 mailbox server, vcpus overcommitted 2:1, hourly snapshots on the san',
        { version: '2019', role: 'mailbox', vcpuRatio: 'within-2', unevaluated: 'hardware,hypervisor-features,storage' },
      ],
      ['SE DAG of 2, witness is a cloud witness', { nodes: '2', version: 'se', ha: 'dag', role: 'mailbox', witness: 'yes', cloudWitness: 'yes' }],
      ['SE DAG of 2, the DAG members also run the hyper-v role', { nodes: '2', version: 'se', ha: 'dag', role: 'mailbox', clusterWorkloads: 'yes' }],
      [
        'two SE mailbox servers in a DAG on 2022 datacenter, a 2019 file server hosts the witness',
        { nodes: '2', version: 'se', ha: 'dag', role: 'mailbox', windows: '2022', windowsEdition: 'datacenter', witness: 'yes' },
      ],
      [
        'SE DAG of 2 on 2022 std; FS01 on server 2019 is the file share witness',
        { nodes: '2', version: 'se', ha: 'dag', role: 'mailbox', windows: '2022', windowsEdition: 'standard', witness: 'yes' },
      ],
      ['SE DAG of 2 on 2022 std witness FS1', { nodes: '2', version: 'se', ha: 'dag', role: 'mailbox', windows: '2022', windowsEdition: 'standard', witness: 'yes' }],
      [
        // session 12 v1: the forest level is read as such (A-68), never as the members' Windows.
        'SE DAG of 2 on 2022 std, forest functional level 2012 R2, witness FS01, no DCs',
        {
          nodes: '2',
          version: 'se',
          ha: 'dag',
          role: 'mailbox',
          windows: '2022',
          windowsEdition: 'standard',
          witness: 'yes',
          domainController: 'no',
          forestLevel: '2012-r2',
        },
      ],
      [
        'SE DAG of 2 on 2022 std with witness, schema is at 2019 level',
        { nodes: '2', version: 'se', ha: 'dag', role: 'mailbox', windows: '2022', windowsEdition: 'standard', witness: 'yes' },
      ],
      [
        'SE DAG of 2, members on 2022 std, witness FS1, servers bought in 2019',
        { nodes: '2', version: 'se', ha: 'dag', role: 'mailbox', windows: '2022', windowsEdition: 'standard', witness: 'yes' },
      ],
      [
        'SE DAG of 2 on 2022 std, witness FS1; the old 2010 org was removed in 2020',
        { nodes: '2', version: 'se', ha: 'dag', role: 'mailbox', windows: '2022', windowsEdition: 'standard', witness: 'yes' },
      ],
      [
        'SE DAG of 2 on 2022 std, witness FS1; previously we ran 2016 on 2012 R2',
        { nodes: '2', version: 'se', ha: 'dag', role: 'mailbox', windows: '2022', windowsEdition: 'standard', witness: 'yes' },
      ],
      [
        'SE DAG of 2 on 2022 std, witness FS1, built last month to replace our 2013 servers',
        { nodes: '2', version: 'se', ha: 'dag', role: 'mailbox', windows: '2022', windowsEdition: 'standard', witness: 'yes' },
      ],
      [
        'SE DAG of 2 on 2022 std, witness FS1, management server on 2016 with the exchange management tools',
        { nodes: '2', version: 'se', ha: 'dag', role: 'mailbox', windows: '2022', windowsEdition: 'standard', witness: 'yes' },
      ],
      // Session 14 (q24): an Exchange version named right before its tools, or after them, is that version (A-82); a bare year
      // beside "management" stays another server's release.
      ['can i install the exchange 2019 management tools on windows 10', { version: '2019', unevaluated: 'management-tools' }],
      ['how do i install the management tools for exchange 2016 on my windows 10 pc', { version: '2016', clientWindows: 'yes' }],
      ['install the management tools on 2019', {}],
      ['a 2019 management server', {}],
      [
        'SE DAG of 2 on 2022 std, witness FS01; two DCs (2019) in the same site',
        { nodes: '2', version: 'se', ha: 'dag', role: 'mailbox', windows: '2022', windowsEdition: 'standard', witness: 'yes' },
      ],
      [
        'SE DAG of 2 on 2022 std with witness FS01; DC01 and DC02 run windows 2019',
        { nodes: '2', version: 'se', ha: 'dag', role: 'mailbox', windows: '2022', windowsEdition: 'standard', witness: 'yes' },
      ],
      [
        "exchange 2016 cu23 DAG of 2 on 2016 std, witness FS1, we'll move to SE on 2025 next year",
        { nodes: '2', version: '2016', update: 'e2016-cu3-or-later', ha: 'dag', role: 'mailbox', windows: '2016', windowsEdition: 'standard', witness: 'yes' },
      ],
      [
        'SE DAG of 2 on 2022 std, witness FS01, we have 3 DCs but they are separate servers',
        { nodes: '2', version: 'se', ha: 'dag', role: 'mailbox', windows: '2022', windowsEdition: 'standard', witness: 'yes' },
      ],
      [
        'SE DAG of 2 on 2022 std, witness FS01, there are 2 DCs on 2019',
        { nodes: '2', version: 'se', ha: 'dag', role: 'mailbox', windows: '2022', windowsEdition: 'standard', witness: 'yes' },
      ],
      // Tied to the Exchange servers later in the sentence, the DCs are still the members.
      [
        'SE DAG of 2 on 2022 std, witness FS01, we have 2 DCs and they are also the DAG members',
        { nodes: '2', version: 'se', ha: 'dag', role: 'mailbox', windows: '2022', windowsEdition: 'standard', witness: 'yes', domainController: 'yes' },
      ],
      // Where the witness is not ("not a DAG member") says nothing against the DAG; where it is (a member) is no witness.
      [
        "SE DAG of 2 on 2022 std, the witness is not a DAG member, it's FS01",
        { nodes: '2', version: 'se', ha: 'dag', role: 'mailbox', windows: '2022', windowsEdition: 'standard', witness: 'yes' },
      ],
      [
        'SE DAG of 4 on 2022 std, witness on a server that is not in the DAG',
        { nodes: '4', version: 'se', ha: 'dag', role: 'mailbox', windows: '2022', windowsEdition: 'standard', witness: 'yes' },
      ],
      [
        'SE DAG of 2 on 2022 std, the witness is a DAG member',
        { nodes: '2', version: 'se', ha: 'dag', role: 'mailbox', windows: '2022', windowsEdition: 'standard', witness: 'no', witnessOnMember: 'yes' },
      ],
      [
        '2 node exchange 2016 DAG, the core switches are redundant, 2016 std, witness on FS01',
        { nodes: '2', version: '2016', ha: 'dag', role: 'mailbox', windows: '2016', windowsEdition: 'standard', witness: 'yes' },
      ],
      // Session 15 (lead): "no" carries along a list of cluster components joined by "/" or "or", not by a bare comma or "and".
      ['e2k3 ent cluster, member servers, no nntp / kms / connectors on the cluster', { version: '2003', edition: 'enterprise', ha: 'clustering', domainController: 'no' }],
      ['e2k3 ent cluster, no nntp or kms on it', { version: '2003', edition: 'enterprise', ha: 'clustering' }],
      ['e2k3 ent cluster, no nntp, kms is on node 1', { version: '2003', edition: 'enterprise', ha: 'clustering', components: 'kms' }],
      // Session 15 (lead): a Windows release's year before "core" is Server Core, not a count of processor cores.
      ['exchange 2016 cu23 single server on windows server 2016 core', { version: '2016', ha: 'none', windows: '2016', serverCore: 'yes', update: 'e2016-cu3-or-later' }],
      ['SE single server on 2025 std, 16 core cpu', { version: 'se', ha: 'none', windows: '2025', windowsEdition: 'standard', unevaluated: 'hardware' }],
      // A Windows service pack between the release and its edition: the edition is still Windows's.
      ['windows 2008 sp2 enterprise x64', { windows: '2008', windowsEdition: 'enterprise', architecture: 'x64', windowsServicePack: '2' }],
      ['Windows 2008 R2 SP1 Datacenter', { windows: '2008-r2', windowsEdition: 'datacenter', windowsServicePack: '1' }],
      // A member count said as a count of Mailbox servers.
      ['exchange 2016 dag, 17 mailbox servers', { version: '2016', ha: 'dag', role: 'mailbox', nodes: '17' }],
      ['18 SE mailbox servers in one DAG', { version: 'se', ha: 'dag', role: 'mailbox', nodes: '18' }],
      // A value taken back inside the message ("sorry", "I mean", "no, ..."): the later one holds.
      ['Windows Server 2008 Standard? no, Enterprise', { windows: '2008', windowsEdition: 'enterprise' }],
      ['server 2008 r2 standard sp1... sorry enterprise', { windows: '2008-r2', windowsEdition: 'enterprise', windowsServicePack: '1' }],
      ['exchange 2016 on 2012 r2, sorry 2016 datacenter', { version: '2016', windows: '2016', windowsEdition: 'datacenter' }],
      ['Exchange 2019 CU14, I mean CU15', { version: '2019', update: 'e2019-cu15-or-later' }],
      ['2 node exchange 2010 dag, no witness', { version: '2010', ha: 'dag', role: 'mailbox', nodes: '2', witness: 'no' }],
      // A bare year after "on", once an Exchange version was named, is the Windows release.
      ['exchange 2013 on 2016', { version: '2013', windows: '2016' }],
      ['Exchange SE standard on 2019', { version: 'se', edition: 'standard', windows: '2019' }],
      // session 11 o23: the mixed DAG keeps its oldest version (see above).
      ['exchange 2016 dag, move on 2019 servers', { version: '2016', ha: 'dag', role: 'mailbox', mixedVersions: 'yes' }],
      // "server core 2019" names Windows Server 2019 installed as Server Core.
      // A typed CU is judged by its currency too (7818048): CU13 is behind.
      ['Exchange 2019 CU13 on server core 2019', { version: '2019', update: 'e2019-cu12-cu13', updateCurrency: 'behind', serverCore: 'yes', windows: '2019' }],
      // Two designs offered as a choice are neither: the check asks.
      ['which is better for our exchange 2016 servers, NLB or a DAG?', { version: '2016' }, ['ha']],
      ['SE DAG, 4 members, we did NOT set up a witness server', { version: 'se', ha: 'dag', role: 'mailbox', nodes: '4', witness: 'no' }],
      ['SE DAG, they want a SQL failover instance on the same cluster', { version: 'se', ha: 'dag', role: 'mailbox', clusterWorkloads: 'yes' }],
      ['e2k3 2 node cluster, exch ent', { version: '2003', ha: 'clustering', nodes: '2', edition: 'enterprise' }],
      ['one exchange SE server on ws2019 standard', { version: 'se', role: 'client-access+hub-transport+mailbox', ha: 'none', windows: '2019', windowsEdition: 'standard' }],
      // Exchange 2019 CU15 and SE in one DAG: an in-place upgrade under way (A-37), judged as SE with that stated.
      // Counts by version add up to one DAG's members (issue 21, n21).
      [
        'our DAG has 2 exchange 2019 cu15 and 2 exchange SE servers while we upgrade in place',
        { version: 'se', ha: 'dag', role: 'mailbox', mixedVersions: '2019-se-upgrade', nodes: '4' },
      ],
      // A cumulative update after the Windows edition is Exchange's; a service pack after "W2K3" is Windows's.
      [
        'Ex2016 DAG of 2 on 2016 Datacenter CU23',
        { version: '2016', ha: 'dag', role: 'mailbox', nodes: '2', windows: '2016', windowsEdition: 'datacenter', update: 'e2016-cu3-or-later' },
      ],
      [
        'E2K3 FE, NLB, W2K3 SP2 Std x86',
        { version: '2003', role: 'front-end', ha: 'nlb', windows: '2003', windowsEdition: 'standard', architecture: 'x86', windowsServicePack: '2' },
      ],
      // Session 12 o24: an update rollup's number is no 32-bit Windows ("ru 32" with 2012 R2 was a wrong Not supported).
      [
        'exchange 2010 sp3 rollup 32 on windows server 2012 r2 standard, single server all roles',
        // session 13 o25: "all roles" alone names the multi-role server.
        { update: 'e2010-sp3', windows: '2012-r2', windowsEdition: 'standard', ha: 'none', version: '2010', role: 'client-access+hub-transport+mailbox' },
      ],
      [
        'exchange 2010 sp3 update rollup 32, one server all roles, windows server 2008 sp2 standard',
        { update: 'e2010-sp3', ha: 'none', windows: '2008', windowsEdition: 'standard', version: '2010', windowsServicePack: '2', role: 'client-access+hub-transport+mailbox' },
      ],
      // A tally of one server ("1x mailbox", "mbx/cas x1") is a single server; other servers tallied too make no single server.
      [
        'E2016 CU23, 1x mailbox, W2016 Std with desktop experience',
        { version: '2016', ha: 'none', role: 'mailbox', windows: '2016', windowsEdition: 'standard', serverCore: 'no', update: 'e2016-cu3-or-later' },
      ],
      [
        'Exch 2013 CU23 mbx/cas x1, Win 2012R2 Std',
        { version: '2013', windows: '2012-r2', windowsEdition: 'standard', update: 'e2013-sp1-or-later', role: 'client-access+mailbox', ha: 'none' },
      ],
      [
        '2x mailbox, 1x edge, exchange 2019 cu15 on 2019 std',
        { role: 'edge-transport', update: 'e2019-cu15-or-later', windows: '2019', windowsEdition: 'standard', version: '2019' },
      ],
      // The Exchange server demoted (or promoted) after Exchange was installed (A-15).
      [
        'exchange 2019 cu15 single mailbox on 2022 std. it used to be a DC, we demoted it after installing exchange',
        { update: 'e2019-cu15-or-later', ha: 'none', role: 'mailbox', windows: '2022', windowsEdition: 'standard', dcRoleChanged: 'yes', version: '2019' },
      ],
      // A server that is no global catalog may still be a domain controller; "not all ... member servers" says nothing for all.
      [
        '2013 cu23 dag of 3 on 2012 r2 std. none of the members is a global catalog - MBX3 is just a plain DC, no GC role',
        { nodes: '3', version: '2013', ha: 'dag', windows: '2012-r2', windowsEdition: 'standard', role: 'mailbox', domainController: 'yes', update: 'e2013-sp1-or-later' },
      ],
      [
        'SE dag of 2 on 2025 std. MBX2 is a domain controller without the global catalog',
        { nodes: '2', version: 'se', ha: 'dag', windows: '2025', windowsEdition: 'standard', role: 'mailbox', domainController: 'yes' },
      ],
      [
        'SE dag of 3 on 2025 std, not all of them are member servers - MBX3 is a DC',
        { nodes: '3', version: 'se', ha: 'dag', windows: '2025', windowsEdition: 'standard', role: 'mailbox', domainController: 'yes' },
      ],
      // "X actually, Y was only the plan": "actually" right after a value affirms it; a release said to be only the plan is dropped.
      ['windows team: both are server 2016 actually, 2025 was only the plan', { windows: '2016' }],
      ['windows 2016 std - actually, 2019 std', { windowsEdition: 'standard', windows: '2019' }],
      // Session 15 o27: a DAG's own conditions stated in words (one build, one Windows, the cluster for the DAG alone, no NLB).
      [
        'SE dag of 2 on 2025 std, fsw on FS1, same build and same windows, nothing else clustered, no windows nlb',
        {
          nodes: '2',
          version: 'se',
          ha: 'dag',
          windows: '2025',
          windowsEdition: 'standard',
          witness: 'yes',
          mixedVersions: 'no',
          mixedWindows: 'no',
          clusterWorkloads: 'no',
          nlbOnSameServers: 'no',
          role: 'mailbox',
        },
      ],
      [
        '2019 cu15 dag of 3 on 2022 std, all on the same cu, the cluster runs only the dag, no NLB',
        {
          nodes: '3',
          version: '2019',
          ha: 'dag',
          windows: '2022',
          windowsEdition: 'standard',
          mixedVersions: 'no',
          clusterWorkloads: 'no',
          nlbOnSameServers: 'no',
          update: 'e2019-cu15-or-later',
          role: 'mailbox',
        },
      ],
      // "our only exchange box" is a single server (w8-oos-17).
      ['exchange 2013 cu23 on our only exchange box, 2012 r2 std', { version: '2013', ha: 'none', update: 'e2013-sp1-or-later', windows: '2012-r2', windowsEdition: 'standard' }],
      // "no NLB anywhere" without a cluster stays a server without high availability.
      ['exchange 2003 front-end, no nlb anywhere', { version: '2003', role: 'front-end', ha: 'none' }],
      // Session 15 o27: the value swapped out is set aside, the one swapped in is the setup's.
      ['what if we swap the nlb for our f5 pair?', { ha: 'load-balancer' }],
      ['we could ditch the nlb for a kemp', { ha: 'load-balancer' }],
      ['nothing to see here', {}],
      ['', {}],
    ];
    for (const [text, facts, ambiguous] of cases) {
      it(`${JSON.stringify(text)} → ${JSON.stringify(facts)}${ambiguous ? ` (ambiguous: ${ambiguous.join(', ')})` : ''}`, () => {
        const result = recognizer.extract(text);
        assert.deepEqual(result.facts, facts);
        assert.deepEqual([...result.ambiguous].sort(), [...(ambiguous ?? [])].sort());
      });
    }

    it('extracts only dimension ids and value ids the rules know', () => {
      const result = recognizer.extract('E2K3 FE BE MSCS NLB standard edition windows 2000 advanced server, 3 nodes, NNTP');
      for (const [dimension, value] of Object.entries(result.facts)) {
        const d = kb.dimensions.find((x) => x.id === dimension);
        assert.ok(d, dimension);
        if (d.type === 'number') assert.match(value, /^\d+$/);
        else
          for (const part of value.split(','))
            assert.ok(
              d.values.some((v) => v.id === part),
              `${dimension}=${part}`,
            );
      }
      assert.deepEqual(kb.knownFacts(result.facts), result.facts);
    });

    it('the words "cluster" and "load balancing" become the version\'s own value once the check knows the version', () => {
      const read = (text: string) => kb.knownFacts(recognizer.extract(text).facts);
      assert.equal(read('Exchange 2003 Enterprise Edition on Windows Server 2003 Enterprise Edition cluster')['ha'], 'cluster');
      assert.equal(read('Exchange 2016 failover cluster')['ha'], 'dag');
      assert.equal(read('exchange 2003 front-ends behind a load balancer')['ha'], 'nlb');
      assert.equal(read('load balancer in front of exchange 2016')['ha'], undefined, 'for 2016 the check asks which kind');
      assert.equal(read('Exchange 2019 CU12 on Windows Server 2022')['version'], '2019', 'an update level settles its version');
    });

    it('does not read a Windows or Exchange version number twice', () => {
      const { facts, ambiguous } = recognizer.extract('exchange 2000 on windows 2000 advanced server');
      assert.equal(facts.version, '2000');
      assert.equal(facts.windows, '2000');
      assert.equal(facts.windowsEdition, 'advanced');
      assert.deepEqual(ambiguous, []);
    });
  });

  describe('recognizeAnswer()', () => {
    const answers: [string, string, string, Facts?][] = [
      ['version', '2k3', '2003'],
      ['version', 'E2K3', '2003'],
      ['version', 'e2k3', '2003'],
      ['version', '2003', '2003'],
      ['version', 'E2K', '2000'],
      ['version', 'exchange 2013', '2013'],
      ['version', '2k19', '2019'],
      ['version', 'SE', 'se'],
      ['version', 'subscription edition', 'se'],
      ['role', 'OWA box', 'front-end'],
      ['role', 'fe', 'front-end'],
      ['role', 'FE', 'front-end'],
      ['role', 'be', 'back-end'],
      ['role', 'BE', 'back-end'],
      ['role', 'Mailbox Server', 'mailbox'],
      ['role', 'frnt end', 'front-end'],
      ['role', 'bridgehead', 'other'],
      ['role', 'CAS', 'client-access', { version: '2010' }],
      ['ha', 'MSCS', 'cluster'],
      ['ha', 'mscs', 'cluster'],
      ['ha', 'SCC', 'scc'],
      ['ha', 'clsuter', 'clustering'],
      ['ha', 'failover clustering', 'clustering'],
      ['ha', 'load balancer', 'load-balancing'],
      ['ha', 'load balancr', 'load-balancing'],
      ['ha', 'F5', 'load-balancer'],
      ['ha', 'hardware load balancer', 'load-balancer'],
      ['ha', 'NLB', 'nlb'],
      ['ha', 'CCR', 'ccr'],
      ['ha', 'DAG', 'dag'],
      ['ha', 'no', 'none'],
      ['ha', 'no clustering', 'none'],
      ['edition', 'std', 'standard'],
      ['edition', 'ent', 'enterprise'],
      ['edition', 'enterprize', 'enterprise'],
      ['windows', '2003 r2', '2003-r2'],
      ['windows', 'w2k8r2', '2008-r2'],
      ['windows', 'Windows Server 2025', '2025'],
      ['windowsEdition', 'web', 'web', { windows: '2003' }],
      ['windowsEdition', 'advanced', 'advanced', { windows: '2000' }],
      ['windowsEdition', 'essentials', 'essentials', { windows: '2019' }],
      ['architecture', '64 bit', 'x64'],
      ['architecture', 'x86', 'x86'],
      ['update', 'SP3', 'e2007-sp3', { version: '2007' }],
      ['update', 'sp1', 'e2007-sp1-sp2', { version: '2007' }],
    ];
    for (const [dimension, text, value, known] of answers) {
      it(`${dimension}: ${JSON.stringify(text)}${known ? ` (knowing ${JSON.stringify(known)})` : ''} → ${value}`, () => {
        assert.equal(recognizer.recognizeAnswer(dimension, text, known ?? {}), value);
      });
    }

    it('composed answers name the edition too ("w2k3 standard", "2003 enterprise", "w2k advanced server")', () => {
      assert.deepEqual(recognizer.readAnswer('windows', 'w2k3 standard'), { windows: '2003', windowsEdition: 'standard' });
      assert.deepEqual(recognizer.readAnswer('windows', '2003 enterprise'), { windows: '2003', windowsEdition: 'enterprise' });
      assert.deepEqual(recognizer.readAnswer('windows', 'w2k advanced server'), { windows: '2000', windowsEdition: 'advanced' });
    });

    // Reported to the lead (issue 9): the same answer word of several values ("SP3" of 2007 and of
    // 2010, "CU12" of 2013 and of 2019) is kept for the first value only, before the known version
    // is looked at, so the answer is read as another version's update.
    it('reads an update answer against the known version ("SP3" of Exchange 2010 is its SP3, "CU12" of 2019 its CU12)', () => {
      assert.equal(recognizer.recognizeAnswer('update', 'SP3', { version: '2010' }), 'e2010-sp3');
      assert.equal(recognizer.recognizeAnswer('update', 'sp1', { version: '2013' }), 'e2013-sp1-or-later');
      assert.equal(recognizer.recognizeAnswer('update', 'CU12', { version: '2019' }), 'e2019-cu12-cu13');
      assert.equal(recognizer.recognizeAnswer('update', 'cu15', { version: '2019' }), 'e2019-cu15-or-later');
      assert.equal(recognizer.extract('2k19 CU12').facts['update'], 'e2019-cu12-cu13');
      // The button label, typed back (Teams does this), is read the same way.
      assert.equal(recognizer.recognizeAnswer('update', 'Exchange 2019 before CU12', { version: '2019' }), 'e2019-before-cu12');
    });

    // Reported to the lead: "active/active" is a phrase of both ha (clustering) and clusterMode; only
    // the first is kept, so the cluster mode of "active/active on 3 nodes" is lost.
    it('reads "active/active" as the cluster mode too', () => {
      const { facts } = recognizer.extract('Exchange 2003 active/active on 3 nodes');
      assert.equal(facts['clusterMode'], 'active-active');
      assert.equal(facts['nodes'], '3');
    });

    /** For each asked dimension, facts that make the check ask it with many values on offer. */
    const contexts: Record<string, Facts> = {
      version: {},
      role: { version: '2007' },
      ha: { version: '2007' },
      edition: { version: '2003' },
      windows: { version: '2003' },
      windowsEdition: { windows: '2003' },
      architecture: { windows: '2003' },
      update: { version: '2019' },
    };

    it('reads a single digit as the number of an offered choice (1 = first), counting only what is offered', () => {
      for (const [dimension, known] of Object.entries(contexts)) {
        const offered = kb.valuesFor(dimension, known);
        offered.forEach((value, i) => {
          assert.equal(recognizer.recognizeAnswer(dimension, String(i + 1), known), value.id, `${dimension} ${i + 1}`);
          assert.equal(recognizer.recognizeAnswer(dimension, ` ${i + 1}. `, known), value.id, `${dimension} " ${i + 1}. "`);
        });
        assert.equal(recognizer.recognizeAnswer(dimension, '0', known), undefined, `${dimension} 0`);
        assert.equal(recognizer.recognizeAnswer(dimension, String(offered.length + 1), known), undefined, `${dimension} past the end`);
      }
      // The roles on offer depend on the version: 1 is a front-end for 2003, Mailbox for 2016.
      assert.equal(recognizer.recognizeAnswer('role', '1', { version: '2003' }), 'front-end');
      assert.equal(recognizer.recognizeAnswer('role', '1', { version: '2016' }), 'mailbox');
      assert.equal(recognizer.recognizeAnswer('role', '3', { version: '2016' }), undefined);
      // Eleven Windows releases: "10" and "11" are choices too.
      assert.equal(recognizer.recognizeAnswer('windows', '11', {}), '2025');
    });

    it("reads every offered value's own label (card button labels come back as text in Teams)", () => {
      // The update labels are read in the update test below (a reported bug).
      for (const [dimension, known] of Object.entries(contexts).filter(([d]) => d !== 'update')) {
        for (const value of kb.valuesFor(dimension, known)) {
          assert.equal(recognizer.recognizeAnswer(dimension, value.label, known), value.id, `${dimension}: "${value.label}"`);
          assert.equal(recognizer.recognizeAnswer(dimension, value.label.toLowerCase(), known), value.id, `${dimension}: lower-cased "${value.label}"`);
        }
      }
      // A label shared by the roles of two versions is read as the one that exists.
      assert.equal(recognizer.recognizeAnswer('role', 'Back-end mailbox server', { version: '2003' }), 'back-end');
    });

    for (const garbage of ['banana', '', '   ', '?', 'asdf qwer', 'yes please']) {
      it(`garbage ${JSON.stringify(garbage)} → undefined for every asked question`, () => {
        for (const dimension of kb.dimensions.filter((d) => d.kind === 'asked')) assert.equal(recognizer.recognizeAnswer(dimension.id, garbage), undefined, dimension.id);
      });
    }

    it('an answer naming two values → undefined', () => {
      assert.equal(recognizer.recognizeAnswer('role', 'front end or back end'), undefined);
    });

    // A cluster (or DAG) named together with Windows NLB is one design: the cluster, with NLB on the
    // same servers, a limit that makes it "Not supported" (C10, D-6).
    it('an answer naming a cluster and Windows NLB → the cluster, with NLB on its servers', () => {
      assert.deepEqual(recognizer.readAnswer('ha', 'MSCS and nlb'), { ha: 'cluster', nlbOnSameServers: 'yes' });
      assert.deepEqual(recognizer.readAnswer('ha', 'cluster and nlb'), { ha: 'clustering', nlbOnSameServers: 'yes' });
    });

    it('throws for a dimension that does not exist', () => {
      assert.throws(() => recognizer.recognizeAnswer('colour', 'red'), /colour/);
    });

    // An answer that names another fact must not be read as this one: the person is confused or
    // answering something else, and guessing gives a wrong verdict.
    const otherFacts: [string, string, string | undefined][] = [
      ['version', 'Windows Server 2003', undefined],
      ['version', 'Windows 2000 Advanced Server', undefined],
      ['version', 'Exchange 2003 on Windows 2000', '2003'],
      ['edition', 'Windows Server 2003 Standard Edition', undefined],
      ['windowsEdition', 'Exchange Standard', undefined],
      ['windows', 'Exchange Standard', undefined],
    ];
    for (const [dimension, text, value] of otherFacts) {
      it(`${dimension}: ${JSON.stringify(text)} names another fact → ${String(value)}`, () => {
        assert.equal(recognizer.recognizeAnswer(dimension, text), value);
      });
    }
  });

  describe('readAnswer()', () => {
    it('returns the asked fact plus any other fact the answer names', () => {
      assert.deepEqual(recognizer.readAnswer('version', '2003 on windows 2000 advanced server'), { version: '2003', windows: '2000', windowsEdition: 'advanced' });
      assert.deepEqual(recognizer.readAnswer('ha', 'MSCS, enterprise edition'), { ha: 'cluster', edition: 'enterprise' });
      assert.deepEqual(recognizer.readAnswer('ha', 'a 3 node cluster, nodes are also DCs'), { ha: 'clustering', nodes: '3', domainController: 'yes' });
    });

    it("returns only the other fact when the answer names another question's value", () => {
      assert.deepEqual(recognizer.readAnswer('version', 'Windows Server 2003'), { windows: '2003' });
      assert.deepEqual(recognizer.readAnswer('windows', 'Exchange Standard'), { edition: 'standard' });
    });

    it('reads a number only as a choice of the asked question', () => {
      for (const dimension of kb.dimensions.filter((d) => d.kind === 'asked'))
        assert.deepEqual(recognizer.readAnswer(dimension.id, '1'), { [dimension.id]: kb.valuesFor(dimension.id, {})[0]!.id });
      assert.deepEqual(recognizer.readAnswer('version', '9'), {});
    });
  });

  describe('PhraseMatcher', () => {
    it('prefers the longest phrase, then the lower priority number', () => {
      const matcher = new PhraseMatcher([
        { phrase: '2000', payload: 'version', priority: 2 },
        { phrase: 'windows 2000', payload: 'windows-partial', priority: 1 },
        { phrase: 'windows 2000 advanced server', payload: 'windows-advanced' },
        { phrase: 'advanced', payload: 'other', priority: 0 },
      ]);
      assert.deepEqual(
        matcher.find('on windows 2000 advanced server').map((m) => m.entry.payload),
        ['windows-advanced'],
      );
      assert.deepEqual(
        matcher.find('on windows 2000 then').map((m) => m.entry.payload),
        ['windows-partial'],
      );
      assert.deepEqual(
        matcher.find('2000 and advanced').map((m) => [m.entry.payload, m.from, m.to]),
        [
          ['version', 0, 1],
          ['other', 2, 3],
        ],
      );
    });

    it('matches case-sensitive entries only as written', () => {
      const matcher = new PhraseMatcher([{ phrase: 'BE', payload: 'back-end', caseSensitive: true }]);
      assert.equal(matcher.find('a BE server').length, 1);
      assert.equal(matcher.find('to be or not').length, 0);
      assert.equal(matcher.find('a Be server').length, 0);
    });

    it('matchers sharing a typo reading keep their own phrases, under one bound for them all', () => {
      const shared = new TypoReading();
      const ha = new PhraseMatcher([{ phrase: 'cluster', payload: 'ha' }], new Map(), shared);
      const other = new PhraseMatcher([{ phrase: 'failover cluster', payload: 'other' }], new Map(), shared);
      // "failovr" is read once, for both; only the matcher holding "failover ..." finds it.
      for (let round = 0; round < 2; round += 1) {
        assert.deepEqual(
          ha.find('a failovr clustr').map((m) => m.entry.payload),
          ['ha'],
        );
        assert.deepEqual(
          other.find('a failovr clustr').map((m) => m.entry.payload),
          ['other'],
        );
      }
      // "a" is too short to be a typo of anything, so only the two longer words were read.
      assert.equal(shared.memoSize, 2, '"failovr" and "clustr", once for both matchers');
      // Fresh words through both matchers fill one memo, not one each.
      const letters = (n: number) => [...n.toString(26)].map((digit) => String.fromCharCode(97 + parseInt(digit, 26))).join('');
      for (let i = 0; i < 30_000; i += 1) {
        ha.find(`qzq${letters(i)}`);
        other.find(`zqz${letters(i)}`);
      }
      assert.ok(shared.memoSize <= 20_000, `${shared.memoSize} entries`);
      assert.deepEqual(
        other.find('failovr clustr').map((m) => m.entry.payload),
        ['other'],
      );
    });
  });
});

describe('text tokens', () => {
  it('tokenize splits on anything but letters and digits, lower-cases, and keeps offsets', () => {
    const text = 'Front-end on MSCS? E2K3, ok';
    const tokens = tokenize(text);
    assert.deepEqual(
      tokens.map((t) => t.text),
      ['front', 'end', 'on', 'mscs', 'e2k3', 'ok'],
    );
    assert.deepEqual(
      tokens.map((t) => t.raw),
      ['Front', 'end', 'on', 'MSCS', 'E2K3', 'ok'],
    );
    for (const t of tokens) assert.equal(text.slice(t.start, t.end), t.raw);
  });

  it('tokenize marks a word that starts a new line (a phrase never runs across a line break)', () => {
    const tokens = tokenize('old servers:\n2016 cu22\r\n  SE dag, fsw', true);
    assert.deepEqual(
      tokens.filter((t) => t.afterLineBreak).map((t) => t.text),
      ['2016', 'se'],
    );
    // Without lineBreaks (an article's wrapped Markdown) no word is marked.
    assert.ok(tokenize('old servers:\n2016 cu22').every((t) => !t.afterLineBreak));
  });

  it('tokenize folds accents and full-width letters, and returns nothing for punctuation only', () => {
    assert.deepEqual(
      tokenize('Ünïcödé café').map((t) => t.text),
      ['unicode', 'cafe'],
    );
    assert.deepEqual(
      tokenize('ＦＥ on ＭＳＣＳ').map((t) => t.text),
      ['fe', 'on', 'mscs'],
    );
    assert.deepEqual(tokenize(''), []);
    assert.deepEqual(tokenize(' ?!.. -- '), []);
  });

  it('editDistance counts insertions, deletions and substitutions', () => {
    assert.equal(editDistance('cluster', 'cluster', 2), 0);
    assert.equal(editDistance('clster', 'cluster', 2), 1);
    assert.equal(editDistance('clusterr', 'cluster', 2), 1);
    assert.equal(editDistance('clustar', 'cluster', 2), 1);
    assert.equal(editDistance('kitten', 'sitting', 5), 3);
    assert.equal(editDistance('', 'abc', 3), 3);
    assert.equal(editDistance('abc', '', 3), 3);
  });

  it('editDistance counts an adjacent transposition as one edit', () => {
    assert.equal(editDistance('clsuter', 'cluster', 2), 1);
    assert.equal(editDistance('exchnage', 'exchange', 2), 1);
    assert.equal(editDistance('ab', 'ba', 2), 1);
  });

  it('editDistance is symmetric', () => {
    const words = ['cluster', 'clsuter', 'clustre', 'exchange', 'exhange', 'balancer', 'balancr', 'front', 'frnt'];
    for (const a of words) for (const b of words) assert.equal(editDistance(a, b, 9), editDistance(b, a, 9), `${a}/${b}`);
  });

  it('editDistance gives up with max + 1 once the distance must exceed max', () => {
    assert.equal(editDistance('abcdef', 'uvwxyz', 2), 3);
    assert.equal(editDistance('a', 'abcdefgh', 2), 3);
    assert.ok(editDistance('kitten', 'sitting', 2) > 2);
  });

  it('wordMatches never fuzzes digits', () => {
    assert.equal(wordMatches('2000', '2003'), false);
    assert.equal(wordMatches('2003', '2000'), false);
    assert.equal(wordMatches('ex2000', 'ex2003'), false);
    assert.equal(wordMatches('exchange2000', 'exchange2003'), false);
    assert.equal(wordMatches('2k4', '2k3'), false);
    assert.equal(wordMatches('clust3r', 'cluster'), false);
    assert.equal(wordMatches('2003', '2003'), true);
    assert.equal(allowedTypos('exchange2003'), 0);
  });

  it('wordMatches: short words exact, one typo from 5 letters, two from 9', () => {
    assert.equal(wordMatches('fe', 'fe'), true);
    assert.equal(wordMatches('fo', 'fe'), false);
    assert.equal(wordMatches('msc', 'mscs'), false);
    assert.equal(wordMatches('nlbs', 'nlb'), false);
    assert.equal(wordMatches('clsuter', 'cluster'), true);
    assert.equal(wordMatches('clsutre', 'cluster'), false);
    assert.equal(wordMatches('enterprize', 'enterprise'), true);
    assert.equal(wordMatches('entrprize', 'enterprise'), true);
    assert.equal(wordMatches('entrprze', 'enterprise'), false);
    assert.equal(wordMatches('abc', 'abd'), false);
  });
});

describe('stem', () => {
  it('meets the inflected forms of the words the articles use', () => {
    const families = [
      ['mailbox', 'mailboxes'],
      ['cluster', 'clusters', 'clustered', 'clustering'],
      ['server', 'servers'],
      ['node', 'nodes'],
      ['policy', 'policies'],
      ['plan', 'planned', 'planning'],
      ['install', 'installed', 'installing'],
      ['address', 'addresses'],
      ['switch', 'switches'],
      ['database', 'databases'],
      ['connector', 'connectors'],
      ['fail', 'failed', 'failing'],
    ];
    for (const family of families) {
      const stems = new Set(family.map(stem));
      assert.equal(stems.size, 1, `${family.join('/')} → ${[...stems].join('/')}`);
    }
  });

  it('leaves words with digits, short words and -ss/-us/-is words alone', () => {
    for (const word of ['e2k3s', 'exchange2003s', 'uses', 'fes', 'dcs', 'address', 'status', 'analysis', 'cluster', 'mscs']) {
      assert.equal(stem(word), word, word);
    }
  });

  it('gives the documented stems', () => {
    assert.equal(stem('mailboxes'), 'mailbox');
    assert.equal(stem('clustering'), 'cluster');
    assert.equal(stem('servers'), 'server');
  });
});

describe('fact recognizer: design groups (issue 21: each group gets the facts said of it)', () => {
  let recognizer: FactRecognizer;
  before(() => {
    recognizer = sharedKnowledgeBase().recognizer;
  });
  const cases: ReadonlyArray<readonly [string, readonly Facts[] | undefined]> = [
    [
      'two 2003 Standard front-ends behind NLB, pointing at our clustered Enterprise back-end, all on W2K3 Enterprise',
      [
        { version: '2003', edition: 'standard', role: 'front-end', ha: 'nlb', windows: '2003', windowsEdition: 'enterprise' },
        { version: '2003', edition: 'enterprise', role: 'back-end', ha: 'clustering', windows: '2003', windowsEdition: 'enterprise' },
      ],
    ],
    [
      'E2K3 Enterprise: 2 FEs with NLB + a 2-node BE cluster',
      [
        { version: '2003', edition: 'enterprise', role: 'front-end', ha: 'nlb' },
        { version: '2003', edition: 'enterprise', role: 'back-end', ha: 'clustering', nodes: '2' },
      ],
    ],
    [
      'E2K3: the FEs are Standard, the back-end cluster is Enterprise, W2K3 Enterprise everywhere, 2 FE with NLB',
      [
        { version: '2003', edition: 'standard', role: 'front-end', ha: 'nlb', windows: '2003', windowsEdition: 'enterprise' },
        { version: '2003', edition: 'enterprise', role: 'back-end', ha: 'clustering', windows: '2003', windowsEdition: 'enterprise' },
      ],
    ],
    [
      'E2K7 SP3: 2 CAS/HT boxes behind an F5, mailbox on a CCR cluster, everything on 2008 enterprise x64',
      [
        { version: '2007', update: 'e2007-sp3', role: 'client-access+hub-transport', ha: 'load-balancer', windows: '2008', windowsEdition: 'enterprise', architecture: 'x64' },
        { version: '2007', update: 'e2007-sp3', role: 'mailbox', ha: 'ccr', windows: '2008', windowsEdition: 'enterprise', architecture: 'x64' },
      ],
    ],
    [
      '2016 CU23 on 2016 datacenter - mailbox servers in a DAG of 4, the edge server outside the DAG in the perimeter network',
      [
        { version: '2016', update: 'e2016-cu3-or-later', windows: '2016', windowsEdition: 'datacenter', role: 'mailbox', ha: 'dag', nodes: '4' },
        { version: '2016', update: 'e2016-cu3-or-later', windows: '2016', windowsEdition: 'datacenter', role: 'edge-transport' },
      ],
    ],
    // "with" another role joins a second group placed alike: the Edge server is in the DAG too.
    [
      'we want the Edge server to be a member of our SE DAG with the two mailbox servers, windows server 2025 standard',
      [
        { version: 'se', windows: '2025', windowsEdition: 'standard', role: 'edge-transport', ha: 'dag' },
        { version: 'se', windows: '2025', windowsEdition: 'standard', role: 'mailbox', ha: 'dag', nodes: '2' },
      ],
    ],
    // A phrase across a joining word ("also DCs") stays whole, in the group it is said of.
    [
      'E2K3 ent on w2k3 ent x86: 2 FEs nlb, BE cluster of 2 nodes that are also DCs',
      [
        { version: '2003', edition: 'enterprise', windows: '2003', windowsEdition: 'enterprise', architecture: 'x86', role: 'front-end', ha: 'nlb' },
        {
          version: '2003',
          edition: 'enterprise',
          windows: '2003',
          windowsEdition: 'enterprise',
          architecture: 'x86',
          role: 'back-end',
          ha: 'clustering',
          nodes: '2',
          domainController: 'yes',
        },
      ],
    ],
    // "CAS+HT" is one multi-role group; what follows every group holds for all of them. Session 9 (d21): "2 MBX in a DAG",
    // "4 MBX DAG", "3 Mailbox in a DAG" count the DAG's members (nodes pattern "{n} mbx in a dag").
    [
      '2x CAS+HT behind F5, 2 MBX in a DAG w/ FSW on the hub, exchange 2010 sp3 enterprise on 2008 r2 enterprise',
      [
        { version: '2010', update: 'e2010-sp3', edition: 'enterprise', windows: '2008-r2', windowsEdition: 'enterprise', role: 'client-access+hub-transport', ha: 'load-balancer' },
        { version: '2010', update: 'e2010-sp3', edition: 'enterprise', windows: '2008-r2', windowsEdition: 'enterprise', role: 'mailbox', ha: 'dag', witness: 'yes', nodes: '2' },
      ],
    ],
    [
      'E2K7 SP3 std: CAS & HUB on 2 servers behind NLB, mailbox on a CCR cluster',
      [
        { version: '2007', update: 'e2007-sp3', edition: 'standard', role: 'client-access+hub-transport', ha: 'nlb' },
        { version: '2007', update: 'e2007-sp3', edition: 'standard', role: 'mailbox', ha: 'ccr' },
      ],
    ],
    [
      'E2K3 SP2 ent - front end x2 with NLB and back end active/passive cluster, 4 nodes, W2K3 EE 32 bit',
      [
        { version: '2003', edition: 'enterprise', windows: '2003', windowsEdition: 'enterprise', architecture: 'x86', role: 'front-end', ha: 'nlb' },
        {
          version: '2003',
          edition: 'enterprise',
          windows: '2003',
          windowsEdition: 'enterprise',
          architecture: 'x86',
          role: 'back-end',
          ha: 'clustering',
          clusterMode: 'active-passive',
          nodes: '4',
        },
      ],
    ],
    // The DAG named again with its load balancer stays a DAG; counted servers with no HA of their own are several.
    [
      'SE CU1 on 2025 std: 4 MBX DAG + 2 Edge w/ equal MX, F5 in front of the MBX',
      [
        { version: 'se', windows: '2025', windowsEdition: 'standard', role: 'mailbox', ha: 'dag', nodes: '4' },
        { version: 'se', windows: '2025', windowsEdition: 'standard', role: 'edge-transport', ha: 'several-servers' },
      ],
    ],
    // A counted role after a comma borrows nothing from its neighbour (the CAS servers are not in the DAG).
    [
      'Exchange 2013 CU23 on Windows Server 2012 R2 Standard: 2 CAS, 3 Mailbox in a DAG, 1 Edge Transport',
      [
        { version: '2013', update: 'e2013-sp1-or-later', windows: '2012-r2', windowsEdition: 'standard', role: 'client-access', ha: 'several-servers' },
        { version: '2013', update: 'e2013-sp1-or-later', windows: '2012-r2', windowsEdition: 'standard', role: 'mailbox', ha: 'dag', nodes: '3' },
        { version: '2013', update: 'e2013-sp1-or-later', windows: '2012-r2', windowsEdition: 'standard', role: 'edge-transport', ha: 'none' },
      ],
    ],
    // Two Exchange versions in one DAG are both meant (a mixed DAG, its oldest version kept so a retired one heads the
    // verdict); the counts by version are one group's members and add up (issue 21, n21).
    [
      'our DAG has 2 Exchange 2013 and 2 Exchange 2016 mailbox servers, CAS in front behind an F5',
      [
        { version: '2013', role: 'mailbox', ha: 'dag', mixedVersions: 'yes', nodes: '4' },
        { version: '2013', role: 'client-access', ha: 'load-balancer' },
      ],
    ],
    // " / " between clauses cuts (a ticket's shorthand); "CAS/HT" does not.
    [
      'exch 2003 std front-end x2 (NLB) / exch 2003 ent back-end 2-node cluster / all W2K3 R2 Enterprise 32-bit',
      [
        { version: '2003', edition: 'standard', windows: '2003-r2', windowsEdition: 'enterprise', architecture: 'x86', role: 'front-end', ha: 'nlb' },
        { version: '2003', edition: 'enterprise', windows: '2003-r2', windowsEdition: 'enterprise', architecture: 'x86', role: 'back-end', ha: 'clustering', nodes: '2' },
      ],
    ],
    // One role in two sets of servers: "another DAG" is a group of its own, each with its version.
    [
      'Exchange 2016 CU23 mailbox servers in a DAG on ws2016 std, Exchange 2019 CU15 mailbox servers in another DAG on ws2022 std',
      [
        { version: '2016', update: 'e2016-cu3-or-later', role: 'mailbox', ha: 'dag', windows: '2016', windowsEdition: 'standard' },
        { version: '2019', update: 'e2019-cu15-or-later', role: 'mailbox', ha: 'dag', windows: '2022', windowsEdition: 'standard' },
      ],
    ],
    // Lower-case "be" where the verb cannot stand ("a be cluster") is the back-end.
    [
      "we got 2 fe's w/ nlb and a be cluster, exch2k3 ent on w2k3 ent",
      [
        { version: '2003', edition: 'enterprise', windows: '2003', windowsEdition: 'enterprise', role: 'front-end', ha: 'nlb' },
        { version: '2003', edition: 'enterprise', windows: '2003', windowsEdition: 'enterprise', role: 'back-end', ha: 'clustering' },
      ],
    ],
    // What follows "with" + an Exchange version holds for every group.
    [
      'can we have 2 FEs in NLB and 2 BEs in an active/active cluster with exchange 2003 enterprise on windows 2003 enterprise?',
      [
        { version: '2003', edition: 'enterprise', windows: '2003', windowsEdition: 'enterprise', role: 'front-end', ha: 'nlb' },
        { version: '2003', edition: 'enterprise', windows: '2003', windowsEdition: 'enterprise', role: 'back-end', ha: 'clustering', clusterMode: 'active-active' },
      ],
    ],
    // "OWA" of Exchange 2019 names its Mailbox servers: the NLB is on the DAG members.
    [
      'Exchange 2019 CU15 4 node DAG plus 2 edge servers on 2022 std, windows nlb for owa',
      [
        { version: '2019', update: 'e2019-cu15-or-later', role: 'mailbox', ha: 'dag', nodes: '4', nlbOnSameServers: 'yes' },
        { version: '2019', update: 'e2019-cu15-or-later', role: 'edge-transport', ha: 'several-servers', windows: '2022', windowsEdition: 'standard' },
      ],
    ],
    // Two DAGs of two versions side by side: each keeps its own update and platform (CU23 is Exchange 2016's).
    [
      'old 2016 CU23 DAG (3 nodes, WS2016 std) still running, new SE DAG with 4 nodes on WS2025 std next to it',
      [
        { version: '2016', update: 'e2016-cu3-or-later', nodes: '3', ha: 'dag', role: 'mailbox', windows: '2016', windowsEdition: 'standard' },
        { version: 'se', nodes: '4', ha: 'dag', windows: '2025', windowsEdition: 'standard', role: 'mailbox' },
      ],
    ],
    // A design written as a list: one group a line; the platform said around the list holds for each, and the
    // Exchange version said in one line is the others' default. Server names ("DAG1", "EDGE01") name their role.
    [
      'our plan, all on windows server 2022 standard:\n* 4 exchange SE mailbox servers in one DAG\n* 2 edge servers in the DMZ',
      [
        { nodes: '4', version: 'se', role: 'mailbox', ha: 'dag', windows: '2022', windowsEdition: 'standard' },
        { role: 'edge-transport', ha: 'several-servers', windows: '2022', windowsEdition: 'standard', version: 'se' },
      ],
    ],
    [
      'Customer runs:\n- Exchange 2013 CU23 x2, multirole, in DAG1, Windows 2012 R2 Datacenter\n- 1 Edge 2016 CU23 in the DMZ, workgroup',
      [
        { version: '2013', role: 'client-access+hub-transport+mailbox', ha: 'dag', windows: '2012-r2', windowsEdition: 'datacenter', update: 'e2013-sp1-or-later' },
        { role: 'edge-transport', version: '2016', edgeDomainJoined: 'no', update: 'e2016-cu3-or-later', ha: 'none' },
      ],
    ],
    // Lead, session 8 (w6-hunt-60): a DAG's name before a colon starts a group's line, and stays in it (the servers are in a DAG).
    [
      'SE, HQ:\nDAG-HQ: 3 mailbox servers on 2025 std, no DCs\nDAG-BR: 2 mbx on 2025 std, the witness is one of the two members',
      [
        { version: 'se', nodes: '3', role: 'mailbox', ha: 'dag', windows: '2025', windowsEdition: 'standard', domainController: 'no' },
        { version: 'se', nodes: '2', role: 'mailbox', ha: 'dag', windows: '2025', windowsEdition: 'standard', witness: 'no', witnessOnMember: 'yes' },
      ],
    ],
    // Issue 21 (x21): beside front-ends, a cluster no role is said of holds the back-ends (its NLB is the front-ends').
    [
      'Exchange 2003 Ent: 4-node cluster with 3 EVS on W2K3 Ent + 2 FE NLB',
      [
        { version: '2003', edition: 'enterprise', role: 'back-end', ha: 'clustering', nodes: '4', instances: '3', windows: '2003', windowsEdition: 'enterprise' },
        { version: '2003', edition: 'enterprise', role: 'front-end', ha: 'nlb' },
      ],
    ],
    // Issue 21 (x21): a listed line putting a load balancer in front of a listed group's servers is that group's.
    [
      'Our design:\n- 2 x Exchange 2019 CU15 mailbox servers in a DAG, WS2022 Standard\n- 1 x Edge 2019 CU15 in the DMZ, WS2022 Standard\n- F5 in front of the mailbox servers',
      [
        { version: '2019', update: 'e2019-cu15-or-later', role: 'mailbox', ha: 'dag', windows: '2022', windowsEdition: 'standard' },
        { version: '2019', update: 'e2019-cu15-or-later', role: 'edge-transport', ha: 'none', windows: '2022', windowsEdition: 'standard' },
      ],
    ],
    [
      'SE: MBX01-MBX04 in DAG01 on WS2022 and EDGE01 added to DAG01 too',
      [
        { version: 'se', ha: 'dag', windows: '2022', role: 'mailbox' },
        { version: 'se', ha: 'dag', role: 'edge-transport' },
      ],
    ],
    // One kind of server: no design.
    ['CAS+HT+MBX on 3 servers, exchange 2010', undefined],
    // Issue 21 (p21): a design pasted one group a line. A line break cuts like a comma, so each group keeps its own high availability.
    [
      'Exchange 2003 SP2 design, all Windows Server 2003 Enterprise:\nFE1, FE2: Exchange 2003 Standard front-ends, Windows NLB\nBE: Exchange 2003 Enterprise, 2-node cluster (active/passive)',
      [
        { version: '2003', edition: 'standard', windows: '2003', windowsEdition: 'enterprise', role: 'front-end', ha: 'nlb' },
        { version: '2003', edition: 'enterprise', windows: '2003', windowsEdition: 'enterprise', role: 'back-end', ha: 'clustering', nodes: '2', clusterMode: 'active-passive' },
      ],
    ],
    // What a line says before its group's role is that group's; "nobody is a DC" after the groups holds for each.
    [
      'our estate:\nOLD: Exchange 2016 CU23, 2 servers in DAG, Win 2016 Std\nNEW: Exchange SE, 2 servers in a new DAG, Win 2025 Std\nnobody is a DC.',
      [
        // "2 servers in DAG" counts the DAG's members (issue 21, n21).
        { version: '2016', update: 'e2016-cu3-or-later', windows: '2016', windowsEdition: 'standard', ha: 'dag', role: 'mailbox', domainController: 'no', nodes: '2' },
        { version: 'se', windows: '2025', windowsEdition: 'standard', ha: 'dag', role: 'mailbox', domainController: 'no' },
      ],
    ],
    // Two servers named on a line ("EDGE01 + EDGE02") are several servers of its role.
    [
      'all Exchange SE on Windows Server 2025 Datacenter:\nMBX01-MBX04 in DAG01, none are DCs\nEDGE01 + EDGE02 in the DMZ, workgroup',
      [
        { version: 'se', windows: '2025', windowsEdition: 'datacenter', ha: 'dag', role: 'mailbox', domainController: 'no' },
        { version: 'se', windows: '2025', windowsEdition: 'datacenter', role: 'edge-transport', edgeDomainJoined: 'no', ha: 'several-servers' },
      ],
    ],
  ];
  for (const [text, groups] of cases) {
    it(text, () => {
      const read = recognizer.designGroups(text);
      assert.deepEqual(
        read?.map((g) => Object.fromEntries(Object.entries(g).sort())),
        groups?.map((g) => Object.fromEntries(Object.entries(g).sort())),
      );
    });
  }
});

describe('fact recognizer: several versions and designs in one sentence (issue 21)', () => {
  let recognizer: FactRecognizer;
  before(() => {
    recognizer = sharedKnowledgeBase().recognizer;
  });

  it('reads two Exchange versions settled by their updates as both meant, not the one the other update fits', () => {
    const { facts, ambiguous } = recognizer.extract('exchange 2010 sp3 and exchange 2016 cu23 mailbox servers in one DAG');
    assert.equal(facts.mixedVersions, 'yes');
    // Both meant (the mixed DAG is judged as such); the oldest is kept, so that a retired one heads the verdict (issue 21, g21).
    assert.equal(facts.version, '2010');
    assert.equal(facts.update, undefined);
    assert.ok(!ambiguous.includes('version'));
  });

  it('ends a phrase at a line break: "servers:" above "2019 cu15 dag" names no Windows Server 2019 (d22)', () => {
    const { facts, ambiguous } = recognizer.extract('the new servers:\n2019 cu15 dag of 2 on windows 2022 std, fsw on a file server, no dcs');
    assert.equal(facts.version, '2019');
    assert.equal(facts.windows, '2022');
    assert.equal(facts.mixedWindows, undefined);
    assert.deepEqual(ambiguous, []);
    // On one line the words still read together.
    assert.equal(recognizer.extract('exchange 2019 on windows server 2022, the old servers: 2016').facts.mixedWindows, 'yes');
  });

  it('still reads a bare update answer that several versions share as no second version', () => {
    assert.equal(recognizer.extract('CU23').facts.mixedVersions, undefined);
    assert.equal(recognizer.extract('Exchange 2016 CU23 on Windows Server 2016').facts.version, '2016');
  });

  it('reads an update named by a bare word that several versions share ("SE RTM") as no second version', () => {
    const { facts } = recognizer.extract('Exchange SE RTM mailbox servers in a DAG');
    assert.equal(facts.version, 'se');
    assert.equal(facts.mixedVersions, undefined);
  });

  it("reads roles on the same servers as a DAG's members as one multi-role server", () => {
    assert.equal(recognizer.extract('Exchange 2010 SP3: DAG of 2 with the hub transport and CAS roles on the same servers').facts.role, 'client-access+hub-transport+mailbox');
    // Said of the DAG without "the same servers": Client Access servers in a DAG (not supported), as said.
    assert.equal(recognizer.extract('Exchange 2010 SP3 CAS servers in a DAG').facts.role, 'client-access');
  });

  it('reads a DAG load balanced with a named appliance as a DAG', () => {
    assert.equal(recognizer.extract('Exchange 2010 SP3: 4 multi-role servers in one DAG, load balanced with a KEMP').facts.ha, 'dag');
  });

  it('reads a role short word joined to a role by a slash or a plus ("CAS/HUB", "mailbox+cas") but not alone', () => {
    assert.equal(recognizer.extract('exchange 2010 CAS/HUB servers').facts.role, 'client-access+hub-transport');
    assert.equal(recognizer.extract('exchange 2013 mailbox+cas on 4 servers').facts.role, 'client-access+mailbox');
    assert.equal(recognizer.extract('exchange 2010 witness on the hub').facts.role, undefined);
  });
});

describe('fact recognizer: an Exchange edition typed while another question is asked (issue 21)', () => {
  let recognizer: FactRecognizer;
  before(() => {
    recognizer = sharedKnowledgeBase().recognizer;
  });
  const cases: ReadonlyArray<readonly [string, string, Facts, Facts]> = [
    ['windows', 'ent', { version: '2007' }, { edition: 'enterprise' }],
    ['windows', 'std edition', { version: '2010' }, { edition: 'standard' }],
    ['windows', 'enterprise ed.', { version: '2010' }, { edition: 'enterprise' }],
    ['ha', 'enterprise edition of exchange', { version: '2007' }, { edition: 'enterprise' }],
    // The Exchange edition already known: not read again as it.
    ['windows', 'ent', { version: '2007', edition: 'standard' }, {}],
    // Asked for the Windows edition, "ent" is the Windows edition.
    ['windowsEdition', 'ent', { version: '2007', windows: '2008-r2' }, { windowsEdition: 'enterprise' }],
    // More than an edition: not an answer of this kind.
    ['windows', 'ent i think so', { version: '2007' }, {}],
  ];
  for (const [asked, text, known, expected] of cases) {
    it(`asked ${asked}, "${text}" with ${JSON.stringify(known)} → ${JSON.stringify(expected)}`, () => {
      assert.deepEqual(recognizer.readAnswer(asked, text, known), expected);
    });
  }
});
