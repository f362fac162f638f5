/**
 * A Direct Line-compatible object for botframework-webchat that talks to this bot's own
 * `POST /api/messages` with `deliveryMode: "expectReplies"`, so the local page needs no Direct Line
 * service, token or socket.
 *
 * Web Chat only uses a small part of the DirectLineJS contract: `activity$` and
 * `connectionStatus$` (observables), `postActivity()` (an observable of the new activity's id) and
 * `end()`. {@link LocalDirectLine} is that part.
 */

export interface Observer<T> {
  next(value: T): void;
  error(reason: unknown): void;
  complete(): void;
}
export interface Subscription {
  readonly closed: boolean;
  unsubscribe(): void;
}
export interface ChannelAccount {
  id: string;
  name?: string;
  role?: string;
}
export interface ChatActivity {
  type: string;
  id?: string;
  timestamp?: string;
  channelId?: string;
  from?: ChannelAccount;
  recipient?: ChannelAccount;
  conversation?: { id: string };
  replyToId?: string;
  [property: string]: unknown;
}
export interface LocalDirectLineOptions {
  /** The bot's messaging endpoint as an absolute URL, normally `/api/messages` on the page's own origin. */
  endpoint: string;
  user: ChannelAccount;
  bot: ChannelAccount;
  locale?: string;
}

/** What Web Chat is given as its `directLine` prop. */
export interface LocalDirectLine {
  readonly activity$: ObservableLike<ChatActivity>;
  readonly connectionStatus$: ObservableLike<number>;
  postActivity(activity: ChatActivity): ObservableLike<string>;
  end(): void;
}

export interface ObservableLike<T> {
  subscribe(observerOrNext?: Partial<Observer<T>> | ((value: T) => void), error?: (reason: unknown) => void, complete?: () => void): Subscription;
}

/**
 * Defines the local Direct Line and returns its factory. The page runs this very function in the
 * browser (the server sends its source text, see `local-web-chat.ts`), so its body must not use
 * anything from outside itself except browser and Node globals (`fetch`, `crypto`, `URL`); types are
 * fine, they are erased. Tests run the same function in Node against the real bot.
 */
export function defineLocalDirectLine(): { create(options: LocalDirectLineOptions): LocalDirectLine } {
  // DirectLineJS's ConnectionStatus values, which Web Chat compares against.
  const ConnectionStatus = { Uninitialized: 0, Connecting: 1, Online: 2, FailedToConnect: 4, Ended: 5 } as const;

  /**
   * The minimum of an ES Observable Web Chat needs: `subscribe` with an observer object or
   * callbacks, returning a subscription. Web Chat bundles no Observable we could reuse from outside.
   */
  class Observable<T> {
    constructor(private readonly onSubscribe: (observer: Observer<T>) => (() => void) | void) {}

    subscribe(observerOrNext?: Partial<Observer<T>> | ((value: T) => void), error?: (reason: unknown) => void, complete?: () => void): Subscription {
      const target: Partial<Observer<T>> = typeof observerOrNext === 'function' ? { next: observerOrNext, error, complete } : (observerOrNext ?? {});
      let closed = false;
      // Assigned once onSubscribe returns; unsubscribe, created before, reads it.
      // eslint-disable-next-line prefer-const
      let teardown: (() => void) | void;
      const subscription: Subscription = {
        get closed() {
          return closed;
        },
        unsubscribe() {
          if (closed) return;
          closed = true;
          teardown?.();
        },
      };
      teardown = this.onSubscribe({
        next: (value) => {
          if (!closed) target.next?.(value);
        },
        error: (reason) => {
          if (closed) return;
          closed = true;
          target.error?.(reason);
        },
        complete: () => {
          if (closed) return;
          closed = true;
          target.complete?.();
        },
      });
      return subscription;
    }
  }

  /**
   * Multicasts to every current subscriber. A status subject (`latest`) gives a new subscriber the
   * current value; the activity subject (`history`) gives it the whole conversation so far, as the
   * Direct Line service does from its watermark. Web Chat subscribes more than once while it
   * connects and may miss the welcome otherwise; it ignores activities it already has (same id).
   */
  class Subject<T> {
    private readonly observers = new Set<Observer<T>>();
    private readonly history: T[] = [];

    readonly observable: Observable<T>;

    constructor(private readonly replay: 'latest' | 'history') {
      this.observable = new Observable<T>((observer) => {
        this.observers.add(observer);
        const replayed = this.replay === 'latest' ? this.history.slice(-1) : [...this.history];
        for (const value of replayed) observer.next(value);
        return () => this.observers.delete(observer);
      });
    }

    next(value: T): void {
      if (this.replay === 'latest') this.history.splice(0);
      this.history.push(value);
      for (const observer of [...this.observers]) observer.next(value);
    }

    complete(): void {
      for (const observer of [...this.observers]) observer.complete();
      this.observers.clear();
    }
  }

  class LocalDirectLineClient implements LocalDirectLine {
    private readonly activities = new Subject<ChatActivity>('history');
    private readonly status = new Subject<number>('latest');
    private readonly conversation = { id: `local-${randomId()}` };
    private readonly user: ChannelAccount;
    private readonly bot: ChannelAccount;
    private sequence = 0;
    private started = false;
    private ended = false;

    readonly activity$: Observable<ChatActivity> = this.activities.observable;
    readonly connectionStatus$: Observable<number>;

    constructor(private readonly options: LocalDirectLineOptions) {
      this.user = { ...options.user, role: 'user' };
      this.bot = { ...options.bot, role: 'bot' };
      this.status.next(ConnectionStatus.Uninitialized);
      // Connect when Web Chat first watches the status, as DirectLineJS does.
      this.connectionStatus$ = new Observable<number>((observer) => {
        const subscription = this.status.observable.subscribe(observer);
        if (!this.started) {
          this.started = true;
          void this.connect();
        }
        return () => subscription.unsubscribe();
      });
    }

    /** Posts an activity; the observable yields its id once the bot has handled it, then the echo and the replies follow on `activity$`. */
    postActivity(activity: ChatActivity): Observable<string> {
      return new Observable<string>((observer) => {
        if (this.ended) {
          observer.error(new Error('The conversation has ended.'));
          return;
        }
        const outgoing = this.stamp(activity);
        this.send(outgoing).then(
          (replies) => {
            // Like the Direct Line service: the id first, then the echo of the user's own activity, then the replies.
            observer.next(outgoing.id!);
            observer.complete();
            this.activities.next(outgoing);
            this.emitReplies(replies, outgoing.id!);
          },
          (reason: unknown) => observer.error(reason),
        );
      });
    }

    end(): void {
      this.ended = true;
      this.status.next(ConnectionStatus.Ended);
      this.activities.complete();
    }

    private async connect(): Promise<void> {
      this.status.next(ConnectionStatus.Connecting);
      // Direct Line announces the user and the bot joining; the bot answers with its welcome card.
      const joined = this.stamp({ type: 'conversationUpdate', membersAdded: [this.user, this.bot] });
      try {
        const replies = await this.send(joined);
        this.status.next(ConnectionStatus.Online);
        // Web Chat never sees the conversationUpdate itself, so nothing may point back at it.
        this.emitReplies(replies, undefined);
      } catch {
        this.status.next(ConnectionStatus.FailedToConnect);
      }
    }

    /** Fills in what the Direct Line service would: id, time, channel, conversation, sender and recipient. */
    private stamp(activity: ChatActivity): ChatActivity {
      this.sequence += 1;
      return {
        ...activity,
        id: `${this.conversation.id}|${String(this.sequence).padStart(7, '0')}`,
        timestamp: new Date().toISOString(),
        channelId: 'webchat',
        serviceUrl: new URL(this.options.endpoint).origin,
        conversation: this.conversation,
        from: { ...this.user, ...(activity.from?.name ? { name: activity.from.name } : {}), id: this.user.id, role: 'user' },
        recipient: this.bot,
        locale: activity['locale'] ?? this.options.locale,
      };
    }

    private async send(activity: ChatActivity): Promise<ChatActivity[]> {
      const response = await fetch(this.options.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...activity, deliveryMode: 'expectReplies' }),
      });
      if (!response.ok) throw new Error(`The bot answered HTTP ${response.status}.`);
      const body = (await response.json()) as { activities?: ChatActivity[] };
      return body.activities ?? [];
    }

    private emitReplies(replies: readonly ChatActivity[], replyToId: string | undefined): void {
      for (const reply of replies) {
        this.sequence += 1;
        this.activities.next({
          ...reply,
          id: reply.id ?? `${this.conversation.id}|${String(this.sequence).padStart(7, '0')}`,
          // Replies carry no time of their own; a later time than the user's message keeps them below it.
          timestamp: reply.timestamp ?? new Date(Date.now() + this.sequence).toISOString(),
          conversation: this.conversation,
          from: { ...this.bot, ...(reply.from?.name ? { name: reply.from.name } : {}), role: 'bot' },
          recipient: this.user,
          replyToId,
        });
      }
    }
  }

  function randomId(): string {
    return typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  }

  return { create: (options) => new LocalDirectLineClient(options) };
}
