import type { TurnContext } from './turn';

/**
 * The little of a dialog system the conversations need, in place of botbuilder-dialogs (issue 23):
 * the root dialog runs the whole conversation in one frame of its own state (the guided check
 * included), so a stack of frames, begin / continue / end / replace / reprompt, and "end of turn"
 * are all there is. The names, the statuses and the saved shape (`{ dialogStack: [{ id, state }] }`
 * under the conversation state's `dialogState`) are botbuilder-dialogs', so conversations saved by
 * earlier releases go on where they were, and the dialogs' code reads as it did.
 *
 * What botbuilder-dialogs did besides (memory scopes, events, telemetry, nested dialog sets,
 * versions) was never used here.
 */

/** How a turn left the dialogs (botbuilder-dialogs' values). */
export const DialogTurnStatus = {
  /** No frame was running: the message is a new one. */
  empty: 'empty',
  /** The frame waits for the next message. */
  waiting: 'waiting',
  /** The frame ended this turn (with its result). */
  complete: 'complete',
} as const;
export type DialogTurnStatus = (typeof DialogTurnStatus)[keyof typeof DialogTurnStatus];

export interface DialogTurnResult<T = unknown> {
  status: DialogTurnStatus;
  result?: T;
}

/** One frame: which dialog, and the JSON it keeps between turns. */
export interface DialogInstance {
  id: string;
  state: unknown;
}

/** What the conversation state keeps: the frames, the running one last. */
export interface DialogState {
  dialogStack: DialogInstance[];
}

/** A dialog: begins in a new frame, continues it on later messages, shows its question again on request. */
export abstract class Dialog<O = object> {
  /** What a dialog returns to wait for the next message. */
  static readonly EndOfTurn: DialogTurnResult = { status: DialogTurnStatus.waiting };

  constructor(readonly id: string) {}

  abstract beginDialog(dc: DialogContext, options?: O): Promise<DialogTurnResult>;

  /** A message while this dialog's frame runs; by default the frame ends. */
  async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    return dc.endDialog();
  }

  /** Shows the waiting question again (after an interruption); by default nothing. */
  async repromptDialog(_context: TurnContext, _instance: DialogInstance): Promise<void> {}
}

/**
 * One turn over a dialog stack: `state` is the object kept in conversation state, changed in place,
 * so saving the conversation state saves the frames.
 */
export class DialogContext {
  constructor(
    private readonly dialogs: readonly Dialog[],
    readonly context: TurnContext,
    private readonly state: DialogState,
  ) {}

  /** The running frame, if any. */
  get activeDialog(): DialogInstance | undefined {
    return this.state.dialogStack[this.state.dialogStack.length - 1];
  }

  /** Pushes a frame for `dialogId` and begins it. */
  async beginDialog(dialogId: string, options?: unknown): Promise<DialogTurnResult> {
    const dialog = this.find(dialogId);
    this.state.dialogStack.push({ id: dialogId, state: {} });
    return dialog.beginDialog(this, options as object);
  }

  /** Continues the running frame, or says there is none (`empty`). */
  async continueDialog(): Promise<DialogTurnResult> {
    const instance = this.activeDialog;
    if (!instance) return { status: DialogTurnStatus.empty };
    return this.find(instance.id).continueDialog(this);
  }

  /** Ends the running frame with its result. The dialogs never stack frames, so nothing below resumes. */
  async endDialog<T>(result?: T): Promise<DialogTurnResult<T>> {
    this.state.dialogStack.pop();
    return { status: DialogTurnStatus.complete, result };
  }

  /** Ends the running frame and begins `dialogId` in its place. */
  async replaceDialog(dialogId: string, options?: unknown): Promise<DialogTurnResult> {
    this.state.dialogStack.pop();
    return this.beginDialog(dialogId, options);
  }

  /** Asks the running frame to show its question again. */
  async repromptDialog(): Promise<void> {
    const instance = this.activeDialog;
    if (instance) await this.find(instance.id).repromptDialog(this.context, instance);
  }

  private find(dialogId: string): Dialog {
    const dialog = this.dialogs.find((d) => d.id === dialogId);
    // A frame saved by a release that had dialogs this one lacks: say which (botbuilder-dialogs threw too).
    if (!dialog) throw new Error(`No dialog with id '${dialogId}' (a conversation state saved with a dialog this release lacks).`);
    return dialog;
  }
}

/**
 * One turn of `dialog`: continues its frame when one is saved in `state`, or begins it (with
 * `options`) when none is. This is what the bot runs for each message.
 */
export async function runDialogTurn<O>(dialog: Dialog<O>, context: TurnContext, state: DialogState, options?: O): Promise<DialogTurnResult> {
  const dc = new DialogContext([dialog as Dialog], context, state);
  const result = await dc.continueDialog();
  return result.status === DialogTurnStatus.empty ? dc.beginDialog(dialog.id, options) : result;
}
