import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { scoreListings, type Entry } from '../../bench/listings';
import type { KnowledgeBase } from '../../knowledge';
import { parseListing, type ListingResult } from '../../knowledge/listings/listing-parser';
import { REPO_ROOT } from './helpers';

/** A paste read as a listing. */
export type Listing = Extract<ListingResult, { kind: 'listing' }>;

/** Reads a paste that must be a listing (the assertion names the paste otherwise). */
export function listingReader(kb: KnowledgeBase): (text: string) => Listing {
  return (text) => {
    const read = parseListing(text, kb.builds);
    assert.equal(read.kind, 'listing', text);
    return read as Listing;
  };
}

/** Scores a tuning set (a path under the repository) and asserts its size, so a set cut short cannot pass; returns its misses. */
export function tuningSetMisses(kb: KnowledgeBase, set: string, least: { entries: number; groups: number }): ReturnType<typeof scoreListings>['misses'] {
  const entries = parse(readFileSync(join(REPO_ROOT, set), 'utf8')) as Entry[];
  const { figures, misses } = scoreListings(kb, entries);
  assert.ok(figures.groups >= least.groups && entries.length >= least.entries, `${set}: ${entries.length} listings, ${figures.groups} groups`);
  return misses;
}

/** The group holding a server (the assertion names it otherwise). */
export function groupHolding<G extends { servers: readonly { name: string }[] }>(groups: readonly G[], name: string): G {
  const found = groups.find((g) => g.servers.some((s) => s.name === name));
  assert.ok(found, `no group holds ${name}`);
  return found;
}
