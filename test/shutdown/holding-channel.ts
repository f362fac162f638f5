import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Activity } from 'botbuilder';

/**
 * A channel's connector service on loopback that takes the bot's replies but does not answer until
 * released: while it holds a reply, the turn that sent it is still in flight. That is how the
 * shutdown tests keep a turn running exactly as long as they need, without sleeping.
 */
export class HoldingChannel {
  readonly received: Array<Partial<Activity>> = [];
  private readonly held: ServerResponse[] = [];
  private waiters: Array<() => void> = [];
  private server?: Server;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.take(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  /** Resolves once the bot has sent a reply (and is waiting for this channel to accept it). */
  replyArrived(): Promise<void> {
    if (this.received.length > 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Accepts every reply held so far, letting their turns finish. */
  release(): void {
    for (const res of this.held.splice(0)) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `reply-${this.received.length}` }));
    }
  }

  async stop(): Promise<void> {
    this.release();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async take(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    this.received.push(JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Partial<Activity>);
    this.held.push(res);
    for (const wake of this.waiters.splice(0)) wake();
  }
}
