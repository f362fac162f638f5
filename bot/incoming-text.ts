/**
 * Longest message the bot reads. Admins ask in a sentence or two; searching a pasted log file would
 * cost hundreds of milliseconds per message (fuzzy matching grows with the square of a word's
 * length), and the answer would not be better.
 */
export const MAX_MESSAGE_LENGTH = 4000;

/**
 * Longest raw text looked at, before mentions and markup are taken out: room for the `<at>` tags of
 * a few mentions around a message of {@link MAX_MESSAGE_LENGTH}. Anything longer is answered
 * {@link tooLongMessage} without running a single regular expression over it.
 */
export const MAX_RAW_TEXT_LENGTH = 2 * MAX_MESSAGE_LENGTH;

/**
 * Length of a message as the bot reads it: after Unicode compatibility normalisation (NFKC), which
 * the tokenizer applies, so a character that expands (U+FDFA becomes 18) cannot carry 18 times the
 * limit past it. Text already over the limit is not normalised at all.
 */
export function messageLength(text: string): number {
  if (text.length > MAX_MESSAGE_LENGTH) return text.length;
  return Math.max(text.length, text.normalize('NFKC').length);
}

/** The reply to a message over {@link MAX_MESSAGE_LENGTH}; it names only sizes, never the text. */
export function tooLongMessage(length: number): string {
  return `That message is ${length.toLocaleString('en-US')} characters long; I read questions of up to ${MAX_MESSAGE_LENGTH.toLocaleString('en-US')} characters. Please ask in a sentence or two.`;
}

/** The reply to a message with nothing the bot can read (no text, or only a mention or an empty card submit). */
export const NOTHING_TO_READ_MESSAGE = "I didn't find any text in that message. Ask a question in your own words, or type **help**.";

/**
 * Removes Teams `<at>Name</at>` mentions: in channels and group chats a message starts with one
 * (the bot's name), and it may mention others. They are addressing, not the question, so neither
 * the dialogs nor the search ever see them.
 */
export function stripMentions(text: string): string {
  return text.replace(/<at>[\s\S]*?<\/at>/gi, ' ');
}

// C0 and C1 control characters except tab, line feed and carriage return, and the Unicode bidi
// embedding, override and isolate controls: they can make echoed text read differently from what
// was sent. Right-to-left letters themselves, and the LRM/RLM marks, are kept.
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;
// A lone UTF-16 surrogate is not a character; JSON allows it, storage and channels may choke on it.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Makes user text safe to read and to echo: control and bidi-override characters removed, lone
 * surrogates replaced by U+FFFD. Everything else (emoji, right-to-left scripts, HTML or Markdown
 * characters) is kept as typed: the cards show user text only where it is never interpreted.
 */
export function cleanUserText(text: string): string {
  return text.replace(CONTROLS, '').replace(LONE_SURROGATE, '\uFFFD');
}
