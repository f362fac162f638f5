/**
 * Issue 21 (s21): a Windows service pack typed after the release ("2008 r2 sp1", "windows 2000 sp4",
 * "win2k3 sp2", "Windows Server 2003 R2 Enterprise SP2", "2008 R2 RTM"). The service pack is a stated
 * fact (`windowsServicePack`) that the minimum-SP limits of support-rules.yaml read; its words are
 * blanked for the phrase tables so "SP1" after a Windows release is never taken for Exchange's update.
 *
 * Only after a Windows release: "Exchange 2003 SP2", "E2K7 SP3" and "Exchange Server 2003 SP2" keep
 * theirs (a bare "2003" or "2000" may be Exchange's, so those need a Windows word before them).
 */

/** A Windows release as people type it; never one that follows "Exchange" ("Exchange Server 2003"). */
const RELEASE = String.raw`(?<!\b(?:exchange|exch|ex)\s)(?:(?:windows|win|server|ws|w2k|w2k3|w2k8)\s*(?:server\s*)?(?:2000|2003|2008|2012)(?:\s*r2)?|(?:2008|2012)(?:\s*r2)?|2003\s*r2|(?:win|w)?2k[38](?:\s*r2)?|w2k8r2|w2k3r2|win2k|w2k)`;
/** Edition and architecture words that may stand between the release and its service pack. */
const BETWEEN = String.raw`(?:\s+(?:standard|std|enterprise|ent|ee|datacenter|web|advanced|adv|server|edition|x64|x86|32-bit|64-bit|32bit|64bit)\b){0,3}`;
/** "SP1", "sp 2", "service pack 4", "service pack one", "RTM", "no SP", "without a service pack", "never got sp1" (session 12 v1, w9-red-78). */
const PACK = String.raw`(without\s+(?:sp\s?[1-4]|service\s+pack\s+[1-4])|never\s+(?:got|had|received|installed|applied|saw|got\s+to)\s+(?:sp\s?[1-4]|service\s+pack\s+[1-4])|sp\s?[0-4]|service\s+pack\s+(?:[0-4]|one|two|three|four)|rtm|no\s+sp|no\s+service\s+pack|without\s+(?:any\s+|a\s+)?(?:sp|service\s+pack))`;
const JOIN = String.raw`\s*(?:,\s*|\(\s*|with\s+|w\/\s*|\+\s*|-\s*)?`;

const WINDOWS_SERVICE_PACK = new RegExp(String.raw`\b(${RELEASE}${BETWEEN})${JOIN}${PACK}\b(?:\s*\(\s*(?:rtm|no\s+sp)\s*\))?`, 'gi');
/**
 * The pack said of Windows without its release, after a verdict ("it's SP1 for windows btw", "windows is on
 * SP1", "the OS has service pack 2"): the release is the one judged (`release` is then "windows").
 */
const PACK_OF_WINDOWS = new RegExp(
  // Never "Exchange 2007 SP2 on Windows Server 2008": a release after "windows" makes it the host named, not the pack's owner.
  String.raw`(?<!\b(?:20\d\d|2k\d{0,2}|e2k\d{0,2})\s)\b${PACK}\s+(?:for|on|of)\s+(?:the\s+)?(windows|os)\b(?!\s*(?:server|20\d\d|2k|nt))|\b(windows|the\s+os|os)\s+(?:is\s+|has\s+|runs\s+)?(?:on\s+)?(?:at\s+)?${PACK}\b`,
  'gi',
);

const PACK_WORDS: Readonly<Record<string, number>> = { one: 1, two: 2, three: 3, four: 4 };

/**
 * Every {@link PACK} holds "sp", "service" or "rtm" (ASCII: `i` without `u` folds no other letter to
 * these), so a text without them has no pack: both patterns, which run on every message the recognizer
 * reads, are skipped for it (issue 24: most messages name no service pack).
 */
const PACK_WORD = /sp|service|rtm/i;

/** A Windows service pack said of a release: the release as typed and the pack's number (0 for none, RTM). */
export interface WindowsServicePack {
  release: string;
  servicePack: number;
}

/** The service pack of this typed pack ("SP1", "service pack two", "RTM") as a number. */
function packNumber(pack: string): number {
  const word = pack.toLowerCase();
  const digit = /\d/.exec(word)?.[0];
  // "without SP1": the pack before it.
  if (digit !== undefined) return /^(without|never)/.test(word) ? Math.max(0, Number(digit) - 1) : Number(digit);
  const spelled = /(one|two|three|four)$/.exec(word)?.[1];
  return spelled ? PACK_WORDS[spelled]! : 0;
}

/**
 * The last service pack of a release as typed (Windows 2000 SP4, 2003 and 2008 SP2, 2008 R2 SP1, none from
 * 2012 on). A higher pack after it is no Windows pack ("Windows 2008 R2 Standard, SP3" is Exchange 2007's SP3).
 */
function lastPackOf(release: string): number {
  const text = release.toLowerCase().replace(/\s+/g, '');
  if (/2012|2016|2019|2022|2025/.test(text)) return 0;
  if (/(2008|2k8)r2/.test(text)) return 1;
  if (/2008|2k8|2003|2k3/.test(text)) return 2;
  return 4;
}

/** Every Windows service pack the text says of a release, in order. */
export function windowsServicePacks(text: string): WindowsServicePack[] {
  const found: WindowsServicePack[] = [];
  if (!PACK_WORD.test(text)) return found;
  for (const match of text.matchAll(WINDOWS_SERVICE_PACK)) {
    const servicePack = packNumber(match[2]!);
    if (servicePack <= lastPackOf(match[1]!)) found.push({ release: match[1]!.trim(), servicePack });
  }
  if (found.length === 0) {
    for (const match of text.matchAll(PACK_OF_WINDOWS)) found.push({ release: GENERIC_RELEASE, servicePack: packNumber(match[1] ?? match[4]!) });
  }
  return found;
}

/** The release of a pack said of "Windows" or "the OS" alone: whichever release the setup runs. */
export const GENERIC_RELEASE = 'windows';

/** "sp1 never installed", "SP1 was never applied", "service pack 1 not installed": a pack said to be missing. */
const PACK_NEVER = /\b(sp\s?[1-4]|service\s+pack\s+[1-4])\s+(?:was\s+|has\s+|is\s+)?(?:never|not)\s+(?:been\s+|yet\s+)?(?:installed|applied)\b/gi;
const RELEASE_ANYWHERE = new RegExp(RELEASE, 'gi');

/** The text with each Windows service pack blanked (same length), its release and edition kept for the phrase tables. */
export function blankWindowsServicePacks(text: string): string {
  if (!PACK_WORD.test(text)) return text;
  return text
    .replace(WINDOWS_SERVICE_PACK, (all: string, release: string, pack: string) =>
      packNumber(pack) <= lastPackOf(release) ? release + ' '.repeat(all.length - release.length) : all,
    )
    .replace(PACK_OF_WINDOWS, (all: string) => ' '.repeat(all.length))
    .replace(PACK_NEVER, (all: string, pack: string, at: number) => (missingWindowsPack(text, pack, at) ? ' '.repeat(all.length) : all));
}

/**
 * "windows server 2008 r2 standard RTM (sp1 never installed)", "windows is 2008 r2 RTM, sp1 was never applied": a pack said
 * never to be installed, after a Windows release it exists for with no Exchange word between, is that release's (its
 * service pack stays the one said, RTM), never an Exchange update (issue 21, o22: read as Exchange 2010 SP1).
 */
function missingWindowsPack(text: string, pack: string, at: number): boolean {
  const releases = [...text.slice(0, at).matchAll(RELEASE_ANYWHERE)];
  const last = releases[releases.length - 1];
  if (!last || packNumber(pack) > lastPackOf(last[0])) return false;
  return !/\b(exchange|exch|ex20\d\d|e2k\d*|ex2k\d*|cu\s?\d+)\b/i.test(text.slice(last.index! + last[0].length, at));
}
