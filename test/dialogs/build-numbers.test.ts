import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../knowledge/helpers';
import { VERDICT_LABELS } from '../../knowledge';
import { allCardText, isCard, sendAll } from './card-reading';
import { describeReply, mainClient } from './dialog-fixtures';

describe('A message with an Exchange build number (main dialog)', () => {
  it('says what the build is, then gives the verdict: an old CU of a retired version is to be updated first', async () => {
    const { client } = mainClient();
    const replies = await sendAll(client, 'we run 15.2.1118.7 on one mailbox server, windows server 2019 standard, is that supported?');
    assert.equal(replies[0]?.text, '15.2.1118.7 is Exchange 2019 CU12, released April 2022. Exchange 2019 CU12 is more than one CU behind: update to CU14 or CU15.');
    const verdict = replies.find(isCard);
    assert.ok(verdict, `a verdict card follows: ${replies.map(describeReply).join(' | ')}`);
    const text = allCardText(verdict);
    // Session 7 policy: Exchange 2019 is retired; the CU is the first condition, not a break.
    assert.ok(text.includes(VERDICT_LABELS['supported-with-conditions']), text);
    assert.match(text, /Out of support since 14 October 2025/);
    assert.match(text, /Update to Exchange 2019 CU14 or CU15 first/);
  });

  it('says what a current build is before asking what the check still needs', async () => {
    const { client } = mainClient();
    const replies = await sendAll(client, 'our DAG runs Version 15.2 (Build 1748.10) on Windows 2022, is it supported?');
    assert.equal(replies[0]?.text, '15.2.1748.10 is Exchange 2019 CU15, released February 2025.');
    assert.ok(replies.length >= 2, 'the check goes on');
  });

  // Session 14 (lead): the search after the build's line found nothing and said "I couldn't find an answer".
  for (const question of ['what build is 15.2.1748.10', 'what is 15.1.2507.6?', 'which exchange version is Version 15.2 (Build 1748.10)']) {
    it(`answers "${question}" with the build's line alone`, async () => {
      const { client } = mainClient();
      const replies = await sendAll(client, question);
      assert.equal(replies.length, 1, replies.map(describeReply).join(' | '));
      assert.match(String(replies[0]?.text), /^15\.[12]\.\d+\.\d+ is Exchange 20(16|19) CU\d+, released /);
    });
  }

  it('says nothing of builds in a message without one', async () => {
    const { client } = mainClient();
    const replies = await sendAll(client, 'Can I put an Exchange 2003 front-end on a cluster?');
    assert.ok(!replies.some((r) => /released/.test(String(r.text ?? ''))), replies.map(describeReply).join(' | '));
  });
});

describe('A pasted listing (main dialog)', () => {
  it('gets a card with a section per group (label, servers, build, verdict and why), then a ticket summary of every server', async () => {
    const { client } = mainClient();
    const paste = readFileSync(join(REPO_ROOT, 'test/fixtures/listings/e2019-dag-mixed-cu.txt'), 'utf8');
    const replies = await sendAll(client, paste);
    const card = replies.find(isCard);
    assert.ok(card, replies.map(describeReply).join(' | '));
    const text = allCardText(card);
    assert.match(text, /I read 3 servers in 3 groups from your paste\./);
    // Exchange 2019 is past its end of support: every group says so first, as the verdict card does.
    assert.match(text, /Out of support since 14 October 2025/);
    // The ticket summary, pasted into a ticket as it is, starts with the same line (issue 21).
    const ticket = replies.filter((r) => /Ticket summary/.test(String(r.text ?? ''))).map((r) => String(r.text));
    assert.match(ticket[0] ?? '', /^\*\*Ticket summary\*\* \(every server\)\n\nOut of support since 14 October 2025: Exchange 2019\./);
    assert.match(ticket[0] ?? '', /- LON-MBX01; [^\n]*; Supported with conditions \(while Exchange 2019 was supported\)/);
    assert.match(text, /Exchange 2019 CU12: mailbox, DAG DAG-LON/);
    assert.match(text, /LON-MBX02/);
    assert.match(text, /Update to Exchange 2019 CU14 or CU15 first: the cumulative update named had stopped getting security updates/);
    assert.match(text, /15\.2\.1118\.7 is Exchange 2019 CU12, released April 2022\./);
    // Neither LON-MBX02 nor the Edge server shows a Windows line: asked once, naming both.
    assert.match(text, /Which Windows .*\(for LON-MBX02, DMZ-EDGE01\)/);
    const summary = replies
      .filter((r) => !isCard(r))
      .map((r) => String(r.text))
      .join('\n');
    assert.match(summary, /Ticket summary/);
    for (const name of ['LON-MBX01', 'LON-MBX02', 'DMZ-EDGE01']) assert.ok(summary.includes(`- ${name}; `), `${name} in ${summary}`);
  });
});
