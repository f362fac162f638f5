import { valueLabel, type KnowledgeBase } from '../knowledge';

/*
 * "can we go straight from this to SE?", "can we just upgrade this one in place to SE?" after a verdict on a retired
 * version (issue 21, helper v21): the way to Exchange SE, read from the tables the direct answers read. An in-place
 * upgrade where the how-to table holds one for that version (Exchange 2019 CU14/CU15, M-11); otherwise the hops the
 * coexistence table allows (each newer version joins an organization of the older one), each with its status.
 */

/** A move asked about: "upgrade", "migrate", "move to", "go straight to", "path", "in place". */
const ASKS_MOVE = /\b(upgrad\w*|migrat\w*|move|moving|go|jump|get|switch|path|in[\s-]place|straight|directly)\b/i;

/** At most this many hops are looked for (2000 to SE takes four). */
const MAX_HOPS = 5;

/** The move's target is Exchange SE: "to SE", "onto Subscription Edition", "-> SE". */
const TO_SE = /(?:\b(?:to|onto|into|towards?)|->|→)\s+(?:the\s+)?(?:exchange\s+)?(?:server\s+)?(?:se|subscription edition)\b/i;

export function movesToSe(text: string): boolean {
  return TO_SE.test(text);
}

export function asksForMove(text: string): boolean {
  return ASKS_MOVE.test(text);
}

type Tables = Pick<KnowledgeBase, 'coexistence' | 'howTo' | 'dimensions'>;

/** The line saying how Exchange `version` gets to SE, or undefined when the tables hold nothing for it. */
export function migrationLine(kb: Tables, version: string): string | undefined {
  const label = (v: string) => valueLabel(kb.dimensions, 'version', v);
  const inPlace = kb.howTo.find((e) => e.asks.target === 'se' && e.asks.versions?.includes(version) && /\bin place\b/i.test(e.answer) && e.status !== 'recalled');
  if (inPlace) return `Upgrade path: ${inPlace.answer}`;
  const hops = shortestPath(kb, version);
  if (!hops) return undefined;
  const steps = hops.map((hop) => {
    const status = hop.status === 'verified' ? '' : hop.status === 'read-3p' ? ' (according to third-party sources)' : ' (recalled, not confirmed)';
    return `${label(hop.version)} can join an organization with ${label(hop.with)}${hop.minimum ? ` (${hop.minimum})` : ''}${status}`;
  });
  const direct = hops.length === 1;
  const head = direct
    ? `Upgrade path: ${label(version)} has no in-place upgrade to ${label('se')}; new ${label('se')} servers join the organization and the mailboxes move to them: `
    : `Upgrade path: no direct move from ${label(version)} to ${label('se')}; ${label('se')} cannot join an organization that still has ${label(version)}. Step by step, each newer version joining the organization before the older one is removed: `;
  return `${head}${steps.join('; ')}.`;
}

/** The fewest coexistence hops from `version` to SE, the newest version first at each hop (breadth-first, bounded). */
function shortestPath(kb: Tables, version: string): Tables['coexistence'][number][] | undefined {
  const order = kb.dimensions.find((d) => d.id === 'version')?.values.map((v) => v.id) ?? [];
  const newestFirst = (a: string, b: string) => order.indexOf(b) - order.indexOf(a);
  let frontier: { at: string; path: Tables['coexistence'][number][] }[] = [{ at: version, path: [] }];
  const seen = new Set([version]);
  for (let hop = 0; hop < MAX_HOPS && frontier.length > 0; hop += 1) {
    const next: typeof frontier = [];
    for (const { at, path } of frontier) {
      const rows = kb.coexistence.filter((row) => row.with === at && row.supported && !seen.has(row.version)).sort((a, b) => newestFirst(a.version, b.version));
      for (const row of rows) {
        if (row.version === 'se') return [...path, row];
        seen.add(row.version);
        next.push({ at: row.version, path: [...path, row] });
      }
    }
    frontier = next;
  }
  return undefined;
}
