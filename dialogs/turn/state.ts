import type { TurnContext } from './turn-context';

/**
 * An item in storage: JSON, with the `eTag` it had when read. Writing it back with that eTag
 * succeeds only if nobody wrote it in between; `*` (or no eTag) overwrites whatever is there; and
 * {@link NEW_ITEM_ETAG} succeeds only if the item does not exist yet.
 */
export interface StoreItem {
  eTag?: string;
  [property: string]: unknown;
}

/** Items by key. */
export type StoreItems = Record<string, StoreItem | undefined>;

/**
 * The `eTag` to write an item with when it did not exist at read time: the write must fail if the
 * item exists by then (another instance created it first).
 */
export const NEW_ITEM_ETAG = 'new-item';

/**
 * Where state lives (bot/storage/: the bounded memory store, the Azure Blob store). The shape of
 * botbuilder's `Storage`, so both SDKs' stores fit it, with optimistic concurrency as the rule: a
 * write whose eTag no longer matches (or a {@link NEW_ITEM_ETAG} write of an item that exists)
 * rejects with an error that `isETagConflict` (bot/storage/etag-conflict.ts) recognises, and
 * writes nothing.
 *
 * Keys are those botbuilder used, so state saved before stays readable:
 * `<channelId>/conversations/<conversationId>/` and `<channelId>/users/<userId>/`.
 */
export interface Storage {
  /** The items that exist among `keys`; a key without an item is absent from the result. */
  read(keys: string[]): Promise<StoreItems>;
  /** Writes every item, each checked against its own eTag. */
  write(changes: StoreItems): Promise<void>;
  delete(keys: string[]): Promise<void>;
}

/**
 * A conversation's or a user's state for one turn: read from storage once (on first use), changed
 * in memory, and saved at the end of the turn only if it changed, with the eTag it was read with,
 * so a turn never overwrites what another instance saved meanwhile: the save rejects and the bot
 * runs the turn again on the newer state.
 */
export interface TurnState {
  /** The state of this turn's conversation (or user): read from storage on first use, or again with `force`. */
  load(turn: TurnContext, force?: boolean): Promise<StoreItem>;
  /** The state read this turn, or undefined if it was not read. */
  get(turn: TurnContext): StoreItem | undefined;
  /** Saves the state if it changed since read (or always, with `force`), with the eTag read; rejects on a conflict. */
  saveChanges(turn: TurnContext, force?: boolean): Promise<void>;
  /** One named value of the state, e.g. the dialog stack or the last verdict. */
  property<T>(name: string): StateProperty<T>;
}

/** One value of a {@link TurnState}; reading it loads the state if the turn has not yet. */
export interface StateProperty<T> {
  get(turn: TurnContext): Promise<T | undefined>;
  set(turn: TurnContext, value: T): Promise<void>;
  delete(turn: TurnContext): Promise<void>;
}
