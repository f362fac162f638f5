import { strict as assert } from 'node:assert';
import { reasons, type Facts, type KnowledgeBase, type Verdict } from '../../knowledge';
import { itDecidesEach } from './helpers';
import { sharedKnowledgeBase } from '../support/shared-knowledge';

/*
 * The rules written to close the open rows of issue 20's truth table (test/knowledge/truth-table.yaml), one
 * row per rule change, each naming the source its verdict rests on (a file of MicrosoftDocs/OfficeDocs-Exchange,
 * folder Exchange/, a KB number, a Microsoft page elsewhere, or a fact id with its status). `facts` may leave
 * asked facts out: every setup they complete to is decided and must get the verdict.
 */

interface Change {
  change: string;
  source: string;
  facts: Facts;
  verdict: Verdict;
  /** What a reason, or a condition, of the verdict must say. */
  says?: RegExp;
}

/** A single Exchange 2019 CU15 Mailbox server on Windows Server 2019 Standard, a member server. */
const MEMBER_SERVER_2019: Facts = { version: '2019', role: 'mailbox', ha: 'none', edition: 'standard', windows: '2019', windowsEdition: 'standard', update: 'e2019-cu15-or-later' };

const CHANGES: readonly Change[] = [
  // Truth table rows 320-323: Exchange 2019 CU14 on a Windows Server 2025 host.
  ...(['mailbox', 'edge-transport'] as const).map((role) => ({
    change: `Exchange 2019 CU14 ${role} on a Windows Server 2025 host (was "not covered")`,
    source:
      'A-12: Exchange Team Blog roadmap (techcommunity ba-p/4132742, CU15 adds Windows Server 2025); learn.microsoft.com supportability-matrix note (2025 domain controllers from CU14); microsoft/CSS-Exchange issue 2255',
    facts: { version: '2019', role, windows: '2025', update: 'e2019-cu14' },
    verdict: 'not-supported' as Verdict,
    says: /only from CU15.*domain controllers from CU14/s,
  })),
  {
    change: 'Exchange 2019 CU15 on Windows Server 2025 stays supported',
    source: 'A-12; M-11 (Exchange Team Blog roadmap)',
    facts: { version: '2019', role: 'mailbox', ha: 'none', edition: 'standard', windows: '2025', windowsEdition: 'standard', update: 'e2019-cu15-or-later' },
    verdict: 'supported',
  },
  // Row 39: an Exchange 2000/2003 back-end behind a hardware load balancer.
  ...(['2000', '2003'] as const).map((version) => ({
    change: `Exchange ${version} back-end behind a hardware load balancer (was "not covered")`,
    source: 'C11 (TechNet cc776332), C2 (KB837852); the load-balancer case derived, the reason says so',
    facts: { version, role: 'back-end', ha: 'load-balancer' },
    verdict: 'not-supported' as Verdict,
    says: /derived/,
  })),
  // Row 179: Exchange 2007 Client Access + Hub Transport servers behind Windows NLB.
  {
    change: 'Exchange 2007 SP1+ Client Access and Hub Transport on the same servers behind Windows NLB',
    source: 'E7-11 and E7-9 (third-party: techgenix.com, itprotoday); the reason says third-party',
    facts: { version: '2007', role: 'client-access+hub-transport', ha: 'nlb', update: 'e2007-sp3', windows: '2003', windowsEdition: 'standard', architecture: 'x64' },
    verdict: 'supported-with-conditions',
    says: /third-party.*only for relay of applications/s,
  },
  // Rows 225-227: several Exchange 2010 Hub Transport or UM servers; Client Access with DNS round robin.
  ...(['hub-transport', 'unified-messaging'] as const).map((role) => ({
    change: `several Exchange 2010 ${role} servers (was "not covered")`,
    source: "A-13 (blogs.technet.microsoft.com/omers 2010-09-07, a Microsoft employee's blog, third-party here); E7-9",
    facts: { version: '2010', role, ha: 'several-servers', windows: '2008-r2', windowsEdition: 'standard', update: 'e2010-sp3' },
    verdict: 'supported-with-conditions' as Verdict,
    says: /TechNet blog/,
  })),
  {
    change: 'Exchange 2010 Client Access servers with DNS round robin (was "not covered")',
    source: 'A-13 (omers TechNet blog: CAS by hardware load balancer, NLB or DNS round robin)',
    facts: { version: '2010', role: 'client-access', ha: 'dns-round-robin', windows: '2012', windowsEdition: 'standard', update: 'e2010-sp3' },
    verdict: 'supported-with-conditions',
    says: /does not notice a failed server/,
  },
  // Row 228: Exchange 2010 Client Access behind a hardware load balancer on Windows Server 2012/2012 R2.
  ...(['2012', '2012-r2'] as const).map((windows) => ({
    change: `Exchange 2010 SP3 Client Access behind a load balancer on Windows ${windows} (was "with conditions")`,
    source: 'A-14: ExchangeServer/exchange-server-2010-load-balancer-deployment.md; ExchangeServer2013/load-balancing-exchange-2013-help.md; D-3 supportability-matrix.md',
    facts: { version: '2010', role: 'client-access', ha: 'load-balancer', windows, windowsEdition: 'standard', update: 'e2010-sp3' },
    verdict: 'supported' as Verdict,
  })),
  {
    change: 'Exchange 2010 Client Access behind a load balancer on Windows Server 2008 R2 keeps the Windows SP condition',
    source: 'D-3 supportability-matrix.md (2008 R2 SP1)',
    facts: { version: '2010', role: 'client-access', ha: 'load-balancer', windows: '2008-r2', windowsEdition: 'standard' },
    verdict: 'supported-with-conditions',
    says: /SP1/,
  },
  // Row 222: several Exchange 2010 Edge servers.
  {
    change: 'several Exchange 2010 Edge servers behind MX records (was "supported")',
    source: 'M-7 (edge-transport-servers.md, for 2013 and later); A-13 (omers TechNet blog, third-party here); D-3',
    facts: { version: '2010', role: 'edge-transport', ha: 'several-servers', windows: '2012-r2', windowsEdition: 'standard', update: 'e2010-sp3' },
    verdict: 'supported-with-conditions',
    says: /third-party/,
  },
  // Row 244: several Exchange 2013 Edge servers on Windows Server 2008 R2.
  ...(['standard', 'enterprise'] as const).map((windowsEdition) => ({
    change: `several Exchange 2013 Edge servers on Windows Server 2008 R2 ${windowsEdition} (was "supported")`,
    source: 'D-5: ExchangeServer2013/exchange-2013-system-requirements-exchange-2013-help.md (2008 R2 Standard/Enterprise SP1)',
    facts: { version: '2013', role: 'edge-transport', ha: 'several-servers', windows: '2008-r2', windowsEdition, update: 'e2013-sp1-or-later' },
    verdict: 'supported-with-conditions' as Verdict,
    says: /Service Pack 1/,
  })),
  {
    change: 'several Exchange 2013 Edge servers on Windows Server 2008 R2 Datacenter stay supported (RTM or later)',
    source: 'D-5: ExchangeServer2013/exchange-2013-system-requirements-exchange-2013-help.md (2008 R2 Datacenter RTM or later)',
    facts: { version: '2013', role: 'edge-transport', ha: 'several-servers', windows: '2008-r2', windowsEdition: 'datacenter', update: 'e2013-sp1-or-later' },
    verdict: 'supported',
  },
  // Rows 283, 352, 390: a standalone Exchange 2013+ server that is a domain controller.
  ...(
    [
      ['2013', '2012', 'e2013-sp1-or-later'],
      ['2016', '2016', 'e2016-cu3-or-later'],
      ['2019', '2019', 'e2019-cu15-or-later'],
      ['se', '2025', undefined],
    ] as const
  ).map(([version, windows, update]) => ({
    change: `a standalone Exchange ${version} Mailbox server that is a domain controller (was "supported")`,
    source:
      'A-15: ExchangeServer2013/exchange-2013-system-requirements-exchange-2013-help.md; ExchangeServer/plan-and-deploy/system-requirements.md; deployment-ref/ms-exch-setupreadiness-warninginstallexchangerolesondomaincontroller.md',
    facts: {
      version,
      role: 'mailbox',
      ha: 'none',
      edition: 'standard',
      windows,
      windowsEdition: 'standard',
      ...(update ? { update } : {}),
      domainController: 'yes',
    },
    verdict: 'supported-with-conditions' as Verdict,
    says: /does not recommend Exchange on a domain controller/,
  })),
  {
    change: 'the same server as a member server stays supported, and the domain-controller point is not named while unsaid',
    source: 'A-15 (a recommendation, not a requirement)',
    facts: MEMBER_SERVER_2019,
    verdict: 'supported',
  },
  {
    change: 'a DAG member that is a domain controller stays not supported',
    source: 'ExchangeServer2013/planning-for-high-availability-and-site-resilience-exchange-2013-help.md; A-15',
    facts: { ...MEMBER_SERVER_2019, ha: 'dag', domainController: 'yes' },
    verdict: 'not-supported',
  },
  {
    change: 'an Edge server that is a domain controller stays not supported',
    source: 'ExchangeServer/architecture/edge-transport-servers/edge-transport-servers.md (A-6)',
    facts: { version: 'se', role: 'edge-transport', ha: 'none', edition: 'standard', windows: '2025', windowsEdition: 'standard', domainController: 'yes' },
    verdict: 'not-supported',
  },
];

describe('rules closing the open rows of the issue-20 truth table', () => {
  let kb: KnowledgeBase;
  before(() => {
    kb = sharedKnowledgeBase();
  });

  itDecidesEach(
    CHANGES.map((row) => ({ title: `${row.change} → ${row.verdict} [${row.source}]`, facts: row.facts, verdict: row.verdict, says: row.says })),
    () => kb,
  );

  it('a "not-covered" verdict names the sources read and the question they leave open', () => {
    const decision = kb.decide({
      version: '2016',
      role: 'edge-transport',
      ha: 'load-balancer',
      edition: 'standard',
      windows: '2016',
      windowsEdition: 'standard',
      update: 'e2016-cu3-or-later',
    })!;
    assert.equal(decision.verdict, 'not-covered');
    const reason = reasons(decision).join(' ');
    assert.match(reason, /Sources read: .*edge-transport-servers\.md/);
    assert.match(reason, /None of them answers: whether .* in front of Edge Transport servers/);
  });
});
