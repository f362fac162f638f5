import type { Attachment } from '../../dialogs/turn';

/**
 * Minimal typed builders for the Adaptive Card elements the bot uses. Version 1.4 because Teams
 * renders it on desktop, web and mobile; newer elements would fall back unpredictably there.
 */
export const CARD_VERSION = '1.4';

/** The attachment content type of an Adaptive Card. */
export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

export type CardElement = Record<string, unknown> & { type: string };
export type CardAction = Record<string, unknown> & { type: string; title: string };

/** Wraps elements and actions into an Adaptive Card attachment. */
export function adaptiveCard(body: CardElement[], actions: CardAction[] = []): Attachment {
  return {
    contentType: ADAPTIVE_CARD_CONTENT_TYPE,
    content: {
      type: 'AdaptiveCard',
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      version: CARD_VERSION,
      body,
      ...(actions.length > 0 ? { actions } : {}),
    },
  };
}

/** A TextBlock. Its text is Adaptive Card Markdown, so only our own text goes here, never the user's. */
export function textBlock(
  text: string,
  style: Partial<Record<'size' | 'weight' | 'color' | 'fontType' | 'spacing', string>> & { isSubtle?: boolean; separator?: boolean } = {},
): CardElement {
  return { type: 'TextBlock', text, wrap: true, ...style };
}

/**
 * Text shown exactly as given: a RichTextBlock's TextRun does not interpret Markdown, so user text
 * placed here cannot inject links, formatting or fake buttons.
 */
export function literalText(text: string, style: Partial<Record<'weight' | 'color' | 'fontType', string>> & { italic?: boolean } = {}): CardElement {
  return { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text, ...style }] };
}

export function factSet(facts: ReadonlyArray<readonly [string, string]>): CardElement {
  return { type: 'FactSet', facts: facts.map(([title, value]) => ({ title, value })) };
}

/**
 * A button that says something on the user's behalf. Teams gets an imBack so the words appear in
 * the conversation like typed text; other channels (Web Chat, Emulator) submit `{ text }` as the
 * activity value, which the bot reads as if typed.
 */
export function sayAction(title: string, text: string = title): CardAction {
  return { type: 'Action.Submit', title, data: { text, msteams: { type: 'imBack', value: text } } };
}

/**
 * A button that submits structured data (a guided-check answer). In Teams a messageBack also shows
 * the chosen label in the conversation; the bot reads the value either way.
 */
export function submitAction(title: string, value: Record<string, string>): CardAction {
  return {
    type: 'Action.Submit',
    title,
    data: { ...value, msteams: { type: 'messageBack', displayText: title, text: title, value: JSON.stringify(value) } },
  };
}
