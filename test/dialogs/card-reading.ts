import { strict as assert } from 'node:assert';
import type { Activity } from '../../dialogs/turn';
import type { DialogTestClient } from './dialog-test-client';

/**
 * Small readers for the replies the dialogs send through the real CardReplies: Adaptive Cards
 * (body elements, ActionSets and card actions) and Markdown text messages.
 */

export const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

export type CardNode = Record<string, unknown> & { type?: string };

export interface CardButton {
  title: string;
  /** The Action.Submit data without its Teams-only `msteams` part. */
  data: Record<string, unknown>;
}

export type Reply = Partial<Activity> | undefined;

/** The Adaptive Card of a reply; fails the test when the reply is not a card. */
export function cardOf(reply: Reply): { body: CardNode[]; actions: CardNode[] } {
  assert.ok(reply, 'expected a reply, got none');
  const attachment = reply.attachments?.[0];
  assert.ok(attachment, `expected a card reply, got ${JSON.stringify(reply)}`);
  assert.equal(attachment.contentType, ADAPTIVE_CARD);
  const content = attachment.content as { type?: string; body?: CardNode[]; actions?: CardNode[] };
  assert.equal(content.type, 'AdaptiveCard');
  return { body: content.body ?? [], actions: content.actions ?? [] };
}

export function isCard(reply: Reply): boolean {
  return reply?.attachments?.[0]?.contentType === ADAPTIVE_CARD;
}

/**
 * Every element of the card body, depth first (containers, columns and items included), then the
 * bodies of the cards that Action.ShowCard actions reveal (the verdict's "Details and ticket summary").
 */
export function elements(reply: Reply): CardNode[] {
  const out: CardNode[] = [];
  const shownCards: unknown[] = [];
  const walk = (nodes: unknown): void => {
    if (!Array.isArray(nodes)) return;
    for (const node of nodes as CardNode[]) {
      out.push(node);
      walk(node['items']);
      walk(node['columns']);
      // A verdict's "Details" toggle sits in an ActionSet of the body (above the feedback row).
      if (node.type === 'ActionSet') shownCards.push(...((node['actions'] as CardNode[] | undefined) ?? []));
    }
  };
  const card = cardOf(reply);
  walk(card.body);
  for (const action of [...shownCards, ...card.actions] as CardNode[]) {
    const shown = action['card'] as { body?: unknown } | undefined;
    if (action.type === 'Action.ShowCard' && shown) walk(shown.body);
  }
  return out;
}

/** Texts of every TextBlock (Markdown is interpreted there). */
export function textBlocks(reply: Reply): string[] {
  return elements(reply)
    .filter((e) => e.type === 'TextBlock')
    .map((e) => String(e['text']));
}

/** The first TextBlock's text: the heading of every card the bot sends. */
/**
 * The card's main line: a question, or a verdict's label. A verdict on a retired product starts with
 * its "Out of support" line (see {@link outOfSupportLine}), and its label carries a note ("Supported
 * (while Exchange 2003 was supported)"): the label alone is returned.
 */
export function firstText(reply: Reply): string {
  const blocks = textBlocks(reply);
  const first = blocks[0]?.startsWith('Out of support since ') ? blocks[1] : blocks[0];
  assert.ok(first !== undefined, 'card has no TextBlock');
  return first.replace(/ \((design|while [^)]*|design, while [^)]*)\)$/, '');
}

/** The "Out of support since ..." line a verdict on a retired product starts with, if any. */
export function outOfSupportLine(reply: Reply): string | undefined {
  const first = textBlocks(reply)[0];
  return first?.startsWith('Out of support since ') ? first : undefined;
}

/** Texts of every TextRun inside RichTextBlocks (shown literally, never interpreted). */
export function textRuns(reply: Reply): string[] {
  return elements(reply)
    .filter((e) => e.type === 'RichTextBlock')
    .flatMap((e) => (e['inlines'] as Array<CardNode | string>) ?? [])
    .map((inline) => (typeof inline === 'string' ? inline : inline.type === 'TextRun' ? String(inline['text']) : ''));
}

/** Every FactSet as [title, value] pairs. */
export function factSets(reply: Reply): Array<Array<[string, string]>> {
  return elements(reply)
    .filter((e) => e.type === 'FactSet')
    .map((e) => (e['facts'] as Array<{ title: string; value: string }>).map((f) => [f.title, f.value] as [string, string]));
}

/** The FactSet right after the TextBlock `heading` ("Why", "Known so far"), or undefined when there is none. */
export function factSetAfter(reply: Reply, heading: string): Record<string, string> | undefined {
  const all = elements(reply);
  const index = all.findIndex((e) => e.type === 'TextBlock' && e['text'] === heading);
  if (index < 0) return undefined;
  const next = all[index + 1];
  assert.ok(next && next.type === 'FactSet', `"${heading}" is not followed by a FactSet`);
  return Object.fromEntries((next['facts'] as Array<{ title: string; value: string }>).map((f) => [f.title, f.value]));
}

/** All pressable buttons but the 👍/👎 feedback row: ActionSets in the body first (in order), then the card's own actions (a ShowCard toggle is not one). */
export function buttons(reply: Reply): CardButton[] {
  const { actions } = cardOf(reply);
  const inBody = elements(reply)
    .filter((e) => e.type === 'ActionSet' && e['id'] !== 'feedback')
    .flatMap((e) => (e['actions'] as CardNode[]) ?? []);
  return [...inBody, ...actions]
    .filter((a) => a.type !== 'Action.ShowCard')
    .map((action) => {
      const { msteams: _msteams, ...data } = (action['data'] as Record<string, unknown> | undefined) ?? {};
      return { title: String(action['title']), data };
    });
}

export function buttonTitles(reply: Reply): string[] {
  return buttons(reply).map((b) => b.title);
}

/** The button with this title (or the first matching the predicate); fails the test when absent. */
export function findButton(reply: Reply, which: string | ((b: CardButton) => boolean)): CardButton {
  const all = buttons(reply);
  const found = typeof which === 'string' ? all.find((b) => b.title === which) : all.find(which);
  assert.ok(found, `no button ${typeof which === 'string' ? `"${which}"` : 'matching'} among ${JSON.stringify(all.map((b) => b.title))}`);
  return found;
}

/** The activity a channel sends when the button is pressed: a value-only submit, or the words it says. */
export function pressActivity(button: CardButton): Partial<Activity> | string {
  const { data } = button;
  if (typeof data['dimension'] === 'string' && typeof data['value'] === 'string') {
    return { type: 'message', value: { dimension: data['dimension'], value: data['value'] } };
  }
  if (typeof data['text'] === 'string') return data['text'];
  throw new assert.AssertionError({ message: `button "${button.title}" has no pressable data: ${JSON.stringify(data)}` });
}

/** Presses a button of `reply` and returns the first reply to it. */
export async function press(client: DialogTestClient, reply: Reply, which: string | ((b: CardButton) => boolean)): Promise<Reply> {
  return client.sendActivity(pressActivity(findButton(reply, which)));
}

/** Presses the guided-check button that submits `value` for `dimension`. */
export async function pressValue(client: DialogTestClient, reply: Reply, dimension: string, value: string): Promise<Reply> {
  return press(client, reply, (b) => b.data['dimension'] === dimension && b.data['value'] === value);
}

/** Sends one message and collects every reply of the turn. */
export async function sendAll(client: DialogTestClient, activity: Partial<Activity> | string): Promise<Array<Partial<Activity>>> {
  const replies: Array<Partial<Activity>> = [];
  let reply: Reply = await client.sendActivity(activity);
  while (reply) {
    replies.push(reply);
    reply = client.getNextReply();
  }
  return replies;
}

/** Every piece of text a card shows: TextBlocks, TextRuns, FactSets and button titles. */
export function allCardText(reply: Reply): string {
  return [...textBlocks(reply), ...textRuns(reply), ...factSets(reply).flatMap((set) => set.flatMap(([t, v]) => [t, v])), ...buttonTitles(reply)].join('\n');
}

/** True for a triage summary: a line "<verdict> - Exchange support check" among its first two. */
export function isTriageSummary(text: string): boolean {
  return text
    .split('\n')
    .slice(0, 2)
    .some((line) => line.endsWith('- Exchange support check'));
}

/** The verdict line of a triage summary, without its " - Exchange support check" tail. */
export function summaryVerdict(summary: string): string | undefined {
  return summary
    .split('\n')
    .slice(0, 2)
    .find((line) => line.endsWith('- Exchange support check'))
    ?.replace(/ - Exchange support check$/, '');
}

/** The triage summary of a verdict card (the TextRun with the line "<verdict> - Exchange support check"). */
export function triageSummaryOf(reply: Reply): string {
  const summary = textRuns(reply).find(isTriageSummary);
  assert.ok(summary !== undefined, `no triage summary in ${JSON.stringify(textRuns(reply))}`);
  return summary;
}
