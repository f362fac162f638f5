/**
 * Output that is not a PowerShell table or list, rewritten into the lines the listing parser reads:
 * ConvertTo-Json (an array, one object, or -Compress on one line), HealthChecker's HTML report copied
 * as text (a column a server) and Get-ExchangeDiagnosticInfo's XML result become Format-List blocks, and the tables of wmic and dsquery (a header and
 * aligned rows, but no line of dashes) get the dashes PowerShell prints.
 * Pure and linear: each line is looked at once, a JSON text is scanned once and parsed once.
 */

/** A JSON text longer than this is not parsed (a few thousand servers' worth; the whole paste is bounded before). */
const MAX_JSON_CHARACTERS = 1024 * 1024;
/** See `structuredLines`. */
const MAX_FAILED_SCANS = 3;
/** A JSON key read as a Format-List key: the length a listing key may have (see KEY_VALUE in listing-parser.ts). */
const JSON_KEY = /^\s*"([A-Za-z][A-Za-z0-9 ]{0,39})"\s*:\s*(.*)$/;

/** AdminDisplayVersion serialised as its object (ServerVersion: Major, Minor, Build, Revision) → "Version 15.2 (Build 1544.4)". */
function versionObject(value: Record<string, unknown>): string | undefined {
  const { Major, Minor, Build, Revision } = value;
  if ([Major, Minor, Build, Revision].every((n) => typeof n === 'number')) return `Version ${Major}.${Minor} (Build ${Build}.${Revision})`;
  return undefined;
}

/** One property's value as Format-List prints it; undefined for what a listing cannot use (nested objects of other kinds). */
function listValue(value: unknown): string | undefined {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  // Windows PowerShell 5.1 wraps some arrays as { "value": [...], "Count": n }.
  const items = Array.isArray(value) ? value : Array.isArray((value as { value?: unknown }).value) ? (value as { value: unknown[] }).value : undefined;
  if (items) {
    // A multi-valued property of names (DAG Servers: strings, or ADObjectId objects with a Name).
    const names = items
      .map((item) =>
        typeof item === 'string' ? item : item && typeof item === 'object' && typeof (item as { Name?: unknown }).Name === 'string' ? (item as { Name: string }).Name : undefined,
      )
      .filter((n): n is string => n !== undefined);
    return `{${names.join(', ')}}`;
  }
  const object = value as Record<string, unknown>;
  return versionObject(object) ?? (typeof object.Name === 'string' ? object.Name : undefined);
}

/** The objects of a parsed JSON text as Format-List blocks (one "Key : value" line a property, a blank line between objects). */
function listBlocks(parsed: unknown): string[] | undefined {
  const objects = (Array.isArray(parsed) ? parsed : [parsed]).filter((o): o is Record<string, unknown> => o !== null && typeof o === 'object' && !Array.isArray(o));
  if (objects.length === 0) return undefined;
  const out: string[] = [];
  for (const object of objects) {
    if (out.length > 0) out.push('');
    for (const [key, value] of Object.entries(object)) {
      if (!/^[A-Za-z][A-Za-z0-9 ]{0,39}$/.test(key)) continue;
      const text = listValue(value);
      if (text !== undefined) out.push(`${key} : ${text}`);
    }
  }
  return out;
}

/**
 * Where the JSON text that starts at `lines[from]` (its first non-blank character is "[" or "{") ends: the
 * line and the column just after its closing bracket, counting brackets outside strings. Undefined when
 * it never closes within the bound (a paste cut short).
 */
function jsonEnd(lines: readonly string[], from: number): { line: number; column: number } | undefined {
  let depth = 0;
  let inString = false;
  let escaped = false;
  let seen = 0;
  for (let i = from; i < lines.length; i += 1) {
    const line = lines[i]!;
    seen += line.length + 1;
    if (seen > MAX_JSON_CHARACTERS) return undefined;
    for (let k = i === from ? line.search(/\S/) : 0; k < line.length; k += 1) {
      const ch = line[k]!;
      if (inString) {
        if (escaped) escaped = false;
        else if (ch === '\\') escaped = true;
        else if (ch === '"') inString = false;
      } else if (ch === '"') inString = true;
      else if (ch === '[' || ch === '{') depth += 1;
      else if (ch === ']' || ch === '}') {
        depth -= 1;
        if (depth === 0) return { line: i, column: k + 1 };
      }
    }
  }
  return undefined;
}

/** JSON read line by line when it does not parse (cut short, or edited by hand): `"Key": value,` lines become `Key : value`. */
function looseJsonLines(lines: readonly string[]): string[] {
  return lines.map((line) => {
    const m = JSON_KEY.exec(line);
    if (m) {
      const value = m[2]!.trim().replace(/,$/, '').trim();
      // An opening bracket alone ("AdminDisplayVersion": {) says nothing; its members follow as their own lines.
      return /^[[{]$/.test(value) ? '' : `${m[1]} : ${value.replace(/^"(.*)"$/, '$1')}`;
    }
    return /^\s*[[\]{}],?\s*$/.test(line) ? '' : line;
  });
}

/** Column names wmic prints (its own property names): a header made of these, with no line of dashes under it, heads a wmic table. */
const WMIC_COLUMNS = new Set([
  'name',
  'csname',
  'exchangeversion',
  'isfrontendserver',
  'caption',
  'version',
  'buildnumber',
  'osarchitecture',
  'servicepackmajorversion',
  'administrativegroup',
  'routinggroup',
  'dn',
  // dsquery * -attr name serialNumber: Active Directory's Exchange server objects.
  'cn',
  'serialnumber',
]);
/** A wmic header names the server and something a listing reads. */
const WMIC_NAME = new Set(['name', 'csname', 'cn']);

/** "ExchangeVersion   IsFrontEndServer  Name": the start and word of each column of a wmic header, or undefined. */
function wmicHeader(line: string): { start: number; word: string }[] | undefined {
  if (line.length > 400 || !/\S {2,}\S/.test(line)) return undefined;
  const columns = [...line.matchAll(/\S+/g)].map((m) => ({ start: m.index, word: m[0] }));
  if (columns.length < 2 || !columns.every((c) => WMIC_COLUMNS.has(c.word.toLowerCase()))) return undefined;
  if (!columns.some((c) => WMIC_NAME.has(c.word.toLowerCase()))) return undefined;
  return columns;
}

/** HealthChecker's report of more servers than this, a column each, is not a copy anyone reads (and each one becomes a block of lines). */
const MAX_TRANSPOSED_SERVERS = 64;
/** HealthChecker's HTML report copied as text: a row a property, a column a server ("Server Name", then each server's name). */
const TRANSPOSED_HEAD = /^\s*server\s?name(?:\t|\s{2,}|\s*:\s*\t)/i;

/**
 * A table of one row a property and one column a server, rewritten as one Format-List block a server. Its
 * cells are split on tabs, or on runs of two spaces when the copy lost its tabs. Undefined when it is no such table.
 */
function transposedBlocks(lines: readonly string[], from: number): { blocks: string[]; end: number } | undefined {
  const first = lines[from]!;
  if (first.length > 4000) return undefined;
  const split = first.includes('\t') ? (l: string) => l.split('\t').map((c) => c.trim()) : (l: string) => l.trim().split(/\s{2,}/);
  const names = split(first).slice(1);
  if (names.length === 0 || names.length > MAX_TRANSPOSED_SERVERS || names.some((n) => !/^[A-Za-z0-9][A-Za-z0-9.-]{0,62}$/.test(n))) return undefined;
  const rows: string[][] = [];
  let end = from;
  for (let j = from + 1; j < lines.length && lines[j]!.trim() !== '' && lines[j]!.length <= 4000; j += 1) {
    const cells = split(lines[j]!);
    if (cells.length < 2 || !/^[A-Za-z][A-Za-z0-9 ()/.-]{0,39}$/.test(cells[0]!)) break;
    rows.push(cells);
    end = j;
  }
  if (rows.length === 0) return undefined;
  const blocks: string[] = [];
  for (const [k, name] of names.entries()) {
    blocks.push('', `Name : ${name}`);
    for (const row of rows) {
      const value = row[k + 1] ?? '';
      // HealthChecker's "OS Version" row holds the Windows release's name, which a list calls "OS Name".
      const key = /^os version$/i.test(row[0]!) && /windows/i.test(value) ? 'OS Name' : row[0]!;
      if (value !== '') blocks.push(`${key} : ${value}`);
    }
  }
  blocks.push('');
  return { blocks, end };
}

/**
 * The paste's lines with JSON texts turned into Format-List blocks and wmic headers given their line of
 * dashes. Any other line is returned as it is; words after a JSON text's closing bracket keep a line of
 * their own (the question typed after it).
 */
/** Export-Clixml's property of a simple type: `<S N="Name">EX01</S>`, `<I32 N="Count">2</I32>`, `<B N="IsEdgeServer">false</B>`. */
const CLIXML_PROPERTY = /^\s*<(S|I32|I64|U32|U64|B|DT|Db|Version|G)\s+N="([^"]{1,80})">([^<]{0,400})<\/\1>\s*$/;
/** An object: top-level (`<Obj RefId="0">`, a server) or a property's (`<Obj N="AdminDisplayVersion" RefId="3">`, its name in group 1). */
const CLIXML_OBJECT = /^\s*<Obj(?:\s+N="([^"]{1,80})")?\s+RefId="\d+">\s*$/;
const CLIXML_TO_STRING = /^\s*<ToString>([^<]{0,400})<\/ToString>\s*$/;
/** The rest of Export-Clixml's markup, dropped: <Objs ...>, </Obj>, <MS>, <Props>, <TN>, <T>, <ToString> of objects, <LST>, <Ref .../>. */
const CLIXML_OTHER = /^\s*(?:<\/?(?:Objs|Obj|MS|Props|TN|LST|IE|DCT|En|Ref|TNRef|Nil)\b[^>]*>|<(T|ToString)>[^<]{0,400}<\/\1>)\s*$/;

/** Export-Clixml's escapes (&lt; &gt; &amp; &quot; &apos;) and its _xHHHH_ character codes. */
function xmlText(text: string): string {
  return text
    .replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Get-ExchangeDiagnosticInfo's Result: one <Diagnostics> document, on one line or many. */
const DIAGNOSTICS_START = /<Diagnostics>/;
const DIAGNOSTICS_END = /<\/Diagnostics>/;
/** The longest <Diagnostics> document looked into (its lines); a longer one is left as it is. */
const MAX_DIAGNOSTICS_LINES = 2_000;
/** The server a diagnostics document was taken on (ProcessInfo's serverName, or a machine name). */
const DIAGNOSTICS_SERVER = /<(?:serverName|machineName|ServerFqdn|server)>\s*([A-Za-z][A-Za-z0-9-]{0,62})(?:\.[A-Za-z0-9.-]+)?\s*<\//i;
/** Its Exchange build ("<ServerVersion>15.02.1748.010</ServerVersion>", a process's <version>). */
const DIAGNOSTICS_BUILD = /<(?:ServerVersion|ExchangeVersion|BuildNumber|version)>\s*((?:6|8|14|15)\.\d{1,2}\.\d{1,5}\.\d{1,4})\s*<\//i;

/**
 * Get-ExchangeDiagnosticInfo's Result (an XML document) as the Format-List block of the one server it names, with the
 * build it reports; undefined when it names no server or no build (then its lines stay as they are).
 */
function diagnosticsBlock(lines: readonly string[], from: number): { block: string[]; end: number } | undefined {
  let end = from;
  while (end < lines.length && end - from < MAX_DIAGNOSTICS_LINES && !DIAGNOSTICS_END.test(lines[end]!)) end += 1;
  if (end >= lines.length || !DIAGNOSTICS_END.test(lines[end]!)) return undefined;
  const text = lines.slice(from, end + 1).join('\n');
  const server = DIAGNOSTICS_SERVER.exec(text)?.[1];
  const build = DIAGNOSTICS_BUILD.exec(text)?.[1];
  if (!server || !build) return undefined;
  return { block: ['', `Name : ${server}`, `AdminDisplayVersion : ${build}`, ''], end };
}

export function structuredLines(lines: readonly string[]): string[] {
  const out: string[] = [];
  // Brackets that span several lines but hold no JSON are scanned at most this many times (each scan may run to the
  // paste's end: a paste of thousands of "{" lines would otherwise cost the square of its length).
  let failedScans = 0;
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]!;
    // "[" or "{" alone, or followed by a quote or another bracket: "[PS] C:\>" and "[10:41] Ann" are no JSON.
    if (failedScans < MAX_FAILED_SCANS && /^\s*(?:[[{]\s*$|[[{]\s*["{[])/.test(line)) {
      const end = jsonEnd(lines, i);
      if (!end || end.line > i) failedScans += 1;
      if (end) {
        const span = lines.slice(i, end.line + 1);
        const after = span[span.length - 1]!.slice(end.column);
        span[span.length - 1] = span[span.length - 1]!.slice(0, end.column);
        let blocks: string[] | undefined;
        try {
          blocks = listBlocks(JSON.parse(span.join('\n')));
        } catch {
          blocks = /"\s*:/.test(span.join('\n')) ? looseJsonLines(span) : undefined;
        }
        if (blocks) {
          if (end.line > i) failedScans -= 1;
          out.push('', ...blocks, '');
          if (after.trim() !== '') out.push(after.trim().replace(/^<-\s*/, ''));
          i = end.line;
          continue;
        }
      } else if (JSON_KEY.test(lines[i + 1] ?? '')) {
        // Cut short before its closing bracket: what is there is still read.
        const rest = lines.slice(i);
        const stop = rest.findIndex((l, k) => k > 0 && l.trim() !== '' && !JSON_KEY.test(l) && !/^\s*[[\]{},]+\s*$/.test(l));
        const span = stop < 0 ? rest : rest.slice(0, stop);
        out.push('', ...looseJsonLines(span), '');
        i += span.length - 1;
        continue;
      }
    }
    const diagnostics = DIAGNOSTICS_START.test(line) ? diagnosticsBlock(lines, i) : undefined;
    if (diagnostics) {
      out.push(...diagnostics.block);
      i = diagnostics.end;
      continue;
    }
    // Export-Clixml (q04): <S N="Name">EX01</S> is "Name : EX01"; each top-level <Obj> a Format-List block of its own, and a
    // property that is an object of its own (<Obj N="AdminDisplayVersion">) takes its <ToString>.
    const clixml = CLIXML_PROPERTY.exec(line);
    if (clixml) {
      out.push(`${clixml[2]} : ${xmlText(clixml[3]!)}`);
      continue;
    }
    const clixmlObject = CLIXML_OBJECT.exec(line);
    if (clixmlObject) {
      if (clixmlObject[1] === undefined) out.push('');
      else {
        const toString = lines.slice(i + 1, i + 12).find((l) => CLIXML_TO_STRING.test(l));
        if (toString) out.push(`${clixmlObject[1]} : ${xmlText(CLIXML_TO_STRING.exec(toString)![1]!)}`);
      }
      continue;
    }
    if (CLIXML_OTHER.test(line)) {
      if (/^\s*<\/Objs>/.test(line)) out.push('');
      continue;
    }
    const transposed = TRANSPOSED_HEAD.test(line) ? transposedBlocks(lines, i) : undefined;
    if (transposed) {
      out.push(...transposed.blocks);
      i = transposed.end;
      continue;
    }
    const header = wmicHeader(line);
    const next = lines[i + 1];
    if (header && next !== undefined && next.trim() !== '' && !/^\s*-{2,}/.test(next)) {
      let dashes = '';
      for (const c of header) dashes = `${dashes.padEnd(c.start)}${'-'.repeat(c.word.length)}`;
      out.push(line, dashes);
      continue;
    }
    out.push(line);
  }
  return out;
}
