import type { AddressInfo } from 'node:net';
import type { Server } from 'restify';

/**
 * What both echo bots of the turn benchmark do around their `POST /api/messages`: `GET /healthz`,
 * listening on loopback at PORT (0 when unset), the "ready at" line the benchmark waits for, and a
 * clean exit on SIGINT/SIGTERM.
 */
export async function serveEcho(server: Server, port: number): Promise<void> {
  server.get('/healthz', (_req, res, next) => {
    res.send(200, { status: 'ok' });
    return next();
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  console.log(`Echo bot ready at http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`);
  const stop = () => server.close(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
