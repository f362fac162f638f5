import { formatDate, type Article, type KnowledgeBase } from '../../knowledge';
import type { Attachment } from '../../dialogs/turn';
import { adaptiveCard, textBlock } from '../cards/adaptive-card-builders';
import { SEARCH_KB_COMMAND_ID, SEARCH_KB_PARAMETER } from './search-kb-command';

/** A `composeExtension/query` invoke's value (the fields read here, as Teams sends them). */
export interface MessagingExtensionQuery {
  commandId?: string;
  parameters?: Array<{ name?: string; value?: unknown }>;
  queryOptions?: { skip?: unknown; count?: unknown };
}

/** One result: the card inserted into the conversation and its preview in the result list. */
export type MessagingExtensionAttachment = Attachment & { preview?: Attachment };

/** The invoke response's body: a list of results, or a message. */
export interface MessagingExtensionResponse {
  composeExtension: { type: 'result'; attachmentLayout: 'list'; attachments: MessagingExtensionAttachment[] } | { type: 'message'; text: string };
}

const THUMBNAIL_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.thumbnail';

// Teams asks for 25 results a page (queryOptions.count); a missing or larger count gets 25.
const PAGE_SIZE = 25;
const PREVIEW_TEXT_LENGTH = 140;
const MAX_QUERY_LENGTH = 500;

/**
 * Answers the "Search KB" message extension: what the user types in the compose box goes through
 * the same knowledge-base search as a chat question, and each article found comes back as a card
 * the user can insert into the conversation (a thumbnail preview in the result list, an Adaptive
 * Card once inserted).
 *
 * An empty query (the command opened with `initialRun`, or the box cleared) lists every article, so
 * the user can browse; a query nothing matches returns an empty list, which Teams shows as "no results".
 */
export function searchKnowledgeExtension(kb: KnowledgeBase, query: MessagingExtensionQuery): MessagingExtensionResponse {
  if (query.commandId !== SEARCH_KB_COMMAND_ID) {
    return { composeExtension: { type: 'message', text: 'Unknown command. Update the Exchange support app to use Search KB.' } };
  }
  const text = queryText(query);
  const articles = text === '' ? [...kb.articles].sort((a, b) => a.id.localeCompare(b.id)) : kb.search(text).hits.map((hit) => hit.article);
  const skip = wholeNumber(query.queryOptions?.skip, 0);
  const count = Math.min(PAGE_SIZE, Math.max(1, wholeNumber(query.queryOptions?.count, PAGE_SIZE)));
  return {
    composeExtension: {
      type: 'result',
      attachmentLayout: 'list',
      attachments: articles.slice(skip, skip + count).map(articleResult),
    },
  };
}

function queryText(query: MessagingExtensionQuery): string {
  const parameters = (Array.isArray(query.parameters) ? query.parameters : []).filter((p) => typeof p === 'object' && p !== null);
  // Teams sends `initialRun` (and no search text) when the command opens with initialRun enabled.
  if (parameters.some((p) => p.name === 'initialRun')) return '';
  const value: unknown = parameters.find((p) => p.name === SEARCH_KB_PARAMETER)?.value;
  // The compose box holds a few words; a huge query would only make the fuzzy search slow. Cut before
  // anything else reads it, and again after NFKC (what the search applies), where one character can become 18.
  return typeof value === 'string' ? value.slice(0, MAX_QUERY_LENGTH).normalize('NFKC').slice(0, MAX_QUERY_LENGTH).trim() : '';
}

/** One result: the card inserted into the conversation, with a compact preview for the result list. */
function articleResult(article: Article): MessagingExtensionAttachment {
  const card = adaptiveCard([
    textBlock(article.title, { size: 'Medium', weight: 'Bolder' }),
    textBlock(`${article.id} · reviewed ${formatDate(article.reviewed)}`, { isSubtle: true, spacing: 'None' }),
    textBlock(article.summary),
    textBlock(`Source${article.sources.length > 1 ? 's' : ''}: ${article.sources.map((s) => s.ref).join(', ')}`, { isSubtle: true, size: 'Small' }),
  ]);
  const text = truncate(article.summary, PREVIEW_TEXT_LENGTH);
  const preview = { contentType: THUMBNAIL_CARD_CONTENT_TYPE, content: { subtitle: article.id, title: article.title, ...(text ? { text } : {}), images: [], buttons: [] } };
  return { ...card, preview };
}

// The invoke comes from the client; anything but a non-negative number falls back to the default.
function wholeNumber(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.floor(value) : fallback;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
