import { strict as assert } from 'node:assert';
import { type KnowledgeBase } from '../../knowledge';
import { KnowledgeCopies, loadProblems, replaceOnce, show } from './helpers';
import { sharedKnowledgeBase } from '../support/shared-knowledge';

/**
 * Issue 19, seventh pass (q19): yes/no rules the guided check cannot judge, answered from
 * knowledge/data/general-rules.yaml with their facts' sources: Exchange on Azure virtual machines
 * (A-38) and a DAG witness on a domain controller (A-39).
 */
describe('direct answers: general rules the check cannot judge (issue 19)', () => {
  let kb: KnowledgeBase;
  const copies = new KnowledgeCopies();
  before(() => {
    kb = sharedKnowledgeBase();
  });
  after(() => copies.cleanup());

  for (const [text, rule, first] of [
    ['exchange 2019 on azure supported?', 'azure-vms', /^Yes, with conditions: .*Azure Premium Storage/],
    ['can we run exch 2016 on azure vms', 'azure-vms', /Azure Premium Storage/],
    ['is exchange SE ok in azure', 'azure-vms', /Azure Premium Storage/],
    ['exchange in azure iaas - supported?', 'azure-vms', /Azure Premium Storage/],
    ['is a file share witness on a DC ok', 'witness-on-domain-controller', /^Possible, but not recommended/],
    ['can the fsw live on a domain controller', 'witness-on-domain-controller', /not recommended/],
    ['witness server on a dc for a 2019 dag?', 'witness-on-domain-controller', /not recommended/],
    ['can exchange 2019 run on nano server', 'nano-server', /^No: .*Nano Server/],
    // A rule that holds whatever else is named answers a described setup too (the check knows no Nano Server).
    ['can exchange 2016 run on Nano Server? one mailbox server, 2016 datacenter', 'nano-server', /^No: .*Nano Server/],
    // Session 9 (q19): Microsoft's mailbox database copies pages.
    ['how many copies per db in a dag', 'database-copies', /^Up to 16 copies of one mailbox database/],
    ['max number of copies of a mailbox database in exchange 2016', 'database-copies', /^Up to 16 copies/],
    ['can dag members be in different AD sites', 'dag-sites', /^Yes, with a condition: .*500 ms or less/],
    ['can a dag span two datacenters', 'dag-sites', /^Yes, with a condition: /],
    ['how many mtas does an exchange 2003 cluster run', 'cluster-components-2003', /the MTA runs as one instance per cluster/],
    // Session 10 (q20, w8's set P): the Cloud Witness is no DAG witness up to Exchange 2019 (A-55); it took the Azure VM row's "Yes, with conditions".
    ["we use the azure cloud witness for our 2019 dag, that's supported right?", 'cloud-witness', /^No: Exchange 2019 and all earlier versions do not support the Cloud Witness/],
    ['can i use a cloud witness for an exchange 2016 dag', 'cloud-witness', /^No: /],
    // Lead, session 10 (q20's finding): an Azure VM as the DAG's witness is not Exchange hosted in Azure.
    ['can the fsw be an azure vm', 'azure-witness', /^Yes: Microsoft documents a file server on an Azure virtual machine as the witness/],
    // Session 15 (q25, w8's set P): the witness need not run the members' Windows version (M-14, plan-ha.md).
    ['and must the witness run the same windows?', 'witness-windows-version', /^Not necessarily: a DAG's witness server need not run the same Windows Server version/],
    ['does the fsw need the same os version as the exchange 2019 dag members', 'witness-windows-version', /^Not necessarily: /],
    ['witness server in azure for our 2019 dag?', 'azure-witness', /multi-site VPN/],
    // Session 11 (q21): Microsoft's virtualization pages: a guest of Hyper-V or an SVVP-validated hypervisor.
    ['is exchange SE in a hyper-v vm supported', 'virtual-machines', /^Yes, with conditions: .*Hyper-V.*SVVP/],
    ['can exchange 2019 run on vmware', 'virtual-machines', /^Yes, with conditions: /],
    ['exchange 2016 virtualized - supported?', 'virtual-machines', /in a virtual machine/],
    // Session 11 (lead, q21's draft): one DAG per Mailbox server (A-63).
    ['can an exchange 2016 mailbox server be a member of two dags', 'one-dag-per-server', /^No: a Mailbox server can be a member of only one DAG/],
    ['can one exchange 2019 server be in two dags at once', 'one-dag-per-server', /^No: /],
    // Session 14 (q24): the count of DAGs one server may join.
    ['how many dags can one mailbox server be in', 'one-dag-per-server', /only one DAG/],
    // Session 14 (q24): the management tools (not the server roles) on the client releases of Windows each version's
    // system requirements list; "exchange 2019 management tools" names Exchange 2019, no other server's release.
    [
      'can i install the exchange 2019 management tools on windows 10',
      'management-tools-client-windows-2019',
      /^Yes, for the management tools only: .*Exchange 2019 .*64-bit edition of Windows 10/,
    ],
    ['are the ex2016 admin tools supported on windows 8.1', 'management-tools-client-windows-2016', /^Yes, for the management tools only: .*Windows 10 and Windows 8\.1/],
    ['can the exchange 2013 management tools run on windows 7', 'management-tools-client-windows-2013', /Windows 7 with Service Pack 1/],
  ] as const) {
    it(`"${text}" → ${rule}`, () => {
      const question = kb.directAnswers.read(text);
      assert.equal(question?.attribute, 'general-rule', `${text}: ${JSON.stringify(question)}`);
      assert.equal(question.other, rule);
      const answer = kb.directAnswers.answer(question);
      assert.match(answer?.answer ?? '', first);
      assert.ok(
        answer!.sources.some((s) => s.status === 'Microsoft doc' && /virtualization|witness|system-requirements|database-copies|dag-memberships|KB259197|plan-ha/.test(s.label)),
        JSON.stringify(answer!.sources),
      );
    });
  }

  it('a retired version named gets the rule first, then that the version is out of support', () => {
    const answer = kb.directAnswers.answer(kb.directAnswers.read('exchange 2019 on azure supported?')!);
    assert.match(answer!.details[0]!, /^Exchange 2019 itself has been out of support since 14 October 2025/);
  });

  for (const text of [
    // No table says what Exchange 2010 or 2007 need on Azure, nor where a 2007 CCR witness may go.
    'exchange 2010 on azure?',
    'fsw on a dc for an exchange 2007 ccr cluster?',
    // Azure AD (Entra ID) and Exchange Online are other products, not Azure virtual machines.
    'azure ad connect with exchange 2019 supported?',
    'can dag members be dcs',
    'can the witness server be one of the dag members',
    // Session 9: mounted databases per server are the edition's limit; a stretched DAG's witness is another question;
    // no table says how many copies Exchange 2010 allows (its page was not read); a how-to no row holds.
    'how many databases can exchange 2019 standard mount incl passive copies',
    'does a dag stretched over two sites need a witness',
    'max copies of a database in an exchange 2010 dag',
    'how to add a mailbox database copy',
    // Whether one component runs on a named cluster is the check's (the verdict bench's 2000-2003 family).
    'we run NNTP on our Exchange 2003 cluster, is that supported?',
    'Can the Lotus Notes connector run on an Exchange 2003 cluster?',
    // Session 10: the page read predates Exchange SE and says nothing of it; nor is the Cloud Witness an Azure VM.
    'cloud witness for an exchange se dag?',
    // Session 11: what the virtualization pages refuse is the check's (a stated fact), no page for 2010 was read, a choice is an opinion.
    'is hyper-v dynamic memory supported for exchange 2019 vms',
    'vm snapshots of exchange 2016 servers are fine for backups, yes?',
    'exchange 2010 on hyper-v supported?',
    'which is better for an exchange SE dag, vmware or hyper-v',
    // Session 14 (q24): a client release of Windows a version's page does not list for its tools (Windows 11 on none of the
    // pages read, Windows 7 for 2016 or 2019, Windows 8.1 for 2019), and SE, whose page was not read, get no row.
    'does exchange 2019 support windows 11 for the management tools',
    'can i install the exchange 2016 management tools on windows 7',
    'exchange 2019 management tools on windows 8.1 supported?',
    'can i install the exchange se management tools on windows 10',
  ]) {
    it(`"${text}" is no general rule of the table`, () => {
      assert.notEqual(kb.directAnswers.read(text)?.attribute, 'general-rule');
    });
  }

  for (const [from, to, message] of [
    ['basis: [A-38, M-11]', 'basis: [A-99, M-11]', /rests on fact "A-99"/],
    [
      // Session 11: the virtual-machines row starts the same way; the Azure row is named in full.
      'versions: ["2013", "2016", "2019", se]\n  answer: >-\n    Yes, with conditions: Microsoft supports Exchange 2013, 2016 and 2019 (and so Exchange SE) on Azure',
      'versions: ["2013", "2033", "2019", se]\n  answer: >-\n    Yes, with conditions: Microsoft supports Exchange 2013, 2016 and 2019 (and so Exchange SE) on Azure',
      /unknown Exchange version "2033"/,
    ],
    ['basis: [A-39, M-4]\n  article: EXB-008', 'basis: [A-39, M-4]\n  article: EXB-099', /cites article "EXB-099"/],
  ] as const) {
    it(`general-rules.yaml is checked at load: ${String(message)}`, () => {
      const { dir } = copies.withEdit('data/general-rules.yaml', (text) => replaceOnce(text, from, to));
      const problems = loadProblems(dir);
      const found = problems.find((p) => p.file.endsWith('general-rules.yaml') && message.test(p.message));
      assert.ok(found, show(problems));
      assert.ok(found.field, 'names the field');
    });
  }
});

/**
 * Session 12 (q22): a way of spreading client connections asked about for a version (DNS round robin, a load
 * balancer) is a rule of that version, decided over its setups on the platforms it runs on: the Windows releases
 * and updates it never ran on refused most setups, so the tables said neither yes nor no and the check asked the role.
 */
describe('direct answers: load balancing asked per version (q22)', () => {
  let kb: KnowledgeBase;
  before(() => {
    kb = sharedKnowledgeBase();
  });

  for (const [text, first] of [
    ['is dns round robin supported for load balancing exchange 2016', /^Yes, with conditions: /],
    ['round robin dns instead of a kemp for SE - allowed?', /^Yes: .*DNS round robin, in front of the Mailbox servers/],
    ['is dns round robin ok in front of exchange 2019 mailbox servers instead of a load balancer', /^Yes: /],
    ['exchange 2019 behind an f5 - supported?', /^Yes: .*load balancer/],
    // A platform typed is still judged: Exchange 2016 never ran on Windows Server 2019.
    ['is dns round robin supported for exchange 2016 on windows 2019', /^No: Exchange 2016 runs on Windows Server 2012/],
  ] as const) {
    it(`"${text}" → ${String(first)}`, () => {
      const question = kb.directAnswers.read(text);
      assert.equal(question?.attribute, 'rule', `${text}: ${JSON.stringify(question)}`);
      const answer = kb.directAnswers.answer(question);
      assert.match(answer?.answer ?? '', first);
      assert.ok(
        answer!.sources.some((s) => s.status === 'Microsoft doc'),
        JSON.stringify(answer!.sources),
      );
    });
  }

  for (const text of [
    // Exchange 2013's Client Access role and 2010's CAS arrays are not settled by the tables: the check asks.
    'is dns round robin supported for exchange 2013',
    'is dns round robin supported for exchange 2010 cas',
    // A DAG is a design, not a way of balancing: the check judges it.
    'is a dag supported in exchange 2016',
  ]) {
    it(`"${text}" is not answered yes from the tables`, () => {
      const question = kb.directAnswers.read(text);
      const answer = question ? kb.directAnswers.answer(question) : undefined;
      assert.doesNotMatch(answer?.answer ?? '', /^Yes/);
    });
  }
});

/** Session 12 (q22): a count asked in its first words is that count, whatever general rule its setting has; databases per server asked without a count word. */
describe('direct answers: counts asked beside a rule (q22)', () => {
  let kb: KnowledgeBase;
  before(() => {
    kb = sharedKnowledgeBase();
  });

  for (const [text, attribute, first] of [
    ['max dag members if we stretch an SE dag over 3 datacenters', 'max-nodes', /16/],
    ['exchange 2010 enterprise: databases per server?', 'max-databases', /100/],
  ] as const) {
    it(`"${text}" → ${attribute}`, () => {
      const question = kb.directAnswers.read(text);
      assert.equal(question?.attribute, attribute, `${text}: ${JSON.stringify(question)}`);
      assert.match(kb.directAnswers.answer(question)?.answer ?? '', first);
    });
  }

  it('a DAG across sites asked as a yes/no keeps its general rule', () => {
    assert.equal(kb.directAnswers.read('can a dag span two datacenters')?.other, 'dag-sites');
  });
});

/**
 * Session 13 (lead): a version with one stated fact that the check decides by design. "can exchange 2019 be installed
 * on a domain controller" got a passage about Windows releases (the answer was neither yes nor no); a client Windows
 * release named was no fact at all (limit exchange-server-on-client-windows, A-79).
 */
describe('direct answers: a stated fact of a version, decided by the check (session 13)', () => {
  let kb: KnowledgeBase;
  before(() => {
    kb = sharedKnowledgeBase();
  });

  for (const [text, first, refused] of [
    [
      'can exchange 2019 be installed on a domain controller',
      /^It depends, on the design: yes, with conditions, in some: Microsoft does not recommend Exchange on a domain controller/,
      /cannot be DAG members.*Edge Transport/,
    ],
    ['can i put exchange 2016 on a dc', /^It depends, on the design: /, /cannot be DAG members/],
    ['can exchange 2019 be installed on windows 10 pro', /^No: Exchange's server roles install only on Windows Server releases/, /management tools/],
    ['is exchange 2016 supported on windows 10', /^No: /, /client release of Windows/],
  ] as const) {
    it(`"${text}"`, () => {
      const question = kb.directAnswers.read(text);
      assert.equal(question?.attribute, 'rule', `${text}: ${JSON.stringify(question)}`);
      const answer = kb.directAnswers.answer(question)?.answer ?? '';
      assert.match(answer, first);
      assert.match(answer, refused);
    });
  }
});
