/*
 * What lies outside the knowledge whatever the wording: a release it does not cover, or a fault to
 * troubleshoot. The articles hold support rules, limits and dates, not error messages, so a passage
 * found for such a question is near it, never an answer. Both patterns are bounded and linear.
 */

/** An Exchange release the knowledge does not cover (it holds 2000 to 2019 and SE): "exchange 5.5", "exchange 2022". */
const UNCOVERED_RELEASE = /\b(?:exchange|exch)(?:\s+server)?\s*(?:4\.0|5\.0|5\.5|20(?:0[14-689]|1[124578]|2[0-9]))\b/i;

/** A fault told ("owa blank page after cu update", "database won't mount", "replication lag how to fix"). */
const FAULT =
  /\b(errors?|blank (page|screen)|not (working|loading|starting|connecting|mounting)|(doesn'?t|does not|won'?t|will not|can'?t|cannot) (work|start|load|mount|connect|open|send|receive)|broken|crash(es|ed|ing)?|stuck|hangs?|hanging|corrupt\w*|bounc(e|es|ed|ing)|ndrs?|event id|login loop|replication lag|how to fix|troubleshoot\w*|(keeps|kept|keep) failing|fail(s|ed|ing)? at \d|(wizard|hcw|setup|prerequisites?) (fails|failed|failing)|failed with|execution failed|(really |very |so )?slow|something went wrong|(won'?t|will not|doesn'?t|does not|didn'?t|did not) come (up|online|back)|event \d{3,5}|fix(?=\s*\?*\s*$))\b/i;

/**
 * Words that frame a question but name no topic ("how many", "is it possible to", "which one"): a message
 * of these and function words alone is half a question, and any passage found for it (a title that
 * says "how many nodes") is no answer.
 */
const FRAME_WORDS = new Set(
  `many much long often soon possible able allowed way ways one ones thing things something anything it's its
same else exactly actually really still yet again now then`.split(/\s+/),
);

/** True when every word is a function word or a question's frame: half a question, no topic to search for. */
export function isHalfQuestion(text: string, isStopWord: (word: string) => boolean): boolean {
  const words = text.toLowerCase().match(/[a-z0-9'.]+/g) ?? [];
  return words.length > 0 && words.every((word) => FRAME_WORDS.has(word) || isStopWord(word.replace(/'/g, '')));
}

export function namesUncoveredRelease(text: string): boolean {
  return UNCOVERED_RELEASE.test(text);
}

export function describesFault(text: string): boolean {
  return FAULT.test(text);
}
