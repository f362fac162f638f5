import type { PhraseMatch } from './phrase-matcher';
import type { Token } from './text-tokens';
import { witnessHostNamedAsMember } from './named-hosts';

/** A fact a phrase names (the recognizer's Mention, restated here to keep this file free of the recognizer). */
interface Said {
  dimension: string;
  value?: string;
}

/**
 * After a witness, words placing it on one of the DAG's own members: "the witness share lives on EXSE2, one of
 * the two members", "the witness is on FS01 which is actually one of the 4 DAG members", "witness = EX3 (one
 * of the four)" (a count closing its clause counts the members); "the fsw is on dag member 2", "the witness is EX02 itself",
 * "witness on EXCH02 (the second member)", "fsw on BR-MBX1 (the branch has nothing else)" (session 9 d21: w6-hunt-17,
 * w6-hunt-38, w6-hunt-60). Linear (no nested quantifiers); read on the
 * text after the witness up to the end of its sentence.
 */
const ON_A_MEMBER =
  /^[^.;!?]{0,80}?\b(one of (the|our|its|both|those|these|them)\b( \w+)?( dag)? (members?|nodes?|mailbox servers|exchange servers)|(is|on|are) (also )?(a|one) (dag )?member( server)? of the dag|(is|on|are) (also )?(a|one) dag member\b|itself a (dag )?member|one of (the|our|its|those|these) (two|three|four|five|six|seven|eight|nine|ten|twelve|fourteen|sixteen|\d{1,2})(?=\s*([)\].,;:!?]|$))|(is|on|are) (the )?(dag )?(member|node) (\d|one|two|three|four)\b|(is|on) (the )?(first|second|third|fourth|other|1st|2nd|3rd|4th) (dag )?(member|node)\b|\((the )?(first|second|third|fourth|other|1st|2nd|3rd|4th) (dag )?(member|node)\)|(is|=|on) [a-z][\w-]*\d itself)\b/i;

/** "fsw on BR-MBX1 (the branch has nothing else)": a witness on a named server where no other server exists is on a member. */
const ON_A_NAMED_SERVER = /^\s*(?:(?:share\s+)?(?:is|lives|sits|runs)\s+)?(?:on|=|:)\s*[a-z][a-z0-9]*[-_0-9][\w-]*/i;
const NO_OTHER_SERVER = /^[^.;!?]{0,80}?\b(?:we|they|the \w+) (?:have|has) (?:no other (?:server|box|machine|vm)s?|nothing else)\b/i;

/**
 * Session 12 (d24, w9-red-120): the witness said NOT to be outside the DAG ("the witness is not outside the dag, it's on
 * MBX2", "the witness isn't on a separate server"): on one of the members, whatever host follows.
 */
const NOT_OUTSIDE =
  /^\s*(?:server\s+|share\s+)?(?:is\s+not|isn't|is\s+no\s+longer|isnt|was\s+not|wasn't|not)\s+(?:outside\s+(?:the|our|this)\s+dag|on\s+(?:a|its\s+own|an?)\s+(?:separate|dedicated|other|external|different)\s+(?:server|box|machine|vm|host)|external|separate)\b/i;

/**
 * Session 12 (d24, w9-red-38): the witness given by IP address ("witness server is set to 10.20.0.15", "the fsw points at
 * 192.168.10.5", "witness by ip"; not "fsw on FS1, DAG IP 10.0.0.5", the DAG's own address): create-dags.md, "Using an IP address or a wildcard name isn't supported", so no witness
 * server the DAG can use. Read on the typed text (the dots of an address end no sentence here).
 */
const BY_IP_ADDRESS = /^(?:(?!\b(?:dag|cluster|cno)\b)[^;!?,\n]){0,50}?(?:\b(?:\d{1,3}\.){3}\d{1,3}\b|\bby (?:its |the )?ip(?: address)?\b|\b(?:an?|the|its) ip address\b)/i;
/**
 * Session 12 (d24, w9-red-39): the witness on a NAS appliance ("file share witness on our synology NAS", "a share on our
 * qnap nas"): plan-ha.md, "The witness server can be any computer running Windows Server"; an appliance is none.
 */
const ON_AN_APPLIANCE = /^[^.;!?,\n]{0,50}?\b(?:nas|nas appliance|nas box|synology|qnap|netapp|isilon|filer)\b/i;

/**
 * "with the witness on node 2", "fsw on member 3", "witness on the second node" (session 15, lead): the phrase "witness on"
 * takes the "on", so the member's number or ordinal follows the witness phrase directly.
 */
const ON_A_NUMBERED_MEMBER =
  /^\s*(?:the\s+)?(?:dag\s+)?(?:(?:member|node)[\s-]?(?:\d{1,2}|one|two|three|four)|(?:first|second|third|fourth|other|1st|2nd|3rd|4th)\s+(?:dag\s+)?(?:member|node))\b/i;

/** "witness on a dag member", "the fsw is on another dag node": the placing words right after the witness phrase. */
const ON_A_DAG_MEMBER = /^\s*(?:(?:is|sits|lives|runs|placed)\s+)?(?:on\s+)?(?:a|one|another|the other)\s+dag\s+(?:member|node)s?\b/i;

/** The server a witness is placed on, named by host: "fsw on MBX2", "witness server is EX02", "witness = BR-MBX2", "(fsw on mail-b1)". */
const WITNESS_HOST =
  /^\s*(?:(?:server|share|directory)\s+)?(?:(?:is|lives|sits|runs|will\s+be|goes)\s+)?(?:(?:on|at)\s+|=\s*|:\s*)?(?:server\s+)?([a-z][a-z0-9]*(?:[-_][a-z0-9]+)*)\b/i;
/** A host name with a digit in it ("EX02", "BR-MBX1", "mail-b1"): a word such as "a" or "file" is no server's name. */
const HOST_NAME = /^(?=[\w-]*\d)[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*$/i;
/** Two or more host names in a row ("MBX1, MBX2", "EX01 + EX02", "BR-MBX1 and BR-MBX2", "mail-a1/mail-a2"): a DAG's members named. */
const NAME = String.raw`[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*`;
const NAME_LIST = new RegExp(String.raw`(?<![\w-])${NAME}(?:\s*(?:,|\+|&|/|\band\b)\s*${NAME})+(?![\w-])`, 'gi');

/**
 * "SE DAG of 2 (MBX1, MBX2), fsw on MBX2", "DAG-B: mail-b1, mail-b2 (fsw on mail-b1)" (session 11 d23): the witness's
 * host is one of the servers the same line lists together as the DAG's members. Only names with a digit, and only a
 * list on the witness's own line (another DAG's member is not this DAG's).
 */
function hostListedAsMember(text: string, witnessStart: number, witnessEnd: number): boolean {
  const host = WITNESS_HOST.exec(text.slice(witnessEnd))?.[1];
  if (host === undefined || !HOST_NAME.test(host)) return false;
  const lineStart = text.lastIndexOf('\n', witnessStart - 1) + 1;
  const nextBreak = text.indexOf('\n', witnessEnd);
  const line = text.slice(lineStart, nextBreak === -1 ? text.length : nextBreak);
  for (const list of line.matchAll(NAME_LIST)) {
    const names = list[0].split(/\s*(?:,|\+|&|\/|\band\b)\s*/i).filter((n) => HOST_NAME.test(n));
    // The witness's own mention ("fsw on MBX2, MBX3 ...") is not a members' list: the list must start before the witness.
    if (names.length >= 2 && lineStart + list.index < witnessStart && names.some((n) => n.toLowerCase() === host.toLowerCase())) return true;
  }
  return false;
}

/**
 * "the witness share lives on EXSE2, one of the two members": a witness placed on a DAG member is no witness
 * server outside the DAG (M-14, plan-ha.md: the witness is a server outside the DAG), so the witness fact is
 * "no", which the rules judge with the member count. Read as "a witness server" it kept an even DAG with
 * conditions (issue 21, g21: w4-fact-35, w3-after-15).
 */
export function withWitnessOnMember(matches: PhraseMatch<Said[]>[], tokens: readonly Token[], text: string, typed?: string): PhraseMatch<Said[]>[] {
  // Host names as typed: the read text blanks the numbers of names such as "MBX2" or "DAG01" (same length).
  const names = typed !== undefined && typed.length === text.length ? typed : text;
  const isWitness = (m: PhraseMatch<Said[]>) => m.entry.payload.some((p) => p.dimension === 'witness' && p.value === 'yes');
  const asNo = (m: PhraseMatch<Said[]>) => ({ ...m, entry: { ...m.entry, payload: m.entry.payload.map((p) => (p.dimension === 'witness' ? { ...p, value: 'no' } : p)) } });
  // On a member (not an IP address or an appliance, which are no member): also the fact the rule for any member count reads.
  const onAMember = (m: PhraseMatch<Said[]>) => ({ ...m, entry: { ...m.entry, payload: [...asNo(m).entry.payload, { dimension: 'witnessOnMember', value: 'yes' }] } });
  const lineOf = (at: number) => names.slice(0, at).split('\n').length;
  const onMemberLines = new Set<number>();
  const read = matches.map((m) => {
    if (!isWitness(m)) return m;
    // As typed: "lives on MBX2 itself" (w9-red-37) is "MBX  itself" in the read text.
    const after = names.slice(tokens[m.to - 1]!.end);
    const host = WITNESS_HOST.exec(after)?.[1];
    const onMember =
      (host !== undefined && HOST_NAME.test(host) && witnessHostNamedAsMember(names, host)) ||
      ON_A_MEMBER.test(after) ||
      ON_A_DAG_MEMBER.test(after) ||
      ON_A_NUMBERED_MEMBER.test(after) ||
      (ON_A_NAMED_SERVER.test(after) && NO_OTHER_SERVER.test(after)) ||
      hostListedAsMember(names, tokens[m.from]!.start, tokens[m.to - 1]!.end) ||
      NOT_OUTSIDE.test(after);
    const noWitnessServer = onMember || BY_IP_ADDRESS.test(after) || ON_AN_APPLIANCE.test(after);
    if (!noWitnessServer) return m;
    onMemberLines.add(lineOf(tokens[m.from]!.start));
    return onMember ? onAMember(m) : asNo(m);
  });
  if (onMemberLines.size === 0) return read;
  // "the fsw share lives on MBX2 itself (C:\FSW)": a later bare mention of the witness on that line is the same witness,
  // unless it names a host of its own ("fsw on util-01").
  return read.map((m, i) => {
    if (isWitness(m) && introducesPastedLine(names, tokens[m.to - 1]!.end) && onMemberLines.has(lineOf(tokens[m.from]!.start) + 1)) return asNo(m);
    if (!isWitness(m) || i === 0 || !onMemberLines.has(lineOf(tokens[m.from]!.start))) return m;
    if (!read.slice(0, i).some((e) => !isWitness(e) && e.entry.payload.some((p) => p.dimension === 'witness'))) return m;
    const host = WITNESS_HOST.exec(names.slice(tokens[m.to - 1]!.end))?.[1];
    return host !== undefined && HOST_NAME.test(host) ? m : asNo(m);
  });
}

/**
 * "here's the witness line from Get-DatabaseAvailabilityGroup:" above "WitnessServer : 10.0.0.20" (w10, j-after-17): a
 * mention of the witness that names no host and ends its line with a colon introduces the pasted line below it, which says
 * where the witness is; it is the same witness, not a second one said to exist.
 */
function introducesPastedLine(text: string, from: number): boolean {
  const end = text.indexOf('\n', from);
  if (end === -1) return false;
  const rest = text.slice(from, end).trimEnd();
  const host = WITNESS_HOST.exec(rest)?.[1];
  return rest.endsWith(':') && !(host !== undefined && HOST_NAME.test(host));
}

/** A DAG's word or name, then what leads its members' list: "DAG01 = ", "DAG-A: ", "DAG01 with members ", "DAG members ", "dag (", "another DAG, " (d24). */
const DAG_LEADS_MEMBERS = new RegExp(
  String.raw`(?:\bdag(?:[-_]?[a-z0-9]+)?|\bdatabase availability group)\s*(?:(?:[:=({,]|\bwith\b|\bof\b|\bhas\b)\s*)?(?:\bmembers?\b\s*(?:[:=]|\bare\b)?\s*)?(?=(${NAME}(?:\s*(?:,|\+|&|/|\band\b)\s*${NAME})+))`,
  'gi',
);

/**
 * "DAG01 = EX01 + EX02", "DAG-B: mail-b1, mail-b2", "SE DAG01 with members EX01 and EX02" (session 11 d23): the members
 * named by host right after the DAG, counted (two or more names with a digit). Undefined when no such list follows.
 */
export function namedMemberCount(text: string): number | undefined {
  for (const lead of text.matchAll(DAG_LEADS_MEMBERS)) {
    const names = lead[1]!.split(/\s*(?:,|\+|&|\/|\band\b)\s*/i).filter((n) => HOST_NAME.test(n));
    if (names.length >= 2) return names.length;
  }
  return undefined;
}
