import { behindSentence, type BuildTable } from '../rules/exchange-builds';

/** Updates typed in words: "RTM", "SP2", "service pack"-less "sp 3", "CU10", "cu 22". */
const TYPED_UPDATE = /\b(rtm|sp\s?\d|cu\s?\d{1,2})\b/gi;

/**
 * Words that make several CUs in one message a change or a choice rather than servers on different CUs:
 * "from cu13 to cu15", "upgrading to CU15", "cu14 or cu15?", "CU13, then CU15 next month".
 */
const CHANGE_OF_UPDATE =
  /\b(from|to|into|upgrad\w*|updat\w*|patch\w*|install\w*|mov\w*|migrat\w*|going|plan\w*|next|then|later|soon|will|after|before|or|either|instead|vs|versus|until|skip\w*|target\w*|want\w*|need\w*)\b|->|→|=>/i;

/**
 * The update the servers of a message run, as far as how current it is goes: the one update it names
 * in words ("cu10", "sp2", "rtm"), or, of several CUs named with no word of a change between them
 * ("one on cu10, one on cu15", "members on CU14 and CU13"), the oldest: servers on different CUs are
 * judged by the one furthest behind (the worst decides). Undefined when it names none, a change or a
 * choice of CUs ("from cu13 to cu15"), or several updates of which one is not a CU.
 */
export function runningUpdate(text: string): string | undefined {
  const named = [...new Set([...text.matchAll(TYPED_UPDATE)].map((m) => m[1]!.toLowerCase().replace(/\s/, '')))];
  if (named.length <= 1) return named[0];
  if (!named.every((u) => u.startsWith('cu')) || CHANGE_OF_UPDATE.test(text)) return undefined;
  return named.reduce((oldest, u) => (Number(u.slice(2)) < Number(oldest.slice(2)) ? u : oldest));
}

/**
 * Whether the update a message names in words ("Exchange 2019 CU10", "cu 22", "one on cu10, one on
 * cu15": see {@link runningUpdate}) of `version` still gets security updates: "behind" when it does
 * not, looked up in the build table as a pasted build of that update would be (its current-update
 * policy). Undefined when the message names no CU, a change of CU, or one the table does not list for
 * that version.
 */
export function namedUpdateCurrency(builds: BuildTable, version: string, text: string): string | undefined {
  // Only "behind" is said: it is what the current-update rule judges, and "current" would read as "still
  // updated" for a retired version whose last update simply had no successor.
  return behindUpdate(builds, version, text) ? 'behind' : undefined;
}

/**
 * "Exchange 2019 CU10 is more than one CU behind: update to CU14 or CU15.": what to update to, for a CU typed
 * in words that is behind (as the line of a pasted build says it), so the verdict's recommendation has the
 * CUs to name. Undefined when the message names no such CU.
 */
export function describeTypedUpdate(builds: BuildTable, version: string, text: string): string | undefined {
  const behind = behindUpdate(builds, version, text);
  return behind ? behindSentence(behind.row, behind.currency) : undefined;
}

function behindUpdate(builds: BuildTable, version: string, text: string) {
  // Cumulative updates only: a service pack whose support ended early (Exchange 2007 SP2) heads the verdict with
  // its own end date (lifecycle.yaml, A-20), and the design keeps its label while that service pack was supported.
  const named = runningUpdate(text);
  if (named === undefined || !named.startsWith('cu')) return undefined;
  const update = builds.canonicalUpdate(version, named);
  const row = update ? builds.updatesOf(version).find((r) => r.update === update) : undefined;
  const currency = row ? builds.currency(row) : undefined;
  return row && currency?.state === 'behind' ? { row, currency } : undefined;
}

/**
 * "behind" when every CU a value of the update question stands for (its short answers: "Exchange 2019 CU12
 * or CU13" is cu12 and cu13) is behind in the build table; undefined when one of them still gets security
 * updates, or the value names no CU (service packs, "RTM"). Lets a verdict with the update left open say
 * those CUs are Not supported, without the rules table implying a currency from a range of CUs (which would
 * break its invariant that an asked fact never breaks a limit).
 */
export function updateValueCurrency(builds: BuildTable, version: string, answers: readonly string[]): string | undefined {
  const cumulative = answers.filter((a) => /^cu\d{1,2}$/.test(a));
  if (cumulative.length === 0) return undefined;
  return cumulative.every((cu) => namedUpdateCurrency(builds, version, cu) === 'behind') ? 'behind' : undefined;
}
