import { strict as assert } from 'node:assert';
import { NO_STEPS } from '../../bot/cards/passage-cards';
import { buttonTitles, firstText, isCard, textBlocks } from './card-reading';
import { describeReply, mainClient } from './dialog-fixtures';

/**
 * Issue 19, seventh pass (q19): yes/no rules answered first with Yes or No (an edition with a
 * technology, Exchange SE on a Windows release, the rules the check cannot judge), follow-ups that
 * re-ask the last direct question of another subject, and a version's release date from the build table.
 */
describe('direct answers: yes/no rules, follow-ups and release dates (issue 19, seventh pass)', () => {
  for (const [question, answer] of [
    ['can exchange 2019 standard edition be in a dag', /^Yes: Exchange 2019 Standard Edition can be part of a database availability group \(DAG\); at most 5 mounted databases/],
    ['can exchange 2003 standard be clustered', /^No: Only the Enterprise editions of Exchange 2000 and Exchange 2003 can be clustered/],
    ['does exchange 2007 standard support ccr', /^No: .*Enterprise Edition/],
    [
      'is windows standard edition enough for a dag on 2019 or do i need datacenter',
      /^Yes: Exchange 2019 on Windows Standard edition can be part of a database availability group/,
    ],
    ['is se supported on windows server 2025', /^Yes: Exchange Server Subscription Edition \(SE\) runs on Windows Server 2025/],
    ['exchange SE on windows server 2016 - supported?', /^No: Exchange Server Subscription Edition \(SE\) does not run on Windows Server 2016/],
    ['exchange 2019 on azure supported?', /^Yes, with conditions: .*Azure Premium Storage/],
    ['is a file share witness on a DC ok', /^Possible, but not recommended/],
    ['min 2013 CU before i can add a 2019 server to the org', /^Yes, up to Exchange 2019 CU14: Exchange 2019 can coexist with Exchange 2013 .*Exchange 2013 CU21 or later/],
    ['which 2010 rollup do i need before installing the first exchange 2016 server', /Exchange 2010 SP3 with Update Rollup 11 or later/],
    ['define SCR (exchange)', /^SCR \(standby continuous replication\)/],
    ['exchange 2007 - on what day did microsoft drop support', /^Exchange 2007 left extended support on 11 April 2017/],
    // "will ... go out of support" asks for the end, never a "Yes:" about being supported.
    ['will exchange SE go out of support at some point like 2019 did?', /^Exchange Server Subscription Edition \(SE\) has no fixed end of support date/],
    ['nodes in a CCR cluster?', /^Up to 2 nodes/],
    ['ex2k3 on x64 windows - does that work', /^No: Exchange 2003 is 32-bit software/],
    ['32 bit exchange 2007 in production, supported?', /^No: Production Exchange 2007 servers must run the 64-bit build/],
    ['exchange 2003 standard as a front-end server, is that allowed', /^Yes: Exchange 2003 Standard Edition can take the Front-end/],
    ['can exchange 2019 run on nano server', /^No: Exchange 2016 and 2019 \(and so Exchange SE\) cannot be installed on Nano Server/],
    ['exchange 2019 release date', /^Exchange 2019 RTM was released on 22 October 2018 \(build 15\.2\.221\.12\)/],
    ['when did exchange 2016 come out', /^Exchange 2016 RTM was released on 1 October 2015/],
    // Session 8: the update as typed, not the check's level (RTM to CU3 is one level, CU2 its own row).
    ['Exchange 2013 SP1 was released when?', /^Exchange 2013 SP1 was released in February 2014/],
    // Session 10 (q20, w8's set P): a rollup typed after the service pack is the rollup's row, never the service pack's date.
    ['when did exchange 2010 sp3 ru11 ship', /^Exchange 2010 SP3 RU11 was released in September 2015 \(build 14\.3\.266\.2\)/],
    ['exchange 2007 sp3 ru10 release date', /^Exchange 2007 SP3 RU10 was released in February 2013/],
    // Session 11 (q21): the update typed is dated whatever else the sentence names (a coexistence, another version, a Windows release),
    // the version named last before it its own; and a Windows release "non r2" or losing support is dated too.
    ['the 2016 coexistence needs 2010 sp3 ru11 - when was ru11 released?', /^Exchange 2010 SP3 RU11 was released in September 2015/],
    ['our 2007 boxes are on sp3 ru10 for the 2013 coexistence, when did ru10 come out', /^Exchange 2007 SP3 RU10 was released in February 2013/],
    ['when did exchange 2013 cu21 come out, that is the minimum for 2019 right', /^Exchange 2013 CU21 was released in June 2018/],
    ['exchange 2016 cu3 release date (first one that ran on server 2016)', /^Exchange 2016 CU3 was released in September 2016/],
    ['when did 2013 get support for windows 2012 r2 (sp1 date)', /^Exchange 2013 SP1 was released in February 2014/],
    ['when did windows server 2012 (non r2) lose support, our old 2016 box runs on it', /^Windows Server 2012 left extended support on 10 October 2023/],
    ['plain windows 2012 non-r2 mainstream end date', /^Windows Server 2012 left mainstream support on 9 October 2018/],
    // Session 11 (q21): a judged fact beside the virtual machine it lives in is that fact's rule; no in-place upgrade between versions.
    ['is hyper-v dynamic memory supported for exchange 2019 vms', /^No: Microsoft's virtualization pages say dynamic memory/],
    ['vm snapshots of exchange 2016 servers are fine for backups, yes?', /^No: Microsoft's virtualization pages say virtual machine snapshots/],
    ['can we upgrade our exchange 2016 server in place to 2019', /^No: Exchange has no in-place upgrade from one version to the next/],
    ['in-place upgrade from exchange 2013 to 2016 possible?', /^No: Exchange has no in-place upgrade/],
    // Session 8: two versions, one date; how-tos asked with "how can we" and in short forms; a role at an update level.
    ['exchange 2016 and 2019 end of support', /^Exchange 2016 left extended support on 14 October 2025\. Exchange 2019 left extended support/],
    ['how can we go from ex2016 to exchange se', /^Exchange 2016 has no in-place upgrade to Exchange SE/],
    ['in-place upgrade from exchange 2016 to SE - possible?', /^Exchange 2016 has no in-place upgrade to Exchange SE/],
    ['edge role in 2013 RTM?', /^No: The Edge Transport role exists in Exchange 2013 only from SP1 \(CU4\) on/],
    ['is the edge role in exchange 2013 sp1', /^Yes: Exchange 2013 SP1 \(CU4\) or later has the Edge Transport role/],
    // Session 8 (w6 #11): coexistence asked with "alongside"/"next to", and the older version's typed update held against the minimum.
    ['exchange 2013 alongside an exchange 2003 server?', /^No: Exchange 2013 cannot coexist with Exchange 2003/],
    [
      'exchange 2016 next to exchange 2010 sp3 ru5, fine?',
      /^No: Exchange 2010 SP3 RU5 is below the minimum; Exchange 2016 can coexist with Exchange 2010 in one organization only with Exchange 2010 SP3 with Update Rollup 11/,
    ],
    ['can exchange 2019 coexist with our 2016 cu10 servers?', /^No: Exchange 2016 CU10 is below the minimum/],
    ['2013 cu19 and 2019 in the same org is ok right?', /^No: Exchange 2013 CU19 is below the minimum/],
    // Session 14 (o26): a version added to an organization of another is its coexistence, not a check of an unknown version.
    ['we want to add exchange 2019 to our 2016 org - supported?', /^Yes: Exchange 2019 can coexist with Exchange 2016 in one organization, with Exchange 2016 CU11/],
    ['can we add an exchange 2016 server to our 2007 organization?', /^No: Exchange 2016 cannot coexist with Exchange 2007 in one organization\./],
    ['we want to add exchange 2019 to our 2010 org - supported?', /^No: Exchange 2019 cannot coexist with Exchange 2010 in one organization\./],
    ['planning to add exchange 2019 into an org that still has exchange 2010', /^No: Exchange 2019 cannot coexist with Exchange 2010 in one organization\./],
    // Session 15 (lead): whether something "matters" is whether it is needed.
    ['does the fsw matter in a 4 member dag', /^Yes: A DAG with an even number of members needs a witness server outside the DAG/],
    ['installing exchange 2019 into our exchange 2013 organization, ok?', /^Yes, up to Exchange 2019 CU14: Exchange 2019 can coexist with Exchange 2013 in one organization/],
    [
      'can 2019 coexist with 2016 cu11',
      /^Yes: Exchange 2019 can coexist with Exchange 2016 in one organization, with Exchange 2016 CU11 or later.*; Exchange 2016 CU11 meets it\.$/,
    ],
    // Session 8: whether an edition is required, from the same answer for the other editions.
    [
      'does an SE DAG need windows datacenter edition',
      /^No: Windows Datacenter edition is not required; Exchange Server Subscription Edition \(SE\) on Windows Standard edition can be part of/,
    ],
    ['is a 2003 front end on exchange standard edition ok or does it need enterprise?', /^Yes: Exchange 2003 Standard Edition can take the Front-end/],
    // Session 14 (q24): an Exchange edition needed for a technology of one version is that rule too (it started the check).
    ['does exchange 2007 ccr need enterprise edition', /^Yes: In production only Exchange 2007 Enterprise Edition is supported in a Windows failover cluster/],
    ['is enterprise edition of exchange 2007 required for ccr', /^Yes: In production only Exchange 2007 Enterprise Edition/],
    [
      'does a 2019 dag need exchange enterprise edition',
      /^No: Exchange Enterprise Edition is not required; Exchange 2019 Standard Edition can be part of a database availability group/,
    ],
    ['we want to go to Windows Server 2025 under our 2019 DAG - can we just upgrade the OS in place?', /Sources differ, and new servers are the safe path/],
    ['when did windows server 2003 go out of support, we still have one ex2k3 box on it', /^Windows Server 2003 left extended support on/],
    // Session 9: "have to"/"must" ask whether the fact named is required (every member in one domain, plan-ha.md).
    ['do all members of a DAG have to be in the same AD domain?', /^Yes: Every DAG member is a member server of the same Active Directory domain/],
    ['must all dag members be in the same domain', /^Yes: Every DAG member is a member server of the same Active Directory domain/],
    // Session 9: Microsoft's mailbox database copies pages, rules the check does not carry.
    ['how many copies per db in a dag', /^Up to 16 copies of one mailbox database, each on a different Mailbox server of the same DAG/],
    ['can dag members be in different AD sites', /^Yes, with a condition: .*different Active Directory sites.*500 ms or less/],
    // Session 9: w6's set M: a Windows date opening the message before the asker's servers;
    // the editions for a technology (Exchange 2010's DAG: Enterprise or Datacenter on 2008 and 2008 R2); a cluster's components.
    ['windows server 2016 eol - our 2016 DAG hosts are on it', /^Windows Server 2016 (is in extended support until|left extended support on) 12 January 2027/],
    ['windows editions supported for a 2010 dag', /^An Exchange 2010 database availability group \(DAG\) runs on Windows Server 2008, /],
    ['how many mtas does an exchange 2003 cluster run', /^On an Exchange 2000 or 2003 cluster the MTA runs as one instance per cluster/],
    ['how do i make an exchange 2003 back-end highly available', /^Exchange 2000 and 2003 back-end \(mailbox\) servers are made highly available with a Windows server cluster/],
  ] as const) {
    it(`${JSON.stringify(question)} → ${answer}`, async () => {
      const { client } = mainClient();
      const reply = await client.sendActivity(question);
      assert.ok(isCard(reply), describeReply(reply));
      assert.match(firstText(reply), answer);
      assert.ok(
        textBlocks(reply).some((t) => /^Source: .*\((Microsoft doc|third-party|derived from Microsoft docs|recalled, not confirmed)\)$/.test(t)),
        `no source line: ${describeReply(reply)}`,
      );
    });
  }

  it('"do i need windows datacenter or enterprise for a 2019 DAG or is standard fine": an Exchange and a Windows edition both read, so no "edition is not required" answer', async () => {
    const { client } = mainClient();
    const reply = await client.sendActivity('do i need windows datacenter or enterprise for a 2019 DAG or is standard fine');
    assert.doesNotMatch(firstText(reply) ?? '', /is not required/, describeReply(reply));
  });

  for (const [before, next, answer] of [
    // The version named replaces the one of the pair nearest to it in release order.
    ['can 2013 and 2019 coexist', 'and 2010?', /^No: Exchange 2019 cannot coexist with Exchange 2010/],
    ['can 2010 and 2013 coexist', 'and 2016?', /^Yes: Exchange 2016 can coexist with Exchange 2010/],
    ['can 2016 coexist with exchange se', 'and 2013?', /^No: Exchange Server Subscription Edition \(SE\) cannot coexist with Exchange 2013/],
    ['can exchange 2003 standard be clustered', 'and enterprise?', /^Yes: Exchange 2003 Enterprise Edition can be part of a Windows server cluster/],
    ['can exchange 2019 run on 2025', 'what about 2016', /^No: Exchange 2016 does not run on Windows Server 2025/],
    ['can exchange 2019 run on 2025', 'same for SE?', /^Yes: Exchange Server Subscription Edition \(SE\) runs on Windows Server 2025/],
    ['latest cu for exchange 2019', 'and 2016?', /^The latest cumulative update of Exchange 2016 is CU23/],
    ['min 2013 CU for 2019 coexistence?', 'and 2019 with 2016, min CU?', /^Yes: Exchange 2019 can coexist with Exchange 2016 in one organization, with Exchange 2016 CU11/],
    ['does a 4 member dag need a witness', 'and for 3 members?', /^No: a witness server is not needed here/],
    ['exchange 2019 release date', 'and 2010?', /^Exchange 2010 RTM was released on 9 November 2009/],
    ['exchange 2016 and 2019 end of support', 'and ex2013?', /^Exchange 2013 left extended support on 11 April 2023\.$/],
    // Session 9: a bare count after a question about a member count asks the same of that many members.
    ['does a 2 member dag need a witness', 'what about 5?', /^No: a witness server is not needed here/],
    ['does a 5 member dag need a witness', 'and 6?', /^Yes: A DAG with an even number of members needs a witness server/],
    // Session 9: the minimum update asked alone after a coexistence answer is the same pair's.
    ['can exchange 2016 coexist with 2013', 'minimum cu?', /^Yes: Exchange 2016 can coexist with Exchange 2013 .*CU10 or later/],
    // Session 10 (q20, w8's set P): a release and edition asked alone after the releases a version's DAG runs on: the DAG's own
    // "No" first (it got a passage that read as yes), else whether the version runs there and from which update.
    ['which windows editions can run an exchange 2013 dag', '2008 r2 standard ok?', /^No: Exchange 2013 DAG members on Windows Server 2008 R2 must run Enterprise or Datacenter/],
    ['which windows editions can run an exchange 2013 dag', '2012 r2 standard ok?', /^Yes: Exchange 2013 runs on Windows Server 2012 R2 from Exchange 2013 SP1/],
    ['which windows editions can run an exchange 2013 dag', '2008 r2?', /^It depends on the windows edition: yes for Enterprise and Datacenter/],
    // Session 10 (q20, w8's set P): the minimum asked with one version of the same pair named.
    ['can exchange 2019 coexist with exchange 2013', 'min cu on the 2013 side?', /^Yes, up to Exchange 2019 CU14: Exchange 2019 can coexist with Exchange 2013 .*CU21 or later/],
    ['can exchange 2013 coexist with exchange 2007', 'which rollup do the 2007 boxes need?', /Exchange 2007 SP3 with Update Rollup 10 or later/],
    // Session 11 (q21): after a general rule, a fact the check judges asked of the same version is that fact's rule (was "I couldn't find").
    ['is exchange SE in a hyper-v vm supported', 'and with dynamic memory?', /^No: Microsoft's virtualization pages say dynamic memory/],
    // Session 13 (q23): the update level asked alone after whether a version runs on a Windows release is that pair's.
    ['can exchange 2019 run on windows server 2025', 'from which cu?', /^From Exchange 2019 CU15 or later/],
    ['does exchange 2019 run on windows server 2022', 'which cu?', /^From Exchange 2019 CU12/],
    // ... an update level of the version just dated ("and sp2?"), a bare "mainstream?" after a Windows date, and a hypervisor's
    // feature after the virtual-machine rule: the VM's ("what about snapshots?" got that rule's "Yes, with conditions" again).
    ['when did exchange 2010 support end', 'what about sp2?', /^Exchange 2010 SP2 has been out of support since 8 April 2014/],
    ['when does windows server 2019 support end', 'mainstream?', /^Windows Server 2019 left mainstream support on 9 January 2024/],
    ['is exchange 2019 supported on hyper-v', 'what about snapshots?', /^No: Microsoft's virtualization pages say virtual machine snapshots/],
    ['is exchange 2019 supported on vmware', 'snapshots too?', /^No: Microsoft's virtualization pages say virtual machine snapshots/],
    // Session 14 (q24): the same edition asked of LCR after CCR or SCC; "since when?" is the answer again (it names the update level).
    [
      'does exchange 2007 ccr need enterprise edition',
      'and lcr?',
      /^No: Exchange Enterprise Edition is not required; Exchange 2007 Standard Edition can be part of a local continuous replication/,
    ],
    ['does exchange 2007 scc need enterprise edition', 'what about lcr?', /^No: Exchange Enterprise Edition is not required/],
    ['can exchange 2019 run on windows server 2025', 'since when?', /^Yes: Exchange 2019 runs on Windows Server 2025 from Exchange 2019 CU15/],
    ['is exchange 2010 still supported', 'since when?', /^No: Exchange 2010 left extended support on 13 October 2020/],
    // ... and the release asked right after the latest update is that update's (the version's RTM date was given).
    ['what is the latest cu for exchange 2019', 'and when was it released?', /^The latest cumulative update of Exchange 2019 is CU15 .*released February 2025/],
    ['what is the latest cu for exchange 2016', 'when was that released?', /^The latest cumulative update of Exchange 2016 is CU23 .*released April 2022/],
    ['what is the latest cu for exchange 2019', 'and when was cu14 released?', /^Exchange 2019 CU14 was released in February 2024/],
    // ... and a follow-up led by "is that the same for", "so what about", "same with", "does the same go for".
    ['how many members can an exchange 2019 dag have', 'is that the same for 2010?', /^Up to 16 Mailbox servers in one DAG/],
    ['when does exchange 2019 support end', 'so what about SE?', /^Exchange Server Subscription Edition \(SE\) has no fixed end of support date/],
    ['how many databases can exchange 2019 standard mount', 'same with 2016?', /^Exchange 2016: up to 5 mounted databases per server on Standard Edition/],
    ['can exchange 2019 run on windows server 2025', 'is it the same for exchange 2013?', /^No: Exchange 2013 does not run on Windows Server 2025/],
    ['how many databases can exchange 2019 enterprise mount', 'does the same go for standard edition?', /^Exchange 2019: up to 5 mounted databases per server on Standard Edition/],
    // ... and "is that still true?" is the answer again.
    ['when did exchange 2019 support end', 'is that still true?', /^Exchange 2019 left extended support on 14 October 2025/],
  ] as const) {
    it(`"${before}" then "${next}" → ${answer}`, async () => {
      const { client } = mainClient();
      await client.sendActivity(before);
      const reply = await client.sendActivity(next);
      assert.match(firstText(reply), answer, describeReply(reply));
    });
  }

  for (const message of [
    'how to move mailboxes between databases exchange 2016',
    'how do i add a mailbox database copy in exchange 2019',
    'exchange 2019 how to add a disclaimer with a transport rule',
  ]) {
    it(`${JSON.stringify(message)}: steps no how-to row holds are said plainly to be missing, the nearest articles offered`, async () => {
      const { client } = mainClient();
      const reply = await client.sendActivity(message);
      assert.equal(firstText(reply), NO_STEPS, describeReply(reply));
      assert.ok(
        buttonTitles(reply).some((t) => /^EXB-\d{3}: /.test(t)),
        `offers the nearest articles: ${buttonTitles(reply).join(' | ')}`,
      );
    });
  }

  for (const [message, answer] of [
    // A row of the how-to table holds the task: what is held, and where the steps are.
    ['how to install a cu', /^Keep every server on a current cumulative update/],
    // The product said first, then the how-to: the how-to row still holds the task.
    // The how-to table holds these steps (dag-memberships.md): they come first.
    ['exchange 2019 - how do i add a node to the dag', /^Steps: .*Add-DatabaseAvailabilityGroupServer/],
    // The article's numbered list holds the steps: they are shown.
    ['how do i install an exchange 2003 cluster', /^Clustering Exchange 2003 takes Exchange 2003 Enterprise Edition/],
    // Session 9: "whats the procedure to" asks for steps as "what's the procedure to" does.
    ['whats the procedure to remove a server from a dag in exchange 2019', /^Steps: .*Remove-DatabaseAvailabilityGroupServer/],
    // Session 9: a migration asked as "the process to go from 2013 to 2016": the coexistence it needs first.
    ['whats the process to go from 2013 to 2016', /^Yes: .*Exchange 2013 CU10 or later/],
  ] as const) {
    it(`${JSON.stringify(message)} is answered, not met with "no step-by-step answer"`, async () => {
      const { client } = mainClient();
      const reply = await client.sendActivity(message);
      assert.match(firstText(reply), answer, describeReply(reply));
    });
  }

  for (const message of [
    // A pasted design naming a witness on a DC is the check's, not the general rule's.
    'pasted from design doc: Exchange SE x4, WS2022 Datacenter, DAG01, FSW on DC01, DNS RR for OWA',
    // A retired version on a release, asked whether supported: the check, its out-of-support heading first.
    'is exchange 2013 supported on windows server 2016',
    // Session 9: what a stretched DAG needs besides is not the sites rule; mounted databases are the edition's limit.
    'does a dag stretched over two sites need a witness',
  ]) {
    it(`${JSON.stringify(message)} is no direct answer`, async () => {
      const { client } = mainClient();
      const reply = await client.sendActivity(message);
      assert.doesNotMatch(firstText(reply), /^(Yes|No|Possible)\b/, describeReply(reply));
    });
  }
});
