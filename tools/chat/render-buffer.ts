/**
 * A button the terminal user can press by typing its number: what it is
 * called, and what pressing it sends back to the bot.
 */
export interface ChatButton {
  title: string;
  /** Becomes the `text` and/or `value` of the message activity sent for the press. */
  send: { text?: string; value?: unknown };
}

const INDENT = '  ';

/**
 * Collects the lines and buttons rendered from one reply. Button numbers are
 * handed out from `firstButtonNumber` so that numbering can run on across all
 * replies of a turn.
 */
export class RenderBuffer {
  readonly lines: string[] = [];
  readonly buttons: ChatButton[] = [];

  constructor(readonly firstButtonNumber = 1) {}

  /** The number the next button added here (or to a buffer started from here) will get. */
  get nextButtonNumber(): number {
    return this.firstButtonNumber + this.buttons.length;
  }

  /** Appends text; embedded newlines become separate lines. */
  line(text: string): void {
    this.lines.push(...text.split('\n'));
  }

  /** Adds a pressable button and the `[n] Title` line that shows it. */
  button(title: string, send: ChatButton['send']): void {
    this.line(`[${this.nextButtonNumber}] ${title}`);
    this.buttons.push({ title, send });
  }

  /**
   * A fresh buffer whose buttons are numbered after this one's, for content
   * that has to be laid out before it is known where it goes.
   */
  startChild(): RenderBuffer {
    return new RenderBuffer(this.nextButtonNumber);
  }

  /**
   * Takes over the lines and buttons of a buffer made with
   * {@link RenderBuffer.startChild}, optionally indented one level.
   */
  append(child: RenderBuffer, indent = false): void {
    for (const line of child.lines) this.lines.push(indent && line !== '' ? INDENT + line : line);
    this.buttons.push(...child.buttons);
  }
}
