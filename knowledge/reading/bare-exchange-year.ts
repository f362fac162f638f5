import type { PhraseMatch } from './phrase-matcher';
import type { Token } from './text-tokens';

/** A fact a phrase names (the recognizer's Mention, restated here to keep this file free of the recognizer). */
interface Said {
  dimension: string;
  value?: string;
}

/** Years that are both an Exchange version and a Windows release. */
const SHARED_YEARS = new Set(['2000', '2003', '2016', '2019']);
/** The Windows edition words that are also Exchange editions. */
const EDITIONS = new Set(['standard', 'enterprise']);

/**
 * "2003 Enterprise SP2 back-end, single server, Windows Server 2003 Standard SP2", "2003 ent 2-node cluster
 * on w2k3 ent": a bare year read as a Windows release, in a message that names its Windows release in
 * words of its own and no Exchange version, is the Exchange version (with its edition). Read as Windows,
 * the message named no version and went to the search: a dead end (issue 21, g21: w3-after-03, w-after-12).
 * A bare year after "on" stays Windows ("exchange on 2016 std").
 */
export function withBareExchangeYear(matches: PhraseMatch<Said[]>[], tokens: readonly Token[]): PhraseMatch<Said[]>[] {
  // An update that names one version ("Exchange 2019 CU14") settles it; "SP2" alone is several versions' update.
  const settles = (m: PhraseMatch<Said[]>) =>
    m.entry.payload.some((p) => p.dimension === 'version' && p.value !== undefined) || m.entry.payload.filter((p) => p.dimension === 'update').length === 1;
  if (matches.some(settles)) return matches;
  const isWindows = (m: PhraseMatch<Said[]>) => m.entry.payload.some((p) => p.dimension === 'windows' && p.value !== undefined);
  const bareYear = (m: PhraseMatch<Said[]>) => SHARED_YEARS.has(tokens[m.from]?.text ?? '') && tokens[m.from - 1]?.text !== 'on';
  const bare = matches.filter((m) => isWindows(m) && bareYear(m));
  const named = matches.filter((m) => isWindows(m) && !/^\d/.test(tokens[m.from]?.text ?? ''));
  if (bare.length !== 1 || named.length === 0) return matches;
  const year = tokens[bare[0]!.from]!.text;
  return matches.map((m) => {
    if (m !== bare[0]) return m;
    const payload: Said[] = [{ dimension: 'version', value: year }];
    for (const p of m.entry.payload) if (p.dimension === 'windowsEdition' && EDITIONS.has(p.value ?? '')) payload.push({ dimension: 'edition', value: p.value });
    return { ...m, entry: { ...m.entry, payload } };
  });
}
