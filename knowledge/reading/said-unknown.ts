/**
 * "exchange 2016, not sure which cu, one mailbox server", "2019 dag of 4, cu unknown": a fact the user says they do not
 * know, in the message that starts a check. The check leaves it open (named as a condition) and never asks it (issue
 * 21, o23: w8-oos-57 asked the CU it had been told was unknown). Only the words below name a fact; "not sure" alone
 * names none. Bounded patterns, linear.
 */

/** Words for a fact of the check, and the dimension each names. */
const FACT_WORDS: ReadonlyArray<readonly [dimension: string, words: string]> = [
  ['update', 'cu|cus|cumulative update|update level|patch level|service pack|sp|rollup|update rollup|ru|su|security update'],
  ['windowsEdition', 'windows edition|os edition|edition of windows'],
  ['windows', 'windows version|windows release|os version|os|windows|operating system|server os'],
];
const UNSURE = `not (?:quite )?sure|unsure|no idea|no clue|dunno|don'?t know|do not know|not certain|can'?t remember|cannot remember|don'?t remember|not known`;
const BETWEEN = `(?:\\s+(?:about|of|on|re|regarding|which|what|the|its|their|our|we(?:'re| are)? (?:on|running)|it(?:'s| is)(?: on)?))*`;

const PATTERNS = FACT_WORDS.map(([dimension, words]) => ({
  dimension,
  // "not sure which cu", "no idea about the windows version", "dunno the rollup"; "cu unknown", "os: not sure", "cu ??".
  before: new RegExp(`\\b(?:${UNSURE})${BETWEEN}\\s+(?:${words})\\b`, 'i'),
  after: new RegExp(`\\b(?:${words})\\b\\s*(?:is\\s+|[:=-]\\s*)?(?:unknown|not known|tbd|\\?{2,}|(?:${UNSURE}))`, 'i'),
}));

/** The dimensions a message says are unknown to the user, in the table's order (each once). */
export function saidUnknown(text: string): string[] {
  if (text.length > 2_000) return [];
  const found: string[] = [];
  for (const { dimension, before, after } of PATTERNS) {
    if ((before.test(text) || after.test(text)) && !found.includes(dimension)) found.push(dimension);
  }
  // "not sure about the windows edition" names the edition, not the release.
  if (found.includes('windowsEdition') && found.includes('windows') && !/\b(?:windows|os) (?:version|release)\b/i.test(text)) found.splice(found.indexOf('windows'), 1);
  return found;
}
