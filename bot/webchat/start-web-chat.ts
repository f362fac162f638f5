import type { LocalDirectLine, LocalDirectLineOptions } from './local-direct-line';

/** The browser globals {@link startWebChat} uses: Web Chat's bundle and the local Direct Line script define two of them. */
interface BrowserGlobals {
  location: { href: string };
  document: { getElementById(id: string): unknown };
  WebChat: { renderWebChat(props: Record<string, unknown>, element: unknown): void };
  ExchangeBotLocalDirectLine: { create(options: LocalDirectLineOptions): LocalDirectLine };
}

/**
 * Renders Web Chat into the local page's `#webchat` element, connected through the local Direct
 * Line. Runs in the browser only: the server sends this function's source text as a script (see
 * `local-web-chat.ts`), so the body uses nothing from outside itself but browser globals.
 */
export function startWebChat(): void {
  const browser = globalThis as unknown as BrowserGlobals;
  const userId = `local-user-${typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : Date.now().toString(36)}`;
  const directLine = browser.ExchangeBotLocalDirectLine.create({
    endpoint: new URL('/api/messages', browser.location.href).href,
    user: { id: userId, name: 'You' },
    bot: { id: 'exchange-support-bot', name: 'Exchange support bot' },
    locale: 'en-US',
  });
  browser.WebChat.renderWebChat(
    {
      directLine,
      userID: userId,
      username: 'You',
      locale: 'en-US',
      // Nothing to upload to, and initials rather than avatar images keep the page free of downloads.
      styleOptions: { hideUploadButton: true, botAvatarInitials: 'EX', userAvatarInitials: 'You' },
    },
    browser.document.getElementById('webchat'),
  );
}
