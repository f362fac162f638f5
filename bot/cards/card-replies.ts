import { MessageFactory, type Activity } from 'botbuilder';
import type { Replies } from '../../dialogs/replies';
import {
  citedArticles,
  triageSummary,
  valueLabel,
  VERDICT_LABELS,
  type Article,
  type Decision,
  type Dimension,
  type Facts,
  type KnowledgeBase,
  type PassageAnswer,
  type SearchHit,
  type Verdict,
} from '../../knowledge';
import { adaptiveCard, factSet, literalText, sayAction, submitAction, textBlock, type CardAction, type CardElement } from './adaptive-card';
import { passageAnswerCard, suggestionsCard, type CardParts } from './passage-cards';

export const CHECK_MY_SETUP = 'Check my setup';
export const SEARCH_THE_KB = 'Search the knowledge base';

const VERDICT_COLORS: Record<Verdict, string> = {
  supported: 'good',
  'supported-with-conditions': 'warning',
  'not-supported': 'attention',
  'not-covered': 'accent',
};

/** Text messages are written in Markdown; the bot converts them for channels that want HTML. */
function markdownMessage(markdown: string): Partial<Activity> {
  return { ...MessageFactory.text(markdown), textFormat: 'markdown' };
}

function cardMessage(body: CardElement[], actions: CardAction[], summary: string): Partial<Activity> {
  // `text` doubles as the notification preview and as the fallback where cards do not render.
  return { ...MessageFactory.attachment(adaptiveCard(body, actions)), text: undefined, summary };
}

function partsMessage(parts: CardParts): Partial<Activity> {
  return cardMessage(parts.body, parts.actions, parts.summary);
}

/**
 * Renders the conversations' replies as Adaptive Cards (what Teams shows best, with buttons that
 * work in personal chat and channels alike) and Markdown text.
 */
export class CardReplies implements Replies {
  constructor(private readonly kb: KnowledgeBase) {}

  welcome(): Partial<Activity> {
    return cardMessage(
      [
        textBlock('Exchange support bot', { size: 'Large', weight: 'Bolder' }),
        textBlock(
          'I answer questions about Exchange 2000/2003 front-end and back-end servers, clustering and Network Load Balancing from our knowledge base, and I can check whether a setup you plan is supported.',
        ),
        textBlock('Ask a question in your own words, or pick one:', { isSubtle: true }),
      ],
      [sayAction(CHECK_MY_SETUP), sayAction(SEARCH_THE_KB)],
      'Exchange support bot: ask a question or check your setup',
    );
  }

  help(inCheck: boolean): Partial<Activity> {
    const lines = inCheck
      ? [
          "You're in the **support check**. Answer the question with a button or in your own words (\"E2K3\", \"OWA box\", \"MSCS\", \"load balancer\" all work).",
          '',
          '- **cancel** leaves the check',
          '- **start over** forgets the answers and begins again',
        ]
      : [
          'I can help in two ways:',
          '',
          '- **Ask a question**, e.g. *Can a front-end server be clustered?* or *How many nodes can a Windows 2003 cluster have?*',
          `- **${CHECK_MY_SETUP}**: a few questions, then a verdict on whether the Exchange setup you plan is supported, with a summary to paste into a ticket.`,
          '',
          'At any time: **help**, **cancel**, **start over**.',
        ];
    return markdownMessage(lines.join('\n'));
  }

  cancelled(): Partial<Activity> {
    return markdownMessage(`Cancelled. Ask me a question, or type **${CHECK_MY_SETUP}** to begin the support check.`);
  }

  searchPrompt(): Partial<Activity> {
    return markdownMessage('Type your question, for example *How many nodes can a Windows Server 2003 cluster have?*');
  }

  answer(best: SearchHit, related: readonly Article[], passage?: PassageAnswer): Partial<Activity> {
    if (passage) return partsMessage(passageAnswerCard(passage, related, [sayAction(CHECK_MY_SETUP)]));
    return this.articleCard(best.article, related);
  }

  suggestions(question: string, suggestions: readonly SearchHit[]): Partial<Activity> {
    return partsMessage(suggestionsCard(question, suggestions, [sayAction(CHECK_MY_SETUP)]));
  }

  article(article: Article): Partial<Activity> {
    const related = article.related.map((id) => this.kb.article(id)).filter((a): a is Article => a !== undefined);
    return this.articleCard(article, related.slice(0, 2));
  }

  noAnswer(question: string): Partial<Activity> {
    return cardMessage(
      [
        textBlock("I couldn't find an answer to this in the knowledge base:", { weight: 'Bolder' }),
        literalText(truncate(question, 300), { italic: true }),
        textBlock(
          "It covers Exchange 2000/2003 front-end and back-end servers, clustering and Network Load Balancing (and later versions in brief). I've noted the question so the team can add an article. If you are planning a setup, the support check can tell you whether it is supported.",
        ),
      ],
      [sayAction(CHECK_MY_SETUP), sayAction(SEARCH_THE_KB), sayAction('Help')],
      'No answer found in the knowledge base',
    );
  }

  question(dimension: Dimension, facts: Facts): Partial<Activity> {
    return cardMessage(this.questionBody(dimension, facts), [], dimension.question);
  }

  retry(dimension: Dimension, facts: Facts): Partial<Activity> {
    const body = [textBlock("Sorry, I didn't recognise that answer. Pick one of the buttons or type one of the options.", { color: 'warning' }), ...this.questionBody(dimension, facts)];
    return cardMessage(body, [], dimension.question);
  }

  verdict(decision: Decision, facts: Facts): Partial<Activity> {
    const label = VERDICT_LABELS[decision.verdict];
    const dims = this.kb.dimensions;
    const why = Object.entries(decision.decisiveFacts).map(([d, v]) => [dims.find((x) => x.id === d)?.label ?? d, valueLabel(dims, d, v)] as const);
    const body: CardElement[] = [
      textBlock(label, { size: 'ExtraLarge', weight: 'Bolder', color: VERDICT_COLORS[decision.verdict] }),
      ...decision.rules.map((rule) => textBlock(rule.reason)),
      textBlock('Recommendation', { weight: 'Bolder', spacing: 'Medium' }),
      ...decision.rules.map((rule) => textBlock(rule.recommendation)),
      textBlock(`Sources: ${citedArticles(decision).join(', ')}`, { isSubtle: true }),
      textBlock('Why', { weight: 'Bolder', spacing: 'Medium' }),
      factSet(why),
      textBlock('Triage summary (copy into the ticket)', { weight: 'Bolder', spacing: 'Medium', separator: true }),
      literalText(triageSummary(decision, facts, dims), { fontType: 'Monospace' }),
    ];
    const actions = [...citedArticles(decision).slice(0, 3).map((id) => sayAction(`Read ${id}`, `Show ${id}`)), sayAction('Start over')];
    return cardMessage(body, actions, `${label}: ${decision.rules[0]?.reason ?? ''}`);
  }

  private articleCard(article: Article, related: readonly Article[]): Partial<Activity> {
    const sources = article.sources.map((s) => `${s.ref}: ${s.title}`);
    const body: CardElement[] = [
      textBlock(article.title, { size: 'Medium', weight: 'Bolder' }),
      textBlock(`${article.id} · reviewed ${article.reviewed}`, { isSubtle: true, spacing: 'None' }),
      textBlock(article.summary),
      textBlock(`Source${sources.length > 1 ? 's' : ''}: ${sources.join('; ')}`, { isSubtle: true, size: 'Small' }),
    ];
    const actions = [...related.map((r) => sayAction(`${r.id}: ${truncate(r.title, 40)}`, `Show ${r.id}`)), sayAction(CHECK_MY_SETUP)];
    return cardMessage(body, actions, `${article.id}: ${article.title}`);
  }

  private questionBody(dimension: Dimension, facts: Facts): CardElement[] {
    const known = this.kb.dimensions.filter((d) => facts[d.id] !== undefined).map((d) => [d.label, valueLabel(this.kb.dimensions, d.id, facts[d.id]!)] as const);
    return [
      textBlock(dimension.question, { weight: 'Bolder', size: 'Medium' }),
      ...(known.length > 0 ? [textBlock('Known so far', { isSubtle: true }), factSet(known)] : []),
      ...choiceRows(dimension.values.map((value) => submitAction(value.label, { dimension: dimension.id, value: value.id }))),
      textBlock('Pick one, or type it. You can also say help, cancel or start over.', { isSubtle: true, size: 'Small' }),
    ];
  }
}

// Our own texts (rules, articles) go into TextBlocks as Markdown; user text only ever goes into
// literalText(), which is never interpreted.

// Teams shows at most a handful of buttons side by side; longer choice lists (seven Windows
// editions) are split into several rows.
const BUTTONS_PER_ROW = 4;

function choiceRows(actions: CardAction[]): CardElement[] {
  const rows: CardElement[] = [];
  for (let i = 0; i < actions.length; i += BUTTONS_PER_ROW) {
    rows.push({ type: 'ActionSet', actions: actions.slice(i, i + BUTTONS_PER_ROW) });
  }
  return rows;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
