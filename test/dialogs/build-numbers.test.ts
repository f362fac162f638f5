import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../knowledge/helpers';
import { VERDICT_LABELS } from '../../knowledge';
import { allCardText, isCard, sendAll } from './card-reading';
import { describeReply, mainClient } from './dialog-fixtures';

describe('A message with an Exchange build number (main dialog)', () => {
  it('says what the build is, then gives the verdict: an old CU is not supported, and why', async () => {
    const { client } = mainClient();
    const replies = await sendAll(client, 'we run 15.2.1118.7, is that supported?');
    assert.equal(replies[0]?.text, '15.2.1118.7 is Exchange 2019 CU12, released April 2022. Exchange 2019 CU12 is more than one CU behind: update to CU14 or CU15.');
    const verdict = replies.find(isCard);
    assert.ok(verdict, `a verdict card follows: ${replies.map(describeReply).join(' | ')}`);
    const text = allCardText(verdict);
    assert.ok(text.includes(VERDICT_LABELS['not-supported']), text);
    assert.match(text, /no longer gets security updates/);
  });

  it('says what a current build is before asking what the check still needs', async () => {
    const { client } = mainClient();
    const replies = await sendAll(client, 'our DAG runs Version 15.2 (Build 1748.10) on Windows 2022, is it supported?');
    assert.equal(replies[0]?.text, '15.2.1748.10 is Exchange 2019 CU15, released February 2025.');
    assert.ok(replies.length >= 2, 'the check goes on');
  });

  it('says nothing of builds in a message without one', async () => {
    const { client } = mainClient();
    const replies = await sendAll(client, 'Can I put an Exchange 2003 front-end on a cluster?');
    assert.ok(!replies.some((r) => /released/.test(String(r.text ?? ''))), replies.map(describeReply).join(' | '));
  });
});

describe('A pasted listing (main dialog)', () => {
  it('gets the listing reply: each group with its label and verdict, and a ticket summary of every server', async () => {
    const { client } = mainClient();
    const paste = readFileSync(join(REPO_ROOT, 'test/fixtures/listings/e2019-dag-mixed-cu.txt'), 'utf8');
    const replies = await sendAll(client, paste);
    assert.equal(replies.length, 1, replies.map(describeReply).join(' | '));
    const text = String(replies[0]!.text);
    // Exchange 2019 is retired: said first, in the reply and in its ticket summary (issue 21).
    assert.match(
      text,
      /^\*\*Out of support since 14 October 2025: Exchange 2019\. Supported path: Exchange Server Subscription Edition\.\*\*\n\nI read 3 servers in 3 groups from your paste:/,
    );
    assert.match(text, /\*\*Ticket summary\*\*\n\nOut of support since 14 October 2025: Exchange 2019\./);
    assert.match(text, /- LON-MBX01; [^\n]*; Supported with conditions while Exchange 2019 was supported/);
    assert.match(
      text,
      /- \*\*Exchange 2019 CU12: mailbox, DAG DAG-LON\*\* \(LON-MBX02\): \*\*Not supported\*\*: The servers run a cumulative update that no longer gets security updates/,
    );
    assert.match(text, /15\.2\.1118\.7 is Exchange 2019 CU12, released April 2022\./);
    const summary = text.slice(text.indexOf('**Ticket summary**'));
    for (const name of ['LON-MBX01', 'LON-MBX02', 'DMZ-EDGE01']) assert.ok(summary.includes(`- ${name}; `), `${name} in ${summary}`);
  });
});
