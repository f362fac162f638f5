/**
 * Session 13 (d25): the servers a message names by host for a DAG: its witness's host ("fsw on FS1", "witness FS01",
 * "point the witness at MBX1", "the FSW for that DAG is on EX-MBX1") and its members ("DAG01 = EX01 + EX02",
 * "DAG of 2 (MBX1, MBX2)", "MBX1-MBX4"). The dialog keeps them with the verdict, so that a later "FS1 is a windows
 * server 2016 box" is read as the witness's Windows (plan-ha.md: it need not match the members'), and "we'll move the fsw
 * to EX03" as a witness on one of the members (create-dags.md: "the witness server can't be a member of the DAG").
 * Only names with a digit are hosts ("FS1", "EX-MB2"); a word such as "file" or "a" is none.
 */

/** The hosts named for one DAG; both optional (a state saved before session 13 has neither). */
export interface NamedHosts {
  witness?: string;
  members?: string[];
}

const NAME = String.raw`[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*`;
/** A host name with a digit in it ("EX02", "BR-MBX1", "mail-b1"). */
const HOST_NAME = /^(?=[\w-]*\d)[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*$/i;
/** The witness said: "witness", "witness server", "fsw", "file share witness", "the witness share". */
const WITNESS_WORD = /\b(?:file[- ]share witness|witness|fsw)(?:\s+(?:server|share|directory))?\b/gi;
/**
 * The host after the witness: "on FS1", "= FS01", ": FS01", "FS01", "at MBX1", "to EX03", "onto EX-MB2", "is on EX-MBX1",
 * "for that DAG sits on EX-MB2", "will move to EX-UTIL1", "is actually on MBX2" (w10, j-after-01). A few words only, no sentence end between.
 */
const HOST_AFTER = new RegExp(
  String.raw`^\s*(?:for\s+(?:that|the|this|our|each|its)\s+dag\s+)?(?:(?:is|lives|sits|runs|will|would|be|goes|go|moves?|moved|now|currently|still|then|temporarily|points?|pointed|set|actually|really)\s+)*(?:(?:on|at|to|onto)\s+|=\s*|:\s*)?(?:(?:the|our|a|an)\s+(?:(?:file|utility|spare|old|other)\s+)?(?:server|box|vm|host|machine)\s+|server\s+)?(${NAME})(?![\w-])`,
  'i',
);
/** The host before the witness: "FS1 as the witness", "FS1 is the fsw", "FS01 will be the file share witness". */
const HOST_BEFORE = new RegExp(String.raw`(?<![\w-])(${NAME})\s+(?:(?:is|will be|as|becomes|serves as|acts as)\s+)(?:(?:the|our|a|its)\s+)?(?:dag\s+)?$`, 'i');
/** Two or more host names in a row ("MBX1, MBX2", "EX01 + EX02 + EX03", "EXA1 and EXA2", "mail-a1/mail-a2"). */
const NAME_LIST = new RegExp(String.raw`(?<![\w-])${NAME}(?:\s*(?:,|\+|&|/|\band\b)\s*${NAME})+(?![\w-])`, 'gi');
/** A range of hosts: "MBX1-MBX4", "MB1-MB4", "MBX1..MBX3", "MBX1..3", "EX1 to EX4", "MBX7 through MBX18". */
const NAME_RANGE = /(?<![\w-])([a-z][a-z-]*?)(\d{1,2})\s*(?:-|–|\.\.|\bto\b|\bthrough\b|\bthru\b)\s*(?:([a-z][a-z-]*?)(?=\d))?(\d{1,2})(?![\w-])/gi;

/** Words with a digit that name no server: updates, service packs, Windows releases, architectures, a DAG's own name. */
const NOT_A_HOST = /^(?:.{1,2}|(?:cu|sp|ru|rtm|r|x|w2k|win|ws|server|windows|dag|site|sql|ipv|v|tls|smb|raid)[-_]?\d.*)$/i;

/** The witness's host a message names, as typed; undefined when none with a digit is named. */
export function witnessHost(text: string): string | undefined {
  for (const witness of text.matchAll(WITNESS_WORD)) {
    const after = HOST_AFTER.exec(text.slice(witness.index + witness[0].length))?.[1];
    if (after !== undefined && HOST_NAME.test(after) && !NOT_A_HOST.test(after)) return after;
    const before = HOST_BEFORE.exec(text.slice(Math.max(0, witness.index - 60), witness.index))?.[1];
    if (before !== undefined && HOST_NAME.test(before) && !NOT_A_HOST.test(before)) return before;
  }
  return undefined;
}

/** The members a message names by host: lists of two or more names and ranges, less the witness's host. */
export function memberHosts(text: string): string[] {
  const witness = witnessHost(text)?.toLowerCase();
  const names: string[] = [];
  for (const range of text.matchAll(NAME_RANGE)) {
    const [, prefix, from, other, to] = range;
    const first = Number(from);
    const last = Number(to);
    if (other !== undefined && other.toLowerCase() !== prefix!.toLowerCase()) continue;
    if (last <= first || last - first > 15) continue;
    const width = from!.length;
    for (let n = first; n <= last; n += 1) names.push(`${prefix}${String(n).padStart(width, '0')}`);
  }
  for (const list of text.matchAll(NAME_LIST)) {
    const listed = list[0].split(/\s*(?:,|\+|&|\/|\band\b)\s*/i).filter((n) => HOST_NAME.test(n) && !NOT_A_HOST.test(n));
    if (listed.length >= 2) names.push(...listed);
  }
  // "with EXA1 and EXA2 as members": the same list; a lone "MBX4 joins" is no list (the dialog reads joining servers).
  const seen = new Set<string>();
  return names.filter((n) => {
    const key = n.toLowerCase();
    if (key === witness || seen.has(key) || NOT_A_HOST.test(n)) return false;
    seen.add(key);
    return true;
  });
}

/** The hosts a message names (empty object when none). */
export function namedHosts(text: string): NamedHosts {
  const witness = witnessHost(text);
  const members = memberHosts(text);
  return { ...(witness !== undefined ? { witness } : {}), ...(members.length > 0 ? { members } : {}) };
}

/** The hosts known after a message: a witness named now replaces the one before; members named now are added. */
export function withNamedHosts(before: NamedHosts | undefined, now: NamedHosts): NamedHosts | undefined {
  const witness = now.witness ?? before?.witness;
  const members = [...(before?.members ?? [])];
  for (const m of now.members ?? []) if (!members.some((k) => k.toLowerCase() === m.toLowerCase())) members.push(m);
  const kept = members.filter(
    (m) => m.toLowerCase() !== witness?.toLowerCase() || now.witness === undefined || (before?.members ?? []).some((k) => k.toLowerCase() === m.toLowerCase()),
  );
  const hosts = { ...(witness !== undefined ? { witness } : {}), ...(kept.length > 0 ? { members: kept } : {}) };
  return Object.keys(hosts).length > 0 ? hosts : undefined;
}

/** Hosts read back from saved state: anything but strings (a state of another shape) is dropped, never trusted. */
export function savedHosts(value: unknown): NamedHosts | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const { witness, members } = value as Record<string, unknown>;
  const names = Array.isArray(members) ? members.filter((m): m is string => typeof m === 'string' && HOST_NAME.test(m)) : [];
  const host = typeof witness === 'string' && HOST_NAME.test(witness) ? witness : undefined;
  const hosts = { ...(host !== undefined ? { witness: host } : {}), ...(names.length > 0 ? { members: names } : {}) };
  return Object.keys(hosts).length > 0 ? hosts : undefined;
}

/** A clause's start, then the host, then a verb or "itself": where the host is what the clause is about. */
const clauseSubject = (host: string) =>
  new RegExp(
    String.raw`(^|[.;:,!?\n(>]\s*|\b(?:and|but|fyi|btw|also|ps|p\.s\.|note)\s*,?\s+)${host.replace(/[-_]/g, '[-_]')}(?![\w-])(?=\s+(?:itself\b|is\b|was\b|runs?\b|ran\b|has\b|had\b|sits?\b|will\b|would\b|uses?\b|'s\b|are\b))`,
    'gi',
  );

/**
 * The witness's host said as the subject of a clause after it was named ("witness on FS1; FS1 itself is an old 2016 box",
 * or after the verdict "FS1 runs windows server 2012 r2"): the host's name written as "fsw" (spaces before it make up the length), so the
 * recognizer reads what the clause says as the witness's (its Windows is the witness server's, see withoutWitnessHost and
 * other-machines.ts) and never as the Exchange servers'. Same length; only names of three characters or more; in a message,
 * only clauses after the witness's own mention. `host` is the host kept from an earlier message, if any.
 */
export function withWitnessHostAsWitness(text: string, host?: string): string {
  let from = 0;
  let name = host;
  if (name === undefined) {
    name = witnessHost(text);
    if (name === undefined) return text;
    const at = text.toLowerCase().indexOf(name.toLowerCase());
    from = at + name.length;
  }
  if (name.length < 3) return text;
  const pattern = clauseSubject(name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return text.replace(pattern, (whole: string, lead: string, offset: number) => {
    if (offset < from) return whole;
    // Padded before the word, so that one space still joins it to what follows ("fsw itself is a 2016 box").
    return lead + ' '.repeat(whole.length - lead.length - 3) + 'fsw';
  });
}

/** Names an Exchange mailbox server would have ("MBX1", "EX-MBX1", "EX03", "EX-MB2", "mail02", "exch1"). */
const MAILBOX_SERVER_NAME = /^(?:[a-z0-9]+[-_])?(?:mbx|mb|ex|exch|exc|exchange|mail|mx)[-_]?(?:mbx|mb)?[-_]?\d{1,3}[a-z]?$/i;
/** Words saying the witness's new host is outside the DAG ("an exchange server outside the dag", "not a dag member"). */
const OUTSIDE_THE_DAG =
  /\b(?:outside (?:the|our|this|that) dag|not (?:a |one of the )?(?:dag )?members?|not in the dag|separate|isn'?t (?:a |in the )?(?:dag )?member|another dag|other dag|different dag)\b/i;

/**
 * The witness a message puts on one of the DAG's members, by host: a member named earlier ("DAG of 2 (MBX1, MBX2)", then
 * "point the witness at MBX2"), or, when no member was named, a host named as a mailbox server would be ("MBX1", "EX-MBX1")
 * in a setup whose only Exchange servers are the DAG's (create-dags.md: the witness "can't be a member of the DAG"; an
 * Exchange server outside the DAG is a good witness, so words saying so keep it outside). The host, or undefined.
 */
export function witnessOnNamedMember(text: string, hosts: NamedHosts | undefined): string | undefined {
  const host = witnessHost(text);
  if (host === undefined || OUTSIDE_THE_DAG.test(text)) return undefined;
  const key = host.toLowerCase();
  if (hosts?.witness?.toLowerCase() === key) return undefined;
  const members = hosts?.members ?? [];
  if (members.length > 0) return members.some((m) => m.toLowerCase() === key) ? host : undefined;
  return MAILBOX_SERVER_NAME.test(host) ? host : undefined;
}

/**
 * The same reading in the message that describes the DAG ("SE DAG of 2 ..., the witness is EX-MBX1", w10 j-red-05): a
 * witness host named as a mailbox server would be, where the message names no members by host and places nothing
 * outside the DAG. True when `host` is read as one of the DAG's members.
 */
export function witnessHostNamedAsMember(text: string, host: string): boolean {
  return MAILBOX_SERVER_NAME.test(host) && !OUTSIDE_THE_DAG.test(text) && memberHosts(text).length === 0;
}
