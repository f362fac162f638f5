/**
 * The channels each Bot Framework signing key may sign for (the `endorsements` of its JWKS entry).
 * botbuilder refuses a channel token whose key is not endorsed for the activity's channel; the Agents
 * SDK does not read endorsements, so the Agents host does, from the same keys document the SDK
 * verified the signature with.
 *
 * Bounded: one document per keys URL (a handful: the Bot Framework's, and a test's), kept
 * {@link KEYS_TTL_MS}; a key id not listed fetches the document again at most once per
 * {@link REFETCH_MS}, so a stream of made-up key ids cannot turn into a stream of fetches.
 */
const KEYS_TTL_MS = 60 * 60_000;
const REFETCH_MS = 60_000;
const FETCH_TIMEOUT_MS = 5_000;
const MAX_DOCUMENTS = 8;

interface KeysDocument {
  fetchedAt: number;
  endorsements: Map<string, string[]>;
}

export class KeyEndorsements {
  private readonly documents = new Map<string, KeysDocument>();
  private readonly pending = new Map<string, Promise<KeysDocument>>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Throws unless key `kid` of `keysUrl` is endorsed for `channelId` (no channel id: nothing to check, as botbuilder). */
  async requireEndorsed(keysUrl: string, kid: string | undefined, channelId: string): Promise<void> {
    if (channelId === '') return;
    let document = await this.document(keysUrl, false);
    if (kid !== undefined && !document.endorsements.has(kid) && this.now() - document.fetchedAt > REFETCH_MS) document = await this.document(keysUrl, true);
    const endorsed = kid === undefined ? undefined : document.endorsements.get(kid);
    if (!endorsed || !endorsed.includes(channelId)) throw new Error(`Unauthorized. The signing key has no endorsement for channel ${channelId.slice(0, 100)}.`);
  }

  private async document(keysUrl: string, refresh: boolean): Promise<KeysDocument> {
    const cached = this.documents.get(keysUrl);
    if (cached && !refresh && this.now() - cached.fetchedAt < KEYS_TTL_MS) return cached;
    let fetching = this.pending.get(keysUrl);
    if (!fetching) {
      fetching = fetchEndorsements(keysUrl, this.now()).finally(() => this.pending.delete(keysUrl));
      this.pending.set(keysUrl, fetching);
    }
    const fetched = await fetching;
    this.documents.delete(keysUrl);
    this.documents.set(keysUrl, fetched);
    while (this.documents.size > MAX_DOCUMENTS) this.documents.delete(this.documents.keys().next().value!);
    return fetched;
  }
}

async function fetchEndorsements(keysUrl: string, fetchedAt: number): Promise<KeysDocument> {
  const response = await fetch(keysUrl, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  if (!response.ok) throw new Error(`Unauthorized. The signing keys could not be read (${response.status}).`);
  const body = (await response.json()) as { keys?: unknown };
  const endorsements = new Map<string, string[]>();
  for (const key of Array.isArray(body.keys) ? body.keys : []) {
    const { kid, endorsements: listed } = (key ?? {}) as { kid?: unknown; endorsements?: unknown };
    if (typeof kid !== 'string') continue;
    endorsements.set(kid, Array.isArray(listed) ? listed.filter((e): e is string => typeof e === 'string') : []);
  }
  return { fetchedAt, endorsements };
}
