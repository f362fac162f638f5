import type { Activity } from 'botbuilder';

/**
 * The activity shapes the terminal chat posts. Declared here rather than
 * reusing botbuilder's `Activity` because that type demands channel fields
 * (e.g. `conversation.isGroup`) this client has no reason to invent.
 */
export interface OutgoingActivity {
  type: 'message' | 'conversationUpdate';
  id: string;
  timestamp: string;
  channelId: string;
  serviceUrl: string;
  from: { id: string; name: string };
  recipient: { id: string; name: string };
  conversation: { id: string };
  deliveryMode: 'expectReplies';
  locale: string;
  text?: string;
  value?: unknown;
  membersAdded?: { id: string; name: string }[];
}

/** The bot could not be reached at all (nothing listening, name did not resolve, ...). */
export class BotUnreachableError extends Error {
  override readonly name = 'BotUnreachableError';

  constructor(
    readonly url: string,
    reason: string,
    options?: ErrorOptions,
  ) {
    super(
      `Could not reach the bot at ${url} (${reason}). Is it running? Start it with \`npm start\` in another terminal, ` + 'or point the chat at it with --url or BOT_URL.',
      options,
    );
  }
}

/** The bot answered, but not with the expected replies (HTTP error, timeout, unreadable body). */
export class BotRequestError extends Error {
  override readonly name = 'BotRequestError';

  constructor(
    message: string,
    readonly status?: number,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** Options for {@link postActivity}. */
export interface PostActivityOptions {
  /** Give up waiting for the bot's replies after this long. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 60_000;

/**
 * Posts one activity with `deliveryMode: "expectReplies"` and returns the
 * replies the bot buffered for it (CloudAdapter's `ExpectedReplies` body), so
 * no callback endpoint is needed.
 *
 * @throws BotUnreachableError when no connection could be made.
 * @throws BotRequestError when the bot answered with an error, too slowly, or with an unreadable body.
 */
export async function postActivity(url: string, activity: OutgoingActivity, options: PostActivityOptions = {}): Promise<Partial<Activity>[]> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(activity),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    if (isTimeout(error)) {
      throw new BotRequestError(`The bot at ${url} did not answer within ${timeoutMs / 1000}s.`, undefined, {
        cause: error,
      });
    }
    throw new BotUnreachableError(url, networkReason(error), { cause: error });
  }

  const body = await readBody(response, url);
  if (!response.ok) {
    const hint =
      response.status === 401 || response.status === 403
        ? ' The bot expects Bot Framework authentication because it has a MicrosoftAppId (from the environment or .env); ' +
          'to chat from the terminal, start it in local mode: "MicrosoftAppId= npm start" (an empty value wins over .env) or empty MicrosoftAppId in .env.'
        : '';
    const detail = body.trim() === '' ? '' : `: ${body.trim().slice(0, 300)}`;
    throw new BotRequestError(`The bot at ${url} answered HTTP ${response.status}${detail}.${hint}`, response.status);
  }
  // A bot that ignores expectReplies sends its replies elsewhere and answers with an empty body.
  if (body.trim() === '') return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (error) {
    throw new BotRequestError(`The bot at ${url} answered with something other than JSON.`, response.status, {
      cause: error,
    });
  }
  const activities = typeof parsed === 'object' && parsed !== null ? (parsed as { activities?: unknown }).activities : undefined;
  if (activities === undefined) return [];
  if (!Array.isArray(activities)) {
    throw new BotRequestError(`The bot at ${url} answered without an "activities" list.`, response.status);
  }
  return activities.filter((item): item is Partial<Activity> => typeof item === 'object' && item !== null);
}

async function readBody(response: Response, url: string): Promise<string> {
  try {
    return await response.text();
  } catch (error) {
    throw new BotRequestError(`The connection to the bot at ${url} broke while reading its answer.`, response.status, {
      cause: error,
    });
  }
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
}

/** fetch only says "fetch failed"; the useful part (ECONNREFUSED, ENOTFOUND...) is in its cause. */
function networkReason(error: unknown): string {
  const cause = error instanceof Error ? error.cause : undefined;
  if (typeof cause === 'object' && cause !== null) {
    const { code, message } = cause as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && code !== '') return code;
    if (typeof message === 'string' && message !== '') return message;
  }
  return error instanceof Error ? error.message : String(error);
}
