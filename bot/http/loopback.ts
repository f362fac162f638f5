import type { Request, Response, Next } from 'restify';
import type { Logger } from '../log';

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

/** True for a loopback host name or address (`localhost`, 127.0.0.0/8, ::1). */
export function isLoopbackHost(hostname: string): boolean {
  const name = hostname.toLowerCase();
  return LOOPBACK_NAMES.has(name) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name);
}

/** The host name of a `Host` header (`name:port`, `[v6]:port`), or undefined when there is none. */
function hostnameOf(header: string | undefined): string | undefined {
  if (!header || header.length > 300) return undefined;
  try {
    return new URL(`http://${header}`).hostname;
  } catch {
    return undefined;
  }
}

/**
 * Restify `pre` handler for local mode: a request whose `Host` is not a loopback name is refused 403
 * (DNS rebinding: a page on attacker.example, resolved to 127.0.0.1, sends `Host: attacker.example`).
 */
export function loopbackHostCheck(log: Logger): (req: Request, res: Response, next: Next) => void {
  return (req, res, next) => {
    const hostname = hostnameOf(req.headers.host);
    if (hostname !== undefined && isLoopbackHost(hostname)) return next();
    log('warn', 'request refused: Host is not loopback in local mode', { status: 403, host: String(req.headers.host ?? '').slice(0, 100) });
    res.send(403, { error: { code: 'Forbidden', message: 'Without an app id the bot answers requests for a loopback host only.' } }, { connection: 'close' });
    return next(false);
  };
}
