import type { CardAction } from 'botbuilder';
import { asLink } from './plain-text';
import type { ChatButton, RenderBuffer } from './render-buffer';

/** Card actions that open something rather than talk to the bot; the terminal can only show where they lead. */
const LINK_ACTIONS = new Set(['openUrl', 'downloadFile', 'showImage', 'playAudio', 'playVideo', 'signin', 'call']);

/**
 * Renders Bot Framework card actions (hero card buttons, suggested actions):
 * actions that message the bot become numbered buttons, link-like actions
 * become lines showing their target, anything else shows its type.
 */
export function renderCardActions(actions: unknown, out: RenderBuffer): void {
  if (!Array.isArray(actions)) return;
  for (const action of actions as Partial<CardAction>[]) {
    if (typeof action !== 'object' || action === null) continue;
    const send = cardActionSend(action);
    const title = cardActionTitle(action);
    if (send) out.button(title, send);
    else if (typeof action.type === 'string' && LINK_ACTIONS.has(action.type) && typeof action.value === 'string') {
      out.line(asLink(action.title, action.value));
    } else out.line(`[${String(action.type ?? 'action')}: ${title}]`);
  }
}

/**
 * What pressing an action sends, following Web Chat: imBack sends its value as
 * text, postBack sends a string value as text and anything else as `value`,
 * messageBack sends both its `text` and its `value`.
 */
export function cardActionSend(action: Partial<CardAction>): ChatButton['send'] | undefined {
  switch (action.type) {
    case 'imBack':
      return { text: typeof action.value === 'string' ? action.value : JSON.stringify(action.value ?? '') };
    case 'postBack':
      return typeof action.value === 'string' ? { text: action.value } : { value: action.value };
    case 'messageBack': {
      const send: ChatButton['send'] = {};
      if (typeof action.text === 'string') send.text = action.text;
      if (action.value !== undefined) send.value = action.value;
      return send;
    }
    default:
      return undefined;
  }
}

function cardActionTitle(action: Partial<CardAction>): string {
  for (const candidate of [action.title, action.displayText, action.text, action.value]) {
    if (typeof candidate === 'string' && candidate.trim() !== '') return candidate.trim();
  }
  return '(untitled)';
}
