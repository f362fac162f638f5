import { findBuilds, findBuildsWide, type BuildMention } from '../reading/build-numbers';
import { forestLevel } from '../reading/platform-facts';
import type { BuildTable } from '../rules/exchange-builds';
import { cellPerLineTables, dashlessHeaders, directoryObjectLines, groupedTables, owaAboutLines, setupConsoleLines, taggedServerLines } from './reshaped-tables';
import { structuredLines } from './structured-output';

/**
 * Pasted PowerShell and Windows output, read into servers: Get-ExchangeServer (list and table, with
 * truncated "..." columns), Get-DatabaseAvailabilityGroup, Get-ClusterNode / cluster.exe node,
 * systeminfo and Get-ComputerInfo, ExSetup's FileVersionInfo, and "EX01 Version 6.5 (Build 7638.2)"
 * lines typed by hand. Pure: text in, servers out; no SDK, no rules (see listing-design.ts).
 */

/** A server as the listing shows it; every field is what the paste says, nothing guessed. */
/** Get-NetAdapterBinding's IPv4 row: "Internet Protocol Version 4 (TCP/IPv4)", ComponentID "ms_tcpip" (never ms_tcpip6). */
const IPV4_BINDING = /\bTCP\/IPv4\b|\bms_tcpip\b(?!6)/i;
/** A desktop hypervisor's model or maker as Win32_ComputerSystem prints it (VirtualBox, "innotek GmbH", VMware's desktop products print "VMware7,1" too, so only VirtualBox is read). */
const DESKTOP_HYPERVISOR = /\bvirtualbox\b|\binnotek\b/i;

export interface ListedServer {
  name: string;
  site?: string;
  /** Exchange role ids (mailbox, client-access, hub-transport, unified-messaging, edge-transport, front-end, back-end). */
  roles: string[];
  edition?: string;
  /** The build as printed (AdminDisplayVersion, ExSetup), and what the table says of it. */
  build?: BuildMention;
  /** "Version 15.2 (Bu...": the major and minor version alone, when the column was cut. */
  majorMinor?: string;
  dag?: string;
  /** The Windows line as printed ("Microsoft Windows Server 2019 Standard"), and its architecture or installation type. */
  os?: string;
  systemType?: string;
  installationType?: string;
  /** The paste's only Windows line named no server: it was read as every unnamed server's (the reply says so). */
  osFromPaste?: boolean;
  /** "Version 14.3 (Build 123.4)": Exchange 2007 and 2010 print the service pack's build there, whatever rollup runs. */
  rollupHidden?: boolean;
  /** "Exchange 2010 SP3": the version as typed in words on the server's line, when no build is given. */
  named?: string;
  /**
   * Roles only Get-ExchangeServer's Is*Server flags gave (no ServerRole or role column named them): Exchange 2013 and later
   * set IsHubTransportServer and IsClientAccessServer True on Mailbox servers whose ServerRole prints "Mailbox" alone, so
   * these never show a role the version lacks (l29).
   */
  roleFlags?: string[];
  /** Get-ClusterNode's State ("Up", "Down", "Paused"). */
  state?: string;
  /** The Windows build as printed without the release's name ("10.0.17763", systeminfo's OS Version, Get-ComputerInfo's OsVersion). */
  osBuild?: string;
  /** In no DAG, as the paste says it ("DAG Name: Standalone Server" in HealthChecker's report). */
  standalone?: boolean;
  /**
   * Exchange 2007's clustered mailbox server as its own output shows it: `ccr` when Get-ClusteredMailboxServerStatus
   * lists replication hosts or Get-MailboxServer's ClusteredStorageType is NonShared, `cluster` (a single copy cluster)
   * when the storage is Shared, `clustering` when only IsMemberOfCluster says so.
   */
  clustered?: 'ccr' | 'cluster' | 'clustering';
  /** Get-ClusteredMailboxServerStatus's OperationalMachines ("{CCRN1 <Active, Quorum Owner>, CCRN2}"): the clustered mailbox server's node count. */
  clusterNodes?: number;
  /** Those nodes' names ("CCR-N1"): words about them ("CCR-N1/CCR-N2: Windows Server 2008 Enterprise") speak of this clustered mailbox server. */
  clusterNodeNames?: string[];
  /** The rest of a line typed by hand for this server, its build taken out ("on W2K3 R2 Ent, single server"). */
  said?: string;
  /** Get-ADDomainController's table lists domain controllers of the server's site, and every one of them is read-only (IsReadOnly True). */
  siteReadOnlyDcs?: boolean;
  /** Listed by Get-ADDomainController, or systeminfo's "OS Configuration: ... Domain Controller": the server is a domain controller. */
  domainController?: boolean;
  /** systeminfo's "Domain:" line ("corp.example.com", "WORKGROUP"): the domain or workgroup the server is joined to. */
  domain?: string;
  /** systeminfo's "OS Version: 6.1.7600 N/A Build 7600" / "6.1.7601 Service Pack 1 Build 7601": the service pack of a Windows release that had them. */
  osServicePack?: number;
  /** Get-NlbClusterNode (or nlb.exe) lists the server as a node of a Windows NLB cluster ("Converged"). */
  nlb?: boolean;
  /** Get-MailboxDatabase's table (Name, Server, Mounted): how many databases the server mounts (those Mounted True, all when no Mounted column). */
  databases?: number;
  /** Hyper-V's Get-VM prints DynamicMemoryEnabled for the server's virtual machine (True or False). */
  dynamicMemory?: boolean;
  /** Hyper-V's Get-VMSnapshot (or Get-VMCheckpoint) lists checkpoints of the server's virtual machine. */
  vmSnapshots?: boolean;
  /**
   * Session 12 (v1): stated facts of the platform its own output shows (fact-dimensions.yaml's ids): Get-Volume's ReFS under the
   * binaries (`refsFor`), Get-NetAdapterBinding's TCP/IPv4 off (`ipvFourDisabled`), Win32_ComputerSystem's VirtualBox model
   * (`desktopHypervisor`), Get-ADForest's ForestMode (`forestLevel`).
   */
  platform?: Record<string, string>;
}

export interface ListedDag {
  name: string;
  servers: string[];
  witness?: string;
  /** `cluster`: the nodes of a failover cluster (Get-ClusterNode, cluster.exe node), not a DAG listing. */
  kind?: 'dag' | 'cluster';
  /** Get-DatabaseAvailabilityGroup printed WitnessServer with nothing after it: the DAG has no witness configured. */
  noWitness?: boolean;
  /** cluster.exe's group table: how many groups are the cluster's Exchange virtual servers (all but its own groups). */
  instances?: number;
  /** Those groups' names ("EVS-MAIL"): a virtual server named in words is the cluster's, never a server of its own. */
  virtualServers?: string[];
  /** DatabaseAvailabilityGroupIpAddresses {255.255.255.255}: the DAG has no administrative access point (an IP-less DAG); false when it lists an address. */
  withoutAccessPoint?: boolean;
  /** Groups and resources of another application on the cluster (a file server, SQL Server, a print server), as cluster output names them. */
  otherWorkloads?: string[];
}

export type ListingResult =
  | {
      kind: 'listing';
      servers: ListedServer[];
      dags: ListedDag[];
      lines: number;
      rest: string;
      /** Some server was read from command output (a table with its dashes, a Format-List or ticket block), not only from a line typed by hand. */
      fromOutput: boolean;
      /** Some server's line was typed led by its name and gave its build ("EX01 is on 15.2.1258.12, win 2019 std, single box"). */
      typedLine: boolean;
    }
  | { kind: 'too-long'; lines: number; limit: number }
  | { kind: 'none' };

/** A listing longer than this is refused with a message: reading stays linear, and a Teams .txt of a few thousand servers fits. */
export const MAX_LISTING_LINES = 5_000;

const ROLE_WORDS: readonly [string, string][] = [
  ['mailbox', 'mailbox'],
  ['clientaccess', 'client-access'],
  ['hubtransport', 'hub-transport'],
  ['unifiedmessaging', 'unified-messaging'],
  ['edge', 'edge-transport'],
  ['edgetransport', 'edge-transport'],
  ['frontend', 'front-end'],
  ['backend', 'back-end'],
  // Inventories abbreviate ("Mailbox/CAS/Hub", "MBX + UM").
  ['cas', 'client-access'],
  ['hub', 'hub-transport'],
  ['mbx', 'mailbox'],
  ['um', 'unified-messaging'],
];

/** "Mailbox, ClientAccess", "Mailbox, Cl...", "Edge": role ids; a cut word counts when its start names one role. */
export function readRoles(text: string): string[] {
  const roles = new Set<string>();
  for (const raw of text.split(/[,;{}/+&]|\band\b/)) {
    const cut = /\.\.\.|…/.test(raw);
    const word = raw
      .replace(/\.\.\.|…/g, '')
      .replace(/[^a-z]/gi, '')
      .toLowerCase()
      // ESM's Export List prints the role as a type ("Front-end server", "Back End").
      .replace(/(?<=^(?:frontend|backend|mailbox|edgetransport|hubtransport|clientaccess))servers?$/, '');
    if (word.length < 2) continue;
    const hits = ROLE_WORDS.filter(([w]) => w === word || (cut && w.startsWith(word)));
    const ids = new Set(hits.map(([, id]) => id));
    if (ids.size === 1) roles.add([...ids][0]!);
  }
  return [...roles];
}

/** Roles named in a line typed by hand ("front-end", "BE", "mailbox", "CAS", "edge"). */
function rolesInText(text: string): string[] {
  const found: [RegExp, string][] = [
    [/\b(?:[Ff]ront|FRONT)[- ]?(?:ends?|ENDS?)\b|\bFEs?\b/, 'front-end'],
    [/\b(?:[Bb]ack|BACK)[- ]?(?:ends?|ENDS?)\b|\bBEs?\b/, 'back-end'],
    [/\bmailbox\b|\bMBX\b/i, 'mailbox'],
    [/\bclient ?access\b|\bCAS\b/i, 'client-access'],
    [/\bhub( ?transport)?\b/i, 'hub-transport'],
    [/\bedge\b/i, 'edge-transport'],
    // "Mailbox/UM", "MBX + UM": upper case only ("um" is also a word), "Unified Messaging" capitalised or in capitals.
    [/\b[Uu]nified ?[Mm]essaging\b|\bUNIFIED ?MESSAGING\b|\bUM\b/, 'unified-messaging'],
  ];
  // "back-end, no front-end", "without an edge": a role the words deny is no role of the server.
  const said = text
    .replace(/\(build[^)]*\)/gi, '')
    .replace(
      /\b(?:no|not\s+an?|without\s+an?|without)\s+(?:[Ff]ront|FRONT|[Bb]ack|BACK)[- ]?(?:ends?|ENDS?)\b|\b(?:no|not\s+an?|without\s+an?|without)\s+(?:edge|hub(?: ?transport)?|cas|client ?access|mailbox|mbx|um)\b/gi,
      ' ',
    );
  return found.filter(([pattern]) => pattern.test(said)).map(([, id]) => id);
}

/** A clause whose subject is another role's servers ("the back-end is elsewhere", "our mailbox servers are in the DAG"). */
const OTHER_ROLES_CLAUSE =
  /^\s*(?:and\s+|while\s+)?(?:the|our|their)\s+(?:other\s+)?(?:front[- ]?ends?|back[- ]?ends?|fes?|bes?|mailbox(?:es|\s+servers?)?|mbx|cas|client access(?:\s+servers?)?|hubs?|edges?)\b/i;

/** The clauses of a line typed after its servers' names that are said of them: never one about another role's servers. */
function ownClauses(text: string): string {
  return text
    .split(/,|;|\bbut\b/i)
    .filter((clause) => !OTHER_ROLES_CLAUSE.test(clause))
    .join(',');
}

/** "{MBX1, MBX2}" or "MBX1,MBX2" → names. */
function nameList(text: string): string[] {
  return text
    .replace(/[{}]/g, '')
    .split(/[,;\s]+/)
    .map((n) => n.trim())
    .filter((n) => n !== '' && !/^\.\.\.|…$/.test(n))
    .map((n) => n.replace(/\.\.\.|…$/, ''));
}

const ADMIN_DISPLAY = /\bversion\s+(\d{1,2})\.(\d{1,2})\s*\(\s*build\s+(\d{1,5})\.(\d{1,4})\s*[):]/i;
/** Keys that start a new server's block when the block already names one (Format-List and systeminfo pasted without blank lines). */
// systeminfo prints its keys in Windows' language: German's "Hostname", "Betriebssystemname", "Betriebssystemversion", "Systemtyp".
// systeminfo in Dutch, Swedish, Italian, French, Spanish, Polish and Portuguese (w9's set Q): the host name's key in those languages.
const LOCAL_HOST_NAME_KEYS = ['hostnaam', 'värdnamn', 'nome host', "nom de l'hôte", 'nom de l\u2019hôte', 'nombre de host', 'nazwa hosta', 'nome do host'];
const NAME_KEYS = ['name', 'host name', 'csname', 'hostname', ...LOCAL_HOST_NAME_KEYS];
/** A server's form in a ticket or a mail: its name, its Exchange build or version, its Windows. */
const TICKET_NAME_KEYS = ['server name', 'servername', 'hostname', 'computer name', 'server'];
const TICKET_VERSION_KEYS = [
  'exchange version',
  'version',
  'build',
  'exchange build',
  'exchange',
  'exsetup fileversion',
  'exsetup version',
  'exsetup',
  'file version',
  'exchange build number',
];
const TICKET_OS_KEYS = ['os', 'operating system', 'windows'];
/** "Exchange 2010 SP3", "Exchange Server 2019 CU14", "Exchange SE", "E2K3 SP2": a version named in words. */
// "SE RTM" and "2019 CU15" name Exchange without the word (Windows has no CUs; "2003 SP2" may be Windows, so not that).
const EXCHANGE_NAMED =
  /\b(?:exchange(?:\s+server)?\s+(?:2000|2003|2007|2010|2013|2016|2019|se|subscription edition)|e2k3|e2k7|ex20(?:03|07|10|13|16|19))\b(?:\s+(?:sp\d|cu\d{1,2}|rtm))?|\b(?:2013|2016|2019)\s+cu\d{1,2}\b|\bse\s+(?:rtm|cu\d{1,2})\b/i;
const EXCHANGE_NAMED_ALL = new RegExp(EXCHANGE_NAMED.source, 'gi');
/** The version said around a cluster listing: EXCHANGE_NAMED, and "exch 2003" as admins shorten it (m23); only there, so no typed sentence becomes a server line. */
const VERSION_IN_WORDS = new RegExp(`${EXCHANGE_NAMED.source}|\\bexch\\s+(?:2000|2003|2007|2010|2013|2016|2019)\\b`, 'gi');
const NODE_STATE = /^(up|down|paused|joining|unknown)$/i;
/** A cluster's own groups in cluster.exe's group table (no Exchange virtual server): its core group, storage, MSDTC, quorum. */
const CLUSTER_OWN_GROUP = /^(?:cluster group|available storage|.*\b(?:ms)?dtc\b.*|.*quorum.*)$/i;
/**
 * A cluster group, resource or resource type of another application than Exchange and the cluster itself ("SQL Server (FIN)",
 * "FileShares", "File Server", "PRINT-OPS"): never the DAG's or the cluster's own ("File Share Witness", "Cluster Name").
 */
const OTHER_WORKLOAD =
  /\b(?:sql(?:\s+server)?|file\s?servers?|file\s?shares?|fileshares?|print(?:\s+server|\s+spooler)?|spooler|dhcp|wins|hyper-?v|virtual\s+machines?|msmq|iis|ftp)\b|^fs[-_]/i;
const CLUSTER_OWN_RESOURCE = /file share witness|majority node set|cluster (?:name|ip|group|disk)|quorum|available storage|\b(?:ms)?dtc\b|\bexchange\b|\bevs\b|\bcms\b/i;
const otherWorkload = (...cells: (string | undefined)[]): boolean =>
  cells.some((c) => c !== undefined && c !== '' && OTHER_WORKLOAD.test(c)) && !cells.some((c) => c !== undefined && /\bexchange\b|\bevs\b|\bcms\b/i.test(c));

/** Get-DatabaseAvailabilityGroup's IP address properties. */
const DAG_IP_KEYS = ['databaseavailabilitygroupipaddresses', 'databaseavailabilitygroupipv4addresses'];
/** {255.255.255.255} (IPAddress None) is a DAG created without an administrative access point; a real address is one with it. */
function accessPoint(value: string | undefined): { withoutAccessPoint?: boolean } {
  if (value === undefined) return {};
  if (/\b255\.255\.255\.255\b/.test(value)) return { withoutAccessPoint: true };
  return /\b\d{1,3}(?:\.\d{1,3}){3}\b/.test(value) ? { withoutAccessPoint: false } : {};
}
/** A host's state in Get-NlbClusterNode's table (Windows NLB), never a failover cluster node's. */
const NLB_STATE = /^(?:converged|converging|stopped|suspended|draining|misconfigured)$/i;
/** The state of a cluster group or resource in cluster.exe's "group" and "res" tables. */
const OWNER_STATE = /^(online|offline|failed|partially online|online pending|offline pending|pending)$/i;
const OS_KEYS = [
  'os name',
  'osname',
  'windowsproductname',
  'betriebssystemname',
  // systeminfo's "OS Name" in Dutch, Swedish, Italian, French, Spanish, Polish and Portuguese.
  'naam van besturingssysteem',
  'os-namn',
  'nome so',
  "nom du système d'exploitation",
  'nombre del sistema operativo',
  'nazwa systemu operacyjnego',
  'nome do sistema operacional',
];
/** systeminfo's "OS Configuration" ("Member Server", "Primary Domain Controller"), in English, German and the languages above. */
const OS_CONFIG_KEYS = [
  'os configuration',
  'betriebssystemkonfiguration',
  'configuratie van besturingssysteem',
  'os-konfiguration',
  'configurazione so',
  "configuration du système d'exploitation",
  'configuración del sistema operativo',
  'konfiguracja systemu operacyjnego',
  'configuração do sistema operacional',
];
/** "Domain Controller" in those languages (Dutch "Primaire domeincontroller", French "Contrôleur de domaine principal", ...). */
const DOMAIN_CONTROLLER_WORDS =
  /domain ?controller|domänencontroller|domeincontroller|domänkontrollant|controller di dominio|contrôleur de domaine|controlador de dom[ií]nio|kontroler domeny/i;
/** Keys and columns that hold Windows' build alone ("10.0.17763"): systeminfo, Get-ComputerInfo, Win32_OperatingSystem, a typed table. */
const OS_BUILD_KEYS = [
  'os version',
  'osversion',
  'os build',
  'osbuild',
  'windows build',
  'windowsversion',
  'operatingsystemversion',
  'betriebssystemversion',
  // systeminfo's "OS Version" in Swedish, Italian, French, Spanish, Polish and Portuguese (Dutch says "Versie van besturingssysteem").
  'os-version',
  'versie van besturingssysteem',
  'versione so',
  'version du système',
  'versión del sistema operativo',
  'wersja systemu operacyjnego',
  'versão do sistema operacional',
];
/** HealthChecker's report ("Build Number: 15.01.2507.044", "Server Role: Mailbox", "DAG Name: Standalone Server"). */
const HEALTH_KEYS = ['build number', 'server role', 'dag name', 'ad site'];

/** "Get-ClusterNode -Cluster DAG01" or a "Cluster" line just above the table names the cluster; otherwise "cluster". */
function clusterName(lines: readonly string[], header: number): string {
  for (let k = header - 1; k >= Math.max(0, header - 4); k -= 1) {
    const m = /(?:-cluster\s+|\/cluster:)["']?([A-Za-z0-9][A-Za-z0-9.-]*)/i.exec(lines[k]!) ?? /^\s*cluster(?: name)?\s*:\s*([A-Za-z0-9][A-Za-z0-9.-]*)\s*$/i.exec(lines[k]!);
    if (m) return m[1]!.split('.')[0]!;
  }
  return 'cluster';
}

// Keys may hold digits (Get-ExchangeServer | fl * prints IsExchange2007OrLater, IsE15OrLater between the fields read).
// The key's length is bounded (a key is at most 40 characters, see its use): unbounded, its lazy spaces and the
// \s* after it tried every split of a long run of spaces ("search" + 3,990 spaces: 5 ms a line, issue 13's hostile inputs).
// Keys of localized systeminfo hold accented letters and apostrophes ("Värdnamn", "Nom de l'hôte", "Configuración del sistema operativo").
const KEY_VALUE = /^\s*([A-Za-z\u00C0-\u00FF][A-Za-z0-9\u00C0-\u00FF ()'\u2019]{0,39}?(?:-[A-Za-z][A-Za-z0-9\u00C0-\u00FF ()]{0,39}?)?)\s*:\s?(.*)$/;
/** A list item's mark: "- ", "* ", "• ", "1. ", "2) ". */
const BULLET = /^\s*(?:[-*•·]|\d{1,3}[.)])\s+/;
const HOST = '[A-Za-z][A-Za-z0-9-]{1,62}(?:\\.[A-Za-z0-9-]+)*';
/** A sentence's end followed by a host-like name and "=" or an arrow: the next server typed on the same line ("... back-end. EX2010-01 = 2008 r2 std"). */
const NEXT_TYPED_SERVER = /(?<=[.;])\s+(?=[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+|[0-9])[A-Za-z0-9-]*\s*(?:=|->|=>|\u2192)\s)/;
/** "EX01 15.2.1544.4", "EX01.corp.example.com: 15.2.1748.10", "HEL-MB1, HEL-MB2: Version 15.2 (Build 1748.10)", "HEL-MB3 and HEL-MB4 - ...". */
const TYPED_LINE = new RegExp(`^\\s*(${HOST}(?:\\s*(?:,|&|/|\\+|\\band\\b)\\s*${HOST})*)\\s*[:\\-–,=]?\\s+(.*)$`, 'i');
/**
 * A server's name and its build, several to a line: "MBX-AMS 15.2.1748.10", "EX2=Version 15.2 (Build 1544.4)", "EX3 (15.1.2507.6)".
 * One `\s*` before the optional separator, its own after it: two adjacent ones tried every split of a long run of spaces.
 */
const NAME_AND_BUILD = new RegExp(
  `(?<![\\w.-])(${HOST})\\s*(?:(?:[:=(]|[-–]|\\bis\\b|\\bon\\b|\\bruns\\b)\\s*)?(version\\s+\\d{1,2}\\.\\d{1,2}\\s*\\(\\s*build\\s+\\d{1,5}\\.\\d{1,4}\\s*\\)|\\d{1,2}\\.\\d{1,2}\\.\\d{1,5}\\.\\d{1,4})`,
  'gi',
);
/** A line that is a server's name alone: "EX01:", "[EX01]", "On EX01:". */
const LONE_NAME = /^\s*(?:on\s+|from\s+|server\s+)?\[?([A-Za-z][A-Za-z0-9-]{1,62}(?:\.[A-Za-z0-9-]+)*)\]?\s*:?\s*$/i;
/** "ran it on EXCH01", "output from (MBX-2)": a server named in a sentence above command output that names none. */
const PROSE_SERVER = /\b(?:on|from)\s{1,3}\(?([A-Za-z][A-Za-z0-9-]{1,62})\)?(?![\w.-])/gi;
/** A name typed in words is a server's when it looks like one: a digit or a hyphen ("EX01", "MBX-A"), or capitals ("EXCH"). */
const HOST_LIKE = /^(?=[A-Za-z0-9-]*[0-9-]|[A-Z]{3,}$)[A-Za-z][A-Za-z0-9-]*$/;
/** A server's name just before its build, linked by a few words: "(MAIL01) runs ", "EXA02 still on ", "EX01: ". Read on at most 60 characters. */
const SENTENCE_SERVER = /(?:^|[\s(,;:])\(?([A-Za-z][A-Za-z0-9-]{1,62})\)?\s{0,3}(?:(?:is|on|runs|running|at|still|now|currently|has|build|version|[:=(\-–])\s{0,3}){0,4}$/i;
/** "CU14", "SP3", "KB5042461", "RU23": an update's name, not a server's. */
const UPDATE_NAME = /^(?:cu|su|sp|ru|ur|kb|rtm|hu)\d*$/i;
/** Words of a plan or a wish: the builds such a sentence names are not the servers'. */
const PLANNED_WORDS =
  /\b(want|wants|plan|plans|planning|planned|moving to|move to|upgrade to|upgrading to|update to|updating to|migrate to|migrating to|going to|will|would|should|next|target|latest is|newest is)\b/i;
/** A command typed at a prompt ("PS> Get-ExchangeServer EX2013 | ...", "C:\\>wmic ..."), or a cmdlet line: no server's line. */
const COMMAND_LINE = /^\s*(?:\[PS\]\s*)?(?:PS\s*)?(?:[A-Za-z]:\\[^>]{0,200})?>|^\s*(?:get|invoke|select|format|export|convertto|test|foreach)-[a-z]+\b/i;
/** Words with digits that are no server's name: Windows and Exchange releases, architectures, protocols. */
const NOT_A_SERVER_WORD = /^(?:w2k\d*|win\d+|windows\d+|x\d\d|r2|ipv\d|tls\d*|ex20\d\d|e20\d\d|exchange\d+|server\d+|sql\d+|net\d+|dotnet\d*|sha\d+|utf\d+|\d.*)$/i;

/**
 * The one word of a sentence that looks like a server's name ("EXC16B single mailbox server", "that's on MAILHUB01"):
 * a digit, or a hyphen or underscore with capitals, or five or more capitals; never a release, an update or a word
 * that leads sentences. Undefined when there is none or more than one.
 */
export function oneServerIn(text: string): string | undefined {
  if (text.length > MAX_PROSE_LINE * 4) return undefined;
  const names = new Map<string, string>();
  for (const word of text.split(/[^A-Za-z0-9_-]+/)) {
    const w = word.replace(/^-+|-+$/g, '');
    if (!/^[A-Za-z][A-Za-z0-9_-]{2,62}$/.test(w) || NOT_A_NAME.test(w) || UPDATE_NAME.test(w) || NOT_A_SERVER_WORD.test(w)) continue;
    // A hyphenated word without a digit is a name when it starts with a capital ("MBX-A", not "non-DAG" or "in-place").
    if (/\d/.test(w) || (/[-_]/.test(w) && /^[A-Z]/.test(w) && !/^(?:non|pre|post|multi|single|dual|in|re)-/i.test(w)) || /^[A-Z]{5,}$/.test(w)) names.set(w.toLowerCase(), w);
    if (names.size > 1) return undefined;
  }
  return names.size === 1 ? [...names.values()][0] : undefined;
}

/** winver's lines above its edition: "Microsoft Windows Server", "Version 21H2 (OS Build 20348.3932)". */
const WINVER_LINE = /^\s*(?:microsoft\s+windows(?:\s+server)?|version\s+\w+\s+\(os build\s+[\d.]+\))\s*$/i;

/** The longest line read for a server named in words. */
const MAX_PROSE_LINE = 400;
/** A command run on one computer: "Invoke-Command -ComputerName EX01 {...}". */
const ONE_COMPUTER = /-ComputerName\s+["']?([A-Za-z][A-Za-z0-9-]{1,62})["']?(?![\w,.-])/i;
/** A cmdlet run for one named server: "Get-ExchangeServer EX01 | fl ...", "Get-ExchangeServer -Identity EX01". */
const ONE_SERVER_COMMAND =
  /\bget-(?:(?:exchange|mailbox|transport|clientaccess)server|clusteredmailboxserverstatus)\s+(?:-identity\s+)?["']?([A-Za-z][A-Za-z0-9-]{1,62})["']?(?=\s*(?:\||$|\)\.(?:admindisplayversion|serverrole|edition)\b))/i;
/** "site HQ", "site: Branch-2", "AD site LON1" typed on a server's line: a name in capitals or with a digit, not a word ("site resilient"). */
const TYPED_SITE = /\bsite\s*:?\s+([A-Z][A-Za-z0-9_-]{0,40}|[A-Za-z_-]{0,20}\d[A-Za-z0-9_-]{0,20})(?![\w.-])/;
/** "... on all 3", "across both nodes": what the line says is said of every server, wherever the words stand. */
const ON_ALL_OF_THEM = /\b(?:on|across|for)\s+(?:all|both|every|each)\b/i;
/** Words before a build that say it of every server: "all 15.2.1748.10", "both on Version 15.2 (Build 1748.10)", "every box runs ...". */
const ALL_OF_THEM = /\b(?:all|both|every|each)\b/i;
/**
 * Words that lead a sentence, not a server's line (a property's name typed before its value: "AdminDisplayVersion on both: ...",
 * "ESM > Servers > EX2000 > ..."); role words are never a server's name ("Edge role, Version 15.2 (Build 2562.17)": m36).
 */
const NOT_A_NAME =
  /^(version|build|exchange|windows|microsoft|standard|enterprise|datacenter|edition|front-end|back-end|we|our|is|the|and|it|server|servers|os|all|both|they|these|those|my|this|that|still|also|then|now|exsetup|exsetup\.exe|healthchecker|cu|su|rtm|admindisplayversion|exchangeversion|fileversion|productversion|displayversion|esm|properties|setup|role|roles|edge|edgetransport|mailbox|mailboxes|mbx|cas|hub|hubtransport|transport|clientaccess|um|unifiedmessaging|frontend|backend)$/i;
/**
 * ExchangeVersion as Exchange 2003's WMI prints it ("Version 6.5 (Build 7638.2: Service Pack 2)"); the
 * ExchangeVersion of Get-ExchangeServer ("0.1 (8.0.535.0)") is the directory object's version, no build.
 */
function displayVersion(text: string | undefined): string | undefined {
  return text !== undefined && ADMIN_DISPLAY.test(text) ? text : undefined;
}

/** A sentence about what is wanted or planned, or a question: the builds it names are not the servers'. */
const PLANNED =
  /\?|\b(want|wants|plan|plans|planning|planned|moving to|upgrade to|upgrading to|migrate to|migrating to|going to|will|would|should|next|target|latest is|newest is)\b/i;

/** "DAG: DAG01 {EX1, EX2}", "DAG01 = EX1, EX2 (witness FS01)": a DAG typed by hand, its members and witness. */
const TYPED_DAG =
  /^\s*(?:(?:dag(?:\s+name)?\s*[:=-]\s*)([A-Za-z][A-Za-z0-9-]{1,62})\s*(?:[:=-]\s*)?(?:members?\s*[:=]?\s*)?\{?([A-Za-z0-9, -]+?)\}?|([A-Za-z][A-Za-z0-9-]{1,62})\s*(?:[:=-]\s*)?\{([A-Za-z0-9, -]+)\})\s*(?:[,;(]?\s*(?:with\s+(?:a\s+)?)?(?:file\s+share\s+)?(?:witness|fsw)(?:\s+(?:server|on|is))?\s*[:=]?\s*([A-Za-z][A-Za-z0-9.-]+)?.*)?$/i;
/** A token of a typed DAG's member list that no server is named: a bare number (a count, a year) or a word of prose. */
const PROSE_IN_MEMBERS =
  /^(?:\d+|on|in|of|at|for|with|no|not|std|standard|ent|enterprise|datacenter|dc|dcs|mbx|mailbox|mailboxes|members?|nodes?|servers?|windows|ws\d*|win\d*|w2k\d*|plus)$/i;
/** The longest line read as a typed DAG. */
const TYPED_DAG_MAX_LINE = 400;
/** A label typed in front of a server's line ("ExchangeServer: EX01 15.2.1748.10", "Server - EX02 ..."). */
const LINE_LABEL = /^\s*(?:exchange\s*server|exchange|server(?:\s*name)?|host(?:\s*name)?|computer\s*name|name|node|box)\s*[:=]\s*(?=[A-Za-z][A-Za-z0-9-]*\s)/i;
/** Format-List keys that a paste which lost its line breaks (Teams, some mail clients) still shows in a row. */
const FLAT_KEYS = /\s+(?=(?:Name|ServerRole|Edition|AdminDisplayVersion|Site|Servers|WitnessServer|Identity|ExchangeVersion|DatabaseAvailabilityGroup|OS Name|Host Name)\s*:\s)/g;

/**
 * "Name : EX01 ServerRole : Mailbox AdminDisplayVersion : Version 15.2 (Build 1544.4) Name : EX02 ...": a
 * Format-List that lost its line breaks, cut back into its lines (a blank line before each Name), and the
 * words typed after the last build put on a line of their own. Any other line is returned as it is.
 */
function unflatten(line: string): string[] {
  // Export-Csv output whose line breaks became spaces: a quoted cell, a space, a quoted cell starts the next row.
  if (/^\s*"[^"]{1,60}",\s?"/.test(line) && /"\s+"/.test(line)) {
    const rows = line
      .trim()
      .split(/"\s+"/)
      .map((row, k, all) => `${k > 0 ? '"' : ''}${row}${k < all.length - 1 ? '"' : ''}`);
    const last = rows.pop()!;
    const end = last.lastIndexOf('"');
    const after = last
      .slice(end + 1)
      .replace(/^\s*-+\s*/, '')
      .trim();
    return [...rows, last.slice(0, end + 1), ...(after ? ['', after] : [])];
  }
  const table = line.length >= 40 && line.includes('--') ? unflattenTable(line) : undefined;
  if (table) return table;
  if (line.length < 40 || (line.match(/\s:\s/g) ?? []).length < 3) return [line];
  const parts = line.split(FLAT_KEYS);
  if (parts.length < 3) return [line];
  return parts.flatMap((part, k) => {
    const split = /^(AdminDisplayVersion\s*:\s*Version\s+\d{1,2}\.\d{1,2}\s*\(Build\s+\d{1,5}\.\d{1,4}\))\s+(\S.*)$/i.exec(part);
    const own = split ? [split[1]!, '', split[2]!] : [part];
    return k > 0 && /^Name\s*:/i.test(part) ? ['', ...own] : own;
  });
}

/** A version cell that ends a row: "Version 15.2 (Build 1544.4)", "15.2.1544.4". */
const ROW_END_VERSION = /\bversion\s+\d{1,2}\.\d{1,2}\s*\(\s*build\s+\d{1,5}\.\d{1,4}\s*\)|(?<![\d.])\d{1,2}\.\d{1,2}\.\d{1,5}\.\d{1,4}(?![\d.])/gi;

/**
 * "Name ServerRole AdminDisplayVersion ---- ---------- ------------------- EX01 Mailbox Version 15.2 (Build 1544.4) EX02 ...":
 * a Format-Table whose line breaks became spaces (Teams), cut back into its header, its dashes and one line a row.
 * Only when each header word is as long as its run of dashes (as PowerShell prints them) and the last column is
 * the version, whose value ends each row. The words before the header and after the last row keep lines of their own.
 */
function unflattenTable(line: string): string[] | undefined {
  const words = line.trim().split(/\s+/);
  const first = words.findIndex((w) => /^-{2,}$/.test(w));
  if (first < 1) return undefined;
  let count = 0;
  while (first + count < words.length && /^-{2,}$/.test(words[first + count]!)) count += 1;
  const header = words.slice(first - count, first);
  if (count < 2 || header.length < count || header.some((w, k) => w.length !== words[first + k]!.length)) return undefined;
  if (!/^(admindisplayversion|version|productversion|fileversion)$/i.test(header[count - 1]!)) return undefined;
  const body = words.slice(first + count).join(' ');
  const rows: string[] = [];
  let from = 0;
  for (const m of body.matchAll(ROW_END_VERSION)) {
    rows.push(body.slice(from, m.index + m[0].length).trim());
    from = m.index + m[0].length;
  }
  if (rows.length === 0) return undefined;
  const before = words.slice(0, first - count).join(' ');
  const after = body.slice(from).trim();
  return [...(before ? [before, ''] : []), header.join(' '), words.slice(first, first + count).join(' '), ...rows, '', ...(after ? [after] : [])];
}

/** Get-ExchangeServer's role flags and the role each names. */
const ROLE_FLAGS: readonly [string, string][] = [
  ['ismailboxserver', 'mailbox'],
  ['isclientaccessserver', 'client-access'],
  ['ishubtransportserver', 'hub-transport'],
  ['isunifiedmessagingserver', 'unified-messaging'],
  ['isedgeserver', 'edge-transport'],
];

/**
 * "Exchange 2003" in an inventory's version column and "SP2" (or "2", "CU14") in a column of its own: the version with
 * its update, as "Exchange 2003 SP2" is read. A version that names its update keeps it.
 */
function withUpdateColumn(named: string, update: string | undefined): string {
  const value = update?.trim() ?? '';
  if (value === '' || /\b(?:sp\d|cu\d{1,2}|rtm)\b/i.test(named)) return named;
  const n = /^(?:(sp|service pack|cu|cumulative update)\s*)?(\d{1,2})$/i.exec(value);
  if (!n) return /^rtm$/i.test(value) ? `${named} RTM` : named;
  const modern = /\b(?:2013|2016|2019|se)\b/i.test(named) || /^c/i.test(n[1] ?? '');
  return `${named} ${modern ? 'CU' : 'SP'}${n[2]}`;
}

/** wmic's /format:list and /value output ("ExchangeVersion=Version 6.5 (Build 7638.2: Service Pack 2)"): read as a list's "Key : value". */
const WMIC_VALUE = /^\s*([A-Za-z][A-Za-z0-9]{1,39})=(\S.*)$/;
/** A value of Exchange's Setup key in reg query's output: "    MsiProductMajor    REG_DWORD    0xe". */
const SETUP_KEY_VALUE = /^\s*Msi(ProductMajor|ProductMinor|BuildMajor|BuildMinor)\s+REG_DWORD\s+0x([0-9a-f]{1,8})\s*$/i;
/** The same value as Get-ItemProperty prints it (decimal): "MsiProductMajor : 8". */
const SETUP_KEY_PROPERTY = /^\s*Msi(ProductMajor|ProductMinor|BuildMajor|BuildMinor)\s*:\s*(\d{1,8})\s*$/i;
/** Exchange 2000/2003's Setup key: "    NewestBuild    REG_DWORD    0x1dd6" (7638, the build's third part). */
const NEWEST_BUILD_VALUE = /^\s*(?:NewestBuild|ServicePackBuild)\s+REG_DWORD\s+0x([0-9a-f]{1,8})\s*$/i;
/** A build on a line of its own: "Version 6.0 (Build 6249.4: Service Pack 3)", "15.02.1544.004". */
const BARE_BUILD_LINE = /^\s*(?:version\s+\d{1,2}\.\d{1,2}\s*\(\s*build\s+\d{1,5}\.\d{1,4}(?:\s*:\s*service pack \d)?\s*\)|\d{1,2}\.\d{1,2}\.\d{1,5}\.\d{1,4})\s*$/i;
/** reg query's other lines: the key's path ("HKEY_LOCAL_MACHINE\\SOFTWARE\\...") and any other value ("MsiInstallPath    REG_SZ    C:\\..."). */
const REG_QUERY_LINE = /^\s*HKEY_[A-Z_]+\\|^\s+[A-Za-z][\w ]{0,60}?\s{2,}REG_[A-Z_]+\b/;
/** The computer a reg query names: "reg query \\EX01\HKLM\...". */
const REG_QUERY_HOST = /\breg(?:\.exe)?\s+query\s+"?\\\\([A-Za-z][A-Za-z0-9-]{1,62})\\/i;

/**
 * reg query of HKLM\SOFTWARE\Microsoft\ExchangeServer\v14\Setup (or v15, or Exchange 2007's Exchange\v8.0\Setup): its
 * four Msi values (hexadecimal) are the installed build ("MsiProductMajor 0xe, MsiProductMinor 0x3, MsiBuildMajor 0x7b,
 * MsiBuildMinor 0x4" = 14.3.123.4), rewritten as ExSetup's file version, of the computer the command names ("reg query
 * \\EX01\HKLM\...") when it names one. Get-ItemProperty prints the same values in decimal ("MsiProductMajor : 8"), its
 * PSComputerName beside them; Exchange 2000 and 2003 keep only the build's third part (NewestBuild 0x1dd6 = 7638, read
 * as 6.0 or 6.5 by `oldBuild`, whichever the build table lists).
 */
function setupKeyLines(lines: string[], oldBuild: (build: string) => string | undefined): string[] {
  if (lines.some((l) => SETUP_KEY_PROPERTY.test(l))) return setupKeyProperties(lines);
  const newest = lines.map((l) => NEWEST_BUILD_VALUE.exec(l)?.[1]).find((h) => h !== undefined);
  if (newest !== undefined) {
    const build = oldBuild(String(parseInt(newest, 16)));
    const host = lines.map((l) => REG_QUERY_HOST.exec(l)?.[1]).find((h) => h !== undefined);
    if (!build) return lines;
    const at = lines.findIndex((l) => NEWEST_BUILD_VALUE.test(l));
    const rewritten = lines.filter((l) => !NEWEST_BUILD_VALUE.test(l) && !REG_QUERY_LINE.test(l));
    rewritten.splice(Math.min(at, rewritten.length), 0, '', ...(host ? [`Name : ${host}`] : []), `FileVersion : ${build}`, '');
    return rewritten;
  }
  if (!lines.some((l) => SETUP_KEY_VALUE.test(l))) return lines;
  const parts: Record<string, number> = {};
  let at = -1;
  for (const [k, line] of lines.entries()) {
    const m = SETUP_KEY_VALUE.exec(line);
    if (!m) continue;
    parts[m[1]!.toLowerCase()] = parseInt(m[2]!, 16);
    at = at < 0 ? k : at;
  }
  const { productmajor, productminor, buildmajor, buildminor } = parts;
  if ([productmajor, productminor, buildmajor, buildminor].some((n) => n === undefined)) return lines;
  const host = lines.map((l) => REG_QUERY_HOST.exec(l)?.[1]).find((h) => h !== undefined);
  const version = `FileVersion : ${productmajor}.${productminor}.${buildmajor}.${buildminor}`;
  // The key's path and its other values ("HKEY_LOCAL_MACHINE\\...\\v14\\Setup", "MsiInstallPath REG_SZ ...") name no server: read as part of the output.
  const rewritten = lines.filter((l) => !SETUP_KEY_VALUE.test(l) && !REG_QUERY_LINE.test(l));
  rewritten.splice(Math.min(at, rewritten.length), 0, '', ...(host ? [`Name : ${host}`] : []), version, '');
  return rewritten;
}

/** Get-ItemProperty's Msi values (decimal): one "FileVersion" line in their place, in the same block as its PSComputerName. */
function setupKeyProperties(lines: string[]): string[] {
  const parts: Record<string, number> = {};
  for (const line of lines) {
    const m = SETUP_KEY_PROPERTY.exec(line);
    if (m) parts[m[1]!.toLowerCase()] = Number(m[2]);
  }
  const { productmajor, productminor, buildmajor, buildminor } = parts;
  if ([productmajor, productminor, buildmajor, buildminor].some((n) => n === undefined)) return lines;
  const at = lines.findIndex((l) => SETUP_KEY_PROPERTY.test(l));
  const rewritten = lines.filter((l) => !SETUP_KEY_PROPERTY.test(l));
  rewritten.splice(at, 0, `FileVersion : ${productmajor}.${productminor}.${buildmajor}.${buildminor}`);
  return rewritten;
}

/** A line led by its server's role ("Edge role, Version 15.2 (Build 2562.17)", "Mailbox/UM roles: 15.2.1748.10"): the role words. */
const ROLE_LED_LINE = /^\s*((?:[A-Za-z]+\s*[/+,&]\s*){0,3}[A-Za-z]+)\s+roles?\b/i;

/** Cmdlets that list the servers of one role only. */
const ROLE_COMMANDS: readonly [RegExp, string][] = [
  [/\bGet-UMServer\b/i, 'unified-messaging'],
  [/\bGet-ClientAccessServer\b|\bGet-ClientAccessService\b/i, 'client-access'],
  [/\bGet-TransportServer\b/i, 'hub-transport'],
  // Get-EdgeSubscription (Name, Site, Domain): the subscribed Edge Transport servers, their version not shown (l29 s11).
  [/\bGet-EdgeSubscription\b/i, 'edge-transport'],
];

/** A monitoring or CMDB export in long form, one fact a row: "OLD-FE1;exchange_version;6.5.7638" (device, key, value). */
const ATTRIBUTE_ROW = /^\s*"?([A-Za-z][A-Za-z0-9.-]{1,62})"?\s*([;,\t|])\s*"?([A-Za-z][\w .-]{0,40}?)"?\s*\2\s*"?(\S[^"]*?)"?\s*$/;
/** Its header line ("device;tag;value"). */
const ATTRIBUTE_HEADER =
  /^\s*"?(?:device|host|hostname|server|computer|ci|name)"?\s*[;,\t|]\s*"?(?:tag|key|attribute|property|field|metric|sensor|name)"?\s*[;,\t|]\s*"?(?:value|data|result)"?\s*$/i;

/**
 * A long-form export (device, key, value a row) rewritten as one "Server : X" block per device, its keys read as a
 * ticket's ("exchange_version" is "exchange version", "os"): at least four rows with one separator, a device named
 * twice, and a key naming a version, build, role or Windows.
 */
function attributeValueLines(lines: string[]): string[] {
  const rows = lines.map((l) => ATTRIBUTE_ROW.exec(l));
  const found = rows.filter((m): m is RegExpExecArray => m !== null);
  if (found.length < 4 || new Set(found.map((m) => m[2])).size !== 1) return lines;
  if (!found.some((m) => /version|build|\bos\b|windows|role/i.test(m[3]!.replace(/_/g, ' ')))) return lines;
  const devices = new Map<string, string[]>();
  for (const m of found) {
    const key = m[1]!.toLowerCase();
    if (!devices.has(key)) devices.set(key, [`Server : ${m[1]}`]);
    devices.get(key)!.push(`${m[3]!.replace(/_/g, ' ').trim()} : ${m[4]!.trim()}`);
  }
  if (![...devices.values()].some((block) => block.length >= 3)) return lines;
  const first = rows.findIndex((m) => m !== null);
  const out = lines.filter((l, i) => rows[i] === null && !(i === first - 1 && ATTRIBUTE_HEADER.test(l)));
  const at = first - (first > 0 && ATTRIBUTE_HEADER.test(lines[first - 1]!) ? 1 : 0);
  out.splice(at, 0, '', ...[...devices.values()].flatMap((block) => [...block, '']));
  return out;
}

/** msinfo32's System Summary, copied as text: its "System Name" line, and any "Item<TAB>Value" line beside it. */
const MSINFO_NAME = /^\s*System Name\t+[A-Za-z][A-Za-z0-9-]{0,62}\s*$/;
const MSINFO_LINE = /^\s*(System Name|OS Name|Version|System Type|OS Manufacturer|System Manufacturer|System Model|Processor|Windows Directory)\t+(\S.*)$/;

/** Keys ExchangeSetup.log prints around its "Setup version" (its banner's next lines). */
const SETUP_LOG_KEYS = /^(?:setup version|logged on user|command line|operating system version|running on)$/i;

/** ExchangeSetup.log's line prefix ("[02/11/2025 22:14:03.0527] [0] "): the rest of the line is read ("Setup version: 15.2.1748.10."). */
const SETUP_LOG_PREFIX = /^\s*\[\d{1,2}\/\d{1,2}\/\d{4} \d{1,2}:\d{2}:\d{2}(?:\.\d{1,7})?\]\s\[\d{1,3}\]\s/;
/** "...  Version 15.2" then "(Build 1544.4)" on a line of its own: a row a mail client wrapped at its width. */
const WRAPPED_BUILD = /^\s*\(\s*build\s+\d{1,5}\.\d{1,4}\s*\)\s*$/i;

/** A table row wrapped by a mail client before its build ("Version 15.2" / "(Build 1544.4)") joined back into one line. */
function joinWrappedBuilds(lines: string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const last = out.length - 1;
    if (last >= 0 && WRAPPED_BUILD.test(line) && /\bversion\s+\d{1,2}\.\d{1,2}\s*$/i.test(out[last]!)) out[last] = `${out[last]!.trimEnd()} ${line.trim()}`;
    else out.push(line);
  }
  return out;
}

/** A build number alone ("6249") as Exchange 2000 (6.0) or 2003 (6.5): the one of them the build table lists, else none. */
function oldBuildNumberIn(build: string, table: BuildTable): string | undefined {
  const found = ['6.0', '6.5'].map((v) => `${v}.${build}`).filter((b) => findBuilds(b, table).some((m) => m.lookup.kind === 'known'));
  return found.length === 1 ? found[0] : undefined;
}

/** The name given to the one server of a paste that shows a build but names no server (ExSetup's file version alone). */
export const UNNAMED_SERVER = '(server not named)';

/** Keys of Get-StorageGroup's and Get-MailboxDatabase's Format-List blocks: the object lives on a Mailbox server. */
const STORAGE_KEYS = ['logfolderpath', 'systemfolderpath', 'edbfilepath', 'storagegroup', 'mailboxdatabase'];

/** Exchange's own entry in a list of installed programs (Win32_Product's Name, Programs and Features), never a language pack or tool. */
const PRODUCT_NAME = /^\s*microsoft exchange(?: server)?(?:\s+(?:2000|2003|2007|2010|2013|2016|2019|subscription edition))?\s*$/i;
/** That entry leading a line of a program list copied as text, its columns apart by two spaces or a tab. */
const PRODUCT_LINE = /^\s*microsoft exchange(?: server)?(?:\s+(?:2000|2003|2007|2010|2013|2016|2019|subscription edition))?(?=\s{2,}|\t)/i;
/** Mail quoting in front of a forwarded listing. */
const QUOTED = /^\s*(?:>\s?)+/;
/** Column names that name the server in a table (the name cell of a row). */
// Inventories and VM exports name it too ("Hostname", "Server Name", RVTools' "VM").
const TABLE_NAME_KEYS = [
  'name',
  'node',
  'pscomputername',
  'computername',
  'csname',
  'host name',
  'server',
  'fqdn',
  'identity',
  'dnshostname',
  'cn',
  'hostname',
  'server name',
  'servername',
  'computer name',
  'computer',
  'vm',
];
/** RVTools' vInfo prints two Windows columns: what VMware Tools reports runs, what the VM's configuration file was created as. */
const VM_OS_KEYS = ['os according to the vmware tools', 'os according to the configuration file'];
/** A CSV or tab-separated header is a listing's only when it also names one of these. */
const SEPARATED_COLUMNS = [
  'admindisplayversion',
  'serverrole',
  'server role',
  'fileversion',
  'productversion',
  'servers',
  'windowsproductname',
  'caption',
  'osname',
  'os name',
  'os version',
  'operatingsystem',
  // The consoles' "Export List" (ESM, the Exchange Management Console) and Active Directory's serialNumber.
  'version',
  'exchange version',
  'serialnumber',
  // Inventory sheets and VM exports.
  'exchange build',
  'exchange',
  'build',
  'os',
  'operating system',
  'windows',
  'role',
  ...VM_OS_KEYS,
];
/**
 * A line that is nothing but a Windows release ("Windows Server 2025 Standard", what
 * (Get-ComputerInfo).WindowsProductName or Win32_OperatingSystem's Caption prints alone).
 */
const BARE_WINDOWS =
  /^\s*(?:caption\s+)?(?:microsoft(?:\(r\))?\s+)?windows(?:\(r\))?\s+(?:server(?:\(r\))?\s+)?(?:20\d\d|2000)(?:\s+r2)?(?:,?\s+(?:standard|enterprise|datacenter|web|essentials|foundation|advanced server|server))?(?:\s+(?:edition|x64|x86|x64 edition|core|evaluation))*\s*$/i;

/**
 * The cells of a table row whose padding was lost ("EX1 Mailbox Standard Version 15.2 (Build 1748.10)"),
 * read by what each column holds rather than where: the first word is the name, the version is found by
 * its form, roles and edition by their words, the site by its path.
 */
function looseCells(names: readonly string[], line: string): string[] {
  const words = line.trim().split(/\s+/);
  const version = ADMIN_DISPLAY.exec(line)?.[0] ?? /\b\d{1,2}\.\d{1,2}\.\d{1,4}(?:\.\d{1,4})?\b/.exec(line)?.[0] ?? '';
  const roles = words.map((w) => w.replace(/,$/, '')).filter((w) => ROLE_WORDS.some(([r]) => r === w.toLowerCase()));
  const windows = /\bwindows(?:\s+server)?\s+(?:20\d\d|2k\d*)(?:\s+r2)?(?:\s+(?:standard|enterprise|datacenter|web|essentials))?/i.exec(line)?.[0] ?? '';
  return names.map((name, k) => {
    if (k === 0 && !['windowsproductname', 'os name', 'osname', 'caption', 'os', 'operatingsystem'].includes(name)) return words[0] ?? '';
    // Get-ComputerInfo's columns: the Windows product, its installation type, its build.
    if (['windowsproductname', 'os name', 'osname', 'caption', 'os', 'operatingsystem'].includes(name)) return windows;
    if (name === 'windowsinstallationtype') return /\bserver core\b/i.test(line) ? 'Server Core' : /\bnano\b/i.test(line) ? 'Nano Server' : 'Server';
    if (OS_BUILD_KEYS.includes(name)) return /\b\d{1,2}\.\d\.\d{4,5}\b/.exec(line)?.[0] ?? '';
    if (['admindisplayversion', 'version', 'fileversion', 'productversion'].includes(name)) return version;
    if (['serverrole', 'role', 'roles'].includes(name)) return roles.join(', ');
    if (name === 'edition') return words.slice(1).find((w) => /^(standard|enterprise|evaluation)/i.test(w)) ?? '';
    if (name === 'site') return words.find((w) => w.includes('/')) ?? '';
    // Get-MailboxServer's DatabaseAvailabilityGroup column: a word named like a DAG, or the second of a two-column row.
    if (name === 'databaseavailabilitygroup' || name === 'dag') return words.slice(1).find((w) => DAG_NAME.test(w)) ?? (names.length === 2 && words.length === 2 ? words[1]! : '');
    return '';
  });
}

/** The cells of a CSV or tab-separated row; CSV cells may be quoted ("Mailbox, ClientAccess"). */
function splitCells(line: string, separator: string): string[] {
  if (separator === '\t') return line.split('\t').map((c) => c.trim());
  if (separator === '|')
    return line
      .trim()
      .replace(/^\||\|$/g, '')
      .split('|')
      .map((c) => c.trim());
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let k = 0; k < line.length; k += 1) {
    const ch = line[k]!;
    if (ch === '"') {
      if (quoted && line[k + 1] === '"') {
        cell += '"';
        k += 1;
      } else quoted = !quoted;
    } else if (ch === separator && !quoted) {
      cells.push(cell.trim());
      cell = '';
    } else cell += ch;
  }
  cells.push(cell.trim());
  return cells;
}
const DASHES = /^\s*-{2,}(\s+-{2,})*\s*$/;
const HOST_NAME = /^[A-Za-z][A-Za-z0-9-]{0,62}(\.[A-Za-z0-9-]+)*$/;
/** A name in a table's or a list's name field may start with a digit ("1EXMBX01"), as NetBIOS names may, when its first label holds a letter. */
const LISTED_HOST_NAME = /^(?=[0-9_-]*[A-Za-z])[A-Za-z0-9][A-Za-z0-9_-]{0,62}(\.[A-Za-z0-9-]+)*$/;

/** "Version 14.3 (Build 123.4)": AdminDisplayVersion of Exchange 2007 and 2010 stays at the service pack's build whatever rollup is installed. */
function hidesRollup(adminDisplay: boolean, mention: BuildMention): boolean {
  const row = mention.lookup.kind === 'known' ? mention.lookup.row : undefined;
  return adminDisplay && row !== undefined && (row.version === '2007' || row.version === '2010') && row.su === undefined;
}

/**
 * "Exchange 2003 SP2 on both nodes": a paste that shows servers but no version (Get-ClusterNode, cluster.exe)
 * with one Exchange version named around it is that version's estate. Never when the words name two versions
 * or only in a plan or a question.
 */
function versionInWords(servers: readonly ListedServer[], rest: string): void {
  const bare = servers.filter((s) => !s.build && !s.named && !s.majorMinor);
  if (bare.length === 0 || rest === '') return;
  const named = rest
    .split(/(?<=[.!?])\s+|\n/)
    .filter((sentence) => !PLANNED.test(sentence))
    .flatMap((sentence) => [...sentence.matchAll(VERSION_IN_WORDS)].map((m) => m[0]));
  const versions = new Set(named.map((n) => /(2000|2003|2007|2010|2013|2016|2019|se|subscription|e2k3|e2k7)/i.exec(n)?.[1]?.toLowerCase()));
  if (versions.size !== 1) return;
  // The longest naming keeps its update ("Exchange 2003 SP2" over "Exchange 2003").
  const words = named.sort((a, b) => b.length - a.length)[0]!;
  for (const s of bare) s.named = words;
}

/** A node's name without its last number or letter ("MCL-N2" → "MCL-N", "CLN-B" → "CLN", "WEBN1" → "WEBN"). */
const nodeStem = (name: string) => name.toLowerCase().replace(/(?:\d+|-[a-z])$/, '');

/**
 * Nodes of a listed cluster named only in the words around it ("Both nodes (MCL-N1, MCL-N2) are ...", "3 nodes (N1, N2,
 * N3 - N3 is the passive one)", "2 node cluster WEBN1/WEBN2"): cluster.exe's group and res tables name only the nodes
 * owning something. A sentence speaking of nodes or the cluster that names one of its nodes adds the names of the same
 * stem it lists beside it (never an acronym, a version or a virtual server's name of another stem).
 */
function clusterNodesInWords(dags: ListedDag[], rest: string, server: (name: string) => ListedServer): void {
  const clusters = dags.filter((d) => d.kind === 'cluster' && d.servers.length > 0);
  if (clusters.length === 0 || !/\bnodes?\b|\bcluster/i.test(rest)) return;
  for (const sentence of rest.split(/(?<=[.!?])\s+|\n/)) {
    if (sentence.length > MAX_PROSE_LINE || !/\bnodes?\b|\bcluster/i.test(sentence) || PLANNED.test(sentence)) continue;
    const words = sentence.split(/[\s,;/()+&]+/).filter((w) => /^[A-Za-z][A-Za-z0-9-]{0,62}$/.test(w) && /[0-9-]/.test(w));
    for (const cluster of clusters) {
      const members = new Set(cluster.servers.map((n) => n.toLowerCase()));
      if (!words.some((w) => members.has(w.toLowerCase()))) continue;
      const stems = new Set(cluster.servers.map(nodeStem));
      for (const word of words)
        if (!members.has(word.toLowerCase()) && stems.has(nodeStem(word)) && !NOT_A_NAME.test(word) && !UPDATE_NAME.test(word)) {
          const node = server(word);
          node.dag ??= cluster.name;
          cluster.servers.push(node.name);
          members.add(node.name.toLowerCase());
        }
    }
  }
}

/** "CAS01 / CAS02 -> client access, ...", "EDGE01 => edge": servers, an arrow, what they are. */
const ARROW_LINE = new RegExp(`^\\s*(${HOST}(?:\\s*(?:,|&|/|\\+|\\band\\b)\\s*${HOST})*)\\s*(?:->|=>|→|-->)\\s*(\\S.*)$`, 'i');

/**
 * "our 2010 layout, all SP3 RU30:" above lines of "servers -> what they are": the one Exchange version (a year Exchange has,
 * or a version named in words) and update the header line names, for those servers that show none. Never a year that names
 * only Windows (2008, 2012, 2022, 2025), never two years.
 */
function arrowHeaderVersion(servers: readonly ListedServer[], lines: readonly string[], arrowLines: readonly number[]): void {
  if (arrowLines.length === 0) return;
  const bare = servers.filter((s) => !s.build && !s.named && !s.majorMinor);
  if (bare.length === 0) return;
  let k = arrowLines[0]! - 1;
  while (k >= 0 && lines[k]!.trim() === '') k -= 1;
  const header = k >= 0 ? lines[k]! : '';
  if (header.length > MAX_PROSE_LINE || !/:\s*$/.test(header) || PLANNED.test(header)) return;
  const years = [...new Set([...header.matchAll(/\b(2000|2003|2007|2010|2013|2016|2019|se)\b/gi)].map((m) => m[1]!.toLowerCase()))];
  if (years.length !== 1 || /\bwindows\b|\bw2k|\bserver\s+20\d\d\b/i.test(header)) return;
  const update = /\b(sp\d|cu\d{1,2}|rtm)\b/i.exec(header)?.[1];
  const named = `Exchange ${years[0] === 'se' ? 'SE' : years[0]}${update ? ` ${update.toUpperCase()}` : ''}`;
  for (const s of bare) s.named = named;
}

/** A DAG's name in words: a name that holds "dag" ("DAG01", "DAG-EU", "ams_dag"), not the word "DAG" itself. */
const DAG_NAME = /(?<![\w-])((?:[A-Za-z0-9_]+-?)?dag(?:[-_]?[A-Za-z0-9]+)+|[A-Za-z0-9_]+[-_]dag)(?![\w-])/i;

/** "KRK-MBX1+2", "EX1/2/3": servers numbered after one prefix, written out ("KRK-MBX1, KRK-MBX2"). */
function expandNumbered(text: string): string {
  return expandRanges(text).replace(/\b([A-Za-z][A-Za-z0-9-]{0,40}?)(\d{1,3})((?:\s{0,2}[+&/]\s{0,2}\d{1,3}(?![\w.])){1,8})/g, (_m, prefix: string, first: string, more: string) =>
    [first, ...more.split(/[+&/]/).slice(1)].map((n) => `${prefix}${n.trim()}`).join(', '),
  );
}

/** The most servers a typed range of names stands for ("MB01..MB17" is a DAG above 16 members). */
/** "FIN-EX1/2: Version 15.2 (Build 1748.10)": the numbered names a typed line leads with, spelled out ("FIN-EX1/FIN-EX2: ..."). */
const NUMBERED_LEAD = /^(\s*)([A-Za-z][A-Za-z0-9-]{0,40}?)(\d{1,3})((?:\s{0,2}[/+&]\s{0,2}\d{1,3}(?![\w.])){1,8})(?=\s*[:=\-–]\s)/;
function numberedLead(line: string): string {
  return line.replace(
    NUMBERED_LEAD,
    (_m, space: string, prefix: string, first: string, more: string) => `${space}${[first, ...more.split(/[/+&]/).slice(1)].map((n) => `${prefix}${n.trim()}`).join('/')}`,
  );
}
const MAX_RANGE = 32;

/**
 * "LDN-MB1..3", "MB01..MB17", "EX1–EX4", "MB01-MB04", "EX1 to EX3" (a range whose second end repeats the prefix when a hyphen
 * or a word joins them, since "EX1-3" may be a server's own name) → "LDN-MB1, LDN-MB2, LDN-MB3": the names a range stands
 * for, padded as its first end is. Never more than {@link MAX_RANGE}, never a range running down.
 */
export function expandRanges(text: string): string {
  return text.replace(
    /\b([A-Za-z][A-Za-z0-9-]{0,40}?)(\d{1,3})(?:\s?(?:\.{2,3}|[–—])\s?(?:\1)?|\s?(?:-|\s(?:to|through|thru)\s)\s?\1)(\d{1,3})(?![\w.])/g,
    (whole: string, prefix: string, first: string, last: string) => {
      const from = Number(first);
      const to = Number(last);
      if (to <= from || to - from >= MAX_RANGE) return whole;
      const names: string[] = [];
      for (let n = from; n <= to; n += 1) names.push(`${prefix}${String(n).padStart(first.length, '0')}`);
      return names.join(', ');
    },
  );
}

/** The clauses of words around a paste: cut at ".", ";", "," and line ends, but not inside parentheses ("DAG13 (mailbox, 2012 R2)"). */
/** A clause so far made only of host-like names ("EX1-M1", "EX1-M1, EX1-M2"), and a host-like name next. */
const NAME_LIST_SO_FAR = /^\s*(?:(?=[A-Za-z0-9-]*[0-9-])[A-Za-z][A-Za-z0-9-]*\s*,\s*)*(?=[A-Za-z0-9-]*[0-9-])[A-Za-z][A-Za-z0-9-]*\s*$/;
const NAME_NEXT = /^\s*(?=[A-Za-z0-9-]*[0-9-])[A-Za-z][A-Za-z0-9-]*(?![\w.-])/;

export function clausesOutsideParentheses(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let k = 0; k < text.length; k += 1) {
    const ch = text[k]!;
    if (ch === '(') depth += 1;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && (ch === ';' || ch === ',' || ch === '\n' || (ch === '.' && /\s/.test(text[k + 1] ?? ' ')))) {
      // "EX1-M1, EX1-M2 = DAG-A": a comma inside a list of server names is no clause's end.
      if (ch === ',' && NAME_LIST_SO_FAR.test(text.slice(start, k)) && NAME_NEXT.test(text.slice(k + 1, k + 80))) continue;
      out.push(text.slice(start, k));
      start = k + 1;
    }
  }
  out.push(text.slice(start));
  return out.map((c) => c.trim()).filter((c) => c !== '');
}

/** "one EVS (EVS-MB)", "EVS-MB (virtual server on cluster CLU-MB)", "EVS1 is the Exchange virtual server": a server called a virtual server. */
const VIRTUAL_SERVER_WORDS = /\b(?:evs|(?:exchange\s+)?virtual\s+server)\b/i;

/**
 * A listed Exchange 2000/2003 server the words call a virtual server (ESM and ADSI Edit list the EVS, not its nodes) of the one
 * node cluster the paste shows (cluster.exe node, Get-ClusterNode), or of the cluster its line names: that cluster's virtual
 * server, as cluster.exe's group table would show it (see virtualServersToNodes).
 */
function virtualServersInWords(dags: readonly ListedDag[], servers: ReadonlyMap<string, ListedServer>, rest: string): void {
  const clusters = dags.filter((d) => d.kind === 'cluster');
  if (clusters.length === 0 || rest.length > 8_000) return;
  for (const s of servers.values()) {
    if (!(s.build || s.named) || s.dag || clusters.some((c) => c.servers.some((n) => n.toLowerCase() === s.name.toLowerCase()))) continue;
    const name = new RegExp(`\\b${s.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'i');
    // Its own line's words, or a sentence of the words around the paste naming it beside "EVS" or "virtual server".
    const said = [s.said ?? '', ...rest.split(/(?<=[.!?])\s+|\n/).filter((sentence) => name.test(sentence))].filter((t) => VIRTUAL_SERVER_WORDS.test(t));
    if (said.length === 0) continue;
    const named = clusters.filter((c) => said.some((t) => new RegExp(`\\b${c.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'i').test(t)));
    const cluster = named.length === 1 ? named[0]! : clusters.length === 1 ? clusters[0]! : undefined;
    if (cluster && !cluster.virtualServers?.some((v) => v.toLowerCase() === s.name.toLowerCase())) (cluster.virtualServers ??= []).push(s.name);
  }
}

/**
 * "EVS-MAIL is Exchange 2003 SP2 Enterprise, nodes are Windows Server 2003 Enterprise SP2" under cluster.exe's group and node
 * tables: EVS-MAIL is one of the cluster's Exchange virtual servers, no server of its own. What its line says (its version,
 * its words) is its nodes', for the nodes that show none, and the virtual server is dropped.
 */
function virtualServersToNodes(dags: readonly ListedDag[], servers: Map<string, ListedServer>): void {
  for (const cluster of dags) {
    if (cluster.kind !== 'cluster' || !cluster.virtualServers) continue;
    const nodes = cluster.servers.map((n) => servers.get(n.toLowerCase())).filter((n): n is ListedServer => n !== undefined);
    if (nodes.length === 0) continue;
    for (const name of cluster.virtualServers) {
      const evs = servers.get(name.toLowerCase());
      if (!evs || nodes.includes(evs) || !(evs.build || evs.named || evs.majorMinor)) continue;
      for (const node of nodes) {
        if (!node.build && !node.named && !node.majorMinor) {
          if (evs.build) node.build = evs.build;
          if (evs.named) node.named = evs.named;
          if (evs.majorMinor) node.majorMinor = evs.majorMinor;
        }
        if (node.said === undefined && evs.said !== undefined) node.said = evs.said;
        if (node.edition === undefined && evs.edition !== undefined) node.edition = evs.edition;
      }
      servers.delete(name.toLowerCase());
    }
  }
}

/**
 * "MBX1 and MBX2 are the two members of DAG01", "E13-01/E13-02 = DAG13", "both in DAG1": the DAG a server is in, said in
 * words for servers the paste shows in none. A clause gives its DAG to the servers it names, or, naming none but "both" or
 * "all", to every server in no DAG but Edge servers. Plans and questions give nothing.
 */
function dagsInWords(servers: readonly ListedServer[], dags: ListedDag[], rest: string): void {
  if (rest === '' || rest.length > 8_000 || !/dag/i.test(rest)) return;
  const free = new Map(servers.filter((s) => !s.dag).map((s) => [s.name.toLowerCase(), s]));
  if (free.size === 0) return;
  for (const clause of clausesOutsideParentheses(rest)) {
    // A listed server's own name holding "dag" ("DAGM1 + DAGM2 = one DAG") names no DAG.
    const dag = [...clause.matchAll(new RegExp(DAG_NAME.source, 'gi'))].map((m) => m[1]!).find((name) => !servers.some((s) => s.name.toLowerCase() === name.toLowerCase()));
    if (!dag || PLANNED.test(clause)) continue;
    const named = expandNumbered(clause)
      .split(/[^A-Za-z0-9_-]+/)
      .map((w) => free.get(w.toLowerCase()))
      .filter((s): s is ListedServer => s !== undefined);
    const members = named.length > 0 ? named : /\b(both|all)\b/i.test(clause) ? [...free.values()].filter((s) => !s.roles.includes('edge-transport')) : [];
    if (members.length === 0) continue;
    let listed = dags.find((d) => d.name.toLowerCase() === dag.toLowerCase() && d.kind !== 'cluster');
    if (!listed) dags.push((listed = { name: dag, servers: [] }));
    for (const s of members) {
      s.dag = listed.name;
      if (!listed.servers.includes(s.name)) listed.servers.push(s.name);
      free.delete(s.name.toLowerCase());
    }
  }
}

/**
 * Windows as typed after a server's name: a Windows word ("Windows 2000 Server SP4", "w2k3 std", "Server 2016 Standard"), or a
 * year only Windows has (2008, 2012, 2022, 2025), or a year with R2 or an edition after it ("2019 std"); never a bare year
 * Exchange shares ("EX01 = 2019" may be Exchange 2019).
 */
const TYPED_WINDOWS =
  '(?:microsoft\\s+)?(?:windows\\b|win\\s?20\\d\\d\\b|w2k\\d*\\b|server\\s+20\\d\\d\\b|20(?:08|12|22|25)\\b|20\\d\\d\\s+(?:r2|std|standard|ent|enterprise|datacenter|dc)\\b)';
/** "RG1-EX: Windows 2000 Server SP4", "EX2 - win2k3 sp1", "SE-EDGE is still Windows Server 2016", "EX10-NEW got reinstalled on Server 2016": a clause led by listed servers' names, then their Windows. */
const NAMED_WINDOWS_CLAUSE = new RegExp(
  `^\\s*(${HOST}(?:\\s*(?:,|&|/|\\+|\\band\\b)\\s*${HOST})*)\\s*(?:[:=\\-–]|\\b(?:is|are|runs?|running|was|got)\\b(?:\\s+[a-z]+){0,2}?(?:\\s+on)?|\\bon\\b)\\s*(${TYPED_WINDOWS}.*)$`,
  'i',
);
/** "LABMBX01: new single server in the lab site, someone installed it on Windows Server 2019 Standard": a clause led by a listed server's name and a colon, whose Windows comes later in it. */
const NAMED_LATER_WINDOWS_CLAUSE = new RegExp(`^\\s*(${HOST})\\s*:\\s*[^:;]*?\\b(?:on|is|runs?|running)\\s+(${TYPED_WINDOWS}.*)$`, 'i');
/** A label in front of the clauses ("systeminfo: EX07-A = ...", "OS: ..."). */
const WINDOWS_LINE_LABEL = /^\s*(?:systeminfo|os|windows|operating systems?)\s*:\s*/i;

/**
 * Windows typed per server under a listing ("RG1-EX: Windows 2000 Server SP4", "RG2-EX: Windows 2000 Server SP2 (never
 * patched)", "SE-MBX1 is on Windows Server 2022 Standard; SE-EDGE is still Windows Server 2016 Standard", "EX10-OLD is on
 * 2008 R2 Standard SP1, EX10-NEW got reinstalled on Server 2016 Standard"): each clause's Windows, service pack included, is
 * the Windows of the listed servers it leads with, so that two servers of one build on different service packs are judged
 * apart. Only servers the paste already lists, only for a server whose Windows the paste does not show, never a plan or a
 * question. The line stays the question's: the design reads its other words ("no DAG").
 */
function windowsOfNamedServers(servers: ReadonlyMap<string, ListedServer>, lines: readonly string[], used: readonly boolean[]): void {
  const known = (name: string) => servers.get(name.toLowerCase().split('.')[0]!);
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]!;
    if (used[i] || line.length > MAX_PROSE_LINE || !new RegExp(TYPED_WINDOWS, 'i').test(line)) continue;
    // "systeminfo: EX07-A = ..." with "            EX07-B = ..." indented under it: the indented lines (read as the label's
    // wrapped value) are clauses of their own too.
    const wrapped: string[] = [];
    if (WINDOWS_LINE_LABEL.test(line)) for (let k = i + 1; k < lines.length && /^\s{8,}\S/.test(lines[k]!) && lines[k]!.length <= MAX_PROSE_LINE; k += 1) wrapped.push(lines[k]!);
    const pieces = [line, ...wrapped]
      .flatMap((one) =>
        one
          .replace(BULLET, '')
          .replace(WINDOWS_LINE_LABEL, '')
          .split(/;|(?<=[.!?])\s+/),
      )
      .flatMap((piece) => clausesByServer(piece, known));
    for (const clause of pieces) {
      if (PLANNED.test(clause)) continue;
      const m = NAMED_WINDOWS_CLAUSE.exec(clause) ?? NAMED_LATER_WINDOWS_CLAUSE.exec(clause);
      if (!m) continue;
      const names = m[1]!.split(/\s*(?:,|&|\/|\+|\band\b)\s*/i).filter((n) => n !== '');
      const listed = names.map(known);
      if (listed.length === 0 || listed.some((s) => s === undefined || !(s.build || s.named || s.majorMinor || s.roles.length > 0))) continue;
      // What follows in parentheses is the writer's aside ("(never patched, don't ask)", "(in-place, we didn't rebuild it)").
      // An architecture in parentheses ("(32-bit)", "(x64)") is Windows' own fact, kept.
      const windows = m[2]!
        .replace(/\s*\(([^()]*)\)\s*/g, (aside: string, inside: string) => (/^\s*(?:32|64)-?bit\s*$|^\s*x(?:86|64)\s*$/i.test(inside) ? ` ${inside.trim()} ` : ' '))
        .replace(/[.,]\s*$/, '')
        .trim();
      for (const s of listed) if (!s!.os) s!.os = windows;
    }
  }
}

/** "EX10-OLD is on 2008 R2 Standard SP1, EX10-NEW got reinstalled on Server 2016": cut at a comma only where a listed server's name follows. */
function clausesByServer(piece: string, known: (name: string) => ListedServer | undefined): string[] {
  const out: string[] = [];
  for (const part of piece.split(',')) {
    const lead = /^\s*([A-Za-z][A-Za-z0-9.-]*)/.exec(part)?.[1];
    if (out.length === 0 || (lead !== undefined && known(lead) !== undefined)) out.push(part);
    else out[out.length - 1] += `,${part}`;
  }
  return out;
}

/**
 * Builds the user typed around a paste, given to the servers whose build the paste does not show: a
 * server whose cut column shows its major and minor version ("Version 15.2 (Bu...") gets the one build
 * typed of that version; a paste of one server without any build gets the one build typed. Never a
 * build of another version, never one of several.
 */
function buildsInWords(servers: readonly ListedServer[], spoken: readonly BuildMention[]): void {
  const majorMinor = (m: BuildMention) => m.lookup.build.split('.').slice(0, 2).join('.');
  const distinct = (list: readonly BuildMention[]) => [...new Map(list.map((m) => [m.lookup.build, m])).values()];
  // "ExSetup on both: 15.02.1544.004": a paste that shows no build at all, and one build typed, is that build's estate.
  const none = servers.every((s) => !s.build && !s.named && !s.majorMinor);
  for (const s of servers) {
    if (s.build || s.named) continue;
    const fits = distinct(s.majorMinor ? spoken.filter((m) => majorMinor(m) === s.majorMinor) : servers.length === 1 || none ? spoken : []);
    if (fits.length !== 1) continue;
    s.build = fits[0];
    s.majorMinor = undefined;
  }
}

/**
 * Whether {@link parseListing} may read `text` as anything but `none`: false only for text it provably reads as `none`, so
 * that an ordinary one-line question ("how many nodes can a windows 2003 enterprise cluster have") skips the parser's
 * passes (issue 24: about 8 % of a knowledge turn went to reading every question as a paste). Exact, not a heuristic:
 *
 * - Text of one line (no line break) has no table (a header needs its line of dashes below it), no Export-Csv or
 *   tab-separated rows (a header needs rows below it), no JSON or wmic block and no line reshaped into several, so long as
 *   it holds none of `:` (Format-List, a ticket's "Server:", OWA's About page, a label "Server: EX01", a flattened
 *   Format-List), `=` (wmic's "Key=value", a label), `>` (a mail quote, an arrow "->", "=>"), `[` (JSON, setup's log
 *   prefix), `{` (JSON, a typed DAG "DAG1 {EX1, EX2}"), `"` (Export-Csv flattened onto one line) or `→`: reg query's
 *   Msi values take four lines, setup's console output a title and its steps, a table flattened by Teams its rows' builds.
 * - On that line, a server is read only beside a build (`\d.\d` in every form findBuilds, ADMIN_DISPLAY and the dotted
 *   fallbacks read), beside a version named in words ({@link EXCHANGE_NAMED}: a typed line or a sentence), on an arrow
 *   line, or in a typed DAG (led by "dag" or holding `{`); DAGs named in words only join servers read otherwise.
 *
 * Anything else goes to the parser. test/knowledge/listing-gate.test.ts checks the claim over every listing fixture, each
 * of their lines, and generated one-line texts built from listing words.
 */
/**
 * Win32_OperatingSystem's ServicePackMajorVersion (Get-ComputerInfo's OsServicePackMajorVersion): the service pack of a
 * Windows release that had them (up to 2008 R2, "6.1.7600" / "Windows Server 2008 R2"), 0 for none. Later releases print 0 always.
 */
function windowsServicePack(s: ListedServer, value: string | undefined): void {
  if (value === undefined || !/^\s*\d\s*$/.test(value) || s.osServicePack !== undefined) return;
  const release = `${s.os ?? ''} ${s.osBuild ?? ''}`;
  if (/\b(?:2000|2003|2008)\b|^\s*(?:5\.\d|6\.[01])\.\d{4}\b|\s(?:5\.\d|6\.[01])\.\d{4}\b/.test(release)) s.osServicePack = Number(value);
}

/** "X2KFE1 is the front-end", "E2K3BE back end": a server's name, a few linking words, then Exchange 2000/2003's front-end or back-end role. */
const FRONT_OR_BACK_AFTER =
  /^\s*(?:\(|,|:|=|-|is|was|as|the|a|an|our|only|one|single)?(?:\s*(?:is|was|as|the|a|an|our|only|one|single)\b){0,3}\s*(front[- ]?end|back[- ]?end|fe|be)\b/i;

/**
 * Exchange 2000/2003 servers the paste shows no role for, each named in the words around it just before its role
 * ("X2KFE1 is the front-end, X2KBE1 the back-end"): that role, server by server (the design's words reach a whole group).
 */
function frontOrBackInWords(servers: readonly ListedServer[], rest: string): void {
  if (!/\b(?:front|back)[- ]?end|\b(?:fe|be)\b/i.test(rest)) return;
  for (const s of servers) {
    const major = s.build?.lookup.build.split('.')[0] ?? s.majorMinor?.split('.')[0];
    if (s.roles.length > 0 || major !== '6') continue;
    const roles = new Set<string>();
    const name = new RegExp(`(?<![\\w-])${s.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`, 'gi');
    for (const m of rest.matchAll(name)) {
      const role = FRONT_OR_BACK_AFTER.exec(rest.slice(m.index + m[0].length, m.index + m[0].length + 40))?.[1];
      if (role) roles.add(/^f/i.test(role) ? 'front-end' : 'back-end');
    }
    if (roles.size === 1) s.roles = [...roles];
  }
}

export function mayHoldListing(text: string): boolean {
  return /[\r\n]/.test(text) || /\d\.\d/.test(text) || /[:=>[{"\u2192]/.test(text) || /^\s*dag/i.test(text) || EXCHANGE_NAMED.test(text);
}

/**
 * Reads a pasted listing. `none` when the text holds no server listing (an ordinary question);
 * `too-long` beyond {@link MAX_LISTING_LINES}. Lines it does not read are kept in `rest` (the question
 * around the paste).
 */
export function parseListing(text: string, table: BuildTable): ListingResult {
  const raw = text.replace(/\r\n?/g, '\n').split('\n');
  if (raw.length > MAX_LISTING_LINES) return { kind: 'too-long', lines: raw.length, limit: MAX_LISTING_LINES };
  // A listing forwarded in a mail thread is quoted ("> Name : EX01"): the quote marks are no part of it.
  // ConvertTo-Json and wmic output are first rewritten into the Format-List and table lines read below.
  // Tables that lost their shape (one cell a line, no line of dashes) and setup's console output are reshaped first.
  // "LEGACY03 = w2k3 std sp2. EX2010-01 = 2008 r2 std sp1": servers typed one after another on one line are lines of their own.
  // msinfo32's System Summary copied as text ("System Name<TAB>NODE-A", "OS Name<TAB>Microsoft Windows 2000 Advanced Server"): read as a list's "Key : value".
  const msinfo = raw.some((line) => MSINFO_NAME.test(line));
  const cleaned = (msinfo ? raw.map((line) => line.replace(MSINFO_LINE, '$1 : $2').replace(/^\s*System Name :/, 'Host Name :')) : raw).flatMap((line) =>
    line.replace(QUOTED, '').replace(SETUP_LOG_PREFIX, '').replace(WMIC_VALUE, '$1 : $2').split(NEXT_TYPED_SERVER),
  );
  const rewritten = structuredLines(
    owaAboutLines(
      setupConsoleLines(setupKeyLines(groupedTables(directoryObjectLines(attributeValueLines(taggedServerLines(cleaned)))), (build) => oldBuildNumberIn(build, table))),
    ),
  ).flatMap(unflatten);
  const lines = dashlessHeaders(cellPerLineTables(joinWrappedBuilds(rewritten)));
  const servers = new Map<string, ListedServer>();
  const dags: ListedDag[] = [];
  /** Servers a DAG column or DAG line gave a DAG (see readExtras): a table row that gave only that still gave something. */
  const dagColumnMembers = new Set<string>();
  const used = new Array<boolean>(lines.length).fill(false);
  /** Windows lines that name no server ("OS Name: ..." alone, a Get-ComputerInfo table run on one server). */
  const looseOs = new Set<string>();
  /** Windows builds that name no server ("OS Version: 10.0.17763" alone), applied as `looseOs` is. */
  const looseOsBuilds = new Set<string>();
  /** Get-ComputerInfo's WindowsInstallationType printed without a name ("Server Core"), applied as `looseOs` is. */
  const looseInstallation = new Set<string>();
  /** systeminfo's System Type beside a Windows line that names no server ("X86-based PC"), applied as `looseOs` is. */
  const looseSystemType = new Set<string>();
  let lastHealthServer: ListedServer | undefined;
  /** Servers read from a table or a key-value block (see `fromOutput`). */
  const fromOutput = new Set<ListedServer>();
  /** Servers of a line led by their host-like names that gives their build (see `typedLine`). */
  const typedLines = new Set<ListedServer>();
  /** ExSetup's file version printed without a computer name (bounded by the paste's lines). */
  const looseBuilds: BuildMention[] = [];
  const server = (name: string): ListedServer => {
    const key = name.toLowerCase().split('.')[0]!;
    let found = servers.get(key);
    if (!found) servers.set(key, (found = { name: name.split('.')[0]!, roles: [] }));
    return found;
  };

  /** The role of the cmdlet that printed the table being read (see ROLE_COMMANDS). */
  let commandRole: string | undefined;
  /** Facts Hyper-V's output gives of virtual machines by name (Get-VM, Get-VMSnapshot), given to the listed servers of those names. */
  const vms = new Map<string, Pick<ListedServer, 'dynamicMemory' | 'vmSnapshots' | 'databases'>>();
  const vmFacts = (name: string) => {
    const key = name.toLowerCase().split('.')[0]!;
    let found = vms.get(key);
    if (!found) vms.set(key, (found = {}));
    return found;
  };

  /** Names Get-ADDomainController listed (bounded by the paste's lines). */
  const domainControllers = new Set<string>();
  /** Per Active Directory site (lower case), how many read-only and writable domain controllers Get-ADDomainController's table shows. */
  const dcSites = new Map<string, { readOnly: number; writable: number }>();
  /** Whether one of the 3 lines above `header` ran Get-ADDomainController. */
  const dcCommandAbove = (header: number) => lines.slice(Math.max(0, header - 3), header).some((l) => /\bget-addomaincontroller\b/i.test(l));

  /**
   * Session 12 (v1): platform facts output shows without naming a server (Get-Volume, Get-NetAdapterBinding, Win32_ComputerSystem,
   * Get-ADForest): given to the paste's one server, and the forest level to every server (one forest).
   */
  const loosePlatform: Record<string, string> = {};
  /** Get-Volume's ReFS volumes (drive letter, label), judged against the install path the paste names once every line is read. */
  const refsVolumes: { drive: string; label: string }[] = [];

  /** How much the rows that name no server gave (a Windows line, an installation type, ExSetup's build, a DAG). */
  const looseCount = () => looseOs.size + looseInstallation.size + looseBuilds.length + dags.length;

  // 1. Tables: a header line, then a line of dashes under each column.
  for (let i = 1; i < lines.length; i += 1) {
    if (!DASHES.test(lines[i]!) || used[i]) continue;
    const header = lines[i - 1]!;
    const columns = [...lines[i]!.matchAll(/-+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
    const names = columns.map((c, k) =>
      header
        .slice(c.start, k + 1 < columns.length ? columns[k + 1]!.start : undefined)
        .trim()
        .toLowerCase(),
    );
    // cluster.exe's "group X /listowners" and "res X /listowners": the nodes that may own the group, one a line.
    if (columns.length === 1 && /^(?:preferred|possible) owner nodes$/.test(names[0]!)) {
      const cluster: ListedDag = { name: clusterName(lines, i - 1), servers: [], kind: 'cluster' };
      for (let j = i + 1; j < lines.length && LISTED_HOST_NAME.test(lines[j]!.trim()); j += 1) {
        used[j] = true;
        cluster.servers.push(server(lines[j]!.trim()).name);
      }
      const same = dags.find((d) => d.kind === 'cluster' && d.name.toLowerCase() === cluster.name.toLowerCase());
      if (same) {
        for (const node of cluster.servers) if (!same.servers.includes(node)) same.servers.push(node);
      } else if (cluster.servers.length > 0) dags.push(cluster);
      used[i - 1] = used[i] = true;
      continue;
    }
    // A title underlined with dashes ("Exchange Information" in HealthChecker's report) heads a list, not a table.
    if (columns.length === 1 && !TABLE_NAME_KEYS.includes(names[0]!)) {
      used[i] = true;
      continue;
    }
    used[i - 1] = used[i] = true;
    // Get-ADDomainController's table: its names are domain controllers (a DAG member may not be one), no Exchange servers of their own.
    if (dcCommandAbove(i - 1) && names.includes('name')) {
      const k = names.indexOf('name');
      for (let j = i + 1; j < lines.length && lines[j]!.trim() !== '' && !DASHES.test(lines[j]!); j += 1) {
        const name = columns.map((c, n) => lines[j]!.slice(c.start, n + 1 < columns.length ? columns[n + 1]!.start : undefined).trim())[k];
        if (!name || !LISTED_HOST_NAME.test(name)) break;
        used[j] = true;
        domainControllers.add(name.split('.')[0]!.toLowerCase());
        const cells = columns.map((c, n) => lines[j]!.slice(c.start, n + 1 < columns.length ? columns[n + 1]!.start : undefined).trim());
        const site = names.includes('site') ? cells[names.indexOf('site')]?.toLowerCase() : undefined;
        const readOnly = names.includes('isreadonly') ? cells[names.indexOf('isreadonly')] : undefined;
        if (site && readOnly && /^(true|false)$/i.test(readOnly)) {
          const count = dcSites.get(site) ?? { readOnly: 0, writable: 0 };
          if (/^true$/i.test(readOnly)) count.readOnly += 1;
          else count.writable += 1;
          dcSites.set(site, count);
        }
      }
      continue;
    }
    // Session 12 (v1): Get-Volume (DriveLetter, FileSystemLabel, FileSystem), Get-NetAdapterBinding (Name, DisplayName or ComponentID, Enabled),
    // Win32_ComputerSystem (Manufacturer, Model) and Get-ADForest (Name, ForestMode) tables: facts of the platform, no servers of their own.
    if (names.includes('filesystem') && (names.includes('driveletter') || names.includes('filesystemlabel'))) {
      for (let j = i + 1; j < lines.length && lines[j]!.trim() !== '' && !DASHES.test(lines[j]!); j += 1) {
        used[j] = true;
        const cells = columns.map((c, n) => lines[j]!.slice(c.start, n + 1 < columns.length ? columns[n + 1]!.start : undefined).trim());
        const cell = (key: string) => (names.includes(key) ? (cells[names.indexOf(key)] ?? '') : '');
        if (/^refs$/i.test(cell('filesystem'))) refsVolumes.push({ drive: cell('driveletter'), label: cell('filesystemlabel') });
      }
      continue;
    }
    if (names.includes('enabled') && (names.includes('displayname') || names.includes('componentid'))) {
      for (let j = i + 1; j < lines.length && lines[j]!.trim() !== '' && !DASHES.test(lines[j]!); j += 1) {
        used[j] = true;
        const cells = columns.map((c, n) => lines[j]!.slice(c.start, n + 1 < columns.length ? columns[n + 1]!.start : undefined).trim());
        const cell = (key: string) => (names.includes(key) ? (cells[names.indexOf(key)] ?? '') : '');
        if (IPV4_BINDING.test(`${cell('displayname')} ${cell('componentid')}`) && /^false$/i.test(cell('enabled'))) loosePlatform.ipvFourDisabled = 'yes';
      }
      continue;
    }
    if (names.includes('model') || names.includes('forestmode')) {
      for (let j = i + 1; j < lines.length && lines[j]!.trim() !== '' && !DASHES.test(lines[j]!); j += 1) {
        used[j] = true;
        const cells = columns.map((c, n) => lines[j]!.slice(c.start, n + 1 < columns.length ? columns[n + 1]!.start : undefined).trim());
        readPlatformValues((key) => (names.includes(key) ? cells[names.indexOf(key)] : undefined));
      }
      continue;
    }
    // Get-ClusterGroup and Get-ClusterResource (OwnerNode, OwnerGroup, ResourceType): the cluster's groups and resources, their owner nodes
    // its nodes; a group or resource of another application is a workload the cluster runs besides Exchange.
    if (names.some((n) => n === 'ownernode' || n === 'ownergroup' || n === 'resourcetype')) {
      const cluster: ListedDag = { name: clusterName(lines, i - 1), servers: [], kind: 'cluster' };
      for (let j = i + 1; j < lines.length && lines[j]!.trim() !== '' && !DASHES.test(lines[j]!); j += 1) {
        used[j] = true;
        const cells = columns.map((c, k) => lines[j]!.slice(c.start, k + 1 < columns.length ? columns[k + 1]!.start : undefined).trim());
        const cell = (key: string) => (names.includes(key) ? cells[names.indexOf(key)] : undefined);
        const owner = cell('ownernode');
        if (owner && LISTED_HOST_NAME.test(owner) && !cluster.servers.includes(server(owner).name)) cluster.servers.push(server(owner).name);
        const group = cell('ownergroup') ?? cell('name');
        if (!CLUSTER_OWN_RESOURCE.test(`${cell('name') ?? ''} ${cell('resourcetype') ?? ''}`) && otherWorkload(cell('name'), cell('ownergroup'), cell('resourcetype')))
          (cluster.otherWorkloads ??= []).push(group ?? '');
      }
      const same = dags.find((d) => d.kind === 'cluster' && d.name.toLowerCase() === cluster.name.toLowerCase());
      if (same) {
        for (const node of cluster.servers) if (!same.servers.includes(node)) same.servers.push(node);
        if (cluster.otherWorkloads) same.otherWorkloads = [...(same.otherWorkloads ?? []), ...cluster.otherWorkloads];
      } else if (cluster.servers.length > 0 || cluster.otherWorkloads) dags.push(cluster);
      continue;
    }
    // Get-MailboxDatabase's table (Name, Server, Mounted): the databases each server mounts, counted for it (a fact the Standard edition limits).
    if (names.includes('server') && names.includes('mounted') && names.includes('name') && !names.includes('admindisplayversion')) {
      const counts = new Map<string, number>();
      for (let j = i + 1; j < lines.length && lines[j]!.trim() !== '' && !DASHES.test(lines[j]!); j += 1) {
        used[j] = true;
        const cells = columns.map((c, n) => lines[j]!.slice(c.start, n + 1 < columns.length ? columns[n + 1]!.start : undefined).trim());
        const host = cells[names.indexOf('server')]!;
        if (LISTED_HOST_NAME.test(host) && /^true$/i.test(cells[names.indexOf('mounted')] ?? '')) counts.set(host, (counts.get(host) ?? 0) + 1);
      }
      for (const [host, n] of counts) vmFacts(host).databases = n;
      continue;
    }
    // Get-WindowsFeature's Server-Gui-Shell (the Server Graphical Shell): "Available" or "Removed" is Server Core, "Installed" a full installation.
    if (names.includes('install state') && names.includes('name')) {
      for (let j = i + 1; j < lines.length && lines[j]!.trim() !== '' && !DASHES.test(lines[j]!); j += 1) {
        used[j] = true;
        const cells = columns.map((c, n) => lines[j]!.slice(c.start, n + 1 < columns.length ? columns[n + 1]!.start : undefined).trim());
        if (!/^server-gui-shell$/i.test(cells[names.indexOf('name')] ?? '')) continue;
        const state = cells[names.indexOf('install state')] ?? '';
        if (/^(available|removed)$/i.test(state)) looseInstallation.add('Server Core');
        else if (/^installed$/i.test(state)) looseInstallation.add('Server');
      }
      continue;
    }
    // Hyper-V's Get-VMSnapshot / Get-VMCheckpoint (VMName, Name, SnapshotType / CheckpointType) and Get-VM with DynamicMemoryEnabled: facts of the
    // named virtual machines, given to the listed servers of those names (below), never servers of their own.
    if (names.includes('vmname') && names.some((n) => n === 'snapshottype' || n === 'checkpointtype' || n === 'creationtime')) {
      const k = names.indexOf('vmname');
      for (let j = i + 1; j < lines.length && lines[j]!.trim() !== '' && !DASHES.test(lines[j]!); j += 1) {
        used[j] = true;
        const vm = lines[j]!.slice(columns[k]!.start, k + 1 < columns.length ? columns[k + 1]!.start : undefined).trim();
        if (LISTED_HOST_NAME.test(vm)) vmFacts(vm).vmSnapshots = true;
      }
      continue;
    }
    if (names.includes('dynamicmemoryenabled') && names.includes('name')) {
      for (let j = i + 1; j < lines.length && lines[j]!.trim() !== '' && !DASHES.test(lines[j]!); j += 1) {
        used[j] = true;
        const cells = columns.map((c, n) => lines[j]!.slice(c.start, n + 1 < columns.length ? columns[n + 1]!.start : undefined).trim());
        const vm = cells[names.indexOf('name')]!;
        const on = cells[names.indexOf('dynamicmemoryenabled')]!;
        if (LISTED_HOST_NAME.test(vm) && /^(true|false)$/i.test(on)) vmFacts(vm).dynamicMemory = /^true$/i.test(on);
      }
      continue;
    }
    // Get-NlbClusterNode (Name, State "Converged", Interface): the hosts of a Windows NLB cluster, no failover cluster.
    if (
      names.includes('state') &&
      (/\bget-nlbclusternode\b/i.test(lines.slice(Math.max(0, i - 4), i - 1).join('\n')) ||
        NLB_STATE.test(lines[i + 1]?.slice(columns[names.indexOf('state')]!.start).trim().split(/\s+/)[0] ?? ''))
    ) {
      const k = names.findIndex((n) => n === 'name' || n === 'host' || n === 'hostname');
      for (let j = i + 1; k >= 0 && j < lines.length && lines[j]!.trim() !== '' && !DASHES.test(lines[j]!); j += 1) {
        const cells = columns.map((c, n) => lines[j]!.slice(c.start, n + 1 < columns.length ? columns[n + 1]!.start : undefined).trim());
        if (!LISTED_HOST_NAME.test(cells[k] ?? '') || !NLB_STATE.test(cells[names.indexOf('state')] ?? '')) break;
        used[j] = true;
        server(cells[k]!).nlb = true;
      }
      continue;
    }
    // Get-ClusterNode (Name, ID, State) and cluster.exe's "node" (Node, Node ID, Status): the nodes of one cluster.
    const isCluster = names.some((n) => n === 'state' || n === 'status') && !names.some((n) => ['admindisplayversion', 'serverrole', 'version'].includes(n));
    // cluster.exe's "group" and "res" tables (Group or Resource, Node, Status "Online"): the Node column names the nodes owning them.
    const ownerTable = isCluster && names.includes('node') && names.some((n) => n === 'group' || n === 'resource');
    const cluster: ListedDag | undefined = isCluster ? { name: clusterName(lines, i - 1), servers: [], kind: 'cluster' } : undefined;
    const instanceGroups = new Set<string>();
    const nameColumn = names.findIndex((n) => TABLE_NAME_KEYS.includes(n));
    // A role's own cmdlet above the table (Get-UMServer, Get-ClientAccessServer, Get-TransportServer): its rows are servers of that role.
    commandRole = ROLE_COMMANDS.find(([pattern]) => lines.slice(Math.max(0, i - 4), i - 1).some((l) => pattern.test(l)))?.[1];
    // ExSetup's FileVersionInfo has no name column: the server it was run on is named just above ("EX01:", "[EX01]", "-ComputerName EX01").
    const above = nameColumn < 0 ? nameAbove(i - 1) : undefined;
    // Pasted as plain text (Teams, some mail clients), the padding is gone: one space between columns, each run of dashes as long as its header.
    const headerWords = header.trim().split(/\s+/);
    // PowerShell pads every cell to its column, so a value never runs into the next column's start: a row that does lost its padding.
    // (-AutoSize also leaves one space between runs of dashes; that alone says nothing.)
    // In a table of servers only a row led by a host-like name counts: a sentence typed under it ("server in its own site.") runs across columns too.
    const misaligned = (row: string) =>
      (nameColumn < 0 || HOST_LIKE.test(row.trim().split(/\s+/)[0] ?? '')) && columns.slice(1).some((c) => /\S/.test(row[c.start - 1] ?? ' ') && /\S/.test(row[c.start] ?? ' '));
    const rows: string[] = [];
    for (let j = i + 1; j < lines.length && lines[j]!.trim() !== '' && rows.length < 50; j += 1) rows.push(lines[j]!);
    const collapsed =
      headerWords.length === columns.length && columns.length > 1 && headerWords.every((w, k) => w.length === columns[k]!.end - columns[k]!.start) && rows.some(misaligned);
    // Format-Table -Wrap continues a long value on the next line, in its column, with the name column empty.
    let pending: { cells: string[]; line: string; at: number[] } | undefined;
    const flushRow = () => {
      const before = looseCount();
      const read = pending ? readRow(names, pending.cells, pending.line, above) : undefined;
      // A line typed under the table without a blank line ("all three on Server 2019 Standard") reads as a row of nothing: it is the question's.
      // So is one that names no server and gave nothing else ("(edge is in the DMZ, workgroup)").
      // A row of Get-MailboxServer's DatabaseAvailabilityGroup column gave its DAG (kept in `dags`, not on the server): that is something.
      const nothing = read
        ? !read.build && !read.majorMinor && !read.named && read.roles.length === 0 && !read.os && !read.osBuild && !read.dag && !dagColumnMembers.has(read.name.toLowerCase())
        : looseCount() === before;
      if (pending && nothing) {
        if (read) servers.delete(read.name.toLowerCase());
        for (const at of pending.at) used[at] = false;
      }
      pending = undefined;
    };
    for (let j = i + 1; j < lines.length; j += 1) {
      const line = lines[j]!;
      if (line.trim() === '' || DASHES.test(line) || (j + 1 < lines.length && DASHES.test(lines[j + 1]!))) break;
      const cells = collapsed ? looseCells(names, line) : columns.map((c, k) => line.slice(c.start, k + 1 < columns.length ? columns[k + 1]!.start : undefined).trim());
      // A cluster table ends where a row's state is no node state (the next lines were typed after it).
      const state = cells[names.findIndex((n) => n === 'state' || n === 'status')] ?? '';
      if (cluster && !NODE_STATE.test(state) && !(ownerTable && OWNER_STATE.test(state))) break;
      used[j] = true;
      if (cluster) {
        readNode(cluster, names, cells);
        // cluster.exe's group table: every group but the cluster's own (Cluster Group, Available Storage, MSDTC) is an Exchange virtual server.
        const group = ownerTable ? cells[names.indexOf('group')] : undefined;
        const resource = ownerTable && names.includes('resource') ? cells[names.indexOf('resource')] : undefined;
        // A group of another application (SQL Server, a file server) is no Exchange virtual server: a workload beside Exchange.
        if (group && otherWorkload(group, resource) && !CLUSTER_OWN_RESOURCE.test(resource ?? '')) {
          if (!cluster.otherWorkloads?.includes(group)) (cluster.otherWorkloads ??= []).push(group);
        } else if (group && !CLUSTER_OWN_GROUP.test(group) && !(resource !== undefined && cluster.otherWorkloads?.includes(group)) && !instanceGroups.has(group.toLowerCase())) {
          // One virtual server's resources (its store, System Attendant, routing) are one group: counted once.
          instanceGroups.add(group.toLowerCase());
          cluster.instances = (cluster.instances ?? 0) + 1;
          (cluster.virtualServers ??= []).push(group);
        }
      } else if (pending && nameColumn >= 0 && cells[nameColumn] === '') {
        pending.cells = pending.cells.map((cell, k) => `${cell} ${cells[k] ?? ''}`.trim());
        pending.line = `${pending.line} ${line.trim()}`;
        pending.at.push(j);
      } else {
        flushRow();
        pending = { cells, line, at: [j] };
      }
    }
    flushRow();
    if (cluster && cluster.servers.length > 0) {
      // cluster.exe's node, group and res tables of one cluster are one cluster.
      const same = dags.find((d) => d.kind === 'cluster' && d.name.toLowerCase() === cluster.name.toLowerCase());
      if (same) for (const node of cluster.servers) if (!same.servers.includes(node)) same.servers.push(node);
      if (same && cluster.instances !== undefined) same.instances = Math.max(same.instances ?? 0, cluster.instances);
      if (same && cluster.virtualServers) same.virtualServers = [...new Set([...(same.virtualServers ?? []), ...cluster.virtualServers])];
      if (same && cluster.otherWorkloads) same.otherWorkloads = [...new Set([...(same.otherWorkloads ?? []), ...cluster.otherWorkloads])];
      if (!same) dags.push(cluster);
    }
  }

  // 1b. Export-Csv / ConvertTo-Csv output, and rows copied from Out-GridView or Excel (tab-separated): a header row naming the columns.
  for (let i = 0; i < lines.length; i += 1) {
    if (used[i]) continue;
    // Export-Csv -UseCulture (and Excel in many locales) separates with ";".
    const separator = /^\s*\|.*\|/.test(lines[i]!) ? '|' : lines[i]!.includes('\t') ? '\t' : /^\s*"[^"]*";"/.test(lines[i]!) ? ';' : lines[i]!.includes(',') ? ',' : undefined;
    if (!separator) continue;
    const header = splitCells(lines[i]!, separator).map((n) => n.toLowerCase());
    // An inventory sheet's "Host" column names its servers when no other column does ("Host";"Exchange";"Build";"DAG";"OS").
    const names = header.some((n) => TABLE_NAME_KEYS.includes(n)) ? header : header.map((n) => (n === 'host' ? 'name' : n));
    if (!names.some((n) => TABLE_NAME_KEYS.includes(n)) || !names.some((n) => SEPARATED_COLUMNS.includes(n))) continue;
    used[i] = true;
    if (i > 0 && /^\s*#TYPE\b/i.test(lines[i - 1]!)) used[i - 1] = true;
    const quotedHeader = /^\s*"/.test(lines[i]!);
    for (let j = i + 1; j < lines.length && lines[j]!.includes(separator); j += 1) {
      used[j] = true;
      // A Markdown table's line under its header ("|---|:---|").
      if (separator === '|' && /^[\s|:-]+$/.test(lines[j]!)) continue;
      const cells = splitCells(lines[j]!, separator);
      // Export-Csv quotes every cell and prints as many as its header: a sentence with a comma typed under it is the question's.
      const csvRow = (separator !== ',' && separator !== ';') || ((!quotedHeader || /^\s*"/.test(lines[j]!)) && cells.length === names.length);
      if (cells.length < 2 || !csvRow) {
        used[j] = false;
        break;
      }
      readRow(names, cells, lines[j]!);
    }
  }

  // 1c. A program list's Exchange line (Programs and Features, Add or Remove Programs copied as text): "Microsoft Exchange
  // Server 2003   Microsoft Corporation   6.5.7638.2" is the build of a computer the line does not name, kept as ExSetup's
  // nameless build is (the paste's one server's, or the one server named around it).
  for (let i = 0; i < lines.length; i += 1) {
    const product = used[i] ? null : PRODUCT_LINE.exec(lines[i]!);
    if (!product) continue;
    const [mention] = findBuildsWide(lines[i]!.slice(product[0].length), table);
    if (!mention) continue;
    used[i] = true;
    looseBuilds.push(mention);
  }

  function readNode(cluster: ListedDag, names: string[], cells: string[]) {
    const cell = (...keys: string[]) => {
      const k = names.findIndex((n) => keys.includes(n));
      return k < 0 ? undefined : cells[k];
    };
    const name = cell('name', 'node', 'nodename');
    if (!name || !LISTED_HOST_NAME.test(name)) return;
    const owner = cell('cluster');
    if (owner && cluster.name === 'cluster') cluster.name = owner;
    const s = server(name);
    const state = cell('state', 'status');
    if (state) s.state = state;
    if (!cluster.servers.includes(s.name)) cluster.servers.push(s.name);
  }

  /** One table row read into its server (returned), its DAG, or the Windows or ExSetup line of an unnamed server. */
  function readRow(names: string[], cells: string[], line: string, above?: string): ListedServer | undefined {
    const cell = (...keys: string[]) => {
      const k = names.findIndex((n) => keys.includes(n));
      return k < 0 ? undefined : cells[k];
    };
    const name = cell(...TABLE_NAME_KEYS) ?? above;
    const isDag = names.some((n) => n === 'servers' || n === 'member servers' || n === 'witnessserver');
    if (isDag && name) {
      const witness = cell('witnessserver');
      dags.push({
        name,
        servers: nameList(cell('servers', 'member servers') ?? ''),
        witness: witness || undefined,
        ...(witness === '' ? { noWitness: true } : {}),
        ...accessPoint(cell(...DAG_IP_KEYS)),
      });
      return;
    }
    // Win32_OperatingSystem's Version column is Windows' build ("10.0.17763"), not Exchange's.
    const versionCell = cell('admindisplayversion', 'fileversion', 'productversion', 'version', 'exchange build', 'exchange version', 'build', 'exchange', 'serialnumber');
    const windowsVersion = versionCell !== undefined && table.windowsRelease(versionCell) !== undefined && findBuilds(versionCell, table).length === 0;
    // "(Get-ExchangeServer EX01).AdminDisplayVersion" prints the version as a table of its parts (Major, Minor, Build, Revision).
    const parts = ['major', 'minor', 'build', 'revision'].map((k) => cell(k));
    const fromParts = parts.every((p) => p !== undefined && /^\d{1,5}$/.test(p)) ? parts.join('.') : undefined;
    // WMI's ExchangeServerState (Exchange 2000 and 2003) prints the build alone ("6249", "7638"): 6.0.6249 or 6.5.7638, whichever the table lists.
    const stateBuild = names.includes('serverstate') && /^\d{4}$/.test(versionCell ?? '') ? oldBuildNumberIn(versionCell!, table) : undefined;
    const versionText = fromParts ?? stateBuild ?? (windowsVersion ? undefined : versionCell) ?? displayVersion(cell('exchangeversion'));
    if (!name || !LISTED_HOST_NAME.test(name)) {
      // Get-ComputerInfo / Win32_OperatingSystem run on one server print no name: its Windows is kept as a line naming no server.
      const os = cell(...OS_KEYS, 'caption', 'os', 'operatingsystem');
      if (os && /windows/i.test(os)) looseOs.add(os);
      const installation = cell('windowsinstallationtype');
      if (installation) looseInstallation.add(installation);
      // ExSetup's FileVersionInfo without a computer name: kept, and given to the paste's one server if it has only one (below).
      // So is Win32_Product's row for Exchange ("Microsoft Exchange Server 2010   14.3.123.4"), a table of programs.
      const exsetup = cell('fileversion', 'productversion') ?? (PRODUCT_NAME.test(name ?? '') ? cell('version') : undefined);
      const [mention] = exsetup ? findBuildsWide(exsetup, table) : [];
      if (mention) looseBuilds.push(mention);
      return;
    }
    const s = server(name);
    fromOutput.add(s);
    const site = cell('site');
    // A site cut by Format-Table ("contoso.com/Configuration/Si...") names no site: the reply would print "Si...".
    if (site && !/(?:\.{3}|\u2026)\s*$/.test(site)) s.site = site.split('/').pop();
    const roles = cell('serverrole', 'server role', 'role', 'roles', 'type', 'exchange role');
    if (roles) s.roles = [...new Set([...s.roles, ...readRoles(roles)])];
    if (s.roles.length === 0 && commandRole) s.roles = [commandRole];
    const edition = cell('edition');
    if (edition) s.edition = edition;
    // An inventory's notes ("standalone, no DAG") are said of its server, as a typed line's words are; its DAG column names the DAG.
    const notes = cell('notes', 'note', 'comment', 'comments', 'ha');
    if (notes) {
      s.said = notes;
      if (/\bstand-?alone\b|\bno dag\b/i.test(notes)) s.standalone = true;
    }
    const dagCell = cell('dag');
    if (dagCell && /^(?:none|no|n\/?a|-+|stand-?alone)$/i.test(dagCell)) s.standalone = true;
    else readExtras(s, undefined, dagCell);
    // Get-ComputerInfo / Get-CimInstance Win32_OperatingSystem as a table; RVTools' vInfo (what the VMware Tools report first).
    // An "OSVersion" column may hold the release's name ("Windows Server 2012 R2 Standard") rather than its build.
    const namedBuildCell = cell(...OS_BUILD_KEYS);
    const os =
      cell(...VM_OS_KEYS, ...OS_KEYS, 'caption', 'os', 'operatingsystem', 'operating system', 'windows') ??
      (/\bwindows\b/i.test(namedBuildCell ?? '') ? namedBuildCell : undefined);
    if (os && /windows/i.test(os)) s.os = os;
    const type = cell('system type', 'osarchitecture', 'systemtyp');
    if (type) s.systemType = type;
    // Get-ComputerInfo's CsDomainRole ("BackupDomainController", "PrimaryDomainController"), Win32_ComputerSystem's DomainRole (4 or 5).
    // Get-ComputerInfo's OsProductType ("Server", "DomainController") says it too.
    if (/domaincontroller|^[45]$/i.test(cell('csdomainrole', 'domainrole', 'osproducttype') ?? '')) s.domainController = true;
    const osBuild = cell(...OS_BUILD_KEYS) ?? (windowsVersion ? versionCell : undefined);
    if (osBuild && table.windowsRelease(osBuild)) s.osBuild = osBuild;
    windowsServicePack(s, cell('servicepackmajorversion', 'osservicepackmajorversion'));
    // Win32_OperatingSystem's CSDVersion prints the service pack in words ("Service Pack 1").
    windowsServicePack(s, /^\s*service pack (\d)\s*$/i.exec(cell('csdversion') ?? '')?.[1]);
    if (versionText) readVersion(s, versionText);
    else if (!os && !osBuild) readVersion(s, line);
    // "Exchange 2010 SP3 RU32", "2003 SP2" in an inventory's version column: the version named in words.
    if (versionText && !s.build && !s.majorMinor) {
      const named = EXCHANGE_NAMED.exec(versionText)?.[0] ?? /^\s*(2000|2003|2007|2010|2013|2016|2019|SE)(?:\s+(SP\d|CU\d{1,2}|RTM))?\b/i.exec(versionText)?.[0];
      if (named) s.named = withUpdateColumn(/^exchange/i.test(named) ? named : `Exchange ${named.trim()}`, cell('service pack', 'sp', 'cu', 'update', 'cumulative update'));
    }
    rolesFromFlags(s, cell);
    // ESM's export list of Exchange 2000/2003 has a "Front End" column (Yes/No), the WMI class IsFrontEndServer (True/False).
    readExtras(s, cell('isfrontendserver', 'front end', 'front-end', 'frontend'), cell('databaseavailabilitygroup'));
    return s;
  }

  /** "IsMailboxServer True", "IsClientAccessServer True": Get-ExchangeServer's role flags, in a table or a list. */
  function rolesFromFlags(s: ListedServer, value: (...keys: string[]) => string | undefined) {
    for (const [key, role] of ROLE_FLAGS)
      if (/^true$/i.test(value(key) ?? '') && !s.roles.includes(role)) {
        s.roles = [...s.roles, role];
        s.roleFlags = [...(s.roleFlags ?? []), role];
      }
  }

  /** Exchange 2007's clustered mailbox server: Get-ClusteredMailboxServerStatus, Get-MailboxServer's ClusteredStorageType, IsMemberOfCluster. */
  function readClustered(s: ListedServer, cms: string | undefined, replicationHosts: string | undefined, storage: string | undefined, member: string | undefined) {
    if (cms !== undefined) {
      s.roles = [...new Set([...s.roles, 'mailbox'])];
      s.clustered = nameList(replicationHosts ?? '').length > 0 ? 'ccr' : 'clustering';
    }
    if (storage && /^nonshared$/i.test(storage)) s.clustered = 'ccr';
    else if (storage && /^shared$/i.test(storage)) s.clustered = 'cluster';
    else if (member && /^(yes|true)$/i.test(member) && !s.clustered) s.clustered = 'clustering';
  }

  /** Exchange 2003's IsFrontEndServer (WMI's Exchange_Server), and the DAG a server belongs to (Get-MailboxServer's DatabaseAvailabilityGroup). */
  function readExtras(s: ListedServer, frontEnd: string | undefined, dagName: string | undefined) {
    if (frontEnd && /^(true|false|yes|no)$/i.test(frontEnd)) s.roles = [...new Set([...s.roles, /^(?:true|yes)$/i.test(frontEnd) ? 'front-end' : 'back-end'])];
    const dag = dagName?.trim();
    if (!dag || !HOST_NAME.test(dag)) return;
    let listed = dags.find((d) => d.name.toLowerCase() === dag.toLowerCase() && d.kind !== 'cluster');
    if (!listed) dags.push((listed = { name: dag, servers: [] }));
    if (!listed.servers.some((m) => m.toLowerCase() === s.name.toLowerCase())) listed.servers.push(s.name);
    dagColumnMembers.add(s.name.toLowerCase());
  }

  function readVersion(s: ListedServer, text: string) {
    const [mention] = findBuilds(text, table);
    const shown = ADMIN_DISPLAY.exec(text);
    if (mention) {
      s.build = mention;
      s.majorMinor = undefined;
      // AdminDisplayVersion of Exchange 2007 and 2010 stays at the service pack's build whatever rollup is installed.
      s.rollupHidden = hidesRollup(shown !== null, mention);
      return;
    }
    if (shown) {
      // A whole "Version 15.3 (Build 100.2)" of no Exchange version the table knows: named unknown, never guessed.
      const parts = shown.slice(1, 5).map(Number);
      s.build = { text: shown[0], start: 0, lookup: table.lookup(parts) };
      s.majorMinor = undefined;
      return;
    }
    // "15.3.100.2" in a version column: a whole build of no Exchange version the table knows, named unknown too.
    const dotted = /(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{1,5})\.(\d{1,4})(?![\d.])/.exec(text);
    if (dotted && /^(6|8|14|15|16)$/.test(dotted[1]!)) {
      s.build = { text: dotted[0], start: 0, lookup: table.lookup(dotted.slice(1, 5).map(Number)) };
      s.majorMinor = undefined;
      return;
    }
    const cut = /version\s+(\d{1,2})\.(\d{1,2})\b/i.exec(text) ?? /^\s*(\d{1,2})\.(\d{1,2})\./.exec(text);
    if (cut && !s.build) s.majorMinor = `${Number(cut[1])}.${Number(cut[2])}`;
  }

  // 2. Lists: blocks of "Key : value" lines (Format-List, systeminfo, Get-ComputerInfo).
  let block: { key: string; value: string; line: number }[] = [];
  const flush = () => {
    if (block.length > 0) readBlock(block);
    block = [];
  };
  for (let i = 0; i < lines.length; i += 1) {
    if (used[i]) {
      flush();
      continue;
    }
    const line = lines[i]!;
    const kv = KEY_VALUE.exec(line);
    if (kv && !/^\s*https?$/i.test(kv[1]!) && kv[1]!.length <= 40) {
      const key = kv[1]!.trim().toLowerCase();
      // A new "Name :" starts a new server in Format-List output.
      // So does a key the block already has (Get-ComputerInfo's objects pasted without a blank line start with WindowsBuildLabEx, not the name).
      if ((NAME_KEYS.includes(key) && block.some((b) => NAME_KEYS.includes(b.key))) || block.some((b) => b.key === key)) flush();
      block.push({ key, value: kv[2]!.trim(), line: i });
    } else if (/^\s{8,}\S/.test(line) && block.length > 0) {
      // A wrapped value (Format-List indents the rest of a long value).
      const last = block[block.length - 1]!;
      last.value = `${last.value} ${line.trim()}`;
      used[i] = true;
    } else flush();
  }
  flush();

  /**
   * The server named just above line `index` (blank lines skipped, at most 3 lines up): "EX01:", "[EX01]",
   * "On EX01", or a command run with "-ComputerName EX01". The line is taken as part of the listing.
   */
  /**
   * The one listed server a sentence just above a bare Windows line names ("MAILSE01 (our only mailbox server), winver shows:"),
   * over winver's other lines ("Microsoft Windows Server", "Version 21H2 (OS Build 20348.3932)"); never a row of a table
   * or list (those lines are used), and never a sentence naming several servers.
   */
  function windowsOwnerAbove(index: number): ListedServer | undefined {
    for (let k = index - 1, seen = 0; k >= 0 && seen < 3; k -= 1) {
      const line = lines[k]!;
      if (line.trim() === '' || used[k]) return undefined;
      seen += 1;
      if (WINVER_LINE.test(line)) continue;
      const sentence = line.length <= MAX_PROSE_LINE && !COMMAND_LINE.test(line) && !KEY_VALUE.test(line) && line.trim().split(/\s+/).length >= 3;
      const one = sentence ? oneServerIn(line) : undefined;
      return one ? servers.get(one.toLowerCase()) : undefined;
    }
    return undefined;
  }

  function nameAbove(index: number): string | undefined {
    for (let k = index - 1, seen = 0; k >= 0 && seen < 3; k -= 1) {
      const line = lines[k]!;
      if (line.trim() === '') continue;
      seen += 1;
      const lone = LONE_NAME.exec(line);
      // A lone word is a server's name only when it looks like one (a digit, a hyphen or capitals: "EX01", "MBX-A", "EXCH"), not "Results:".
      const m = lone && /[0-9-]|^[A-Z]{3,}$/.test(lone[1]!.split('.')[0]!) ? lone : (ONE_COMPUTER.exec(line) ?? ONE_SERVER_COMMAND.exec(line));
      if (m && !NOT_A_NAME.test(m[1]!) && HOST_NAME.test(m[1]!)) {
        used[k] = true;
        return m[1]!.split('.')[0];
      }
      // "ran this on EXCH01 (our only exchange server), windows is 2016 standard:": one server named in a sentence.
      // The sentence stays the question's (its other words are read by the design).
      const said = line.length <= MAX_PROSE_LINE ? [...line.matchAll(PROSE_SERVER)].map((p) => p[1]!).filter((n) => HOST_LIKE.test(n) && !NOT_A_NAME.test(n)) : [];
      if (new Set(said.map((n) => n.toLowerCase())).size === 1) return said[0];
      // "EXC16B single mailbox server, no DAG:": the one server-like word of the sentence just above.
      // Only a sentence: a Format-List line ("Name : EX2010A") is another command's output, whose server this need not be.
      const sentence = line.length <= MAX_PROSE_LINE && !COMMAND_LINE.test(line) && !KEY_VALUE.test(line) && line.trim().split(/\s+/).length >= 3;
      const one = sentence ? oneServerIn(line) : undefined;
      if (one) return one;
    }
    return undefined;
  }

  /** Win32_ComputerSystem's Model or Manufacturer of a desktop hypervisor, Get-ADForest's ForestMode ("Windows2008R2Forest"). */
  function readPlatformValues(get: (key: string) => string | undefined): boolean {
    let read = false;
    if (DESKTOP_HYPERVISOR.test(`${get('model') ?? ''} ${get('manufacturer') ?? ''}`)) {
      loosePlatform.desktopHypervisor = 'yes';
      read = true;
    }
    const level = forestLevel(get('forestmode') ?? '');
    if (level !== undefined) {
      loosePlatform.forestLevel = level;
      read = true;
    }
    return read;
  }

  function readBlock(entries: { key: string; value: string; line: number }[]) {
    const get = (...keys: string[]) => entries.find((e) => keys.includes(e.key))?.value;
    if ((get('model') !== undefined || get('forestmode') !== undefined) && readPlatformValues((key) => get(key))) {
      for (const e of entries) used[e.line] = true;
      return;
    }
    // Get-VM | fl Name,DynamicMemoryEnabled: a fact of the virtual machine of that name (given to the listed server of that name below).
    const dynamic = get('dynamicmemoryenabled');
    if (dynamic !== undefined && /^(true|false)$/i.test(dynamic.trim()) && LISTED_HOST_NAME.test(get('name', 'vmname') ?? '')) {
      vmFacts(get('name', 'vmname')!).dynamicMemory = /^true$/i.test(dynamic.trim());
      for (const e of entries) used[e.line] = true;
      return;
    }
    // Win32_Product's entry for Exchange ("Name : Microsoft Exchange Server", "Version : 8.3.83.6"): the build of the computer the command names.
    if (/^microsoft exchange(?: server)?(?: 20\d\d)?$/i.test(get('name') ?? '')) {
      const [mention] = findBuildsWide(get('version') ?? '', table);
      if (!mention) return;
      for (const e of entries) used[e.line] = true;
      const host = nameAbove(entries[0]!.line);
      if (!host) {
        looseBuilds.push(mention);
        return;
      }
      const s = server(host);
      fromOutput.add(s);
      s.build = mention;
      return;
    }
    // Get-StorageGroup / Get-MailboxDatabase | fl name the object ("First Storage Group") and then its Server: the server is the host-like one.
    const objectName = get('name');
    const serverKey = objectName !== undefined && /\s/.test(objectName.trim()) ? get('server') : undefined;
    const name =
      (serverKey !== undefined && LISTED_HOST_NAME.test(serverKey) ? serverKey : undefined) ??
      get('name', 'host name', 'hostname', 'csname', 'identity', 'pscomputername', 'computername', 'server', 'fqdn', ...TICKET_NAME_KEYS, ...LOCAL_HOST_NAME_KEYS) ??
      (get('fileversion', 'productversion', 'admindisplayversion', 'serverrole', 'setup version', 'operationalmachines', 'clusteredstoragetype') !== undefined
        ? nameAbove(entries[0]!.line)
        : undefined);
    if (!name) {
      // HealthChecker's "Operating System Information" section names no server: it is the one its report just named.
      const healthOs = get('version');
      if (lastHealthServer && ((healthOs && /windows/i.test(healthOs)) || table.windowsRelease(get('build number') ?? ''))) {
        if (healthOs && /windows/i.test(healthOs)) lastHealthServer.os = healthOs;
        const build = get('build number');
        if (build && table.windowsRelease(build)) lastHealthServer.osBuild = build;
        for (const e of entries) used[e.line] = true;
        lastHealthServer = undefined;
        return;
      }
      // ExchangeSetup.log's "Setup version: 8.3.83.6." with no server named just above (its banner lines between): kept as
      // ExSetup's build is, and given to the paste's one server, or to the one server the words around it name (below).
      // Setup's own lines beside it in the log ("Logged on user: CORP\\exadmin.") name no server either.
      const setupVersion = entries.length === 1 || entries.every((e) => SETUP_LOG_KEYS.test(e.key)) ? get('setup version') : undefined;
      const [setupBuild] = setupVersion ? findBuilds(setupVersion, table) : [];
      if (setupBuild) {
        looseBuilds.push(setupBuild);
        used[entries[0]!.line] = true;
        return;
      }
      // A Windows line that names no server ("OS Name: ..." alone): kept, applied below if it is the paste's only one.
      // A server's properties copied by hand ("Operating system: Windows 2000 Server, Service Pack 4") name Windows the same way.
      const typedOs = get('operating system');
      const os = get(...OS_KEYS) ?? (entries.length === 1 && typedOs && /\bwindows\b/i.test(typedOs) ? typedOs : undefined);
      const osBuild = get(...OS_BUILD_KEYS) ?? get('version');
      const type = get('system type', 'osarchitecture', 'systemtyp');
      if (os && type) looseSystemType.add(type);
      if (os) {
        looseOs.add(os);
        for (const e of entries) used[e.line] = true;
      } else if (osBuild && table.windowsRelease(osBuild) && findBuilds(osBuild, table).length === 0) {
        looseOsBuilds.add(table.windowsRelease(osBuild)!.build);
        for (const e of entries) used[e.line] = true;
      }
      return;
    }
    if (!LISTED_HOST_NAME.test(name.split('\\').pop()!)) return;
    // Get-ClusterNode | Format-List: a node, its state and its cluster.
    const state = get('state');
    if (state && NODE_STATE.test(state) && (get('cluster') !== undefined || get('id') !== undefined || get('nodeweight') !== undefined)) {
      const clusterName = get('cluster')?.split('.')[0] || 'cluster';
      let cluster = dags.find((d) => d.kind === 'cluster' && d.name.toLowerCase() === clusterName.toLowerCase());
      if (!cluster) dags.push((cluster = { name: clusterName, servers: [], kind: 'cluster' }));
      const node = server(name);
      node.state = state;
      cluster.servers.push(node.name);
      for (const e of entries) used[e.line] = true;
      return;
    }
    const servers = get('servers');
    const witness = get('witnessserver');
    if (servers !== undefined || witness !== undefined) {
      dags.push({ name, servers: nameList(servers ?? ''), witness: witness || undefined, ...(witness === '' ? { noWitness: true } : {}), ...accessPoint(get(...DAG_IP_KEYS)) });
      for (const e of entries) used[e.line] = true;
      return;
    }
    const known = [
      ...OS_KEYS,
      ...OS_CONFIG_KEYS,
      'serverrole',
      'admindisplayversion',
      'os name',
      'osname',
      'windowsproductname',
      'edition',
      'site',
      'fileversion',
      'productversion',
      'system type',
      'systemtyp',
      'osarchitecture',
      'caption',
      // srvinfo's "Product Name: Microsoft Windows 2000 Server" (read only when it names Windows).
      'product name',
      'windowsinstallationtype',
      'os version',
      'exchangeversion',
      'serialnumber',
      'isfrontendserver',
      'databaseavailabilitygroup',
      'clusteredmailboxservername',
      'clusteredstoragetype',
      'operationalmachines',
      'ismemberofcluster',
      'setup version',
      ...OS_BUILD_KEYS,
      ...HEALTH_KEYS,
    ];
    // A ticket's form ("Server: EX01 / Exchange version: 15.2.1544.4 / OS: Windows Server 2019") counts when it gives a build or names a version.
    const ticketVersion = get(...TICKET_VERSION_KEYS);
    const ticketNamed = ticketVersion !== undefined && findBuilds(ticketVersion, table).length === 0 ? EXCHANGE_NAMED.exec(ticketVersion)?.[0] : undefined;
    // "Exchange version: 15.3.100.2": a whole build of no version the table knows counts too (named unknown, never skipped).
    const ticket = ticketVersion !== undefined && (findBuildsWide(ticketVersion, table).length > 0 || ticketNamed !== undefined);
    // A storage group's or a database's block (LogFolderPath, EdbFilePath) says its Server is a Mailbox server.
    const storageObject = serverKey !== undefined && entries.some((e) => STORAGE_KEYS.includes(e.key));
    if (!entries.some((e) => known.includes(e.key)) && !ticket && !storageObject) return;
    for (const e of entries) used[e.line] = true;
    const s = server(name.split('\\').pop()!);
    fromOutput.add(s);
    const site = get('site');
    if (site) s.site = site.split('/').pop();
    // A ticket's "Role: Mailbox, standalone" gives the role, and says the server is in no DAG.
    const roles = get('serverrole') ?? (ticket ? get('role', 'roles', 'exchange role') : undefined);
    if (roles) s.roles = [...new Set([...s.roles, ...readRoles(roles)])];
    if (roles && ticket && /\bstand-?alone\b|\bno dag\b/i.test(roles)) s.standalone = true;
    const edition = get('edition');
    if (edition) s.edition = edition;
    const version =
      get('admindisplayversion', 'fileversion', 'productversion', 'build number', 'setup version') ??
      displayVersion(get('exchangeversion')) ??
      // Active Directory's serialNumber of an Exchange server object (ADSI Edit, Get-ADObject | fl).
      displayVersion(get('serialnumber')) ??
      (ticket ? ticketVersion : undefined);
    // HealthChecker prints both "Version: Exchange 2016 CU23 Nov24SU" and the build: the build is read.
    if (version && !(ticketNamed && version === ticketVersion)) readVersion(s, version);
    if (ticketNamed && !s.build) s.named = ticketNamed;
    const ticketOs = get(...TICKET_OS_KEYS);
    if (ticketOs && /windows|\bw2k|\bserver 20\d\d/i.test(ticketOs) && !get(...OS_KEYS)) s.os = ticketOs;
    readExtras(s, get('isfrontendserver'), get('databaseavailabilitygroup'));
    const caption = get('caption', 'product name');
    const os = get(...OS_KEYS) ?? (caption && /windows/i.test(caption) ? caption : undefined);
    if (os) s.os = os;
    const type = get('system type', 'osarchitecture', 'systemtyp');
    if (type) s.systemType = type;
    // systeminfo's "OS Configuration" ("Additional/Backup Domain Controller", "Member Server") and "Domain".
    if (DOMAIN_CONTROLLER_WORDS.test(get(...OS_CONFIG_KEYS) ?? '')) s.domainController = true;
    // Get-ComputerInfo's CsDomainRole or OsProductType ("DomainController"), Win32_ComputerSystem's DomainRole (4 or 5).
    if (/domaincontroller|^[45]$/i.test(get('csdomainrole', 'domainrole', 'osproducttype') ?? '')) s.domainController = true;
    const domain = get('domain');
    if (domain && /^[A-Za-z0-9][A-Za-z0-9.-]{0,252}$/.test(domain) && get(...OS_KEYS) !== undefined) s.domain = domain;
    const installation = get('windowsinstallationtype');
    if (installation) s.installationType = installation;
    // Windows' build alone (systeminfo's "OS Version: 10.0.17763 N/A Build 17763", Get-ComputerInfo's OsVersion, Win32_OperatingSystem's Version).
    const osBuild = get(...OS_BUILD_KEYS) ?? (ticketVersion !== undefined && !ticket ? ticketVersion : undefined);
    if (osBuild && table.windowsRelease(osBuild) && findBuilds(osBuild, table).length === 0) {
      s.osBuild = osBuild;
      // Releases up to Windows Server 2008 R2 had service packs: systeminfo prints the one installed, or N/A for none.
      const pack = /^\s*(?:5\.\d|6\.[01])\.\d{4}\s+(?:service pack (\d)|(n\/a))\b/i.exec(osBuild);
      if (pack) s.osServicePack = pack[2] ? 0 : Number(pack[1]);
    }
    windowsServicePack(s, get('servicepackmajorversion', 'osservicepackmajorversion'));
    // Win32_OperatingSystem's CSDVersion prints the service pack in words ("Service Pack 1").
    windowsServicePack(s, /^\s*service pack (\d)\s*$/i.exec(get('csdversion') ?? '')?.[1]);
    // HealthChecker: the role, site and DAG ("Standalone Server": in no DAG); its OS section follows, naming no server.
    const healthRole = get('server role');
    if (healthRole) s.roles = [...new Set([...s.roles, ...readRoles(healthRole)])];
    const adSite = get('ad site');
    if (adSite && !s.site) s.site = adSite.split('/').pop();
    const dagName = get('dag name');
    if (dagName && /standalone/i.test(dagName)) s.standalone = true;
    else if (dagName) readExtras(s, undefined, dagName);
    readClustered(s, get('clusteredmailboxservername'), get('operationalreplicationhostnames'), get('clusteredstoragetype'), get('ismemberofcluster'));
    const machines = nameList((get('operationalmachines') ?? '').replace(/<[^<>]*>/g, ' '));
    if (machines.length > 0) {
      s.clusterNodes = machines.length;
      s.clusterNodeNames = machines;
      if (!s.clustered) s.clustered = 'clustering';
      s.roles = [...new Set([...s.roles, 'mailbox'])];
    }
    if (storageObject && s.roles.length === 0) s.roles = ['mailbox'];
    // Get-MailboxServer lists Mailbox servers only: its ClusteredStorageType (2007) or RedundantMachines says which cmdlet printed the block.
    if (get('clusteredstoragetype', 'redundantmachines') !== undefined && s.roles.length === 0) s.roles = ['mailbox'];
    rolesFromFlags(s, get);
    lastHealthServer = entries.some((e) => HEALTH_KEYS.includes(e.key)) ? s : undefined;
  }

  /**
   * "our only exchange server (MAIL01) runs 15.2.1118.7", "EXA01 on 15.1.2507.6 and EXA02 still on 15.1.2375.7": servers
   * named in a sentence, each just before its build with only linking words between ("is", "on", "runs", "still").
   * Never in a plan ("we will move EX01 to 15.2.1748.10"); the line's other words are said of its servers.
   */
  function readSentence(i: number) {
    const line = lines[i]!;
    if (line.length > MAX_PROSE_LINE || PLANNED_WORDS.test(line)) return;
    const builds = findBuilds(line, table);
    // "MBX-OLD runs Exchange 2010 SP3": a version named in words counts as a build does, where no build is typed over it.
    const named = [...line.matchAll(EXCHANGE_NAMED_ALL)]
      .filter((m) => !builds.some((b) => m.index < b.start + b.text.length && m.index + m[0].length > b.start))
      .map((m) => ({ start: m.index, text: m[0] }));
    const mentions: { start: number; text: string; build?: BuildMention }[] = [...builds.map((b) => ({ start: b.start, text: b.text, build: b })), ...named].sort(
      (a, b) => a.start - b.start,
    );
    const pairs: { name: string; start: number; text: string; build?: BuildMention }[] = [];
    let from = 0;
    for (const mention of mentions) {
      const before = line.slice(Math.max(from, mention.start - 60), mention.start);
      from = mention.start + mention.text.length;
      const name = SENTENCE_SERVER.exec(before)?.[1];
      if (name && HOST_LIKE.test(name) && !NOT_A_NAME.test(name) && !UPDATE_NAME.test(name)) pairs.push({ name, ...mention });
    }
    // "our only exchange box (MAILSRV, mailbox role) shows Version 15.1 (Build 2507.6)": one build, one server-like word.
    // Never a build said of them all ("all 15.2.1748.10 (2019 CU15). EX3 was rebuilt ..."): that build is every server's (below).
    // Nor a version said "on all 3" with a node named in brackets after it ("(MC-C is down for a hardware repair)": p49).
    if (pairs.length === 0 && mentions.length === 1 && !ALL_OF_THEM.test(line.slice(0, mentions[0]!.start)) && !ON_ALL_OF_THEM.test(line)) {
      const one = oneServerIn(line.replace(mentions[0]!.text, ' '));
      if (one) pairs.push({ name: one, ...mentions[0]! });
    }
    if (pairs.length === 0 || new Set(pairs.map((p) => p.name.toLowerCase())).size !== pairs.length) return;
    // One server: the rest of its sentence is said of it too. Several: the design reads the sentence clause by clause
    // ("MBX-OLD on 2008 R2 SP1 Standard and MBX-NEW on 2016 Standard" reaches each server it names).
    // The sentence stays the question's either way: the design reads its role and high availability ("mailbox role", "our only box").
    const alone = pairs.length === 1;
    for (const pair of pairs) {
      const s = server(pair.name);
      if (pair.build) {
        s.build = pair.build;
        s.rollupHidden = hidesRollup(ADMIN_DISPLAY.test(pair.text), pair.build);
        sentenceBuilds.add(pair.build.lookup.build);
      } else s.named = pair.text;
      const said = line.replace(pair.text, ' ').replace(/\s+/g, ' ').trim();
      if (alone && said !== '') s.said = said;
    }
  }

  /** Lines read as "servers -> what they are" (their header may name the Exchange version, see `arrowHeaderVersion`). */
  const arrowLines: number[] = [];
  /** Builds given to servers named in a sentence: not builds "typed around the paste" for other servers (below). */
  const sentenceBuilds = new Set<string>();

  // 3. Lines typed by hand: "EX01  Version 6.5 (Build 7638.2: Service Pack 2)", "MBX1 - 15.2.1544.4".
  for (let i = 0; i < lines.length; i += 1) {
    if (used[i]) continue;
    const line = lines[i]!;
    if (COMMAND_LINE.test(line)) continue;
    if (BARE_WINDOWS.test(line)) {
      const os = line.trim().replace(/^caption\s+/i, '');
      used[i] = true;
      // "MAILSE01 (our only mailbox server), winver shows:" just above: the Windows of that one listed server, not the paste's.
      const owner = windowsOwnerAbove(i);
      if (owner && !owner.os) owner.os = os;
      else looseOs.add(os);
      continue;
    }
    // Several servers and their builds on one line ("Exchange: MBX-AMS 15.2.1748.10, MBX-ROT 15.2.1748.10").
    const pairs = [...line.matchAll(NAME_AND_BUILD)].filter((p) => /[0-9-]/.test(p[1]!) && !NOT_A_NAME.test(p[1]!));
    if (new Set(pairs.map((p) => p[1]!.toLowerCase())).size >= 2) {
      const read = pairs.map((p) => ({ name: p[1]!, mention: findBuilds(p[2]!, table)[0] }));
      if (read.every((r) => r.mention)) {
        used[i] = true;
        for (const r of read) server(r.name).build = r.mention;
        continue;
      }
    }
    // "DAG: DAG-SE {SE-MB1, SE-MB2}, witness on FS-SE": a DAG and its members typed on one line.
    // A DAG typed by hand is one short line; a long one is never tried (its lazy member list backtracks over runs of spaces).
    const typedDag = line.length <= TYPED_DAG_MAX_LINE ? TYPED_DAG.exec(line) : null;
    if (typedDag) {
      const listed = nameList(typedDag[2] ?? typedDag[4]!);
      const members = listed.filter((n) => HOST_NAME.test(n) && !NOT_A_NAME.test(n));
      // "DAG-HQ: 3 mbx on 2025 std, no DCs" is a design in words (w6-hunt-60), not a member list: a count, a year
      // or a word of prose among the names says so.
      if (members.length >= 2 && !listed.some((n) => PROSE_IN_MEMBERS.test(n))) {
        used[i] = true;
        dags.push({ name: (typedDag[1] ?? typedDag[3])!, servers: members, ...(typedDag[5] ? { witness: typedDag[5] } : {}) });
        continue;
      }
    }
    // "CAS01 / CAS02 -> client access, behind an F5, 2008 R2 Standard": servers and what the line says of them, after an arrow.
    const arrow = line.length <= MAX_PROSE_LINE ? ARROW_LINE.exec(line.replace(BULLET, '')) : null;
    if (arrow) {
      const names = arrow[1]!.split(/\s*(?:,|&|\/|\+|\band\b)\s*/i).filter((n) => n !== '');
      if (names.length > 0 && names.every((n) => HOST_LIKE.test(n) && !NOT_A_NAME.test(n))) {
        used[i] = true;
        arrowLines.push(i);
        const said = arrow[2]!.trim();
        const [mention] = findBuilds(said, table);
        const named = mention ? undefined : EXCHANGE_NAMED.exec(said)?.[0];
        const dag = /\bdag\b\s*["']?([A-Za-z][A-Za-z0-9_-]{1,62})["']?/i.exec(said)?.[1] ?? DAG_NAME.exec(said)?.[1];
        for (const name of names) {
          const s = server(name);
          typedLines.add(s);
          if (mention) s.build = mention;
          if (named) s.named = named;
          const roles = rolesInText(said);
          if (roles.length > 0) s.roles = [...new Set([...s.roles, ...roles])];
          if (dag && !/^(?:of|with|members?)$/i.test(dag)) {
            let listed = dags.find((d) => d.name.toLowerCase() === dag.toLowerCase() && d.kind !== 'cluster');
            if (!listed) dags.push((listed = { name: dag, servers: [] }));
            if (!listed.servers.includes(s.name)) listed.servers.push(s.name);
            if (!s.roles.includes('mailbox') && roles.length === 0) s.roles = ['mailbox'];
          }
          s.said = said;
        }
        continue;
      }
    }
    // A list item ("- EX01: 15.2.1748.10", "1. EX04 (15.1.2507.6)") is read as the line it lists; a label in front ("ExchangeServer: EX01 ...") is no name.
    const m = TYPED_LINE.exec(numberedLead(line.replace(BULLET, '').replace(LINE_LABEL, '')));
    if (!m) {
      readSentence(i);
      continue;
    }
    const names = m[1]!.split(/\s*(?:,|&|\/|\+|\band\b)\s*/i).filter((n) => n !== '');
    const mentions = findBuilds(m[2]!, table);
    // "EX05 15.3.100.2", "EX05 Version 16.0 (Build 10.1)": a build of no Exchange version the table knows, named unknown rather than skipped.
    if (mentions.length === 0) {
      const other = ADMIN_DISPLAY.exec(m[2]!) ?? /(?<![\d.])(6|8|14|15|16)\.(\d{1,2})\.(\d{1,5})\.(\d{1,4})(?![\d.])/.exec(m[2]!);
      if (other) mentions.push({ text: other[0], start: other.index, lookup: table.lookup(other.slice(1, 5).map(Number)) });
    }
    if (names.length === 0 || names.some((n) => NOT_A_NAME.test(n))) {
      readSentence(i);
      continue;
    }
    // "sorry the version got cut, all three are 15.2.1544.4": a plain lower-case word leading a sentence is no server's name
    // (a host name has a digit, a hyphen or capitals, or its line is short: "mail 15.2.1544.4").
    if (
      names.every((n) => /^[a-z]+$/.test(n)) &&
      m[2]!
        .replace(mentions[0]?.text ?? '', ' ')
        .trim()
        .split(/\s+/).length > 3
    ) {
      readSentence(i);
      continue;
    }
    // "EX01 - Exchange 2010 SP3 - mailbox": a version named in words, on a line led by host-like names (a digit, a hyphen or capitals).
    const named = mentions.length === 0 && names.every((n) => /[0-9-]|^[A-Z]{3,}$/.test(n)) ? EXCHANGE_NAMED.exec(m[2]!) : null;
    if (mentions.length !== 1 && !named) {
      readSentence(i);
      continue;
    }
    used[i] = true;
    const roles = rolesInText(ownClauses(m[2]!));
    // "EX01  15.2.1544.4  Windows Server 2019 Standard": the Windows named on the same line.
    const windows = /\bwindows(?:\s+server)?\s+(?:20\d\d|2k\d*)(?:\s+r2)?(?:[ ,]+(?:standard|enterprise|datacenter|web|essentials))?(?:\s+x64|\s+x86)?/i.exec(m[2]!);
    for (const name of names) {
      const s = server(name);
      if (!named && /[0-9-]/.test(name)) typedLines.add(s);
      if (named) s.named = named[0];
      else {
        s.build = mentions[0];
        s.rollupHidden = hidesRollup(ADMIN_DISPLAY.test(m[2]!), mentions[0]!);
      }
      if (roles.length > 0) s.roles = [...new Set([...s.roles, ...roles])];
      if (windows && !s.os) s.os = windows[0];
      // "ex01.hq.example.com  15.2.1748.10  ...  site HQ": the site typed on the line (a name, not a word: "site HQ", "site: Branch-2").
      const site = TYPED_SITE.exec(m[2]!)?.[1];
      if (site && !s.site) s.site = site;
      // What else the line says of its server ("on W2K3 R2 Ent, single server"), read by the design through the fact tables.
      const said = m[2]!.replace(mentions[0]?.text ?? '', ' ').trim();
      if (said !== '') s.said = said;
    }
  }

  // DAG membership; a cluster whose nodes are all members of one listed DAG is that DAG's cluster, not another group.
  for (const dag of dags) if (dag.kind !== 'cluster') for (const member of dag.servers) server(member).dag = dag.name;
  for (const cluster of dags.filter((d) => d.kind === 'cluster')) {
    const owners = new Set(cluster.servers.map((m) => server(m).dag));
    // Get-ClusterResource names no node: its cluster is the DAG of its name ("-Cluster DAG-FIN"), or the paste's only DAG.
    const listedDags = dags.filter((d) => d.kind !== 'cluster');
    const named =
      cluster.servers.length === 0
        ? (listedDags.find((d) => d.name.toLowerCase() === cluster.name.toLowerCase()) ?? (listedDags.length === 1 ? listedDags[0] : undefined))
        : undefined;
    const owner = named ?? (owners.size === 1 && [...owners][0] !== undefined ? dags.find((d) => d.kind !== 'cluster' && d.name === [...owners][0]) : undefined);
    if (owner || (cluster.servers.length === 0 && named === undefined)) {
      // The other workloads the cluster's output shows are its DAG's.
      if (owner && cluster.otherWorkloads) owner.otherWorkloads = [...new Set([...(owner.otherWorkloads ?? []), ...cluster.otherWorkloads])];
      dags.splice(dags.indexOf(cluster), 1);
      continue;
    }
    for (const member of cluster.servers) server(member).dag ??= cluster.name;
  }
  // Builds named only in the words around the paste ("the new ones are SE RTM 15.2.2562.17"), for servers whose build the paste cut or left out.
  const listed = [...servers.values()].filter((s) => s.build || s.named || s.majorMinor || s.roles.length > 0 || s.dag || s.os || s.osBuild);
  // Plans and questions ("we want to go to 15.2.1748.10", "should we install 15.2.2562.17?") name no build that runs.
  const unread = lines
    .filter((_, i) => !used[i])
    .join('\n')
    // "Exchange 2019 CU15 (15.2.1748.10), the only server; 2 DAG members? no": a question after a semicolon leaves the clause before it said.
    .split(/(?<=[.!?;])\s+|\n/)
    .filter((sentence) => !PLANNED.test(sentence))
    .join('\n');
  const spoken = /\d\.\d/.test(unread) ? findBuilds(unread, table).filter((m) => !sentenceBuilds.has(m.lookup.build)) : [];
  if (spoken.length > 0) buildsInWords(listed, spoken);
  // "Edge role, Version 15.2 (Build 2562.17), the only edge" under one server's systeminfo: the line led by a role that gave
  // that server its build gives it its role too (m36: a role word is never a server's name, it is the server's role).
  if (listed.length === 1 && listed[0]!.roles.length === 0 && listed[0]!.build && spoken.some((m) => m.lookup.build === listed[0]!.build!.lookup.build)) {
    const led = unread
      .split('\n')
      .filter((l) => l.includes(listed[0]!.build!.text))
      .map((l) => ROLE_LED_LINE.exec(l)?.[1])
      .find((r) => r !== undefined);
    if (led) listed[0]!.roles = readRoles(led);
  }
  // ExSetup run on the paste's only server: its file version is that server's build, rollup included (Version 14.3 (Build 123.4) hides it).
  const exsetupBuilds = [...new Map(looseBuilds.map((m) => [m.lookup.build, m])).values()];
  if (listed.length === 1 && exsetupBuilds.length === 1) {
    const [only] = listed;
    const [mention] = exsetupBuilds;
    const sameLine = (a: string, b: string) => a.split('.').slice(0, 2).join('.') === b.split('.').slice(0, 2).join('.');
    if (!only!.build || sameLine(only!.build.lookup.build, mention!.lookup.build)) {
      only!.build = mention;
      only!.rollupHidden = false;
      only!.majorMinor = undefined;
    }
  }
  // ExSetup run where no server is named at all ("what version is that even?"): one unnamed server of that build.
  if (listed.length === 0 && dags.length === 0 && exsetupBuilds.length === 1) {
    // "that's on MAILHUB01 (Windows Server 2019 Standard)": the one server-like word typed around it names it.
    const unnamed = server(
      oneServerIn(
        unread
          .split('\n')
          .filter((l) => !COMMAND_LINE.test(l))
          .join('\n'),
      ) ?? UNNAMED_SERVER,
    );
    unnamed.build = exsetupBuilds[0];
    fromOutput.add(unnamed);
    listed.push(unnamed);
  }
  // "RG1-EX: Windows 2000 Server SP4" under the listing: the Windows of the servers the line leads with, each its own.
  windowsOfNamedServers(servers, lines, used);
  // "Properties of MAIL2000 (General tab), copied by hand:" above "Version 6.0 (Build 6249.4: Service Pack 3)" on a line of its own:
  // a paste of no other server whose one build stands alone on its line is the build of the one server named around it
  // (never a build in a sentence, "is 15.2.1544.4 ok?", which stays a question for the check, and never without a name).
  if (listed.length === 0 && dags.length === 0) {
    const alone = [...new Map(lines.flatMap((l, i) => (!used[i] && BARE_BUILD_LINE.test(l) ? findBuilds(l, table) : [])).map((m) => [m.lookup.build, m])).values()];
    const named = alone.length === 1 ? oneServerIn(lines.filter((l, i) => !used[i] && !COMMAND_LINE.test(l) && !BARE_BUILD_LINE.test(l)).join('\n')) : undefined;
    if (named) {
      const only = server(named);
      only.build = alone[0];
      only.rollupHidden = hidesRollup(ADMIN_DISPLAY.test(alone[0]!.text), alone[0]!);
      lines.forEach((l, i) => {
        if (BARE_BUILD_LINE.test(l)) used[i] = true;
      });
      fromOutput.add(only);
      listed.push(only);
    }
  }
  // One Windows line for the whole paste: every server that shows none gets it, and the reply says it was read so
  // (unless the paste holds only one server: then the line can be no other's).
  const single = listed.length === 1;
  if (looseOs.size === 1) {
    const os = [...looseOs][0]!;
    for (const s of servers.values())
      if (!s.os && (s.build || s.majorMinor || single)) {
        s.os = os;
        s.osFromPaste = !single;
      }
  }
  if (looseSystemType.size === 1 && looseOs.size === 1) {
    const type = [...looseSystemType][0]!;
    for (const s of servers.values()) if (!s.systemType && s.os === [...looseOs][0] && (s.build || s.majorMinor || single)) s.systemType = type;
  }
  // A ReFS volume holding the binaries: the system drive, the drive of the install path the paste names, or a label that says so (A-67).
  const installDrive =
    /\b([a-z]):\\(?:program files\\microsoft\\exchange|[^\n]*?exchange server\\v1[45])/i.exec(text)?.[1] ?? /\binstalled\s+(?:to|on|in)\s+(?:the\s+)?([a-z]):/i.exec(text)?.[1];
  if (
    refsVolumes.some(
      (v) => /^c$/i.test(v.drive) || (installDrive !== undefined && v.drive.toLowerCase() === installDrive.toLowerCase()) || /bin|install|system|\bos\b/i.test(v.label),
    )
  )
    loosePlatform.refsFor = 'binaries';
  for (const s of servers.values()) {
    if (!(s.build || s.majorMinor || single)) continue;
    const given = Object.entries(loosePlatform).filter(([key]) => single || key === 'forestLevel');
    if (given.length > 0) s.platform = { ...Object.fromEntries(given), ...s.platform };
  }
  if (looseInstallation.size === 1) {
    const installation = [...looseInstallation][0]!;
    for (const s of servers.values()) if (!s.installationType && (s.build || s.majorMinor || single)) s.installationType = installation;
  }
  if (looseOsBuilds.size === 1) {
    const build = [...looseOsBuilds][0]!;
    for (const s of servers.values())
      if (!s.os && !s.osBuild && (s.build || s.majorMinor || single)) {
        s.osBuild = build;
        s.osFromPaste = !single;
      }
  }

  for (const name of domainControllers) {
    const s = servers.get(name);
    if (s) s.domainController = true;
  }
  // A server whose site Get-ADDomainController shows only read-only domain controllers for (A-83).
  for (const s of servers.values()) {
    const count = s.site !== undefined ? dcSites.get(s.site.toLowerCase()) : undefined;
    if (count && count.readOnly > 0 && count.writable === 0) s.siteReadOnlyDcs = true;
  }
  // Shell prompts and the commands typed at them are part of the paste, not of the question.
  const rest = lines
    .filter((line, i) => !used[i] && !DASHES.test(line) && !/^\s*(\[PS\]\s*)?(PS\s+)?[A-Za-z]:\\[^>]*>/.test(line))
    .join('\n')
    .trim();
  arrowHeaderVersion(
    [...servers.values()].filter((s) => typedLines.has(s)),
    lines,
    arrowLines,
  );
  clusterNodesInWords(dags, rest, server);
  virtualServersInWords(dags, servers, rest);
  virtualServersToNodes(dags, servers);
  versionInWords([...servers.values()], rest);
  dagsInWords([...servers.values()], dags, rest);
  frontOrBackInWords([...servers.values()], rest);
  const found = [...servers.values()].filter((s) => s.build || s.named || s.majorMinor || s.roles.length > 0 || s.dag || s.os || s.osBuild || s.clustered);
  for (const s of found) Object.assign(s, vms.get(s.name.toLowerCase()) ?? {});
  if (found.length === 0 && dags.length === 0) return { kind: 'none' };
  return { kind: 'listing', servers: found, dags, lines: lines.length, rest, fromOutput: found.some((s) => fromOutput.has(s)), typedLine: found.some((s) => typedLines.has(s)) };
}
