import type * as AdaptiveCardsModule from 'adaptivecards';
import type { Activity, Attachment } from 'botbuilder';

// The package's `main` is an ES module build with extensionless imports that Node cannot load; its
// UMD bundle is the same library in one CommonJS-loadable file.
const AdaptiveCards = require('adaptivecards/dist/adaptivecards.js') as typeof AdaptiveCardsModule;

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/** The newest Adaptive Card version Teams renders on every client (desktop, web, mobile). */
export const TEAMS_CARD_VERSION = '1.4';

/**
 * Parses a card with the `adaptivecards` library, the renderer Web Chat uses, targeting the version
 * Teams renders, and returns every parse error or warning (unknown elements, invalid values,
 * properties newer than that version) and validation failure, as messages. Empty means clean.
 */
export function adaptiveCardProblems(content: unknown): string[] {
  const card = new AdaptiveCards.AdaptiveCard();
  const context = new AdaptiveCards.SerializationContext(AdaptiveCards.Versions.v1_4);
  card.parse(content, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) problems.push(context.getEventAt(i).message);
  for (const event of card.validateProperties().validationEvents) problems.push(event.message);
  const version = (content as { version?: unknown } | null)?.version;
  if (version !== TEAMS_CARD_VERSION) problems.push(`version is ${JSON.stringify(version)}, expected "${TEAMS_CARD_VERSION}" (what Teams renders)`);
  return problems;
}

/** The Adaptive Card attachments of a reply (a reply may also carry none, e.g. a Markdown text). */
export function adaptiveCardsOf(activity: Partial<Activity>): Attachment[] {
  return (activity.attachments ?? []).filter((a) => a.contentType === ADAPTIVE_CARD_CONTENT_TYPE);
}
