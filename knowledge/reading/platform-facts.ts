/**
 * Session 12 (v1): platform facts whose words need numbers, or two things said in one clause, to mean anything (w9's red
 * team: red-111, -113, -114, -129, -130). Each is a stated fact of fact-dimensions.yaml that a limit of support-rules.yaml
 * judges (A-64 to A-68); the dimensions' own phrases read the plain words ("oversubscribed cpu", "no bbwc").
 *
 * - the virtual processor to physical core ratio: "3:1 vcpu ratio", "3 vcpus per core", "the host has 16 cores and its
 *   guests have 48 vCPUs in total" (A-64: no more than 2:1);
 * - the largest mailbox database: "one 20 TB mailbox database", "databases of 3 TB each" (A-65, A-66);
 * - physical disk write caching said on beside "no UPS" (A-65);
 * - ReFS said of the volume holding the Exchange binaries or the system ("installed on the E: volume, which is ReFS", A-67);
 * - the forest functional level ("forest functional level is windows server 2008 r2", "FFL 2012 R2",
 *   "ForestMode : Windows2008R2Forest", A-68), whose Windows release is blanked for the phrase tables so it is never
 *   read as the release the Exchange server runs.
 */

/** A forest level as typed: "2008 r2", "2012r2", "windows server 2016" (the release alone, without the Windows words). */
const LEVEL = String.raw`(2003|2008\s*r2|2008|2012\s*r2|2012|2016|2025)`;
const FOREST_WORDS = String.raw`(?:forest\s+functional(?:ity)?\s+(?:level|mode)|forest\s+functional(?:ity)?|forest\s+level|forest\s+mode|forestmode|ffl)`;
/** "forest functional level is windows server 2008 r2 still", "FFL: 2012 R2", "forest level at 2016". */
const LEVEL_AFTER = new RegExp(
  String.raw`\b${FOREST_WORDS}\b\s*(?:\s*(?:is|was|=|:|at|of|still|currently|set\s+to|stays|stay|remains|only|just|on|\(|-)\s*){0,3}(?:(?:windows|win)\s*)?(?:server\s*)?${LEVEL}\b`,
  'gi',
);
/** "a 2008 r2 forest functional level", "2012 R2 FFL", "windows 2008 r2 forest level". */
const LEVEL_BEFORE = new RegExp(String.raw`(?:\b(?:windows|win)\s*)?(?:\bserver\s*)?\b${LEVEL}\s+${FOREST_WORDS}\b`, 'gi');
/** Get-ADForest's ForestMode: "Windows2008R2Forest". */
const FOREST_MODE = /\bwindows(2003|2008r2|2008|2012r2|2012|2016|2025)forest\b/gi;

function levelValue(typed: string): string {
  return typed.toLowerCase().replace(/\s+/g, '').replace(/r2$/, '-r2');
}

/** The forest functional level the text names (the lowest, when it names several). */
export function forestLevel(text: string): string | undefined {
  if (!/forest|ffl/i.test(text)) return undefined;
  const found: string[] = [];
  for (const pattern of [LEVEL_AFTER, LEVEL_BEFORE, FOREST_MODE]) for (const match of text.matchAll(pattern)) found.push(levelValue(match[1]!));
  if (found.length === 0) return undefined;
  const order = ['2003', '2008', '2008-r2', '2012', '2012-r2', '2016', '2025'];
  return found.sort((a, b) => order.indexOf(a) - order.indexOf(b))[0];
}

/** A physical core named in a vCPU ratio ("vcpu to core ratio", "3 vcpus per core", "per physical core"): never Server Core. */
const RATIO_CORE =
  /\b(?:(?:v?cpus?|vcores?|virtual\s+(?:processors?|cpus?))\s*(?:to|:|-|per)\s*(?:physical\s+)?|per\s+(?:physical\s+)?|physical\s+)(?:cpu\s+|processor\s+)?core\b|\bcore\s+ratio\b/gi;

/**
 * The text with every forest level blanked (same length), its Windows release being the forest's, not the server's; and
 * with the physical core of a vCPU ratio blanked, which is no Server Core ("a 3:1 vcpu to core ratio").
 */
export function blankPlatformFacts(text: string): string {
  const blank = (all: string): string => ' '.repeat(all.length);
  const ratios = /core/i.test(text) ? text.replace(RATIO_CORE, blank) : text;
  if (!/forest|ffl/i.test(ratios)) return ratios;
  return ratios.replace(LEVEL_AFTER, blank).replace(LEVEL_BEFORE, blank).replace(FOREST_MODE, blank);
}

/** "3:1", "3 to 1", "3.5:1" said of virtual processors and cores. */
const RATIO = /\b(\d+(?:\.\d+)?)\s*(?::|to)\s*1\b/gi;
const RATIO_CONTEXT = /\b(?:v?cpus?|vcores?|virtual\s+(?:processors?|cpus?|cores?)|cores?|processors?|oversubscri\w*|overcommit\w*|over-commit\w*)\b/i;
/** "3 vcpus per core", "4 virtual processors per physical core". */
const PER_CORE =
  /\b(\d+(?:\.\d+)?)\s+(?:vcpus?|vcores?|virtual\s+(?:processors?|cpus?|cores?))\s+(?:per|for\s+each|to\s+each|on\s+each|to\s+every|for\s+every|a)\s+(?:physical\s+)?(?:cpu\s+|processor\s+)?(?:core|pcpu|pcore)\b/gi;
/** "16 cores", "16 physical cores", "a 16-core host". */
const CORES = /\b(\d{1,4})(?:\s+|-)(?:physical\s+)?(?:cpu\s+|processor\s+)?(?:cores?|pcores?|pcpus?)\b/gi;
/** "48 vCPUs", "48 virtual processors". */
const VCPUS = /\b(\d{1,4})\s+(?:vcpus?|vcores?|virtual\s+(?:processors?|cpus?|cores?))\b/gi;

/**
 * The host's virtual processors per physical core the text says: a ratio typed ("3:1 vcpu ratio"), a count per core,
 * or both counts of one host ("16 cores ... 48 vCPUs in total"). `above-2` beyond 2:1, `within-2` otherwise.
 */
export function vcpuRatio(text: string): 'above-2' | 'within-2' | undefined {
  if (!/cpu|core|processor/i.test(text)) return undefined;
  let ratio: number | undefined;
  for (const sentence of text.split(/[;\n!?]+|\.(?=\s|$)/)) {
    if (!RATIO_CONTEXT.test(sentence)) continue;
    for (const match of sentence.matchAll(RATIO)) ratio = Math.max(ratio ?? 0, Number(match[1]));
    for (const match of sentence.matchAll(PER_CORE)) ratio = Math.max(ratio ?? 0, Number(match[1]));
  }
  if (ratio === undefined) {
    const cores = [...text.matchAll(CORES)].map((m) => Number(m[1]));
    const vcpus = [...text.matchAll(VCPUS)].map((m) => Number(m[1]));
    // Both counts of the host: its cores and all its guests' virtual processors ("in total", "altogether", "across").
    if (cores.length === 1 && vcpus.length >= 1 && cores[0]! > 0 && /\b(?:total|in\s+all|altogether|combined|across|all\s+(?:the\s+)?(?:guests|vms))\b/i.test(text))
      ratio = Math.max(...vcpus) / cores[0]!;
  }
  return ratio === undefined ? undefined : ratio > 2 ? 'above-2' : 'within-2';
}

/** "20 TB", "2.5 tb", "800 GB", "16 terabytes". */
const SIZE = String.raw`(\d+(?:[.,]\d+)?)\s*(tb|terabytes?|gb|gigabytes?)\b`;
const DB = String.raw`(?:mailbox\s+)?(?:databases?|dbs?|edbs?|\.edb|edb\s+files?|edb\s+file)`;
/** "a 20 TB mailbox database", "20tb db". */
const SIZE_BEFORE_DB = new RegExp(String.raw`\b${SIZE}\s+(?:\w+\s+)?${DB}\b`, 'gi');
/** "the database is 20 TB", "databases of 3 TB each", "db grown to 18tb" (never "databases on a 20 TB volume"). */
const DB_BEFORE_SIZE = new RegExp(
  String.raw`\b${DB}\s+(?:(?:is|are|was|of|at|has|have|grown|grew|now|about|around|approx\w*|roughly|nearly|almost|over|reached|reaching|size|sized|totals?|to|~|:|=|\(|each|currently|already)\s*){1,4}${SIZE}(?!\s+(?:volumes?|luns?|disks?|drives?|partitions?|array|san|of\s+(?:disk|storage|space|free)))`,
  'gi',
);

/** The largest mailbox database the text names, in GB (1 TB = 1,024 GB). */
export function databaseSizeGb(text: string): number | undefined {
  if (!/\d\s*(?:tb|terabyte|gb|gigabyte)/i.test(text)) return undefined;
  let largest: number | undefined;
  for (const pattern of [SIZE_BEFORE_DB, DB_BEFORE_SIZE]) {
    for (const match of text.matchAll(pattern)) {
      const size = Number(match[1]!.replace(',', '.'));
      const gb = /^t/i.test(match[2]!) ? size * 1024 : size;
      if (Number.isFinite(gb) && gb > 0) largest = Math.max(largest ?? 0, Math.round(gb));
    }
  }
  return largest;
}

const WRITE_CACHE = /\bwrite[\s-]*cach(?:e|ing)\b/i;
const WRITE_CACHE_OFF =
  /\bwrite[\s-]*cach(?:e|ing)\s+(?:is\s+|was\s+|are\s+)?(?:disabled|off|turned\s+off|switched\s+off)\b|\b(?:disabled?|turned\s+off|switched\s+off|no)\s+(?:the\s+)?(?:physical\s+)?(?:disk\s+)?write[\s-]*cach/i;
const NO_UPS =
  /\b(?:no|without(?:\s+an?)?|not\s+on\s+(?:an?\s+)?|lacks?\s+(?:an?\s+)?|missing\s+(?:an?\s+)?)\s*ups\b|\bups\s+(?:is\s+)?(?:missing|dead|absent|broken|gone)\b|\bthere(?:'s|\s+is)\s+no\s+ups\b/i;

/** Physical disk write caching said on beside a missing UPS: `no-ups`. */
export function writeCacheWithoutUps(text: string): 'no-ups' | undefined {
  if (!/ups/i.test(text) || !WRITE_CACHE.test(text) || WRITE_CACHE_OFF.test(text)) return undefined;
  return NO_UPS.test(text) ? 'no-ups' : undefined;
}

const BINARIES =
  /\b(?:installed|install(?:ation)?\s+(?:drive|volume|path|folder|directory|location)|binaries|exchange\s+bin|program\s+files|system\s+(?:drive|volume|partition|disk)|os\s+(?:drive|volume|partition|disk)|boot\s+(?:drive|volume|partition)|transport\s+(?:queue|database)|mail\.que|queue\s+database|exchangebin)\b/i;

/** ReFS said of the volume holding the Exchange binaries, the system or the transport queue (no NTFS said beside it). */
export function refsOnBinaries(text: string): 'binaries' | undefined {
  if (!/refs/i.test(text)) return undefined;
  for (const sentence of text.split(/[;\n!?]+|\.(?=\s|$)/)) {
    for (const match of sentence.matchAll(/\brefs\b/gi)) {
      const window = sentence.slice(Math.max(0, match.index - 70), match.index + 70);
      if (BINARIES.test(window) && !/\bntfs\b/i.test(window)) return 'binaries';
    }
  }
  return undefined;
}

/**
 * Hyper-V's dynamic memory told by its settings, not its name (session 15 i27, w9-red-23): "memory: startup 16 gb, maximum
 * 64 gb, buffer 20% (dynamic)". A memory buffer, or a startup and a maximum said together, exist only with dynamic memory;
 * "(dynamic)" after memory words says it. One sentence at a time; "dynamic memory" itself is the dimension's phrase.
 */
const MEMORY_SETTINGS =
  /\b(?:memory|ram)\b[^.;!?\n]{0,80}?(?:\bbuffer\s+(?:of\s+)?\d+\s*%|\(\s*dynamic\s*\))|\bstart[\s-]?up\s+(?:memory\s+|ram\s+)?\d+\s*gb\b[^.;!?\n]{0,30}?\bmax(?:imum)?\s+(?:memory\s+|ram\s+)?\d+\s*gb\b/i;

/** Dynamic memory said by its settings: `yes`. */
export function dynamicMemorySettings(text: string): 'yes' | undefined {
  if (!/gb|%|dynamic/i.test(text)) return undefined;
  return MEMORY_SETTINGS.test(text) ? 'yes' : undefined;
}
