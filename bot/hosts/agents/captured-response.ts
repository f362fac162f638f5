import type { WebResponse } from '@microsoft/agents-hosting';

/**
 * The Agents SDK writes its answer to an Express-like response (`CloudAdapter.process`,
 * `authorizeJWT`). The bot's endpoint answers the request itself, with the same statuses and error
 * bodies on both hosts, so the SDK writes here instead and the endpoint reads what it wrote.
 */
export class CapturedResponse implements WebResponse {
  statusCode = 200;
  body: unknown = undefined;
  headersSent = false;
  writableEnded = false;

  status(code: number): this {
    this.statusCode = code;
    return this;
  }

  setHeader(): this {
    // The endpoint sets its own headers (JSON for bodies), as for the botbuilder host.
    return this;
  }

  send(body?: unknown): this {
    this.body = body;
    return this;
  }

  end(): this {
    this.writableEnded = true;
    return this;
  }
}
