import type { PhraseMatch } from './phrase-matcher';
import type { Token } from './text-tokens';

/** A fact a phrase names (the recognizer's Mention, restated here to keep this file free of the recognizer). */
interface Said {
  dimension: string;
  value?: string;
}

/** What a Windows release says of a server: its release, edition, installation and architecture. */
const PLATFORM = new Set(['windows', 'windowsEdition', 'serverCore', 'architecture', 'windowsServicePack']);
/** The stated, unjudged fact that other machines were described (fact-dimensions.yaml, `unevaluated`). */
export const OTHER_MACHINES: Said = { dimension: 'unevaluated', value: 'other-machines' };

/**
 * A clause whose subject is a machine that is no Exchange server: the virtualization hosts ("the hyper-v host itself
 * runs ...", "our esxi hosts are ..."), the domain controllers ("our domain controllers are all ...", "the DCs run ..."),
 * the witness or a file server ("the witness server is ...", "the file servers run ..."); then a verb placing it. Up to
 * the verb, from the clause's start. Or a clause saying its machines are other servers (OTHER_PREDICATE).
 * Session 15 (j27, j-after-08): a host name may follow the subject ("btw our file server FS1 still runs windows server 2012
 * r2" was read as the SE server's Windows: a wrong Not supported).
 * Session 14 (o26): "update: our DCs were upgraded to 2022 last week" (a lead "update", "also worth mentioning"; "were", "have
 * been" before the release) was read as the Exchange server's Windows and a DC role: a wrong Not supported.
 */
const OTHER_SUBJECT =
  /^\s*(?:(?:and|but|also|fyi|fwiw|btw|oh|so|ps|p\.s\.|update|note|also worth mentioning|worth mentioning|one more thing|another thing|forgot to (?:say|mention)|i forgot to (?:say|mention))\s*[,:]?\s+)*(?:(?:our|the|all|both|all of our|all the|all our|its|their)\s+)*(?:(?:hyper-?v|esxi|vmware|vsphere|virtuali[sz]ation|physical|underlying|cluster)\s+)?(?:hosts?|hypervisors?|domain controllers?|dcs|gcs|global catalogs?|file servers?|print servers?|witness(?: server)?|fsw(?: server)?|file share witness(?: server)?|jump hosts?|sql servers?|sql box(?:es)?)(?:\s+[a-z][\w-]*\d[\w-]*)?(?:\s+(?:itself|themselves|underneath|below|beneath|under it|under them))?\s+(?:(?:all|still|also|now)\s+)?(?:is|are|run|runs|sit on|sits on|use|uses|have|has|got|were|was|have been|has been|will be)\b/i;
/** A clause that says its machines are other servers ("the old 2008 r2 boxes around them are print servers, not exchange"). */
const OTHER_PREDICATE =
  /\b(?:is|are|were|was)\s+(?:(?:just|only|our|the|all|now)\s+)*(?:print|file|sql|web|backup|jump|management|monitoring|domain)\s+(?:servers?|boxes|hosts?|controllers?)\b|\b(?:is|are)\s+not\s+exchange\b|\bnon-exchange\b/i;
/**
 * Session 13 (o25, o24-after-04): "what about the DCs, they run windows server 2016 - fine?", "btw, what about our domain
 * controllers? they run 2016": a clause whose subject is "they" (or "those", "these") after a clause that ends on another
 * machine's name is about that machine. The earlier clause's end, and the later clause's start up to its verb.
 */
const OTHER_NAMED_LAST =
  /\b(?:hosts?|hypervisors?|domain controllers?|dcs|gcs|global catalogs?|file servers?|witness(?: server)?|fsw(?: server)?|file share witness(?: server)?|sql servers?)\s*[,;:?!.\-–—]*\s*$/i;
const PRONOUN_SUBJECT = /^\s*(?:they|those|these|both|all of them)\s+(?:(?:all|still|also|now)\s+)?(?:are|run|runs|sit on|use|have|got)\b/i;
/**
 * Session 14 (o26, w9-after-43): "a kemp loadmaster on a vmware host with windows 2012 r2 vms around it", "running next to some
 * 2012 r2 vms": a Windows release of virtual machines said to stand around, beside or apart from what the clause names is
 * theirs, not the Exchange servers'. The release and its VMs, then a word placing them around or beside; or "some"/"other"
 * before them, in a clause that places something next to them.
 */
const OTHER_VMS =
  /\b(?:20\d\d|2k\d\d)(?:\s*r2)?(?:\s+(?:std|standard|datacenter|dc))?\s+(?:vms?|virtual machines|boxes|machines)\s+(?:around|beside|next to|alongside)\s+(?:it|them)\b|\b(?:next to|beside|alongside|around)\s+(?:some|other|a few|several)\s+(?:other\s+)?(?:old(?:er)?\s+|legacy\s+)?(?:windows\s+)?(?:server\s+)?(?:20\d\d|2k\d\d)(?:\s*r2)?(?:\s+(?:std|standard|datacenter|dc))?\s+(?:vms?|virtual machines|boxes|machines)\b/i;
/** A year alone said of another machine ("the DCs are 2016") is its Windows release, never an Exchange version. */
const BARE_YEAR = /^(?:19|20)\d\d$/;

/**
 * Session 15 (j27, j-after-09): "fwiw FS1, the witness box, is also a domain controller" says the witness is a DC, not the
 * DAG members (create-dags.md: the witness can be any computer running Windows Server). Read as the members' it was a wrong
 * Not supported. The sentence up to the domain-controller phrase: the witness (a host name may stand before it, set off by
 * commas, or after it), then "is" and "also"/"a". The phrase then names other machines.
 */
const WITNESS_IS_DC =
  /^\s*(?:(?:and|but|also|fyi|fwiw|btw|oh|so|ps|update|note)\s*[,:]?\s+)*(?:[a-z][\w-]*\d[\w-]*\s*,\s*)?(?:(?:our|the|its)\s+)?(?:witness|fsw|file share witness)(?:\s+(?:server|box|host|machine|vm|share))?(?:\s+[a-z][\w-]*\d[\w-]*)?\s*,?\s+(?:is|was|has been|got)\s+(?:(?:also|now|actually|itself|promoted to)\s+)*(?:(?:a|an|our|one of (?:our|the))\s+)?$/i;
/** Words in that clause that tie it to the Exchange servers after all ("the hosts are also the DAG members"). */
const SAME_SERVERS = /\b(?:also the|same (?:boxes|servers|machines)|dag members?|exchange servers?|mailbox servers?|the members|the nodes)\b/i;

/**
 * Session 12 (d24, w9-after-35/-41/-42): a Windows release said in a clause whose subject is another machine (the
 * hypervisor host, the DCs, the witness, a file server) is that machine's, not the Exchange servers' (plan-ha.md: the
 * witness's Windows need not match the members'; virtualization.md judges the hypervisor, not its Windows release; the
 * DCs are other servers). Read as the Exchange servers' it moved a supported verdict to another Windows release. The
 * platform mentions of the clause are replaced by one mention that other machines were described (named back, never
 * judged), and a domain-controller mention that is that clause's subject is dropped with them.
 */
export function withoutOtherMachinesWindows(matches: PhraseMatch<Said[]>[], tokens: readonly Token[], text: string): PhraseMatch<Said[]>[] {
  const clauseStart = (at: number) => at === 0 || /[,;:.!?\n(]|\s[-–—]\s/.test(text.slice(tokens[at - 1]!.end, tokens[at]!.start));
  const replaced = new Map<PhraseMatch<Said[]>, PhraseMatch<Said[]> | undefined>();
  for (const match of matches) {
    if (!match.entry.payload.every((p) => p.dimension === 'domainController' && p.value === 'yes')) continue;
    let start = match.from;
    while (start > 0 && !/[;.!?\n]/.test(text.slice(tokens[start - 1]!.end, tokens[start]!.start))) start -= 1;
    if (WITNESS_IS_DC.test(text.slice(tokens[start]!.start, tokens[match.from]!.start))) replaced.set(match, { ...match, entry: { ...match.entry, payload: [OTHER_MACHINES] } });
  }
  for (const match of matches) {
    const bareYear = match.to === match.from + 1 && BARE_YEAR.test(tokens[match.from]!.text) && match.entry.payload.every((p) => p.dimension === 'version');
    if (replaced.has(match) || !(bareYear || match.entry.payload.some((p) => p.dimension === 'windows' && p.value !== undefined))) continue;
    // A phrase that runs across a comma ("... file server, 2025 std" read as "server 2025") starts its clause after the comma.
    let start = match.from;
    for (let k = match.to - 1; k > match.from; k -= 1)
      if (clauseStart(k)) {
        start = k;
        break;
      }
    while (start > 0 && !clauseStart(start)) start -= 1;
    const clauseText = text.slice(tokens[start]!.start, tokens[match.from]!.start);
    let end = match.to;
    while (end < tokens.length && !clauseStart(end)) end += 1;
    const wholeClause = text.slice(tokens[start]!.start, end < tokens.length ? tokens[end]!.start : text.length);
    // "what about the DCs, they run ...": the clause before names the machine "they" stand for; it is read with this one.
    let before = start;
    if (PRONOUN_SUBJECT.test(clauseText) && start > 0) {
      before = start - 1;
      while (before > 0 && !clauseStart(before)) before -= 1;
      if (!OTHER_NAMED_LAST.test(text.slice(tokens[before]!.start, tokens[start]!.start))) before = start;
    }
    // Bare years only with a subject that is another machine: "the DCs are 2016", never "we are on 2016".
    const otherSubject = OTHER_SUBJECT.test(clauseText) || before < start;
    if (bareYear && !otherSubject) continue;
    if (!(otherSubject || OTHER_PREDICATE.test(wholeClause) || (!bareYear && OTHER_VMS.test(wholeClause))) || SAME_SERVERS.test(clauseText)) continue;
    start = before;
    let first = true;
    for (const other of matches) {
      if (other.from < start || other.from >= end) continue;
      const platform = (bareYear && other === match) || other.entry.payload.every((p) => PLATFORM.has(p.dimension));
      const subjectDc = other.from < match.from && other.entry.payload.every((p) => p.dimension === 'domainController');
      if (!platform && !subjectDc) continue;
      replaced.set(other, first && platform ? { ...other, entry: { ...other.entry, payload: [OTHER_MACHINES] } } : undefined);
      if (platform) first = false;
    }
  }
  if (replaced.size === 0) return matches;
  return matches.flatMap((m) => {
    if (!replaced.has(m)) return [m];
    const instead = replaced.get(m);
    return instead === undefined ? [] : [instead];
  });
}
