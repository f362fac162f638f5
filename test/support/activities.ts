import { randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';
import type { Activity as PlainActivity } from '../../dialogs/turn';
import { cardElements } from './card-elements';

/** A message activity as a channel would POST it; `overrides` win. */
export function messageActivity(text: string | undefined, overrides: Partial<Activity> = {}): Partial<Activity> {
  return {
    type: 'message',
    id: randomUUID(),
    timestamp: new Date(),
    channelId: 'test',
    serviceUrl: 'http://127.0.0.1:9/unused',
    from: { id: 'user-1', name: 'Junior Admin' },
    recipient: { id: 'bot-1', name: 'Exchange Support Bot' },
    conversation: { id: `conv-${randomUUID()}` } as Activity['conversation'],
    locale: 'en-US',
    ...(text === undefined ? {} : { text }),
    ...overrides,
  };
}

/** Everything a reply card says, flattened: TextBlock and TextRun texts and FactSet lines. */
export function cardTexts(activity: Partial<PlainActivity>): string[] {
  return cardElements(activity).flatMap((element) => {
    if ((element.type === 'TextBlock' || element.type === 'TextRun') && typeof element.text === 'string') return [element.text];
    if (element.type === 'FactSet') return (element.facts as Array<{ title: string; value: string }>).map((f) => `${f.title}: ${f.value}`);
    return [];
  });
}

/** The line a verdict on a retired Exchange version starts with (issue 21: "out of support" said first). */
export const OUT_OF_SUPPORT_LINE = /^Out of support since \d{1,2} [A-Z][a-z]+ \d{4}: Exchange (2000|2003|2007|2010|2013|2016|2019)( [^.:]{1,40})?\. Supported path: /;

/**
 * A verdict card's label, read past the "Out of support since ..." line a retired version starts
 * with and without its "(design, while Exchange 2003 was supported)" note: "Not supported".
 */
export function verdictLabel(texts: readonly string[]): string {
  const label = OUT_OF_SUPPORT_LINE.test(texts[0] ?? '') ? texts[1] : texts[0];
  return (label ?? '').replace(/ \((design|while [^)]*|design, while [^)]*)\)$/, '');
}

/** Buttons of a reply card (card actions and ActionSets in the body), with what pressing them sends. */
export function cardButtons(activity: Partial<PlainActivity>): Array<{ title: string; data: Record<string, unknown> }> {
  return cardElements(activity)
    .filter((element) => element.type === 'Action.Submit')
    .map((element) => ({ title: element.title as string, data: (element.data ?? {}) as Record<string, unknown> }));
}

/**
 * The activity a channel sends when a button is pressed outside Teams (Web Chat, Emulator): the
 * card's data as `value`, without `msteams`, and no text.
 */
export function pressButton(button: { data: Record<string, unknown> }, base: Partial<Activity>): Partial<Activity> {
  const { msteams: _teamsOnly, ...value } = button.data;
  const { text: _text, ...rest } = base;
  return { ...rest, id: randomUUID(), value };
}
