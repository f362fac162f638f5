import type { IncomingActivity } from '../../dialogs/turn';

/** Why a body is not an activity the bot can process: the field at fault and a message naming it. */
export interface ActivityProblem {
  /** The field at fault, e.g. `conversation.id`; absent when the body as a whole is wrong. */
  field?: string;
  message: string;
}

export type ActivityCheck = { ok: true; activity: IncomingActivity } | { ok: false; problem: ActivityProblem };

type Json = Record<string, unknown>;

/** Fields every activity must carry: the bot keys its state on them and replies through them. */
const REQUIRED: ReadonlyArray<[field: string, read: (a: Json) => unknown]> = [
  ['type', (a) => a.type],
  ['channelId', (a) => a.channelId],
  ['conversation.id', (a) => (isObject(a.conversation) ? a.conversation.id : undefined)],
  ['from.id', (a) => (isObject(a.from) ? a.from.id : undefined)],
  ['serviceUrl', (a) => a.serviceUrl],
];

/** Optional fields the bot reads, with the JSON type they must have when present. */
const OPTIONAL_STRINGS = ['id', 'text', 'textFormat', 'locale', 'name', 'deliveryMode', 'replyToId', 'timestamp', 'localTimestamp', 'expiration'] as const;
const OPTIONAL_OBJECTS = ['recipient', 'conversation', 'from', 'channelData'] as const;
const OPTIONAL_ARRAYS_OF_OBJECTS = ['entities', 'attachments', 'membersAdded', 'membersRemoved'] as const;

/**
 * Checks that a parsed body is an activity the bot can take: a JSON object with `type`, `channelId`,
 * `conversation.id`, `from.id` and an http(s) `serviceUrl`, and with the optional fields the bot reads
 * (`text`, `entities`, `membersAdded`, ...) of the right JSON type. The first problem is returned with
 * the field named, for a 400 the sender can act on. Dates arrive as strings and are turned into
 * `Date`s here, as botbuilder's own request handling does.
 */
export function checkActivity(body: unknown): ActivityCheck {
  if (!isObject(body)) return fail(undefined, 'The request body must be a JSON object (a Bot Framework activity).');
  for (const [field, read] of REQUIRED) {
    const value = read(body);
    if (typeof value !== 'string' || value.trim() === '') return fail(field, `Activity field "${field}" is missing or not a non-empty string.`);
  }
  if (!isHttpUrl(body.serviceUrl as string)) return fail('serviceUrl', 'Activity field "serviceUrl" must be an absolute http or https URL.');
  for (const field of OPTIONAL_STRINGS) {
    if (body[field] !== undefined && body[field] !== null && typeof body[field] !== 'string') return fail(field, `Activity field "${field}" must be a string.`);
  }
  for (const field of OPTIONAL_OBJECTS) {
    if (body[field] !== undefined && body[field] !== null && !isObject(body[field])) return fail(field, `Activity field "${field}" must be an object.`);
  }
  if (isObject(body.recipient) && body.recipient.id !== undefined && typeof body.recipient.id !== 'string') {
    return fail('recipient.id', 'Activity field "recipient.id" must be a string.');
  }
  for (const field of OPTIONAL_ARRAYS_OF_OBJECTS) {
    const value = body[field];
    if (value === undefined || value === null) continue;
    if (!Array.isArray(value)) return fail(field, `Activity field "${field}" must be an array.`);
    const index = value.findIndex((item) => !isObject(item));
    if (index >= 0) return fail(`${field}[${index}]`, `Activity field "${field}[${index}]" must be an object.`);
  }
  for (const field of ['membersAdded', 'membersRemoved'] as const) {
    const members = (body[field] ?? []) as Json[];
    const index = members.findIndex((member) => typeof member.id !== 'string');
    if (index >= 0) return fail(`${field}[${index}].id`, `Activity field "${field}[${index}].id" must be a string.`);
  }
  return { ok: true, activity: withDates(body) as unknown as IncomingActivity };
}

function fail(field: string | undefined, message: string): ActivityCheck {
  return { ok: false, problem: { ...(field !== undefined ? { field } : {}), message } };
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

// As botbuilder's validateAndFixActivity: the raw string is kept beside the Date.
function withDates(activity: Json): Json {
  for (const [field, raw] of [
    ['timestamp', 'rawTimestamp'],
    ['localTimestamp', 'rawLocalTimestamp'],
    ['expiration', 'rawExpiration'],
  ] as const) {
    if (typeof activity[field] === 'string') {
      activity[raw] = activity[field];
      activity[field] = new Date(activity[field] as string);
    }
  }
  return activity;
}
