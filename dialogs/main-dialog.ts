import { withCoexistence } from '../knowledge/rules/design-coexistence';
import { typedLevel, type Level } from '../knowledge/direct-answers/coexistence-answers';
import { namedUpdateCurrency } from '../knowledge/reading/typed-update';
import { serversNamedJoining } from '../knowledge/reading/count-words';
import type { TurnContext } from './turn';
import { Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from './dialog-frame';
import {
  describeBuilds,
  describeTypedUpdate,
  findBuilds,
  formatDate,
  runningUpdate,
  openForStatedQuestion,
  retiredProduct,
  saidUnknown,
  stepWithOpen,
  SUPPORTED_PATH,
  upgradesInPlaceToSe,
  valueLabel,
  type Facts,
  type KnowledgeBase,
  type DirectQuestion,
  type PreviousQuestion,
} from '../knowledge';
import { ListingFollowUp, memoryLastListingStore, type LastListingStore } from './listing-follow-up';
import {
  aboutLastAnswer,
  followUp,
  endsWithQuestionTag,
  isAddition,
  isBareThen,
  isCorrection,
  isNotSure,
  isOutOfScope,
  isLifecycleFollowUp,
  isStatement,
  isStatusQuestion,
  SOME_MEMBERS,
} from './conversation-intents';
import { readCorrection } from './fact-answer';
import { memoryLastAnswerStore, type LastAnswerStore } from './last-answer';
import { memoryConversationStore, type ConversationStore } from './conversation-store';
import { memoryLastCheckStore, type CheckedGroup, type LastCheck, type LastCheckStore } from './last-check';
import { namedHosts, savedHosts, withNamedHosts, withWitnessHostAsWitness, witnessOnNamedMember, type NamedHosts } from '../knowledge/reading/named-hosts';
import { articleCommand, asksForNewCheck, isLookupQuestion, isSearchOrArticleCommand, newSetupText, routeCommand, routeMessage, type Route } from './message-router';
import { previousReleaseCheckState } from './previous-check-state';
import { withWindowsYearAfterOn } from './windows-year-after-on';
import { asksForMove, migrationLine, movesToSe, seInPlaceOver } from './migration-path';
import { openForDesign } from './design-open';
import { isRetiredVersion, openForRetiredVersion, retiredAnswer, retiredQuestion } from './retired-version';
import { isRefine, openForPlan } from './plan-open';
import { InMemorySuggestionPicks, suggestionPick, type GroupVerdict, type Replies, type SuggestionPicks, type UnansweredQuestions } from './replies';
import { SupportCheck, withoutStale, type CheckState, type CheckTurn, type SupportCheckOptions } from './support-check-dialog';

/** What the root dialog keeps in its frame: the check waiting for an answer (there is a frame only then). */
interface MainFrame {
  check?: CheckState;
  /**
   * Session 14 (d26): the hosts the check's messages named ("fsw on FS1", "DAG01 = EX01 + EX02"), kept while it asks its
   * questions so that its verdict keeps them (LastCheck.hosts). Optional: a frame saved before has none (read with savedHosts).
   */
  hosts?: NamedHosts;
}

/** The hosts kept in a frame, read defensively (a frame of an older release or another shape has none). */
function framedHosts(frame: unknown): NamedHosts | undefined {
  return frame && typeof frame === 'object' ? savedHosts((frame as MainFrame).hosts) : undefined;
}

/** A check waiting in a frame, saved by this release or by the one before (see {@link previousReleaseCheckState}). */
function waitingCheck(frame: unknown): CheckState | undefined {
  return (frame as MainFrame | undefined)?.check ?? previousReleaseCheckState(frame);
}

/**
 * The root conversation: each message is routed (see {@link routeMessage}) to a knowledge-base
 * answer or to the guided check. While the check runs, "help", "cancel" and "start over" work at
 * any step; anything else is the answer to the current question. After a verdict, follow-ups
 * ("why?", "what should I do instead?", "what's the KB number?", "conditions?", "summary") refer
 * to it, and a correction or "what if we use NLB instead?" changes that fact and decides again.
 *
 * One dialog frame holds the whole conversation state: the guided check runs inside it (see
 * {@link SupportCheck}) rather than as nested dialogs, so a turn builds one dialog context, not four.
 */
/** The server judged said to run as a virtual machine ("we'll run it as a vmware vm", "it's a hyper-v guest"). */
const RUNS_AS_VM = /\b(vms?|virtual machines?|guests?|virtuali[sz]ed)\b/i;
/** The text with the builds found in it (findBuilds, as typed) taken out. */
function withoutBuilds(text: string, builds: readonly { text: string; start: number }[]): string {
  let left = text;
  for (const build of builds) left = left.slice(0, build.start) + ' '.repeat(build.text.length) + left.slice(build.start + build.text.length);
  return left;
}
/** What is left of "what build is 15.2.1748.10", "which exchange version is 15.1.2507.6?" once the build is taken out: the question alone. */
const BUILD_ONLY_QUESTION =
  /^[\s\W]*(?:(?:what|whats|what's|which|is|are|this|that|the|a|an|build|builds|build number|number|version|versions|exchange|cu|update|release|mean|means|does|do|stand|for|of|it|tell|me|about|please|pls|hi|hey)\b[\s\W]*)*$/i;

export class MainDialog extends Dialog {
  static readonly id = 'main';
  private readonly check: SupportCheck;
  private readonly listings: ListingFollowUp;

  constructor(
    private readonly kb: KnowledgeBase,
    private readonly replies: Replies,
    private readonly unanswered: UnansweredQuestions,
    private readonly lastCheck: LastCheckStore = memoryLastCheckStore(),
    private readonly picks: SuggestionPicks = new InMemorySuggestionPicks(),
    private readonly lastAnswer: LastAnswerStore = memoryLastAnswerStore(),
    lastListing: LastListingStore = memoryLastListingStore(),
    private readonly saidBefore: SaidBeforeStore = memoryConversationStore<string[]>(),
  ) {
    super(MainDialog.id);
    this.check = new SupportCheck(kb, replies);
    this.listings = new ListingFollowUp(kb, replies, lastListing);
  }

  override async beginDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const text = dc.context.activity.text ?? '';
    // The answer to a question of the last pasted listing judges that listing again (see listing-follow-up.ts).
    if (await this.listings.answer(dc.context, text)) return this.settle(dc);
    const last = await this.lastCheck.get(dc.context);
    const previous = await this.lastAnswer.get(dc.context);
    // "why?", "source?", "how sure are you?" right after a direct answer (q20): that answer again, read from the tables again;
    // for its source, without the lines between the answer and its source line, so both come first.
    const about = previous ? aboutLastAnswer(text) : undefined;
    const again = previous && about ? this.kb.directAnswers.answer({ ...previous, text: '' }) : undefined;
    if (again) {
      await dc.context.sendActivity(this.replies.directAnswer(about === 'sources' ? { ...again, details: [] } : again));
      return this.settle(dc);
    }
    // "Check my setup: ..." is a new check, whatever the last verdict was; "search nlb" a search.
    // "new setup: exchange 2013 cu23 ..." is a new check of that setup, never a change of the last one.
    if (last && !asksForNewCheck(text) && !isSearchOrArticleCommand(text) && newSetupText(text, this.kb) === undefined) {
      const handled = await this.afterVerdict(dc, text, last);
      if (handled) return handled;
    }
    if (await this.pasteListing(dc.context, text)) return this.settle(dc);
    const routed = routeMessage(text, this.kb, previous);
    // "from which cu?" right after a verdict on one version and Windows release (session 13, q23): the update level from which that
    // version runs there, read from the platform table as after a direct answer; searched, it got an article's passage.
    const only = last && !previous && routed.kind === 'search' && last.groups.length === 1 ? last.groups[0]!.facts : undefined;
    const fromUpdate =
      only?.version !== undefined && only.windows !== undefined
        ? this.kb.directAnswers.read(text, { attribute: 'runs-on', subject: { version: only.version, windows: only.windows } })
        : undefined;
    // "can we go straight to exchange 2016 from that?" right after a verdict (session 15 o27, w8-after-45): a move to another version
    // than SE is that version joining the organization judged (no in-place upgrade between versions, A-62): the coexistence table's answer.
    const movedTo = last && !previous && last.groups.length === 1 ? this.movedToVersion(text, last.groups[0]!.facts) : undefined;
    const route: Route =
      fromUpdate?.attribute === 'from-update' && this.kb.directAnswers.answer(fromUpdate)
        ? { kind: 'answer', question: fromUpdate }
        : movedTo && this.kb.directAnswers.answer(movedTo)
          ? { kind: 'answer', question: movedTo }
          : routed;
    // "should we be worried?", "and now?" right after a verdict on a retired version, in words no pattern above reads and
    // that the articles do not answer: that verdict again, headed "Out of support", rather than "I couldn't find" (g21).
    // "we'll run it as a vmware vm, is that fine?" right after a verdict: the hypervisor hosts the server judged (validated
    // hypervisors are supported, virtualization.md), so that verdict stands rather than "outside what I cover" (v22, w8-after-48).
    const hosted = last && route.kind === 'out-of-scope' && RUNS_AS_VM.test(text) && !isOutOfScope(text.trim(), true) ? this.verdicts(last) : undefined;
    if (hosted) return this.verdictStands(dc, hosted);
    const vague = last && route.kind === 'search' ? this.vagueRetiredFollowUp(text, last) : undefined;
    if (vague) return vague(dc);
    // "exchange 2016 cu3 release date": the date asked is the answer's first line, not that CU3 is behind (session 11, q21).
    const dated = route.kind === 'answer' && route.question.attribute === 'update-released';
    const saidBuilds = route.kind === 'check' || route.kind === 'search' || route.kind === 'answer' || route.kind === 'answers' ? await this.sayBuilds(dc.context, text, dated) : 0;
    // "what build is 15.2.1748.10": naming the build was the whole answer; the search after it found nothing and said so (session 14).
    if (route.kind === 'search' && saidBuilds > 0 && BUILD_ONLY_QUESTION.test(withoutBuilds(text, findBuilds(text, this.kb.builds)))) return this.settle(dc);
    return this.handle(dc, await this.withSaidBefore(dc.context, withAnsweredVersion(this.kb, route, text, previous), text));
  }

  /**
   * "2 node dag on 2012 r2 std, fsw on FS1, no DCs" (answered from the articles), then "it's exchange 2013 cu23": the facts
   * of the statements made before a check started are the setup's as much as the check's own message (issue 21, o23:
   * w8-oos-54/55 lost them and asked the role, the HA and the Windows release again). Each statement is kept (the last
   * few, short ones) until a check starts, which reads them again with its own facts known; a later fact wins, and a
   * statement naming another Exchange version than the check's is another setup, left out.
   */
  private async withSaidBefore(context: TurnContext, route: Route, text: string): Promise<Route> {
    const earlier = (await this.saidBefore.get(context)) ?? [];
    if (route.kind === 'check') {
      if (earlier.length > 0) await this.saidBefore.set(context, undefined);
      if (route.groups || earlier.length === 0) return route;
      const said: Record<string, string> = {};
      for (const before of earlier) {
        const read = this.kb.recognizer.extract(before, route.facts).facts;
        if (read.version !== undefined && route.facts.version !== undefined && read.version !== route.facts.version) continue;
        Object.assign(said, read);
      }
      return Object.keys(said).length > 0 ? { ...route, facts: { ...said, ...route.facts } } : route;
    }
    if (route.kind === 'restart' || route.kind === 'cancel') {
      if (earlier.length > 0) await this.saidBefore.set(context, undefined);
      return route;
    }
    // "2 mbx in a dag on 2016 std, fsw on fs1" (answered from the articles), then "it's exchange 2016": the version the
    // statements lacked, which completes the setup they describe, starts its check (w9-oos-17).
    const version = SAID_BEFORE_ROUTES.has(route.kind) && earlier.length > 0 && !isLookupQuestion(text) ? this.kb.recognizer.extract(text).facts.version : undefined;
    if (version !== undefined) {
      const completed = await this.withSaidBefore(context, { kind: 'check', facts: this.kb.recognizer.extract(text).facts }, text);
      if (completed.kind === 'check' && (completed.facts.ha !== undefined || completed.facts.role !== undefined)) return completed;
      await this.saidBefore.set(context, earlier);
    }
    if (SAID_BEFORE_ROUTES.has(route.kind) && this.statesSetup(text)) await this.saidBefore.set(context, [...earlier, text.trim()].slice(-SAID_BEFORE_KEPT));
    return route;
  }

  /** A statement (no question) naming a fact a rule reads: part of a setup described before its check starts. */
  private statesSetup(text: string): boolean {
    const trimmed = text.trim();
    if (trimmed.length > SAID_BEFORE_LENGTH || isLookupQuestion(trimmed)) return false;
    const facts = this.kb.recognizer.extract(trimmed).facts;
    return Object.keys(facts).some((d) => this.kb.dimensions.find((x) => x.id === d)?.evaluated !== false);
  }

  /**
   * A pasted listing (Get-ExchangeServer, Get-DatabaseAvailabilityGroup, systeminfo...) of two or more
   * servers, or one with a DAG, or sent as a `.txt` file (`file`, named in a refusal): its reply, and the listing
   * kept so that an answer to one of its questions judges it again. The bot calls it for long pastes
   * and files, which never reach the dialog's routes. True when the text was one (or too long to read).
   */
  async pasteListing(context: TurnContext, text: string, file?: string): Promise<boolean> {
    if (!(await this.listings.paste(context, text, file))) return false;
    // The conversation moved on to the listing: a bare answer now is about it, not the last check.
    await this.lastCheck.set(context, undefined);
    return true;
  }

  /**
   * What the Exchange build numbers of a message are ("15.2.1544.4 is Exchange 2019 CU14, released February 2024."), before the
   * answer; with none, what a CU typed in words that is behind should be updated to ("Exchange 2019 CU10 is more than one CU
   * behind: update to CU14 or CU15."), the CUs the verdict's recommendation asks for.
   */
  private async sayBuilds(context: TurnContext, text: string, updateDated = false): Promise<number> {
    const lines = describeBuilds(findBuilds(text, this.kb.builds), this.kb.builds);
    const facts = lines.length === 0 && !updateDated && /\bcu\s?\d/i.test(text) ? this.kb.recognizer.extract(text).facts : undefined;
    const typed = facts?.version !== undefined ? describeTypedUpdate(this.kb.builds, facts.version, text) : undefined;
    if (typed) lines.push(facts?.windows !== undefined ? `${typed} ${this.platformLine(facts, text)}` : typed);
    if (lines.length > 0) await context.sendActivity(lines.join('\n\n'));
    return lines.length;
  }

  /**
   * "Is 2019 CU13 supported on 2022?": the CU behind decides the verdict, and the verdict's reasons are the CU's alone; the
   * Windows release asked about gets its own answer ("As for Windows: yes, Exchange 2019 CU12 or CU13 runs on Windows Server
   * 2022 (Standard or Datacenter)."), from the same tables as the direct answer to "does 2019 CU13 run on 2022?".
   */
  private platformLine(facts: Facts, text: string): string {
    const { version, windows, update } = facts;
    const subject = { version: version!, windows: windows!, ...(update ? { update } : {}) };
    const answer = this.kb.directAnswers.answer({ attribute: 'runs-on', subject, text });
    if (!answer) return '';
    // The rules every supported setup on that release rests on say whether a source is third-party or recalled (Exchange 2019
    // on Windows Server 2022 is read from third-party sources): the line says so, as the verdict does.
    const allowed = this.kb.setups(subject).filter((s) => s.verdict === 'supported' || s.verdict === 'supported-with-conditions');
    const shared = allowed[0]?.rules.filter((rule) => allowed.every((s) => s.rules.includes(rule))) ?? [];
    const status = shared.some((r) => r.restsOnRecalledFact)
      ? ' (recalled, not confirmed)'
      : shared.some((r) => r.restsOnThirdPartyFact)
        ? ' (according to third-party sources)'
        : '';
    const said = answer.answer.replace(/^(Yes|No):\s*/, (_m, word: string) => `${word.toLowerCase()}, `);
    return `As for Windows: ${status ? said.replace(/\.$/, `${status}.`) : said}`;
  }

  /** A message while the check waits: help, cancel and start over work; anything else is the answer. */
  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const check = waitingCheck(dc.activeDialog!.state);
    // A frame that holds no readable check: the message is a new one.
    if (!check) return dc.replaceDialog(this.id);
    const text = dc.context.activity.text ?? '';
    // The hosts named when the check began, and any this answer names ("the witness is FS1"): kept to the verdict.
    const hosts = withNamedHosts(framedHosts(dc.activeDialog!.state), namedHosts(text));
    const routed = routeCommand(text);
    // At a question, "the new one" is an answer ("the newest Windows"), not "start a new one": only a restart said outright restarts.
    const command = routed?.kind === 'restart' && !RESTART_SAID.test(text) ? undefined : routed;
    // "Show KB837852" (an article's button pressed mid-check): the article, then the question again; never an unread answer.
    const article = command ? undefined : articleCommand(text);
    const found = article ? this.kb.article(article) : undefined;
    if (found) {
      await dc.context.sendActivity(this.replies.article(found));
      return this.settle(dc, await this.remember(dc.context, await this.check.askAgain(dc.context, check), hosts), hosts);
    }
    // "Check my setup: Exchange 2010, Mailbox" pressed mid-check: a new check with those facts, not an answer to this one.
    if (!command && asksForNewCheck(text)) return this.handle(dc, routeMessage(text, this.kb));
    switch (command?.kind) {
      case 'help':
        await dc.context.sendActivity(this.replies.help(true));
        return this.settle(dc, await this.remember(dc.context, await this.check.askAgain(dc.context, check), hosts), hosts);
      case 'restart':
        // "new setup: 2016 cu23 dag of 2 ..." mid-check: a new check of that setup.
        return this.handle(dc, newSetupText(text, this.kb) !== undefined ? routeMessage(text, this.kb) : command);
      case 'cancel':
        return this.handle(dc, command);
      default: {
        // "is my exchange supported?" then "2019 cu15, one server, 2025 std": a whole setup typed at the first question is
        // checked as if it came first (its verdict given at once, what is open left open), never asked question by question.
        // A button pressed is the answer to the question it belongs to, whatever words its label has ("Hardware or virtual load balancer").
        const whole = dc.context.activity.value === undefined ? this.wholeSetupAnswer(text, check) : undefined;
        if (whole) return this.handle(dc, whole);
        return this.settle(dc, await this.remember(dc.context, await this.check.answer(dc.context, check), hosts), hosts);
      }
    }
  }

  /**
   * The check of a whole setup typed as the answer to a check started with nothing but its version known (an opener such as
   * "is our exchange still ok?"): the version and two more facts, one of them where it runs or how it is built (o21, w7-after-33).
   */
  private wholeSetupAnswer(text: string, check: CheckState): Route | undefined {
    if (check.groups.length !== 1 || check.changed !== undefined) return undefined;
    const known = check.groups[0]!.facts;
    if (Object.keys(known).some((d) => d !== 'version')) return undefined;
    const read = this.kb.recognizer.extract(text, known).facts;
    if (read.version !== undefined && known.version !== undefined && read.version !== known.version) return undefined;
    const facts = { ...known, ...read };
    const built = ['windows', 'ha', 'role', 'nodes'].some((d) => read[d] !== undefined);
    const others = Object.keys(read).filter((d) => d !== 'version').length;
    return facts.version !== undefined && built && others >= 2 ? { kind: 'check', facts } : undefined;
  }

  /** The check's question again (after a message too long to read, or card feedback, in the middle of it). */
  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    const check = waitingCheck(instance.state);
    if (check) await this.check.reprompt(context, check);
  }

  /** Keeps a waiting check (and the hosts its messages named) in the frame, or ends the frame (with the check's result, if one just ended). */
  private async settle(dc: DialogContext, turn?: CheckTurn, hosts?: NamedHosts): Promise<DialogTurnResult> {
    if (turn && 'waiting' in turn) {
      // Replaces whatever the frame held (a check saved by the previous release too).
      dc.activeDialog!.state = { check: turn.waiting, ...(hosts ? { hosts } : {}) } satisfies MainFrame;
      return Dialog.EndOfTurn;
    }
    return dc.endDialog(turn?.done);
  }

  /** A follow-up or a correction of the last verdict, or undefined when the message is something new. */
  private async afterVerdict(dc: DialogContext, typed: string, saved: LastCheck): Promise<DialogTurnResult | undefined> {
    // Session 13 (d25): "FS1 is a windows server 2016 box" after "fsw on FS1": what is said of the witness's host is the
    // witness's (named-hosts.ts); the hosts this message names are kept with the next verdict.
    const hosts = savedHosts(saved.hosts);
    const text = withWindowsYearAfterOn(withWitnessHostAsWitness(typed, hosts?.witness));
    const kept = withNamedHosts(hosts, namedHosts(typed));
    const { hosts: _saved, ...rest } = saved;
    const last: LastCheck = kept ? { ...rest, hosts: kept } : rest;
    // Most messages after a verdict are something new: the pattern tests are cheap, so they come
    // before reading facts and working the decisions out again.
    // "tell me when you know it": a bare answer to a fact the verdict left open fills it and decides again.
    // A question's button pressed after the check ended (an earlier card, "CCR"): a change of that fact, as
    // "what if CCR?" would be, and never read from its label as a statement ("we also have a CCR cluster").
    const submitted = staleSubmit(dc.context.activity.value);
    if (submitted) {
      const groups = this.verdicts(last);
      const facts = last.groups[0]!.facts;
      const { [submitted.dimension]: _was, ...rest } = facts;
      const fits = last.groups.length === 1 && facts[submitted.dimension] !== submitted.value && this.kb.valuesFor(submitted.dimension, rest).some((v) => v.id === submitted.value);
      if (groups && fits) return this.decideAgain(dc, last, groups, { [submitted.dimension]: submitted.value });
      // A value this setup cannot take (or one it has, or a design's): the last verdict stands; the button is from another check.
      await dc.context.sendActivity(this.replies.staleButton());
      return this.settle(dc);
    }
    // "could we just run the SE setup on that same box?" after a verdict on Exchange 2016 (session 15 i27, w9-after-03):
    // SE on that server, judged (the rules table refuses SE in place over anything but Exchange 2019 CU14/CU15); the
    // path line below answered it under the 2016 card's plain "Supported", a wrong yes.
    const over = last.groups.length === 1 ? seInPlaceOver(text, last.groups[0]!.facts) : undefined;
    if (over !== undefined && over !== '2019-cu14-or-later') {
      const groups = this.verdicts(last);
      if (groups) return this.decideAgain(dc, last, groups, { version: 'se', seInPlaceOver: over });
    }
    // "next weekend we run the SE setup in place on all four" (session 15 o27, w8-after-47): SE put over the servers judged, said
    // as done or planned rather than asked, where the how-to table upgrades them in place (not behind): the servers judged as SE.
    const upgraded = this.upgradedInPlaceToSe(text, last);
    if (upgraded) return this.decideAgain(dc, last, upgraded, { version: 'se' });
    // "ok, we split it into two dags, 9 and 8 members" after a DAG refused for 17 members (session 15 o27, w8-after-54): the DAG
    // judged becomes two, each with its own count, judged as a design of two groups.
    const split = splitDagCounts(text, last);
    if (split) {
      const groups = this.verdicts(last);
      const [first, second] = split;
      const judged = last.groups[0]!;
      const was = judged.facts.nodes;
      const said = `two DAGs of ${first} and ${second} members${was !== undefined ? ` instead of one of ${was}` : ''}`;
      const halves = { ...last, groups: [{ ...judged, facts: { ...judged.facts, nodes: first } }] };
      if (groups) return this.decideAgain(dc, halves, groups, {}, { facts: { ...judged.facts, nodes: second }, setAside: [] }, undefined, undefined, said);
    }
    // "can we go straight from this to SE?" after a verdict on a retired version: that verdict again, with the way there.
    const move = this.migrationFollowUp(text, last);
    if (move) {
      const groups = this.verdicts(last);
      const [only] = groups ?? [];
      if (groups && only) {
        await dc.context.sendActivity(groups.length === 1 ? this.replies.verdict(only.decision, only.facts, only.setAside, move) : this.replies.designVerdict(groups, move));
        return this.settle(dc);
      }
    }
    if (last.open && last.open.length > 0 && isRefine(text)) {
      // "refine" after a verdict given first: the questions its open facts left, asked now (only those that still matter).
      return this.settle(
        dc,
        await this.remember(dc.context, await this.check.start(dc.context, { groups: last.groups, answered: last.answered, open: [] }), last.hosts),
        last.hosts,
      );
    }
    const filled = this.openFactAnswer(text, last);
    if (filled) {
      const groups = this.verdicts(last);
      if (groups) return this.decideAgain(dc, last, groups, filled);
    }
    // "max members?", "how many nodes max?", "since when?" right after a verdict on one setup (session 15, q25): a question about
    // that setup, answered from the tables with its facts as the subject; the verdict card again (or a passage about another
    // version) answered none of it. Before the retired version's follow-ups, which read "since when?" as its end date.
    const aboutSetup = last.groups.length === 1 ? this.kb.directAnswers.readAbout(text, last.groups[0]!.facts) : undefined;
    if (aboutSetup) return this.handle(dc, { kind: 'answer', question: aboutSetup });
    // "we have ESU?", "is it ok till 2027?", "what should we do?" after a verdict on a retired product: that verdict
    // again, headed "Out of support", with a line answering the question (issue 21, helper p21); before the
    // plain status card below, so "can we still get patches?" gets its line too (s21).
    // "what about hybrid?", "what about next year?" read as what-ifs, but neither hybrid nor a date is a fact of the
    // check: the question about the retired product it is (a fact named in it still goes to the what-if below).
    // "ok and is windows 2016 still supported?" after a verdict (session 12 o24): a lifecycle question about a Windows
    // release, naming no Exchange version, is that release's date (the router answers it), not a fact added to the check.
    if (this.asksWindowsLifecycle(text)) return undefined;
    const asked = retiredQuestion(text);
    // "what does out of support actually mean for us?": "actually" alone, naming no version and no what-if, is no correction.
    const plainQuestion = !WHAT_IF.test(text) && this.kb.recognizer.extract(text).facts.version === undefined;
    const retired = !isCorrection(text) || asked === 'hybrid' || asked === 'until' || plainQuestion ? this.retiredFollowUp(text, last) : undefined;
    if (retired) {
      const groups = this.verdicts(last);
      if (groups) {
        const [only] = groups;
        await dc.context.sendActivity(
          groups.length === 1 && only ? this.replies.verdict(only.decision, only.facts, only.setAside, retired) : this.replies.designVerdict(groups, retired),
        );
        return this.settle(dc);
      }
    }
    // "is it still ok?" after a verdict: that verdict again, headed "Out of support" for a retired product; so is
    // "when did it go out of support?" about the retired product just judged (its card says the date and the path first).
    if (isStatusQuestion(text) || (isLifecycleFollowUp(text) && !isCorrection(text) && this.asksOfRetired(text, last))) {
      const groups = this.verdicts(last);
      if (groups) {
        const [only] = groups;
        await dc.context.sendActivity(groups.length === 1 && only ? this.replies.verdict(only.decision, only.facts, only.setAside) : this.replies.designVerdict(groups));
        return this.settle(dc);
      }
    }
    const kind = followUp(text);
    // "datacenter then": a change of that fact, as "what if datacenter?" (read as a statement, "datacenter" alone names nothing).
    const correction = isCorrection(text) || isBareThen(text);
    const addition = isAddition(text);
    // "skip that too", "pass on that one" after a verdict (issue 21: "skip" is always accepted): nothing to change, as "no idea".
    const notSure = isNotSure(text);
    // A statement naming facts of the setup just judged ("both nodes are DCs as well") is an addition too.
    const statement = !kind && !correction && !addition && !notSure && isStatement(text);
    if (!kind && !correction && !addition && !notSure && !statement) return undefined;
    const groups = this.verdicts(last);
    if (!groups) return undefined;
    // A bare "no", "nope" or "actually" after a verdict answers no question the bot asked: read as a correction of the last
    // answer it turned a DAG into "None (a single server)" and a Supported verdict (issue 21, o22).
    if (BARE_REPLY.test(text.trim()))
      return this.verdictStands(
        dc,
        groups,
        'That names no fact to change, so the verdict stands as below. To correct one, say which (for example "Windows is 2016" or "3 members").',
      );
    if (notSure) {
      // "no idea", "dunno" after a verdict: nothing to change; never read as "no HA" or a search.
      await dc.context.sendActivity(this.replies.notSureAfterVerdict(this.openLabels(last)));
      return this.settle(dc);
    }
    // "the back-end is actually a 2-node cluster" after a design's verdict: the group it names, whose facts the message is read against.
    const target = namedGroup(this.kb, text, last);
    const base = last.groups[target ?? 0]!.facts;
    const read = addedFacts(this.kb, text, base, this.kb.recognizer.extract(text, base).facts);
    // "we'll move the fsw to EX03" after "DAG01 = EX01 + ... + EX04": a witness on a member is no witness outside the DAG
    // (create-dags.md), as "witness on one of the members" reads (session 13, d25).
    const onMember = base.ha === 'dag' && base.witness !== 'no' ? witnessOnNamedMember(typed, hosts) : undefined;
    const witnessMoved = (facts: Facts): Facts => (onMember !== undefined ? { ...facts, witness: 'no' } : facts);
    const named = witnessMoved(
      addedMemberOfItsOwn(this.kb, text, base, oneServerOneVersion(this.kb, text, base, partOfTheMembers(this.kb, text, base, windowsNamed(this.kb, text, base, read)))),
    );
    // "same for the other site", "the DR site has the same but on 2012 R2": the servers judged once more, with what the message changes.
    if (OTHER_SITE.test(text) && !kind && !notSure) {
      const from = last.groups[target ?? last.groups.length - 1]!.facts;
      const changes = Object.fromEntries(Object.entries(named).filter(([d, v]) => from[d] !== v && d !== 'role'));
      return this.decideAgain(dc, last, groups, {}, { facts: { ...from, ...changes }, setAside: [] });
    }
    // "what if the 2013 servers were on cu23?" after a design judged on "2013 cu20": the update typed for that version's
    // groups changes, which the coexistence minimums are held against (the update fact alone may not tell CU20 from CU23).
    if ((correction || addition) && !kind) {
      const moved = this.retypedUpdate(text, last, named, target);
      if (moved) return this.decideAgain(dc, moved.last, groups, moved.update, undefined, undefined, undefined, moved.said);
    }
    // "and with 9?", "what about 20?" after "and with 3 nodes?": a bare count is the count the last change was about.
    if ((addition || correction) && !kind && Object.keys(named).length === 0) {
      const count = bareCount(this.kb, text, last, base);
      if (count) return this.decideAgain(dc, last, groups, count, undefined, undefined, target);
    }
    if ((addition || statement) && !kind && Object.keys(named).length > 0) {
      // A fact added after the verdict ("forgot to say both nodes are DCs"): the check runs again with it, saying what changed.
      const added = Object.fromEntries(Object.entries(named).filter(([d, v]) => (target === undefined ? last.groups.some((g) => g.facts[d] !== v) : base[d] !== v)));
      // "and we also have an Edge server": another server beside the ones judged, not a new role for them.
      // "also a standalone mailbox server for journaling": one of the same role, apart from the DAG (issue 21, g21).
      const apart = STANDS_APART.test(text) && named.role !== undefined ? { ...added, role: named.role } : undefined;
      // The new server's facts are all the message says of it, those it shares with the servers judged too ("we also have an
      // Edge server, 2010 SP3 on 2008 R2 Standard" beside a 2010 DAG on 2008 R2: its Windows release is said, not asked).
      const another = apart
        ? this.anotherServer(text, last, apart, true, named)
        : !CHANGES_THE_SERVERS.test(text)
          ? this.anotherServer(text, last, added, false, named)
          : undefined;
      if (another) return this.decideAgain(dc, last, groups, {}, another);
      // Without a marker, a statement naming another Exchange version, or a whole setup, is a new check.
      // "windows server 2019 standard, cu15" names no version: the platform of the setup just judged (w5-hunt-31), never a new check.
      const newSetup =
        statement &&
        (added.version !== undefined ||
          (this.kb.dimensions.filter((d) => d.kind !== 'stated' && added[d.id] !== undefined).length >= 3 && this.kb.recognizer.extract(text).facts.version !== undefined));
      // "different Windows releases added" says which: "(Windows Server 2008 R2 on some members)".
      const detail = { ...someMembersDetail(this.kb, added, read, base), ...typedUpdateDetail(added, text), ...witnessDetail(added, onMember) };
      // "we'll run it as a vmware vm, is that fine?": asked about facts no rule judges, the verdict stands, said so (v22's reply).
      const judged = Object.keys(added).some((d) => this.kb.dimensions.find((x) => x.id === d)?.evaluated !== false);
      if (statement && !addition && !judged && !newSetup && endsWithQuestionTag(text)) return this.verdictStands(dc, groups);
      if (Object.keys(added).length > 0 && !newSetup) return this.decideAgain(dc, last, groups, added, undefined, detail, target);
    }
    // "none, just that one box" after a verdict on one server: a statement naming only what the setup already has (and no
    // version, which would make it a setup of its own) changes nothing; the verdict stands, said so (w5-hunt-31).
    const restates =
      statement && Object.keys(named).length > 0 && Object.entries(named).every(([d, v]) => base[d] === v) && this.kb.recognizer.extract(text).facts.version === undefined;
    if (restates) return this.verdictStands(dc, groups);
    if (statement) return undefined;
    if (kind && (Object.keys(named).length === 0 || kind === 'summary')) {
      await dc.context.sendActivity(this.replies.followUp(kind, groups));
      return this.settle(dc);
    }
    if (correction && last.groups.length >= 1) {
      const said = witnessMoved(
        oneServerOneVersion(
          this.kb,
          text,
          base,
          // "sorry, it's actually the standard edition of windows" (session 14 o26): an edition beside a word for Windows is Windows', as in an addition.
          // The facts answered come first, latest first; then the others the setup was judged with: after "and on 2019?" (answered:
          // windows), "what if datacenter?" is still the Windows edition it was typed with (session 15, q25: it went to the search).
          addedFacts(
            this.kb,
            text,
            base,
            windowsNamed(this.kb, text, base, readCorrection(this.kb, text, base, [...Object.keys(base).filter((d) => !last.answered.includes(d)), ...last.answered])),
          ),
        ),
      );
      // "oops, one of them is actually still on 2012 R2": some members corrected make a mixed DAG, as an addition would.
      // "what if MBX4 stays on windows 2022 std for now": one member named by its server name, not the whole DAG (issue 21, o22).
      const read = (PART_OF_THE_MEMBERS.test(text) && !MOVES_ALL.test(text)) || NAMED_MEMBER.test(text) ? partOfTheMembers(this.kb, text, base, said) : said;
      // Only what changes: a fact named again with its value is no correction (nothing to say "what changed" about).
      const corrected = Object.fromEntries(Object.entries(read).filter(([d, v]) => base[d] !== v));
      if (Object.keys(corrected).length > 0)
        return this.decideAgain(
          dc,
          last,
          groups,
          corrected,
          undefined,
          { ...someMembersDetail(this.kb, corrected, said, base), ...typedUpdateDetail(corrected, text), ...witnessDetail(corrected, onMember) },
          target,
        );
    }
    // "actually the witness is on DC02, not the file server": a correction or addition that names only what the setup
    // already has changes nothing the rules read. The verdict stands, said so (it went to "outside what I cover").
    if ((correction || addition) && !kind && Object.keys(named).length > 0 && Object.entries(named).every(([d, v]) => base[d] === v)) return this.verdictStands(dc, groups);
    return undefined;
  }

  /** The last verdict again, saying that the message changes none of its facts. */
  private async verdictStands(
    dc: DialogContext,
    groups: GroupVerdict[],
    line = 'That changes none of the facts this verdict rests on, so it stands as below.',
  ): Promise<DialogTurnResult> {
    const [only] = groups;
    await dc.context.sendActivity(groups.length === 1 && only ? this.replies.verdict(only.decision, only.facts, only.setAside, line) : this.replies.designVerdict(groups, line));
    return this.settle(dc);
  }

  /**
   * A short question or reaction right after a verdict on a retired version that names no fact, no pattern reads and the
   * articles do not answer ("is it fine as long as it works?", "ok, thoughts?"): the reply that shows that verdict again
   * with its status line and the way to SE, or undefined. A question the articles answer ("what is a witness?") is theirs.
   */
  private vagueRetiredFollowUp(text: string, last: LastCheck): ((dc: DialogContext) => Promise<DialogTurnResult>) | undefined {
    const trimmed = text.trim();
    if (trimmed.length > VAGUE_MAX_LENGTH || !VAGUE_FOLLOW_UP.test(trimmed) || ACKNOWLEDGED.test(trimmed) || !isRetiredVersion(this.kb, last.groups[0]!.facts)) return undefined;
    if (Object.keys(this.kb.recognizer.extract(trimmed).facts).length > 0 || this.kb.search(trimmed).best) return undefined;
    const line = this.retiredFollowUp(trimmed, last, 'status');
    const groups = line ? this.verdicts(last) : undefined;
    const [only] = groups ?? [];
    if (!line || !groups || !only) return undefined;
    return async (dc) => {
      await dc.context.sendActivity(groups.length === 1 ? this.replies.verdict(only.decision, only.facts, only.setAside, line) : this.replies.designVerdict(groups, line));
      return this.settle(dc);
    };
  }

  /**
   * The line answering a question about the retired product just judged ("we have ESU?", "upgrade path?"), or
   * undefined. It names no other version, but for the supported path ("can we go straight to SE?"), and no other fact.
   * `vague`: a question no pattern reads, answered with the status line and the way to SE.
   */
  private retiredFollowUp(text: string, last: LastCheck, vague?: 'status'): string | undefined {
    const question = vague ?? retiredQuestion(text);
    if (!question) return undefined;
    // "oh and 4 more next year and another 9 after that": members added to those judged (read below), not a question about dates.
    if (membersAdded(text) > 0 && last.groups.some((g) => g.facts.nodes !== undefined)) return undefined;
    if (!isRetiredVersion(this.kb, last.groups[0]!.facts)) {
      // "how long do we have with this one?" after a verdict on Exchange SE (w5-oos-17): its lifecycle note (LC7, no fixed end).
      const entry = this.kb.lifecycle.find((e) => e.dimension === 'version' && e.value === last.groups[0]!.facts.version && e.endOfSupport === undefined);
      // A message naming a fact ("one of the two will stay on Windows Server 2022 until the refresh") changes the setup: read below.
      const names = Object.keys(this.kb.recognizer.extract(text, last.groups[0]!.facts).facts).length > 0;
      return question === 'until' && entry?.note && !names ? entry.note : undefined;
    }
    const groups = this.verdicts(last);
    // "what should we do?" after a Not supported verdict asks how to fix the design: the follow-up's own answer says.
    if (followUp(text) === 'instead' && groups?.some((g) => g.decision.verdict === 'not-supported' || g.decision.verdict === 'not-covered')) return undefined;
    const base = last.groups[0]!.facts;
    const { version, ...others } = this.kb.recognizer.extract(text, base).facts;
    if (version !== undefined && version !== last.groups[0]!.facts.version && version !== 'se') return undefined;
    // A message naming a fact ("we patched it, it's on CU15 now") adds or corrects it: read below. A fact no rule reads
    // ("what are the risks" read as disks) never turns the question into an addition.
    const judged = (d: string) => this.kb.dimensions.find((x) => x.id === d)?.evaluated !== false;
    if (Object.entries(others).some(([d, v]) => base[d] !== v && judged(d))) return undefined;
    const note = groups?.map((g) => retiredProduct(g.decision)).find((n) => n !== undefined);
    const esu = this.kb.lifecycle.find((e) => e.dimension === note?.dimension && e.value === note?.value)?.esu;
    if (!note) return undefined;
    const line = retiredAnswer(question, note.label, formatDate(note.endOfSupport), SUPPORTED_PATH, esu?.note);
    // "what now?", "how long do we have?", "ESU?", "hybrid?": the way off this version too, read per version (issue 21, d21).
    const path = (question !== 'status' || vague) && base.version !== undefined ? migrationLine(this.kb, base.version) : undefined;
    return path ? `${line}\n\n${path}` : line;
  }

  /** The labels of the facts the last verdict left open ("Windows release"), in the table's order. */
  private openLabels(last: LastCheck): string[] {
    const open = last.open ?? [];
    return this.kb.dimensions.filter((d) => open.includes(d.id)).map((d) => d.label);
  }

  /**
   * The lines answering a move to Exchange SE asked after a verdict on a retired version ("can we just upgrade this one in
   * place to SE?", "how do we get from here to SE"): what to do, then the path the how-to and coexistence tables give (see
   * migration-path.ts). Undefined for anything else, and for a message naming another fact (a what-if reads it).
   */
  private migrationFollowUp(text: string, last: LastCheck): string | undefined {
    const base = last.groups[0]!.facts;
    // "what if we move it to SE?" is a what-if: the setup judged again as SE (see the correction path).
    // "can we just install SE on top of it like with 2019?", "new servers for SE or can we upgrade these?" (w5-hunt-29/-30,
    // w5-oos-16): SE over the servers judged is a move to SE too, and "like with 2019" names no version of this setup.
    // "could we just run the SE setup on that same box?" (session 13 o25, w9-after-03): the same.
    const onTop = SE_OVER.test(text);
    if (base.version === undefined || text.length > 160 || WHAT_IF.test(text)) return undefined;
    if (!onTop && (isCorrection(text) || !asksForMove(text) || !movesToSe(text))) return undefined;
    if (!isRetiredVersion(this.kb, base)) return undefined;
    const { version, ...others } = this.kb.recognizer.extract(onTop ? text.replace(LIKE_WITH, ' ') : text, base).facts;
    if ((version !== undefined && version !== base.version && version !== 'se') || Object.entries(others).some(([d, v]) => base[d] !== v)) return undefined;
    const note = this.verdicts(last)
      ?.map((g) => retiredProduct(g.decision))
      .find((n) => n !== undefined);
    const path = migrationLine(this.kb, base.version);
    if (!note || !path) return undefined;
    return `${retiredAnswer('plan', note.label, formatDate(note.endOfSupport), SUPPORTED_PATH)}\n\n${path}`;
  }

  /** The coexistence question of a move asked from the one version judged to another version named (not SE), or undefined. */
  private movedToVersion(text: string, judged: Facts): DirectQuestion | undefined {
    if (judged.version === undefined || text.length > 120 || !asksForMove(text) || movesToSe(text) || !MOVE_TO_VERSION.test(text)) return undefined;
    const { version, update: _update, ...others } = this.kb.recognizer.extract(text).facts;
    if (version === undefined || version === judged.version || version === 'se' || Object.keys(others).length > 0) return undefined;
    return { attribute: 'coexistence', subject: { version }, other: judged.version, text };
  }

  /** The last verdicts, when the message says SE is (or will be) set up in place over the one group judged, which can take it. */
  private upgradedInPlaceToSe(text: string, last: LastCheck): GroupVerdict[] | undefined {
    const [only, ...others] = last.groups;
    if (!only || others.length > 0 || !SE_OVER.test(text) || ASKED_MOVE.test(text.trim()) || NOT_DONE.test(text)) return undefined;
    const { version, updateCurrency } = only.facts;
    if (version === undefined || updateCurrency === 'behind' || !upgradesInPlaceToSe(this.kb, version)) return undefined;
    return this.verdicts(last);
  }

  /** "is windows 2016 still supported?", "and when does windows 2012 r2 support end?": a Windows release's lifecycle asked, naming no Exchange version. */
  private asksWindowsLifecycle(text: string): boolean {
    if (text.length > 120 || !WINDOWS_LIFECYCLE_ASKED.test(text) || WHAT_IF.test(text) || isCorrection(text)) return false;
    const read = this.kb.directAnswers.read(text.trim());
    return read !== undefined && LIFECYCLE_ATTRIBUTES.has(read.attribute) && read.subject.windows !== undefined && read.subject.version === undefined;
  }

  /** Whether a lifecycle question is about the retired Exchange version just judged (it names no other). */
  private asksOfRetired(text: string, last: LastCheck): boolean {
    const version = last.groups[0]!.facts.version;
    const named = this.kb.recognizer.extract(text).facts.version;
    return version !== undefined && (named === undefined || named === version) && isRetiredVersion(this.kb, last.groups[0]!.facts);
  }

  /** The value a short message gives for a fact the last verdict left open ("Enterprise" after the Windows edition was left open). */
  private openFactAnswer(text: string, last: LastCheck): Facts | undefined {
    // A correction ("no wait, Standard x64") may change a known fact too: the correction path reads it whole.
    if (text.length > 80 || isNotSure(text) || followUp(text) || isCorrection(text)) return undefined;
    const open = this.unsaidFacts(last);
    if (open.length === 0) return undefined;
    return this.unsaidFactAnswer(text, { ...last, open });
  }

  /**
   * The facts the last verdict did not have from the user: those left open ("skip"), then those it assumed ("Assumed (not
   * asked): Windows Standard or Datacenter edition"). A bare "std" or "Datacenter" after it answers one of them (issue 21, v21).
   */
  private unsaidFacts(last: LastCheck): string[] {
    const open = last.open ?? [];
    // A design's groups share one conversation: only a single setup's assumptions are read as answered by a bare word.
    if (last.groups.length !== 1) return [...open];
    const assumed = (this.verdicts(last) ?? []).flatMap((g) => (g.decision.assumed ?? []).map((a) => a.dimension));
    return [...new Set([...open, ...assumed])].filter((d) => last.groups[0]!.facts[d] === undefined);
  }

  private unsaidFactAnswer(text: string, last: LastCheck & { open: string[] }): Facts | undefined {
    const facts = last.groups[0]!.facts;
    // `open` holds the facts left open and, for a single setup, those the verdict assumed (see unsaidFacts).
    const openFacts = last.open;
    if (openFacts.length === 0) return undefined;
    // A phrase naming several open facts ("all on Windows Server 2003 Enterprise, 32-bit" after a design
    // judged with the platform open) fills all of them; a bare word ("ent") fills one, as below.
    const said = this.kb.recognizer.extract(text, facts).facts;
    // "no wait, Standard x64" names a known fact with another value too: a correction, read whole by the correction path.
    if (Object.entries(said).some(([d, v]) => facts[d] !== undefined && facts[d] !== v)) return undefined;
    const several = Object.fromEntries(openFacts.filter((d) => said[d] !== undefined && this.kb.valuesFor(d, facts).some((v) => v.id === said[d])).map((d) => [d, said[d]!]));
    if (Object.keys(several).length > 1) return several;
    // One open fact: the last one left open. Several (a design judged at once): in the table's order, so a
    // bare "ent" is the Exchange edition before the Windows edition, as a question about the edition would take it.
    // Open facts the verdict names as conditions come first: after "2010 DAG on 2008 R2" judged at once, "standard licences"
    // is the Windows edition that decides it, not the Exchange edition that changes nothing there.
    const decisive = new Set(
      (this.verdicts(last) ?? []).flatMap((g) => g.decision.conditions.flatMap((c) => openFacts.filter((d) => c.id === `open-${d}` || c.id.startsWith(`open-${d}-with-`)))),
    );
    const inTable = this.kb.dimensions.map((d) => d.id).filter((d) => openFacts.includes(d));
    const order = openFacts.length > 1 ? [...inTable.filter((d) => decisive.has(d)), ...inTable.filter((d) => !decisive.has(d))] : openFacts;
    for (const dimension of openFacts.length > 1 ? order : [...openFacts].reverse()) {
      const value = this.kb.recognizer.readAnswer(dimension, text, facts)[dimension];
      if (value !== undefined && this.kb.valuesFor(dimension, facts).some((v) => v.id === value)) return { [dimension]: value };
    }
    return undefined;
  }

  /**
   * A server of another role added after a verdict ("oh and we also have an Edge server", "plus two
   * CAS behind a load balancer"): a group of its own in the design, with the design's shared facts
   * (version, edition, update) and what the message says of it. Read as a new role for the servers
   * judged, it would put the Edge server in the DAG. Undefined when the message adds no such server.
   */
  private anotherServer(text: string, last: LastCheck, added: Facts, apart = false, said: Facts = {}): CheckedGroup | undefined {
    const role = added.role;
    // "oh and we also have a 2016 cu23 box": one more server named by its version alone, beside the servers judged (not
    // the same servers said again): a group of the design whose role is asked (issue 21, o22).
    // "next month we add a new 2019 cu15 server to the same org": a server added to the organization is beside them too (o23, w7-after-27).
    // "could we just put a 2016 server beside it" (session 14 o26, w9-after-18): beside the servers judged, in their organization.
    const toOrg = ADDED_TO_ORG.test(text) || BESIDE_THEM.test(text);
    const box = role === undefined && !apart && said.version !== undefined && ONE_MORE_BOX.test(text) && (BESIDE.test(text) || toOrg);
    if ((role === undefined && !box) || (!apart && role !== undefined && last.groups.some((g) => g.facts.role === role))) return undefined;
    // The clustered group of the same role the server stands apart from (s21: its edition and HA are not the group's).
    const outside = apart ? last.groups.find((g) => g.facts.role === role && g.facts.ha !== undefined && g.facts.ha !== 'none') : undefined;
    // A design has one Exchange version (fact-dimensions: `design: shared`): "we plan Exchange 2000 back-end servers
    // on a cluster" after a verdict on a 2010 DAG is a setup of its own, never a 2000 group inside the 2010 design.
    // Servers of another version the organization still runs beside them ("forgot to say we also still have a 2013 cu23
    // CAS on 2012 r2" after an SE DAG) are a group of the design, whose coexistence is judged as when both are typed in one
    // message (rules/design-coexistence.ts), with none of the other version's shared facts (issue 21, o22).
    const version = added.version ?? said.version;
    const otherVersion = version !== undefined && version !== last.groups[0]!.facts.version;
    if (otherVersion && !STILL_RUNS.test(text) && !toOrg) return undefined;
    // "we use WNLB for the CAS" after a DAG's verdict: a role and a high availability both other than the
    // servers judged have are servers of their own; otherwise the words must say so.
    const both = added.ha !== undefined && last.groups.every((g) => g.facts.ha !== undefined && g.facts.ha !== added.ha);
    if (!both && !apart && !box && !ANOTHER_SERVER.test(text)) return undefined;
    const shared = otherVersion
      ? {}
      : Object.fromEntries(this.kb.dimensions.filter((d) => d.design === 'shared' && last.groups[0]!.facts[d.id] !== undefined).map((d) => [d.id, last.groups[0]!.facts[d.id]!]));
    // "an Edge server" is one server; "2 edge servers", "2 edge transport servers" several (for Edge: several MX records).
    const count = /\b(an?|one|single)\s+(\S+\s+){0,3}(server|box|edge|cas|hub)\b/i.test(text)
      ? 'none'
      : /\b([2-9]|two|three|four|several|multiple)\s+(\w+\s+){0,2}(servers|boxes|edges|cas|hubs)\b/i.test(text)
        ? 'several-servers'
        : undefined;
    const facts: Record<string, string> = { ...shared, ...said, ...added, ...(role !== undefined ? { role } : {}) };
    // Outside the DAG: one server unless counted ("2 more mailbox servers outside the DAG"), never the DAG's own HA.
    if (outside && (facts.ha === undefined || facts.ha === outside.facts.ha))
      facts.ha = /\b([2-9]|two|three|four|several|multiple)\s+(\w+\s+){0,3}(servers|boxes)\b/i.test(text) ? 'several-servers' : 'none';
    if (facts.ha === undefined && count !== undefined && this.kb.valuesFor('ha', facts).some((v) => v.id === count)) facts.ha = count;
    return { facts, setAside: [] };
  }

  /**
   * A what-if or correction moving one version's servers of a design to another update ("what if the 2013 servers were on
   * cu23?"): the last check with those groups' typed update replaced (and how current it is, read again), and what to say
   * changed; undefined when the message names no update, or the update those groups were typed with.
   */
  private retypedUpdate(text: string, last: LastCheck, named: Facts, target: number | undefined): { last: LastCheck; update: Facts; said: string } | undefined {
    const version = named.version ?? (target !== undefined ? last.groups[target]!.facts.version : undefined);
    if (version === undefined || !last.groups.some((g) => g.typedUpdate?.version === version)) return undefined;
    const level = typedLevel(text, version) ?? levelNamed(runningUpdate(text));
    if (!level) return undefined;
    const same = (g: CheckedGroup) =>
      g.typedUpdate !== undefined && g.typedUpdate.level.cu === level.cu && g.typedUpdate.level.sp === level.sp && g.typedUpdate.level.ru === level.ru;
    const moving = last.groups.filter((g) => g.facts.version === version && !same(g));
    if (moving.length === 0) return undefined;
    const was = moving.find((g) => g.typedUpdate?.version === version)?.typedUpdate?.level;
    const currency = namedUpdateCurrency(this.kb.builds, version, `${version} ${levelName(level)}`);
    const groups = last.groups.map((g) => {
      if (g.facts.version !== version || same(g)) return g;
      const { updateCurrency: _was, ...facts } = g.facts;
      return { ...g, facts: currency !== undefined ? { ...facts, updateCurrency: currency } : facts, typedUpdate: { version, level } };
    });
    const name = `Exchange ${version === 'se' ? 'SE' : version}`;
    return {
      last: { ...last, groups },
      update: {},
      said: `${name} ${levelName(level)}${was ? ` instead of ${levelName(was)}` : ''}`,
    };
  }

  /** The last check again with facts changed or added ("what if", "forgot to say"), the verdict card saying what changed. */
  private async decideAgain(
    dc: DialogContext,
    last: LastCheck,
    before: readonly GroupVerdict[],
    update: Facts,
    another?: CheckedGroup,
    detail?: Record<string, string>,
    target?: number,
    /** A change no fact names, said as is ("Exchange 2013 CU23 instead of CU20"). */
    said?: string,
  ): Promise<DialogTurnResult> {
    // "we patched it, it's on CU15 now": how current the old update was no longer holds; the new one says its own.
    const current = (facts: Facts): Facts => {
      if (update.update === undefined || update.updateCurrency !== undefined || facts.updateCurrency === undefined) return facts;
      const { updateCurrency: _was, ...rest } = facts;
      return rest;
    };
    // A fact said of one group of a design ("the back-end", "the DAG") is that group's alone; otherwise see forGroup.
    const own = (facts: Facts): Facts => (target !== undefined ? withoutOwnRole(facts, update) : forGroup(last, facts, update));
    const groups = [
      ...last.groups.map((group, i) => ({
        ...group,
        facts: target !== undefined && i !== target ? group.facts : withoutStale(this.kb, current(group.facts), own(group.facts)),
      })),
      ...(another ? [another] : []),
    ];
    const platform = this.platformDetail(last, update, target);
    if (platform) detail = { windows: platform, ...detail };
    const options: SupportCheckOptions = {
      groups,
      answered: [...last.answered, ...Object.keys(update)],
      open: (last.open ?? []).filter((d) => update[d] === undefined),
      // A role that only picked the groups the fact is about ("the mailbox servers are DCs") did not change.
      changed: {
        update: target !== undefined ? withoutOwnRole(last.groups[target]!.facts, update) : update.role === undefined ? update : forGroup(last, { role: update.role }, update),
        ...(target !== undefined ? { group: target } : {}),
        before: before.map((g) => ({ facts: g.facts, verdict: g.decision.verdict })),
        ...(another ? { addedGroup: another.facts } : {}),
        ...(detail && Object.keys(detail).length > 0 ? { detail } : {}),
        ...(said ? { said: [said] } : {}),
      },
    };
    return this.settle(dc, await this.remember(dc.context, await this.check.start(dc.context, options), last.hosts), last.hosts);
  }

  /**
   * "and on 2025?" after a verdict on Exchange 2019 (session 15, q25): the Windows release changed is one the version runs on
   * only from an update, said beside the change (" (runs there from Exchange 2019 CU15)") from the platform table, as the direct
   * answer to "from which cu?" says it; the verdict's conditions said it only far below. Undefined when no update bounds it.
   */
  private platformDetail(last: LastCheck, update: Facts, target: number | undefined): string | undefined {
    if (update.windows === undefined || (target === undefined && last.groups.length !== 1)) return undefined;
    const version = update.version ?? last.groups[target ?? 0]!.facts.version;
    if (version === undefined) return undefined;
    const answer = this.kb.directAnswers.answer({ attribute: 'from-update', subject: { version, windows: update.windows }, text: '' });
    const from = answer ? /^From ([^:]{1,60}):/.exec(answer.answer)?.[1] : undefined;
    return from !== undefined ? ` (runs there from ${from})` : undefined;
  }

  /** The decisions of the last check, worked out again from its facts (undefined if the rules no longer decide them). */
  private verdicts(last: LastCheck): GroupVerdict[] | undefined {
    const groups: GroupVerdict[] = [];
    for (const group of last.groups) {
      const step = stepWithOpen(this.kb, group.facts, last.open ?? []);
      if (step.kind !== 'verdict') return undefined;
      groups.push({ facts: group.facts, setAside: group.setAside, decision: step.decision });
    }
    if (groups.length < 2) return groups.length > 0 ? groups : undefined;
    // A design is one organization: its versions must be allowed side by side, as when it was first judged.
    const decisions = withCoexistence(
      last.groups,
      groups.map((g) => g.decision),
      this.kb.coexistence,
      this.kb.dimensions,
    );
    return groups.map((g, i) => ({ ...g, decision: decisions[i]! }));
  }

  /** Keeps the verdict of a check that just ended, for follow-ups. */
  private async remember(context: TurnContext, turn: CheckTurn, hosts?: NamedHosts): Promise<CheckTurn> {
    if ('done' in turn && turn.done.groups) {
      await this.listings.forget(context);
      await this.lastCheck.set(context, {
        groups: turn.done.groups,
        answered: turn.done.answered,
        ...(turn.done.open && turn.done.open.length > 0 ? { open: turn.done.open } : {}),
        ...(hosts ? { hosts } : {}),
      });
    }
    return turn;
  }

  private async handle(dc: DialogContext, route: Route): Promise<DialogTurnResult> {
    const { context } = dc;
    // "and 2019?" follows a direct answer only while nothing else came between.
    if (route.kind !== 'answer' && route.kind !== 'answers' && route.kind !== 'small-talk' && route.kind !== 'empty') await this.lastAnswer.set(context, undefined);
    switch (route.kind) {
      case 'answer': {
        const answer = this.kb.directAnswers.answer(route.question);
        if (!answer) {
          await this.lastAnswer.set(context, undefined);
          await this.answerSearch(context, route.question.text);
          break;
        }
        const { attribute, subject, other, needs } = route.question;
        await this.lastAnswer.set(context, { attribute, subject, ...(other ? { other } : {}), ...(needs ? { needs } : {}) });
        await context.sendActivity(this.replies.directAnswer(answer));
        break;
      }
      case 'answers': {
        // Several questions in one message (issue 19): each answered; a follow-up ("and 2019?") is about the last one.
        const answers = route.questions.flatMap((q) => this.kb.directAnswers.answer(q) ?? []);
        const last = route.questions[route.questions.length - 1]!;
        await this.lastAnswer.set(context, {
          attribute: last.attribute,
          subject: last.subject,
          ...(last.other ? { other: last.other } : {}),
          ...(last.needs ? { needs: last.needs } : {}),
        });
        await context.sendActivity(this.replies.directAnswers(answers, route.unanswered));
        break;
      }
      case 'check':
        await this.lastCheck.set(context, undefined);
        {
          // A question about one stated fact ("on a domain controller?") is answered about it, the rest left open;
          // a retired product named without a design is answered at once (see openForRetiredVersion).
          // A described plan ("planning a 2-node 2007 CCR cluster, what do we need?") gets its verdict first (see openForPlan).
          const text = context.activity.text ?? '';
          const plan = route.groups ? undefined : openForPlan(this.kb, route.facts, text);
          const options: SupportCheckOptions = route.groups
            ? { groups: route.groups.map((facts) => ({ facts, setAside: [], ...typedUpdateOf(text, facts) })), open: openForDesign(this.kb, route.groups) }
            : { facts: route.facts, open: openForStatedQuestion(this.kb.dimensions, route.facts) ?? openForRetiredVersion(this.kb, route.facts, text) ?? plan };
          if (plan && options.open === plan) options.refine = true;
          // "exchange 2016, not sure which cu, one mailbox server": a fact said to be unknown is left open from the start, never
          // asked (issue 21, o23: w8-oos-57), as "not sure" at its question would leave it.
          const unknown = saidUnknown(text).filter((d) => (route.groups ?? [route.facts]).some((g) => g[d] === undefined) && !(options.open ?? []).includes(d));
          if (unknown.length > 0) options.open = [...(options.open ?? []), ...unknown];
          // "fsw on FS1", "DAG01 = EX01 + EX02": the hosts named, kept with the verdict for what is said of them later.
          const named = route.groups ? undefined : namedHosts(text);
          const hosts = named && Object.keys(named).length > 0 ? named : undefined;
          return this.settle(dc, await this.remember(context, await this.check.start(context, options), hosts), hosts);
        }
      case 'restart':
        await this.lastCheck.set(context, undefined);
        return this.settle(dc, await this.check.start(context, { facts: {} }));
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
        else await this.answerSearch(context, route.id);
        break;
      }
      case 'search':
        await this.answerSearch(context, route.query);
        break;
      case 'empty':
        break;
    }
    return this.settle(dc);
  }

  private async answerSearch(context: TurnContext, query: string): Promise<void> {
    const { best, related, passage, suggestions, noSteps } = this.kb.search(query);
    if (best) {
      await context.sendActivity(this.replies.answer(best, related, passage));
      return;
    }
    // A list of suggestions is not an answer: the question is kept for review either way.
    await context.sendActivity(suggestions.length > 0 ? this.replies.suggestions(query, suggestions, noSteps) : this.replies.noAnswer(query));
    await this.unanswered.record(context, query);
  }
}

/** The statements said before a check started (see MainDialog.withSaidBefore); the bot keeps them in conversation state. */
export type SaidBeforeStore = ConversationStore<string[]>;
/** Routes whose message may describe the setup a later check is about: answered from the tables or the articles. */
const SAID_BEFORE_ROUTES: ReadonlySet<Route['kind']> = new Set(['search', 'answer', 'answers', 'out-of-scope']);
/** At most this many statements are kept, each at most this long (a paste is a listing, never kept). */
const SAID_BEFORE_KEPT = 3;
const SAID_BEFORE_LENGTH = 300;

/** Direct answers about a version's support lifecycle, after which a setup named without a version is of that version. */
const LIFECYCLE_ATTRIBUTES: ReadonlySet<string> = new Set(['end-of-support', 'mainstream', 'esu', 'still-supported']);
/** A question about a lifecycle, asked first in the message ("ok and is windows 2016 still supported?", "when does ... end"). */
const WINDOWS_LIFECYCLE_ASKED = /^\W*(?:(?:ok(?:ay)?|and|so|but|also|btw|thanks)\W+){0,2}(?:is|are|was|when|until when|how long|does|did|will)\b/i;

/**
 * "when did Exchange 2019 go out of support?", then "we have 2 of them in a DAG on 2022, cu15": a
 * setup that names no Exchange version, right after a direct answer about one, is of that version.
 * The message is read again with it known, so "cu15" is that version's update.
 */
export function withAnsweredVersion(kb: KnowledgeBase, route: Route, text: string, previous: PreviousQuestion | undefined): Route {
  const version = previous?.subject.version;
  if (version === undefined) return route;
  // After a lifecycle answer only: a follow-up to another direct answer stays one ("and on 2012 with a DAG?").
  const lifecycle = LIFECYCLE_ATTRIBUTES.has(previous!.attribute);
  // "is our setup supported then?" after "when did Exchange 2016 go out of support?": a check of that version (issue 21, p21).
  if (lifecycle && route.kind === 'check' && !route.groups && Object.keys(route.facts).length === 0) return { ...route, facts: { version } };
  // "ok. 2 node dag on 2012 r2 - fine?" after it: a setup of that version (high availability or a role, and its Windows
  // release), not a question for the knowledge base.
  if (lifecycle && (route.kind === 'answer' || route.kind === 'search') && kb.recognizer.extract(text).facts.version === undefined) {
    const setup = kb.recognizer.extract(text, { version }).facts;
    if (setup.windows !== undefined && (setup.ha !== undefined || setup.role !== undefined)) return { kind: 'check', facts: { ...setup, version } };
    return route;
  }
  if (route.kind !== 'check' || route.groups || route.facts.version !== undefined || Object.keys(route.facts).length === 0) return route;
  const reread = kb.recognizer.extract(text, { version }).facts;
  if (reread.version !== undefined && reread.version !== version) return route;
  return { ...route, facts: { ...route.facts, ...reread, version } };
}

/** The fact a guided-check button submits ({ dimension, value }), or undefined for anything else. */
function staleSubmit(value: unknown): { dimension: string; value: string } | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const { dimension, value: chosen } = value as Record<string, unknown>;
  return typeof dimension === 'string' && typeof chosen === 'string' ? { dimension, value: chosen } : undefined;
}

/**
 * The part of a fact added after a design's verdict that concerns one of its groups: "the mailbox
 * servers are also DCs" names a role, so it goes to the groups of that role only (without changing
 * their role); a fact naming no role of the design goes to every group.
 */
export function forGroup(last: LastCheck, facts: Facts, update: Facts): Facts {
  const role = update.role;
  if (last.groups.length < 2 || role === undefined || !last.groups.some((g) => g.facts.role === role)) return update;
  if (facts.role !== role) return {};
  const { role: _named, ...rest } = update;
  return rest;
}

/**
 * An update said of one group, without the role that named the group: "the back-end is a 2-node cluster" is no new
 * role, nor is "the CAS boxes are on 2003" for servers of Client Access and Hub Transport.
 */
function withoutOwnRole(facts: Facts, update: Facts): Facts {
  const roles = facts.role?.split('+') ?? [];
  if (update.role === undefined || !update.role.split('+').every((r) => roles.includes(r))) return update;
  const { role: _named, ...rest } = update;
  return rest;
}

/** Words for the clustered servers of a design: "the DAG", "the cluster", "the nodes", "the CCR", "members". */
const CLUSTER_WORDS = /\b(dag|cluster(ed)?|ccr|scc|nodes?|members?|evs)\b/i;
/** High availability that makes a group a cluster or a DAG, whose members and nodes a message may count. */
const CLUSTERED = new Set(['cluster', 'scc', 'clustering', 'ccr', 'lcr', 'scr', 'dag']);

/**
 * The group of a design a message after its verdict is about: the one whose role it names ("the back-end",
 * "the CAS boxes", "the edge box"), or, naming no role, the only clustered group when it speaks of the DAG,
 * the cluster or its nodes ("actually the DAG has 18 members"). Undefined for one group, for a role no group
 * has (another server, see anotherServer) or one several groups share, and for a role said to join the
 * servers judged ("the DAG members run the CAS role too", see addedFacts).
 */
export function namedGroup(kb: KnowledgeBase, text: string, last: LastCheck): number | undefined {
  if (last.groups.length < 2) return undefined;
  const only = (found: number[]): number | undefined => (found.length === 1 ? found[0] : undefined);
  const indices = last.groups.map((_g, i) => i);
  const version = last.groups[0]!.facts.version;
  const role = SAME_SERVERS.test(text) ? undefined : kb.recognizer.extract(text, version !== undefined ? { version } : {}).facts.role;
  if (role !== undefined) {
    const exact = indices.filter((i) => last.groups[i]!.facts.role === role);
    if (exact.length > 0) return only(exact);
    // "the CAS" of a group of Client Access and Hub Transport on the same servers.
    const parts = role.split('+');
    return only(indices.filter((i) => parts.every((r) => last.groups[i]!.facts.role?.split('+').includes(r))));
  }
  if (!CLUSTER_WORDS.test(text)) return undefined;
  return only(indices.filter((i) => CLUSTERED.has(last.groups[i]!.facts.ha ?? '')));
}

/**
 * "forgot to say half the members are still on Exchange 2010" after a verdict on a DAG or cluster
 * of 2013: some members on another version (or Windows release) make a mixed DAG, not a DAG of that
 * version. Read as the whole setup changing, it would judge a mixed DAG as a supported 2010 one.
 */
function partOfTheMembers(kb: KnowledgeBase, text: string, facts: Facts, named: Facts): Facts {
  if (!(SOME_MEMBERS.test(text) || NAMED_MEMBER.test(text)) || facts.ha === undefined || facts.ha === 'none') return named;
  const result: Record<string, string> = { ...named };
  // "on one node", "two of the nodes": a count of some members, never the member count.
  delete result.nodes;
  return withOtherMembers(kb, result, facts);
}

/**
 * The facts said of some members (`result`) that differ from the DAG's or cluster's (`known`): another version or Windows
 * release is that group's mixed fact, never the whole group's; the update (and the edition and architecture) said with it
 * are those members' too. Two versions the dimension pairs (`whenSeveral`: Exchange 2019 members beside SE during the
 * in-place upgrade, session 15 o27, w8-after-43) keep the pair's version and state its own value.
 */
function withOtherMembers(kb: KnowledgeBase, result: Record<string, string>, known: Facts): Record<string, string> {
  for (const [dimension, stated] of [
    ['version', 'mixedVersions'],
    ['windows', 'mixedWindows'],
  ] as const) {
    const other = result[dimension];
    const was = known[dimension];
    if (other === undefined || was === undefined || other === was) continue;
    delete result[dimension];
    if (dimension === 'version') delete result.update;
    // "one of the four is still on 2008 R2 Enterprise": that edition (and architecture) is of those members too, not of all.
    if (dimension === 'windows') for (const d of ['windowsEdition', 'architecture']) delete result[d];
    const several = kb.dimensions.find((d) => d.id === dimension)?.whenSeveral;
    const pair = several?.fact === stated ? several.pairs.find((p) => p.values.includes(other) && p.values.includes(was)) : undefined;
    if (pair && pair.keep !== was) result[dimension] = pair.keep;
    if (kb.dimensions.some((d) => d.id === stated)) result[stated] = pair?.value ?? 'yes';
  }
  return result;
}

/**
 * "different Windows releases added" says which: "(Windows Server 2008 R2 on some members)", from the
 * value the message named (`read`) for the members it is about.
 */
function someMembersDetail(kb: KnowledgeBase, added: Facts, read: Facts, base: Facts): Record<string, string> {
  return Object.fromEntries(
    (
      [
        ['mixedVersions', 'version'],
        ['mixedWindows', 'windows'],
      ] as const
    )
      .filter(([stated, d]) => added[stated] !== undefined && read[d] !== undefined && read[d] !== base[d])
      .map(([stated, d]) => [stated, ` (${valueLabel(kb.dimensions, d, read[d]!)} on some members)`]),
  );
}

/** "no witness server added" says why: " (MBX1, read as one of the DAG's members)", the host the message put the witness on (d25). */
function witnessDetail(added: Facts, host: string | undefined): Record<string, string> {
  return host !== undefined && added.witness === 'no' ? { witness: ` (the witness on ${host}, read as one of the DAG's members)` } : {};
}

/** "a CU that no longer gets security updates added" says which: " (CU10)", the CU the message named. */
function typedUpdateDetail(added: Facts, text: string): Record<string, string> {
  const typed = added.updateCurrency !== undefined ? runningUpdate(text) : undefined;
  return typed ? { updateCurrency: ` (${typed.toUpperCase()})` } : {};
}

/**
 * In a correction, words that single out some of the members ("one of them is still on 2012 R2", "half
 * the nodes"); a count alone ("same two servers") is the whole setup, and so is a move of it.
 */
const PART_OF_THE_MEMBERS =
  /\bthe (first|second|third|fourth|other|last|new|old) (member|node|server|box)\b|\b(one|two|three|four|some|half|a few|several|most|\d{1,2}) of (them|the|those|these|our)\b|\b(some|half( of)?( the)?|the (other|rest)|the remaining|others?) (members?|nodes?|servers?|boxes)\b|\b(one|a single) (member|node|server|box)\b/i;
/** One member named by its server name and what it keeps: "MBX4 stays on 2022", "EX-03 is still on 2019" (never "cu15 is", "ex2019 is"). */
const NAMED_MEMBER =
  /\b(?!(?:cu|sp|ru|rtm|e2k|ex20|ex2k|exch20|w2k|win20|win2k|2k|windows|server|node|member)\d*\b)[a-z]{2,10}-?\d{1,3}\b\s+(?:stays?|remains?|is|runs?|keeps?|will\s+(?:stay|remain|run|be|keep)|would\s+(?:stay|remain|run|be))\b/i;
const MOVES_ALL = /\b(what if|(?<!\b(?:not|never|yet to be)\s(?:been\s)?)(?<!n'?t\s(?:been\s)?)(?:move|moving|migrat\w*|upgrad\w*)|instead|all (of )?(them|the))\b/i;

/** "also a standalone mailbox server", "one more outside the DAG": a server of the role judged that is not in its DAG or cluster. */
const STANDS_APART =
  /\b(stand-?alone|non-?dag|outside\s+(of\s+)?(the|our|that|this|any)\s+(dag|cluster)|not\s+(in|part\s+of|a\s+member\s+of|member\s+of)\s+(the|our|that|this|any)\s+(dag|cluster))\b/i;

/** "same for the other site", "the DR site is identical", "the second datacenter has the same but on 2012 R2": another site set up like the one judged. */
const OTHER_SITE =
  /\b(same|identical|likewise|ditto|mirror(ed)?|copy)\b[^.!?]{0,40}\b(other|second|2nd|dr|secondary|backup|remote)\s+(site|datacent(er|re)|data cent(er|re)|location|office)\b|\b(other|second|2nd|dr|secondary|backup|remote)\s+(site|datacent(er|re)|data cent(er|re)|location|office)\b[^.!?]{0,40}\b(same|identical|likewise|mirrors?|copy)\b/i;

/** "a 2016 cu23 box", "another server", "one more machine": one server more, not members of the cluster judged. */
const ONE_MORE_BOX = /\b(an?|one|another|one more|a second|an extra|a separate)\s+(\S+\s+){0,4}(box|server|machine|vm)\b/i;
/** Words that put a server beside the ones judged: "also", "too", "another", "plus". */
const BESIDE = /\b(also|too|as well|another|plus|additional|extra|separate|one more)\b/i;
/** "put a 2016 server beside it", "next to them": a server placed beside the ones judged. */
const BESIDE_THEM = /\b(?:beside|next to|alongside)\s+(?:it|them|that|this|those|these)\b/i;
/** "we add a new 2019 server to the same org", "introducing an SE box into our organization": a server joining the organization judged. */
const ADDED_TO_ORG =
  /\b(?:add\w*|introduc\w*|deploy\w*|install\w*|bring\w*|join\w*|put\w*|stand\w* up)\b[^.!?]{0,60}\b(?:to|into|in)\s+(?:the\s+same|our|the|this|that|the\s+existing|our\s+existing)\s+(?:exchange\s+)?(?:org|organi[sz]ation|environment|forest|estate)\b/i;
/** "we also still have", "we still run", "there's also": servers the organization runs beside those judged. */
const STILL_RUNS = /\b(also|still)\s+(have|has|run|runs|got)\b|\b(we have|we'?ve got|there'?s|there is|there are|we run)\b[^.!?]{0,60}\b(too|as well|also|still)\b/i;
/**
 * "we also have an Edge server", "plus 2 edge servers", "there's a CAS too": servers beside the ones judged. Session 15 (j27,
 * j-des-03): "second group: 2 edge transport servers ..." after a DAG's verdict was read as the DAG's role changed (a wrong Not supported).
 */
const ANOTHER_SERVER =
  /\b(also|too|as well|plus|another|additional|extra|separate|there'?s|there is|there are|we have|we'?ve got|in addition|forgot( about)? the|(second|2nd|third|3rd|fourth|4th|next|last|other) group|group ([b-h]|[2-9]))\b[^.!?]{0,40}\b(servers?|boxe?s|nodes?|edges?|cas|hubs?|front-?ends?|back-?ends?)\b|\b(servers?|boxe?s|edges?|cas)\b[^.!?]{0,30}\b(too|as well)\b/i;

/**
 * What a message after a verdict says of the setup judged, read with the setup in mind: a value the
 * setup cannot have is a misreading ("the nodes also run SQL Server" is no Windows 2000 Server
 * edition on Windows Server 2012 R2) and is dropped; a role said to sit on the same servers ("the
 * CAS role is on the same boxes") joins theirs (Client Access and Mailbox on the same server); "we
 * have 20 of them" after a DAG or cluster is its member count.
 */
function addedFacts(kb: KnowledgeBase, text: string, known: Facts, named: Facts): Facts {
  const result: Record<string, string> = {};
  // Checked against the setup as the message leaves it: "Exchange 2019 CU15 instead" changes the version too.
  const after: Record<string, string> = { ...known, ...named };
  for (const [d, v] of Object.entries(named)) {
    const dimension = kb.dimensions.find((x) => x.id === d);
    if (dimension?.kind === 'asked' && d !== 'version') {
      const { [d]: _was, ...rest } = after;
      const offered = (x: string | undefined) => x !== undefined && kb.valuesFor(d, rest).some((value) => value.id === x);
      // "a 2-node cluster" reads as the version's own clustering (a word the table translates: a server cluster for 2003, a DAG
      // for 2010), which no question offers: it is judged as what it stands for, never dropped as a misreading.
      const meant = offered(v) ? v : kb.knownFacts({ ...rest, [d]: v })[d];
      if (!offered(meant)) continue;
      result[d] = meant!;
      continue;
    }
    result[d] = v;
  }
  if (result.role !== undefined && known.role !== undefined && result.role !== known.role && SAME_SERVERS.test(text)) {
    const both = new Set([...known.role.split('+'), ...result.role.split('+')]);
    const joined = kb.dimensions.find((d) => d.id === 'role')?.values.find((v) => v.id.split('+').length === both.size && v.id.split('+').every((r) => both.has(r)));
    if (joined) result.role = joined.id;
  }
  const clustered = known.ha !== undefined && known.ha !== 'none';
  // "is it ok if one member is a DC?", "two of the nodes": a count of some members, never the member count.
  if (SOME_MEMBERS.test(text) && !ORDINAL.test(text)) delete result.nodes;
  const count = /\b(\d{1,3})\s+(of (them|those)|servers|boxes|machines|vms)\b/i.exec(text);
  if (result.nodes === undefined && count && clustered && kb.dimensions.some((d) => d.id === 'nodes')) result.nodes = count[1]!;
  // "add a 17th member", "a third EVS": the count the setup would have; "we're adding a 17th" counts members.
  const ordinal = ORDINAL.exec(text) ?? ADDED_ORDINAL.exec(text);
  if (ordinal && clustered) {
    const n = ordinal[1] !== undefined ? Number(ordinal[1]) : ORDINAL_WORDS.indexOf(ordinal[2]!.toLowerCase()) + 2;
    const dimension = /^(evs|virtual|instance|clustered)/i.test(ordinal[3] ?? '') ? 'instances' : 'nodes';
    if (result[dimension] === undefined && n >= 2 && kb.dimensions.some((d) => d.id === dimension)) result[dimension] = String(n);
  }
  // "we'd also put windows NLB on those four": Windows NLB on the clustered servers themselves, beside their DAG or
  // cluster, not instead of it (NLB and failover clustering on the same servers: the stated fact the rules judge).
  if (result.ha === 'nlb' && clustered && known.ha !== 'nlb' && NLB_BESIDE.test(text) && kb.dimensions.some((d) => d.id === 'nlbOnSameServers')) {
    delete result.ha;
    result.nlbOnSameServers = 'yes';
    // "NLB on both nodes for the CAS traffic": the role names what NLB would balance, not a new role for the members.
    if (result.role !== undefined && known.role !== undefined && !SAME_SERVERS.test(text)) delete result.role;
  }
  // "there's a kemp load balancer in front", "dns round robin for the clients" after a DAG (session 14 o26, w9-after-43): a way of
  // balancing the table reads together with the high availability known (fact-dimensions.yaml, ha `together`, keeping the
  // known one) is added in front of it, not put in its place, unless the message says it replaces it.
  if (result.ha !== undefined && clustered && result.ha !== known.ha && !REPLACES_HA.test(text)) {
    const pair = kb.dimensions.find((d) => d.id === 'ha')?.together.find((t) => t.keep === known.ha && t.values.includes(result.ha!) && Object.keys(t.states).length === 0);
    if (pair) delete result.ha;
  }
  // "we add 2 more next quarter", "plus three more nodes", "4 more members", "one more node", "4 more in the DR site next
  // year and 9 more after the merger": the count the setup would have, from the count known plus every count added.
  const addedCount = membersAdded(text);
  // "add 14 more members": the sentence reader took "14 members" (or the last "N more") for the count; it is what is added.
  const countedAdded = result.nodes === undefined || moreCounts(text).includes(Number(result.nodes));
  if (addedCount > 0 && clustered && known.nodes !== undefined && countedAdded && !STANDS_APART.test(text) && kb.dimensions.some((d) => d.id === 'nodes'))
    result.nodes = String(Number(known.nodes) + addedCount);
  // "18 in the end, not 3", "we'll have 9, not 4": a count said in place of the member count known (o21).
  const replaced = COUNT_NOT_COUNT.exec(text);
  if (replaced && clustered && known.nodes === replaced[2] && replaced[1] !== replaced[2] && kb.dimensions.some((d) => d.id === 'nodes'))
    result.nodes = String(Number(replaced[1]));
  // "what if we remove the witness", "FS1 is being decommissioned, so no witness": the DAG without its witness.
  if (known.witness !== 'no' && DROPS_WITNESS.test(text) && kb.dimensions.some((d) => d.id === 'witness')) result.witness = 'no';
  // "what if we drop the DAG", "without the cluster": a single server.
  // The DAG it names is the one dropped, not kept.
  if ((result.ha === undefined || result.ha === known.ha) && clustered && DROPS_HA.test(text) && kb.valuesFor('ha', { ...known, ...result }).some((v) => v.id === 'none'))
    result.ha = 'none';
  return result;
}

const ORDINAL_WORDS = [
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
  'eleventh',
  'twelfth',
  'thirteenth',
  'fourteenth',
  'fifteenth',
  'sixteenth',
  'seventeenth',
  'eighteenth',
];
const ORDINAL = new RegExp(
  `\\b(?:(\\d{1,2})(?:st|nd|rd|th)|(${ORDINAL_WORDS.join('|')}))\\s+(members?|nodes?|servers?|dag members?|evs|exchange virtual servers?|virtual servers?|instances?|clustered mailbox servers?)\\b`,
  'i',
);
/** "we're adding a 17th next month", "add a third": an ordinal with no noun after "add", which counts members. */
const ADDED_ORDINAL = new RegExp(
  `\\badd(?:ing|ed|s)?\\s+(?:a|an|the)\\s+(?:(\\d{1,2})(?:st|nd|rd|th)|(${ORDINAL_WORDS.join('|')}))\\b(?!\\s+(?:evs|exchange virtual|virtual|instances?|databases?|cop(?:y|ies)|sites?|datacenters?|witness))`,
  'i',
);
/** "also ... on those four", "on the same boxes", "on them too": something put on the servers judged, beside what they run. */
const NLB_BESIDE =
  /\b(also|too|as well|on (those|these|them|the same|all)|same (boxes|servers|nodes|members)|on (both|each|every|all)( of the| the)? (nodes?|members?|dag members?)|for (them|those|these|the (members|nodes)))\b/i;

/** A restart said outright, mid-check: "start over", "restart", "new check", "another setup", "from scratch". */
const RESTART_SAID = /\b(start (over|again|fresh)|restart|reset|begin again|from scratch|new (check|setup)|another (check|setup)|one more (check|setup))\b/i;

const NUMBER_WORDS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** "and with 9?", "what about 20?", "how about 3 then": a count alone, with no noun saying what it counts. */
const BARE_COUNT =
  /^(?:ok,? |so,? |hmm,? )?(?:and|what|how|ok)?\s*(?:about|if|with|for|at)?\s*(?:(?:we|it|they) (?:had|have|has|used|use|went to|go to) )?(\d{1,3})(?: then| instead)?\s*[?!.]*$/i;

/**
 * The count a bare number after a verdict changes: the number fact answered or changed last ("and with 3
 * nodes?" then "and with 9?"), when the setup has it. Undefined for any other message (issue 21, g21: w-after-12).
 */
function bareCount(kb: KnowledgeBase, text: string, last: LastCheck, base: Facts): Facts | undefined {
  const said = BARE_COUNT.exec(text.trim());
  if (!said) return undefined;
  const isCount = (d: string) => base[d] !== undefined && kb.dimensions.find((x) => x.id === d)?.type === 'number';
  // With no count answered or changed yet, the setup's only count ("a DAG of 4", then "and with 20?").
  const counts = Object.keys(base).filter(isCount);
  const counted = [...last.answered].reverse().find(isCount) ?? (counts.length === 1 ? counts[0] : undefined);
  if (counted === undefined || base[counted] === said[1]) return undefined;
  return { [counted]: String(Number(said[1])) };
}
/**
 * "we never ran the SE setup - it's still exchange 2019 cu13" after a verdict on one SE server: two versions named about one
 * server are no mixed DAG (a single server runs one version) but a correction, the version named last being the one it runs,
 * with what its part of the message says (o21, w7-after-01: read as an in-place upgrade, it stayed a plain Supported).
 */
function oneServerOneVersion(kb: KnowledgeBase, text: string, known: Facts, named: Facts): Facts {
  if (named.mixedVersions === undefined || (known.ha !== undefined && known.ha !== 'none') || known.nodes !== undefined) return named;
  const parts = text.split(/[-–—;,.:]\s|\bbut\b|\bnot\b/i);
  for (const part of parts.reverse()) {
    // "it's actually exchange 2019 cu15, we never ran the SE setup": a version said not to run is not the one it runs (o23, w9-after-15).
    if (NOT_DONE.test(part)) continue;
    const { mixedVersions: _two, ...facts } = kb.recognizer.extract(part, known).facts;
    if (facts.version === undefined) continue;
    const { mixedVersions: _mixed, version: _v, ...rest } = named;
    return { ...rest, ...facts };
  }
  return named;
}

/**
 * "the 5th member we're adding next week is a 2016 cu23 box", "one more member, on 2019 cu15" after a DAG's verdict: a member
 * added with its own Exchange version or Windows release makes a mixed DAG, not a new check of that version (o21, w7-after-02).
 */
function addedMemberOfItsOwn(kb: KnowledgeBase, text: string, known: Facts, named: Facts): Facts {
  if (known.ha === undefined || known.ha === 'none' || known.nodes === undefined) return named;
  // "plus MBX4 on windows 2019 datacenter joins, same dag": one member named by its server name, joining (o23, w9-after-20).
  // "we want to add a 2016 cu23 server into that same dag" (session 15 o27, w8-after-32): one server, named by what it is, put into the DAG judged.
  const joins = JOINING_MEMBER.test(text) || INTO_THE_DAG.test(text);
  // "we add MBX5 and MBX6 next week, and MBX7 through MBX18 in january": several servers named joining, each a member (d24, w9-after-22).
  const joining = serversNamedJoining(text);
  if (!ORDINAL.test(text) && !ADDED_ORDINAL.test(text) && membersAdded(text) === 0 && !joins && joining < 2) return named;
  const result: Record<string, string> = { ...named };
  const hasNodes = kb.dimensions.some((d) => d.id === 'nodes');
  if (joining >= 2 && membersAdded(text) === 0 && hasNodes) result.nodes = String(Number(known.nodes) + joining);
  else if (joins && result.nodes === undefined && hasNodes) result.nodes = String(Number(known.nodes) + 1);
  return withOtherMembers(kb, result, known);
}

/** "plus MBX4 on 2019 joins, same dag", "EX05 is added to the dag": a server named by its name joining the DAG judged. */
const JOINING_MEMBER =
  /\b(?!(?:cu|sp|ru|rtm|e2k|ex20|ex2k|exch20|w2k|win20|win2k|2k|windows|server|node|member)\d*\b)[a-z]{2,10}-?\d{1,3}\b[^.!?]{0,60}\b(?:joins?|joining|joined|is added|gets added|added to|as (?:a |the )?(?:new |\w+ )?member|(?:into|in|to) (?:the )?same dag|same dag)\b/i;

/** "split it into two dags, 9 and 8 members", "two DAGs of 8 + 9 instead": the two counts of a DAG split in two. */
const SPLIT_DAG =
  /\b(?:split\w*|divid\w*|break\w*|cut\w*|make\s+(?:it|that)|go\s+with|use|instead)\b[^.!?]{0,40}?\b(?:two|2)\s+dags?\b[^.!?\d]{0,20}?\b(\d{1,2})\s*(?:and|\+|&|,|\/)\s*(\d{1,2})\b/i;

/** The member counts of the one DAG judged, split in two by the message, or undefined. */
function splitDagCounts(text: string, last: LastCheck): [string, string] | undefined {
  const [only, ...others] = last.groups;
  const split = SPLIT_DAG.exec(text);
  if (!split || !only || others.length > 0 || only.facts.ha !== 'dag') return undefined;
  return [split[1]!, split[2]!];
}

/** "add a 2016 cu23 server into that same dag", "put one more box in the dag": a server (not a name) joining the DAG judged. */
const INTO_THE_DAG =
  /\b(?:add\w*|put\w*|join\w*|bring\w*|introduc\w*|install\w*)\s+(?:an?|one|another|one more|a new|an extra)\s+(?:[^.!?\s]+\s+){0,4}(?:server|box|machine|vm|member|node)\s+(?:\w+\s+)?(?:into|in|to)\s+(?:that|the|this|our|the existing)\s+(?:same\s+|existing\s+)?dag\b/i;

/** "we never ran the SE setup", "didn't install 2019": a part of a message saying something was not done. */
const NOT_DONE = /\b(never|didn'?t|did not|haven'?t|have not|hasn'?t|has not|wasn'?t|was not|no longer|not yet)\b/i;

/** Words after "N more" that count something else than members ("one more thing", "2 more databases", "one more DAG"). */
const NOT_MEMBERS = `databases?|dbs?|cop(?:y|ies)|users?|mailbox(?:es)?(?! servers?)|gb|tb|things?|questions?|sites?|datacent(?:er|re)s?|dags?|clusters?|checks?|setups?|years?|months?|weeks?|days?|hours?|minutes?|cus?|updates?|times?|witness(?:es)?|edge|cas|hub|licen[cs]es?|evs|instances?|virtual servers?`;
const COUNT_WORD = `\\d{1,2}|${NUMBER_WORDS.join('|')}`;
/**
 * "add 2 more", "4 more members", "one more node", "plus two extra members", "and another 9 after that": members added to those
 * counted, each count once (global: "4 more next year and 9 more after the merger" adds 13).
 */
const MORE_MEMBERS = new RegExp(
  `\\b(?:(?:add(?:ing|ed)?|plus|\\+)\\s*)?(${COUNT_WORD})\\s+(?:more|additional|extra)\\b(?!\\s+(?:${NOT_MEMBERS})\\b)|\\banother\\s+(\\d{1,2}|${NUMBER_WORDS.slice(1).join('|')})\\b(?!\\s+(?:more|additional|extra|new|${NOT_MEMBERS})\\b)|\\badd(?:ing|ed|s)?\\s+(${COUNT_WORD})\\s+new\\b(?!\\s+(?:${NOT_MEMBERS})\\b)`,
  'gi',
);
/** "18 in the end, not 3", "we'll have 9, not 4": a count, then "not" and the count it replaces. */
const COUNT_NOT_COUNT = /\b(\d{1,2})\b(?:\s+(?:members?|nodes?|servers?))?(?:\s+in the end|\s+eventually|\s+at the end)?\s*,?\s+not\s+(\d{1,2})\b/i;

/** The counts a message adds ("4 more ... and 9 more": [4, 9]). */
function moreCounts(text: string): number[] {
  return [...text.matchAll(MORE_MEMBERS)].map((m) => {
    const word = (m[1] ?? m[2] ?? m[3])!.toLowerCase();
    return /^\d+$/.test(word) ? Number(word) : NUMBER_WORDS.indexOf(word) + 1;
  });
}

/** The members a message adds to those counted, or 0. */
function membersAdded(text: string): number {
  return moreCounts(text).reduce((sum, n) => sum + n, 0);
}
const DROPS_WITNESS =
  /\b(drop|remove|removing|without|get rid of|no more|no longer (use|have|need)|lose|losing|scrap|ditch|decommission\w*)\s+(the |a |our |its )?(file share )?(witness|fsw)\b/i;
/** Words that put a way of balancing in place of the high availability known: "instead of the DAG", "replace", "not a DAG". */
const REPLACES_HA = /\b(instead|rather|replac\w*|swap\w*|switch\w*|in place of|not|isn'?t|no longer|actually|wrong|drop|remove|without|what if|how about)\b/i;
const DROPS_HA = /\b(drop|remove|without|get rid of|no more|no longer (use|have|need)|lose|scrap|ditch)\s+(the |a |our )?(dag|cluster|clustering|failover cluster)\b/i;

/** SE put over the servers judged: "install SE on top of it", "upgrade these to SE in place", "new servers for SE". */
const SE_OVER =
  /\b(?:install|put|run|upgrad\w*)\s+(?:the\s+)?(?:exchange\s+)?(?:se|subscription edition)(?:\s+setup)?\s+(?:on top|over|in[\s-]place|on (?:these|them|it|this|those|(?:the|that|this) same))\b|\bnew (?:servers|hardware|boxes|vms|machines)\s+(?:for|with)\s+(?:exchange\s+)?(?:se|subscription edition)\b/i;
/** "straight to exchange 2016", "move to 2013", "upgrade to ex2019": a move whose target is an Exchange version. */
const MOVE_TO_VERSION = /\b(?:to|onto|into)\s+(?:exchange\s+|ex\s?)?(?:server\s+)?20[01]\d\b/i;
/** A move asked rather than said: a question mark, or a question's first words ("can we", "should we", "is it ok to"). */
const ASKED_MOVE = /\?|^(?:\w+,?\s+){0,2}?(?:can|could|should|would|shall|may|might|do|does|is|are|how|what|why|when|whether|any)\b/i;
/** "like with 2019", "as for 2019": another version named as an example, not a fact of the setup. */
const LIKE_WITH = /\b(?:like|as)\s+(?:with|for|on|in)?\s*(?:exchange\s+)?20\d\d\b/gi;

/** A what-if about the setup judged ("what if we move it to SE?", "how about SE instead"): judged again, not answered with a path. */
/** A short message that reads as a question or a reaction about the setup just judged (see vagueRetiredFollowUp). */
const VAGUE_FOLLOW_UP = /\?\s*$|^(ok(ay)?|so|and|but|hmm+|well|right|wait|damn|ugh|oh)\b|\b(it|that|this|we|us|our|they|them|now|then)\b/i;
const VAGUE_MAX_LENGTH = 80;
/** "ok then", "got it": the verdict taken note of, nothing asked. */
const ACKNOWLEDGED = /^(ok(ay)?|alright|all right|fine|cool|got it|understood|noted|sure|right|k|great)(,? (then|thanks|thank you|cheers))?[.! ]*$/i;
/** A bare reply word after a verdict, with nothing said of the setup: "no", "nope", "actually", "hmm". */
const BARE_REPLY = /^(no+|nope|nah|no wait|wait|actually|hmm+|oh|sorry|oops|wrong|instead)[.!?\s]*$/i;
const WHAT_IF = /\b(what if|what about|how about|instead|suppose|supposing|if (we|i|they))\b/i;

/** "on the same boxes", "on those servers too", "co-located": a role beside the role the servers have. */
const SAME_SERVERS =
  /\b(same (boxes|servers|nodes|machines|members|vms|hosts)|on (them|those|these)|co-?located|beside|alongside|together with|also (has|have|holds?|hosts?|runs?) the|(the )?(dag )?(members|nodes) (also )?(run|have|hold|host)s? the)\b/i;

/** Words that change the servers judged rather than add others: "actually they are Edge servers", "add the Edge server to that DAG". */
const CHANGES_THE_SERVERS =
  /\b(actually|instead|rather|wrong|not|isn'?t|aren'?t|make (that|it)|change|what if|they are|they'?re|it'?s|it is|(to|in|into|join|member of) (the|that|this|our) (dag|cluster)|on (both|each|every|all)( of the| the)? (nodes?|members?|dag members?)|(the )?(dag )?(members|nodes) (also )?(run|have|hold|host)s? the)\b/i;

/** A word for Windows in a short message: "windows is 2016 btw", "the OS is 2019". */
const NAMES_WINDOWS = /\b(windows|win|os|operating system|w2k\d*)\b/i;

/**
 * "windows is 2016 btw" after a verdict: a bare year beside a word for Windows is the Windows
 * release, not the Exchange version the sentence reader takes a bare year for.
 */
function windowsNamed(kb: KnowledgeBase, text: string, known: Facts, named: Facts): Facts {
  if (!NAMES_WINDOWS.test(text) || /\b(exchange|exch|ex|e2k\d*)\b/i.test(text)) return named;
  const withEdition = windowsEditionNamed(kb, text, known, named);
  if (withEdition.version === undefined || withEdition.windows !== undefined) return withEdition;
  const windows = kb.recognizer.readAnswer('windows', text, known).windows;
  if (windows === undefined) return withEdition;
  const { version: _year, ...rest } = withEdition;
  return { ...rest, windows };
}

/**
 * "fwiw windows is standard", "the OS is datacenter btw" after a verdict (issue 21, d21): an edition beside a word for
 * Windows, and none for Exchange, is the Windows edition (the sentence reader takes it for none, or for Exchange's),
 * when the setup judged can have it.
 */
function windowsEditionNamed(kb: KnowledgeBase, text: string, known: Facts, named: Facts): Facts {
  if (named.windowsEdition !== undefined) return named;
  const edition = kb.recognizer.readAnswer('windowsEdition', text, known).windowsEdition;
  if (edition === undefined) return named;
  const { edition: _exchange, ...rest } = named;
  const { windowsEdition: _was, ...setup } = { ...known, ...rest };
  if (!kb.valuesFor('windowsEdition', setup).some((v) => v.id === edition)) return named;
  return { ...rest, windowsEdition: edition };
}

/** "cu23", "sp3" (runningUpdate's forms) as a level; undefined for anything else. */
function levelNamed(update: string | undefined): Level | undefined {
  const m = /^(cu|sp)(\d{1,2})$/.exec(update ?? '');
  if (!m) return undefined;
  return m[1] === 'cu' ? { cu: Number(m[2]) } : { sp: Number(m[2]) };
}

/** "CU23", "SP3 RU11". */
function levelName(level: Level): string {
  return level.cu !== undefined ? `CU${level.cu}` : `SP${level.sp}${level.ru !== undefined ? ` RU${level.ru}` : ''}`;
}

/** The update a design's group was typed with ("2013 cu20 DAG of 2 ..."): read by its version from the whole message. */
function typedUpdateOf(text: string, facts: Facts): Pick<CheckedGroup, 'typedUpdate'> {
  const version = facts.version;
  const level = version !== undefined ? typedLevel(text, version) : undefined;
  return version !== undefined && level ? { typedUpdate: { version, level } } : {};
}
