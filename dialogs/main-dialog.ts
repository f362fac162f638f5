import { ComponentDialog, Dialog, DialogTurnStatus, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import type { KnowledgeBase } from '../knowledge';
import { routeMessage, type Route } from './message-router';
import { InMemorySuggestionPicks, suggestionPick, type Replies, type SuggestionPicks, type UnansweredQuestions } from './replies';
import { SupportCheckDialog } from './support-check-dialog';

/**
 * The root conversation: each message is routed (see {@link routeMessage}) to a knowledge-base
 * answer or to the guided check. While the check runs, "help", "cancel" and "start over" work at
 * any step; anything else is the answer to the current question.
 */
export class MainDialog extends ComponentDialog {
  static readonly id = 'main';

  constructor(
    private readonly kb: KnowledgeBase,
    private readonly replies: Replies,
    private readonly unanswered: UnansweredQuestions,
    private readonly picks: SuggestionPicks = new InMemorySuggestionPicks(),
  ) {
    super(MainDialog.id);
    this.addDialog(new SupportCheckDialog(kb, replies));
  }

  protected override async onBeginDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const route = routeMessage(innerDc.context.activity.text ?? '', this.kb);
    return this.handle(innerDc, route);
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
        return super.onContinueDialog(innerDc);
    }
  }

  private async handle(innerDc: DialogContext, route: Route): Promise<DialogTurnResult> {
    const { context } = innerDc;
    switch (route.kind) {
      case 'check':
        return innerDc.beginDialog(SupportCheckDialog.id, { facts: route.facts });
      case 'restart':
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
    await this.unanswered.record(query, innerDc.context.activity.conversation?.id ?? 'unknown');
  }
}
