import type { Facts } from '../reading/fact-recognizer';
import type { SetupOutcome } from '../rules/support-check';
import type { SupportRule } from '../rules/support-rules';
import type { DirectAnswer, DirectQuestion } from './direct-answer';
import { allowed, articleFor, label, listOf, sourcesOf, type AnswerTables } from './table-access';

/** The Windows table article. */
const WINDOWS_ARTICLE = 'EXB-010';

/** What the check says about one Exchange version on one Windows release. */
export interface PlatformFinding {
  windows: string;
  /** Some setup of this version on this release is supported. */
  runs: boolean;
  /** The first update level from which it runs (undefined: every level, or the version has none). */
  fromUpdate?: string;
  /** The Windows editions under which some setup is supported. */
  editions: string[];
  /** The rules that refuse it, when it never runs. */
  refusedBy: readonly SupportRule[];
}

/**
 * Whether an Exchange version runs on a Windows release, from which update level and in which
 * editions: worked out from the check's own outcomes (a setup "runs" when some role and
 * technology on it is supported), so the answer and a verdict cannot disagree.
 */
export function platformFinding(tables: AnswerTables, version: string, windows: string, update?: string, more: Facts = {}): PlatformFinding {
  const known: Facts = { ...more, version, windows, ...(update ? { update } : {}) };
  const setups = tables.setups(known);
  const good = setups.filter(allowed);
  const editions = tables
    .valuesFor('windowsEdition', known)
    .filter((e) => good.some((s) => s.facts.windowsEdition === e.id))
    .map((e) => e.id);
  let fromUpdate: string | undefined;
  const updates = update ? [] : tables.valuesFor('update', { version });
  if (good.length > 0 && updates.length > 0) {
    const first = updates.find((u) => good.some((s) => s.facts.update === u.id));
    if (first && first.id !== updates[0]!.id) fromUpdate = first.id;
  }
  return { windows, runs: good.length > 0, ...(fromUpdate ? { fromUpdate } : {}), editions, refusedBy: good.length > 0 ? [] : commonRules(setups) };
}

function commonRules(setups: readonly SetupOutcome[]): SupportRule[] {
  if (setups.length === 0) return [];
  return setups[0]!.rules.filter((rule) => setups.every((s) => s.rules.includes(rule)));
}

/** "Windows Server 2016 (from Exchange 2016 CU3 or later)". */
function windowsWithUpdate(tables: AnswerTables, finding: PlatformFinding): string {
  const name = label(tables, 'windows', finding.windows);
  return finding.fromUpdate ? `${name} (from ${label(tables, 'update', finding.fromUpdate)})` : name;
}

function editionsText(tables: AnswerTables, finding: PlatformFinding): string {
  return listOf(
    finding.editions.map((e) => label(tables, 'windowsEdition', e)),
    'or',
  );
}

/** Which Windows releases (and editions) an Exchange version, or one update level of it, runs on. */
export function windowsReleasesAnswer(tables: AnswerTables, question: DirectQuestion): DirectAnswer | undefined {
  const { version, update, ha } = question.subject;
  if (!version) return undefined;
  // "windows editions supported for a 2010 dag": the releases and editions where that technology is allowed
  // (Exchange 2010's DAG needs Enterprise or Datacenter on Windows Server 2008 and 2008 R2), not the server's alone.
  const more: Facts = ha !== undefined ? { ha } : {};
  const findings = tables.valuesFor('windows', { version }).map((w) => platformFinding(tables, version, w.id, update, more));
  const runs = findings.filter((f) => f.runs);
  const versionName = update ? label(tables, 'update', update) : label(tables, 'version', version);
  const name = ha !== undefined ? `An ${versionName} ${lowerFirst(label(tables, 'ha', ha))}` : versionName;
  const refusing = findings.flatMap((f) => f.refusedBy);
  const basis = [...new Set(refusing.flatMap((r) => r.basis))];
  const answer = runs.length === 0 ? `${name} runs on none of the Windows releases the table knows.` : `${name} runs on ${listOf(runs.map((f) => windowsWithUpdate(tables, f)))}.`;
  const details = runs.map((f) => `${label(tables, 'windows', f.windows)}: ${editionsText(tables, f)}${f.fromUpdate ? `, from ${label(tables, 'update', f.fromUpdate)}` : ''}`);
  return {
    question,
    answer,
    details,
    sources: sourcesOf(tables, basis),
    articleId: articleFor(tables, basis, [WINDOWS_ARTICLE]) ?? WINDOWS_ARTICLE,
    checkFacts: { version, ...(update ? { update } : {}), ...more },
  };
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** Which Exchange versions run on a Windows release. */
export function exchangeVersionsAnswer(tables: AnswerTables, question: DirectQuestion): DirectAnswer | undefined {
  const { windows } = question.subject;
  if (!windows) return undefined;
  const findings = tables.valuesFor('version', {}).map((v) => ({ version: v.id, finding: platformFinding(tables, v.id, windows) }));
  const runs = findings.filter((f) => f.finding.runs);
  const basis = [...new Set(findings.flatMap((f) => f.finding.refusedBy.flatMap((r) => r.basis)))];
  const name = label(tables, 'windows', windows);
  const versions = runs.map((f) => `${label(tables, 'version', f.version)}${f.finding.fromUpdate ? ` (from ${label(tables, 'update', f.finding.fromUpdate)})` : ''}`);
  return {
    question,
    answer: runs.length === 0 ? `No Exchange version the table knows runs on ${name}.` : `${listOf(versions)} run${runs.length === 1 ? 's' : ''} on ${name}.`,
    details: [],
    sources: sourcesOf(tables, basis),
    articleId: WINDOWS_ARTICLE,
    checkFacts: { windows },
  };
}

/** Does a version (or update level) run on a Windows release, and from which update level; or which editions. */
export function runsOnAnswer(tables: AnswerTables, question: DirectQuestion): DirectAnswer | undefined {
  const { version, windows, update } = question.subject;
  if (!version || !windows) return undefined;
  const finding = platformFinding(tables, version, windows, update);
  const name = update ? label(tables, 'update', update) : label(tables, 'version', version);
  const windowsName = label(tables, 'windows', windows);
  const checkFacts = { version, windows, ...(update ? { update } : {}) };
  // "will exchange 2019 run on windows server 2019 essentials": an edition named that no supported setup uses.
  const edition = question.subject.windowsEdition;
  if (finding.runs && edition !== undefined && !finding.editions.includes(edition)) {
    const refused = tables.setups({ ...checkFacts, windowsEdition: edition });
    const rule = commonRules(refused).find((r) => r.verdict === 'not-supported') ?? refused[0]?.rules.find((r) => r.verdict === 'not-supported');
    return {
      question,
      answer: `No: ${name} does not run on ${windowsName} ${label(tables, 'windowsEdition', edition)}; it runs there on ${editionsText(tables, finding)}.${rule ? ` ${rule.reason}` : ''}`,
      details: rule ? [rule.recommendation] : [],
      sources: sourcesOf(tables, rule ? rule.basis : platformBasis(tables, version)),
      articleId: articleFor(tables, [], [rule?.articles[0] ?? WINDOWS_ARTICLE]) ?? WINDOWS_ARTICLE,
      checkFacts: { ...checkFacts, windowsEdition: edition },
    };
  }
  if (!finding.runs) {
    const rule = finding.refusedBy[0];
    return {
      question,
      answer: `No: ${name} does not run on ${windowsName}.${rule ? ` ${rule.reason}` : ''}`,
      details: rule ? [rule.recommendation] : [],
      sources: sourcesOf(
        tables,
        finding.refusedBy.flatMap((r) => r.basis),
      ),
      articleId: articleFor(tables, [], [rule?.articles[0] ?? WINDOWS_ARTICLE]) ?? WINDOWS_ARTICLE,
      checkFacts,
    };
  }
  // The rules that refuse the earlier update levels say where the update requirement comes from.
  const earlier = finding.fromUpdate ? platformRefusals(tables, version, windows, finding.fromUpdate) : [];
  const fromText = finding.fromUpdate ? ` from ${label(tables, 'update', finding.fromUpdate)}` : ' at every update level';
  const editions = editionsText(tables, finding);
  let answer: string;
  if (question.attribute === 'from-update') {
    answer = finding.fromUpdate
      ? `From ${label(tables, 'update', finding.fromUpdate)}: ${name} runs on ${windowsName} from that update level (${editions}).`
      : `${name} runs on ${windowsName} at every update level (${editions}).`;
  } else if (question.attribute === 'windows-editions') {
    answer = `${name} runs on ${windowsName} ${editions}${finding.fromUpdate ? `, from ${label(tables, 'update', finding.fromUpdate)}` : ''}.`;
  } else {
    answer = `Yes: ${name} runs on ${windowsName}${update ? '' : fromText} (${editions}).`;
  }
  const basis = earlier.flatMap((r) => r.basis);
  return {
    question,
    answer,
    details: earlier.length > 0 ? [earlier[0]!.reason] : [],
    sources: sourcesOf(tables, basis.length > 0 ? basis : platformBasis(tables, version)),
    articleId: articleFor(tables, [], [earlier[0]?.articles[0] ?? WINDOWS_ARTICLE]) ?? WINDOWS_ARTICLE,
    checkFacts,
  };
}

/** The rules refusing the update levels before `from`. */
function platformRefusals(tables: AnswerTables, version: string, windows: string, from: string): SupportRule[] {
  const updates = tables.valuesFor('update', { version });
  const before = updates.slice(
    0,
    updates.findIndex((u) => u.id === from),
  );
  return [...new Set(before.flatMap((u) => commonRules(tables.setups({ version, windows, update: u.id }))))];
}

/**
 * {@link platformBasis} per tables and version, worked out once: the tables never change, and the basis walks a
 * version's setups on each of its Windows releases (eleven for Exchange 2003), more than the check keeps in its
 * setups memo, while a rule answer asks it for every stated fact of the version. Bounded: the version comes
 * from the facts read.
 */
const platformBases = new WeakMap<AnswerTables, Map<string, readonly string[]>>();
const PLATFORM_BASES_PER_TABLES = 64;

/** The facts behind a version's host-system rule (what refuses the other releases). */
export function platformBasis(tables: AnswerTables, version: string): string[] {
  let bases = platformBases.get(tables);
  if (!bases) platformBases.set(tables, (bases = new Map()));
  let basis = bases.get(version);
  if (!basis) {
    const refusing = tables.valuesFor('windows', { version }).flatMap((w) => platformFinding(tables, version, w.id).refusedBy);
    basis = Object.freeze([...new Set(refusing.flatMap((r) => r.basis))]);
    if (bases.size >= PLATFORM_BASES_PER_TABLES) bases.clear();
    bases.set(version, basis);
  }
  return [...basis];
}
