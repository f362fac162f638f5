import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Activity } from 'botbuilder';

/** POSTs an activity to the bot and returns the HTTP status and parsed body. */
export async function postActivity(url: string, activity: Partial<Activity>, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  const response = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(activity),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // Non-JSON bodies are returned as text for the assertion message.
  }
  return { status: response.status, body };
}

/** POSTs with `deliveryMode: expectReplies` and returns the replies from the response body. */
export async function exchange(url: string, activity: Partial<Activity>): Promise<Partial<Activity>[]> {
  const { status, body } = await postActivity(url, { ...activity, deliveryMode: 'expectReplies' });
  if (status !== 200) throw new Error(`POST /api/messages answered ${status}: ${JSON.stringify(body)}`);
  return (body as { activities: Partial<Activity>[] }).activities;
}

/**
 * A stand-in for a channel's connector service on loopback: the bot sends its replies here when
 * an activity's serviceUrl points at it (the normal, non-expectReplies path).
 */
export class ChannelSink {
  readonly received: Array<{ path: string; activity: Partial<Activity>; authorization?: string }> = [];
  private server?: Server;
  private waiters: Array<() => void> = [];
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/`;
  }

  /** Resolves once `count` activities have arrived (fails after `timeoutMs`). */
  async waitFor(count: number, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.received.length < count) {
      if (Date.now() > deadline) throw new Error(`sink got ${this.received.length} of ${count} activities`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server?.closeAllConnections();
  }

  private async handle(req: IncomingMessage, res: import('node:http').ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const activity = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Partial<Activity>;
    this.received.push({ path: req.url ?? '', activity, authorization: req.headers.authorization });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id: `sink-${this.received.length}` }));
    for (const wake of this.waiters.splice(0)) wake();
  }
}
