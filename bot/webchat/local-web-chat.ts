import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Server } from 'restify';
import { localChatPage } from './local-chat-page';
import { defineLocalDirectLine } from './local-direct-line';
import { startWebChat } from './start-web-chat';

// In the order the page loads them: Web Chat, then the local Direct Line, then the start-up.
const SCRIPTS = ['/webchat/webchat.js', '/webchat/local-direct-line.js', '/webchat/start-web-chat.js'] as const;

/** Every path the local Web Chat page needs; none of them exists unless {@link serveLocalWebChat} ran. */
export const LOCAL_WEB_CHAT_PATHS = ['/', ...SCRIPTS] as const;

// The page may load scripts, styles and data only from this server: the Web Chat bundle is served
// from node_modules, and nothing (fonts, images, telemetry) can reach the internet. Web Chat
// injects its styles at run time, hence inline styles.
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "media-src 'self' data: blob:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const COMMON_HEADERS = { 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer', 'cache-control': 'no-store' };

/**
 * Serves a Web Chat page at `GET /` that talks to the bot's own `POST /api/messages` with
 * `expectReplies`, through the Direct Line-compatible object in `local-direct-line.ts`: chatting in a
 * browser with no Direct Line service, tunnel or app registration.
 *
 * Only for local mode: the caller registers these routes only without an app id, so a deployed bot
 * answers 404 on every one of {@link LOCAL_WEB_CHAT_PATHS}.
 */
export function serveLocalWebChat(server: Server): void {
  const page = localChatPage({ scripts: SCRIPTS });
  server.get('/', async (_req, res) => {
    // Without the Web Chat bundle the page would be blank: say what to install instead.
    if (webChatBundlePath() === undefined) res.sendRaw(404, WEB_CHAT_NOT_INSTALLED, { ...COMMON_HEADERS, 'content-type': 'text/plain; charset=utf-8' });
    else res.sendRaw(200, page, { ...COMMON_HEADERS, 'content-type': 'text/html; charset=utf-8', 'content-security-policy': CONTENT_SECURITY_POLICY });
  });
  const [webChat, localDirectLine, start] = SCRIPTS;
  serveScript(server, webChat, async () => {
    const bundle = webChatBundlePath();
    if (bundle === undefined) return undefined;
    const content = await readFile(bundle);
    return bundle.endsWith('.gz') ? gunzipSync(content) : content;
  });
  serveScript(server, localDirectLine, async () => browserScript(`globalThis.ExchangeBotLocalDirectLine = (${defineLocalDirectLine.toString()})();`));
  serveScript(server, start, async () => browserScript(`(${startWebChat.toString()})();`));
}

/** Serves a script, or the not-installed message when `load` finds nothing (then it tries again next time). */
function serveScript(server: Server, path: string, load: () => Promise<Buffer | undefined>): void {
  let content: Promise<Buffer | undefined> | undefined;
  server.get(path, async (_req, res) => {
    // Loaded on first use (the Web Chat bundle is 4 MB) and kept; a failed load is retried next time.
    content ??= load().catch((error: unknown) => {
      content = undefined;
      throw error;
    });
    const script = await content;
    if (script === undefined) {
      content = undefined;
      res.sendRaw(404, WEB_CHAT_NOT_INSTALLED, { ...COMMON_HEADERS, 'content-type': 'text/plain; charset=utf-8' });
    } else res.sendRaw(200, script, { ...COMMON_HEADERS, 'content-type': 'text/javascript; charset=utf-8' });
  });
}

/**
 * Our two browser scripts are TypeScript functions compiled with the bot (typed and testable in
 * Node); the browser gets their compiled source text, which uses nothing but globals.
 */
function browserScript(source: string): Buffer {
  return Buffer.from(`"use strict";\n${source}\n`, 'utf8');
}

/**
 * What `GET /` and the bundle answer when botframework-webchat is not installed. It is a dev
 * dependency (with its own dependencies it is most of a full install, for one file a deployed bot
 * never serves), so a production install (`npm ci --omit=dev`) leaves it out.
 */
export const WEB_CHAT_NOT_INSTALLED =
  'The local chat page needs botframework-webchat, a dev dependency that this install left out (npm ci --omit=dev). ' +
  'Run "npm ci" (with dev dependencies) and reload this page, or chat in the terminal with "npm run chat".\n';

/**
 * The prebuilt browser bundle of botframework-webchat, or undefined when the package is not
 * installed. Its package exports only its entry point, so the file is found from there; resolved
 * on request, so a missing package fails that request and not the bot's start.
 */
function webChatBundlePath(): string | undefined {
  let entry: string;
  try {
    entry = require.resolve('botframework-webchat');
  } catch {
    // The release/ artifact (npm run package) has no node_modules: it carries the one file beside
    // its server.js, which is this module's __dirname there (and no such folder exists under dist/).
    const packaged = join(__dirname, 'webchat', RELEASE_WEB_CHAT_FILE);
    return existsSync(packaged) ? packaged : undefined;
  }
  return join(dirname(entry), '..', 'dist', 'webchat.js');
}

/** The Web Chat bundle in the release/ artifact's `webchat/` folder: gzipped, 1 MB instead of 3.9. */
export const RELEASE_WEB_CHAT_FILE = 'webchat.js.gz';
