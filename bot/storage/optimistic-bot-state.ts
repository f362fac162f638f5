import { BotState, ConversationState, UserState, calculateChangeHash, type Storage, type StoreItem, type TurnContext } from 'botbuilder';
import { NEW_ITEM_ETAG } from './etag-conflict';

/** What this turn read: the state object, its hash then, and the eTag it had in storage. */
interface ReadVersion {
  state: StoreItem;
  hash: string;
  /** Undefined when the item did not exist, or after this turn wrote it (the new eTag is not returned). */
  eTag: string | undefined;
}

/**
 * Optimistic concurrency for one BotState. botbuilder's `BotState.saveChanges` writes with eTag `*`
 * (last writer wins), so two instances running turns of one conversation at once would silently
 * drop one turn's changes. Here a save carries the eTag the turn read, or {@link NEW_ITEM_ETAG} when
 * there was nothing, and the storage refuses it if another turn wrote in between.
 */
class ReadVersions {
  private readonly key = Symbol('state version read this turn');

  /** After `load`: remembers the version when the object is a fresh read (not the turn's cached one). */
  loaded(context: TurnContext, state: StoreItem): StoreItem {
    const known = context.turnState.get(this.key) as ReadVersion | undefined;
    if (known?.state !== state) {
      const eTag = typeof state.eTag === 'string' && state.eTag !== '*' ? state.eTag : undefined;
      context.turnState.set(this.key, { state, hash: calculateChangeHash(state), eTag } satisfies ReadVersion);
    }
    return state;
  }

  /** After `clear`: the emptied object replaces the stored item, so it keeps the eTag that was read. */
  cleared(context: TurnContext, state: StoreItem): void {
    const known = context.turnState.get(this.key) as ReadVersion | undefined;
    context.turnState.set(this.key, { state, hash: '', eTag: known?.eTag } satisfies ReadVersion);
  }

  async save(context: TurnContext, state: StoreItem | undefined, force: boolean, storage: Storage, storageKey: () => Promise<string>): Promise<void> {
    const known = context.turnState.get(this.key) as ReadVersion | undefined;
    if (!state && !force) return;
    const current = state ?? {};
    const changed = force || known?.state !== current || calculateChangeHash(current) !== known.hash;
    if (!changed) return;
    // A copy: the turn's object keeps the eTag it was read with, should the write be refused.
    await storage.write({ [await storageKey()]: { ...current, eTag: known?.eTag ?? NEW_ITEM_ETAG } });
    // The write's new eTag is not returned: a second save this turn is written as "new" and so
    // refused rather than blind. The bot saves once per turn.
    context.turnState.set(this.key, { state: current, hash: calculateChangeHash(current), eTag: undefined } satisfies ReadVersion);
  }
}

/** A BotState class such as ConversationState or UserState. */
// TypeScript mixins require a constructor type with `any[]` arguments.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the mixin constructor type TypeScript demands
type BotStateClass = new (...args: any[]) => BotState;

/**
 * Adds optimistic saves (see {@link ReadVersions}) to a BotState class. A mixin because
 * ConversationState and UserState differ only in their storage key, which `storageKey` gives.
 */
function withOptimisticSaves<TBase extends BotStateClass>(Base: TBase) {
  return class extends Base {
    private readonly versions = new ReadVersions();

    override async load(context: TurnContext, force = false): Promise<StoreItem> {
      return this.versions.loaded(context, await super.load(context, force));
    }

    override async clear(context: TurnContext): Promise<void> {
      await super.clear(context);
      this.versions.cleared(context, this.get(context));
    }

    override async saveChanges(context: TurnContext, force = false): Promise<void> {
      await this.versions.save(context, this.get(context), force, this.storage, () => this.storageKey(context));
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
