import type { Article, DirectAnswer, PassageAnswer, SearchHit } from '../../knowledge';
import type { SuggestionPickValue } from '../../dialogs/replies';
import { literalText, sayAction, textBlock, type CardAction, type CardElement } from './adaptive-card-builders';

/** The button under a passage answer that shows the article it comes from. */
export const READ_WHOLE_ARTICLE = 'Read the whole article';
/** The opening of a "did you mean" reply. */
export const DID_YOU_MEAN = "I'm not sure I understood; did you mean:";
/** Said when steps were asked for that the knowledge base does not hold. */
export const NO_STEPS = 'I have no step-by-step answer for that task. The nearest articles:';

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

/** Lines of a direct answer's list shown before "Read the whole article" gives the rest. */
const MAX_DETAILS = 6;

/**
 * A direct answer from the tables: the answer in bold, its list or note, where the fact comes from
 * and how sure it is ("Source: cc787244, aa997253 (Microsoft doc)"), then the article passage that
 * carries it with "Read the whole article", and the trailing buttons (the check, pre-filled).
 */
export function directAnswerCard(answer: DirectAnswer, article: Article | undefined, trailing: readonly CardAction[]): CardParts {
  const body: CardElement[] = [
    textBlock(answer.answer, { weight: 'Bolder' }),
    ...answer.details.slice(0, MAX_DETAILS).map((line) => textBlock(line)),
    ...answer.sources.map((s) => textBlock(`Source: ${s.label || 'our facts sheet'} (${s.status})`, { isSubtle: true, size: 'Small' })),
  ];
  const passage = answer.passage;
  if (passage) {
    body.push(...passage.sentences.map((sentence, i) => textBlock(sentence, i === 0 ? { separator: true } : {})));
    body.push(textBlock(`From **${passage.article.title}** (${passage.article.id}), section "${passage.section}"`, { isSubtle: true, size: 'Small' }));
  } else if (article) {
    body.push(textBlock(`More in **${article.title}** (${article.id})`, { isSubtle: true, size: 'Small', separator: true }));
  }
  const id = passage?.article.id ?? article?.id;
  const actions = [...(id ? [sayAction(READ_WHOLE_ARTICLE, `Show ${id}`)] : []), ...trailing];
  return { body, actions, summary: truncate(answer.answer, 160) };
}

/** The line a retired version's rule carries ("Exchange 2016 itself has been out of support since ..."): kept beside each of several answers. */
const OUT_OF_SUPPORT_LINE = /\bout of support since\b/;

/**
 * Several questions of one message answered from the tables (issue 19): each answer in bold with its
 * source and how sure it is, one after the other so each fact comes early; a part no table answers is
 * named back ("Not answered here: ..."). Buttons open each answer's article (up to three) and the check.
 */
export function directAnswersCard(answers: readonly DirectAnswer[], unanswered: readonly string[], articles: readonly Article[], trailing: readonly CardAction[]): CardParts {
  const body: CardElement[] = answers.flatMap((answer, i) => [
    textBlock(answer.answer, { weight: 'Bolder', ...(i > 0 ? { separator: true } : {}) }),
    ...answer.details.filter((line) => OUT_OF_SUPPORT_LINE.test(line)).map((line) => textBlock(line)),
    ...answer.sources.map((s) => textBlock(`Source: ${s.label || 'our facts sheet'} (${s.status})`, { isSubtle: true, size: 'Small' })),
  ]);
  // The user's words are shown literally, never as Markdown.
  for (const part of unanswered) body.push(literalText(`Not answered here (ask it on its own): ${truncate(part, 200)}`, { italic: true }));
  const actions = [...articles.slice(0, 3).map((a) => sayAction(`${READ_WHOLE_ARTICLE}: ${a.id}`, `Show ${a.id}`)), ...trailing];
  return { body, actions, summary: truncate(answers.map((a) => a.answer).join(' '), 160) };
}

/**
 * "Did you mean": up to three plausible articles as buttons. Each button says "Show <id>" and
 * carries the question it was offered for, so the pick can be recorded as a labelled example.
 */
export function suggestionsCard(question: string, suggestions: readonly SearchHit[], trailing: readonly CardAction[], noSteps = false): CardParts {
  const body: CardElement[] = [
    // Steps asked for that no table row or numbered list holds: said plainly, the nearest articles offered.
    textBlock(noSteps ? NO_STEPS : DID_YOU_MEAN, { weight: 'Bolder' }),
    // The user's words are shown literally, never as Markdown.
    literalText(truncate(question, 300), { italic: true }),
  ];
  const actions = [...suggestions.slice(0, 3).map((hit) => pickAction(hit.article, truncate(question, 300))), ...trailing];
  const ids = suggestions.map((s) => s.article.id).join(', ');
  return { body, actions, summary: noSteps ? `No step-by-step answer; nearest: ${ids}` : `Did you mean: ${ids}?` };
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
