import { withCoexistence } from '../knowledge/rules/design-coexistence';
import { ActivityTypes, InputHints, type Activity, type TurnContext } from './turn';
import { Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from './dialog-frame';
import {
  settledAssumptions,
  stepWithOpen,
  withOpenValue,
  valueLabel,
  VERDICT_LABELS,
  worstVerdict,
  type CheckStep,
  type Decision,
  type Dimension,
  type Facts,
  type KnowledgeBase,
  type SetAside,
} from '../knowledge';
import { isDefinitionQuestion, isNotSure, isPause, questionAboutQuestion } from './conversation-intents';
import { readFactAnswer, type AskedQuestion } from './fact-answer';
import type { CheckedGroup, LastCheck } from './last-check';
import { isLookupQuestion } from './message-router';
import { retiredLineMidCheck } from './retired-version';
import type { Replies } from './replies';

/** Input of the guided check: the facts already known, one set per server group of a design. */
export interface SupportCheckOptions {
  /** A single setup (the usual case). */
  facts?: Facts;
  /** Several server groups of one design ("2 FEs with NLB + a 2-node BE cluster"). */
  groups?: CheckedGroup[];
  /** Facts given earlier that do not apply, kept to be named back in the verdict. */
  setAside?: SetAside[];
  /** Dimensions answered so far, latest last. */
  answered?: string[];
  /** Facts left open ("not sure", "skip", or not understood twice): never asked again, named as conditions. */
  open?: string[];
  /** The question asked just before, and how many times in a row: no question is asked more than twice in a row. */
  previous?: { dimension: string; asks: number };
  /** A line shown above the next question ("Noted: Windows Server 2022."). */
  note?: string;
  /** Facts changed or added after a verdict, and the verdicts before: the new verdict says what changed. */
  changed?: ChangedFacts;
  /** Verdict first (a plan or a design judged at once): the verdict offers the questions that narrow its open facts down. */
  refine?: boolean;
}

/** What changed since the last verdict ("what if", "forgot to say"). */
export interface ChangedFacts {
  update: Facts;
  /** A server group added to the design after the verdict ("we also have an Edge server"): its facts. */
  addedGroup?: Facts;
  before: ReadonlyArray<{ facts: Facts; verdict: Decision['verdict'] }>;
  /** Words said after a fact added ("different Windows releases" + " (Windows Server 2008 R2 on some members)"). */
  detail?: Record<string, string>;
  /** The group of the design the update was said of ("the back-end is a cluster"): what changed is against its facts alone. */
  group?: number;
  /** Changes no fact names, said as they are ("Exchange 2013 CU23 instead of CU20": an update typed in a design). */
  said?: string[];
}

/** A question is asked at most this many times in a row; then its fact is left open and the check goes on. */
export const MAX_ASKS_IN_A_ROW = 2;

/** Output of the guided check: what the conversation keeps for follow-ups. */
export type SupportCheckResult = LastCheck & { decisions: Decision[] };

/**
 * What the check keeps in dialog state while a question waits for its answer: facts and ids only.
 * The question card is drawn again when shown (a card is kilobytes, and dialog state is copied,
 * compared and saved on every turn).
 */
export interface CheckState {
  groups: CheckedGroup[];
  /** Dimensions answered so far, latest last. */
  answered: string[];
  /** The dimension asked. */
  dimension: string;
  /** The group whose facts the question shows: the first the rules still have a question for. */
  open: number;
  /** Which groups the answer is for (every group still missing it). */
  askedFor: number[];
  /** Facts left open (see {@link SupportCheckOptions.open}). */
  leftOpen?: string[];
  /** How many times in a row this question has been asked (1 when first asked). */
  asks?: number;
  /** The user asked something mid-check ("why do you ask?") and the question was shown again once, uncounted. */
  interrupted?: boolean;
  /** The second wording is on screen: it lists the choices by number, so a bare number is a choice's. */
  numbered?: boolean;
  /** Facts changed after a verdict that led to this question: the next verdict still says what changed. */
  changed?: ChangedFacts;
}

/** Where one turn leaves the check: waiting for an answer, or done with the verdict shown. */
export type CheckTurn = { waiting: CheckState } | { done: SupportCheckResult };

/**
 * The guided support check: asks, one at a time, only the questions whose answers can still change
 * the verdict (the rules table decides which), then shows the verdict card. Starting it with facts
 * from the first message ("an Exchange 2003 front-end on a cluster") skips what is already known,
 * and may go straight to the verdict. A design with several server groups gets one question at a
 * time for whichever group still needs it (an answer fills every group that lacks the fact), then
 * one card with a verdict per group and the worst of them for the design.
 *
 * At any question: a correction ("no, Standard", "actually it's 2000") changes that fact and the
 * check goes on from there; "not sure" gets how to find it out and the verdict per possible answer;
 * a knowledge-base question ("what is an EVS?") gets its answer; then the same question again.
 *
 * It works on a {@link CheckState} its caller keeps in dialog state, rather than being a dialog of
 * its own: the root dialog runs it in its own frame, so a turn of the check creates no nested
 * dialog contexts (see {@link SupportCheckDialog} to run it alone).
 */
export class SupportCheck {
  constructor(
    private readonly kb: KnowledgeBase,
    private readonly replies: Replies,
  ) {}

  /** Asks the first question still open, or shows the verdict when none is. */
  async start(context: TurnContext, options: SupportCheckOptions): Promise<CheckTurn> {
    const groups = (options.groups ?? [{ facts: options.facts ?? {}, setAside: options.setAside ?? [] }]).map((group) => this.settle(group));
    const answered = options.answered ?? [];
    let open = options.open ?? [];
    let note = options.note;
    for (;;) {
      const steps = groups.map((group) => stepWithOpen(this.kb, group.facts, open));
      const index = steps.findIndex((s) => s.kind === 'question');
      if (index < 0) {
        const judged = steps.map((s) => (s.kind === 'verdict' ? s.decision : undefined)).filter((d): d is Decision => d !== undefined);
        // A design is one organization: its versions must be allowed side by side (coexistence.yaml).
        const decisions = groups.length > 1 ? withCoexistence(groups, judged, this.kb.coexistence, this.kb.dimensions) : judged;
        const changed = options.changed ? this.whatChanged(options.changed, decisions) : undefined;
        if (groups.length === 1) await context.sendActivity(this.replies.verdict(decisions[0]!, groups[0]!.facts, groups[0]!.setAside, changed));
        else
          await context.sendActivity(
            this.replies.designVerdict(
              groups.map((group, i) => ({ facts: group.facts, setAside: group.setAside, decision: decisions[i]! })),
              changed,
            ),
          );
        if (options.refine) await this.offerRefine(context, open, decisions);
        return { done: { groups, answered, decisions, open } };
      }
      const dimension = (steps[index] as { kind: 'question'; dimension: Dimension }).dimension;
      if (groups.length > 1 && this.refusedAlready(groups, steps)) {
        // A group Not supported whatever the answer (its own rules, or versions that cannot share an organization): the
        // design is as good as its weakest group, so the fact is left open, never asked (session 10 d22, w2-design-05).
        open = [...open, dimension.id];
        continue;
      }
      const asks = options.previous?.dimension === dimension.id ? options.previous.asks + 1 : 1;
      if (asks > MAX_ASKS_IN_A_ROW) {
        // Asked twice already: the fact is left open rather than asked a third time.
        // The fact just taken instead ("Noted: Windows edition: Datacenter.") is said first, then what is still missing.
        await context.sendActivity(this.replies.leftOpen(dimension, 'asked-twice', groups[index]!.facts, note));
        note = undefined;
        open = [...open, dimension.id];
        continue;
      }
      const askedFor = groups.flatMap((group, i) => (group.facts[dimension.id] === undefined && this.kb.valuesFor(dimension.id, group.facts).length > 0 ? [i] : []));
      const state: CheckState = {
        groups,
        answered,
        dimension: dimension.id,
        open: index,
        askedFor,
        ...(open.length > 0 ? { leftOpen: open } : {}),
        asks,
        ...(options.changed ? { changed: options.changed } : {}),
      };
      await context.sendActivity(this.card(state, false, note));
      return { waiting: state };
    }
  }

  /** A message while a question waits: its answer moves the check on; anything else gets help with the question. */
  async answer(context: TurnContext, state: CheckState): Promise<CheckTurn> {
    if (context.activity.type !== ActivityTypes.Message) return { waiting: state };
    const text = context.activity.text ?? '';
    if (context.activity.value === undefined && isPause(text)) {
      // "hang on": nothing to read and nothing to ask again; the question waits, its count unchanged.
      const dimension = this.kb.dimensions.find((d) => d.id === state.dimension)!;
      await context.sendActivity(this.replies.pause(dimension));
      return { waiting: state };
    }
    // "what is Web Edition?": a question about a term, not the answer "Web Edition".
    if (context.activity.value === undefined && isDefinitionQuestion(text)) return this.notAnAnswer(context, state);
    // "same as the DCs": a pointer to other servers, not the fact (nor a statement that these servers are DCs).
    if (context.activity.value === undefined && SAME_AS.test(text)) return this.notAnAnswer(context, state);
    const read = readFactAnswer(this.kb, context.activity, this.question(state));
    if (read && read[state.dimension] === undefined && context.activity.value === undefined && isNotSure(text)) {
      // "no idea, whatever the VM template has": not sure of the fact asked, though another fact is named. That one is
      // taken; the one asked is left open (with those found out the same way), as a bare "no idea" leaves it.
      const dimension = this.kb.dimensions.find((d) => d.id === state.dimension)!;
      const options = this.record(state, read);
      return this.start(context, {
        ...options,
        note: `Noted: ${Object.entries(read)
          .map(([d, v]) => this.factLabel(d, v))
          .join(', ')}; the ${lowerFirst(dimension.label)} is left open.`,
        open: [...(state.leftOpen ?? []).filter((d) => read[d] === undefined), state.dimension, ...this.foundTogether(dimension, state)],
        ...(state.changed ? { changed: state.changed } : {}),
      });
    }
    if (read) {
      const options = this.record(state, read);
      // Another fact than the one asked ("Windows Server 2022" asked for the edition): taken, and the question asked again.
      const note =
        read[state.dimension] === undefined
          ? `Noted: ${Object.entries(read)
              .map(([d, v]) => this.factLabel(d, v))
              .join(', ')}.`
          : undefined;
      // An answer that changes again a fact changed after the verdict ("ok 2008 R2 then", then "Windows Server 2022"):
      // what changed is said with the latest value, never the one taken back.
      const changed = state.changed
        ? { ...state.changed, update: { ...state.changed.update, ...Object.fromEntries(Object.entries(read).filter(([d]) => d in state.changed!.update)) } }
        : undefined;
      return this.start(context, {
        ...options,
        note,
        open: (state.leftOpen ?? []).filter((d) => read[d] === undefined),
        previous: { dimension: state.dimension, asks: state.asks ?? 1 },
        ...(changed ? { changed } : {}),
      });
    }
    return this.notAnAnswer(context, state);
  }

  /**
   * The waiting question once more. After the user's own request mid-check (help, a knowledge question,
   * "why do you ask?", "what are the conditions?"), which got its short answer first, the question comes
   * again once with its count unchanged: the user asked something rather than failed to answer, so it does
   * not count toward the twice-asked limit (issue 21, d21); a second such request while it waits leaves the
   * fact open. After an answer the bot could not read (`retry`): the second wording with examples, once; a
   * second miss leaves the fact open and the check goes on.
   */
  async askAgain(context: TurnContext, state: CheckState, retry = false): Promise<CheckTurn> {
    if (!retry) {
      if (state.interrupted) return this.leaveOpen(context, state, 'asked-twice');
      const next: CheckState = { ...state, interrupted: true };
      await context.sendActivity(this.card(next, false));
      return { waiting: next };
    }
    const asks = state.asks ?? 1;
    if (asks >= MAX_ASKS_IN_A_ROW) return this.leaveOpen(context, state, 'not-understood');
    const next: CheckState = { ...state, asks: asks + 1, numbered: true };
    await context.sendActivity(this.card(next, retry));
    return { waiting: next };
  }

  /** Leaves the asked fact open (named as a condition in the verdict) and goes on with the check. */
  private async leaveOpen(context: TurnContext, state: CheckState, why: 'not-sure' | 'not-understood' | 'asked-twice'): Promise<CheckTurn> {
    const dimension = this.kb.dimensions.find((d) => d.id === state.dimension)!;
    if (why !== 'not-sure') await context.sendActivity(this.replies.leftOpen(dimension, why, this.question(state).known));
    return this.start(context, {
      groups: state.groups,
      answered: state.answered,
      open: [...(state.leftOpen ?? []), state.dimension, ...(why === 'not-sure' ? this.foundTogether(dimension, state) : [])],
      ...(state.changed ? { changed: state.changed } : {}),
    });
  }

  /**
   * The facts found out the same way as one the user is not sure of, per the dimensions table: the one
   * it is named with (`composeWith`: the Windows edition with the Windows release) and those that exist
   * only for some of its values (`appliesWhen`: the architecture of Windows 2003 and 2008). Whoever cannot
   * say the Windows release cannot say its edition either ("dunno, Pete built it"): they are left open
   * with it, named as conditions, rather than asked next.
   */
  private foundTogether(dimension: Dimension, state: CheckState): string[] {
    const known = state.groups[state.open]?.facts ?? {};
    return this.kb.dimensions
      .filter((d) => d.kind === 'asked' && known[d.id] === undefined && (dimension.composeWith === d.id || (d.appliesWhen !== undefined && dimension.id in d.appliesWhen)))
      .map((d) => d.id);
  }

  /** A fact as a note or a change names it: "4 nodes or DAG members", "Windows edition: Datacenter", "Windows Server 2022". */
  private factLabel(d: string, v: string): string {
    const dims = this.kb.dimensions;
    const dimension = dims.find((x) => x.id === d);
    if (dimension?.type === 'number') return `${valueLabel(dims, d, v)} ${dimension.label.charAt(0).toLowerCase()}${dimension.label.slice(1)}`;
    // "Enterprise" alone could be either edition: the editions say whose they are.
    return d === 'edition' || d === 'windowsEdition' ? `${dimension!.label}: ${valueLabel(dims, d, v)}` : valueLabel(dims, d, v);
  }

  /** "What changed: Windows Server 2025 instead of 2022. Now: Not supported (was Supported with conditions)." */
  private whatChanged(changed: ChangedFacts, decisions: readonly Decision[]): string {
    const dims = this.kb.dimensions;
    const said = changed.group !== undefined ? changed.before.filter((_b, i) => i === changed.group) : changed.before;
    const before = said[0]?.facts ?? {};
    const label = (d: string, v: string) => this.factLabel(d, v);
    // "3 nodes or DAG members instead of 2", "Windows Server 2022 instead of Windows Server 2025", "also a domain controller added".
    // Against every group judged before (or the one it was said of): a fact one group of a design lacked (the Edge server's
    // Windows release) was added to it.
    const parts = Object.entries(changed.update)
      .filter(([d, v]) => said.some((b) => b.facts[d] !== v))
      .map(([d, v]) => {
        const was = said.map((b) => b.facts[d]).find((w) => w !== undefined && w !== v) ?? before[d];
        return was !== undefined && was !== v
          ? // "no witness server instead of a witness server (the witness on MBX1, read as one of the DAG's members)" (d25).
            `${label(d, v)} instead of ${dims.find((x) => x.id === d)?.type === 'number' ? was : withoutSharedStart(label(d, v), label(d, was))}${d === 'witness' || d === 'windows' ? (changed.detail?.[d] ?? '') : ''}`
          : `${label(d, v)} added${changed.detail?.[d] ?? ''}`;
      });
    parts.push(...(changed.said ?? []));
    // A change said as is names the group it adds itself ("two DAGs of 9 and 8 members instead of one of 17").
    if (changed.addedGroup?.role !== undefined && changed.said === undefined) parts.push(`${this.factLabel('role', changed.addedGroup.role)} servers added to the design`);
    // A design's verdict is its worst group's.
    const was = VERDICT_LABELS[worstVerdict(changed.before.map((b) => b.verdict))];
    const now = VERDICT_LABELS[worstVerdict(decisions.map((d) => d.verdict))];
    const verdict = was === now ? `Now: ${now}, as before.` : `Now: ${now} (was ${was}).`;
    // A change taken back by a later answer: nothing changed in the end, and it says so.
    if (parts.length === 0) {
      const kept = Object.entries(changed.update).map(([d, v]) => label(d, v));
      // Nothing to name (a group named with nothing new about it): no empty "( , as before)".
      return kept.length > 0 ? `What changed: nothing in the end (${kept.join('; ')}, as before). ${verdict}` : `What changed: nothing. ${verdict}`;
    }
    return `What changed: ${parts.join('; ')}. ${verdict}`;
  }

  /**
   * After a verdict given first: the open facts it names as conditions, and the offer to answer their
   * questions ("refine"). Nothing when no open fact decides the verdict (nothing to narrow down).
   */
  private async offerRefine(context: TurnContext, open: readonly string[], decisions: readonly Decision[]): Promise<void> {
    const named = (d: string) => decisions.some((decision) => decision.conditions.some((c) => c.id === `open-${d}` || c.id.startsWith(`open-${d}-with-`)));
    const matters = this.kb.dimensions.filter((d) => open.includes(d.id) && named(d.id));
    if (matters.length === 0) return;
    const labels = matters.map((d) => d.label).join(', ');
    const count = matters.length === 1 ? 'one question' : `up to ${matters.length} questions`;
    await context.sendActivity({
      type: ActivityTypes.Message,
      text: `Verdict first: what you did not say (${labels}) is named above as a condition. To refine the verdict, say "refine" and answer ${count}, or just tell me ${matters.length === 1 ? 'it' : 'any of them'}.`,
      suggestedActions: { actions: [{ type: 'imBack', title: `Refine (${count})`, value: 'refine' }] },
    });
  }

  /** Shows the waiting question again. */
  async reprompt(context: TurnContext, state: CheckState): Promise<void> {
    await context.sendActivity(this.card(state, false));
  }

  private question(state: CheckState): AskedQuestion {
    const known = state.groups[state.open]?.facts ?? {};
    // A fact with one sensible value ("Exchange 2000": Windows 2000) shapes the question that follows: its choices are that
    // setup's (Windows 2000's editions), never another release's; answers are still read against what the user said.
    return {
      dimension: state.dimension,
      known,
      answered: state.answered,
      assumed: settledAssumptions(this.kb.assumedFacts, known),
      numbered: state.numbered === true,
    };
  }

  /** The question card (or its "didn't recognise" retry), drawn from the state. */
  private card(state: CheckState, retry: boolean, note?: string): Partial<Activity> {
    const { dimension: dimensionId, known, assumed } = this.question(state);
    const dimension = this.kb.dimensions.find((d) => d.id === dimensionId)!;
    // The choices of the setup the check takes as given (Windows 2000's editions under Exchange 2000).
    const shaping = this.shapesChoices(dimensionId, known, assumed) ? assumed : undefined;
    const card = retry ? this.replies.retry(dimension, known, shaping) : this.replies.question(dimension, known, note, shaping);
    // A question expects an answer (what botbuilder's prompts set when a card says nothing).
    if (typeof card.inputHint !== 'string') card.inputHint = InputHints.ExpectingInput;
    return card;
  }

  /** Whether the assumed facts narrow the asked fact's choices (Windows 2000's editions only), so the card shows them. */
  private shapesChoices(dimensionId: string, known: Facts, assumed: Facts | undefined): boolean {
    if (!assumed || Object.keys(assumed).length === 0) return false;
    return this.kb.valuesFor(dimensionId, { ...assumed, ...known }).length !== this.kb.valuesFor(dimensionId, known).length;
  }

  /** Normalises a group's facts and collects what does not apply, each named once. */
  /**
   * Whether the design is Not supported already, whatever the questions still open: a group judged Not supported, or
   * versions the design cannot hold side by side (coexistence.yaml). Only the versions and the older servers' update
   * bear on the latter, so a group still waiting for another fact is judged there with no verdict of its own.
   */
  private refusedAlready(groups: readonly CheckedGroup[], steps: readonly CheckStep[]): boolean {
    if (steps.some((step) => step.kind === 'verdict' && step.decision.verdict === 'not-supported')) return true;
    const unjudged: Decision = { verdict: 'supported', rules: [], broken: [], conditions: [], decisiveFacts: {}, lifecycle: [] };
    const decisions = steps.map((step) => (step.kind === 'verdict' ? step.decision : unjudged));
    return withCoexistence(groups, decisions, this.kb.coexistence, this.kb.dimensions).some((d, i) =>
      d.broken.some((b) => b.id.startsWith('coexistence-') && !decisions[i]!.broken.includes(b)),
    );
  }

  private settle(group: CheckedGroup): CheckedGroup {
    const setAside = mergeSetAside(group.setAside, this.kb.setAside(group.facts));
    return { ...group, facts: this.kb.knownFacts(group.facts), setAside };
  }

  /**
   * Not an answer: "not sure" / "skip" gets how to find the fact out and the verdict per possible
   * answer, and the fact is left open; a question about the question ("why do you ask?", "what are
   * the conditions?") or a knowledge-base question ("what is an EVS?") gets its answer, then the
   * question again. Anything else gets the question reworded, with examples; a second miss leaves
   * the fact open.
   */
  private async notAnAnswer(context: TurnContext, state: CheckState): Promise<CheckTurn> {
    const text = context.activity.text ?? '';
    const { dimension: dimensionId, known } = this.question(state);
    const dimension = this.kb.dimensions.find((d) => d.id === dimensionId)!;
    const outcomes = () =>
      this.kb.valuesFor(dimensionId, known).map((value) => {
        const next = stepWithOpen(this.kb, withOpenValue(this.kb, known, dimension, value), state.leftOpen ?? []);
        return { value, decision: next.kind === 'verdict' ? next.decision : undefined };
      });
    if (isNotSure(text)) {
      await context.sendActivity(this.replies.notSure(dimension, known, outcomes()));
      return this.leaveOpen(context, state, 'not-sure');
    }
    const about = questionAboutQuestion(text);
    if (about) {
      await context.sendActivity(this.replies.whyAsked(about, dimension, outcomes()));
      return this.askAgain(context, state);
    }
    if (isLookupQuestion(text)) {
      // "is it still getting security updates though?" about the retired version being checked: its lifecycle line (issue 21, v21).
      const retired = retiredLineMidCheck(this.kb, text, known);
      if (retired) {
        await context.sendActivity(retired);
        return this.askAgain(context, state);
      }
      // "what does FSW mean": a direct answer (a definition, a date, a limit) the tables hold, then the question again.
      // "max members?", "how many nodes max?" (session 15, q25): a short question naming nothing is about the setup so far.
      const read = this.kb.directAnswers.read(text.trim());
      const direct = (read && this.kb.directAnswers.answer(read) ? read : undefined) ?? this.kb.directAnswers.readAbout(text, known);
      const answer = direct ? this.kb.directAnswers.answer(direct) : undefined;
      if (answer) {
        await context.sendActivity(this.replies.directAnswer(answer));
        return this.askAgain(context, state);
      }
      const { best, related, passage } = this.kb.search(text);
      if (best) {
        await context.sendActivity(this.replies.answer(best, related, passage));
        return this.askAgain(context, state);
      }
    }
    // Only when nothing else was said this turn.
    if (context.responded) return { waiting: state };
    return this.askAgain(context, state, true);
  }

  /** The check's input after an answer: the facts it read go to the groups they are for. */
  private record(state: CheckState, read: Facts): SupportCheckOptions {
    const answered = [...state.answered.filter((d) => d in read === false), ...Object.keys(read)].slice(-12);
    const groups = state.groups.map((group, i) => {
      // The asked fact goes to every group that lacks it; other facts named (or corrected) go to all.
      const ownsAnswer = state.askedFor.includes(i);
      const update = Object.fromEntries(Object.entries(read).filter(([d]) => d !== state.dimension || ownsAnswer));
      return { ...group, facts: withoutStale(this.kb, group.facts, update) };
    });
    return { groups, answered };
  }
}

/** "2022" from "Windows Server 2022" after "Windows Server 2025": the words both labels start with are said once. */
export function withoutSharedStart(now: string, before: string): string {
  const a = now.split(' ');
  const b = before.split(' ');
  let shared = 0;
  while (shared < a.length - 1 && shared < b.length - 1 && a[shared] === b[shared]) shared += 1;
  return b.slice(shared).join(' ');
}

/** "same as the DCs", "like the other servers": the answer is somewhere else; the bot cannot see it. */
const SAME_AS = /^\s*(it'?s |they'?re |the )?(same|similar) (as|like)\b|^\s*(like|as) (the|our) (other|old|existing|dcs?|domain controllers?)\b/i;

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}

/** What a {@link SupportCheckDialog} keeps in its frame. */
interface CheckFrame {
  check?: CheckState;
}

/** The guided check as a dialog of its own (one frame, no inner dialogs), for running it without the root dialog. */
export class SupportCheckDialog extends Dialog<SupportCheckOptions> {
  static readonly id = 'supportCheck';
  private readonly check: SupportCheck;

  constructor(kb: KnowledgeBase, replies: Replies) {
    super(SupportCheckDialog.id);
    this.check = new SupportCheck(kb, replies);
  }

  override async beginDialog(dc: DialogContext, options?: SupportCheckOptions): Promise<DialogTurnResult> {
    return this.settle(dc, await this.check.start(dc.context, options ?? {}));
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const state = (dc.activeDialog!.state as CheckFrame).check;
    if (!state) return dc.endDialog();
    return this.settle(dc, await this.check.answer(dc.context, state));
  }

  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    const state = (instance.state as CheckFrame).check;
    if (state) await this.check.reprompt(context, state);
  }

  private async settle(dc: DialogContext, turn: CheckTurn): Promise<DialogTurnResult> {
    if ('done' in turn) return dc.endDialog(turn.done);
    (dc.activeDialog!.state as CheckFrame).check = turn.waiting;
    return Dialog.EndOfTurn;
  }
}

/**
 * Applies changed facts and drops, without naming them back, earlier facts that no longer apply
 * (Windows changed to 2012: its architecture; Exchange changed to 2016: the Exchange 2019 CU).
 */
export function withoutStale(kb: Pick<KnowledgeBase, 'setAside' | 'dimensions'>, before: Facts, update: Facts): Facts {
  const merged: Record<string, string> = { ...before, ...update };
  for (const aside of kb.setAside(merged)) if (update[aside.dimension] === undefined) delete merged[aside.dimension];
  // "what if NLB instead of the DAG" after "a DAG with NLB on the same servers": what the pair (DAG + NLB)
  // stated goes with the value replaced, unless the update states it again.
  for (const dimension of kb.dimensions) {
    const old = before[dimension.id];
    const now = update[dimension.id];
    if (old === undefined || now === undefined || old === now) continue;
    for (const pair of dimension.together) {
      if (!pair.values.includes(old) || pair.keep !== old) continue;
      for (const [stated, value] of Object.entries(pair.states)) if (update[stated] === undefined && merged[stated] === value) delete merged[stated];
    }
  }
  return merged;
}

/** Set-aside facts of earlier turns and this one, each named once. */
function mergeSetAside(earlier: readonly SetAside[], now: readonly SetAside[]): SetAside[] {
  const seen = new Set(earlier.map((a) => `${a.dimension}=${a.value}`));
  return [...earlier, ...now.filter((a) => !seen.has(`${a.dimension}=${a.value}`))];
}
