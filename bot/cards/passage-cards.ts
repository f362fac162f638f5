import type { Article, PassageAnswer, SearchHit } from '../../knowledge';
import type { SuggestionPickValue } from '../../dialogs/replies';
import { literalText, sayAction, textBlock, type CardAction, type CardElement } from './adaptive-card-builders';

/** The button under a passage answer that shows the article it comes from. */
export const READ_WHOLE_ARTICLE = 'Read the whole article';
/** The opening of a "did you mean" reply. */
export const DID_YOU_MEAN = "I'm not sure I understood; did you mean:";

/** A card's parts, for the card renderer to wrap (it owns the summary and channel details). */
export interface CardParts {
  body: CardElement[];
  actions: CardAction[];
  summary: string;
}

/**
 * The answer as the passage that holds it: the sentences (for a number or yes/no question the one
 * carrying the answer first, in bold), then where they come from (article title, id and section),
 * and buttons to read the whole article, related articles and the check.
 */
export function passageAnswerCard(passage: PassageAnswer, related: readonly Article[], trailing: readonly CardAction[]): CardParts {
  const { article } = passage;
  const body: CardElement[] = [
    ...passage.sentences.map((sentence, i) => textBlock(sentence, i === 0 && passage.answerFirst ? { weight: 'Bolder' } : {})),
    textBlock(`From **${article.title}** (${article.id}), section "${passage.section}"`, { isSubtle: true, size: 'Small', separator: true }),
  ];
  const actions = [
    sayAction(READ_WHOLE_ARTICLE, `Show ${article.id}`),
    ...related.slice(0, 2).map((r) => sayAction(`${r.id}: ${truncate(r.title, 40)}`, `Show ${r.id}`)),
    ...trailing,
  ];
  return { body, actions, summary: `${article.id}, ${passage.section}: ${truncate(passage.sentences[0] ?? article.title, 120)}` };
}

/**
 * "Did you mean": up to three plausible articles as buttons. Each button says "Show <id>" and
 * carries the question it was offered for, so the pick can be recorded as a labelled example.
 */
export function suggestionsCard(question: string, suggestions: readonly SearchHit[], trailing: readonly CardAction[]): CardParts {
  const body: CardElement[] = [
    textBlock(DID_YOU_MEAN, { weight: 'Bolder' }),
    // The user's words are shown literally, never as Markdown.
    literalText(truncate(question, 300), { italic: true }),
  ];
  const actions = [...suggestions.slice(0, 3).map((hit) => pickAction(hit.article, truncate(question, 300))), ...trailing];
  return { body, actions, summary: `Did you mean: ${suggestions.map((s) => s.article.id).join(', ')}?` };
}

/** A suggestion button: shows the article and tells the bot which question it answered. */
function pickAction(article: Article, question: string): CardAction {
  const text = `Show ${article.id}`;
  const title = `${article.id}: ${truncate(article.title, 60)}`;
  const pick: SuggestionPickValue = { suggestionFor: question, article: article.id };
  return {
    type: 'Action.Submit',
    title,
    // Web Chat and the Emulator submit `data` as the value (its `text` is read as typed); Teams sends
    // a messageBack with the same text and value.
    data: { text, ...pick, msteams: { type: 'messageBack', text, displayText: title, value: JSON.stringify({ text, ...pick }) } },
  };
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
