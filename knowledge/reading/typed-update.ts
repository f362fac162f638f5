import { behindSentence, type BuildTable } from '../rules/exchange-builds';

/** Updates typed in words: "RTM", "SP2", "service pack"-less "sp 3", "CU10", "cu 22" (long forms spelled first, see spellUpdates). */
const TYPED_UPDATE = /\b(rtm|sp\s?\d|cu\s?\d{1,2})\b/gi;

const UNITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const TEENS = ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
/** "twenty", "twenty-one", "twenty three", "fifteen", "four": a CU number in words (1 to 29). */
const NUMBER_IN_WORDS = `(?:twenty(?:[- ](?:${UNITS.slice(1).join('|')}))?|${TEENS.join('|')}|${UNITS.slice(1).join('|')})`;
const LONG_UPDATE = new RegExp(`\\b(?:cumulative\\s+update|cu)\\s*(\\d{1,2}|${NUMBER_IN_WORDS})\\b|\\bservice\\s+pack\\s*(\\d)\\b`, 'gi');

function numberOf(words: string): number {
  if (/^\d+$/.test(words)) return Number(words);
  const lower = words.toLowerCase();
  if (TEENS.includes(lower)) return 10 + TEENS.indexOf(lower);
  const [tens, unit] = lower.split(/[- ]/);
  return tens === 'twenty' ? 20 + (unit ? UNITS.indexOf(unit) : 0) : UNITS.indexOf(lower);
}

/**
 * "Cumulative Update 21", "cu twenty", "service pack 2" written as "CU21", "CU20", "SP2", padded with spaces to the
 * same length, so that the phrase tables and {@link runningUpdate} read them as they read the short form, and the
 * text keeps its offsets. Other text is unchanged.
 */
export function spellUpdates(text: string): string {
  if (!/cumulative|service\s+pack|\bcu\s*[a-z]|\bcu\s+\d/i.test(text)) return text;
  return text.replace(LONG_UPDATE, (all: string, cu: string | undefined, sp: string | undefined) => {
    const short = cu !== undefined ? `cu${numberOf(cu)}` : `sp${sp}`;
    return short.length <= all.length ? short + ' '.repeat(all.length - short.length) : all;
  });
}

/**
 * Words that make several CUs in one message a change or a choice rather than servers on different CUs:
 * "from cu13 to cu15", "upgrading to CU15", "cu14 or cu15?", "CU13, then CU15 next month".
 */
const CHANGE_OF_UPDATE =
  /\b(from|to|into|upgrad\w*|mov\w*|migrat\w*|going|plan\w*|next|then|later|soon|will|after|before|or|either|instead|vs|versus|until|skip\w*|target\w*|want\w*|need\w*)\b|->|→|=>/i;
/**
 * The CU the servers run now, said outright beside another: "it's CU 21, the CU23 upgrade was never done", "we were
 * on CU15 but rolled back to CU11", "one of them is still on cu10".
 */
const RUNS_NOW =
  /\b(?:(?:it|that|which|they|them|we|one|server|box|node|member)(?:'s|'re| is| are)\s+(?:still\s+|currently\s+|now\s+|actually\s+|really\s+)*(?:on\s+|at\s+|running\s+)?|(?:rolled|went|gone|reverted|downgraded|back)\s+(?:back\s+)?to\s+|(?:currently|now|still)\s+(?:on|at|running)\s+)(cu\d{1,2})\b/gi;

/** "from cu13 to cu15", "cu13 -> cu15": a move between two CUs, whose target is no running CU either. */
const MOVE_BETWEEN = /\b(?:from|to|into|onto)\s+cu\s?\d|(?:->|→|=>)\s*cu/i;
/** "cu15 is planned for january", "cu15 next month", "cu15 is scheduled": a CU still to come. */
const PLANNED =
  /\b(cu\s?\d{1,2})\s+(?:is\s+|are\s+|gets?\s+|will\s+be\s+)?(?:planned|scheduled|coming|pending|due|booked|next\s+(?:week|month|quarter|year|weekend)|in\s+(?:january|february|march|april|may|june|july|august|september|october|november|december|q[1-4]))\b/gi;

/**
 * The update the servers of a message run, as far as how current it is goes: the one update it names
 * in words ("cu10", "sp2", "rtm"), or, of several CUs named with no word of a change between them
 * ("one on cu10, one on cu15", "members on CU14 and CU13"), the oldest: servers on different CUs are
 * judged by the one furthest behind (the worst decides). Undefined when it names none, a change or a
 * choice of CUs ("from cu13 to cu15"), or several updates of which one is not a CU.
 */
export function runningUpdate(text: string): string | undefined {
  const spelled = spellUpdates(text);
  const named = [...new Set([...spelled.matchAll(TYPED_UPDATE)].map((m) => m[1]!.toLowerCase().replace(/\s/, '')))];
  if (named.length <= 1) return named[0];
  if (!named.every((u) => u.startsWith('cu'))) return undefined;
  // One CU said to be the one running now wins over a CU left or not reached ("rolled back to CU11", "it's CU 21").
  const now = [...new Set([...spelled.matchAll(RUNS_NOW)].map((m) => m[1]!.toLowerCase()))];
  if (now.length === 1) return now[0];
  // "exchange 2019 cu14 ... - cu15 is planned for january": the CU still to come is not the one running (o23, w9-red-04).
  const planned = new Set([...spelled.matchAll(PLANNED)].map((m) => m[1]!.toLowerCase().replace(/\s/, '')));
  const running = named.filter((u) => !planned.has(u));
  if (planned.size > 0 && running.length === 1 && !MOVE_BETWEEN.test(spelled)) return running[0];
  if (CHANGE_OF_UPDATE.test(spelled)) return undefined;
  return named.reduce((oldest, u) => (Number(u.slice(2)) < Number(oldest.slice(2)) ? u : oldest));
}

/**
 * Whether the update a message names in words ("Exchange 2019 CU10", "cu 22", "one on cu10, one on
 * cu15": see {@link runningUpdate}) of `version` still gets security updates: "behind" when it does
 * not, looked up in the build table as a pasted build of that update would be (its current-update
 * policy). Undefined when the message names no CU, a change of CU, or one the table does not list for
 * that version.
 */
export function namedUpdateCurrency(builds: BuildTable, version: string, text: string, serviced?: ServicedUpdates): string | undefined {
  // Only "behind" is said: it is what the current-update rule judges, and "current" would read as "still
  // updated" for a retired version whose last update simply had no successor (a gap in words says "current" only of a
  // version still supported: "one CU behind" on SE).
  const gap = serviced !== undefined ? updateGap(text) : undefined;
  if (gap !== undefined && gap >= serviced!.count) return 'behind';
  if (gap !== undefined && serviced!.supported) return 'current';
  if (behindUpdate(builds, version, text)) return 'behind';
  return newerThanListed(builds, version, updateOfVersion(text, version)) ? 'unlisted' : undefined;
}

/** A CU numbered above every CU the build table lists for the version ("SE CU1" while it knows SE RTM): not a typo of a listed one. */
function newerThanListed(builds: BuildTable, version: string, named: string | undefined): boolean {
  const cu = /^cu(\d{1,2})$/.exec(named ?? '')?.[1];
  if (cu === undefined || builds.canonicalUpdate(version, named!) !== undefined) return false;
  const listed = builds.updatesOf(version).map((row) => (row.update === 'rtm' ? 0 : Number(/^cu(\d+)$/.exec(row.update)?.[1] ?? NaN)));
  return listed.length > 0 && listed.every((n) => !Number.isNaN(n) && n < Number(cu));
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
  // Any update named, a service pack as a CU, is judged as the same build pasted would be: for a retired version
  // being behind is a condition of the design (rules update-behind-on-retired-version*, service-pack-support-ended*),
  // so a level a design was planned on ("exch 2007 sp1 ccr on win 2008") and one said to run today ("we're still
  // on 2013 SP1") read alike.
  const named = updateOfVersion(text, version);
  if (named === undefined) return undefined;
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

/** An update typed right after an Exchange version ("2013 cu20", "exchange 2010 sp3"): the group it belongs to in a design. */
const VERSION_AND_UPDATE = /\b(?:exchange\s*|exch\s*|ex\s*)?(20\d\d|se)\s+(?:server\s+)?(cu\s?\d{1,2}|sp\s?\d)\b/gi;

/**
 * The update of `version` a message names: the one typed right after that version when the message
 * types updates after versions ("2013 cu23 DAG ... 2019 cu15 DAG": CU23 is 2013's, never 2019's CU15),
 * undefined when it types one only after another version; otherwise {@link runningUpdate}.
 */
function updateOfVersion(text: string, version: string): string | undefined {
  const bound = [...spellUpdates(text).matchAll(VERSION_AND_UPDATE)].map((m) => ({ version: m[1]!.toLowerCase(), update: m[2]!.toLowerCase().replace(/\s/, '') }));
  // Only a message that types updates after two versions (a design) binds each to its version.
  if (!bound.some((b) => b.version !== version)) return runningUpdate(text);
  const own = [...new Set(bound.filter((b) => b.version === version).map((b) => b.update))];
  return own.length === 1 ? own[0] : undefined;
}

/** How many of a version's latest updates get security updates (fact A-9), and whether the version itself is still supported. */
export interface ServicedUpdates {
  count: number;
  supported: boolean;
}

const GAP_COUNT: Readonly<Record<string, number>> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, several: 2, multiple: 2, many: 2, few: 2, couple: 2 };
/** "2 CUs behind", "two cumulative updates back", "a couple of CUs behind", "one CU behind the latest". */
const GAP_IN_WORDS =
  /\b(\d{1,2}|an?|one|two|three|four|five|six|several|multiple|many|(?:a )?few|(?:a )?couple(?: of)?)\s+(?:cus?|cumulative updates?|updates?)\s+(?:behind|back|old|out of date|late)\b/i;
/** "not on the latest cu", "not running the latest update", "not the current CU": behind by one at least. */
const NOT_LATEST = /\bnot\s+(?:on\s+|running\s+|at\s+)?(?:the\s+)?(?:latest|newest|current|most recent)(?:\s+(?:cu|cumulative update|update))?\b/i;
/** "CU2 is out", "cu3 has been out for a month", "cu3 is already released", "the latest is CU3": the newest CU there is. */
const NEWER_OUT =
  /\b(cu\s?\d{1,2})\s+(?:is|has been|was|came|got|'s)\s+(?:already\s+|just\s+|now\s+|long\s+)?(?:out|released|available|the latest|current)\b|\b(?:latest|newest|current)(?:\s+cu)?\s+(?:is|being)\s+(cu\s?\d{1,2})\b/i;

/**
 * How many updates behind the newest the servers are, said in words (issue 21, o23: w7-stated-21, w8-after-08): "2 CUs
 * behind" is 2; "we're on RTM and CU2 is out", "on cu1 while cu3 has been out for a month" the newest CU said to be out
 * less the one run (RTM is 0); "not on the latest" 1 at least. Undefined when the message says none of these.
 */
export function updateGap(text: string): number | undefined {
  const spelled = spellUpdates(text);
  const said = GAP_IN_WORDS.exec(spelled);
  if (said) {
    const word = said[1]!.toLowerCase().replace(/^a\s+|\s+of$/g, '');
    const n = /^\d+$/.test(word) ? Number(word) : GAP_COUNT[word];
    if (n !== undefined && n > 0) return n;
  }
  const out = NEWER_OUT.exec(spelled);
  if (out) {
    const newest = Number((out[1] ?? out[2])!.replace(/\D/g, ''));
    const others = [...spelled.matchAll(TYPED_UPDATE)].map((m) => m[1]!.toLowerCase().replace(/\s/, '')).filter((u) => u !== `cu${newest}` && (u === 'rtm' || u.startsWith('cu')));
    const running = [...new Set(others)];
    if (running.length === 1) {
      const n = running[0] === 'rtm' ? 0 : Number(running[0]!.slice(2));
      if (newest > n) return newest - n;
    }
  }
  return NOT_LATEST.test(spelled) ? 1 : undefined;
}
