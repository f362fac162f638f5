import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
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
    res.sendRaw(200, page, { ...COMMON_HEADERS, 'content-type': 'text/html; charset=utf-8', 'content-security-policy': CONTENT_SECURITY_POLICY });
  });
  const [webChat, localDirectLine, start] = SCRIPTS;
  serveScript(server, webChat, () => readFile(webChatBundlePath()));
  serveScript(server, localDirectLine, async () => browserScript(`globalThis.ExchangeBotLocalDirectLine = (${defineLocalDirectLine.toString()})();`));
  serveScript(server, start, async () => browserScript(`(${startWebChat.toString()})();`));
}

function serveScript(server: Server, path: string, load: () => Promise<Buffer>): void {
  let content: Promise<Buffer> | undefined;
  server.get(path, async (_req, res) => {
    // Loaded on first use (the Web Chat bundle is 4 MB) and kept; a failed load is retried next time.
    content ??= load().catch((error: unknown) => {
      content = undefined;
      throw error;
    });
    res.sendRaw(200, await content, { ...COMMON_HEADERS, 'content-type': 'text/javascript; charset=utf-8' });
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
 * The prebuilt browser bundle of botframework-webchat. Its package exports only its entry point, so
 * the file is found from there; resolved on request, so a missing package fails that request and
 * not the bot's start.
 */
function webChatBundlePath(): string {
  return join(dirname(require.resolve('botframework-webchat')), '..', 'dist', 'webchat.js');
}
