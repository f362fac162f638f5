/** Units and teens as people spell them in a year ("twenty nineteen", "two thousand three"). */
const UNITS: Readonly<Record<string, number>> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9 };
const TEENS: Readonly<Record<string, number>> = {
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const UNIT = Object.keys(UNITS).join('|');
const TEEN = Object.keys(TEENS).join('|');
const GAP = '[\\s-]+';

/** "twenty nineteen", "Twenty-Ten": 2010 to 2019. */
const TWENTY_TEENS = new RegExp(`\\btwenty${GAP}(${TEEN})\\b`, 'gi');
/** "twenty twenty-five", "twenty twenty two": 2021 to 2029 ("twenty twenty" alone names no release). */
const TWENTY_TWENTIES = new RegExp(`\\btwenty${GAP}twenty${GAP}(${UNIT})\\b`, 'gi');
/** "two thousand three", "two thousand and eight", "two thousand twelve". */
const TWO_THOUSAND_AND = new RegExp(`\\btwo${GAP}thousand(?:${GAP}and)?${GAP}(${UNIT}|${TEEN})\\b`, 'gi');
/** "Exchange two thousand", "windows two thousand": the year 2000 only after a product word ("two thousand users" is a count). */
const TWO_THOUSAND_ALONE = /\b(exchange|windows|win|server)(\s+)two[\s-]+thousand\b/gi;

/**
 * Issue 21: a release year spelled in words ("twenty nineteen", "Server twenty twenty-five", "exchange two
 * thousand three") written in figures, so that it is read like "2019" (the answer "twenty nineteen" to
 * "Which Windows Server release?" was refused twice). Counts in words ("three nodes", "sixteen members")
 * need no rewriting: the recognizer reads them as numbers. The text's length changes, so this runs
 * before anything takes offsets of it.
 */
export function withYearsInFigures(text: string): string {
  if (!/twenty|thousand/i.test(text)) return text;
  return text
    .replace(TWENTY_TWENTIES, (_all, unit: string) => String(2020 + UNITS[unit.toLowerCase()]!))
    .replace(TWENTY_TEENS, (_all, teen: string) => String(2000 + TEENS[teen.toLowerCase()]!))
    .replace(TWO_THOUSAND_AND, (_all, rest: string) => String(2000 + (UNITS[rest.toLowerCase()] ?? TEENS[rest.toLowerCase()]!)))
    .replace(TWO_THOUSAND_ALONE, (_all, product: string, space: string) => `${product}${space}2000`);
}
