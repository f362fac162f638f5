import type { IncomingMessage } from 'node:http';
import { isLoopbackHost } from '../http/loopback';

/**
 * Headers a proxy or a load balancer adds (the de-facto `X-Forwarded-*` family, RFC 7239
 * `Forwarded`, `Via`, nginx's `X-Real-IP`, CDNs' client-address headers and those App Service's
 * front end adds). A request carrying any of them was relayed, whatever address it came from.
 */
const RELAY_HEADER = /^(?:x-forwarded-.*|forwarded|via|x-real-ip|x-client-.*|client-ip|true-client-ip|cf-connecting-ip|fastly-client-ip|x-cluster-client-ip|x-proxyuser-ip|x-original-.*|x-arr-.*|x-azure-.*|x-waws-.*|x-appservice-.*|disguised-host|x-ms-forwarded-.*)$/;

/**
 * Why an admin request is refused, or undefined when it may go on. An admin route answers only a
 * request made on this machine:
 * - from a loopback address and with no header of a relay (`X-Real-IP` alone reached `/admin/*`:
 *   issue 22). App Service's front end connects from elsewhere and adds such headers, so a deployed
 *   instance's admin routes cannot be reached through it;
 * - for a loopback `Host`, in every mode: a page on attacker.example whose name resolves to
 *   127.0.0.1 (DNS rebinding) sends `Host: attacker.example`;
 * - and for a POST, a JSON body with no `Origin` or `Sec-Fetch-Site` of another site: a page's
 *   plain form POST can send neither a JSON content type nor a same-origin `Origin`.
 */
export function adminRefusal(req: IncomingMessage): { status: 404 | 403 | 415; reason: string } | undefined {
  const address = req.socket.remoteAddress ?? '';
  if (!(address === '127.0.0.1' || address === '::1' || address.startsWith('::ffff:127.'))) return { status: 404, reason: 'not a loopback address' };
  const relayed = Object.keys(req.headers).find((name) => RELAY_HEADER.test(name));
  if (relayed) return { status: 404, reason: `relayed (${relayed})` };
  if (!isLoopbackHostHeader(req.headers.host)) return { status: 404, reason: 'Host is not a loopback name' };
  if (req.method !== 'POST') return undefined;
  const origin = req.headers.origin;
  if (origin !== undefined && !isLoopbackOrigin(origin)) return { status: 403, reason: 'Origin of another site' };
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return { status: 403, reason: `Sec-Fetch-Site ${String(site).slice(0, 20)}` };
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') return { status: 415, reason: 'not a JSON content type' };
  return undefined;
}

function isLoopbackHostHeader(header: string | undefined): boolean {
  if (!header || header.length > 300) return false;
  try {
    return isLoopbackHost(new URL(`http://${header}`).hostname);
  } catch {
    return false;
  }
}

function isLoopbackOrigin(origin: string): boolean {
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && isLoopbackHost(url.hostname);
  } catch {
    return false; // "null" (a sandboxed page or a file) is another site too
  }
}
