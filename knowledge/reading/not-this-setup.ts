import type { PhraseMatch } from './phrase-matcher';
import type { Token } from './text-tokens';

/** A fact a phrase names (the recognizer's Mention, restated here to keep this file free of the recognizer). */
interface Said {
  dimension: string;
  value?: string;
}

/**
 * Words right before a year that make it another product's release, not Exchange's or Windows's: "Outlook 2016
 * clients", "Office 2019", "Hyper-V 2019", "SQL 2019", "SharePoint 2016".
 */
const OTHER_PRODUCTS = new Set([
  'outlook',
  'office',
  'v',
  'hyperv',
  'sql',
  'sharepoint',
  'lync',
  'skype',
  'visio',
  'project',
  'dynamics',
  'crm',
  'sccm',
  'scom',
  'dpm',
  'veeam',
  'exchange2010',
]);

/** Past moves before a version or release: "migrated from 2016 last year", "we upgraded from Exchange 2016 to SE". */
const PAST_MOVES = new Set(['migrated', 'upgraded', 'moved', 'came', 'transitioned', 'switched']);
/** Words that may stand between a past move's "from" and what it left ("from our exchange 2016 servers"). */
const BEFORE_WHAT_WAS = new Set(['our', 'the', 'old', 'exchange', 'windows', 'server', 'an', 'a']);

/** Words saying servers are no longer there: "the old 2013 servers were decommissioned", "2012 R2 boxes are gone". */
const GONE_WORDS = new Set(['gone', 'decommissioned', 'decomissioned', 'decommed', 'retired', 'removed', 'uninstalled', 'demoted']);
/** Words that may stand between a release and the words saying it is gone. */
const BEFORE_GONE = new Set([
  'org',
  'organization',
  'organisation',
  'environment',
  'servers',
  'server',
  'boxes',
  'box',
  'vms',
  'machines',
  'dag',
  'are',
  'were',
  'is',
  'was',
  'have',
  'has',
  'been',
  'already',
  'all',
  'now',
  'long',
  'since',
  'got',
  'exchange',
]);

/** Words before a year that make it a date: "servers bought in 2019", "the old org was removed in 2020", "since 2021". */
const DATE_BEFORE = new Set([
  'since',
  'bought',
  'purchased',
  'installed',
  'built',
  'deployed',
  'removed',
  'decommissioned',
  'retired',
  'migrated',
  'upgraded',
  'created',
  'done',
  'back',
  'finished',
  'started',
  'happened',
  'expired',
  'ended',
]);

/** Words opening a clause about what ran before: "previously we ran 2016 on 2012 R2". */
const PAST_CLAUSE_WORDS = new Set(['previously', 'formerly', 'originally', 'before', 'earlier']);

/** "to replace our 2013 servers": what a new setup replaces (kept beside nothing else, like a past move). */
const REPLACE_WORDS = new Set(['replace', 'replaces', 'replaced', 'replacing']);

/** Servers of other kinds whose own release a message may name: "management server on 2016", "Veeam 12 on a 2019 server", "a 2019 jump box". */
const OTHER_SERVER_WORDS = new Set([
  'management',
  'jump',
  'jumpbox',
  'veeam',
  'sql',
  'print',
  'monitoring',
  'terminal',
  'rds',
  'citrix',
  'adfs',
  'wsus',
  'sccm',
  'scom',
  'pki',
  'dhcp',
  'emt',
]);
/** Said right after the release only: "a 2019 admin box", "a 2016 backup server". */
const OTHER_SERVER_AFTER = new Set([...OTHER_SERVER_WORDS, 'admin', 'backup', 'web', 'tools']);

/** Words after a bare "core" that make it no Server Core: "the core switches", "core network". */
const NOT_SERVER_CORE_AFTER = new Set([
  'switch',
  'switches',
  'network',
  'networks',
  'router',
  'routers',
  'layer',
  'team',
  'infrastructure',
  'services',
  'service',
  'business',
  'banking',
  'systems',
  'system',
  'app',
  'apps',
  'count',
  'counts',
  'licence',
  'licences',
  'license',
  'licenses',
  'licensing',
  'cpu',
  'cpus',
  'processor',
  'processors',
  'site',
  'sites',
]);

/** Words beside a release that make it an Active Directory level ("functional level 2016", "schema at 2019 level"). */
const AD_LEVEL_WORDS = new Set(['functional', 'level', 'ffl', 'dfl', 'schema']);

/** "management tools", "admin shell", "mgmt console": the Exchange tools, said right after an Exchange version. */
const TOOLS_OWNER = new Set(['management', 'admin', 'mgmt', 'administration', 'administrative']);
const TOOLS = new Set(['tools', 'tool', 'shell', 'console']);
/** An Exchange version and no Windows release (a bare "2019" may be either). */
const namesExchangeVersion = (m: PhraseMatch<Said[]>) =>
  m.entry.payload.some((p) => p.dimension === 'version' && p.value !== undefined) && !m.entry.payload.some((p) => p.dimension === 'windows' && p.value !== undefined);
const isYear = (text: string) => /^(?:19|20)\d\d$/.test(text);
const namesRelease = (m: PhraseMatch<Said[]>) => m.entry.payload.some((p) => (p.dimension === 'version' || p.dimension === 'windows') && p.value !== undefined);
const dimensionsOf = (m: PhraseMatch<Said[]>) => new Set(m.entry.payload.filter((p) => p.value !== undefined).map((p) => p.dimension));

/**
 * Mentions that say nothing of the servers the message describes (issue 21, c21: each made a described DAG
 * "Not supported" for a second Exchange version or Windows release it does not have):
 *
 * - a year that is another product's release ("outlook 2016 clients", "hyper-v 2019");
 * - a version or release a past move left ("migrated from 2016 last year", "we upgraded from exchange 2016 to SE"),
 *   when the message names another one of the same kind (the one it runs now);
 * - a version or release said to be gone ("the old 2013 servers were decommissioned"), likewise beside another one;
 * - a bare "core" that is no Server Core ("the core switches", "8 core CPUs").
 */
export function withoutOtherSetups(matches: PhraseMatch<Said[]>[], tokens: readonly Token[], text: string): PhraseMatch<Said[]>[] {
  const gap = (at: number) => (at > 0 && at < tokens.length ? text.slice(tokens[at - 1]!.end, tokens[at]!.start) : '');
  const joined = (at: number) => gap(at) === ' ';
  const dropped = new Set<PhraseMatch<Said[]>>();
  // Dropped for a past move or as gone: kept after all when nothing else of their kind is named.
  const left = new Set<PhraseMatch<Said[]>>();
  for (const m of matches) {
    const first = tokens[m.from]!.text;
    const before = tokens[m.from - 1]?.text;
    // "Outlook 2016", "Hyper-V 2019" (the "v" of "hyper-v"), "SQL 2019": a one-word year after a product's name.
    if (m.to - m.from === 1 && isYear(first) && before !== undefined && OTHER_PRODUCTS.has(before) && (before !== 'v' || tokens[m.from - 2]?.text === 'hyper')) dropped.add(m);
    if (namesRelease(m)) {
      // "migrated from (our exchange) 2016".
      let at = m.from - 1;
      while (at >= 0 && at >= m.from - 4 && BEFORE_WHAT_WAS.has(tokens[at]!.text) && joined(at + 1)) at -= 1;
      if (at >= 1 && tokens[at]!.text === 'from' && joined(at + 1) && PAST_MOVES.has(tokens[at - 1]!.text) && joined(at)) left.add(m);
      // "the old 2013 servers were decommissioned".
      for (let next = m.to; next < tokens.length && next <= m.to + 4 && joined(next); next += 1) {
        if (GONE_WORDS.has(tokens[next]!.text)) {
          left.add(m);
          break;
        }
        if (!BEFORE_GONE.has(tokens[next]!.text)) break;
      }
    }
    // "bought in 2019", "removed in 2020", "since 2021": a date.
    if (m.to - m.from === 1 && isYear(first) && before !== undefined && joined(m.from)) {
      const word = before === 'in' || before === 'during' ? tokens[m.from - 2]?.text : before;
      if (word !== undefined && DATE_BEFORE.has(word) && (before !== 'in' && before !== 'during' ? true : joined(m.from - 1))) dropped.add(m);
    }
    if (namesRelease(m)) {
      let from = m.from;
      while (from > 0 && from > m.from - 6 && joined(from)) from -= 1;
      const run = tokens.slice(from, m.from).map((t) => t.text);
      // "previously we ran 2016 on 2012 R2", "built last month to replace our 2013 servers".
      if (run.some((w) => PAST_CLAUSE_WORDS.has(w) || REPLACE_WORDS.has(w))) left.add(m);
      // "management server on 2016", "backup with Veeam 12 on a 2019 server", "the EMT on a 2019 jump box"; "DC01 and DC02 run windows 2019".
      const next = joined(m.to) ? tokens[m.to]?.text : undefined;
      // "the exchange 2019 management tools", "ex2016 admin tools" (session 14, q24): that Exchange version's own tools, whose
      // version the question is about, not another server's release.
      // "the management tools for exchange 2019" likewise.
      const exchangeTools =
        namesExchangeVersion(m) &&
        !(m.to - m.from === 1 && isYear(tokens[m.from]!.text)) &&
        ((next !== undefined && (next === 'tools' || (TOOLS_OWNER.has(next) && joined(m.to + 1) && TOOLS.has(tokens[m.to + 1]?.text ?? '')))) ||
          run.some((w, i) => TOOLS_OWNER.has(w) && TOOLS.has(run[i + 1] ?? '')));
      if (!exchangeTools && (run.some((w) => OTHER_SERVER_WORDS.has(w) || /^(?:dc|gc|rodc)\d+$/.test(w)) || (next !== undefined && OTHER_SERVER_AFTER.has(next)))) dropped.add(m);
    }
    // "the domain functional level is 2016", "forest functional level 2012 R2", "schema is at 2019 level": Active
    // Directory's levels, not a release any server runs.
    if (namesRelease(m)) {
      let from = m.from;
      while (from > 0 && from > m.from - 4 && joined(from)) from -= 1;
      const before = tokens.slice(from, m.from).map((t) => t.text);
      if (before.some((w) => AD_LEVEL_WORDS.has(w)) || (joined(m.to) && ['level', 'functional'].includes(tokens[m.to]?.text ?? ''))) dropped.add(m);
    }
    // "core switches", "8 core", "16-core": the word, not Server Core. A Windows release's year before it is no count of
    // processor cores: "on windows server 2016 core" is Server Core (session 15, lead: it was dropped, and a single Exchange
    // 2016 server on 2016 Server Core got Supported with conditions).
    if (
      m.to - m.from === 1 &&
      first === 'core' &&
      m.entry.payload.every((p) => p.dimension === 'serverCore') &&
      ((joined(m.to) && NOT_SERVER_CORE_AFTER.has(tokens[m.to]?.text ?? '')) ||
        (before !== undefined && /^\d+$/.test(before) && !/^20(?:08|12|16|19|22|25)$/.test(before) && /^(?: |-)$/.test(gap(m.from))))
    )
      dropped.add(m);
  }
  // A past or gone release is dropped only beside another of the same kind still there: "we migrated from 2016" alone
  // says which version the servers came from, and the check asks rather than guesses.
  const kept = matches.filter((m) => !dropped.has(m) && !left.has(m));
  for (const m of left) {
    if (dropped.has(m)) continue;
    const kinds = dimensionsOf(m);
    // An update ("Exchange 2019 CU15") names its version.
    const kind = (d: string) => (d === 'update' ? 'version' : d);
    if (kept.some((k) => [...dimensionsOf(k)].some((d) => kinds.has(kind(d)) && (kind(d) === 'version' || d === 'windows')))) dropped.add(m);
  }
  return dropped.size === 0 ? matches : matches.filter((m) => !dropped.has(m));
}
