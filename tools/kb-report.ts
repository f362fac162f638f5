import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BlobRecordStore } from '../bot/records/blob-record-store';
import { OwnerRecords } from '../bot/records/owner-records';
import { readStorageConfig } from '../bot/storage/storage-config';
import { isoDay, parseDateRange, type DateRange } from '../knowledge/owners/date-range';
import { isOwnerRecord, type OwnerRecord } from '../knowledge/owners/records';
import { buildReport, reportCsv, reportMarkdown, type KnowledgeReport } from '../knowledge/owners/report';

const USAGE = `Usage: npm run kb:report -- [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--out DIR] [--bot URL | --blob]

Writes kb-report-FROM-TO.md and .csv for the date range (default: the last 7 days).
Reads the records from Azure Blob storage when STORAGE=blob (or --blob; AZURE_STORAGE_CONNECTION_STRING
and AZURE_STORAGE_CONTAINER as for the bot), otherwise from the running local bot (--bot, default
http://127.0.0.1:$PORT or :3978), whose records are in memory.`;

export interface ReportRun {
  report: KnowledgeReport;
  markdownFile: string;
  csvFile: string;
}

/** `npm run kb:report`, callable from tests: reads the records, writes the two files, returns what it wrote. */
export async function runReport(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<ReportRun> {
  const { values } = parseArgs({
    args: [...argv],
    options: { from: { type: 'string' }, to: { type: 'string' }, out: { type: 'string' }, bot: { type: 'string' }, blob: { type: 'boolean' }, help: { type: 'boolean' } },
    strict: true,
  });
  if (values.help) throw new UsageError(USAGE);
  const range = parseDateRange(values.from, values.to);
  const records =
    values.blob || (env.STORAGE === 'blob' && !values.bot) ? await fromBlob(env, range) : await fromBot(values.bot ?? `http://127.0.0.1:${env.PORT || '3978'}`, range);
  const report = buildReport(records, range);
  const out = resolve(values.out ?? '.');
  mkdirSync(out, { recursive: true });
  const base = join(out, `kb-report-${isoDay(range.from)}-${isoDay(range.to)}`);
  writeFileSync(`${base}.md`, reportMarkdown(report));
  writeFileSync(`${base}.csv`, reportCsv(report));
  return { report, markdownFile: `${base}.md`, csvFile: `${base}.csv` };
}

export class UsageError extends Error {}

async function fromBlob(env: NodeJS.ProcessEnv, range: DateRange): Promise<OwnerRecord[]> {
  const config = readStorageConfig({ ...env, STORAGE: 'blob' });
  if (config.kind !== 'blob') throw new Error('unreachable');
  return new OwnerRecords(new BlobRecordStore(config.connectionString, config.container), () => undefined).listAll(range.from, range.to);
}

async function fromBot(url: string, range: DateRange): Promise<OwnerRecord[]> {
  const base = new URL(url);
  // The admin route answers loopback requests only; refuse to send the request anywhere else.
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(base.hostname)) throw new UsageError(`--bot must be a loopback address (127.0.0.1, localhost), got ${base.hostname}`);
  const endpoint = new URL(`/admin/records?from=${isoDay(range.from)}&to=${isoDay(range.to)}`, base);
  let response: Response;
  try {
    response = await fetch(endpoint);
  } catch (error) {
    throw new UsageError(`no bot answering at ${base.origin} (${(error as Error).message}). Start it with npm start, or use --blob.`);
  }
  if (!response.ok) throw new Error(`${endpoint.pathname} answered ${response.status}: ${await response.text()}`);
  const body = (await response.json()) as { records?: unknown[] };
  return (body.records ?? []).filter(isOwnerRecord);
}

if (require.main === module) {
  if (existsSync('.env')) process.loadEnvFile('.env');
  runReport(process.argv.slice(2), process.env).then(
    ({ report, markdownFile, csvFile }) => {
      const t = report.totals;
      console.log(
        `${t.questionsAnswered} answers, ${t.unanswered} without an answer (${report.unanswered.length} groups), ${t.likes} 👍, ${t.dislikes} 👎, ${t.suggestionsPicked} suggestions picked`,
      );
      console.log(`Wrote ${markdownFile}\nWrote ${csvFile}`);
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = error instanceof UsageError ? 2 : 1;
    },
  );
}
