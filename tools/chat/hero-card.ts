import type { HeroCard } from 'botbuilder';
import { renderCardActions } from './card-action';
import { asHeading, toPlainLines } from './plain-text';
import type { RenderBuffer } from './render-buffer';

/** Content types laid out as title, subtitle, text and buttons; thumbnail cards differ only in image placement. */
export const HERO_LIKE_CONTENT_TYPES: ReadonlySet<string> = new Set(['application/vnd.microsoft.card.hero', 'application/vnd.microsoft.card.thumbnail']);

/** Renders a hero (or thumbnail) card in the order Web Chat shows it: images, title, subtitle, text, buttons. */
export function renderHeroCard(content: unknown, out: RenderBuffer): void {
  if (typeof content !== 'object' || content === null) {
    out.line('[HeroCard: unreadable content]');
    return;
  }
  const card = content as Partial<HeroCard>;
  if (Array.isArray(card.images)) {
    for (const image of card.images) {
      const alt = typeof image?.alt === 'string' ? image.alt.trim() : '';
      out.line(alt ? `[image: ${alt}]` : '[image]');
    }
  }
  if (typeof card.title === 'string' && card.title.trim() !== '') out.line(asHeading(card.title.trim()));
  if (typeof card.subtitle === 'string') for (const line of toPlainLines(card.subtitle)) out.line(line);
  if (typeof card.text === 'string') for (const line of toPlainLines(card.text)) out.line(line);
  renderCardActions(card.buttons, out);
}
