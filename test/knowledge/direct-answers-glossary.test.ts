import { strict as assert } from 'node:assert';
import { type KnowledgeBase } from '../../knowledge';
import { KnowledgeCopies, loadProblems, replaceOnce, show } from './helpers';
import { sharedKnowledgeBase } from '../support/shared-knowledge';

/**
 * Issue 19, fourth pass: definitions from the glossary (knowledge/data/glossary.yaml) and how-tos from
 * the how-to table (knowledge/data/how-to.yaml), as admins type them; both tables checked at load.
 */
describe('direct answers: definitions and how-tos (issue 19)', () => {
  let kb: KnowledgeBase;
  const copies = new KnowledgeCopies();
  before(() => {
    kb = sharedKnowledgeBase();
  });
  after(() => copies.cleanup());
  const read = (text: string, previous?: Parameters<KnowledgeBase['directAnswers']['read']>[1]) => kb.directAnswers.read(text, previous);
  const answer = (text: string, previous?: Parameters<KnowledgeBase['directAnswers']['read']>[1]) => {
    const question = read(text, previous);
    assert.ok(question, `${text}: not read as a direct question`);
    return kb.directAnswers.answer(question);
  };

  describe('definitions: acronyms, misspellings, qualifiers', () => {
    for (const [text, term, expected] of [
      ['what is an evs', 'evs', /^An EVS \(Exchange virtual server\) is/],
      ['whats an EVS??', 'evs', /^An EVS/],
      ['wat is a fsw', 'file-share-witness', /^A file share witness \(FSW\)/],
      ["what's a witness", 'file-share-witness', /even number of members/],
      ['what does LCR mean', 'lcr', /^LCR \(local continuous replication\)/],
      ['scr?', 'scr', /^SCR \(standby continuous replication\), added in Exchange 2007 SP1/],
      ['what is scr in exchange 2007', 'scr', /standby continuous replication/],
      ['what is lcr used for', 'lcr', /second set of disks/],
      ['lcr = ?', 'lcr', /local continuous replication/],
      ['what is a cas array', 'cas-array', /^A CAS array \(Client Access array\) is an Exchange 2010 object/],
      ['what is mapi/http', 'mapi-over-http', /^MAPI over HTTP \(MAPI\/HTTP\)/],
      ["what's a database avalability group", 'dag', /up to 16 Mailbox servers/],
      ['define dag', 'dag', /database availability group/],
      ['what does a front-end server do in exchange 2003', 'front-end', /relays clients' connections/],
      ['what does mscs stand for', 'mscs', /Microsoft Cluster Service/],
      // Session 8: "and what is it" after the question, and the term first with the question after it.
      ['what does SCR stand for and what is it', 'scr', /^SCR \(standby continuous replication\)/],
      ["2007 term 'clustered mailbox server' - what does it mean", 'cms', /clustered mailbox server/i],
      ['front-end server in exchange 2003, what is it exactly', 'front-end', /front-end/i],
      ['what is a cms in exchange 2007', 'cms', /clustered mailbox server/],
      ['what is the n-1 rule', 'n-minus-1', /at most n-1 Exchange virtual\s+servers/],
    ] as const) {
      it(`"${text}" → ${term}`, () => {
        const question = read(text);
        assert.equal(question?.attribute, 'definition', `${text}: ${JSON.stringify(question)}`);
        assert.equal(question.other, term);
        assert.match(kb.directAnswers.answer(question)?.answer ?? '', expected);
      });
    }

    for (const text of [
      'what is the max dag size',
      'what is a transport rule',
      'esu for exchange 2019?',
      'edge in dag?',
      'what is the esu for exchange 2019',
      'what does the frontend do with a request for a mailbox',
    ]) {
      it(`"${text}" is no definition the glossary answers`, () => {
        assert.notEqual(read(text)?.attribute, 'definition');
      });
    }

    it('a bare term right after a date answer is that date\'s follow-up, not a definition ("esu?")', () => {
      const previous = { attribute: 'end-of-support' as const, subject: { version: '2016' } };
      assert.equal(read('esu?', previous)?.attribute, 'esu');
      assert.equal(read('esu?')?.attribute, 'definition');
    });

    it('after a definition, "and lcr?" defines LCR', () => {
      const first = read('what is ccr')!;
      assert.equal(first.other, 'ccr');
      const next = read('and lcr?', { attribute: first.attribute, subject: first.subject, other: first.other });
      assert.equal(next?.other, 'lcr');
    });

    it('a definition says where its facts come from and how sure they are (SCC rests on a recalled fact)', () => {
      assert.deepEqual(
        answer('what is an evs')?.sources.map((s) => s.status),
        ['Microsoft doc'],
      );
      assert.ok(answer('what is scc')?.sources.some((s) => s.status === 'recalled, not confirmed'));
      assert.match(answer('what is scc')?.details.join(' ') ?? '', /Applies to: Exchange 2007\./);
    });
  });

  describe("one truth: the check's terms and the glossary", () => {
    it('every high-availability technology the check asks about has its definition in the glossary, linked by value', () => {
      const ha = kb.dimensions.find((d) => d.id === 'ha')!;
      // "none" and "several servers" are answers, not terms anyone asks the meaning of.
      const missing = ha.values.filter((v) => !v.alias && !['none', 'several-servers'].includes(v.id) && !kb.glossary.some((e) => e.value === `ha/${v.id}`)).map((v) => v.id);
      assert.deepEqual(missing, []);
    });

    it('every acronym the check recognises for a linked value is a name of its glossary term, so a question and a verdict read the term alike', () => {
      const problems: string[] = [];
      for (const entry of kb.glossary) {
        if (!entry.value) continue;
        const [dimension, id] = entry.value.split('/');
        const value = kb.dimensions.find((d) => d.id === dimension)?.values.find((v) => v.id === id);
        const names = new Set(entry.names.map((n) => n.toLowerCase()));
        for (const acronym of value?.acronyms ?? []) if (!names.has(acronym.toLowerCase())) problems.push(`${entry.id}: ${acronym}`);
      }
      assert.deepEqual(problems, []);
    });

    it('a follow-up naming a check value after a definition defines that value ("and scr?")', () => {
      const answered = kb.directAnswers.answer({ attribute: 'definition', subject: { ha: 'scr' }, text: 'and scr?' });
      assert.match(answered?.answer ?? '', /^SCR/);
    });
  });

  describe('how-tos: what the knowledge holds, and plainly that the steps are not in it', () => {
    /** The answer of the how-to row `task`, read from `text`, which names its sources. */
    const answeredTask = (text: string, task: string) => {
      const question = read(text);
      assert.equal(question?.attribute, 'how-to', `${text}: ${JSON.stringify(question)}`);
      assert.equal(question.other, task);
      const answered = kb.directAnswers.answer(question);
      assert.ok((answered?.sources.length ?? 0) > 0, 'names its sources');
      return answered;
    };
    for (const [text, task, expected] of [
      ['steps to upgrade 2019 to SE', 'se-from-2019', /upgraded in place/],
      ['how can we go from ex2016 to exchange se', 'se-from-2016', /build new SE servers/],
      ['how do i migrate exchange 2010 to exchange se', 'se-from-older', /according to third-party sources/],
      ['upgrade path 2019 cu14 to SE?', 'se-from-2019', /CU14 or CU15/],
      ['how to configure scr in ex2k7', 'scr-2007', /Exchange 2007 SP1/],
      ['how to cluster an exchange 2003 back end', 'cluster-2003', /Enterprise Edition/],
      ['how do i make owa highly available on exchange 2003', 'front-end-redundancy', /Network Load Balancing/],
      // Session 9: Exchange 2000/2003 high availability with no role named, or the back-end named: the back-ends are clustered.
      ['how do i make an exchange 2003 back-end highly available', 'protect-2003', /Windows server cluster on shared storage/],
      ['how do i make exchange 2000 highly available', 'protect-2003', /front-end servers are not clustered/],
      ['how do i make hub transport redundant in 2007', 'hub-redundancy', /several Hub Transport servers/],
      ['how to load-balance client access in exchange se', 'load-balance-later', /DNS round robin/],
      ['how do i upgrade windows under exchange 2019', 'windows-under-exchange-2019', /^Sources differ, and new servers are the safe path/],
      // Session 10 (q20): leaving a version without naming where to is the way to SE, read per version from the coexistence table.
      ['how do we get off exchange 2010', 'leave-version', /Exchange 2016 can join an organization with Exchange 2010/],
      ["what's the migration path away from exchange 2007", 'leave-version', /Exchange 2013 can join an organization with Exchange 2007/],
    ] as const) {
      it(`"${text}" → ${task}`, () => {
        const answered = answeredTask(text, task);
        assert.match(answered?.answer ?? '', expected);
        assert.match(answered?.details[0] ?? '', /(steps|Steps).* not in this knowledge base/);
      });
    }

    // Rows whose steps a Microsoft doc gives hold them (`procedure`): the steps first, what the task needs, then where they are in full.
    for (const [text, task, cmdlet, held] of [
      ['how do i add a node to the dag', 'dag-add-member', /Add-DatabaseAvailabilityGroupServer/, /up to 16 Mailbox servers/],
      ['how to move the fsw', 'witness', /Set-DatabaseAvailabilityGroup -Identity DAG1 -WitnessServer/, /outside the DAG/],
      ['how to remove a dag member', 'dag-remove-member', /Remove-DatabaseAvailabilityGroupServer/, /even\s+number of members/],
      // Session 10 (q20): a failed member rebuilt (recover-dag-member-servers.md), a member patched in maintenance mode (manage-dags.md).
      ['how do i replace a failed dag member in exchange 2019', 'dag-recover-member', /Setup \/m:RecoverServer/, /rebuilt under the same name/],
      ['one of our 2016 dag servers died, how do we rebuild it', 'dag-recover-member', /Remove-DatabaseAvailabilityGroupServer/, /rebuilt under the same name/],
      ['how do i install a cu on a dag member', 'dag-maintenance', /StartDagServerMaintenance\.ps1/, /one DAG member at a time/],
      ['how do i put a dag member into maintenance mode', 'dag-maintenance', /ServerWideOffline/, /StopDagServerMaintenance\.ps1/],
    ] as const) {
      it(`"${text}" → ${task}, its steps first`, () => {
        const question = read(text);
        assert.equal(question?.other, task);
        const answered = kb.directAnswers.answer(question!);
        assert.match(answered?.answer ?? '', /^Steps: /);
        assert.match(answered?.answer ?? '', cmdlet);
        assert.match(answered?.details[0] ?? '', held);
        assert.match(answered?.details[1] ?? '', /has them in full/);
      });
    }

    // Session 10 (q20): which server is the witness is a property of the DAG (configure-dag-properties.md, azure-vms-as-dag-witness-servers.md).
    for (const text of [
      'how can i tell which server is the file share witness of a dag',
      'how to find out where the fsw is for our SE dag',
      'how do i see which server is the witness for my dag',
    ]) {
      it(`"${text}" → witness-find, the property and the command`, () => {
        const question = read(text);
        assert.equal(question?.other, 'witness-find');
        assert.match(kb.directAnswers.answer(question!)?.answer ?? '', /Get-DatabaseAvailabilityGroup -Identity DAG1 -Status \| Format-List Name, WitnessServer/);
      });
    }

    // Session 12 (q22): finding a fact out is a task of its own (the command that shows it, from the page that gives it);
    // the Desktop Experience Exchange 2016 and 2013 need.
    for (const [text, task, expected] of [
      ['how do i find out which CU an exchange server is on', 'find-build', /Get-ExchangeServer \| Format-List Name,Edition,AdminDisplayVersion/],
      ['how do i check our 2010 servers are on RU11 or later before we add exchange 2016', 'find-build', /ExSetup\.exe/],
      ['how can i see the build number of an exchange 2016 server', 'find-build', /AdminDisplayVersion/],
      ['how do i find out the windows edition of the exchange box', 'find-windows', /winver or systeminfo/],
      ['how do i check that the OS of every dag member is the same release', 'find-windows', /every member/],
      ['how do i check how many members my dag has', 'find-dag-members', /Format-List Servers/],
      ['how can i list the members of our SE dag', 'find-dag-members', /Member Servers/],
      ['what do i run on 2012 r2 to get desktop experience before exchange 2016 setup', 'desktop-experience-2016', /Install-WindowsFeature Server-Gui-Mgmt-Infra,Server-Gui-Shell/],
      ['exchange 2016 on server 2016 core - how do i get the gui back', 'desktop-experience-2016', /installation option only/],
      ['how do i turn a 2012 r2 server core box into a full install so exchange 2013 will go on it', 'desktop-experience-2013', /Server-Gui-Mgmt-Infra,Server-Gui-Shell/],
      // An Edge server joined by its subscription; "whats" without its apostrophe; a supported release as the way off; Windows replaced.
      ['how do i add an edge transport server to our SE org', 'edge-subscription', /New-EdgeSubscription -FileName/],
      ['whats the right way to go from exchange 2019 cu15 to SE on a dag', 'se-from-2019', /upgraded in place/],
      ['how do we get exchange 2003 to something supported', 'leave-version', /Exchange 2007|Exchange 2010/],
      ['how do we replace the windows 2012 r2 under our exchange 2016 servers', 'windows-under-exchange', /not upgraded in place/],
      // Session 13 (q23): the command named, or where a fact is seen, is a how-to too; the command asked for comes first.
      ["what's the command to see the exchange version of a server", 'find-build', /^In the Exchange Management Shell, Get-ExchangeServer/],
      ['where do i see which cumulative update is installed on exchange 2019', 'find-build', /ExSetup\.exe/],
      ["what's the powershell to show which server is the file share witness", 'witness-find', /WitnessServer/],
      ["what's the cmdlet to add a mailbox server to a dag", 'dag-add-member', /^Steps: .*Add-DatabaseAvailabilityGroupServer/],
      ['what is the command to find the windows version of my exchange server', 'find-windows', /winver/],
      // Session 13 (q23): Server Core, where Exchange 2019 and SE install (Setup from the command line), and 2016 never does.
      ['how do i install exchange 2019 on server core', 'server-core-install', /Setup\.exe \/Mode:Install \/Roles:Mailbox \/IAcceptExchangeServerLicenseTerms/],
      ['how do i put exchange SE on a server core install', 'server-core-install', /supports and recommends/],
      ['how do i install exchange 2016 on server core', 'desktop-experience-2016', /^Exchange 2016 does not run on Server Core/],
      ['how do i turn a standalone exchange 2019 mailbox server into a dag', 'dag-from-single', /^Steps: create the DAG .*Add-DatabaseAvailabilityGroupServer/],
      // Session 14 (lead): an in-place upgrade asked without "how" (the check judged an unknown version "Supported with conditions").
      ['can exchange 2016 be upgraded in place to 2019', 'in-place-version-upgrade', /^No: Exchange has no in-place upgrade/],
      ['we plan an in-place upgrade of windows server 2019 to 2022 on our exchange 2019 servers', 'windows-under-exchange-2019', /Sources differ/],
      ['customer has exchange 2016 cu23 dag of 4 on 2016 datacenter and wants to upgrade the os in place to 2019', 'windows-under-exchange', /not upgraded in place/],
      ['exchange 2019 cu15 on windows server 2022, can we in-place upgrade exchange to se?', 'se-from-2019', /upgraded in place to Exchange SE/],
      // Session 14 (q24): Setup with the ManagementTools role (install-management-tools.md), on the releases A-82 lists.
      [
        'how do i install just the management tools for exchange 2019 on my windows 10 pc',
        'install-management-tools',
        /^On a computer with 64-bit Windows 10 .*\/Role:ManagementTools/,
      ],
      ['how to set up the exchange management shell on an admin workstation', 'install-management-tools', /Setup\.exe \/IAcceptExchangeServerLicenseTerms \/Role:ManagementTools/],
    ] as const) {
      it(`"${text}" → ${task}`, () => {
        const answered = answeredTask(text, task);
        assert.match([answered?.answer ?? '', ...(answered?.details ?? [])].join(' '), expected);
      });
    }

    for (const [text, task] of [
      ['how do i move the witness to another server', 'witness'],
      // Session 12 (q22): the finding rows come first, but an update installed or a Windows release moved to keeps its row.
      ['how do i install cu15 on our exchange 2019 servers', 'install-update'],
      ['how do i see which server is the witness for my dag', 'witness-find'],
      ['how do i make SE edge transport redundant', 'edge-redundancy'],
      ['how do i add a server to the dag', 'dag-add-member'],
      // Session 14 (q24): a member kicked out is a member removed.
      ['how to kick a server out of our 2016 dag', 'dag-remove-member'],
      ['how to install the latest cu on exchange 2019', 'install-update'],
    ] as const) {
      it(`"${text}" stays ${task}`, () => {
        assert.equal(read(text)?.other, task);
      });
    }

    for (const text of [
      // A fault naming the update level its DAG runs is no update to install, nor a member to rebuild.
      "our 2019 cu14 dag on 2022 std: a database copy is stuck in 'failed and suspended' after a reboot, how to fix",
      'how do i fix a failed database copy in a dag',
    ]) {
      it(`"${text}" is neither dag-maintenance nor dag-recover-member`, () => {
        assert.ok(!['dag-maintenance', 'dag-recover-member'].includes(read(text)?.other ?? ''), JSON.stringify(read(text)));
      });
    }

    it('a move onto a Windows release the version does not run on says so first, from the platform table', () => {
      assert.match(answer('how do i get exchange 2016 on server 2019')?.answer ?? '', /^No: Exchange 2016 does not run on Windows Server 2019\./);
      assert.match(answer('how to move exchange 2019 to windows server 2025')?.answer ?? '', /^From Exchange 2019 CU15/);
    });

    for (const text of [
      'how do i reset a users password in owa',
      'how do i export a mailbox to pst',
      'how many nodes in a ccr cluster',
      'how do i renew the exchange certificate',
      // Session 12 (q22): a finding row needs a word of finding out and of what is found.
      'how do i check if exchange 2016 supports windows 2019',
      'how do I know if our exchange 2019 is on a CU that still gets security fixes',
    ]) {
      it(`"${text}" is no how-to the table answers`, () => {
        assert.notEqual(read(text)?.attribute, 'how-to');
      });
    }
  });

  describe('the tables are checked at load, naming the file and the field', () => {
    for (const [file, from, to, message] of [
      ['data/glossary.yaml', 'versions: ["2000", "2003"]\n  basis: [C2, C8]', 'versions: ["2000", "2033"]\n  basis: [C2, C8]', /unknown Exchange version "2033"/],
      ['data/glossary.yaml', 'basis: [C2, C8]', 'basis: [C2, C99]', /rests on fact "C99"/],
      ['data/glossary.yaml', 'value: ha/ccr', 'value: ha/ccx', /names ha\/ccx, which fact-dimensions.yaml does not have/],
      ['data/glossary.yaml', 'names: [LCR, local continuous replication', 'names: [LCR, CCR, local continuous replication', /"CCR" is also a name of "ccr"/],
      ['data/how-to.yaml', 'article: EXB-011\n- id: se-from-2016', 'article: EXB-099\n- id: se-from-2016', /cites article "EXB-099"/],
      ['data/how-to.yaml', 'facts: { role: [hub-transport] }', 'facts: { role: [hub] }', /unknown role value "hub"/],
    ] as const) {
      it(`${file}: ${String(message)}`, () => {
        const { dir } = copies.withEdit(file, (text) => replaceOnce(text, from, to));
        const problems = loadProblems(dir);
        const found = problems.find((p) => p.file.endsWith(file.replace('data/', '')) && message.test(p.message));
        assert.ok(found, show(problems));
        assert.ok(found.field, 'names the field');
      });
    }
  });
});
