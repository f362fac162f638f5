import { strict as assert } from 'node:assert';
import type { Activity, MessagingExtensionQuery } from 'botbuilder';
import { readConfig } from '../../bot/config';
import { memoryLogger } from '../../bot/log';
import { startServer, type RunningServer } from '../../bot/server';
import { cardTexts, messageActivity } from '../support/activities';
import { postActivity } from '../support/bot-http';
import { recentRecords } from '../support/records';
import { HOSTS, onHost } from '../support/hosts';
import { sharedKnowledgeBase } from '../support/shared-knowledge';

interface ResultAttachment {
  contentType: string;
  content: { body: unknown[] };
  preview: { contentType: string; content: { title: string; subtitle: string; text: string } };
}
interface QueryResponse {
  composeExtension: { type: string; attachmentLayout?: string; attachments?: ResultAttachment[]; text?: string };
}

/** The invoke Teams POSTs when someone types in the "Search KB" box of the compose area. */
function queryActivity(value: MessagingExtensionQuery): Partial<Activity> {
  return {
    ...messageActivity(undefined, {
      channelId: 'msteams',
      recipient: { id: '28:bot-app-id', name: 'Exchange Support Bot' },
      from: { id: '29:user', name: 'Admin', aadObjectId: '00000000-0000-0000-0000-000000000001' },
      conversation: { id: '19:general@thread.tacv2', conversationType: 'channel', isGroup: true } as Activity['conversation'],
      channelData: { tenant: { id: 'tenant-1' }, source: { name: 'compose' } },
    }),
    type: 'invoke',
    name: 'composeExtension/query',
    value,
  };
}

for (const host of HOSTS)
  describe(`message extension "Search KB" over HTTP (composeExtension/query) ${onHost(host)}`, () => {
    const knowledge = sharedKnowledgeBase();
    let bot: RunningServer;

    before(async () => {
      bot = await startServer({ host, config: { ...readConfig({}), port: 0 }, knowledge, log: memoryLogger() });
    });
    after(async () => {
      await bot.close();
    });

    async function search(value: MessagingExtensionQuery): Promise<QueryResponse['composeExtension']> {
      const { status, body } = await postActivity(bot.url, queryActivity(value));
      assert.equal(status, 200, JSON.stringify(body));
      return (body as QueryResponse).composeExtension;
    }
    const ids = (result: QueryResponse['composeExtension']) => (result.attachments ?? []).map((a) => a.preview.content.subtitle);
    const typed = (text: string, queryOptions = { skip: 0, count: 25 }): MessagingExtensionQuery => ({
      commandId: 'searchKb',
      parameters: [{ name: 'query', value: text }],
      queryOptions,
    });

    it('returns the matching articles, best first, as a list of insertable cards', async () => {
      const result = await search(typed('FE on MSCS'));
      assert.equal(result.type, 'result');
      assert.equal(result.attachmentLayout, 'list');
      assert.equal(ids(result)[0], 'KB837852');
      assert.deepEqual(
        ids(result),
        knowledge.search('FE on MSCS').hits.map((h) => h.article.id),
        'the same ranking as a chat question',
      );
    });

    it('finds the load-balancing article for "load balancing OWA" and the cluster-size article for "cluster nodes"', async () => {
      assert.equal(ids(await search(typed('load balancing OWA')))[0], 'EXB-002');
      assert.equal(ids(await search(typed('cluster nodes')))[0], 'EXB-003');
      assert.deepEqual(ids(await search(typed('EVS'))), ['EXB-004']);
    });

    it('each result is an Adaptive Card with title, KB id and summary, previewed as a thumbnail', async () => {
      const [first] = (await search(typed('FE on MSCS'))).attachments!;
      const article = knowledge.article('KB837852')!;
      assert.equal(first!.contentType, 'application/vnd.microsoft.card.adaptive');
      const texts = cardTexts({ attachments: [first!] });
      assert.equal(texts[0], article.title);
      assert.ok(texts[1]!.startsWith('KB837852 · reviewed'), texts[1]);
      assert.equal(texts[2], article.summary);
      assert.equal(first!.preview.contentType, 'application/vnd.microsoft.card.thumbnail');
      assert.equal(first!.preview.content.title, article.title);
      assert.equal(first!.preview.content.subtitle, 'KB837852');
      assert.ok(first!.preview.content.text.length <= 140);
    });

    it('opening the command (initialRun) lists every article by id', async () => {
      const result = await search({ commandId: 'searchKb', parameters: [{ name: 'initialRun', value: 'true' }], queryOptions: { skip: 0, count: 25 } });
      assert.deepEqual(ids(result), knowledge.articles.map((a) => a.id).sort());
    });

    it('pages with queryOptions skip and count', async () => {
      const all = ids(await search(typed('cluster nodes')));
      assert.ok(all.length >= 3);
      assert.deepEqual(ids(await search(typed('cluster nodes', { skip: 1, count: 2 }))), all.slice(1, 3));
      // Junk from the client falls back to the first page rather than an empty or failed answer.
      assert.deepEqual(ids(await search(typed('cluster nodes', { skip: 'x', count: -3 } as never))), all);
    });

    it('returns an empty result list for a query nothing answers', async () => {
      const result = await search(typed('what is the weather in Paris'));
      assert.equal(result.type, 'result');
      assert.deepEqual(result.attachments, []);
    });

    it('answers an unknown command with a message rather than an error', async () => {
      const result = await search({ commandId: 'somethingElse', parameters: [{ name: 'query', value: 'NLB' }] });
      assert.equal(result.type, 'message');
      assert.match(result.text!, /Unknown command/);
    });

    it('leaves the conversation alone: a query is not a chat message and records nothing', async () => {
      await search(typed('how do I fix the office printer'));
      const recorded = await recentRecords(bot.records, 'unanswered');
      assert.ok(!recorded.some((q) => q.question.includes('office printer')));
    });
  });
