import { randomUUID } from 'node:crypto';
import { postActivity, type OutgoingActivity } from './bot-client';
import { assertLoopbackUrl } from './bot-endpoint';
import { renderReplies, type ChatButton, type RenderedTurn } from './render-activity';

/** Options for {@link ChatSession}. */
export interface ChatSessionOptions {
  /** The bot's messaging endpoint, e.g. http://127.0.0.1:3978/api/messages. Must be on a loopback host. */
  url: string;
  /** Defaults to a fresh `terminal-<uuid>` id. */
  conversationId?: string;
  /** How long to wait for each turn's replies. */
  timeoutMs?: number;
}

const USER = { id: 'terminal-user', name: 'You' } as const;
const BOT = { id: 'bot', name: 'Exchange Support Bot' } as const;
/** Never called: expectReplies returns every reply in the HTTP response, but the Activity schema requires a serviceUrl. */
const UNUSED_SERVICE_URL = 'http://127.0.0.1:0/terminal-chat';

/**
 * One terminal conversation with the bot: every turn goes to the same
 * conversation id, and the buttons of the latest turn are remembered so the
 * user can press one by typing its number.
 */
export class ChatSession {
  readonly url: string;
  readonly conversationId: string;
  private readonly timeoutMs: number | undefined;
  private lastButtons: readonly ChatButton[] = [];

  /** @throws Error when `options.url` is not on a loopback host. */
  constructor(options: ChatSessionOptions) {
    assertLoopbackUrl(options.url);
    this.url = options.url;
    this.conversationId = options.conversationId ?? `terminal-${randomUUID()}`;
    this.timeoutMs = options.timeoutMs;
  }

  /** Buttons offered by the most recent turn; button `[n]` is `buttons[n - 1]`. */
  get buttons(): readonly ChatButton[] {
    return this.lastButtons;
  }

  /** Announces the user joining, the way channels do, so the bot can greet. */
  start(): Promise<RenderedTurn> {
    return this.exchange({ ...this.envelope('conversationUpdate'), membersAdded: [{ ...USER }] });
  }

  /**
   * Sends typed text, or presses a button (its `text` and/or `value` become
   * the message's `text`/`value`), and returns the bot's rendered replies.
   */
  send(input: string | ChatButton): Promise<RenderedTurn> {
    const message: OutgoingActivity = this.envelope('message');
    if (typeof input === 'string') message.text = input;
    else {
      if (input.send.text !== undefined) message.text = input.send.text;
      if (input.send.value !== undefined) message.value = input.send.value;
    }
    return this.exchange(message);
  }

  /**
   * Interprets a line the user typed: the number of one of the last turn's
   * buttons means that button; anything else is text to send as typed.
   */
  resolveInput(line: string): string | ChatButton {
    const trimmed = line.trim();
    if (/^\d+$/.test(trimmed)) {
      const button = this.lastButtons[Number(trimmed) - 1];
      if (button) return button;
    }
    return trimmed;
  }

  private envelope(type: OutgoingActivity['type']): OutgoingActivity {
    return {
      type,
      id: randomUUID(),
      timestamp: new Date().toISOString(),
      channelId: 'terminal',
      serviceUrl: UNUSED_SERVICE_URL,
      from: { ...USER },
      recipient: { ...BOT },
      conversation: { id: this.conversationId },
      deliveryMode: 'expectReplies',
      locale: 'en-US',
    };
  }

  private async exchange(activity: OutgoingActivity): Promise<RenderedTurn> {
    const options = this.timeoutMs === undefined ? {} : { timeoutMs: this.timeoutMs };
    const replies = await postActivity(this.url, activity, options);
    const turn = renderReplies(replies);
    this.lastButtons = turn.buttons;
    return turn;
  }
}
