/** Where the bot's messaging endpoint lives when `npm start` runs it with default settings. */
const DEFAULT_PORT = '3978';
const MESSAGES_PATH = '/api/messages';

/**
 * Picks the bot's messaging endpoint: an explicit `--url`, else `BOT_URL`,
 * else the local bot on `PORT` (3978). A URL given without a path gets
 * `/api/messages`, since that is the only route the chat can talk to.
 *
 * @throws Error when the URL is malformed or not on a loopback host.
 */
export function resolveBotUrl(explicitUrl: string | undefined, env: NodeJS.ProcessEnv): string {
  const candidate = explicitUrl ?? nonEmpty(env['BOT_URL']) ?? `http://127.0.0.1:${nonEmpty(env['PORT']) ?? DEFAULT_PORT}`;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    throw new Error(`"${candidate}" is not a valid URL; expected something like http://127.0.0.1:3978/api/messages.`);
  }
  if (url.pathname === '/' || url.pathname === '') url.pathname = MESSAGES_PATH;
  assertLoopbackUrl(url.href);
  return url.href;
}

/**
 * The terminal chat sends unauthenticated activities and a fake serviceUrl,
 * which only a bot running locally without credentials accepts; refusing
 * other hosts keeps the chat from posting conversation text anywhere else.
 *
 * @throws Error when `url` is not plain HTTP(S) on localhost, 127.0.0.0/8 or ::1.
 */
export function assertLoopbackUrl(url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`"${url}" is not a valid URL.`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new Error(`The bot URL must use http: or https:, got ${parsed.protocol} (${url}).`);
  }
  if (!isLoopbackHost(parsed.hostname)) {
    throw new Error(`The terminal chat only talks to a bot on this machine (localhost, 127.0.0.1 or [::1]), not ${parsed.host}.`);
  }
}

function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return host === 'localhost' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
}

function nonEmpty(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== '' ? value.trim() : undefined;
}
