import type { KnowledgeBase } from '../knowledge-base';
import type { Facts } from '../reading/fact-recognizer';
import { describeBuilds, findBuildsWide } from '../reading/build-numbers';
import { listingDesign } from './listing-design';
import { MAX_LISTING_LINES, mayHoldListing, parseListing } from './listing-parser';
import { listingView, type ListingView } from './listing-reply';
import { isTypedDesign } from './typed-design';

/** What a message holding a pasted listing gets: its view, or why it is not read as one. */
export type ListingAnswer = { kind: 'listing'; view: ListingView } | { kind: 'too-long'; lines: number; limit: number } | { kind: 'none' };

/** Longest text read as a listing, in characters: a few thousand lines of PowerShell output (the line bound is {@link MAX_LISTING_LINES}). */
export const MAX_LISTING_CHARACTERS = 512 * 1024;

/**
 * A pasted listing (two or more servers, a DAG, or one server's command output) read, grouped and judged; `none` for anything
 * else, so the message goes on to the ordinary routes. Text longer than
 * {@link MAX_LISTING_CHARACTERS} is not read at all and counts as too long.
 */
export function answerListing(
  text: string,
  kb: Pick<KnowledgeBase, 'builds' | 'recognizer' | 'decide' | 'nextStep' | 'dimensions' | 'knownFacts' | 'setups'> & Partial<Pick<KnowledgeBase, 'coexistence' | 'assumedFacts'>>,
  answers: Facts = {},
): ListingAnswer {
  if (text.length > MAX_LISTING_CHARACTERS) return { kind: 'too-long', lines: countLines(text), limit: MAX_LISTING_LINES };
  // A one-line question the parser provably reads as no listing is not parsed at all (issue 24).
  if (!mayHoldListing(text)) return { kind: 'none' };
  const listing = parseListing(text, kb.builds);
  if (listing.kind === 'too-long') return listing;
  if (listing.kind !== 'listing' || !clearlyAListing(listing)) return { kind: 'none' };
  const view = listingView(listing, listingDesign(listing, kb, answers), kb.dimensions);
  // A build named in the words around the paste ("is 15.2.1999.1 even real?") is said what it is too.
  const said = new Set(view.buildLines);
  for (const line of describeBuilds(findBuildsWide(listing.rest, kb.builds), kb.builds)) if (!said.has(line)) view.buildLines.push(line);
  return { kind: 'listing', view };
}

/**
 * Two servers or a DAG; or one server as command output shows it (Get-ExchangeServer's table or list,
 * a ticket's "Server: / Version:" form) with its build or version, or as a line led by its name that
 * gives its build ("EX01 is on 15.2.1258.12, win 2019 std, single box": the reply names the server and
 * what its build is). A sentence that names a server along the way ("is our MAIL01 on 15.2.1544.4
 * supported?") stays a question for the guided check, which reads the build too.
 */
function clearlyAListing(listing: Extract<ReturnType<typeof parseListing>, { kind: 'listing' }>): boolean {
  // A design typed one group a line goes to the design reader, which reads every line (see typed-design.ts).
  if (isTypedDesign(listing)) return false;
  if (listing.servers.length >= 2 || listing.dags.length > 0) return true;
  const [only] = listing.servers;
  if (only === undefined) return false;
  if (listing.typedLine && only.build !== undefined) return true;
  return listing.fromOutput && (only.build !== undefined || only.majorMinor !== undefined || only.named !== undefined);
}

function countLines(text: string): number {
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines += 1;
  return lines;
}

/** The reply to a listing beyond the bound, naming the file when it came as one. */
export function tooLongListingMessage(lines: number, limit: number, file?: string): string {
  return `${file ?? 'That paste'} has ${lines.toLocaleString('en-US')} lines; I read listings of up to ${limit.toLocaleString('en-US')} lines (a few thousand servers' worth). Please send it in parts, for example one site or one DAG at a time.`;
}
