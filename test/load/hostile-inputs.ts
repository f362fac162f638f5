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

/** Words of `shortest` to `shortest + spread - 1` letters from `letters` letters starting at `first` (a-z by default). */
function randomWords(length: number, seed: number, shortest = 9, spread = 32, first = 97, letters = 26): string {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  let text = '';
  while (text.length < length) {
    const size = shortest + Math.floor(next() * spread);
    for (let i = 0; i < size; i += 1) text += String.fromCharCode(first + Math.floor(next() * letters));
    text += ' ';
  }
  return text.slice(0, length);
}

const KNOWN_WORDS = [
  'cluster',
  'exchange',
  'frontend',
  'backend',
  'mailbox',
  'database',
  'failover',
  'storage',
  'windows',
  'enterprise',
  'standard',
  'certificate',
  'connector',
  'witness',
  'replication',
];

/** Known words with one or two letters changed at random: each a typo the matchers must try. */
function typosOfKnownPhrases(length: number, seed: number): string {
  let state = seed;
  const next = (n: number) => (state = (state * 1103515245 + 12345) & 0x7fffffff) % n;
  let text = '';
  while (text.length < length) {
    const word = KNOWN_WORDS[next(KNOWN_WORDS.length)]!.split('');
    for (let k = 0; k <= next(2); k += 1) word[next(word.length)] = String.fromCharCode(97 + next(26));
    text += `${word.join('')} `;
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

let freshSeed = 1_000;
/** A message of new text at each call. */
const fresh = (text: (seed: number) => string) => () => messageActivity(text((freshSeed += 7919)));

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
  { name: '"find " + " \\n" x 1,997 + "y" (within)', activity: message(`find ${' \n'.repeat((WITHIN - 6) / 2)}y`) },
  { name: 'lone surrogates x 4,000 (within)', activity: message('\uD800'.repeat(WITHIN)) },
  // Issue 25's JSON, wmic and HealthChecker readers (knowledge/listings/structured-output.ts): brackets that never close, a header of spaces.
  { name: '"{" lines x 2,000 (within)', activity: message('{\n'.repeat(WITHIN / 2)) },
  { name: '"[{\\"Name\\":" + 3,980 spaces (within)', activity: message(`[{"Name":${' '.repeat(WITHIN - 20)}`) },
  { name: '"Server Name" + 2,000 tab-separated "x" (within)', activity: message(`Server Name${'\tx'.repeat((WITHIN - 20) / 2)}\nOS\ty`) },
  {
    name: '2,000 mention entities over 1,000 "<at>x</at>" (within)',
    activity: message('<at>x</at>'.repeat(400), {
      entities: Array.from({ length: 2000 }, (_, i) => ({ type: 'mention', text: `<at>${i % 2 ? 'x' : 'y'}</at>`, mentioned: { id: 'u', name: 'x' } })),
    }),
  },
  { name: 'card value text of 200 KB, no text (above)', activity: () => ({ ...messageActivity(undefined), value: { text: 'cluster '.repeat(25_000) } }) },
  // Fresh words each time (issue 22, finding 2): a word seen before is answered from the matchers' caches.
  { name: '~500 fresh random 3-9 letter words (within)', activity: fresh((seed) => randomWords(WITHIN, seed, 3, 7)) },
  { name: 'fresh typos of known phrases, 4,000 characters (within)', activity: fresh((seed) => typosOfKnownPhrases(WITHIN, seed)) },
  { name: 'fresh Arabic words, 4,000 characters (within)', activity: fresh((seed) => randomWords(WITHIN, seed, 3, 7, 0x0627, 26)) },
  { name: 'fresh fullwidth Latin words, 4,000 characters (within)', activity: fresh((seed) => randomWords(WITHIN, seed, 3, 7, 0xff41, 26)) },
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
