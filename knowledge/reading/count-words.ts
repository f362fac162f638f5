/**
 * Session 12 (d24, issue 21: w9-red-18, -21, -107..-110): member and database counts written as products, sums or
 * number words the count patterns do not read ("2 x 9 members", "16+1", "two racks of nine mailbox servers each",
 * "4 members per site across 5 sites", "three sites with six members in each", "half a dozen databases", "a pair of
 * lagged copy members", "MBX7 through MBX18"). Each is rewritten as the figure it stands for, padded with spaces to the same length (every
 * offset into the text stays), so the count patterns ("{n} members", "dag of {n}") and the sums of member-sums.ts read
 * it like any typed number. A product needs a noun of members or servers, or a place ("sites", "racks") whose members
 * it multiplies; nothing else is multiplied.
 */

import { NUMBER_WORDS } from './number-words';

const N = String.raw`(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)`;
const value = (word: string): number => NUMBER_WORDS.get(word.toLowerCase()) ?? Number(word);

/** Nouns of the servers a DAG or cluster counts ("members", "mailbox servers", "nodes", "mbx"). */
const MEMBERS = String.raw`(?:(?:active|passive|lagged|lag|copy|standby|dag|exchange|mailbox|dr|more|extra|additional)\s+)*(?:members?|nodes?|servers?|boxes|mbx|vms)\b`;
/** Places the members are spread over ("sites", "racks", "datacenters"). */
const PLACES = String.raw`(?:sites?|racks?|datacent(?:er|re)s?|data\s+cent(?:er|re)s?|locations?|rooms?|regions?)`;

interface Rewrite {
  pattern: RegExp;
  /** What the match stands for, written in figures (padded to the match's length later); undefined leaves the text. */
  figure: (match: RegExpExecArray) => string | undefined;
}

const REWRITES: readonly Rewrite[] = [
  // "MBX7 through MBX18", "EX05 up to EX20", "NODE3 to NODE6": servers named as a range of one name, counted (2 or more).
  {
    pattern: /\b([a-z][a-z-]{0,12}?)(\d{1,3})\s*(?:through|thru|up\s+to|to|until|\.\.)\s*\1(\d{1,3})\b/gi,
    figure: (m) => {
      const count = Number(m[3]) - Number(m[2]) + 1;
      return count >= 2 ? `${count} servers` : undefined;
    },
  },
  // "half a dozen", "another half dozen": 6; "a dozen": 12 (before the plain numbers, which never read "dozen").
  { pattern: /\bhalf(?:\s+a)?\s+dozen\b/gi, figure: () => '6' },
  { pattern: /\b(?:a|one)\s+dozen\b/gi, figure: () => '12' },
  // "a pair of lagged copy members": 2.
  { pattern: new RegExp(String.raw`\ba\s+pair\s+of(?=\s+${MEMBERS})`, 'gi'), figure: () => '2' },
  // "16+1", "8 + 8 members": a sum written with "+" between two figures.
  {
    pattern: /(?<![\w.+-])(\d{1,2})\s*\+\s*(\d{1,2})(?![\w.+-])/g,
    figure: (m) => String(Number(m[1]) + Number(m[2])),
  },
  // "2 x 9 members", "3 x 6 mailbox servers", "2*8 nodes": a product before a noun of members.
  {
    pattern: new RegExp(String.raw`\b${N}\s*(?:x|\*|×|times)\s*${N}(?=\s+${MEMBERS})`, 'gi'),
    figure: (m) => String(value(m[1]!) * value(m[2]!)),
  },
  // "two racks of nine mailbox servers each": places of members, each.
  {
    pattern: new RegExp(String.raw`\b${N}\s+${PLACES}\s+(?:of|with)\s+${N}(?=\s+${MEMBERS}\s+(?:each|apiece|per\s+\w+|in\s+each)\b)`, 'gi'),
    figure: (m) => String(value(m[1]!) * value(m[2]!)),
  },
  // "three sites with six members in each", "3 sites, 4 servers per site".
  {
    pattern: new RegExp(String.raw`\b${N}\s+${PLACES}\s*(?:,|with|of|having)?\s*${N}(?=\s+${MEMBERS}\s+(?:in\s+each|each|apiece|per\s+${PLACES}|in\s+every\s+\w+)\b)`, 'gi'),
    figure: (m) => String(value(m[1]!) * value(m[2]!)),
  },
  // "4 members per site across 5 sites", "6 nodes in each of 3 sites": the product is written over the members' count and
  // the places; the whole span becomes "<total> members".
  {
    pattern: new RegExp(
      String.raw`\b${N}(\s+${MEMBERS})\s+(?:per|in\s+each(?:\s+of)?|in\s+every|at\s+each(?:\s+of)?)\s+(?:${PLACES}\s+)?(?:(?:across|over|in|at|and|for|,)\s+)*${N}\s+${PLACES}\b`,
      'gi',
    ),
    figure: (m) => `${value(m[1]!) * value(m[3]!)}${m[2]}`,
  },
];

/** The text with counts written as products, sums or number words replaced by their figure (same length). */
export function withCountsInFigures(text: string): string {
  let out = text;
  for (const { pattern, figure } of REWRITES) {
    out = out.replace(pattern, (...args: unknown[]) => {
      const match = args.slice(0, -2) as unknown as RegExpExecArray;
      const all = match[0];
      const figureText = figure(match);
      return figureText !== undefined && figureText.length <= all.length ? figureText + ' '.repeat(all.length - figureText.length) : all;
    });
  }
  return out;
}

/** A range of one server name ("MBX7 through MBX18"): the same pattern the rewrite above reads. */
const NAMED_RANGE = /\b([a-z][a-z-]{0,12}?)(\d{1,3})\s*(?:through|thru|up\s+to|to|until|\.\.)\s*\1(\d{1,3})\b/gi;
/** A server named by a name and a number ("MBX5", "EX-07"); not an update, a Windows or Exchange short name, a witness or a DC. */
const SERVER_NAME = /\b(?!(?:cu|sp|ru|rtm|e2k|ex20|ex2k|exch20|w2k|win20|win2k|2k|windows|server|node|member|fs|fsw|dc|dag|q|h|wk|week)\d*\b)[a-z]{2,10}-?\d{1,3}\b/gi;
/** Words saying the servers named join the servers judged ("we add MBX5 and MBX6", "EX05 up to EX20 join"). */
const JOINING = /\b(?:add|adds|adding|added|join|joins|joining|joined|coming in|come in)\b/i;

/**
 * Session 12 (d24, w9-after-22): the servers a message names as joining the DAG judged, by name or as a range ("we add MBX5
 * and MBX6 next week, and MBX7 through MBX18 in january": 14), or 0 when it names none or says nothing of joining.
 */
export function serversNamedJoining(text: string): number {
  if (!JOINING.test(text)) return 0;
  let count = 0;
  const rest = text.replace(NAMED_RANGE, (all, _name: string, from: string, to: string) => {
    const n = Number(to) - Number(from) + 1;
    if (n >= 2) count += n;
    return n >= 2 ? ' '.repeat(all.length) : all;
  });
  const names = new Set([...rest.matchAll(SERVER_NAME)].map((m) => m[0].toLowerCase().replace('-', '')));
  return count + names.size;
}
