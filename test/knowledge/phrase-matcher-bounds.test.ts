import { strict as assert } from 'node:assert';
import { MAX_TYPO_WORDS, PhraseMatcher } from '../../knowledge/reading/phrase-matcher';
import * as textTokens from '../../knowledge/reading/text-tokens';
import { TypoReading } from '../../knowledge/reading/typo-reading';
import { sharedKnowledgeBase } from '../support/shared-knowledge';

/** A deterministic pseudo-random source, so a failure can be replayed. */
function random(seed: number): (n: number) => number {
  let state = seed;
  return (n) => (state = (state * 1103515245 + 12345) & 0x7fffffff) % n;
}

/** Counts the calls of text-tokens' wordMatches (the edit distance) while `fn` runs. */
function countWordMatches(fn: () => void): number {
  const original = textTokens.wordMatches;
  let calls = 0;
  (textTokens as { wordMatches: typeof original }).wordMatches = (typed, known) => {
    calls += 1;
    return original(typed, known);
  };
  try {
    fn();
  } finally {
    (textTokens as { wordMatches: typeof original }).wordMatches = original;
  }
  return calls;
}

// Issue 22, finding 2: ~500 fresh words cost 315x a normal turn, 85% of it in the edit distance of
// each unseen word against every fuzzy phrase of a similar length.
describe('phrase matcher: bounded fuzzy work per message (issue 22)', () => {
  const kb = sharedKnowledgeBase();

  it('500 fresh random words cost at most one edit distance each (419,290 before the letter masks)', () => {
    const pick = random(5);
    const words = Array.from({ length: 500 }, () => Array.from({ length: 3 + pick(7) }, () => String.fromCharCode(97 + pick(26))).join(''));
    const calls = countWordMatches(() => kb.recognizer.extract(words.join(' ')));
    assert.ok(calls <= words.length, `${calls} edit distances for ${words.length} fresh words`);
  });

  it('the letter-mask pre-filter never loses a typo the edit distance accepts', () => {
    const pick = random(17);
    const known = ['cluster', 'exchange', 'mailbox', 'failover', 'certificate', 'replication', 'enterprise', 'witness', 'connector', 'standard'];
    const matcher = new PhraseMatcher(known.map((phrase) => ({ phrase, payload: phrase })));
    for (let i = 0; i < 3_000; i += 1) {
      const word = known[pick(known.length)]!.split('');
      for (let k = 0; k <= pick(3); k += 1) {
        const at = pick(word.length);
        const edit = pick(4);
        if (edit === 0) word[at] = String.fromCharCode(97 + pick(26));
        else if (edit === 1) word.splice(at, 1);
        else if (edit === 2) word.splice(at, 0, String.fromCharCode(97 + pick(26)));
        else if (at + 1 < word.length) [word[at], word[at + 1]] = [word[at + 1]!, word[at]!];
      }
      const typed = word.join('');
      const expected = known.filter((k) => textTokens.wordMatches(typed, k));
      // One word holds one match: the matcher keeps one of the phrases it is a typo of.
      const found = matcher.find(typed).map((m) => m.entry.payload);
      assert.equal(found.length, expected.length > 0 ? 1 : 0, `"${typed}": found ${found}, a typo of ${expected}`);
      assert.ok(
        found.every((f) => expected.includes(f)),
        `"${typed}": found ${found}, a typo of ${expected}`,
      );
    }
  });

  it('the recognizer and the search read a message through one typo reading, each typed word compared once (issue 24)', () => {
    const readers = new Set<TypoReading>();
    let reading = false;
    const original = TypoReading.prototype.typosOf;
    TypoReading.prototype.typosOf = function (this: TypoReading, typed: string) {
      readers.add(this);
      reading = true;
      try {
        return original.call(this, typed);
      } finally {
        reading = false;
      }
    };
    // Edit distances the typo reading makes while `fn` runs (the search makes others, for index terms).
    const typoDistances = (fn: () => void) => {
      const inner = textTokens.wordMatches;
      let calls = 0;
      (textTokens as { wordMatches: typeof inner }).wordMatches = (typed, known) => {
        if (reading) calls += 1;
        return inner(typed, known);
      };
      try {
        fn();
      } finally {
        (textTokens as { wordMatches: typeof inner }).wordMatches = inner;
      }
      return calls;
    };
    try {
      const text = 'can a failovr clustr with echange 2003 enterprize run the frnt end servrs on windows srever 2003';
      const first = typoDistances(() => {
        kb.recognizer.extract(text);
        kb.recognizer.designGroups(text);
      });
      assert.ok(first > 0, 'the recognizer reads the typos');
      assert.equal(
        typoDistances(() => kb.search(text)),
        0,
        'the search vocabulary reads none of them again',
      );
      assert.equal(readers.size, 1, 'one typo reading for the recognizer and the search vocabulary');
    } finally {
      TypoReading.prototype.typosOf = original;
    }
  });

  it(`a phrase may start with a typo among the first ${MAX_TYPO_WORDS} words; later its first word must be spelt right`, () => {
    const matcher = new PhraseMatcher([{ phrase: 'failover cluster', payload: 'cluster' }]);
    const filler = Array.from({ length: MAX_TYPO_WORDS }, () => 'x').join(' ');
    assert.equal(matcher.find('failovr cluster').length, 1);
    assert.equal(matcher.find(`${filler} failovr cluster`).length, 0);
    assert.equal(matcher.find(`${filler} failover clustr`).length, 1, 'the next words still forgive typos');
  });
});
