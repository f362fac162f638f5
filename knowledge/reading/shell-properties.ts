/**
 * Session 15 (w10, j-after-17): a line pasted from Exchange's shell names a fact by its property name, in one word:
 * "WitnessServer : 10.0.0.20" (Get-DatabaseAvailabilityGroup). Read as a word of its own, the witness was never said, so a
 * witness given by IP address (create-dags.md: "Using an IP address ... isn't supported") changed nothing. The property
 * name is read as the fact's word, padded with spaces to the same length (the readers after this one keep offsets):
 * each word must be no longer than its property's name.
 */
const PROPERTY_WORDS: ReadonlyArray<readonly [RegExp, string]> = [
  // Not "AlternateWitnessServer" (a witness for a datacenter switchover, not the DAG's witness).
  [/\bWitnessServer\b/gi, 'witness'],
];

/** The text with shell property names read as their words (same length). */
export function withShellPropertyWords(text: string): string {
  let read = text;
  for (const [pattern, words] of PROPERTY_WORDS) read = read.replace(pattern, (name) => words.padEnd(name.length, ' '));
  return read;
}
