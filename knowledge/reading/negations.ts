import type { Dimension } from '../loading/schemas';
import type { PhraseMatch } from './phrase-matcher';
import type { Token } from './text-tokens';

/** A fact a phrase names (the recognizer's Mention, restated here to keep this file free of the recognizer). */
interface Said {
  dimension: string;
  value?: string;
}

/** Verbs of taking something away: they deny what follows and, for high availability, stand for running it. */
const TAKEN_AWAY = ['removed', 'dropped', 'uninstalled', 'disabled', 'decommissioned', 'rid'];

/**
 * Words that deny what follows them in their clause: "nobody is a DC", "none of the nodes is a DC",
 * "neither box runs AD DS", "we do NOT run windows NLB", "I don't think any of them is a GC".
 * A contraction is two tokens ("isn't" is "isn", "t"): its first half is enough.
 */
const DENYING = new Set([
  'nobody',
  'noone',
  'none',
  'neither',
  'nor',
  'not',
  'never',
  'isn',
  'isnt',
  'aren',
  'arent',
  'wasn',
  'weren',
  'don',
  'dont',
  'doesn',
  'doesnt',
  'didn',
  'didnt',
  'won',
  'cannot',
  'can',
  'hasn',
  'haven',
  // Taken away: "we removed the FSW", "we dropped NLB", "got rid of the witness".
  ...TAKEN_AWAY,
]);
/** "can" denies only as "can't"/"can not"; "won" only as "won't". */
const DENYING_ONLY_BEFORE: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['can', new Set(['t', 'not'])],
  ['won', new Set(['t'])],
]);
/** "no" denies a subject ("no node is a DC", "no one"), not a value of its own ("no witness" is the witness's "no"). */
const NO_SUBJECTS = new Set(['one', 'node', 'nodes', 'member', 'members', 'server', 'servers', 'box', 'boxes', 'exchange', 'dag', 'machine', 'machines', 'vm', 'vms']);
/** After a denying word, words that make the clause a doubt, not a denial: "not sure", "no idea", "don't know". */
const DOUBTING = new Set(['sure', 'certain', 'know', 'known', 'idea', 'decided', 'yet', 'clear', 'checked', 'remember', 'recall']);
/** Words that start a new clause: what is denied before them is not what follows. */
const CLAUSE_WORDS = new Set(['and', 'but', 'plus', 'so', 'because', 'while', 'although', 'though', 'whereas', 'except', 'however', 'then', 'also']);
/** At most this many words between the denying word and what it denies ("none of the four exchange nodes is a DC"). */
const REACH = 10;
/** High-availability mentions a denial sets aside ("we do NOT run windows NLB", "can't use a DAG"). */
const DENIED_AWAY = new Set(['ha']);
/** ... only when a verb of running one stands between ("not to be on a cluster" is no denial of it). */
const RUNNING_VERBS = new Set([
  'run',
  'running',
  'use',
  'using',
  'have',
  'has',
  'install',
  'installed',
  'enable',
  'enabled',
  'want',
  'need',
  'plan',
  'deploy',
  'deployed',
  'configure',
  'configured',
  ...TAKEN_AWAY,
]);

/**
 * Issue 21: a fact said in a denied clause. A stated yes/no fact ("a DC", "the AD DS role", "a witness")
 * after "nobody is", "none of the nodes is", "no member is", "we don't have" reads as its "no" value,
 * and a high-availability mention after "not run", "can't use" is set aside. Read as said, "nobody is a DC"
 * made the DAG members domain controllers: a wrong "Not supported". A doubt ("not sure if the nodes are
 * DCs", "no idea whether") drops the fact: the check names it open rather than guessing.
 * Phrases whose own words deny ("not a DC", "none are DCs") are the dimension's "no" already and stay.
 */
export function withDenials(matches: PhraseMatch<Said[]>[], tokens: readonly Token[], text: string, dimensions: readonly Dimension[]): PhraseMatch<Said[]>[] {
  if (!tokens.some((t) => DENYING.has(t.text) || t.text === 'no' || t.text === 'without' || DENIED_AFTER.has(t.text))) return matches;
  const yesNo = new Set(dimensions.filter((d) => d.values.some((v) => v.id === 'yes') && d.values.some((v) => v.id === 'no')).map((d) => d.id));
  const result: PhraseMatch<Said[]>[] = [];
  for (const match of matches) {
    const said = match.entry.payload.filter((p) => p.value !== undefined);
    // "not all of them are member servers - MBX3 is a DC" (session 12 o24, w9-red-121): a "no" said of only some servers
    // ("not all", "not every") says nothing for all of them; what else the message says decides.
    if (said.some((p) => p.value === 'no' && yesNo.has(p.dimension)) && notAllBefore(tokens, text, match.from)) continue;
    // "a plain DC, no GC role", "a DC without the global catalog" (w9-red-09): a server that is no global catalog may still
    // be a domain controller; the denied global catalog is dropped, never read as "not a domain controller".
    if (ONLY_A_PART.has(match.entry.phrase.toLowerCase()) && said.some((p) => p.value === 'yes' && yesNo.has(p.dimension))) {
      const denied =
        denialBefore(tokens, text, match.from) !== undefined ||
        deniedAfter(tokens, text, match.to) ||
        /^(?:no|without)$/.test(tokens[match.from - (/^(?:a|an|the|any)$/.test(tokens[match.from - 1]?.text ?? '') ? 2 : 1)]?.text ?? '');
      if (denied) continue;
    }
    // "we never bought exchange enterprise", "not x86" (session 14 o26, w9-red-60): one value of an asked fact of two values
    // (the Exchange edition, the architecture), denied, is the other one; doubted, it is left open.
    const two = said.length === 1 ? dimensions.find((d) => d.id === said[0]!.dimension && d.kind === 'asked' && d.values.length === 2 && !yesNo.has(d.id)) : undefined;
    if (two) {
      const denied = denialBefore(tokens, text, match.from);
      if (denied === 'denied') {
        const other = two.values.find((v) => v.id !== said[0]!.value)!.id;
        result.push({ ...match, entry: { ...match.entry, payload: [{ dimension: two.id, value: other }] } });
        continue;
      }
      if (denied === 'doubted') continue;
    }
    const yes = said.some((p) => p.value === 'yes' && yesNo.has(p.dimension));
    const away = said.length > 0 && said.every((p) => DENIED_AWAY.has(p.dimension));
    let denial = yes || away ? denialBefore(tokens, text, match.from) : undefined;
    if (!yes && denial !== undefined && !tokens.slice(Math.max(0, match.from - 3), match.from).some((t) => RUNNING_VERBS.has(t.text))) denial = undefined;
    if (denial === undefined && (yes || away) && deniedAfter(tokens, text, match.to)) denial = 'denied';
    if (denial === undefined) result.push(match);
    else if (denial === 'denied' && yes) {
      const payload = match.entry.payload.map((p) => (p.value === 'yes' && yesNo.has(p.dimension) ? { dimension: p.dimension, value: 'no' } : p));
      result.push({ ...match, entry: { ...match.entry, payload } });
    } else if (denial === 'doubted' && yes) {
      // A doubt: the doubted fact is left open, what else the phrase names stays.
      const payload = match.entry.payload.filter((p) => !(p.value === 'yes' && yesNo.has(p.dimension)));
      if (payload.some((p) => p.value !== undefined)) result.push({ ...match, entry: { ...match.entry, payload } });
    }
    // High availability denied or doubted: not part of what is known.
  }
  return result;
}

/**
 * Phrases that name one part of a yes/no fact: a global catalog is a domain controller, but a server that is no global
 * catalog may still be one. Denied, they say nothing of the fact (session 12 o24).
 */
const ONLY_A_PART: ReadonlySet<string> = new Set(['gc', 'gcs', 'global catalog', 'global catalogs', 'global catalog server', 'global catalog servers']);

/** "not all of them are member servers", "not every member is in ...": a denial of "all", right before in its clause. */
function notAllBefore(tokens: readonly Token[], text: string, at: number): boolean {
  for (let k = at - 1; k >= 1 && at - k <= 6; k -= 1) {
    if (/[,;:.!?()\n]|\s[-–—]\s/.test(text.slice(tokens[k]!.end, tokens[k + 1]?.start ?? tokens[k]!.end))) return false;
    if ((tokens[k]!.text === 'all' || tokens[k]!.text === 'every') && (tokens[k - 1]!.text === 'not' || tokens[k - 1]!.text === 't')) return true;
  }
  return false;
}

/** Words right after a mention that say it is not there ("witness: none", "NLB removed"). */
const DENIED_AFTER = new Set(['none', 'no', 'nope', 'removed', 'dropped', 'disabled', 'uninstalled', 'decommissioned', 'gone', 'missing', 'absent']);
/** After "not" ("FSW not configured", "NLB is not used"): the words that make it a denial; "not in the DAG" places it. */
const NOT_THERE = new Set(['configured', 'used', 'installed', 'set', 'present', 'there', 'enabled', 'deployed', 'running', 'needed', 'wanted', 'available', 'setup']);
/** Words that may stand between a mention and its denial ("the witness was removed", "NLB is not used"). */
const LINKING = new Set(['is', 'are', 'was', 'were', 'has', 'have', 'been', 'got', 'gets', 'role', 'server', 'servers', 'share']);

/**
 * Issue 21 (e21): "witness: none", "FSW not configured", "NLB is not used", "the witness was removed": a
 * denial right after the mention, in its clause (a colon may stand between). Read as said, "witness: none"
 * was a witness, and "NLB not installed" NLB on the DAG members.
 */
function deniedAfter(tokens: readonly Token[], text: string, to: number): boolean {
  let k = to;
  while (k < tokens.length && k - to < 3 && LINKING.has(tokens[k]!.text)) k += 1;
  const word = tokens[k]?.text;
  if (word === undefined || k - to > 3) return false;
  // Only a colon, a space or a dash between (not a comma: "NLB, no witness" denies the witness, not NLB).
  if (!/^[\s:=-]*$/.test(text.slice(tokens[k - 1]!.end, tokens[k]!.start))) return false;
  if (word === 'not' || word === 'isn' || word === 'aren' || word === 'wasn' || word === 'never') {
    const next = tokens.slice(k + 1, k + 3).map((t) => t.text);
    return next.some((w) => NOT_THERE.has(w));
  }
  // "no" after a mention only as its whole answer ("NLB: no", "witness - no"), not "NLB no longer".
  if (word === 'no' || word === 'nope') return k + 1 >= tokens.length || !/^\s+\w/.test(text.slice(tokens[k]!.end, tokens[k + 1]!.start + 1));
  return DENIED_AFTER.has(word);
}

/** Whether the clause before token `at` denies it, doubts it, or neither. */
function denialBefore(tokens: readonly Token[], text: string, at: number): 'denied' | 'doubted' | undefined {
  let found: 'denied' | 'doubted' | undefined;
  const startsClause = (k: number) => k > 0 && /[,;:.!?()\n]|\s[-–—]\s/.test(text.slice(tokens[k - 1]!.end, tokens[k]!.start));
  if (startsClause(at)) return undefined;
  for (let k = at - 1; k >= 0 && at - k <= REACH; k -= 1) {
    const word = tokens[k]!.text;
    const next = tokens[k + 1]?.text ?? '';
    const denies = (DENYING.has(word) && (!DENYING_ONLY_BEFORE.has(word) || DENYING_ONLY_BEFORE.get(word)!.has(next))) || (word === 'no' && NO_SUBJECTS.has(next));
    if (denies) {
      // "not sure the nodes are DCs", "no idea whether": the words after the denial, up to the mention.
      const doubt = tokens.slice(k + 1, at).some((t) => DOUBTING.has(t.text));
      found = doubt ? 'doubted' : 'denied';
      break;
    }
    // The clause starts at punctuation before this word or at a joining word.
    if (CLAUSE_WORDS.has(word) || startsClause(k)) break;
  }
  return found;
}
