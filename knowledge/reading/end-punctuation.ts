const END_PUNCTUATION = /[\s.!?]/;

/**
 * The text trimmed, without the full stops, exclamation and question marks at its end: how the router
 * reads a message, and how the recognizer reads one with nothing known (so both share one reading). A
 * loop from the end rather than `/[\s.!?]+$/`, which tries the run from every position in it ("!" x
 * 4,000 then a letter cost ten normal turns).
 */
export function withoutEndPunctuation(text: string): string {
  const trimmed = text.trim();
  let end = trimmed.length;
  while (end > 0 && END_PUNCTUATION.test(trimmed[end - 1]!)) end -= 1;
  return trimmed.slice(0, end);
}
