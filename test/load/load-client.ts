import { Agent, request } from 'node:http';
import type { Activity } from 'botbuilder';

/**
 * A keep-alive HTTP client for the load test, on its own agent so its connections can be closed
 * between measurements (fetch's global pool cannot be emptied on demand).
 */
export class LoadClient {
  private agent = new Agent({ keepAlive: true, maxSockets: 256 });

  constructor(private readonly baseUrl: string) {}

  /** POSTs an activity with `expectReplies` and resolves with the replies; any status but 200 fails. */
  exchange(activity: Partial<Activity>): Promise<Partial<Activity>[]> {
    const body = JSON.stringify({ ...activity, deliveryMode: 'expectReplies' });
    return new Promise((resolve, reject) => {
      const req = request(
        `${this.baseUrl}/api/messages`,
        { method: 'POST', agent: this.agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            if (res.statusCode !== 200) reject(new Error(`POST /api/messages answered ${res.statusCode}: ${text}`));
            else resolve((JSON.parse(text) as { activities: Partial<Activity>[] }).activities);
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  /** Closes every connection; the next request opens new ones. */
  closeConnections(): void {
    this.agent.destroy();
    this.agent = new Agent({ keepAlive: true, maxSockets: 256 });
  }

  close(): void {
    this.agent.destroy();
  }
}
