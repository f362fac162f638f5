import { strict as assert } from 'node:assert';
import { allCardText, isCard, sendAll } from './card-reading';
import { describeReply, mainClient } from './dialog-fixtures';
import { MAX_KEPT_LISTING_CHARACTERS, memoryLastListingStore } from '../../dialogs/listing-follow-up';
import { ListingFollowUp } from '../../dialogs/listing-follow-up';
import { CardReplies } from '../../bot/cards/card-replies';
import { sharedKnowledgeBase } from '../support/shared-knowledge';

/**
 * Two Exchange 2010 SP3 DAG members on Windows Server 2008 R2, as a ticket often gives it: the Windows edition
 * is not shown, and decides the verdict (a DAG's failover clustering needs Enterprise or Datacenter on 2008 R2).
 * (The Exchange edition decides nothing here since either 2010 edition may be a DAG member, D-8.)
 */
const PASTE = [
  'Name      ServerRole AdminDisplayVersion',
  '----      ---------- -------------------',
  'ED-MB1    Mailbox    Version 14.3 (Build 123.4)',
  'ED-MB2    Mailbox    Version 14.3 (Build 123.4)',
  '',
  'Name          : DAG-ED',
  'Servers       : {ED-MB1, ED-MB2}',
  'WitnessServer : ED-FS',
  '',
  'OS: Windows Server 2008 R2',
].join('\n');

const text = (replies: Awaited<ReturnType<typeof sendAll>>) => replies.map((r) => (isCard(r) ? allCardText(r) : String(r.text ?? ''))).join('\n');

describe("An answer to a pasted listing's question (dialogs/listing-follow-up.ts)", () => {
  it('judges the same servers again with the answer ("all enterprise"), without a new paste', async () => {
    const { client } = mainClient();
    const first = text(await sendAll(client, PASTE));
    assert.match(first, /Which Windows edition\? \(for ED-MB1, ED-MB2\)/);
    const again = await sendAll(client, 'all enterprise');
    const said = text(again);
    assert.match(String(again[0]?.text), /^Taking "all enterprise" for the servers of your last paste/);
    assert.match(said, /I read 2 servers in 1 group from your paste\./);
    assert.ok(!/Which Windows edition/.test(said), 'the edition is no longer asked');
    assert.match(said, /ED-MB1/);
  });

  it('takes a later answer as a correction of an earlier one, and leaves questions and new messages to their own routes', async () => {
    const { client } = mainClient();
    await sendAll(client, PASTE);
    await sendAll(client, 'all enterprise');
    const corrected = text(await sendAll(client, 'standard edition'));
    assert.match(corrected, /Taking "standard edition"/);
    // Windows Server 2008 R2 Standard has no failover clustering, so no DAG: the verdict changed with the answer.
    assert.match(corrected, /Not supported/);
    // A question is not an answer to the listing: it goes to the ordinary routes.
    const question = await sendAll(client, 'what is a DAG?');
    assert.ok(!/Taking "/.test(String(question[0]?.text ?? '')), question.map(describeReply).join(' | '));
  });

  it('answers one server pasted as command output with the listing reply; a line typed by hand stays a question', async () => {
    const { client } = mainClient();
    const one = [
      '[PS] C:\\>Get-ExchangeServer EX19-01 | Format-List Name,ServerRole,Edition,AdminDisplayVersion',
      '',
      'Name                : EX19-01',
      'ServerRole          : Mailbox',
      'Edition             : Standard',
      'AdminDisplayVersion : Version 15.2 (Build 1748.10)',
      '',
      'single server, no DAG, on Windows Server 2019 Standard',
    ].join('\n');
    const said = text(await sendAll(client, one));
    assert.match(said, /I read 1 server in 1 group from your paste\./);
    assert.match(said, /EX19-01/);
    assert.match(said, /Exchange 2019 CU15/);
    const typed = text(await sendAll(mainClient().client, 'is EX01 on 15.2.1748.10 supported on windows 2019?'));
    assert.ok(!/from your paste/.test(typed), typed.slice(0, 300));
  });

  it('takes "CU12" as the update of the servers whose paste names only their version', async () => {
    const { client } = mainClient();
    const first = text(await sendAll(client, 'EX01 - Exchange 2019 - mailbox\nEX02 - Exchange 2019 - mailbox\n\nno DAG, Windows Server 2022 Standard'));
    assert.match(first, /cumulative update|Which update/i, first.slice(0, 600));
    const again = await sendAll(client, 'CU12');
    assert.match(String(again[0]?.text), /^Taking "CU12" for the servers of your last paste/);
    // Session 7 policy: CU12 of retired Exchange 2019 is an update to make first, named as the condition.
    assert.match(text(again), /Update to Exchange 2019 CU14 or CU15 first/);
  });

  it('keeps a listing in the store only up to its bound, and forgets it when asked', async () => {
    const kb = sharedKnowledgeBase();
    const store = memoryLastListingStore(2);
    const follow = new ListingFollowUp(kb, new CardReplies(kb), store);
    const sent: unknown[] = [];
    const context = {
      activity: { conversation: { id: 'c1' } },
      sendActivity: async (a: unknown) => void sent.push(a),
      sendActivities: async (a: unknown[]) => void sent.push(...a),
    } as unknown as Parameters<ListingFollowUp['paste']>[0];
    assert.equal(await follow.paste(context, PASTE), true);
    assert.equal((await store.get(context))?.text, PASTE);
    const long = `${PASTE}\n${'#'.repeat(MAX_KEPT_LISTING_CHARACTERS)}`;
    assert.equal(await follow.paste(context, long), true);
    assert.equal(await store.get(context), undefined, 'a paste beyond the bound is answered but not kept');
    assert.equal(await follow.answer(context, 'all enterprise'), false);
    await follow.paste(context, PASTE);
    await follow.forget(context);
    assert.equal(await store.get(context), undefined);
  });
});
