import type { Activity } from 'botbuilder';
import { SEARCH_KB_COMMAND_ID, SEARCH_KB_PARAMETER } from '../../bot/teams/search-kb-command';
import { messageActivity } from '../support/activities';
import { postActivity } from '../support/bot-http';

/** An input built to be slow, and the activity that carries it. */
export interface HostileInput {
  name: string;
  activity: () => Partial<Activity>;
}

const WITHIN = 4000;

function randomWords(length: number, seed: number): string {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  let text = '';
  while (text.length < length) {
    const size = 9 + Math.floor(next() * 32);
    for (let i = 0; i < size; i += 1) text += String.fromCharCode(97 + Math.floor(next() * 26));
    text += ' ';
  }
  return text.slice(0, length);
}

const message =
  (text: string, overrides: Partial<Activity> = {}) =>
  () =>
    messageActivity(text, overrides);
const query = (text: string) => () =>
  ({
    ...messageActivity(undefined),
    type: 'invoke',
    name: 'composeExtension/query',
    channelId: 'msteams',
    value: { commandId: SEARCH_KB_COMMAND_ID, parameters: [{ name: SEARCH_KB_PARAMETER, value: text }] },
  }) as Partial<Activity>;

/** A normal question, the yardstick. */
export const NORMAL_INPUT: HostileInput = { name: 'a normal question', activity: message('can FE go on MSCS?') };

/**
 * The worst inputs found for each step a message goes through (issue 13, finding 2), within the
 * 4,000-character limit and above it (the HTTP body allows 256 KB).
 */
export const HOSTILE_INPUTS: HostileInput[] = [
  { name: '"<at>" x 65,000 (260 KB, above the limit)', activity: message('<at>'.repeat(65_000)) },
  { name: '"<at>" x 999 (within)', activity: message('<at>'.repeat(999)) },
  { name: '"<at>" then 3,995 letters (within)', activity: message(`<at>${'a'.repeat(WITHIN - 5)}`) },
  { name: '"<" x 4,000 (within)', activity: message('<'.repeat(WITHIN)) },
  { name: 'U+FDFA x 4,000 (72,000 once normalised, above)', activity: message('\uFDFA'.repeat(WITHIN)) },
  { name: 'U+FDFA x 222 (3,996 once normalised, within)', activity: message('\uFDFA'.repeat(222)) },
  { name: 'one word of 4,000 letters (within)', activity: message('a'.repeat(WITHIN)) },
  { name: '4,000 characters of random 9-40 letter words (within)', activity: message(randomWords(WITHIN, 7)) },
  { name: '"front end " x 400 (within)', activity: message('front end '.repeat(400)) },
  { name: '"!" x 3,999 then a letter (within)', activity: message(`${'!'.repeat(WITHIN - 1)}x`) },
  { name: '"search" + 3,990 spaces + "x\\ny" (within)', activity: message(`search${' '.repeat(WITHIN - 10)}x\ny`) },
  { name: 'lone surrogates x 4,000 (within)', activity: message('\uD800'.repeat(WITHIN)) },
  {
    name: '2,000 mention entities over 1,000 "<at>x</at>" (within)',
    activity: message('<at>x</at>'.repeat(400), {
      entities: Array.from({ length: 2000 }, (_, i) => ({ type: 'mention', text: `<at>${i % 2 ? 'x' : 'y'}</at>`, mentioned: { id: 'u', name: 'x' } })),
    }),
  },
  { name: 'card value text of 200 KB, no text (above)', activity: () => ({ ...messageActivity(undefined), value: { text: 'cluster '.repeat(25_000) } }) },
  { name: 'Search KB query: U+FDFA x 500', activity: query('\uFDFA'.repeat(500)) },
  { name: 'Search KB query: 200 KB of random words', activity: query(randomWords(200_000, 11)) },
];

/** Milliseconds of one turn over HTTP (`expectReplies`), from request to response. */
export async function timeTurn(url: string, input: HostileInput): Promise<number> {
  const activity = { ...input.activity(), deliveryMode: 'expectReplies' } as Partial<Activity>;
  const started = performance.now();
  const { status, body } = await postActivity(url, activity);
  const ms = performance.now() - started;
  if (status !== 200) throw new Error(`${input.name}: status ${status} ${JSON.stringify(body).slice(0, 300)}`);
  return ms;
}

/** Median of `runs` timings of the input, each in a fresh conversation. */
export async function medianTurnMs(url: string, input: HostileInput, runs: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) times.push(await timeTurn(url, input));
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(times.length / 2)]! * 10) / 10;
}
