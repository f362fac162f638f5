import { strict as assert } from 'node:assert';
import type { SupportCheckResult } from '../../dialogs/support-check-dialog';
import { allCardText, sendAll } from './card-reading';
import { mainClient } from './dialog-fixtures';

/*
 * A guided-check button pressed after the check ended (an earlier card's "CCR"; the fuzz found it with
 * FUZZ_SEED=528119580, a Teams messageBack carrying the label as text): it changes that fact, as "what if
 * CCR?" would. Read from its label as a statement, it added a second server group ("we also have a CCR
 * cluster") whose Mailbox role and CCR then sat beside the first setup's Windows 2003 in one design.
 */
describe('a question button pressed after the verdict', () => {
  it('changes that fact of the setup judged, as a what-if, and is never read from its label as another server of a design', async () => {
    const { client } = mainClient();
    // Hub Transport servers: CCR (a Mailbox server's) read from the label made "another server" of them.
    const first = await sendAll(client, 'Exchange 2007 SP3 Hub Transport servers with Windows NLB on Windows Server 2003 x64');
    assert.match(first.map(allCardText).join('\n'), /Supported with conditions/);
    const replies = await sendAll(client, { type: 'message', text: 'Cluster continuous replication (CCR)', value: { dimension: 'ha', value: 'ccr' } });
    const text = replies.map((r) => (r.attachments?.length ? allCardText(r) : (r.text ?? ''))).join('\n');
    assert.doesNotMatch(text, /added to the design|The design as a whole/, 'no second server group');
    const result = client.dialogTurnResult.result as SupportCheckResult | undefined;
    if (result?.groups) assert.equal(result.groups.length, 1);
    // Judged as "what if CCR?" for these Hub Transport servers (Exchange 2007 clusters only the Mailbox role).
    assert.match(text, /What changed: Cluster continuous replication \(CCR\) instead of Windows Network Load Balancing \(NLB\)\. Now: Not supported/);
    assert.doesNotMatch(text, /Which /, 'no question for a second server group');
  });

  it('on a single mailbox server, CCR instead of no high availability', async () => {
    const { client } = mainClient();
    await sendAll(client, 'Exchange 2007 SP3 Enterprise, a single mailbox server on Windows Server 2008 Enterprise x64');
    const replies = await sendAll(client, { type: 'message', text: 'Cluster continuous replication (CCR)', value: { dimension: 'ha', value: 'ccr' } });
    const text = replies.map((r) => (r.attachments?.length ? allCardText(r) : (r.text ?? ''))).join('\n');
    assert.match(text, /What changed: Cluster continuous replication \(CCR\)/);
  });

  it('a value the setup cannot take leaves the verdict standing and says why', async () => {
    const { client } = mainClient();
    await sendAll(client, 'Exchange SE, a single mailbox server on Windows Server 2022 Standard');
    // Exchange SE has no CCR (Exchange 2007 only): the button is from another check.
    const replies = await sendAll(client, { type: 'message', text: 'Cluster continuous replication (CCR)', value: { dimension: 'ha', value: 'ccr' } });
    const text = replies.map((r) => (r.attachments?.length ? allCardText(r) : (r.text ?? ''))).join('\n');
    assert.match(text, /belongs to a question of an earlier card/);
    assert.doesNotMatch(text, /Which /);
  });
});
