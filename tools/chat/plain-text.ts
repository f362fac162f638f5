import { decodeEntities } from '../html-entities';
/**
 * Turns the Markdown/HTML subset that bots put into message text into plain
 * terminal text. This is deliberately a small set of rewrites rather than a
 * real Markdown parser: the terminal only needs readable text, and a parser
 * would reflow line breaks the bot wrote on purpose.
 */

/** How the sender said `text` is formatted (Bot Framework `textFormat`). */
export type TextFormat = 'markdown' | 'plain' | 'xml';

/**
 * Only these tags are stripped, so that placeholders written in angle
 * brackets (`eseutil /p <database path>`) survive.
 */
const HTML_TAGS = 'a|b|strong|i|em|u|s|strike|del|ins|code|pre|span|div|p|br|hr|ul|ol|li|h[1-6]|small|sup|sub|blockquote|font|table|thead|tbody|tr|td|th';

/** Backslash escapes are parked in the Unicode private use area so emphasis rules can't eat them. */
const ESCAPE_BASE = 0xe000;
const ESCAPABLE = /\\([\\`*_{}[\]()#+\-.!>~|<])/g;
const PARKED = /[\ue000-\ue0ff]/g;

/** Formats a heading the same way everywhere in the terminal transcript. */
export function asHeading(text: string): string {
  return `== ${text} ==`;
}

/** Formats a link so both its label and its target stay visible. */
export function asLink(label: string | undefined, url: string): string {
  const text = label?.trim();
  return text && text !== url ? `${text} (${url})` : url;
}

/**
 * Converts formatted message text to plain lines: emphasis markers, known HTML
 * tags and entities are removed, links keep their URL, and runs of blank lines
 * collapse to one.
 */
export function toPlainLines(source: string, format: TextFormat = 'markdown'): string[] {
  let text = source.replace(/\r\n?/g, '\n');
  if (format !== 'plain') {
    if (format === 'markdown') text = stripMarkdown(text);
    text = decodeEntities(stripHtml(text));
  }
  return tidyLines(text.split('\n'));
}

/** {@link toPlainLines} joined back into a single string. */
export function toPlainText(source: string, format: TextFormat = 'markdown'): string {
  return toPlainLines(source, format).join('\n');
}

function stripHtml(text: string): string {
  const tag = (names: string, closing = '/?') => new RegExp(`<${closing}(?:${names})\\b[^<>]*>`, 'gi');
  return text
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<a\b[^<>]*?href\s*=\s*["']([^"']*)["'][^<>]*>([\s\S]*?)<\/a\s*>/gi, (_m, url: string, label: string) => asLink(label.replace(tag(HTML_TAGS), ''), url))
    .replace(/<li\b[^<>]*>/gi, '\n- ')
    .replace(tag('p|div|ul|ol|h[1-6]|pre|blockquote|tr|table|hr'), '\n')
    .replace(tag(HTML_TAGS), '');
}

function stripMarkdown(text: string): string {
  const parked = text.replace(ESCAPABLE, (_m, ch: string) => String.fromCharCode(ESCAPE_BASE + ch.charCodeAt(0)));
  return parked
    .split('\n')
    .filter((line) => !/^\s*(```|~~~)/.test(line))
    .map(stripMarkdownLine)
    .join('\n')
    .replace(PARKED, (ch) => String.fromCharCode(ch.charCodeAt(0) - ESCAPE_BASE));
}

function stripMarkdownLine(line: string): string {
  const heading = /^\s{0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$/.exec(line);
  if (heading) return asHeading(stripInline(heading[1] ?? ''));
  // Bullets go first: a leading "* " would otherwise look like an opening emphasis marker.
  const bullet = /^(\s*)[*+]\s+(.*)$/.exec(line);
  if (bullet) return `${bullet[1]}- ${stripInline(bullet[2] ?? '')}`;
  if (/^\s*([-*_])(\s*\1){2,}\s*$/.test(line)) return '';
  return stripInline(line);
}

function stripInline(text: string): string {
  return (
    text
      .replace(/!\[([^\]]*)\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g, (_m, alt: string) => (alt ? `[image: ${alt}]` : '[image]'))
      .replace(/\[([^\]]+)\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g, (_m, label: string, url: string) => asLink(label, url))
      .replace(/`([^`]+)`/g, '$1')
      .replace(/\*\*(\S(?:.*?\S)?)\*\*/g, '$1')
      .replace(/~~(\S(?:.*?\S)?)~~/g, '$1')
      // Underscore emphasis must sit on word boundaries so names like front_end_server survive.
      .replace(/(^|[^\w])__(\S(?:.*?\S)?)__(?=[^\w]|$)/g, '$1$2')
      .replace(/(^|[^\w*])\*(\S(?:[^*]*?\S)?)\*(?=[^\w*]|$)/g, '$1$2')
      .replace(/(^|[^\w])_(\S(?:[^_]*?\S)?)_(?=[^\w]|$)/g, '$1$2')
  );
}

function tidyLines(lines: string[]): string[] {
  const tidy: string[] = [];
  for (const raw of lines) {
    const line = raw.replace(/\s+$/, '');
    if (line === '' && (tidy.length === 0 || tidy[tidy.length - 1] === '')) continue;
    tidy.push(line);
  }
  while (tidy.length > 0 && tidy[tidy.length - 1] === '') tidy.pop();
  return tidy;
}
