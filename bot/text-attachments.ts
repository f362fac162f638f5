/**
 * A `.txt` file sent with a message (a Teams file attachment, a Web Chat upload) read as text, so a
 * listing too long to paste (Get-ExchangeServer of a large estate) can be sent as a file. Bounded:
 * at most {@link MAX_ATTACHMENT_BYTES}, one file per message, a download timeout, and only from the
 * hosts the channels store files on; a file beyond a bound gets a message naming it, never a partial read.
 */

/** Largest .txt read: a listing of a few thousand lines (the listing parser's own bound is in lines). */
export const MAX_ATTACHMENT_BYTES = 512 * 1024;
/** How long one download may take. */
export const ATTACHMENT_TIMEOUT_MS = 10_000;

/** Teams puts a file the user attached in a 1:1 chat here, with a pre-authenticated download URL. */
const TEAMS_FILE = 'application/vnd.microsoft.teams.file.download.info';

/** Hosts the channels keep uploaded files on: Teams (SharePoint / OneDrive) and Direct Line (Web Chat). */
export const ATTACHMENT_HOSTS: readonly RegExp[] = [/(^|\.)sharepoint\.com$/i, /(^|\.)botframework\.com$/i, /(^|\.)sharepoint-df\.com$/i];

export interface AttachmentLike {
  contentType?: unknown;
  contentUrl?: unknown;
  content?: unknown;
  name?: unknown;
}

export type TextAttachment = { kind: 'text'; name: string; text: string } | { kind: 'refused'; name: string; message: string } | { kind: 'none' };

export interface TextAttachmentOptions {
  /** The download (global fetch by default); tests pass one bound to loopback. */
  fetch?: typeof fetch;
  /** Which hosts may be downloaded from (default {@link ATTACHMENT_HOSTS}); an https URL elsewhere is refused. */
  hosts?: readonly RegExp[];
  /** Allows http:// (the local Web Chat and tests, on loopback only). */
  allowLoopbackHttp?: boolean;
  maxBytes?: number;
  timeoutMs?: number;
}

/** The file name to show: the attachment's name, cut and stripped of anything but ordinary characters. */
function shownName(attachment: AttachmentLike): string {
  const name = typeof attachment.name === 'string' && attachment.name.trim() !== '' ? attachment.name : 'the attached file';
  return name.replace(/[^\w .()-]/g, '').slice(0, 80) || 'the attached file';
}

function isTextFile(attachment: AttachmentLike): boolean {
  const name = typeof attachment.name === 'string' ? attachment.name.toLowerCase() : '';
  const type = typeof attachment.contentType === 'string' ? attachment.contentType.toLowerCase() : '';
  if (type === TEAMS_FILE) {
    const fileType = (attachment.content as { fileType?: unknown } | undefined)?.fileType;
    return fileType === 'txt' || name.endsWith('.txt');
  }
  return type.startsWith('text/plain') || name.endsWith('.txt');
}

/**
 * The first `.txt` file of a message, read; `none` when it carries none (cards, images and other
 * files are not this reader's). Never throws: a failed or oversized download is a `refused` with a
 * message for the user.
 */
export async function readTextAttachment(attachments: unknown, options: TextAttachmentOptions = {}): Promise<TextAttachment> {
  if (!Array.isArray(attachments)) return { kind: 'none' };
  const attachment = (attachments as unknown[]).slice(0, 10).find((a): a is AttachmentLike => typeof a === 'object' && a !== null && isTextFile(a as AttachmentLike));
  if (!attachment) return { kind: 'none' };
  const name = shownName(attachment);
  const maxBytes = options.maxBytes ?? MAX_ATTACHMENT_BYTES;
  const tooBig = (bytes: number): TextAttachment => ({
    kind: 'refused',
    name,
    message: `${name} is ${kib(bytes)}; I read text files of up to ${kib(maxBytes)} (a listing of a few thousand lines). Please send the listing in parts.`,
  });
  // Inline text (Emulator, some Web Chat set-ups).
  if (typeof attachment.content === 'string' && (attachment.contentType as string | undefined)?.toLowerCase().startsWith('text/plain')) {
    const bytes = Buffer.byteLength(attachment.content);
    return bytes > maxBytes ? tooBig(bytes) : { kind: 'text', name, text: attachment.content };
  }
  const url =
    typeof attachment.contentType === 'string' && attachment.contentType.toLowerCase() === TEAMS_FILE
      ? (attachment.content as { downloadUrl?: unknown } | undefined)?.downloadUrl
      : attachment.contentUrl;
  if (typeof url !== 'string' || url === '') return { kind: 'refused', name, message: `I could not find where ${name} is stored, so I could not read it.` };
  if (url.startsWith('data:')) return readDataUrl(url, name, maxBytes, tooBig);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { kind: 'refused', name, message: `The address of ${name} is not one I can read.` };
  }
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname);
  const allowed =
    (parsed.protocol === 'https:' && (options.hosts ?? ATTACHMENT_HOSTS).some((host) => host.test(parsed.hostname))) ||
    (options.allowLoopbackHttp === true && loopback && (parsed.protocol === 'http:' || parsed.protocol === 'https:'));
  if (!allowed) return { kind: 'refused', name, message: `${name} is stored somewhere I do not download from, so I could not read it.` };
  return download(parsed, name, maxBytes, options, tooBig);
}

function readDataUrl(url: string, name: string, maxBytes: number, tooBig: (bytes: number) => TextAttachment): TextAttachment {
  const comma = url.indexOf(',');
  const header = url.slice(5, comma);
  const body = url.slice(comma + 1);
  // Base64 is 4 characters for 3 bytes: the size is known before decoding anything.
  const bytes = header.endsWith(';base64') ? Math.floor((body.length * 3) / 4) : body.length;
  if (comma < 0 || bytes > maxBytes) return comma < 0 ? { kind: 'refused', name, message: `${name} could not be read.` } : tooBig(bytes);
  try {
    const text = header.endsWith(';base64') ? Buffer.from(body, 'base64').toString('utf8') : decodeURIComponent(body);
    return { kind: 'text', name, text };
  } catch {
    return { kind: 'refused', name, message: `${name} could not be read.` };
  }
}

async function download(url: URL, name: string, maxBytes: number, options: TextAttachmentOptions, tooBig: (bytes: number) => TextAttachment): Promise<TextAttachment> {
  const get = options.fetch ?? fetch;
  try {
    const response = await get(url, { signal: AbortSignal.timeout(options.timeoutMs ?? ATTACHMENT_TIMEOUT_MS), redirect: 'error' });
    if (!response.ok || !response.body) {
      await response.body?.cancel();
      return { kind: 'refused', name, message: `I could not download ${name} (the file store answered ${response.status}).` };
    }
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (Number.isFinite(declared) && declared > maxBytes) {
      await response.body.cancel();
      return tooBig(declared);
    }
    // Read at most maxBytes + 1, whatever the headers said.
    const chunks: Uint8Array[] = [];
    let total = 0;
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel();
        return tooBig(total);
      }
      chunks.push(value);
    }
    return { kind: 'text', name, text: Buffer.concat(chunks).toString('utf8') };
  } catch (error) {
    const timedOut = (error as Error).name === 'TimeoutError';
    return { kind: 'refused', name, message: timedOut ? `Downloading ${name} took too long; please paste the listing or send it again.` : `I could not download ${name}.` };
  }
}

function kib(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024).toLocaleString('en-US')} KB`;
}
