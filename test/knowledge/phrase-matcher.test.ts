import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PhraseMatcher, type PhraseEntry } from '../../knowledge/reading/phrase-matcher';
import { TypoReading } from '../../knowledge/reading/typo-reading';
import { allowedTypos, tokenize, wordMatches, type Token } from '../../knowledge/reading/text-tokens';
import { REPO_ROOT } from './helpers';
import { sharedKnowledgeBase } from '../support/shared-knowledge';

type Found = Array<[payload: string, from: number, to: number]>;

interface Compiled {
  entry: PhraseEntry<string>;
  tokens: Token[];
  first: string;
}

/**
 * The matcher's contract written the slow, obvious way: at each word, every phrase starting with
 * that word (in the order given), then every phrase whose first word it is a small typo of (shorter
 * first words first), each tried word by word; then the longest match wins, then the lower priority,
 * then the earlier place.
 */
class ReferenceMatcher {
  private readonly compiled: Compiled[];
  private readonly typos = new Map<string, Compiled[]>();
  private readonly byFirst = new Map<string, Compiled[]>();

  constructor(entries: readonly PhraseEntry<string>[]) {
    this.compiled = entries
      .map((entry) => ({ entry, tokens: tokenize(entry.phrase) }))
      .filter((c) => c.tokens.length > 0)
      .map((c) => ({ ...c, first: c.tokens[0]!.text }));
    for (const c of this.compiled) this.byFirst.set(c.first, [...(this.byFirst.get(c.first) ?? []), c]);
  }

  candidates(tokens: readonly Token[], exact: boolean): Array<{ entry: PhraseEntry<string>; from: number; to: number }> {
    const fits = (c: Compiled, from: number) =>
      from + c.tokens.length <= tokens.length &&
      c.tokens.every((word, i) => {
        const token = tokens[from + i]!;
        // A line break ends a phrase.
        if (i > 0 && token.afterLineBreak) return false;
        if (c.entry.caseSensitive) return word.raw === token.raw;
        return exact ? token.text === word.text : wordMatches(token.text, word.text);
      });
    const found: Array<{ entry: PhraseEntry<string>; from: number; to: number }> = [];
    for (let from = 0; from < tokens.length; from += 1) {
      const word = tokens[from]!.text;
      const starting = this.byFirst.get(word) ?? [];
      for (const c of [...starting, ...(exact ? [] : this.typosOf(word))]) if (fits(c, from)) found.push({ entry: c.entry, from, to: from + c.tokens.length });
    }
    return found;
  }

  private typosOf(word: string): Compiled[] {
    let typos = this.typos.get(word);
    if (!typos) {
      typos = this.compiled
        .filter((c) => !c.entry.caseSensitive && allowedTypos(c.first) > 0 && c.first !== word && wordMatches(word, c.first))
        .sort((a, b) => a.first.length - b.first.length);
      this.typos.set(word, typos);
    }
    return typos;
  }
}

function referenceFind(tables: ReadonlyArray<{ matcher: ReferenceMatcher; shift: number }>, text: string, exact: boolean, lineBreaks = false): Found {
  const tokens = tokenize(text, lineBreaks);
  const candidates = tables.flatMap(({ matcher, shift }) => matcher.candidates(tokens, exact).map((c) => ({ ...c, priority: (c.entry.priority ?? 0) + shift })));
  candidates.sort((a, b) => b.to - b.from - (a.to - a.from) || a.priority - b.priority || a.from - b.from);
  const taken = new Array<boolean>(tokens.length).fill(false);
  const accepted: typeof candidates = [];
  for (const c of candidates) {
    if (taken.slice(c.from, c.to).some(Boolean)) continue;
    taken.fill(true, c.from, c.to);
    accepted.push(c);
  }
  return accepted.sort((a, b) => a.from - b.from).map((c) => [c.entry.payload, c.from, c.to]);
}

/** The phrases of the bundled fact table, as the recognizer uses them: names, acronyms (some case-sensitive), answers, labels, and composed pairs. */
function tablePhrases(): { sentence: PhraseEntry<string>[]; answer: PhraseEntry<string>[] } {
  const kb = sharedKnowledgeBase();
  const sentence: PhraseEntry<string>[] = [];
  const answer: PhraseEntry<string>[] = [];
  for (const dimension of kb.dimensions) {
    for (const value of dimension.values) {
      const payload = `${dimension.id}=${value.id}`;
      for (const phrase of value.names) sentence.push({ phrase, payload });
      for (const phrase of value.acronyms) sentence.push({ phrase, payload, caseSensitive: phrase.length <= 2 });
      for (const phrase of value.answers) sentence.push({ phrase, payload, priority: 2 });
      if (dimension.id === 'windows' || dimension.id === 'edition') for (const phrase of [...value.names, ...value.answers, value.label]) answer.push({ phrase, payload });
    }
    const other = dimension.composeWith ? kb.dimensions.find((d) => d.id === dimension.composeWith) : undefined;
    for (const value of other ? dimension.values : []) {
      for (const tail of other!.values) {
        for (const head of [...value.names, ...value.acronyms]) {
          for (const word of tail.names) sentence.push({ phrase: `${head} ${word}`, payload: `${dimension.id}=${value.id}+${other!.id}=${tail.id}`, priority: -1 });
        }
      }
    }
  }
  return { sentence, answer };
}

/** Every question and user turn of the labelled sets, and each with a typo, a dropped letter and in capitals. */
function texts(): string[] {
  const files = ['bench/conversations.yaml', 'bench/verdict-questions.yaml', 'test/fixtures/search-questions.yaml'];
  const lines = files.flatMap((file) => readFileSync(join(REPO_ROOT, file), 'utf8').split('\n'));
  const asked = lines.map((line) => /^\s*-?\s*(?:q|user):\s*["']?(.*?)["']?\s*$/.exec(line)?.[1]).filter((t): t is string => !!t);
  return asked.flatMap((text) => {
    const words = text.split(' ');
    const longest = words.reduce((a, b) => (b.length > a.length ? b : a), '');
    const at = words.indexOf(longest);
    const swapped = longest.length > 3 ? longest[0]! + longest[2]! + longest[1]! + longest.slice(3) : longest;
    const dropped = longest.slice(0, -1);
    const variant = (word: string) => [...words.slice(0, at), word, ...words.slice(at + 1)].join(' ');
    return [text, variant(swapped), variant(dropped), text.toUpperCase()];
  });
}

describe('PhraseMatcher against the obvious reading of its contract', () => {
  const { sentence, answer } = tablePhrases();
  const all = texts();

  it(`finds the same phrases in ${all.length} messages (fuzzy and exact)`, () => {
    assert.ok(all.length > 1000 && sentence.length > 1000, `${all.length} texts, ${sentence.length} phrases`);
    const matcher = new PhraseMatcher(sentence);
    const reference = new ReferenceMatcher(sentence);
    for (const text of all) {
      for (const exact of [false, true]) {
        const found: Found = matcher.find(text, { exact }).map((m) => [m.entry.payload, m.from, m.to]);
        assert.deepEqual(found, referenceFind([{ matcher: reference, shift: 0 }], text, exact), `${JSON.stringify(text)} exact=${exact}`);
      }
    }
  });

  it('finds the same phrases with a second matcher in competition (a typed answer)', () => {
    const tokenized = new Map<string, Token[]>();
    const typos = new TypoReading();
    const own = new PhraseMatcher(answer, tokenized, typos);
    const others = new PhraseMatcher(sentence, tokenized, typos);
    const references = [
      { matcher: new ReferenceMatcher(answer), shift: 0 },
      { matcher: new ReferenceMatcher(sentence), shift: 1 },
    ];
    for (const text of all) {
      const found: Found = own.find(text, { alsoFrom: [{ matcher: others, priorityShift: 1 }] }).map((m) => [m.entry.payload, m.from, m.to]);
      assert.deepEqual(found, referenceFind(references, text, false), JSON.stringify(text));
    }
  });

  it('ends a phrase at a line break of a typed message, never at a space or other punctuation (w7-design-16: "servers:\\n2016 cu22")', () => {
    const entries: PhraseEntry<string>[] = [
      { phrase: 'server 2016', payload: 'windows' },
      { phrase: 'BE node', payload: 'acronym', caseSensitive: true },
      { phrase: '2016', payload: 'bare year', priority: 2 },
    ];
    const matcher = new PhraseMatcher(entries);
    const cases: Array<[string, Found]> = [
      ['old servers:\n2016 cu22 dag', [['bare year', 2, 3]]],
      ['old servers:\r\n2016', [['bare year', 2, 3]]],
      ['old servers: 2016', [['windows', 1, 3]]],
      ['on server 2016', [['windows', 1, 3]]],
      ['the BE\nnode', []],
      ['the BE node', [['acronym', 1, 3]]],
    ];
    for (const [text, expected] of cases) {
      const found: Found = matcher.find(tokenize(text, true)).map((m) => [m.entry.payload, m.from, m.to]);
      assert.deepEqual(found, expected, JSON.stringify(text));
      assert.deepEqual(found, referenceFind([{ matcher: new ReferenceMatcher(entries), shift: 0 }], text, false, true), JSON.stringify(text));
    }
    // Articles wrap their Markdown lines anywhere: read without lineBreaks, a phrase runs across them.
    assert.deepEqual(
      matcher.find('old servers:\n2016 cu22 dag').map((m) => m.entry.payload),
      ['windows'],
    );
  });

  it('keeps the order phrases were given in between a case-sensitive phrase and others of one first word', () => {
    const entries: PhraseEntry<string>[] = [
      { phrase: 'BE node', payload: 'as written' },
      { phrase: 'BE node', payload: 'acronym', caseSensitive: true },
      { phrase: 'be nodes', payload: 'typo of the first' },
    ];
    for (const order of [entries, [...entries].reverse()]) {
      const matcher = new PhraseMatcher(order);
      for (const text of ['BE node', 'be node', 'BE nodes', 'Be noed']) {
        const found: Found = matcher.find(text).map((m) => [m.entry.payload, m.from, m.to]);
        assert.deepEqual(found, referenceFind([{ matcher: new ReferenceMatcher(order), shift: 0 }], text, false), text);
      }
      // All three match "BE node" alike ("node" is a typo of "nodes"): the first given wins.
      assert.equal(matcher.find('BE node')[0]!.entry.payload, order[0]!.payload);
    }
  });
});
