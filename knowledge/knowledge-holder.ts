import { AsyncLocalStorage } from 'node:async_hooks';
import type { KnowledgeBase } from './knowledge-base';

/**
 * The one place the running bot gets its knowledge from, so new knowledge can be swapped in without
 * a restart. {@link pin} fixes the knowledge for an async flow (a turn): whatever the turn's code
 * asks while it runs comes from the knowledge it started with, even if a reload lands meanwhile.
 */
export class KnowledgeHolder {
  private kb: KnowledgeBase;
  private readonly pinned = new AsyncLocalStorage<KnowledgeBase>();

  constructor(kb: KnowledgeBase) {
    this.kb = kb;
  }

  /** The knowledge of the current turn if one is pinned, else the latest. */
  current(): KnowledgeBase {
    return this.pinned.getStore() ?? this.kb;
  }

  /** Runs `fn` with {@link current} fixed to the knowledge of this moment. */
  pin<T>(fn: () => Promise<T>): Promise<T> {
    return this.pinned.run(this.current(), fn);
  }

  /** Serves `kb` from now on (turns already running keep theirs). One assignment: nobody sees half of it. */
  swap(kb: KnowledgeBase): void {
    this.kb = kb;
  }

  /**
   * A KnowledgeBase that reads through {@link current} on every use, for code written against a
   * plain KnowledgeBase (dialogs, cards): it follows reloads without being changed.
   */
  live(): KnowledgeBase {
    return new Proxy({} as KnowledgeBase, {
      get: (_target, property) => Reflect.get(this.current(), property),
      has: (_target, property) => Reflect.has(this.current(), property),
    });
  }
}
