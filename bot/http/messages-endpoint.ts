import type { Request, Response } from 'restify';
import type { ActivityHost, ConversationBot, IncomingActivity } from '../../dialogs/turn';
import type { Logger } from '../log';
import { checkActivity } from './activity-check';
import type { InFlightRequests } from './in-flight';
import { readJsonBody } from './json-body';

/** What the `POST /api/messages` handler works with. */
export interface MessagesEndpointOptions {
  /** The SDK that checks tokens and runs turns (bot/hosts/<sdk>/). */
  host: ActivityHost;
  /** The conversation core that each turn runs. */
  bot: ConversationBot;
  log: Logger;
  inFlight: InFlightRequests;
  /** True once the server is shutting down: new requests are turned away. */
  isDraining: () => boolean;
  /** How long the request waits for its turn before it is answered 202 and the turn left to end on its own. */
  turnTimeoutMs: number;
  /** When set, an activity whose serviceUrl it refuses is answered 400 before any turn (local mode: loopback only). */
  allowServiceUrl?: (url: URL) => boolean;
}

const TIMED_OUT = Symbol('timed out');

/** The body of every error answer, in the Bot Framework's ErrorResponse shape. */
export interface ErrorBody {
  error: { code: string; message: string; field?: string };
}

// Ids come from the request; before authentication they are whatever the sender made up.
const MAX_LOGGED_ID = 200;

/**
 * `POST /api/messages`: body → activity → authentication → turn, each failure answered with its own
 * status and a JSON {@link ErrorBody} that never carries a stack or a library message:
 *
 * - 415 not `application/json` (UTF-8); 413 body over 256 KB; 400 not UTF-8, not JSON, nested too deep,
 *   not an object, or an activity without `type`, `channelId`, `conversation.id`, `from.id`, an http(s)
 *   `serviceUrl`, or with a field of the wrong type (the field is named);
 * - 401 for any authentication failure (no header, malformed, expired, unknown key, wrong audience,
 *   issuer, serviceUrl or channel), before any turn runs;
 * - 503 while the server shuts down;
 * - 202 when the turn takes longer than `turnTimeoutMs` (a hung channel): it is logged and dropped;
 * - otherwise what the turn produced: 200 (with the replies for `expectReplies`), or an invoke's own
 *   response; 500 only if the turn's own error handling failed.
 *
 * Every request is counted in flight until answered, so a shutdown can wait for it.
 */
export function messagesEndpoint(options: MessagesEndpointOptions): (req: Request, res: Response) => Promise<void> {
  const { host, bot, log, inFlight, isDraining, turnTimeoutMs, allowServiceUrl } = options;

  async function answer(req: Request, res: Response): Promise<void> {
    if (isDraining()) {
      log('warn', 'request refused: shutting down', { status: 503 });
      sendError(res, 503, 'ServiceUnavailable', 'The bot is shutting down. Send the activity again.', undefined, { connection: 'close', 'retry-after': '5' });
      return;
    }
    const started = Date.now();
    let activity: IncomingActivity | undefined;
    try {
      const body = await readJsonBody(req);
      if (!body.ok) {
        log('warn', 'request refused', { status: body.status, reason: body.message });
        sendError(res, body.status, body.code, body.message, undefined, body.closeConnection ? { connection: 'close' } : {});
        return;
      }
      const checked = checkActivity(body.value);
      if (!checked.ok) {
        log('warn', 'request refused', { status: 400, reason: checked.problem.message });
        sendError(res, 400, 'BadRequest', checked.problem.message, checked.problem.field);
        return;
      }
      activity = checked.activity;
      if (allowServiceUrl && !allowServiceUrl(new URL(activity.serviceUrl))) {
        log('warn', 'request refused: serviceUrl not allowed', { status: 400, ...ids(activity) });
        sendError(res, 400, 'BadRequest', 'Without an app id the bot replies to a loopback serviceUrl only.', 'serviceUrl');
        return;
      }
      let authentication;
      try {
        authentication = await host.authenticate(activity, authorizationHeader(req));
      } catch (error) {
        // The reason goes to the log only: telling a caller which check its token failed helps it forge the next one.
        log('warn', 'request refused: authentication failed', { status: 401, ...ids(activity), reason: messageOf(error) });
        sendError(res, 401, 'Unauthorized', 'The request is not authorized.');
        return;
      }
      const turn = host.runTurn(authentication, activity, bot);
      const response = await withinTime(turn, turnTimeoutMs);
      if (response === TIMED_OUT) {
        // Each call to the channel is bounded too (REPLY_TIMEOUT_MS), so the turn still ends; its
        // outcome is only logged. A 2xx, so the channel does not send the activity again.
        const dropped = ids(activity);
        turn.catch((error: unknown) => log('error', 'timed-out turn failed', { ...dropped, error: messageOf(error) }));
        log('warn', 'turn timed out: request answered, turn dropped', { ...dropped, status: 202, timeoutMs: turnTimeoutMs });
        res.status(202);
        res.end();
        return;
      }
      const status = response?.status ?? 200;
      if (response?.body !== undefined) res.send(status, response.body);
      else {
        res.status(status);
        res.end();
      }
      log('info', 'activity processed', { ...ids(activity), status, durationMs: Date.now() - started, textLength: activity.text?.length ?? 0 });
    } catch (error) {
      log('error', 'request failed', { ...(activity ? ids(activity) : {}), error: messageOf(error), stack: error instanceof Error ? error.stack : undefined });
      if (!res.headersSent) sendError(res, 500, 'InternalServerError', 'The bot could not process this activity.');
    }
  }

  // Counted until the response has been handed to the operating system, so closing the connections
  // after the last request cannot cut off its answer.
  // restify requires a two-argument handler to be an async function.
  return async (req, res) => {
    await inFlight.track(() => answer(req, res).finally(() => responseFinished(res)));
  };
}

function withinTime<T>(work: Promise<T>, timeoutMs: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => (timer = setTimeout(() => resolve(TIMED_OUT), timeoutMs)));
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

function responseFinished(res: Response): Promise<void> {
  if (res.writableFinished || res.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    res.once('finish', () => resolve());
    res.once('close', () => resolve());
  });
}

function authorizationHeader(req: Request): string {
  const header = req.headers.authorization;
  return typeof header === 'string' ? header : '';
}

function ids(activity: IncomingActivity): Record<string, string | undefined> {
  return {
    conversationId: activity.conversation?.id?.slice(0, MAX_LOGGED_ID),
    channelId: activity.channelId?.slice(0, MAX_LOGGED_ID),
    activityType: activity.type?.slice(0, MAX_LOGGED_ID),
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function sendError(res: Response, status: number, code: string, message: string, field?: string, headers: Record<string, string> = {}): void {
  const body: ErrorBody = { error: { code, message, ...(field !== undefined ? { field } : {}) } };
  res.send(status, body, headers);
}
