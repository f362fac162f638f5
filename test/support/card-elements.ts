import type { Activity } from '../../dialogs/turn';

/** One element of an Adaptive Card (the card itself, a TextBlock, an action, a TextRun...). */
export type CardElement = Record<string, unknown>;

/**
 * Every element of a reply's card attachments, depth first: the card, its body (containers,
 * columns and their items), rich-text inlines, actions wherever they stand, and the cards of Action.ShowCard. The one walk the
 * test readers share, so a new kind of container is taught to all of them at once.
 */
export function cardElements(reply: Partial<Activity>): CardElement[] {
  const out: CardElement[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const element = node as CardElement;
    out.push(element);
    // 'card': the card an Action.ShowCard reveals (the verdict's details and triage summary).
    for (const key of ['body', 'items', 'columns', 'inlines', 'actions', 'card']) walk(element[key]);
  };
  for (const attachment of reply.attachments ?? []) walk(attachment.content);
  return out;
}
