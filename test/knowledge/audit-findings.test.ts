import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { lifecycleLines, reasons, type Decision, type Facts, type KnowledgeBase, type Verdict } from '../../knowledge';
import { FactSpace } from '../../knowledge/rules/fact-space';
import { lifecycleSchema, rulesSchema } from '../../knowledge/loading/schemas';
import { SupportCheck } from '../../knowledge/rules/support-check';
import { compileRules } from '../../knowledge/rules/support-rules';
import { describeFacts, itDecidesEach, KNOWLEDGE_DIR } from './helpers';
import { sharedKnowledgeBase } from '../support/shared-knowledge';

/*
 * The findings of the knowledge audit of issue 20 (/work/shared/knowledge-audit.md, E1-E12 and
 * sections 3, 6 and 7), one row each, decided through the same `decide` the bot uses. Every row names
 * the Microsoft page (a file of MicrosoftDocs/OfficeDocs-Exchange, folder Exchange/) or KB article its
 * verdict rests on, or says it is third-party or recalled. `facts` may leave asked facts out: the row
 * then holds for every setup they complete to (each is decided), so a row covers a whole family.
 */

interface Finding {
  finding: string;
  source: string;
  facts: Facts;
  verdict: Verdict;
  /** What a reason (or broken limit) of the verdict must say. */
  reason?: RegExp;
}

const E2010_HOSTS = ['2008', '2008-r2', '2012', '2012-r2'];
// A supported Exchange 2003 back-end cluster, to which a finding adds the stated fact it is about.
const E2K3_ENTERPRISE_CLUSTER = {
  version: '2003',
  role: 'back-end',
  ha: 'cluster',
  edition: 'enterprise',
  windows: '2003',
  windowsEdition: 'enterprise',
  architecture: 'x86',
};

const FINDINGS: readonly Finding[] = [
  // --- Wrong "Supported" -------------------------------------------------------------------------
  ...['2008', '2008-r2'].map((windows) => ({
    finding: `E1: Exchange 2010 Edge, several servers, on Windows ${windows} Web Edition`,
    source: 'ExchangeServer/plan-and-deploy/supportability-matrix.md; A-1 (x64 and editions, third-party)',
    facts: { version: '2010', role: 'edge-transport', ha: 'several-servers', windows, windowsEdition: 'web' },
    verdict: 'not-supported' as Verdict,
  })),
  {
    finding: 'E1: Exchange 2010 Edge, several servers, on 32-bit Windows Server 2008',
    source: 'ExchangeServer/plan-and-deploy/supportability-matrix.md; A-1',
    facts: { version: '2010', role: 'edge-transport', ha: 'several-servers', windows: '2008', architecture: 'x86' },
    verdict: 'not-supported',
  },
  ...['2012', '2012-r2'].map((windows) => ({
    finding: `E1: Exchange 2010 Edge, several servers, on Windows ${windows} Essentials`,
    source: 'ExchangeServer/plan-and-deploy/supportability-matrix.md; A-1',
    facts: { version: '2010', role: 'edge-transport', ha: 'several-servers', windows, windowsEdition: 'essentials' },
    verdict: 'not-supported' as Verdict,
  })),
  ...['none', 'several-servers'].map((ha) => ({
    finding: `E2: an Exchange 2013 Edge Transport server before SP1 (${ha})`,
    source: 'ExchangeServer2013/exchange-2013-prerequisites-exchange-2013-help.md ("available starting with Exchange 2013 SP1")',
    facts: { version: '2013', role: 'edge-transport', ha, update: 'e2013-rtm' },
    verdict: 'not-supported' as Verdict,
    reason: /only from SP1/,
  })),
  {
    finding: 'E4: Exchange 2013 on Server Core',
    source: 'ExchangeServer2013/exchange-2013-system-requirements-exchange-2013-help.md (Operating system)',
    facts: { version: '2013', role: 'mailbox', ha: 'dag', windows: '2012-r2', windowsEdition: 'standard', update: 'e2013-sp1-or-later', edition: 'standard', serverCore: 'yes' },
    verdict: 'not-supported',
    reason: /Server Core/,
  },
  {
    finding: 'E4: Exchange 2010 on Server Core (recalled)',
    source: 'recalled (A-7); the 2013 requirements say the same for 2013',
    facts: { version: '2010', role: 'mailbox', ha: 'none', windows: '2008-r2', windowsEdition: 'standard', update: 'e2010-sp3', edition: 'standard', serverCore: 'yes' },
    verdict: 'not-supported',
    reason: /recalled/,
  },
  {
    finding: 'E4: Exchange 2007 on Windows Server 2008 Server Core (recalled)',
    source: 'recalled (A-7)',
    facts: {
      version: '2007',
      role: 'hub-transport',
      ha: 'none',
      windows: '2008',
      windowsEdition: 'standard',
      architecture: 'x64',
      update: 'e2007-sp3',
      edition: 'standard',
      serverCore: 'yes',
    },
    verdict: 'not-supported',
  },
  ...(['2013', '2016', 'se'] as const).map((version) => ({
    finding: `E5: an Exchange ${version} Edge Transport server that is a domain controller`,
    source: 'ExchangeServer/architecture/edge-transport-servers/edge-transport-servers.md (never a member of the internal forest)',
    facts: { version, role: 'edge-transport', domainController: 'yes' },
    verdict: 'not-supported' as Verdict,
    reason: /never a member/,
  })),
  {
    finding: 'E8: a 2-node Exchange 2003 cluster with 3 EVSs',
    source: 'KB815180 (EXB-004 table: 2 nodes, at most 2 EVSs)',
    facts: {
      ...E2K3_ENTERPRISE_CLUSTER,
      nodes: '2',
      instances: '3',
    },
    verdict: 'not-supported',
    reason: /KB815180/,
  },
  {
    finding: 'E9: an Exchange 2007 single copy cluster of 4 nodes with 4 clustered mailbox servers (recalled)',
    source: 'recalled (E7-8); O\u2019Reilly "Professional Windows PowerShell for Exchange 2007 SP1" (third-party)',
    facts: {
      version: '2007',
      role: 'mailbox',
      ha: 'cluster',
      edition: 'enterprise',
      windows: '2008',
      windowsEdition: 'enterprise',
      architecture: 'x64',
      update: 'e2007-sp3',
      nodes: '4',
      instances: '4',
    },
    verdict: 'not-supported',
    reason: /passive/,
  },
  {
    finding: 'E9: an Exchange 2007 single copy cluster with no passive node',
    source: 'recalled (E7-8)',
    facts: {
      version: '2007',
      role: 'mailbox',
      ha: 'cluster',
      edition: 'enterprise',
      windows: '2003',
      windowsEdition: 'enterprise',
      architecture: 'x64',
      update: 'e2007-sp3',
      passiveNodes: '0',
    },
    verdict: 'not-supported',
  },
  {
    finding: 'E9: an Exchange 2007 single copy cluster of 17 nodes on Windows Server 2008',
    source: 'recalled (E7-8: Windows Server 2008 failover clusters have at most 16 nodes)',
    facts: {
      version: '2007',
      role: 'mailbox',
      ha: 'cluster',
      edition: 'enterprise',
      windows: '2008',
      windowsEdition: 'datacenter',
      architecture: 'x64',
      update: 'e2007-sp3',
      nodes: '17',
    },
    verdict: 'not-supported',
    reason: /16 nodes/,
  },
  {
    finding: 'E10: the Site Replication Service on an Exchange 2000 cluster (third-party)',
    source: 'itprotoday "Upgrading Exchange 5.5 Clusters" (A-3, third-party)',
    facts: { version: '2000', role: 'back-end', ha: 'cluster', edition: 'enterprise', windows: '2000', windowsEdition: 'advanced', components: 'srs' },
    verdict: 'not-supported',
    reason: /the Site Replication Service is not supported on an Exchange 2000 cluster/,
  },
  // --- Wrong "Not supported" -----------------------------------------------------------------------
  ...['3', '5'].map((nodes) => ({
    finding: `E3: a DAG of ${nodes} members without a witness`,
    source: 'ExchangeServer/high-availability/plan-ha.md (Witness server requirements: odd member counts use no witness)',
    facts: { version: 'se', role: 'mailbox', ha: 'dag', edition: 'standard', windows: '2025', windowsEdition: 'standard', witness: 'no', nodes },
    verdict: 'supported-with-conditions' as Verdict,
  })),
  {
    finding: 'E3: a DAG of 4 members without a witness stays not supported',
    source: 'ExchangeServer/high-availability/plan-ha.md',
    facts: { version: 'se', role: 'mailbox', ha: 'dag', edition: 'standard', windows: '2025', windowsEdition: 'standard', witness: 'no', nodes: '4' },
    verdict: 'not-supported',
    reason: /even number/,
  },
  {
    finding: 'E6: Exchange 2013 Client Access and Mailbox on the same DAG members',
    source: 'ExchangeServer2013/load-balancing-exchange-2013-help.md (WNLB section: separate servers only with WNLB)',
    facts: { version: '2013', role: 'client-access+mailbox', ha: 'dag', edition: 'enterprise', windows: '2012-r2', windowsEdition: 'standard', update: 'e2013-sp1-or-later' },
    verdict: 'supported-with-conditions',
  },
  {
    finding: 'E6: Exchange 2010 CAS+HT+MBX servers in a DAG',
    source: 'ExchangeServer2013/load-balancing-exchange-2013-help.md; D-2 (third-party) for the Windows editions',
    facts: {
      version: '2010',
      role: 'client-access+hub-transport+mailbox',
      ha: 'dag',
      edition: 'enterprise',
      windows: '2008-r2',
      windowsEdition: 'enterprise',
      update: 'e2010-sp3',
    },
    verdict: 'supported-with-conditions',
  },
  {
    finding: 'E6: multi-role DAG members with Windows NLB on them stay not supported',
    source: 'ExchangeServer2013/load-balancing-exchange-2013-help.md (WNLB is incompatible with failover clustering)',
    facts: {
      version: '2013',
      role: 'client-access+mailbox',
      ha: 'dag',
      edition: 'enterprise',
      windows: '2012-r2',
      windowsEdition: 'standard',
      update: 'e2013-sp1-or-later',
      nlbOnSameServers: 'yes',
    },
    verdict: 'not-supported',
  },
  ...(['2016', '2019', 'se'] as const).map((version) => ({
    finding: `E7: Windows NLB for Exchange ${version} Mailbox servers outside a DAG is not covered, never "not supported"`,
    source: 'ExchangeServer/architecture/client-access/load-balancing.md (WNLB excluded only "when using DAGs")',
    facts: {
      version,
      role: 'mailbox',
      ha: 'nlb',
      windowsEdition: 'standard',
      ...({ '2016': { windows: '2016', update: 'e2016-cu3-or-later' }, '2019': { windows: '2019', update: 'e2019-cu15-or-later' }, se: { windows: '2025' } } as const)[version],
    },
    verdict: 'not-covered' as Verdict,
    reason: /load-balancing\.md/,
  })),
  // --- E11 / E12: "not covered" or "disputed" where Microsoft says "not supported" ----------------
  ...['web', 'standard', 'enterprise', 'datacenter'].flatMap((windowsEdition) =>
    ['x86'].map((architecture) => ({
      finding: `E11/E12: Exchange 2010 on 32-bit Windows Server 2008 ${windowsEdition}`,
      source: 'ExchangeServer/plan-and-deploy/supportability-matrix.md; A-1',
      facts: { version: '2010', windows: '2008', windowsEdition, architecture },
      verdict: 'not-supported' as Verdict,
    })),
  ),
  ...E2010_HOSTS.filter((w) => w.startsWith('2008')).map((windows) => ({
    finding: `E11: Exchange 2010 on Windows ${windows} Web Edition`,
    source: 'ExchangeServer/plan-and-deploy/supportability-matrix.md; A-1',
    facts: { version: '2010', windows, windowsEdition: 'web' },
    verdict: 'not-supported' as Verdict,
  })),
  ...E2010_HOSTS.filter((w) => w.startsWith('2012')).map((windows) => ({
    finding: `E11: Exchange 2010 on Windows ${windows} Essentials`,
    source: 'ExchangeServer/plan-and-deploy/supportability-matrix.md; A-1',
    facts: { version: '2010', windows, windowsEdition: 'essentials' },
    verdict: 'not-supported' as Verdict,
  })),
  ...['2008', '2008-r2'].map((windows) => ({
    finding: `E11: Exchange 2007 on Windows Web Server ${windows}`,
    source: 'E7-4 (derived); A-2 (recalled)',
    facts: { version: '2007', windows, windowsEdition: 'web' },
    verdict: 'not-supported' as Verdict,
  })),
  {
    finding: 'E12: the Exchange 2010 Standard-edition DAG rule no longer catches 32-bit Windows Server 2008',
    source: 'ExchangeServer/plan-and-deploy/supportability-matrix.md; A-1',
    facts: { version: '2010', role: 'mailbox', ha: 'dag', edition: 'standard', windows: '2008', architecture: 'x86' },
    verdict: 'not-supported',
  },
  // --- Section 7: open setups decided from a source ------------------------------------------------
  ...['2003', '2003-r2'].map((windows) => ({
    finding: `section 7: a single Exchange 2003 bridgehead on Windows ${windows}`,
    source: 'C13/W4 (bb124788: Exchange 2003 on Windows Server 2003, 32-bit)',
    facts: { version: '2003', role: 'other', ha: 'none', windows, windowsEdition: 'standard', architecture: 'x86' },
    verdict: 'supported' as Verdict,
  })),
  {
    finding: 'section 7: a single Exchange 2000 connector server on Windows 2000',
    source: 'W4 (bb124788); W6 (third-party) for the Windows service pack',
    facts: { version: '2000', role: 'other', ha: 'none', windows: '2000' },
    verdict: 'supported-with-conditions',
  },
  ...['2012', '2012-r2'].map((windows) => ({
    finding: `section 7: an Exchange 2010 SP3 DAG on Windows ${windows} Standard`,
    source: 'ExchangeServer/plan-and-deploy/supportability-matrix.md; ExchangeServer/high-availability/plan-ha.md (A-5, derived)',
    facts: { version: '2010', role: 'mailbox', ha: 'dag', edition: 'enterprise', windows, windowsEdition: 'standard', update: 'e2010-sp3' },
    verdict: 'supported-with-conditions' as Verdict,
  })),
  // --- Issue 20: facts the model must hold ---------------------------------------------------------
  {
    finding: 'the DAG\u2019s failover cluster also runs a clustered file server',
    source: 'ExchangeServer/high-availability/database-availability-groups/database-availability-groups.md (M-5)',
    facts: {
      version: '2019',
      role: 'mailbox',
      ha: 'dag',
      edition: 'standard',
      windows: '2019',
      windowsEdition: 'standard',
      update: 'e2019-cu15-or-later',
      clusterWorkloads: 'yes',
    },
    verdict: 'not-supported',
    reason: /serves the DAG only/,
  },
  {
    finding: 'an Edge server joined to the internal domain',
    source: 'ExchangeServer2013/edge-transport-server-planning-exchange-2013-help.md; edge-transport-servers.md (A-6)',
    facts: { version: 'se', role: 'edge-transport', ha: 'none', edition: 'standard', windows: '2025', windowsEdition: 'standard', edgeDomainJoined: 'yes' },
    verdict: 'not-supported',
    reason: /perimeter-network domain/,
  },
  {
    finding: 'LCR on a single Exchange 2007 server',
    source: 'E7-10 (bb676571)',
    facts: { version: '2007', role: 'mailbox', ha: 'lcr', edition: 'standard', windows: '2008', windowsEdition: 'standard', architecture: 'x64', update: 'e2007-sp3' },
    verdict: 'supported-with-conditions',
  },
  {
    finding: 'SCR on Exchange 2007 RTM',
    source: 'E7-10 (bb676571: SCR came with SP1)',
    facts: { version: '2007', role: 'mailbox', ha: 'scr', update: 'e2007-rtm' },
    verdict: 'not-supported',
  },
  {
    finding: 'a clustered Exchange 2007 mailbox server holding Client Access too',
    source: 'L1 (bb124521); E7-9 (third-party)',
    facts: { version: '2007', role: 'client-access+mailbox', ha: 'ccr' },
    verdict: 'not-supported',
  },
  {
    finding: 'the reason names what broke: NNTP and the Lotus Notes connector on an Exchange 2003 cluster',
    source: 'KB259197',
    facts: {
      ...E2K3_ENTERPRISE_CLUSTER,
      components: 'nntp,notes-connector',
    },
    verdict: 'not-supported',
    reason: /^NNTP and the Lotus Notes connector are not supported on an Exchange 2003 cluster \(KB259197\)\.$/,
  },
];

/**
 * Section 6 of the audit, row by row: the status each fact has now, the source that gives it, and (where the
 * row is about a verdict) the verdict that rests on it.
 */
const SECTION_6: readonly { row: string; fact: string; status: string; source: string; check?: { facts: Facts; verdict: Verdict; says?: RegExp } }[] = [
  {
    row: 'M-13: either Exchange edition in a DAG',
    fact: 'M-13',
    status: 'verified',
    source: 'ExchangeServer2013/planning-for-high-availability-and-site-resilience-exchange-2013-help.md; plan-and-deploy/deployment-ref/editions-and-versions.md',
  },
  {
    row: 'D-8: Exchange 2010 Standard Edition in a DAG (the 2010 planning page dd638104 was not found)',
    fact: 'D-8',
    status: 'read-3p',
    source: 'microsoft.com/exchange/2010 Licensing.aspx (editions differ by database count); techrepublic.com, techgenix.com, clintboessen.blogspot.com (third-party)',
    check: {
      facts: { version: '2010', role: 'mailbox', ha: 'dag', edition: 'standard', windows: '2008-r2', windowsEdition: 'enterprise', update: 'e2010-sp3' },
      verdict: 'supported-with-conditions',
      says: /third-party sources say a DAG takes either edition/,
    },
  },
  {
    row: 'EXB-008: the Exchange 2013 DAG witness rule',
    fact: 'M-14',
    status: 'verified',
    source: 'ExchangeServer/high-availability/plan-ha.md; ExchangeServer2013/planning-for-high-availability-and-site-resilience-exchange-2013-help.md',
    check: {
      facts: { version: '2013', role: 'mailbox', ha: 'dag', windows: '2012-r2', windowsEdition: 'standard', update: 'e2013-sp1-or-later', nodes: '2', witness: 'no' },
      verdict: 'not-supported',
    },
  },
  {
    row: 'EXB-008: an Exchange 2013 DAG member that is a directory server',
    fact: 'A-15',
    status: 'verified',
    source: 'ExchangeServer2013/planning-for-high-availability-and-site-resilience-exchange-2013-help.md',
    check: {
      facts: { version: '2013', role: 'mailbox', ha: 'dag', windows: '2012', windowsEdition: 'standard', update: 'e2013-sp1-or-later', domainController: 'yes' },
      verdict: 'not-supported',
    },
  },
  {
    row: 'L3 / D-6: Windows NLB and DAGs (Microsoft for 2013 and later, third-party for 2010)',
    fact: 'D-6',
    status: 'verified',
    source: 'ExchangeServer2013/load-balancing-exchange-2013-help.md',
  },
  { row: 'L3: the Exchange 2010 part stays third-party', fact: 'L3', status: 'read-3p', source: 'rmilne.ca, loadbalancer.org' },
  {
    row: 'EXB-011: no updates after the end of support',
    fact: 'LC3',
    status: 'verified',
    source: 'ExchangeServer/plan-and-deploy/supportability-matrix.md (Exchange 2007 end of life)',
  },
  { row: 'LC8: Windows 2000 end of support', fact: 'LC8', status: 'verified', source: 'TechNet partner blog, 2010-03-10' },
  // Issue 20's leftover: LC1 was "verified" while its date was read only in endoflife.date; Microsoft's lifecycle data we read does not name Exchange 2000.
  { row: 'LC1: Exchange 2000 end of support (its date third-party)', fact: 'LC1', status: 'read-3p', source: 'bb288480; endoflife.date (third-party, for the date)' },
  {
    row: 'A-42: Windows Server 2003 to 2019 mainstream ends and the 2008/2012 ESU ends, read in Microsoft lifecycle data',
    fact: 'A-42',
    status: 'verified',
    source: 'MicrosoftDocs/lifecycle-data-pr.de-de and .ja-jp, lifecycle-data/products/windows-server-*.yml',
  },
  {
    row: 'M-10: Exchange 2019 CU14 on Windows Server 2025',
    fact: 'A-12',
    status: 'verified',
    source: 'Exchange Team Blog roadmap (ba-p/4132742); supportability matrix (2025 domain controllers from CU14); microsoft/CSS-Exchange issue 2255',
    check: { facts: { version: '2019', role: 'mailbox', windows: '2025', update: 'e2019-cu14' }, verdict: 'not-supported' },
  },
  { row: 'M-11: Exchange SE requirements', fact: 'M-11', status: 'verified', source: 'Exchange Team Blog roadmap (ba-p/4132742)' },
  {
    row: 'EXB-010: Exchange 2013 on Windows Server 2008 R2 Datacenter needs no Windows SP1',
    fact: 'D-5',
    status: 'verified',
    source: 'ExchangeServer2013/exchange-2013-system-requirements-exchange-2013-help.md (Datacenter RTM or later)',
    check: {
      facts: { version: '2013', role: 'mailbox', ha: 'none', edition: 'standard', windows: '2008-r2', windowsEdition: 'datacenter', update: 'e2013-sp1-or-later' },
      verdict: 'supported',
    },
  },
  {
    row: 'EXB-010: Exchange 2013 on Windows Server 2008 R2 Standard or Enterprise needs Windows SP1',
    fact: 'D-5',
    status: 'verified',
    source: 'ExchangeServer2013/exchange-2013-system-requirements-exchange-2013-help.md',
    check: {
      facts: { version: '2013', role: 'mailbox', ha: 'none', windows: '2008-r2', windowsEdition: 'enterprise', update: 'e2013-sp1-or-later' },
      verdict: 'supported-with-conditions',
      says: /Service Pack 1/,
    },
  },
  {
    row: 'A-8: Windows Server 2008 to 2022 end of support',
    fact: 'A-8',
    status: 'verified',
    source: 'Microsoft lifecycle data (MicrosoftDocs/lifecycle-data-pr.de-de, windows-server-2008 to -2022.yml)',
  },
  { row: 'A-25: Windows Server 2025 end of support stays third-party', fact: 'A-25', status: 'read-3p', source: 'endoflife.date; mundobytes.com' },
  {
    row: 'A-27: Exchange 2010 SP3 on Windows Server 2012 R2, no update rollup named for the host',
    fact: 'A-27',
    status: 'verified',
    source: 'ExchangeServer/plan-and-deploy/supportability-matrix.md',
    check: {
      facts: { version: '2010', role: 'mailbox', ha: 'none', edition: 'standard', windows: '2012-r2', windowsEdition: 'datacenter', update: 'e2010-sp3' },
      verdict: 'supported',
      says: /SP3 RU5 level it names is for Windows Server 2012 R2 domain controllers/,
    },
  },
];

describe('knowledge audit findings of issue 20 (E1-E12, sections 3, 6, 7)', () => {
  let kb: KnowledgeBase;
  let space: FactSpace;
  before(() => {
    kb = sharedKnowledgeBase();
    space = new FactSpace(kb.dimensions);
  });

  /** Every setup `facts` completes to (the stated facts carried along), each decided. */
  const decisionsOf = (facts: Facts): { facts: Facts; decision: Decision }[] => {
    const completions = space.completions(kb.knownFacts(facts));
    assert.ok(completions.length > 0, `no setup for ${describeFacts(facts)}`);
    return completions.map((c) => ({ facts: c, decision: kb.decide(c)! }));
  };

  itDecidesEach(
    FINDINGS.map((row) => ({ title: `${row.finding} → ${row.verdict} [${row.source}]`, facts: row.facts, verdict: row.verdict, says: row.reason })),
    () => kb,
  );

  it('section 1: none of the combinations the audit found "not covered" with a known Microsoft answer is still not covered', () => {
    // The audit's 866: Exchange 2007 on Windows Server 2008 Web; Exchange 2010 on x86, Web or
    // Essentials; Exchange 2013 Edge before SP1; Exchange 2000/2003 bridgehead or "other" single servers.
    const families: Facts[] = [
      { version: '2007', windows: '2008', windowsEdition: 'web' },
      { version: '2007', windows: '2008-r2', windowsEdition: 'web' },
      { version: '2010', windows: '2008', architecture: 'x86' },
      { version: '2010', windowsEdition: 'web' },
      { version: '2010', windowsEdition: 'essentials' },
      { version: '2013', role: 'edge-transport', update: 'e2013-rtm' },
      { version: '2003', role: 'other', ha: 'none', windows: '2003', architecture: 'x86' },
      { version: '2003', role: 'other', ha: 'none', windows: '2003-r2', architecture: 'x86' },
      { version: '2003', role: 'other', ha: 'none', windows: '2000' },
      { version: '2000', role: 'other', ha: 'none', windows: '2000' },
    ];
    let counted = 0;
    const open: string[] = [];
    for (const family of families) {
      for (const { facts, decision } of decisionsOf(family)) {
        // Only the setups on a host the version lists: Web Edition of 2003 stays out of the bridgehead family.
        if (facts['role'] === 'other' && facts['windowsEdition'] === 'web') continue;
        counted += 1;
        if (decision.verdict === 'not-covered') open.push(describeFacts(facts));
      }
    }
    assert.ok(counted >= 866, `${counted} combinations in the audit's families`);
    assert.deepEqual(open.slice(0, 10), [], `${open.length} of ${counted} are still not covered`);
  });

  it('section 6: the facts a Microsoft page confirms are verified, and no rule resting on them says "recalled"', () => {
    for (const id of ['M-13', 'LC8', 'D-5', 'A-4', 'A-6']) assert.equal(kb.facts.find((f) => f.id === id)?.status, 'verified', id);
    const dag = kb.decide({ version: 'se', role: 'mailbox', ha: 'dag', edition: 'standard', windows: '2025', windowsEdition: 'standard' })!;
    assert.ok(!reasons(dag).some((r) => /recalled/.test(r)), JSON.stringify(reasons(dag)));
  });

  for (const row of SECTION_6) {
    it(`section 6, ${row.row}: ${row.fact} is ${row.status} [${row.source}]`, () => {
      assert.equal(kb.facts.find((f) => f.id === row.fact)?.status, row.status);
      if (!row.check) return;
      for (const { facts, decision } of decisionsOf(row.check.facts)) {
        assert.equal(decision.verdict, row.check.verdict, describeFacts(facts));
        if (row.check.says) assert.match(reasons(decision).join(' '), row.check.says, describeFacts(facts));
      }
    });
  }

  it('section 3: a verdict on an out-of-support Windows release says so, with its date', () => {
    const read = (name: string) => parse(readFileSync(join(KNOWLEDGE_DIR, 'data', name), 'utf8')) as unknown;
    const compiled = compileRules(rulesSchema.parse(read('support-rules.yaml')), space, kb.facts, new Set(kb.articles.map((a) => a.id)), 'support-rules.yaml', () => undefined);
    const check = new SupportCheck(space, compiled.rules, compiled.limits, compiled.outcomes, lifecycleSchema.parse(read('lifecycle.yaml')), {
      now: () => new Date('2026-12-01T00:00:00Z'),
    });
    const expected: Record<string, string> = { '2008': '2020-01-14', '2008-r2': '2020-01-14', '2012': '2023-10-10', '2012-r2': '2023-10-10' };
    for (const [windows, date] of Object.entries(expected)) {
      const decision = check.decide({
        version: '2010',
        role: 'mailbox',
        ha: 'none',
        edition: 'standard',
        windows,
        windowsEdition: 'standard',
        architecture: 'x64',
        update: 'e2010-sp3',
      })!;
      const note = decision.lifecycle.find((n) => n.dimension === 'windows');
      assert.equal(note?.endOfSupport, date, windows);
      assert.equal(note?.retired, true);
      assert.ok(
        lifecycleLines(decision).some((l) => /^Windows Server 20\d\d( R2)? has been out of support since /.test(l)),
        lifecycleLines(decision).join('\n'),
      );
    }
    const current = check.decide({ version: 'se', role: 'mailbox', ha: 'none', edition: 'standard', windows: '2025', windowsEdition: 'standard' })!;
    assert.equal(current.lifecycle.find((n) => n.dimension === 'windows')?.retired, false);
  });

  it('section 3: the Exchange 2016/2019 ESU sentence names the second period (May to October 2026)', () => {
    const lifecycle = lifecycleSchema.parse(parse(readFileSync(join(KNOWLEDGE_DIR, 'data', 'lifecycle.yaml'), 'utf8')));
    for (const version of ['2016', '2019']) {
      const entry = lifecycle.find((e) => e.dimension === 'version' && e.value === version)!;
      assert.match(entry.note, /May to October 2026/);
      assert.match(entry.note, /third-party/);
    }
  });
});
