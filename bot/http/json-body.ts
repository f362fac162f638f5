import type { IncomingMessage } from 'node:http';

/** Largest `POST /api/messages` body accepted. Bot Framework activities are a few KB; Teams caps a message at about 28 KB of text. */
export const MAX_BODY_BYTES = 256 * 1024;

/**
 * Deepest nesting accepted in a body. Real activities (Teams channelData, card values) stay under
 * ten levels; a body nested thousands deep would overflow the stack of `structuredClone` and
 * `JSON.stringify` later in the turn.
 */
export const MAX_JSON_DEPTH = 64;

/**
 * How much of an oversized body is read and thrown away so the client gets its 413 on a healthy
 * connection; anything bigger is cut off mid-upload.
 */
const DISCARD_LIMIT_BYTES = 4 * MAX_BODY_BYTES;

/**
 * One decoder for every request: creating one costs more than decoding an activity. Without
 * `stream` each call starts afresh, and a refused body leaves nothing behind for the next.
 */
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Why a body was refused: the HTTP status and a message safe to show the client. */
export interface BodyProblem {
  status: 400 | 413 | 415;
  code: 'BadRequest' | 'PayloadTooLarge' | 'UnsupportedMediaType';
  message: string;
  /** True when the rest of the upload was not read, so the connection must not be reused. */
  closeConnection?: boolean;
}

export type BodyResult = { ok: true; value: unknown } | ({ ok: false } & BodyProblem);

/**
 * Reads a request body as JSON: `application/json` (UTF-8) only, at most `limitBytes`, valid UTF-8,
 * valid JSON, nested at most {@link MAX_JSON_DEPTH} deep. Every refusal has a status and a message
 * that names the problem without echoing the body.
 */
export async function readJsonBody(req: IncomingMessage, limitBytes: number = MAX_BODY_BYTES): Promise<BodyResult> {
  const typeProblem = contentTypeProblem(req.headers['content-type']);
  if (typeProblem) {
    discard(req);
    return { ok: false, status: 415, code: 'UnsupportedMediaType', message: typeProblem };
  }
  const tooLarge = { ok: false, status: 413, code: 'PayloadTooLarge', message: `The request body is larger than ${limitBytes} bytes.` } as const;
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (declared > DISCARD_LIMIT_BYTES) return { ...tooLarge, closeConnection: true };

  const body = await readBody(req, limitBytes);
  if (body === 'aborted') {
    // The client went away mid-upload; nobody will read the answer, but the request ends cleanly.
    return { ok: false, status: 400, code: 'BadRequest', message: 'The request body could not be read to its end.', closeConnection: true };
  }
  if (body === 'cut off') return { ...tooLarge, closeConnection: true };
  if (body === 'too large') return tooLarge;

  let text: string;
  try {
    text = UTF8.decode(body);
  } catch {
    return { ok: false, status: 400, code: 'BadRequest', message: 'The request body is not valid UTF-8.' };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // The parser's message quotes the body; the client knows what it sent.
    return { ok: false, status: 400, code: 'BadRequest', message: 'The request body is not valid JSON.' };
  }
  if (depthOf(value) > MAX_JSON_DEPTH) {
    return { ok: false, status: 400, code: 'BadRequest', message: `The request body is nested more than ${MAX_JSON_DEPTH} levels deep.` };
  }
  return { ok: true, value };
}

/**
 * The body's bytes, read with 'data' events (an async iterator costs a promise and more per chunk):
 * 'too large' once read past `limitBytes`, 'cut off' when past {@link DISCARD_LIMIT_BYTES} (the
 * request is destroyed then, as leaving a `for await` would), 'aborted' when the client went away.
 */
function readBody(req: IncomingMessage, limitBytes: number): Promise<Buffer | 'too large' | 'cut off' | 'aborted'> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: Buffer | 'too large' | 'cut off' | 'aborted') => {
      req.off('data', onData).off('end', onEnd).off('error', onAborted).off('close', onAborted);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > DISCARD_LIMIT_BYTES) {
        finish('cut off');
        req.destroy();
      } else if (size <= limitBytes) chunks.push(chunk);
    };
    const onEnd = () => finish(size > limitBytes ? 'too large' : chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks));
    // 'close' before 'end' is a connection that went away without an error.
    const onAborted = () => finish('aborted');
    req.on('data', onData).on('end', onEnd).on('error', onAborted).on('close', onAborted);
  });
}

function contentTypeProblem(header: string | undefined): string | undefined {
  if (!header) return 'Content-Type must be application/json.';
  const [mediaType = '', ...parameters] = header.split(';').map((part) => part.trim().toLowerCase());
  if (mediaType !== 'application/json') return `Content-Type must be application/json, not ${mediaType.slice(0, 100) || 'empty'}.`;
  const charset = parameters
    .find((p) => p.startsWith('charset='))
    ?.slice('charset='.length)
    .replace(/"/g, '');
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') return 'The request body must be UTF-8 (charset=utf-8).';
  return undefined;
}

/** Nesting depth of a parsed JSON value, without recursion (the value may be nested very deep). */
function depthOf(value: unknown): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    deepest = Math.max(deepest, depth);
    if (deepest > MAX_JSON_DEPTH) return deepest;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return deepest;
}

/** Lets an unread body flow away, so the response can go out on a connection that stays usable. */
function discard(req: IncomingMessage): void {
  req.resume();
}
