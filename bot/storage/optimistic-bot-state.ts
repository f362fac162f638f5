import { NEW_ITEM_ETAG, type StateProperty, type Storage, type StoreItem, type TurnContext, type TurnState } from '../../dialogs/turn';

/** What this turn read: the state object, its JSON then, and the eTag it had in storage. */
interface ReadVersion {
  state: StoreItem;
  /** The state as JSON (without its eTag) when read or last written; undefined after `clear`, which must be saved. */
  json: string | undefined;
  /** Undefined when the item did not exist, or after this turn wrote it (the new eTag is not returned). */
  eTag: string | undefined;
  /** True when storage held no item at all when this turn read it. */
  absent: boolean;
}

/**
 * Optimistic concurrency for one state. A last-writer-wins save (botbuilder's `BotState` writes with
 * eTag `*`) would let two instances running turns of one conversation at once silently drop one
 * turn's changes. Here a save carries the eTag the turn read, or {@link NEW_ITEM_ETAG} when there was
 * nothing, and the storage refuses it if another turn wrote in between.
 *
 * A change is told by the state's JSON, taken once when read and once when saved (botbuilder's own
 * cache took a sha256 of the whole state at each load and save).
 */
class ReadVersions {
  private readonly key = Symbol('state version read this turn');

  get(context: TurnContext): ReadVersion | undefined {
    return context.turnState.get(this.key) as ReadVersion | undefined;
  }

  /** After a read from storage: `stored` is the item, or undefined when there was none. */
  loaded(context: TurnContext, stored: StoreItem | undefined): StoreItem {
    const state = stored ?? {};
    const eTag = typeof state.eTag === 'string' && state.eTag !== '*' ? state.eTag : undefined;
    context.turnState.set(this.key, { state, json: jsonOf(state), eTag, absent: stored === undefined } satisfies ReadVersion);
    return state;
  }

  /** `clear`: an emptied object replaces the stored item, so it keeps the eTag that was read, and is saved whatever it holds. */
  cleared(context: TurnContext): void {
    const known = this.get(context);
    context.turnState.set(this.key, { state: {}, json: undefined, eTag: known?.eTag, absent: false } satisfies ReadVersion);
  }

  forget(context: TurnContext): void {
    context.turnState.delete(this.key);
  }

  async save(context: TurnContext, force: boolean, storage: Storage, storageKey: () => Promise<string>): Promise<void> {
    const known = this.get(context);
    if (!known && !force) return;
    const current = known?.state ?? {};
    const json = jsonOf(current);
    if (!force && known?.json !== undefined) {
      if (json === known.json) return;
      // A conversation never stored whose turn left nothing (the dialogs ran and ended): reading
      // nothing next turn is the same, so there is nothing to write.
      if (known.absent && isEmpty(current)) return;
    }
    // A copy: the turn's object keeps the eTag it was read with, should the write be refused.
    await storage.write({ [await storageKey()]: { ...current, eTag: known?.eTag ?? NEW_ITEM_ETAG } });
    // The write's new eTag is not returned: a second save this turn is written as "new" and so
    // refused rather than blind. The bot saves once per turn.
    context.turnState.set(this.key, { state: current, json, eTag: undefined, absent: false } satisfies ReadVersion);
  }
}

/** The state as stored, less its eTag: what tells a change. */
function jsonOf(state: StoreItem): string {
  const { eTag: _eTag, ...rest } = state;
  return JSON.stringify(rest);
}

/** True when every property is unset or a dialog state with nothing on its stack (what DialogSet creates on reading nothing). */
function isEmpty(state: StoreItem): boolean {
  return Object.entries(state).every(([name, value]) => name === 'eTag' || value === undefined || isEmptyDialogState(value));
}

function isEmptyDialogState(value: unknown): boolean {
  if (!value || typeof value !== 'object') return false;
  const keys = Object.keys(value);
  const stack = (value as { dialogStack?: unknown }).dialogStack;
  return keys.length === 1 && Array.isArray(stack) && stack.length === 0;
}

/**
 * A state with optimistic saves (see {@link ReadVersions}), kept under one storage key per turn:
 * the conversation's or the user's, as {@link storageKey} says. The keys are botbuilder's, so state
 * saved by earlier releases is read as it was.
 */
abstract class OptimisticState implements TurnState {
  private readonly versions = new ReadVersions();

  constructor(protected readonly storage: Storage) {}

  /** Where this turn's state lives in storage. */
  abstract storageKey(turn: TurnContext): string;

  async load(turn: TurnContext, force = false): Promise<StoreItem> {
    const known = this.versions.get(turn);
    if (known && !force) return known.state;
    const key = this.storageKey(turn);
    const items = await this.storage.read([key]);
    return this.versions.loaded(turn, items[key]);
  }

  get(turn: TurnContext): StoreItem | undefined {
    return this.versions.get(turn)?.state;
  }

  /** Empties the state; the next save writes the empty state over the one read. */
  async clear(turn: TurnContext): Promise<void> {
    this.versions.cleared(turn);
  }

  /** Deletes the state from storage at once. */
  async delete(turn: TurnContext): Promise<void> {
    this.versions.forget(turn);
    await this.storage.delete([this.storageKey(turn)]);
  }

  async saveChanges(turn: TurnContext, force = false): Promise<void> {
    await this.versions.save(turn, force, this.storage, async () => this.storageKey(turn));
  }

  property<T>(name: string): StateProperty<T> {
    return {
      get: async (turn) => (await this.load(turn))[name] as T | undefined,
      set: async (turn, value) => {
        (await this.load(turn))[name] = value;
      },
      delete: async (turn) => {
        delete (await this.load(turn))[name];
      },
    };
  }
}

/**
 * A conversation's state, whose saves fail with an eTag conflict instead of overwriting a change
 * another instance made to the same conversation since this turn read it.
 */
export class OptimisticConversationState extends OptimisticState {
  storageKey(turn: TurnContext): string {
    const { channelId, conversation } = turn.activity;
    if (!channelId) throw new Error('missing activity.channelId');
    if (!conversation?.id) throw new Error('missing activity.conversation.id');
    return `${channelId}/conversations/${conversation.id}/`;
  }
}

/** A user's state, with the same optimistic saves as {@link OptimisticConversationState}. */
export class OptimisticUserState extends OptimisticState {
  storageKey(turn: TurnContext): string {
    const { channelId, from } = turn.activity;
    if (!channelId) throw new Error('missing activity.channelId');
    if (!from?.id) throw new Error('missing activity.from.id');
    return `${channelId}/users/${from.id}/`;
  }
}
