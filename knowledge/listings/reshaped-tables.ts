/**
 * Pastes whose table lost its shape on the way, put back into lines the listing parser reads (issue 25):
 * a table copied from a wiki or a web page one cell a line, a table typed or copied with spaces but no line
 * of dashes, and the console output of Exchange's unattended setup (setup.com / Setup.exe), which names the
 * version it installed and the roles it configured. Pure: lines in, lines out; nothing here judges.
 */

/** Column names of the inventories and exports people paste (lower case); a header is a row of these. */
const NAME_COLUMNS = ['name', 'server', 'server name', 'servername', 'hostname', 'host name', 'host', 'computer', 'computer name', 'computername', 'fqdn', 'node', 'vm'];
/** Columns that name the Exchange build or version. */
const VERSION_COLUMNS = ['version', 'exchange version', 'exchange build', 'build', 'exchange', 'admindisplayversion'];
/** Columns that say what a server runs: a header needs one, or it is a row of ordinary words. */
const RUNS_COLUMNS = [...VERSION_COLUMNS, 'os', 'operating system', 'windows', 'role', 'roles', 'server role', 'serverrole'];
/** Every other column such a header may have. */
const VALUE_COLUMNS = [...RUNS_COLUMNS, 'exchange role', 'site', 'edition', 'dag', 'type', 'notes'];
/** A server's name in a cell: a letter somewhere in its first label (NetBIOS names may start with a digit). */
const NAME_CELL = /^(?=[0-9_-]*[A-Za-z])[A-Za-z0-9][A-Za-z0-9_-]{0,62}(\.[A-Za-z0-9-]+)*$/;
/** The most columns such a header has, and the longest cell read. */
const MAX_COLUMNS = 10;
const MAX_CELL = 120;

function isHeader(cells: readonly string[]): boolean {
  const names = cells.map((c) => c.trim().toLowerCase());
  return (
    names.length >= 2 &&
    names.length <= MAX_COLUMNS &&
    names.every((n) => NAME_COLUMNS.includes(n) || VALUE_COLUMNS.includes(n)) &&
    NAME_COLUMNS.includes(names[0]!) &&
    names.some((n) => RUNS_COLUMNS.includes(n))
  );
}

/**
 * "Server / Role / Version / OS / EX13-CAS1 / Client Access / 15.0.1497.2 / ...": a table copied from a web page
 * that pasted one cell a line, back into tab-separated rows (read as the tab-separated exports are). The header is
 * three or more lines that are each a column name, the first naming the server; rows follow in runs of as many
 * lines, each run led by a name and, where there is a version column, holding a digit or "Exchange" there.
 */
export function cellPerLineTables(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    let n = 0;
    while (i + n < lines.length && n < MAX_COLUMNS && isColumnName(lines[i + n]!)) n += 1;
    const header = lines.slice(i, i + n).map((l) => l.trim());
    if (n < 3 || !isHeader(header)) {
      out.push(lines[i]!);
      continue;
    }
    const version = header.findIndex((h) => VERSION_COLUMNS.includes(h.toLowerCase()));
    const rows: string[][] = [];
    let j = i + n;
    while (j + n <= lines.length) {
      const cells = lines.slice(j, j + n).map((l) => l.trim());
      if (!NAME_CELL.test(cells[0]!) || isColumnName(cells[0]!) || cells.some((c) => c === '' || c.length > MAX_CELL)) break;
      if (version >= 0 && !/\d|exchange/i.test(cells[version]!)) break;
      rows.push(cells);
      j += n;
    }
    if (rows.length === 0) {
      out.push(lines[i]!);
      continue;
    }
    out.push(header.join('\t'), ...rows.map((r) => r.join('\t')), '');
    i = j - 1;
  }
  return out;
}

function isColumnName(line: string): boolean {
  const word = line.trim().toLowerCase();
  return NAME_COLUMNS.includes(word) || VALUE_COLUMNS.includes(word);
}

/** Cells of a row padded with spaces: runs of two or more spaces part them. */
const SPACED_CELL = /\S+(?: \S+)*/g;

/**
 * "Server          Role          Version          OS" over rows aligned under it, with no line of dashes (typed,
 * or copied from a spreadsheet as spaces): a line of dashes is put under each header cell, so the table reader
 * cuts the rows at the header's columns. Only when every header cell is a column name, the next line is no
 * line of dashes, and each row starts its cells where the header's start (as padding makes them).
 */
export function dashlessHeaders(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]!;
    out.push(line);
    if (line.includes('\t') || line.length > 400 || !/\S {2,}\S/.test(line)) continue;
    const cells = [...line.matchAll(SPACED_CELL)];
    if (cells.length < 3 || !isHeader(cells.map((c) => c[0]))) continue;
    const next = lines[i + 1] ?? '';
    if (/^\s*-{2,}/.test(next) || next.trim() === '') continue;
    // Each row below has text where the header's cells start and space just before (aligned as padding makes it).
    const starts = cells.slice(1).map((c) => c.index);
    const aligned = (row: string) => starts.every((s) => row[s - 1] === ' ' && /\S/.test(row[s] ?? ''));
    if (!aligned(next)) continue;
    let dashes = '';
    for (const c of cells) dashes += ' '.repeat(c.index - dashes.length) + '-'.repeat(c[0].length);
    out.push(dashes);
  }
  return out;
}

/** "Welcome to Microsoft Exchange Server 2010 Service Pack 3 Unattended Setup": the version and update setup installs. */
const SETUP_TITLE =
  /^\s*(?:welcome to\s+)?microsoft exchange server\s+(2007|2010|2013|2016|2019|subscription edition)(?:\s+(service pack\s+\d|cumulative update\s+\d{1,2}|rtm))?\s+(?:unattended\s+)?setup\s*$/i;
/** "Mailbox Server Role ......... COMPLETED", "Mailbox role: Transport service ..... COMPLETED": a role setup configured. */
const SETUP_ROLE = /^\s*(hub transport|client access|mailbox|unified messaging|edge transport)(?:\s+server)?\s+role\b(?!\s+checks)[^.]*\.{3,}\s*completed\s*$/i;
const SETUP_STEP = /\.{3,}\s*(completed|failed)\s*$/i;
const ROLE_IDS: Record<string, string> = {
  'hub transport': 'HubTransport',
  'client access': 'ClientAccess',
  mailbox: 'Mailbox',
  'unified messaging': 'UnifiedMessaging',
  'edge transport': 'Edge',
};

/**
 * Exchange's unattended setup output, which ran to its end without a failed step: its title names the version and
 * update, its configuration steps the roles. It becomes a Format-List block of that server ("ServerRole", "Exchange
 * version"), whose name the parser finds above it ("ran it on MBX10-02:") as it does for ExSetup's output.
 */
export function setupConsoleLines(lines: readonly string[]): string[] {
  const title = lines.findIndex((l) => SETUP_TITLE.test(l));
  if (title < 0) return [...lines];
  let end = title;
  const roles = new Set<string>();
  let failed = false;
  for (let k = title + 1; k < lines.length; k += 1) {
    const line = lines[k]!;
    if (SETUP_STEP.test(line)) {
      end = k;
      if (/failed\s*$/i.test(line)) failed = true;
      const role = SETUP_ROLE.exec(line)?.[1];
      if (role) roles.add(ROLE_IDS[role.toLowerCase()]!);
    } else if (/setup operation completed successfully/i.test(line)) {
      end = k;
      break;
    } else if (/^\s*(?:preparing|performing|configuring|copying|languages|management tools|welcome)\b/i.test(line) || line.trim() === '') continue;
    else if (k - end > 3) break;
  }
  if (failed || end === title) return [...lines];
  const [, version, update] = SETUP_TITLE.exec(lines[title]!)!;
  const named = `Exchange ${/subscription/i.test(version!) ? 'SE' : version}${update ? ` ${shortUpdate(update)}` : ''}`;
  const block = ['', ...(roles.size > 0 ? [`ServerRole : ${[...roles].join(', ')}`] : []), `Exchange version : ${named}`, ''];
  return [...lines.slice(0, title), ...block, ...lines.slice(end + 1)];
}

/** "Service Pack 3" → "SP3", "Cumulative Update 14" → "CU14". */
function shortUpdate(update: string): string {
  const n = /\d+/.exec(update)?.[0];
  return /service/i.test(update) ? `SP${n}` : /cumulative/i.test(update) ? `CU${n}` : update.toUpperCase();
}

/** Outlook Web App's "About" page (Exchange 2007 and 2010): the mailbox and Client Access servers a user reached, with their builds. */
const OWA_ABOUT: readonly { name: RegExp; version: RegExp; role: string }[] = [
  { name: /^\s*exchange mailbox server\s*:\s*(\S+)\s*$/i, version: /^\s*exchange mailbox server version\s*:\s*(\S+)\s*$/i, role: 'Mailbox' },
  {
    name: /^\s*exchange client access server name\s*:\s*(\S+)\s*$/i,
    version: /^\s*(?:microsoft\s+)?exchange client access server version\s*:\s*(\S+)\s*$/i,
    role: 'ClientAccess',
  },
];

/**
 * OWA's "About" lines ("Exchange mailbox server: MBX07.contoso.local", "Exchange mailbox server version: 8.3.83.6") as a
 * Format-List block per server (name, role, ExSetup's file version), which the parser reads as ExSetup's output. Only a
 * server whose name and version are both there.
 */
export function owaAboutLines(lines: readonly string[]): string[] {
  if (!lines.some((l) => /^\s*exchange mailbox server version\s*:/i.test(l) || /client access server version\s*:/i.test(l))) return [...lines];
  const out = [...lines];
  const blocks: string[] = [];
  for (const { name, version, role } of OWA_ABOUT) {
    const n = out.findIndex((l) => name.test(l));
    const v = out.findIndex((l) => version.test(l));
    if (n < 0 || v < 0) continue;
    blocks.push('', `Name : ${name.exec(out[n]!)![1]}`, `ServerRole : ${role}`, `FileVersion : ${version.exec(out[v]!)![1]}`, '');
    out[n] = '';
    out[v] = '';
  }
  return blocks.length > 0 ? [...out, ...blocks] : out;
}

/** An Exchange server's object in Active Directory: "dn: CN=EX01,CN=Servers,..." (ldifde), ">> Dn: CN=EX01,CN=Servers,..." (LDP). */
const SERVER_DN = /^\s*(?:>>\s*)?dn:\s*CN=([A-Za-z0-9][A-Za-z0-9_-]{0,62}),CN=Servers,/i;
/** An attribute of it: "serialNumber: Version 6.5 (...)" (ldifde), "1> serialNumber: Version ...;" and "serialNumber (2): ...;" (LDP). */
const DIRECTORY_ATTRIBUTE = /^\s*(?:\d{1,3}>\s*)?([A-Za-z][A-Za-z0-9-]{0,60})(?:\s*\(\d{1,3}\))?:\s?(.*)$/;
/** ADSI Edit's Attribute Editor copied as text: "Attribute   Value", then one attribute a line. */
const ATTRIBUTE_HEADER = /^\s*attribute\s{2,}value\s*$/i;
const ATTRIBUTE_ROW = /^\s*([A-Za-z][A-Za-z0-9-]{0,60})\s{2,}(\S.*?)\s*$/;
/** Exchange writes the server's version into serialNumber as AdminDisplayVersion shows it. */
const SERIAL_VERSION = /^\s*version\s+\d{1,2}\.\d{1,2}\s*\(\s*build\s/i;
/** "CN=EXFE1    serialNumber: Version 6.5 (...)": a server object's CN and its serialNumber on one line (wmic's "Key=value" reading makes it "CN : EXFE1 ..."). */
const CN_AND_SERIAL = /^\s*CN\s*[=:]\s*([A-Za-z0-9][A-Za-z0-9_-]{0,62})\s*,?\s+serialNumber\s*[:=]\s*(.+?)\s*$/i;
/** "CN=EX07HUB" in the path written above the Attribute Editor's lines. */
const CN_IN_PATH = /\bCN=([A-Za-z0-9][A-Za-z0-9_-]{0,62})\b(?!\s*=)/g;

/**
 * Exchange servers' objects dumped from Active Directory (ldifde, LDP, ADSI Edit's Attribute Editor), back into the
 * Format-List lines read below: "Name : EX01" and "AdminDisplayVersion : <serialNumber>". Only an object whose
 * serialNumber reads "Version x.y (Build n.n...)" is rewritten; its other attribute lines (objectClass, changetype)
 * are dropped, so the "serialNumber:" line is never read as a server of that name.
 */
export function directoryObjectLines(lines: readonly string[]): string[] {
  if (!lines.some((l) => /serialnumber/i.test(l))) return [...lines];
  const out: string[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    // "CN=EXFE1    serialNumber: Version 6.5 (Build 7638.2: Service Pack 2)": an object and its serialNumber typed on one line.
    const oneLine = CN_AND_SERIAL.exec(lines[i]!);
    if (oneLine && SERIAL_VERSION.test(oneLine[2]!)) {
      out.push(`Name                : ${oneLine[1]}`, `AdminDisplayVersion : ${oneLine[2]!.split(';')[0]!.trim()}`, '');
      continue;
    }
    const dn = SERVER_DN.exec(lines[i]!);
    if (dn) {
      let cn = dn[1]!;
      let serial: string | undefined;
      let j = i + 1;
      for (; j < lines.length && lines[j]!.trim() !== '' && !SERVER_DN.test(lines[j]!) && !/^\s*-{3,}\s*$/.test(lines[j]!); j += 1) {
        const attribute = DIRECTORY_ATTRIBUTE.exec(lines[j]!);
        if (!attribute) break;
        const value = attribute[2]!.split(';')[0]!.trim();
        if (/^serialnumber$/i.test(attribute[1]!)) serial = value;
        else if (/^(?:cn|name)$/i.test(attribute[1]!) && value !== '') cn = value;
      }
      if (serial !== undefined && SERIAL_VERSION.test(serial)) {
        out.push(`Name                : ${cn}`, `AdminDisplayVersion : ${serial}`);
        i = j - 1;
        continue;
      }
    }
    if (ATTRIBUTE_HEADER.test(lines[i]!)) {
      const rows = new Map<string, string>();
      let j = i + 1;
      for (; j < lines.length && ATTRIBUTE_ROW.test(lines[j]!); j += 1) {
        const [, key, value] = ATTRIBUTE_ROW.exec(lines[j]!)!;
        rows.set(key!.toLowerCase(), value!);
      }
      const serial = rows.get('serialnumber');
      // The server's name: its cn (or name) row, else the last CN= of the path written just above.
      const above = lines.slice(Math.max(0, i - 3), i).join(' ');
      const cn = rows.get('cn') ?? rows.get('name') ?? [...above.matchAll(CN_IN_PATH)].pop()?.[1];
      if (serial !== undefined && SERIAL_VERSION.test(serial) && cn !== undefined) {
        out.push(`Name                : ${cn}`, `AdminDisplayVersion : ${serial}`);
        i = j - 1;
        continue;
      }
    }
    out.push(lines[i]!);
  }
  return out;
}

/** Format-Table -GroupBy's heading above each table: "   AdminDisplayVersion: Version 8.1 (Build 240.6)". */
const GROUP_BY_HEADING = /^\s+(AdminDisplayVersion|ServerRole|Site|Edition):\s+(\S.*?)\s*$/;
/** Group-Object's table: "Count Name Group", its Group a list of servers ("{EX10-1, EX10-2, EX10-3}"). */
const GROUP_OBJECT_HEADER = /^\s*Count\s+Name\s+Group\s*$/i;
const GROUP_OBJECT_ROW = /^\s*\d+\s+(\S.*?)\s+\{([^{}]*)\}?\s*$/;
const LISTED_VERSION = /^version\s+\d{1,2}\.\d{1,2}\s*\(\s*build\s|^\d{1,2}\.\d{1,2}\.\d{1,5}\.\d{1,4}$/i;

/**
 * Get-ExchangeServer grouped by a property, back into what the parser reads: `ft ... -GroupBy AdminDisplayVersion` prints
 * the property once above each table (appended to each row as a column of its own), and `Group-Object AdminDisplayVersion`
 * prints a row per value with its servers in braces (one Format-List block per server). Only a grouped property that is a
 * version, a role, a site or an edition is carried; anything else stays as it is.
 */
export function groupedTables(lines: readonly string[]): string[] {
  if (!lines.some((l) => GROUP_BY_HEADING.test(l) || GROUP_OBJECT_HEADER.test(l))) return [...lines];
  const out: string[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const heading = GROUP_BY_HEADING.exec(lines[i]!);
    // The heading, a blank line, a header, its dashes, then rows up to a blank line.
    let h = i + 1;
    while (heading && h < lines.length && lines[h]!.trim() === '') h += 1;
    if (heading && h + 1 < lines.length && /^\s*-{2,}(\s+-{2,})*\s*$/.test(lines[h + 1]!) && !new RegExp(`\\b${heading[1]}\\b`, 'i').test(lines[h]!)) {
      let end = h + 2;
      while (end < lines.length && lines[end]!.trim() !== '') end += 1;
      const width = Math.max(...lines.slice(h, end).map((l) => l.trimEnd().length)) + 2;
      const column = (text: string, cell: string) => `${text.trimEnd().padEnd(width)}${cell}`;
      out.push(column(lines[h]!, heading[1]!), column(lines[h + 1]!, '-'.repeat(heading[1]!.length)));
      for (let r = h + 2; r < end; r += 1) out.push(column(lines[r]!, heading[2]!));
      i = end - 1;
      continue;
    }
    if (GROUP_OBJECT_HEADER.test(lines[i]!) && i + 1 < lines.length && /^\s*-{2,}(\s+-{2,})*\s*$/.test(lines[i + 1]!)) {
      const blocks: string[] = [];
      let r = i + 2;
      for (; r < lines.length; r += 1) {
        const row = GROUP_OBJECT_ROW.exec(lines[r]!);
        if (!row || !LISTED_VERSION.test(row[1]!.trim())) break;
        for (const name of row[2]!.split(/\s*,\s*/).filter((n) => /^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$/.test(n)))
          blocks.push(`Name                : ${name}`, `AdminDisplayVersion : ${row[1]!.trim()}`, '');
      }
      if (blocks.length > 0) {
        out.push(...blocks);
        i = r - 1;
        continue;
      }
    }
    out.push(lines[i]!);
  }
  return out;
}

/** "[BOS-EX13] Server Role: ClientAccess, Mailbox": a line a report tags with its server (HealthChecker's warning lines, l29 q20). */
const TAGGED_LINE = /^\s*\[([A-Za-z0-9][A-Za-z0-9_-]{1,62})\]\s+(\S.*)$/;
/** "Operating System: Microsoft Windows Server 2012 R2 Datacenter": a key of a few words and its value. */
const TAGGED_KEY_VALUE = /^([A-Za-z][A-Za-z ]{1,40}?)\s*:\s+(\S.*)$/;
/** A build as such reports print it ("Exchange 2013 CU21 (15.0.1395.4) is not the latest CU"). */
const TAGGED_BUILD = /\b(\d{1,2}\.\d{1,2}\.\d{1,4}\.\d{1,4})\b/;
/** "Not a DAG member", "standalone": the server is in no DAG, as HealthChecker's "DAG Name: Standalone Server" says. */
const TAGGED_NO_DAG = /\bnot (?:a )?(?:member of a )?DAG(?: member)?\b|\bstand-?alone\b/i;

/**
 * Lines tagged with their server's name ("[BOS-EX13] Server Role: ClientAccess, Mailbox"), two or more of one server in a
 * run, become that server's Format-List block (HealthChecker's keys: "Build Number", "Server Role", "DAG Name"); a tagged
 * line that is no "Key: value" gives the block its build or says it is in no DAG, and is kept below as words. The name
 * holds a digit or a hyphen ("[PS] C:\>" is a prompt, "[10:41]" a chat time).
 */
export function taggedServerLines(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const first = TAGGED_LINE.exec(lines[i]!);
    const name = first?.[1];
    if (!name || !/[0-9-]/.test(name) || /^\d+$/.test(name)) {
      out.push(lines[i]!);
      continue;
    }
    let end = i;
    while (end + 1 < lines.length && TAGGED_LINE.exec(lines[end + 1]!)?.[1] === name) end += 1;
    if (end === i) {
      out.push(lines[i]!);
      continue;
    }
    const block = ['', `Name : ${name}`];
    const words: string[] = [];
    for (let k = i; k <= end; k += 1) {
      const rest = TAGGED_LINE.exec(lines[k]!)![2]!;
      const pair = TAGGED_KEY_VALUE.exec(rest);
      if (pair) block.push(`${pair[1]!.trim()} : ${pair[2]!.trim()}`);
      else {
        const build = TAGGED_BUILD.exec(rest)?.[1];
        if (build && !block.some((l) => l.startsWith('Build Number :'))) block.push(`Build Number : ${build}`);
        else if (TAGGED_NO_DAG.test(rest) && !block.some((l) => l.startsWith('DAG Name :'))) block.push('DAG Name : Standalone Server');
        words.push(`${name}: ${rest}`);
      }
    }
    out.push(...block, '', ...words);
    i = end;
  }
  return out;
}
