import type MiniSearch from 'minisearch';
import type { SearchResult } from 'minisearch';
import { BoundedCache } from '../bounded-cache';

/** What one query term found in one document: its score for that term and where each index term matched. */
interface TermHit {
  id: string;
  score: number;
  match: Record<string, string[]>;
}

/**
 * A MiniSearch OR query over given terms, answered from memoised per-term results: on a small
 * index the same words come back question after question, and MiniSearch's per-term work (the
 * fuzzy walk of the term tree, prefix matches, BM25 per field) is most of a search's time.
 *
 * The results are those of `index.search(text, { tokenize: () => terms })`, to the bit: MiniSearch
 * scores each term on its own, adds the terms' scores per document in query order, multiplies by
 * the number of distinct terms matched and sorts stably by score, with documents in the order they
 * were first met; this does the same from each term's own search. The order in which a term's search
 * meets documents (which decides ties) is read through `boostDocument`, which returns 1 (no change).
 *
 * The memo is a {@link BoundedCache} shared by any number of indexes (`scope` tells their entries
 * apart), bounded in entries and bytes: users choose the words.
 */
export class MemoisedTermSearch {
  constructor(
    private readonly index: MiniSearch,
    private readonly memo: BoundedCache<string, readonly TermHit[]>,
    private readonly scope = '',
  ) {}

  search(terms: readonly string[]): SearchResult[] {
    // `own` tells a match record of this search from one still shared with the memo (copied when first merged into).
    const combined = new Map<string, { score: number; terms: string[]; match: Record<string, string[]>; own: boolean }>();
    for (const term of terms) {
      if (!term) continue;
      for (const hit of this.termHits(term)) {
        const existing = combined.get(hit.id);
        if (existing === undefined) {
          combined.set(hit.id, { score: hit.score, terms: [term], match: hit.match, own: false });
        } else {
          existing.score = existing.score + hit.score;
          existing.match = Object.assign(existing.own ? existing.match : { ...existing.match }, hit.match);
          existing.own = true;
          if (!existing.terms.includes(term)) existing.terms.push(term);
        }
      }
    }
    const results: SearchResult[] = [];
    for (const [id, { score, terms: queryTerms, match }] of combined) {
      // A match record still shared with the memo is frozen-in-practice: callers only read results.
      results.push({ id, score: score * (queryTerms.length || 1), terms: Object.keys(match), queryTerms, match });
    }
    return results.sort((a, b) => b.score - a.score);
  }

  private termHits(term: string): readonly TermHit[] {
    const key = this.scope === '' ? term : `${this.scope}\u0000${term}`;
    let hits = this.memo.get(key);
    if (hits === undefined) {
      const met = new Set<string>();
      const byId = new Map<string, SearchResult>();
      for (const result of this.index.search(term, {
        tokenize: () => [term],
        boostDocument: (id) => {
          met.add(id as string);
          return 1;
        },
      })) {
        byId.set(result.id as string, result);
      }
      hits = [...met].map((id) => {
        const result = byId.get(id)!;
        return { id, score: result.score, match: result.match };
      });
      this.memo.set(key, hits);
    }
    return hits;
  }
}

/** A memo for {@link MemoisedTermSearch}, bounded in entries and approximate bytes. */
export function termMemo(maxEntries: number, maxBytes: number): BoundedCache<string, readonly TermHit[]> {
  return new BoundedCache<string, readonly TermHit[]>({ maxEntries, maxBytes, sizeOf: weighHits });
}

/** Approximate bytes of a term's hits: an object per document, its match record and field lists. */
function weighHits(hits: readonly TermHit[]): number {
  let bytes = 32;
  for (const hit of hits) {
    bytes += 72;
    for (const term in hit.match) bytes += 56 + term.length * 2 + 8 * hit.match[term]!.length;
  }
  return bytes;
}
