import type { RunningServer } from './server';

/**
 * The one line on stdout once the bot listens: where to reach it, the address really bound (every
 * interface with an app id), and how to talk to it, which only works without an app id.
 */
export function readyLine(running: Pick<RunningServer, 'url' | 'address' | 'everyInterface'>, localMode: boolean): string {
  const bound = running.everyInterface ? `listening on ${running.address}, every interface` : `listening on ${running.address}`;
  const talk = localMode
    ? `local chat: npm run chat, or ${running.url}/ in a browser`
    : 'MicrosoftAppId is set, so every request needs a Bot Framework token: npm run chat and the local page need local mode (MicrosoftAppId empty)';
  return `Exchange support bot ready at ${running.url}/api/messages (${bound}; ${talk})`;
}
