import type { IncomingMessage } from 'node:http';

/**
 * True for a request made on this machine: from a loopback address and not relayed by a proxy.
 * App Service's front end connects from elsewhere and adds forwarding headers, so a deployed
 * instance's admin routes cannot be reached from the internet through it.
 */
export function isLoopbackRequest(req: IncomingMessage): boolean {
  const address = req.socket.remoteAddress ?? '';
  const relayed = ['x-forwarded-for', 'forwarded', 'x-original-url', 'x-arr-log-id'].some((h) => req.headers[h] !== undefined);
  return !relayed && (address === '127.0.0.1' || address === '::1' || address.startsWith('::ffff:127.'));
}
