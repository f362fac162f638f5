import { asHeading, asLink, toPlainLines } from './plain-text';
import type { ChatButton, RenderBuffer } from './render-buffer';

/** Content type of an Adaptive Card attachment. */
export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/** Card JSON comes from the wire, so every property is checked before use. */
type CardObject = Record<string, unknown>;

function isObject(value: unknown): value is CardObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringProp(object: CardObject, key: string): string | undefined {
  const value = object[key];
  return typeof value === 'string' ? value : undefined;
}

function arrayProp(object: CardObject, key: string): unknown[] {
  const value = object[key];
  return Array.isArray(value) ? value : [];
}

/**
 * Renders an Adaptive Card as terminal lines. Submit actions become numbered
 * buttons; elements and actions this renderer does not know are shown as
 * `[Type]` (after honouring the card's own `fallback`) so nothing silently
 * disappears.
 */
export function renderAdaptiveCard(content: unknown, out: RenderBuffer): void {
  const card = typeof content === 'string' ? parseCardJson(content) : content;
  if (!isObject(card)) {
    out.line('[AdaptiveCard: unreadable content]');
    return;
  }
  const body = arrayProp(card, 'body');
  const actions = arrayProp(card, 'actions');
  if (body.length === 0 && actions.length === 0) {
    const fallbackText = stringProp(card, 'fallbackText');
    if (fallbackText) for (const line of toPlainLines(fallbackText)) out.line(line);
    return;
  }
  renderElements(body, out);
  renderActions(actions, out);
}

function parseCardJson(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    return undefined;
  }
}

function renderElements(elements: unknown[], out: RenderBuffer): void {
  for (const element of elements) renderElement(element, out);
}

function renderElement(element: unknown, out: RenderBuffer): void {
  if (!isObject(element) || element['isVisible'] === false) return;
  switch (element['type']) {
    case 'TextBlock':
      return renderTextBlock(element, out);
    case 'RichTextBlock':
      return renderRichTextBlock(element, out);
    case 'FactSet':
      return renderFactSet(element, out);
    case 'Container':
    case 'Column':
    case 'TableCell':
      renderElements(arrayProp(element, 'items'), out);
      return renderSelectAction(element, out);
    case 'ColumnSet':
      renderSideBySide(arrayProp(element, 'columns'), out);
      return renderSelectAction(element, out);
    case 'Table':
      for (const row of arrayProp(element, 'rows')) {
        if (isObject(row)) renderSideBySide(arrayProp(row, 'cells'), out, ' | ');
      }
      return;
    case 'Image':
      return out.line(imageLine(element));
    case 'ImageSet':
      for (const image of arrayProp(element, 'images')) if (isObject(image)) out.line(imageLine(image));
      return;
    case 'ActionSet':
      return renderActions(arrayProp(element, 'actions'), out);
    default:
      return renderUnknown(element, out, renderElement);
  }
}

function renderTextBlock(block: CardObject, out: RenderBuffer): void {
  const lines = toPlainLines(stringProp(block, 'text') ?? '');
  const size = stringProp(block, 'size')?.toLowerCase();
  const weight = stringProp(block, 'weight')?.toLowerCase();
  const style = stringProp(block, 'style')?.toLowerCase();
  // The terminal has no font sizes, so big text becomes a heading and bold text shouts.
  const styled =
    size === 'large' || size === 'extralarge' || style === 'heading'
      ? (line: string) => asHeading(line)
      : weight === 'bolder' || size === 'medium'
        ? (line: string) => line.toUpperCase()
        : (line: string) => line;
  for (const line of lines) out.line(line === '' ? line : styled(line));
}

function renderRichTextBlock(block: CardObject, out: RenderBuffer): void {
  const text = arrayProp(block, 'inlines')
    .map((inline) => {
      if (typeof inline === 'string') return inline;
      if (!isObject(inline)) return '';
      const type = stringProp(inline, 'type');
      return type === 'TextRun' || type === undefined ? (stringProp(inline, 'text') ?? '') : `[${type}]`;
    })
    .join('');
  for (const line of toPlainLines(text, 'plain')) out.line(line);
}

function renderFactSet(factSet: CardObject, out: RenderBuffer): void {
  for (const fact of arrayProp(factSet, 'facts')) {
    if (!isObject(fact)) continue;
    const title = toPlainLines(stringProp(fact, 'title') ?? '').join(' ');
    const [first = '', ...rest] = toPlainLines(stringProp(fact, 'value') ?? '');
    out.line(title ? `${title}: ${first}` : first);
    for (const line of rest) out.line(line === '' ? line : `  ${line}`);
  }
}

/**
 * Columns (and table cells) that are one line each read naturally on a single
 * terminal line, e.g. an icon's alt text next to its label; anything taller is
 * stacked in order instead.
 */
function renderSideBySide(cells: unknown[], out: RenderBuffer, separator = '  '): void {
  const rendered: RenderBuffer[] = [];
  let next = out.startChild();
  for (const cell of cells) {
    renderElement(isObject(cell) && cell['type'] === undefined ? { ...cell, type: 'Column' } : cell, next);
    rendered.push(next);
    next = next.startChild();
  }
  const fitsOnOneLine = rendered.every((cell) => cell.lines.length <= 1 && cell.buttons.length === 0);
  if (fitsOnOneLine) {
    const joined = rendered.flatMap((cell) => cell.lines).filter((line) => line !== '');
    if (joined.length > 0) out.line(joined.join(separator));
    return;
  }
  for (const cell of rendered) out.append(cell);
}

function imageLine(image: CardObject): string {
  const alt = stringProp(image, 'altText')?.trim();
  return alt ? `[image: ${alt}]` : '[image]';
}

function renderSelectAction(element: CardObject, out: RenderBuffer): void {
  const action = element['selectAction'];
  if (isObject(action)) renderAction(action, out);
}

function renderActions(actions: unknown[], out: RenderBuffer): void {
  for (const action of actions) renderAction(action, out);
}

function renderAction(action: unknown, out: RenderBuffer): void {
  if (!isObject(action)) return;
  const title = stringProp(action, 'title')?.trim() ?? '';
  switch (action['type']) {
    case 'Action.Submit':
      return out.button(title || 'Submit', submitSend(action['data']));
    case 'Action.OpenUrl': {
      const url = stringProp(action, 'url');
      return out.line(url ? asLink(title, url) : `[Action.OpenUrl: ${title}]`);
    }
    case 'Action.ShowCard': {
      // There is nothing to click open in a terminal, so the hidden card is shown in place, indented under its title.
      out.line(`${title || 'More'}:`);
      const nested = out.startChild();
      renderAdaptiveCard(action['card'], nested);
      out.append(nested, true);
      return;
    }
    default:
      return renderUnknown(action, out, renderAction);
  }
}

/**
 * What pressing an Action.Submit sends. Teams' `msteams` imBack/messageBack
 * data is honoured because bots use it to make a press read like typed text;
 * otherwise it behaves like Web Chat: string data is sent as text and anything
 * else as the activity's `value`, with no text.
 */
function submitSend(data: unknown): ChatButton['send'] {
  if (typeof data === 'string') return { text: data };
  const msteams = isObject(data) ? data['msteams'] : undefined;
  if (isObject(msteams)) {
    if (msteams['type'] === 'imBack' && typeof msteams['value'] === 'string') return { text: msteams['value'] };
    if (msteams['type'] === 'messageBack') {
      const send: ChatButton['send'] = {};
      const text = stringProp(msteams, 'text');
      if (text !== undefined) send.text = text;
      if (msteams['value'] !== undefined) send.value = msteams['value'];
      return send;
    }
  }
  return { value: data ?? {} };
}

/**
 * Adaptive Card fallback rules: an unknown element or action uses its
 * `fallback` replacement, or disappears when the author asked for "drop";
 * without either it is shown as `[Type]` (plus its label, if it has one).
 */
function renderUnknown(item: CardObject, out: RenderBuffer, render: (item: unknown, out: RenderBuffer) => void): void {
  const fallback = item['fallback'];
  if (fallback === 'drop') return;
  if (isObject(fallback)) return render(fallback, out);
  const type = stringProp(item, 'type') ?? 'unknown';
  const label = [item['label'], item['title'], item['placeholder']].find((candidate): candidate is string => typeof candidate === 'string' && candidate.trim() !== '');
  out.line(label ? `[${type}: ${label.trim()}]` : `[${type}]`);
}
