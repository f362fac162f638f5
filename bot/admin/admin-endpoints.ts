import type { IncomingMessage } from 'node:http';
import type { Server } from 'restify';
import { formatProblem } from '../../knowledge';
import { isoDay, parseDateRange } from '../../knowledge/owners/date-range';
import type { ReloadResult } from '../knowledge-reload';
import type { Logger } from '../log';
import type { OwnerRecords } from '../records/owner-records';
import { adminRefusal } from './loopback';

export interface AdminEndpointOptions {
  records: OwnerRecords;
  reload: () => Promise<ReloadResult>;
  log: Logger;
}

/**
 * Routes for the machine the bot runs on, answered only to loopback requests that no proxy relayed,
 * for a loopback `Host` (404 to anyone else, as if they did not exist); a POST also needs a JSON
 * content type (415) and no `Origin` of another site (403), see {@link adminRefusal}:
 * - `GET /admin/records?from=YYYY-MM-DD&to=YYYY-MM-DD`: the owner records of a date range, which
 *   `npm run kb:report` reads from a local bot whose records are in memory;
 * - `POST /admin/reload`: validate the knowledge folder and swap it in (422 with the problems if not).
 */
export function registerAdminEndpoints(server: Server, options: AdminEndpointOptions): void {
  const { records, reload, log } = options;
  server.get('/admin/records', async (req, res) => {
    if (adminRefusal(req)) return refuse(req, res, log);
    const query = new URL(req.url ?? '/', 'http://localhost').searchParams;
    let range;
    try {
      range = parseDateRange(query.get('from') ?? undefined, query.get('to') ?? undefined);
    } catch (error) {
      res.send(400, { error: (error as Error).message });
      return;
    }
    res.send(200, { from: isoDay(range.from), to: isoDay(range.to), records: await records.listAll(range.from, range.to) });
  });
  server.post('/admin/reload', async (req, res) => {
    if (adminRefusal(req)) return refuse(req, res, log);
    const result = await reload();
    if (result.ok) res.send(200, result);
    else res.send(422, { ok: false, problems: result.problems.map(formatProblem) });
  });
}

function refuse(req: IncomingMessage, res: { send(status: number, body: unknown): void }, log: Logger): void {
  const { status, reason } = adminRefusal(req)!;
  const path = (req.url ?? '').split('?')[0]!.slice(0, 100);
  log('warn', 'admin route refused: not a loopback request', { path, status, reason });
  if (status === 404) res.send(404, { code: 'ResourceNotFound', message: `${path} does not exist` });
  else if (status === 415) res.send(415, { code: 'UnsupportedMediaType', message: `POST ${path} takes Content-Type: application/json` });
  else res.send(403, { code: 'Forbidden', message: `POST ${path} is not accepted from a page of another site` });
}
