import type { Dimension } from '../loading/schemas';
import type { Facts } from '../reading/fact-recognizer';
import type { SearchAnswer } from './search';

/** Facts that only say which product a question is about, not what it asks. */
const SUBJECT_DIMENSIONS: ReadonlySet<string> = new Set(['version', 'update', 'edition', 'windows', 'windowsEdition', 'architecture']);

/**
 * True when a question asks about a topic the check names back but never judges (hardware, backups,
 * antivirus, certificates, virtualisation, storage, cloud hosting: fact-dimensions.yaml's
 * `evaluated: false` set) and about nothing else but the product: "exchange 2019 hardware
 * requirements", "best backup software for exchange 2019". No article holds those topics, so a
 * passage found for the product ("SE has the same hardware requirements as 2019 CU15") is near the
 * question, not an answer to it.
 */
export function asksUnjudgedTopic(facts: Facts, dimensions: readonly Dimension[]): boolean {
  const named = Object.keys(facts);
  const unjudged = named.filter((d) => {
    const dimension = dimensions.find((x) => x.id === d);
    return dimension?.evaluated === false && dimension.type === 'set';
  });
  // The product is named ("should exchange binaries go on the shared disk" is about a cluster's disks, not hardware sizing).
  const product = named.some((d) => SUBJECT_DIMENSIONS.has(d));
  return unjudged.length > 0 && product && named.every((d) => unjudged.includes(d) || SUBJECT_DIMENSIONS.has(d));
}

/** The search's answer made suggestions only: what it does for any answer near the question but not to it. */
export function asSuggestionsOnly(found: SearchAnswer, max: number): SearchAnswer {
  if (!found.best) return found;
  return { related: [], hits: found.hits, suggestions: found.hits.slice(0, max) };
}
