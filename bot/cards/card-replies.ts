import { ActivityTypes, InputHints, type Activity } from '../../dialogs/turn';
import type { FollowUp, QuestionAboutQuestion, SmallTalk } from '../../dialogs/conversation-intents';
import type { GroupVerdict, Replies } from '../../dialogs/replies';
import {
  assumedLines,
  cardLabel,
  firstClause,
  formatDate,
  citedArticles,
  leadReason,
  outOfSupportHeadline,
  summaryHeading,
  lifecycleLines,
  reasons,
  recommendations,
  triageSummary,
  valueLabel,
  VERDICT_LABELS,
  worstVerdict,
  ASSUMED_CONDITION_PREFIX,
  type Article,
  type Decision,
  type Dimension,
  type DimensionValue,
  type DirectAnswer,
  type Facts,
  type KnowledgeBase,
  type ListingView,
  serverList,
  type PassageAnswer,
  type SearchHit,
  type SetAside,
  type Verdict,
} from '../../knowledge';
import { adaptiveCard, factSet, literalText, sayAction, submitAction, textBlock, type CardAction, type CardElement } from './adaptive-card-builders';
import { withFeedback } from './feedback-actions';
import { verdictSourceLines } from './verdict-sources';
import type { AnswerSubject } from '../../knowledge/owners/records';
import { directAnswerCard, directAnswersCard, passageAnswerCard, suggestionsCard, type CardParts } from './passage-cards';

/** The first line of the reply to a question about another product: a refusal. */
export const OUT_OF_SCOPE = 'That is outside what I cover.';

export const CHECK_MY_SETUP = 'Check my setup';
/** The first line of the question asked again after an answer not understood (worded differently from the first asking). */
export const RETRY_NOTICE = "Sorry, I didn't recognise that answer. Here is the question again, with examples of answers I understand.";
export const SEARCH_THE_KB = 'Search the knowledge base';
/** Groups a listing card shows; the rest are in its ticket summary (a card stays within Teams' size limit). */
export const LISTING_GROUPS_PER_CARD = 20;
/** Servers per ticket-summary message of a listing. */
export const TICKET_LINES_PER_MESSAGE = 150;

const VERDICT_COLORS: Record<Verdict, string> = {
  supported: 'good',
  'supported-with-conditions': 'warning',
  'not-supported': 'attention',
  'not-covered': 'accent',
};

/** Text messages are written in Markdown; the bot converts them for channels that want HTML. */
function markdownMessage(markdown: string): Partial<Activity> {
  return { type: ActivityTypes.Message, text: markdown, inputHint: InputHints.AcceptingInput, textFormat: 'markdown' };
}

function cardMessage(body: CardElement[], actions: CardAction[], summary: string): Partial<Activity> {
  // `text` doubles as the notification preview and as the fallback where cards do not render.
  return { type: ActivityTypes.Message, attachmentLayout: 'list', attachments: [adaptiveCard(body, actions)], inputHint: InputHints.AcceptingInput, text: undefined, summary };
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
          'I answer questions about Exchange Server, from Exchange 2000 to Subscription Edition (roles, clusters, DAGs, load balancing, supported Windows releases, support lifecycle), from our knowledge base, and I can check whether a setup you plan is supported.',
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
          'You\'re in the **support check**. Answer the question with a button or in your own words ("E2K3", "OWA box", "MSCS", "load balancer" all work).',
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
    const subject: AnswerSubject = { kind: 'article', articleId: best.article.id, via: 'search', related: related.map((r) => r.id) };
    if (passage) return withFeedback(partsMessage(passageAnswerCard(passage, related, [sayAction(CHECK_MY_SETUP)])), subject);
    return withFeedback(this.articleCard(best.article, related), subject);
  }

  directAnswer(answer: DirectAnswer): Partial<Activity> {
    const subject: AnswerSubject = { kind: 'article', articleId: answer.articleId, via: 'search', related: [] };
    return withFeedback(partsMessage(directAnswerCard(answer, this.kb.article(answer.articleId), [sayAction(CHECK_MY_SETUP, this.checkText(answer.checkFacts))])), subject);
  }

  directAnswers(answers: readonly DirectAnswer[], unanswered: readonly string[]): Partial<Activity> {
    const ids = [...new Set(answers.map((a) => a.passage?.article.id ?? a.articleId))];
    const articles = ids.flatMap((id) => this.kb.article(id) ?? []);
    const subject: AnswerSubject = { kind: 'article', articleId: ids[0]!, via: 'search', related: ids.slice(1) };
    const trailing = [sayAction(CHECK_MY_SETUP, this.checkText(answers[0]!.checkFacts))];
    return withFeedback(partsMessage(directAnswersCard(answers, unanswered, articles, trailing)), subject);
  }

  /** "Check my setup: Exchange 2003, Windows Server 2003, Enterprise": the check starts with the facts the question named. */
  private checkText(facts: Facts): string {
    const named = this.kb.dimensions
      .filter((d) => d.kind === 'asked' && facts[d.id] !== undefined)
      .map((d) => valueLabel(this.kb.dimensions, d.id, facts[d.id]!).replace(/\s*\(.*\)$/, ''));
    return named.length > 0 ? `${CHECK_MY_SETUP}: ${named.join(', ')}` : CHECK_MY_SETUP;
  }

  suggestions(question: string, suggestions: readonly SearchHit[], noSteps = false): Partial<Activity> {
    return partsMessage(suggestionsCard(question, suggestions, [sayAction(CHECK_MY_SETUP)], noSteps));
  }

  article(article: Article): Partial<Activity> {
    const related = article.related.map((id) => this.kb.article(id)).filter((a): a is Article => a !== undefined);
    const shown = related.slice(0, 2);
    return withFeedback(this.articleCard(article, shown), { kind: 'article', articleId: article.id, via: 'id', related: shown.map((r) => r.id) });
  }

  noAnswer(question: string): Partial<Activity> {
    return cardMessage(
      [
        textBlock("I couldn't find an answer to this in the knowledge base:", { weight: 'Bolder' }),
        literalText(truncate(question, 300), { italic: true }),
        textBlock(
          "It covers Exchange Server from 2000 to Subscription Edition: roles, clusters and DAGs, load balancing, supported Windows releases and the support lifecycle. I've noted the question so the team can add an article. If you are planning a setup, the support check can tell you whether it is supported.",
        ),
      ],
      [sayAction(CHECK_MY_SETUP), sayAction(SEARCH_THE_KB), sayAction('Help')],
      'No answer found in the knowledge base',
    );
  }

  question(dimension: Dimension, facts: Facts, note?: string, assumed?: Facts): Partial<Activity> {
    const [question, ...rest] = this.questionBody(dimension, facts, assumed);
    // The note ("Noted: Windows Server 2022.") sits under the question, which stays the card's first line.
    return cardMessage(
      [question!, ...(note ? [textBlock(`${note} Still missing: the ${lowerFirstWord(dimension.label)}.`, { isSubtle: true })] : []), ...rest],
      [],
      dimension.question,
    );
  }

  retry(dimension: Dimension, facts: Facts, assumed?: Facts): Partial<Activity> {
    const values = this.kb.valuesFor(dimension.id, { ...assumed, ...facts });
    // Short ways to say each choice, so the second wording shows what a typed answer looks like.
    const examples = values
      .map((value, i) => {
        const short = [...value.acronyms, ...value.answers, ...value.names].filter((p) => p.length <= 24).sort((a, b) => a.length - b.length)[0];
        return `${i + 1}. ${value.label}${short && short.toLowerCase() !== value.label.toLowerCase() ? ` (or "${short}")` : ''}`;
      })
      .join('\n');
    const [question, ...rest] = this.questionBody(dimension, facts, assumed);
    const body = [
      textBlock(RETRY_NOTICE, { color: 'warning' }),
      question!,
      textBlock(`Type the words, the short form or the number, for example:\n${examples}`),
      ...rest,
      textBlock('Not sure? Say **not sure** or **skip**: I will leave it open and name it in the verdict.', { isSubtle: true, size: 'Small' }),
    ];
    return cardMessage(body, [], dimension.question);
  }

  pause(dimension: Dimension): Partial<Activity> {
    return markdownMessage(`Sure, take your time: I'll wait for the **${lowerFirstWord(dimension.label)}**. Say **skip** if you'd rather go on without it.`);
  }

  leftOpen(dimension: Dimension, why: 'not-understood' | 'asked-twice', known: Facts = {}, note?: string): Partial<Activity> {
    const lead = why === 'not-understood' ? "I still couldn't read that answer, so" : 'I have asked that twice already, so';
    // The example is a value that exists for this setup ("Enterprise" for Windows Server 2008 R2, not "Windows 2000 Server").
    const values = this.kb.valuesFor(dimension.id, known).filter((v) => !v.alias);
    // Issue 21 (s21): a third time round, say what is still missing in other words, with the answers this setup can
    // take; those that keep it supported first, since they are the ones worth checking.
    const supported = values.filter((v) => {
      const verdict = this.kb.decide({ ...known, [dimension.id]: v.id })?.verdict;
      return verdict === 'supported' || verdict === 'supported-with-conditions';
    });
    const shown = (supported.length > 0 ? supported : values).slice(0, 3).map((v) => v.label);
    const example = supported[0] ?? values[0];
    const more = (supported.length > 0 ? supported : values).length > shown.length ? ', among others' : '';
    const missing =
      shown.length === 0
        ? ''
        : supported.length > 0
          ? ` Still missing: the ${lowerFirstWord(dimension.label)}; this setup can be supported with ${listOr(shown)}${more}.`
          : ` Still missing: the ${lowerFirstWord(dimension.label)}, for example ${listOr(shown)}${more}.`;
    return markdownMessage(
      `${note ? `${note} ` : ''}${lead} I'll leave the **${lowerFirstWord(dimension.label)}** open and go on; the verdict names it as a condition.${missing} Tell me when you know it (for example *it's ${example ? this.exampleOf({ ...dimension, values: [example] }) : this.exampleOf(dimension)}*).`,
    );
  }

  whyAsked(kind: QuestionAboutQuestion, dimension: Dimension, outcomes: ReadonlyArray<{ value: DimensionValue; decision?: Decision }>): Partial<Activity> {
    const lines = [
      kind === 'why'
        ? `I ask because the ${lowerFirstWord(dimension.label)} changes the verdict for what you told me:`
        : `The conditions depend on the ${lowerFirstWord(dimension.label)}:`,
    ];
    for (const { value, decision } of outcomes) {
      if (!decision) {
        lines.push(`- ${value.label}: a few more questions decide it.`);
        continue;
      }
      const conditions = kind === 'conditions' && decision.conditions.length > 0 ? ` Conditions: ${decision.conditions.map((c) => c.condition).join(' ')}` : '';
      lines.push(`- ${value.label}: **${VERDICT_LABELS[decision.verdict]}**.${conditions}`);
    }
    return markdownMessage(lines.join('\n'));
  }

  /**
   * Collapsed, the card says what a helpdesk agent needs and fits a chat window (issue 21: 600 px
   * high at 900 px wide in Web Chat): the out-of-support line, the label, what changed, the reason
   * about this setup (its first clause), the first recommendation, the first conditions (open facts
   * first), then the sources. Every reason in full, all conditions, the lifecycle notes, the facts and
   * the ticket summary are behind "Details and ticket summary" (Action.ShowCard, which Teams
   * renders). Rule ids go only to the summary.
   */
  verdict(decision: Decision, facts: Facts, setAside: readonly SetAside[] = [], changed?: string): Partial<Activity> {
    const label = VERDICT_LABELS[decision.verdict];
    const dims = this.kb.dimensions;
    const lead = leadReason(decision);
    const why = Object.entries({ ...facts }).map(([d, v]) => [dims.find((x) => x.id === d)?.label ?? d, valueLabel(dims, d, v)] as const);
    // Facts left open or assumed first: they are what the user has to find out or confirm.
    const unconfirmed = (id: string) => id.startsWith('open-') || id.startsWith(ASSUMED_CONDITION_PREFIX);
    const conditions = [...decision.conditions].sort((a, b) => Number(!unconfirmed(a.id)) - Number(!unconfirmed(b.id))).map((limit) => `- ${limit.condition}`);
    const shownConditions = conditions.slice(0, CONDITIONS_SHOWN);
    const lifecycle = lifecycleLines(decision);
    const headline = outOfSupportHeadline([decision]);
    const recommendation = recommendations(decision)[0] ?? '';
    const body: CardElement[] = [
      // A retired product is said first: the line a helpdesk agent copies must not read "Supported".
      ...(headline ? [textBlock(headline, { weight: 'Bolder', color: 'attention' })] : []),
      textBlock(cardLabel(decision.verdict, [decision]), { size: headline ? 'Medium' : 'ExtraLarge', weight: 'Bolder', color: VERDICT_COLORS[decision.verdict], spacing: 'Small' }),
      ...(changed ? [textBlock(changed, { weight: 'Bolder' })] : []),
      textBlock(firstClause(lead)),
      ...assumedLines(decision).map((line) => textBlock(line, { isSubtle: true })),
      ...setAside.map((aside) =>
        textBlock(`You also mentioned ${valueLabel(dims, aside.dimension, aside.value)}; it does not apply to this setup, so this check does not evaluate it.`, { isSubtle: true }),
      ),
      ...dims
        .filter((d) => !d.evaluated && facts[d.id] !== undefined)
        .map((d) => {
          const mentioned = d.type === 'number' ? `${facts[d.id]!} ${d.label.toLowerCase()}` : valueLabel(dims, d.id, facts[d.id]!);
          return textBlock(`You also mentioned ${mentioned}; this check does not evaluate that, so look it up separately.`, { isSubtle: true });
        }),
      textBlock(`**Recommendation:** ${firstClause(recommendation)}`),
      ...(conditions.length > 0
        ? [
            textBlock(
              `**Conditions to meet** (${conditions.length > shownConditions.length ? `${conditions.length - shownConditions.length} more under Details` : 'tell me if one does not hold'}):`,
            ),
            textBlock(shownConditions.join('\n'), { spacing: 'None' }),
          ]
        : []),
      // The product's own lifecycle is the headline; a retired Windows release gets one short line.
      ...decision.lifecycle
        .filter((note) => note.retired && note.dimension !== 'version')
        .map((note) => textBlock(`${note.label}: out of support since ${formatDate(note.endOfSupport)}.`, { isSubtle: true, size: 'Small' })),
    ];
    const details: CardElement[] = [
      ...(firstClause(lead) !== lead ? [textBlock(lead)] : []),
      ...reasons(decision)
        .filter((r) => r !== lead)
        .map((r) => textBlock(r)),
      ...recommendations(decision)
        .filter((r, i) => i > 0 || firstClause(r) !== r)
        .map((r) => textBlock(`**Recommendation:** ${r}`)),
      ...(conditions.length > shownConditions.length ? [textBlock('**All conditions to meet:**'), textBlock(conditions.join('\n'), { spacing: 'None' })] : []),
      ...lifecycle.map((line) => textBlock(line, { isSubtle: true, size: 'Small' })),
      textBlock('Facts', { weight: 'Bolder' }),
      factSet(why),
      textBlock('Triage summary (copy into the ticket, or say "summary")', { weight: 'Bolder', spacing: 'Medium' }),
      literalText(triageSummary(decision, facts, dims, { setAside, applies: (d) => this.kb.valuesFor(d, facts).length > 0 }), { fontType: 'Monospace' }),
    ];
    body.push(verdictButtons(citedArticles(decision), details));
    const subject: AnswerSubject = {
      kind: 'verdict',
      verdict: decision.verdict,
      facts: { ...facts },
      rules: [...decision.rules.map((rule) => rule.id), ...decision.broken.map((limit) => limit.id)],
    };
    return withFeedback(cardMessage(body, [], `${headline ? `${headline} ` : ''}${label}: ${lead}`), subject);
  }

  designVerdict(groups: readonly GroupVerdict[], changed?: string): Partial<Activity> {
    const dims = this.kb.dimensions;
    const overall = worstVerdict(groups.map((g) => g.decision.verdict));
    const decisions = groups.map((g) => g.decision);
    const headline = outOfSupportHeadline(decisions);
    const body: CardElement[] = [
      ...(headline ? [textBlock(headline, { weight: 'Bolder', color: 'attention' })] : []),
      textBlock(cardLabel(overall, decisions, true), { size: headline ? 'Medium' : 'ExtraLarge', weight: 'Bolder', color: VERDICT_COLORS[overall], spacing: 'Small' }),
      ...(changed ? [textBlock(changed, { weight: 'Bolder' })] : []),
    ];
    // Collapsed: each group's label and the first clause of its reason; the rest under Details.
    const details: CardElement[] = [
      textBlock(`The design as a whole: ${groups.length} server groups, judged one by one; the design is as good as its weakest group.`, { isSubtle: true }),
    ];
    const withVersion = new Set(groups.map((g) => g.facts.version)).size > 1;
    groups.forEach((group, i) => {
      const heading = `${VERDICT_LABELS[group.decision.verdict]}: ${this.describeGroup(group.facts, i, withVersion)}`;
      const lead = leadReason(group.decision);
      body.push(textBlock(heading, { weight: 'Bolder', color: VERDICT_COLORS[group.decision.verdict], spacing: 'Small' }), textBlock(firstClause(lead), { spacing: 'None' }));
      for (const line of assumedLines(group.decision)) body.push(textBlock(line, { isSubtle: true, spacing: 'None' }));
      details.push(textBlock(`**${heading}**`), textBlock(lead), textBlock(`**Recommendation:** ${recommendations(group.decision)[0] ?? ''}`));
      if (group.decision.conditions.length > 0) details.push(textBlock(group.decision.conditions.map((c) => `- ${c.condition}`).join('\n'), { spacing: 'None' }));
    });
    details.push(
      textBlock('Triage summary (copy into the ticket, or say "summary")', { weight: 'Bolder' }),
      literalText(
        [
          summaryHeading(overall, decisions, true).join('\n'),
          ...groups.map(
            (g, i) =>
              `Group ${i + 1}: ${this.describeGroup(g.facts, i, withVersion)}\n${withoutLine(triageSummary(g.decision, g.facts, dims, { setAside: g.setAside, applies: (d) => this.kb.valuesFor(d, g.facts).length > 0 }), headline)}`,
          ),
        ].join('\n\n'),
        { fontType: 'Monospace' },
      ),
    );
    body.push(verdictButtons([...new Set(groups.flatMap((g) => citedArticles(g.decision)))], details));
    const subject: AnswerSubject = {
      kind: 'verdict',
      verdict: overall,
      facts: { ...groups[0]!.facts },
      rules: groups.flatMap((g) => [...g.decision.rules.map((rule) => rule.id), ...g.decision.broken.map((limit) => limit.id)]),
    };
    return withFeedback(cardMessage(body, [], `${headline ? `${headline} ` : ''}${VERDICT_LABELS[overall]}: design of ${groups.length} server groups`), subject);
  }

  notSure(dimension: Dimension, facts: Facts, outcomes: ReadonlyArray<{ value: DimensionValue; decision?: Decision }>): Partial<Activity> {
    const lines = [`No problem. ${dimension.howToFind ?? 'Your server documentation or the person who built the servers will know.'}`, '', 'How the answer changes the verdict:'];
    for (const { value, decision } of outcomes) {
      lines.push(`- If ${value.label}: ${decision ? `**${VERDICT_LABELS[decision.verdict]}**. ${leadReason(decision)}` : 'a few more questions decide it.'}`);
    }
    void facts;
    lines.push('', `I'll leave the ${lowerFirstWord(dimension.label)} open for now and name it in the verdict; tell me when you know it.`);
    return markdownMessage(lines.join('\n'));
  }

  notSureAfterVerdict(open: readonly string[] = []): Partial<Activity> {
    const tell = "When you know more, just tell me (for example *the nodes are also domain controllers* or *it's Windows Server 2019*) and I'll run the check again with it.";
    if (open.length === 0) return markdownMessage(`That's fine: the verdict above stands, and each condition it names is something to confirm. ${tell}`);
    // "skip that too" after a verdict: which facts stay open, so the agent knows what the conditions are about (issue 21).
    const named = open.map((label) => lowerFirstWord(label));
    const list = named.length === 1 ? named[0]! : `${named.slice(0, -1).join(', ')} and ${named[named.length - 1]!}`;
    return markdownMessage(`That's fine: the verdict above stands with the ${list} left open, named as a condition to confirm. ${tell}`);
  }

  staleButton(): Partial<Activity> {
    return markdownMessage(
      'That button belongs to a question of an earlier card, and its answer does not fit the setup I just judged, so the verdict above stands. To change a fact, just tell me (for example *what if we use CCR?*), or say *start over* for a new check.',
    );
  }

  followUp(kind: FollowUp, groups: readonly GroupVerdict[]): Partial<Activity> {
    const dims = this.kb.dimensions;
    const several = groups.length > 1;
    // A retired product's follow-up says so first, and its label keeps "while Exchange 2013 was supported", as the card does.
    const heading = (g: GroupVerdict, i: number) =>
      several ? `**${this.describeGroup(g.facts, i)}** (${cardLabel(g.decision.verdict, [g.decision])})` : `**${cardLabel(g.decision.verdict, [g.decision])}**`;
    // The sources of a verdict are documents: its label still says "while Exchange 2013 was supported", the headline would push them down.
    const retired = kind === 'summary' || kind === 'sources' ? undefined : outOfSupportHeadline(groups.map((g) => g.decision));
    const lines: string[] = retired ? [`**${retired}**`, ''] : [];
    groups.forEach((g, i) => {
      const d = g.decision;
      switch (kind) {
        case 'why': {
          const facts = Object.entries(d.decisiveFacts).map(([dim, v]) => `${dims.find((x) => x.id === dim)?.label ?? dim}: ${valueLabel(dims, dim, v)}`);
          lines.push(`${heading(g, i)} because:`, ...reasons(d).map((r) => `- ${r}`));
          if (facts.length > 0) lines.push(`- Decided by: ${facts.join('; ')}.`);
          if (d.conditions.length > 0) lines.push('- It holds only if these conditions are met:', ...d.conditions.map((c) => `  - ${c.condition}`));
          break;
        }
        case 'instead':
          lines.push(`${heading(g, i)}: what to do`, ...recommendations(d).map((r) => `- ${r}`), ...d.conditions.map((c) => `- Make sure: ${c.condition}`));
          break;
        case 'conditions':
          if (d.conditions.length > 0) lines.push(`${heading(g, i)}: conditions to meet`, ...d.conditions.map((c) => `- ${c.condition}`));
          else lines.push(`${several ? `${heading(g, i)}: ` : ''}No conditions are left open for this setup. ${leadReason(d)}`, ...recommendations(d).map((r) => `- ${r}`));
          break;
        case 'sources':
          lines.push(`${heading(g, i)} rests on:`, ...verdictSourceLines(d, this.kb));
          break;
        case 'summary':
          lines.push(
            '```',
            `${several ? `Group ${i + 1}: ${this.describeGroup(g.facts, i)}\n` : ''}${triageSummary(d, g.facts, dims, { setAside: g.setAside, applies: (dim) => this.kb.valuesFor(dim, g.facts).length > 0 })}`,
            '```',
          );
          break;
      }
      lines.push('');
    });
    return markdownMessage(lines.join('\n').trim());
  }

  smallTalk(kind: SmallTalk): Partial<Activity> {
    const text: Record<SmallTalk, string> = {
      thanks: "You're welcome! Ask me anything else about Exchange, or say **check my setup**.",
      presence: "I'm here. Ask me a question about Exchange, or say **check my setup**.",
      identity:
        "I'm the Exchange support bot. I answer questions about Exchange Server, from Exchange 2000 to Subscription Edition, from our knowledge base, and I check whether an Exchange setup you plan is supported (say **check my setup**).",
      bye: 'Bye! Come back any time you need an Exchange answer.',
    };
    return markdownMessage(text[kind]);
  }

  /**
   * A pasted listing: one card with a container per group (a retired version's out-of-support line
   * first, its label, servers, build, verdict, reason, conditions and what the paste was read to
   * show), the questions still open, each asked once for the servers it concerns; then the ticket
   * summary listing every server as a message of its own, in parts of {@link TICKET_LINES_PER_MESSAGE}
   * lines so a large estate stays within a channel's message size.
   */
  listing(view: ListingView): Partial<Activity>[] {
    const shown = view.groups.slice(0, LISTING_GROUPS_PER_CARD);
    // A retired version in the paste heads the card, as it heads a verdict card (issue 21): the line a helpdesk agent reads first.
    const body: CardElement[] = [
      ...(view.ticketHeadlines.length > 0 ? [textBlock(view.ticketHeadlines.join('\n'), { weight: 'Bolder', color: 'attention' })] : []),
      textBlock(view.intro, { weight: 'Bolder' }),
    ];
    for (const group of shown) {
      body.push({
        type: 'Container',
        separator: true,
        spacing: 'Medium',
        items: [
          ...(group.outOfSupport ? [textBlock(group.outOfSupport, { weight: 'Bolder', color: 'attention' })] : []),
          textBlock(group.verdictLabel, { weight: 'Bolder', size: 'Medium', color: group.verdict ? VERDICT_COLORS[group.verdict] : 'default' }),
          textBlock(group.label, { weight: 'Bolder' }),
          factSet([
            ['Servers', serverList(group.servers, 10)],
            ['Build', group.build],
          ]),
          textBlock(group.reason),
          ...(group.conditions.length > 0 ? [textBlock(group.conditions.map((c) => `- ${c}`).join('\n'), { isSubtle: true })] : []),
          ...group.notes.map((note) => textBlock(note, { isSubtle: true, size: 'Small' })),
        ],
      });
    }
    if (view.groups.length > shown.length) body.push(textBlock(`${view.groups.length - shown.length} more groups are in the ticket summary below.`, { isSubtle: true }));
    if (view.questions.length > 0)
      body.push(textBlock('**To settle what is still open**', { spacing: 'Medium' }), textBlock(view.questions.map((q) => `- ${q.question}`).join('\n')));
    if (view.buildLines.length > 0)
      body.push(
        textBlock(
          view.buildLines
            .slice(0, 12)
            .map((b) => `- ${b}`)
            .join('\n'),
          { isSubtle: true, size: 'Small' },
        ),
      );
    // The ticket summary to copy, as a verdict card has it under Details (headed by the out-of-support lines); every server is in the messages below too.
    const copied = view.ticket.slice(0, TICKET_LINES_PER_MESSAGE);
    const more = view.ticket.length - copied.length;
    body.push({
      type: 'ActionSet',
      actions: [
        {
          type: 'Action.ShowCard',
          title: 'Ticket summary',
          card: {
            type: 'AdaptiveCard',
            version: '1.4',
            body: [literalText([...view.ticketHeadlines, ...copied, ...(more > 0 ? [`(${more} more servers in the messages below)`] : [])].join('\n'), { fontType: 'Monospace' })],
          },
        },
      ],
    });
    const summary = `${[...view.ticketHeadlines, view.intro].join(' ')} ${view.groups.map((g) => `${g.verdictLabel}: ${g.label}`).join('; ')}`.slice(0, 500);
    const card = cardMessage(body, [sayAction('Start over')], summary);
    const ticket: Partial<Activity>[] = [];
    for (let i = 0; i < view.ticket.length; i += TICKET_LINES_PER_MESSAGE) {
      const part = view.ticket.slice(i, i + TICKET_LINES_PER_MESSAGE);
      const heading = i === 0 ? '**Ticket summary** (every server)' : `**Ticket summary** (continued, servers ${i + 1} to ${i + part.length})`;
      // A retired version heads the ticket as it heads the card (issue 21): the line a helpdesk agent pastes first.
      const headlines = i === 0 ? view.ticketHeadlines.map((h) => `${h}  `) : [];
      ticket.push(markdownMessage([heading, '', ...headlines, ...part.map((t) => `- ${t}`)].join('\n')));
    }
    if (view.rest) ticket.push(markdownMessage(`(Besides the listing you wrote: "${view.rest}")`));
    return [card, ...ticket];
  }

  outOfScope(): Partial<Activity> {
    return cardMessage(
      [
        textBlock(OUT_OF_SCOPE, { weight: 'Bolder' }),
        textBlock(
          'I only know Microsoft Exchange Server (2000 to Subscription Edition): its roles, high availability (clusters, DAGs, load balancing), supported Windows releases and support lifecycle. For other products, their own documentation is the place to look.',
        ),
        textBlock('Ask me an Exchange question, or check an Exchange setup:', { isSubtle: true }),
      ],
      [sayAction(CHECK_MY_SETUP), sayAction(SEARCH_THE_KB), sayAction('Help')],
      'Outside what this Exchange bot covers',
    );
  }

  /** A short typed answer for a dimension ("Enterprise", "2016"). */
  private exampleOf(dimension: Dimension): string {
    const value = dimension.values.find((v) => !v.alias) ?? dimension.values[0];
    return value ? (value.label.length <= 30 ? value.label : ([...value.names, ...value.answers].find((p) => p.length <= 20) ?? value.label)) : dimension.label;
  }

  /** "Front-end, Windows NLB" for a design's server group. */
  /** `withVersion`: the design's groups run different Exchange versions (one organization), so each heading names its own. */
  private describeGroup(facts: Facts, index: number, withVersion = false): string {
    const dims = this.kb.dimensions;
    const parts = [...(withVersion ? ['version'] : []), 'role', 'ha'].filter((d) => facts[d] !== undefined).map((d) => valueLabel(dims, d, facts[d]!));
    return parts.length > 0 ? parts.join(', ') : `Server group ${index + 1}`;
  }

  private articleCard(article: Article, related: readonly Article[]): Partial<Activity> {
    const sources = article.sources.map((s) => `${s.ref}: ${s.title}`);
    const body: CardElement[] = [
      textBlock(article.title, { size: 'Medium', weight: 'Bolder' }),
      textBlock(`${article.id} · reviewed ${formatDate(article.reviewed)}`, { isSubtle: true, spacing: 'None' }),
      textBlock(article.summary),
      textBlock(`Source${sources.length > 1 ? 's' : ''}: ${sources.join('; ')}`, { isSubtle: true, size: 'Small' }),
    ];
    const actions = [...related.map((r) => sayAction(`${r.id}: ${truncate(r.title, 40)}`, `Show ${r.id}`)), sayAction(CHECK_MY_SETUP)];
    return cardMessage(body, actions, `${article.id}: ${article.title}`);
  }

  private questionBody(dimension: Dimension, facts: Facts, assumed?: Facts): CardElement[] {
    const known = this.kb.dimensions.filter((d) => facts[d.id] !== undefined).map((d) => [d.label, valueLabel(this.kb.dimensions, d.id, facts[d.id]!)] as const);
    return [
      textBlock(dimension.question, { weight: 'Bolder', size: 'Medium' }),
      ...(known.length > 0 ? [textBlock('Known so far', { isSubtle: true }), factSet(known)] : []),
      // The choices of the setup the check takes as given ("Exchange 2000": Windows 2000's editions); "Known so far" lists only what was said.
      ...choiceRows(this.kb.valuesFor(dimension.id, { ...assumed, ...facts }).map((value) => submitAction(value.label, { dimension: dimension.id, value: value.id }))),
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

/** "Windows edition" in a sentence; acronyms and names ("DAG", "Exchange version") keep their capitals. */
function lowerFirstWord(text: string): string {
  return /^[A-Z][a-z]/.test(text) && !/^(Exchange|Windows)\b/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}

/** Conditions a collapsed verdict card shows; the rest are under Details. */
const CONDITIONS_SHOWN = 3;

/**
 * A verdict's buttons, in the body rather than the card's own actions: the sources (up to three),
 * the "Details and ticket summary" toggle and "Start over", so the feedback row that
 * {@link withFeedback} appends to the body comes after them, below the sources.
 */
function verdictButtons(cited: readonly string[], details: CardElement[]): CardElement {
  // Web Chat stacks the buttons of an ActionSet; one short button per column puts the sources and
  // "Start over" side by side, on one row. The ShowCard stays in a full-width ActionSet, where its
  // card opens across the whole width.
  const row = [...cited.slice(0, 3).map((id) => sayAction(`Read ${id}`, `Show ${id}`)), sayAction('Start over')];
  return {
    type: 'Container',
    items: [
      { type: 'ColumnSet', columns: row.map((action) => ({ type: 'Column', width: 'stretch', items: [{ type: 'ActionSet', actions: [action] }] })) },
      { type: 'ActionSet', actions: [{ type: 'Action.ShowCard', title: 'Details and ticket summary', card: { type: 'AdaptiveCard', version: '1.4', body: details } }] },
    ],
  };
}

/** A group's summary inside a design's: the design's out-of-support line is said once, at the top. */
function withoutLine(text: string, line: string | undefined): string {
  return line === undefined
    ? text
    : text
        .split('\n')
        .filter((l) => l !== line)
        .join('\n');
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** "A, B or C". */
function listOr(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
