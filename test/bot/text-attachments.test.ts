import { strict as assert } from 'node:assert';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readConfig } from '../../bot/config';
import { memoryLogger } from '../../bot/log';
import { startServer, type RunningServer } from '../../bot/server';
import { MAX_ATTACHMENT_BYTES, readTextAttachment } from '../../bot/text-attachments';
import { MAX_LISTING_LINES } from '../../knowledge';
import { generatedListing } from '../../bench/listings';
import { cardTexts, messageActivity } from '../support/activities';
import { exchange } from '../support/bot-http';
import { REPO_ROOT } from '../knowledge/helpers';
import { sharedKnowledgeBase } from '../support/shared-knowledge';

const TEAMS_FILE = 'application/vnd.microsoft.teams.file.download.info';
const PASTE = readFileSync(join(REPO_ROOT, 'test/fixtures/listings/e2019-dag-mixed-cu.txt'), 'utf8');

/** A file store on loopback, as SharePoint (Teams) or Direct Line (Web Chat) keep uploads: path → body. */
async function fileStore(files: Record<string, string | Buffer>): Promise<{ url: string; server: Server; requests: string[] }> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const body = files[req.url ?? ''];
    if (body === undefined) {
      res.statusCode = 404;
      res.end();
      return;
    }
    res.setHeader('content-type', 'text/plain');
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, requests };
}

describe('.txt attachments read as listings (bot/text-attachments.ts)', () => {
  let store: Awaited<ReturnType<typeof fileStore>>;
  before(async () => {
    store = await fileStore({
      '/estate.txt': PASTE,
      '/huge.txt': Buffer.alloc(MAX_ATTACHMENT_BYTES + 10, 'a'),
      '/crlf.txt': PASTE.replace(/\n/g, '\r\n'),
    });
  });
  after(() => new Promise<void>((resolve) => store.server.close(() => resolve())));
  const options = () => ({ allowLoopbackHttp: true });

  it('reads a Teams file attachment and a Web Chat upload from their download address', async () => {
    const teams = await readTextAttachment([{ contentType: TEAMS_FILE, name: 'estate.txt', content: { downloadUrl: `${store.url}/estate.txt`, fileType: 'txt' } }], options());
    assert.deepEqual(teams, { kind: 'text', name: 'estate.txt', text: PASTE });
    const webChat = await readTextAttachment([{ contentType: 'text/plain', name: 'estate.txt', contentUrl: `${store.url}/estate.txt` }], options());
    assert.equal(webChat.kind, 'text');
  });

  it('reads inline text and data: URLs without any download', async () => {
    const before = store.requests.length;
    assert.deepEqual(await readTextAttachment([{ contentType: 'text/plain', name: 'a.txt', content: 'EX01 15.2.1544.4' }]), {
      kind: 'text',
      name: 'a.txt',
      text: 'EX01 15.2.1544.4',
    });
    const data = `data:text/plain;base64,${Buffer.from(PASTE).toString('base64')}`;
    assert.deepEqual(await readTextAttachment([{ contentType: 'text/plain', name: 'b.txt', contentUrl: data }]), { kind: 'text', name: 'b.txt', text: PASTE });
    assert.equal(store.requests.length, before);
  });

  it('refuses a file beyond the bound with a message naming it, and reads no more than the bound', async () => {
    const huge = await readTextAttachment([{ contentType: 'text/plain', name: 'huge.txt', contentUrl: `${store.url}/huge.txt` }], options());
    assert.equal(huge.kind, 'refused');
    assert.match(huge.kind === 'refused' ? huge.message : '', /^huge\.txt is .*; I read text files of up to 512 KB/);
  });

  it("downloads only from the channels' file stores: another host, plain http or a missing file is refused, never fetched", async () => {
    const before = store.requests.length;
    const elsewhere = await readTextAttachment([{ contentType: 'text/plain', name: 'x.txt', contentUrl: `${store.url}/estate.txt` }]);
    assert.deepEqual(elsewhere, { kind: 'refused', name: 'x.txt', message: 'x.txt is stored somewhere I do not download from, so I could not read it.' });
    const other = await readTextAttachment([{ contentType: 'text/plain', name: 'y.txt', contentUrl: 'https://example.org/y.txt' }], options());
    assert.equal(other.kind, 'refused');
    assert.equal(store.requests.length, before, 'nothing was downloaded');
    const missing = await readTextAttachment([{ contentType: 'text/plain', name: 'gone.txt', contentUrl: `${store.url}/gone.txt` }], options());
    assert.deepEqual(missing, { kind: 'refused', name: 'gone.txt', message: 'I could not download gone.txt (the file store answered 404).' });
  });

  it('leaves cards, images and other files to the rest of the bot', async () => {
    assert.deepEqual(await readTextAttachment(undefined), { kind: 'none' });
    assert.deepEqual(await readTextAttachment([{ contentType: 'image/png', name: 'a.png', contentUrl: `${store.url}/a.png` }]), { kind: 'none' });
    assert.deepEqual(await readTextAttachment([{ contentType: 'application/vnd.microsoft.card.adaptive', content: {} }]), { kind: 'none' });
  });

  describe('through the bot (real server on loopback)', () => {
    let bot: RunningServer;
    const log = memoryLogger();
    before(async () => {
      bot = await startServer({ config: { ...readConfig({}), port: 0 }, knowledge: sharedKnowledgeBase(), log, attachments: { allowLoopbackHttp: true } });
    });
    after(() => bot.close());

    it('a Teams .txt attachment with a listing gets the listing card and the ticket summary', async () => {
      const replies = await exchange(
        bot.url,
        messageActivity('', { attachments: [{ contentType: TEAMS_FILE, name: 'estate.txt', content: { downloadUrl: `${store.url}/crlf.txt`, fileType: 'txt' } }] }),
      );
      const card = cardTexts(replies[0]!).join('\n');
      assert.match(card, /I read 3 servers in 3 groups from your paste\./);
      assert.match(card, /Exchange 2019 CU12: mailbox, DAG DAG-LON/);
      assert.match(String(replies[1]!.text), /Ticket summary/);
    });

    it('a pasted listing longer than a question may be (a 2,000-line one) is read as a listing, not refused', async () => {
      const text = generatedListing();
      assert.ok(text.length > 4_000);
      const replies = await exchange(bot.url, messageActivity(text));
      const card = cardTexts(replies[0]!).join('\n');
      assert.match(card, /I read \d{3} servers in \d+ groups? from your paste\./);
      const summary = replies
        .slice(1)
        .map((r) => String(r.text))
        .join('\n');
      for (const name of ['MBX001', 'MBX199', 'MBX398']) assert.ok(summary.includes(`- ${name}; `), name);
    });

    it('an answer to the question of a listing sent as a file judges that listing again, kept in conversation state', async () => {
      const conversation = { id: 'conv-listing-follow-up' } as NonNullable<Parameters<typeof messageActivity>[1]>['conversation'];
      const listing = ['EXA 15.2.1748.10 mailbox', 'EXB 15.2.1748.10 mailbox', ''].join('\n');
      const first = await exchange(bot.url, messageActivity('', { conversation, attachments: [{ contentType: 'text/plain', name: 'estate.txt', content: listing }] }));
      assert.match(cardTexts(first[0]!).join('\n'), /Which Windows Server release .*\(for EXA, EXB\)/);
      const again = await exchange(bot.url, messageActivity('all on Windows Server 2016 Standard', { conversation }));
      assert.match(String(again[0]!.text), /^Taking "all on Windows Server 2016 Standard" for the servers of your last paste/);
      // Exchange 2019 does not run on Windows Server 2016: judged with the answer, not asked again.
      assert.match(cardTexts(again[1]!).join('\n'), /Not supported/);
    });

    it('a listing beyond its bound gets a clear message naming the file and the bound', async () => {
      const lines = Array.from({ length: MAX_LISTING_LINES + 10 }, (_, n) => `EX${n} 15.2.1544.4`).join('\n');
      const replies = await exchange(bot.url, messageActivity('', { attachments: [{ contentType: 'text/plain', name: 'all.txt', content: lines }] }));
      assert.equal(
        replies[0]!.text,
        `all.txt has ${(MAX_LISTING_LINES + 10).toLocaleString('en-US')} lines; I read listings of up to ${MAX_LISTING_LINES.toLocaleString('en-US')} lines (a few thousand servers' worth). Please send it in parts, for example one site or one DAG at a time.`,
      );
      const none = await exchange(bot.url, messageActivity('', { attachments: [{ contentType: 'text/plain', name: 'notes.txt', content: 'just some notes' }] }));
      assert.match(String(none[0]!.text), /^I read notes\.txt but found no Exchange server listing in it\./);
    });
  });
});
