import { BotState, ConversationState, UserState, type Storage, type StoreItem, type TurnContext } from 'botbuilder';
import { NEW_ITEM_ETAG } from '../../turn';

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
 * Optimistic concurrency for one BotState. botbuilder's `BotState.saveChanges` writes with eTag `*`
 * (last writer wins), so two instances running turns of one conversation at once would silently
 * drop one turn's changes. Here a save carries the eTag the turn read, or {@link NEW_ITEM_ETAG} when
 * there was nothing, and the storage refuses it if another turn wrote in between.
 *
 * The turn's state is kept here rather than in BotState's own cache, whose load and save each take a
 * sha256 of the whole state (4 a turn, on a dialog state of several KB): a change is told by the
 * state's JSON, taken once when read and once when saved.
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

/** A BotState class such as ConversationState or UserState. */
// TypeScript mixins require a constructor type with `any[]` arguments.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the mixin constructor type TypeScript demands
type BotStateClass = new (...args: any[]) => BotState;

/**
 * Adds optimistic saves (see {@link ReadVersions}) to a BotState class. A mixin because
 * ConversationState and UserState differ only in their storage key, which `storageKey` gives.
 * Every method that touches BotState's per-turn cache is replaced, so only {@link ReadVersions} holds the turn's state.
 */
function withOptimisticSaves<TBase extends BotStateClass>(Base: TBase) {
  return class extends Base {
    private readonly versions = new ReadVersions();

    override async load(context: TurnContext, force = false): Promise<StoreItem> {
      const known = this.versions.get(context);
      if (known && !force) return known.state;
      const key = await this.storageKey(context);
      const items = await this.storage.read([key]);
      return this.versions.loaded(context, items[key]);
    }

    override get(context: TurnContext): StoreItem | undefined {
      return this.versions.get(context)?.state;
    }

    override async clear(context: TurnContext): Promise<void> {
      this.versions.cleared(context);
    }

    override async delete(context: TurnContext): Promise<void> {
      this.versions.forget(context);
      await this.storage.delete([await this.storageKey(context)]);
    }

    override async saveChanges(context: TurnContext, force = false): Promise<void> {
      await this.versions.save(context, force, this.storage, () => this.storageKey(context));
    }
  };
}

/**
 * `ConversationState` whose saves fail with an eTag conflict instead of overwriting a change another
 * instance made to the same conversation since this turn read it.
 */
export class OptimisticConversationState extends withOptimisticSaves(ConversationState) {}

/** `UserState` with the same optimistic saves as {@link OptimisticConversationState}. */
export class OptimisticUserState extends withOptimisticSaves(UserState) {}
