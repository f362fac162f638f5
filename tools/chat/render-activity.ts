import type { Activity, Attachment } from 'botbuilder';
import { ADAPTIVE_CARD_CONTENT_TYPE, renderAdaptiveCard } from './render-adaptive-card';
import { renderCardActions } from './card-action';
import { HERO_LIKE_CONTENT_TYPES, renderHeroCard } from './hero-card';
import { toPlainLines, type TextFormat } from './plain-text';
import { RenderBuffer, type ChatButton } from './render-buffer';

export type { ChatButton } from './render-buffer';

/** One bot reply as terminal text, plus the buttons it offers (in the order their numbers appear). */
export interface RenderedActivity {
  lines: string[];
  buttons: ChatButton[];
}

/** All replies of one turn. Button numbers run on across replies, so `buttons[n - 1]` is button `[n]`. */
export interface RenderedTurn {
  /** One entry per reply that has something to show; typing indicators and the like are left out. */
  messages: RenderedActivity[];
  buttons: ChatButton[];
}

/** Activity types that only make sense to a graphical client and would be noise in a transcript. */
const SILENT_TYPES = new Set(['typing', 'trace']);

/**
 * Renders one reply activity as readable terminal lines: message text with
 * Markdown/HTML stripped, then attachments (Adaptive, hero and thumbnail
 * cards), then suggested actions. Buttons are numbered from
 * `firstButtonNumber`, which lets a turn's replies share one numbering.
 */
export function renderActivity(activity: Partial<Activity>, firstButtonNumber = 1): RenderedActivity {
  const out = new RenderBuffer(firstButtonNumber);
  const type = typeof activity.type === 'string' ? activity.type : 'message';
  if (SILENT_TYPES.has(type)) return { lines: [], buttons: [] };
  if (type !== 'message') {
    out.line(`[${type}]`);
    return { lines: out.lines, buttons: out.buttons };
  }
  if (typeof activity.text === 'string') {
    for (const line of toPlainLines(activity.text, textFormatOf(activity))) out.line(line);
  }
  if (Array.isArray(activity.attachments)) {
    for (const attachment of activity.attachments) renderAttachment(attachment, out);
  }
  renderCardActions(activity.suggestedActions?.actions, out);
  return { lines: out.lines, buttons: out.buttons };
}

/** Renders all replies of one turn with a single button numbering. */
export function renderReplies(activities: readonly Partial<Activity>[]): RenderedTurn {
  const turn: RenderedTurn = { messages: [], buttons: [] };
  for (const activity of activities) {
    const rendered = renderActivity(activity, turn.buttons.length + 1);
    if (rendered.lines.length === 0) continue;
    turn.messages.push(rendered);
    turn.buttons.push(...rendered.buttons);
  }
  return turn;
}

function textFormatOf(activity: Partial<Activity>): TextFormat {
  const format = activity.textFormat;
  return format === 'plain' || format === 'xml' ? format : 'markdown';
}

function renderAttachment(attachment: Partial<Attachment> | null | undefined, out: RenderBuffer): void {
  if (typeof attachment !== 'object' || attachment === null) return;
  const contentType = typeof attachment.contentType === 'string' ? attachment.contentType : 'unknown';
  if (contentType === ADAPTIVE_CARD_CONTENT_TYPE) return renderAdaptiveCard(attachment.content, out);
  if (HERO_LIKE_CONTENT_TYPES.has(contentType)) return renderHeroCard(attachment.content, out);
  const name = typeof attachment.name === 'string' && attachment.name !== '' ? `: ${attachment.name}` : '';
  const url = typeof attachment.contentUrl === 'string' ? ` (${attachment.contentUrl})` : '';
  out.line(`[attachment ${contentType}${name}]${url}`);
}
