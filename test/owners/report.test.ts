import { strict as assert } from 'node:assert';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Activity } from 'botbuilder';
import { REPORT_REFUSED } from '../../bot/admin/report-command';
import { readConfig } from '../../bot/config';
import { memoryLogger } from '../../bot/log';
import { BlobRecordStore } from '../../bot/records/blob-record-store';
import { startServer, type RunningServer } from '../../bot/server';
import { parseDateRange } from '../../knowledge/owners/date-range';
import type { OwnerRecord } from '../../knowledge/owners/records';
import { buildReport, reportCsv, reportMarkdown, type KnowledgeReport } from '../../knowledge/owners/report';
import { runReport } from '../../tools/kb-report';
import { Azurite } from '../support/azurite';
import { messageActivity } from '../support/activities';
import { exchange } from '../support/bot-http';
import { driveScenario, UNANSWERED } from './report-scenario';
import { sharedKnowledgeBase } from '../support/shared-knowledge';

/** The exact figures of {@link driveScenario}. */
function assertScenarioReport(report: KnowledgeReport): void {
  assert.deepEqual(report.totals, { questionsAnswered: 4, unanswered: 4, likes: 1, dislikes: 1, suggestionsPicked: 1, distinctUsers: 3 });
  assert.deepEqual(
    report.unanswered.map((g) => [g.example, g.count]),
    [
      [UNANSWERED[0], 3],
      [UNANSWERED[3], 1],
    ],
  );
  assert.equal(report.dislikes.length, 1);
  assert.equal(report.dislikes[0]!.question, 'what happens to an EVS when a node fails');
  assert.equal(report.dislikes[0]!.answer, 'EXB-004');
  assert.equal(report.suggestions.length, 1);
  assert.equal(report.suggestions[0]!.question, 'what happens to an EVS when a node fails');
  assert.equal(report.suggestions[0]!.fromArticleId, 'EXB-004');
  assert.equal(report.articles.find((a) => a.articleId === 'EXB-004')?.count, 2);
  assert.equal(report.articles.find((a) => a.articleId === 'EXB-004')?.dislikes, 1);
  assert.deepEqual(report.verdicts, [{ verdict: 'not-supported', count: 1 }]);
  assert.deepEqual(report.notCovered, []);
}

const today = () => new Date().toISOString().slice(0, 10);

describe('knowledge report (npm run kb:report, the "kb report" chat command)', function () {
  this.timeout(60_000);
  const knowledge = sharedKnowledgeBase();
  const out = mkdtempSync(join(tmpdir(), 'kb-report-'));
  after(() => rmSync(out, { recursive: true, force: true }));

  describe('building the report (pure)', () => {
    const at = (day: string) => `${day}T10:00:00.000Z`;
    const base = { channel: 'msteams', conversation: 'c', user: 'u' };
    const records: OwnerRecord[] = [
      {
        ...base,
        kind: 'answer',
        at: at('2026-11-02'),
        ref: 'r1',
        question: 'q',
        subject: { kind: 'verdict', verdict: 'not-covered', facts: { version: '2016', ha: 'dag' }, rules: [] },
      },
      {
        ...base,
        kind: 'answer',
        at: at('2026-11-03'),
        ref: 'r2',
        question: 'q',
        subject: { kind: 'verdict', verdict: 'not-covered', facts: { ha: 'dag', version: '2016' }, rules: [] },
      },
      { ...base, kind: 'answer', at: at('2026-12-09'), ref: 'r3', question: 'outside the range', subject: { kind: 'article', articleId: 'EXB-001', via: 'search', related: [] } },
      { ...base, kind: 'unanswered', at: at('2026-11-04'), question: '| injected | [link](http://x) **bold**' },
    ];
    const report = buildReport(records, parseDateRange('2026-11-01', '2026-11-30'));

    it('counts "Not covered" verdicts by their facts, whatever their order, and ignores records outside the range', () => {
      assert.deepEqual(report.notCovered, [{ facts: 'ha=dag, version=2016', count: 2 }]);
      assert.equal(report.totals.questionsAnswered, 2);
      assert.deepEqual(report.articles, []);
    });

    it('escapes user text in Markdown (no extra cells, links or formatting) and in CSV (no formulas)', () => {
      const markdown = reportMarkdown(report);
      assert.ok(markdown.includes('\\| injected \\| \\[link\\]\\(http://x\\) \\*\\*bold\\*\\*'), markdown);
      const csv = reportCsv({ ...report, unanswered: [{ example: '=1+1', count: 1, wordings: [{ text: '=1+1', count: 1 }] }] });
      assert.ok(csv.includes("'=1+1"), csv);
    });

    it('refuses a date that is not one, a reversed range and more than a year', () => {
      assert.throws(() => parseDateRange('2026-02-30', undefined), /"from" must be a date/);
      assert.throws(() => parseDateRange('2026-11-02', '2026-11-01'), /after/);
      assert.throws(() => parseDateRange('2024-01-01', '2026-01-01'), /at most 366 days/);
    });
  });

  describe('from a running local bot (records in memory)', () => {
    let bot: RunningServer;
    const log = memoryLogger();
    before(async () => {
      bot = await startServer({ config: { ...readConfig({ ADMIN_AAD_OBJECT_IDS: 'AAD-ADMIN-1, aad-admin-2' }), port: 0 }, knowledge, log });
      await driveScenario(bot.url, 'memory');
    });
    after(() => bot.close());

    it('npm run kb:report --bot writes Markdown and CSV with the exact counts', async () => {
      const run = await runReport(['--bot', bot.url, '--from', today(), '--to', today(), '--out', out], {});
      assertScenarioReport(run.report);
      const markdown = readFileSync(run.markdownFile, 'utf8');
      assert.match(markdown, /^# Knowledge report \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}$/m);
      // The wordings are user text, so their brackets are escaped.
      assert.match(markdown, /^\| 3 \| how do I reset the office printer \| How do I reset the office printers\? \\\(1\\\); reset office printer \\\(1\\\) \|$/m);
      const csv = readFileSync(run.csvFile, 'utf8');
      assert.match(csv, /^unanswered,how do I reset the office printer,,reset office printer,1\r$/m);
      assert.ok(csv.includes(`"'=HYPERLINK(""x"") does not say how many nodes"`), csv);
    });

    it('the admin routes answer loopback requests only: a relayed one gets 404 and is logged', async () => {
      const response = await fetch(`${bot.url}/admin/records`, { headers: { 'x-forwarded-for': '203.0.113.9' } });
      assert.equal(response.status, 404);
      assert.ok(log.lines.some((l) => l.message === 'admin route refused: not a loopback request'));
      assert.equal((await fetch(`${bot.url}/admin/reload`, { method: 'POST', headers: { 'x-forwarded-for': '203.0.113.9' } })).status, 404);
    });

    it('"kb report" in Teams from a configured admin (AAD object id, any case) gets the report', async () => {
      const from = { id: '29:admin', aadObjectId: 'aad-admin-1' } as Activity['from'];
      const [reply] = await exchange(bot.url, messageActivity('kb report', { channelId: 'msteams', from }));
      assert.match(reply!.text ?? '', /Knowledge report/);
      assert.match(reply!.text ?? '', /Questions without an answer/);
    });

    it('anyone else gets a polite refusal, which is logged: a Teams user not in the list, and every other channel', async () => {
      const before = log.lines.length;
      const cases: Array<Partial<Activity>> = [
        { channelId: 'msteams', from: { id: '29:user', aadObjectId: 'aad-someone-else' } as Activity['from'] },
        { channelId: 'msteams', from: { id: '29:user' } as Activity['from'] },
        // Web Chat and the Emulator vouch for no identity: an aadObjectId there proves nothing.
        { channelId: 'webchat', from: { id: 'user', aadObjectId: 'aad-admin-1' } as Activity['from'] },
      ];
      for (const overrides of cases) {
        const replies = await exchange(bot.url, messageActivity('kb report 2026-11-01 2026-11-30', overrides));
        assert.deepEqual(
          replies.map((r) => r.text),
          [REPORT_REFUSED],
        );
      }
      const refusals = log.lines.slice(before).filter((l) => l.message === 'admin command refused');
      assert.equal(refusals.length, 3);
      assert.ok(!JSON.stringify(refusals).includes('aad-someone-else'), 'the user is logged as a hash');
    });
  });

  describe('from Azure Blob storage (real Azurite)', () => {
    let azurite: Azurite;
    let bot: RunningServer;
    const container = `report-${randomUUID()}`;
    before(async () => {
      azurite = await Azurite.start();
      bot = await startServer({ config: { ...readConfig({}), port: 0 }, knowledge, records: new BlobRecordStore(azurite.connectionString, container), log: memoryLogger() });
      await driveScenario(bot.url, 'blob');
    });
    after(async () => {
      await bot?.close();
      await azurite?.dispose();
    });

    it('npm run kb:report with STORAGE=blob reads the records from the container, with the same exact counts', async () => {
      const env = { STORAGE: 'blob', AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString, AZURE_STORAGE_CONTAINER: container };
      const run = await runReport(['--out', out], env);
      assertScenarioReport(run.report);
      // A range without records is an empty report, not an error.
      const empty = await runReport(['--from', '2020-01-01', '--to', '2020-01-31', '--out', out], env);
      assert.equal(empty.report.totals.unanswered, 0);
      assert.match(readFileSync(empty.markdownFile, 'utf8'), /None\./);
    });
  });
});
