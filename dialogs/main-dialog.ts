import type { TurnContext } from 'botbuilder';
import { ComponentDialog, Dialog, DialogTurnStatus, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import type { KnowledgeBase } from '../knowledge';
import { followUp, isCorrection } from './conversation-intents';
import { readCorrection } from './fact-prompt';
import { memoryLastCheckStore, type LastCheck, type LastCheckStore } from './last-check';
import { routeMessage, type Route } from './message-router';
import { InMemorySuggestionPicks, suggestionPick, type GroupVerdict, type Replies, type SuggestionPicks, type UnansweredQuestions } from './replies';
import { SupportCheckDialog, withoutStale, type SupportCheckOptions, type SupportCheckResult } from './support-check-dialog';

/**
 * The root conversation: each message is routed (see {@link routeMessage}) to a knowledge-base
 * answer or to the guided check. While the check runs, "help", "cancel" and "start over" work at
 * any step; anything else is the answer to the current question. After a verdict, follow-ups
 * ("why?", "what should I do instead?", "what's the KB number?", "conditions?", "summary") refer
 * to it, and a correction or "what if we use NLB instead?" changes that fact and decides again.
 */
export class MainDialog extends ComponentDialog {
  static readonly id = 'main';

  constructor(
    private readonly kb: KnowledgeBase,
    private readonly replies: Replies,
    private readonly unanswered: UnansweredQuestions,
    private readonly lastCheck: LastCheckStore = memoryLastCheckStore(),
    private readonly picks: SuggestionPicks = new InMemorySuggestionPicks(),
  ) {
    super(MainDialog.id);
    this.addDialog(new SupportCheckDialog(kb, replies));
  }

  protected override async onBeginDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const text = innerDc.context.activity.text ?? '';
    const last = await this.lastCheck.get(innerDc.context);
    if (last) {
      const handled = await this.afterVerdict(innerDc, text, last);
      if (handled) return handled;
    }
    return this.handle(innerDc, routeMessage(text, this.kb));
  }

  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const route = routeMessage(innerDc.context.activity.text ?? '', this.kb);
    switch (route.kind) {
      case 'help':
        await innerDc.context.sendActivity(this.replies.help(true));
        await innerDc.repromptDialog();
        return Dialog.EndOfTurn;
      case 'cancel':
      case 'restart':
        await innerDc.cancelAllDialogs();
        return this.handle(innerDc, route);
      default:
        return this.remember(innerDc.context, await super.onContinueDialog(innerDc));
    }
  }

  /** A follow-up or a correction of the last verdict, or undefined when the message is something new. */
  private async afterVerdict(innerDc: DialogContext, text: string, last: LastCheck): Promise<DialogTurnResult | undefined> {
    // Most messages after a verdict are something new: the pattern tests are cheap, so they come
    // before reading facts and working the decisions out again.
    const kind = followUp(text);
    const correction = isCorrection(text);
    if (!kind && !correction) return undefined;
    const groups = this.verdicts(last);
    if (!groups) return undefined;
    const named = this.kb.recognizer.extract(text, last.groups[0]!.facts).facts;
    if (kind && (Object.keys(named).length === 0 || kind === 'summary')) {
      await innerDc.context.sendActivity(this.replies.followUp(kind, groups));
      return { status: DialogTurnStatus.complete };
    }
    if (correction && last.groups.length >= 1) {
      const base = last.groups[0]!.facts;
      const corrected = readCorrection(this.kb, text, base, last.answered.length > 0 ? last.answered : Object.keys(base));
      if (Object.keys(corrected).length > 0) {
        const options: SupportCheckOptions = {
          groups: last.groups.map((group) => ({ facts: withoutStale(this.kb, group.facts, corrected), setAside: group.setAside })),
          answered: [...last.answered, ...Object.keys(corrected)],
        };
        return this.remember(innerDc.context, await innerDc.beginDialog(SupportCheckDialog.id, options));
      }
    }
    return undefined;
  }

  /** The decisions of the last check, worked out again from its facts (undefined if the rules no longer decide them). */
  private verdicts(last: LastCheck): GroupVerdict[] | undefined {
    const groups: GroupVerdict[] = [];
    for (const group of last.groups) {
      const decision = this.kb.decide(group.facts);
      if (!decision) return undefined;
      groups.push({ facts: group.facts, setAside: group.setAside, decision });
    }
    return groups.length > 0 ? groups : undefined;
  }

  /** Keeps the verdict of a check that just ended, for follow-ups. */
  private async remember(context: TurnContext, turn: DialogTurnResult): Promise<DialogTurnResult> {
    const result = turn.result as SupportCheckResult | undefined;
    if (turn.status === DialogTurnStatus.complete && result?.groups) {
      await this.lastCheck.set(context, { groups: result.groups, answered: result.answered });
    }
    return turn;
  }

  private async handle(innerDc: DialogContext, route: Route): Promise<DialogTurnResult> {
    const { context } = innerDc;
    switch (route.kind) {
      case 'check':
        await this.lastCheck.set(context, undefined);
        return this.remember(
          context,
          await innerDc.beginDialog(SupportCheckDialog.id, route.groups ? { groups: route.groups.map((facts) => ({ facts, setAside: [] })) } : { facts: route.facts }),
        );
      case 'restart':
        await this.lastCheck.set(context, undefined);
        return innerDc.beginDialog(SupportCheckDialog.id, { facts: {} });
      case 'cancel':
        await context.sendActivity(this.replies.cancelled());
        break;
      case 'help':
        await context.sendActivity(this.replies.help(false));
        break;
      case 'greeting':
        await context.sendActivity(this.replies.welcome());
        break;
      case 'small-talk':
        await context.sendActivity(this.replies.smallTalk(route.talk));
        break;
      case 'out-of-scope':
        await context.sendActivity(this.replies.outOfScope());
        break;
      case 'search-prompt':
        await context.sendActivity(this.replies.searchPrompt());
        break;
      case 'article': {
        const article = this.kb.article(route.id);
        // A "did you mean" button says which article answered the question it was offered for.
        const pick = article ? suggestionPick(context.activity.value, article.id) : undefined;
        if (pick) await this.picks.record(pick.suggestionFor, pick.article);
        if (article) await context.sendActivity(this.replies.article(article));
        else await this.answerSearch(innerDc, route.id);
        break;
      }
      case 'search':
        await this.answerSearch(innerDc, route.query);
        break;
      case 'empty':
        break;
    }
    return { status: DialogTurnStatus.complete };
  }

  private async answerSearch(innerDc: DialogContext, query: string): Promise<void> {
    const { best, related, passage, suggestions } = this.kb.search(query);
    if (best) {
      await innerDc.context.sendActivity(this.replies.answer(best, related, passage));
      return;
    }
    // A list of suggestions is not an answer: the question is kept for review either way.
    await innerDc.context.sendActivity(suggestions.length > 0 ? this.replies.suggestions(query, suggestions) : this.replies.noAnswer(query));
    await this.unanswered.record(innerDc.context, query);
  }
}
