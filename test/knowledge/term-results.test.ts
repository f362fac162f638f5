import { strict as assert } from 'node:assert';
import MiniSearch from 'minisearch';
import { MemoisedTermSearch, termMemo } from '../../knowledge/search/term-results';
import { seededRandom } from '../../bench/lib/stats';

// Documents with repeated words and identical texts, so that ties in score (decided by the order
// MiniSearch first meets the documents) and terms found in several fields occur.
const WORDS = 'cluster clusters clustered front frontend node nodes quorum failover failure mailbox store exchange server backend'.split(' ');

function documents(count: number, random: () => number) {
  const text = (n: number) => Array.from({ length: n }, () => WORDS[Math.floor(random() * WORDS.length)]!).join(' ');
  return Array.from({ length: count }, (_, i) => (i % 7 === 3 ? { id: `d${i}`, title: 'cluster node', body: 'quorum failover' } : { id: `d${i}`, title: text(3), body: text(20) }));
}

describe('memoised term search (issue 15)', () => {
  const random = seededRandom(15);
  const index = new MiniSearch({
    fields: ['title', 'body'],
    storeFields: [],
    searchOptions: { boost: { title: 3 }, combineWith: 'OR', prefix: (term) => term.length >= 4, fuzzy: (term) => (term.length >= 5 ? 1 : false) },
  });
  index.addAll(documents(200, random));

  it("gives MiniSearch's own results to the bit: scores, order (ties included), matched terms and fields", () => {
    const memo = termMemo(1000, 1 << 20);
    const memoised = new MemoisedTermSearch(index, memo);
    const queries: string[][] = [];
    for (let i = 0; i < 300; i += 1) {
      const length = 1 + Math.floor(random() * 6);
      // Typos and prefixes of the words, unknown words and repeated terms.
      queries.push(
        Array.from({ length }, () => {
          const word = WORDS[Math.floor(random() * WORDS.length)]!;
          const r = random();
          return r < 0.2 ? word.slice(0, 4) : r < 0.35 ? word.slice(0, -1) + 'x' : r < 0.45 ? 'zzzz' : word;
        }),
      );
    }
    queries.push(['cluster', 'cluster'], ['node', '', 'quorum']);
    let ties = 0;
    for (const terms of queries) {
      const expected = index.search(terms.join(' '), { tokenize: () => terms });
      const actual = memoised.search(terms);
      assert.deepEqual(actual, expected, terms.join(' '));
      for (let i = 1; i < expected.length; i += 1) if (expected[i]!.score === expected[i - 1]!.score) ties += 1;
    }
    assert.ok(ties > 0, 'the queries met no tie in score');
    assert.ok(memo.size > 0 && memo.size <= 1000);
  });

  it('stays within its bounds whatever words are searched, and answers the same after turning over', () => {
    const memo = termMemo(50, 1 << 20);
    const memoised = new MemoisedTermSearch(index, memo, 'scope');
    const expected = index.search('cluster quorum', { tokenize: () => ['cluster', 'quorum'] });
    for (let i = 0; i < 500; i += 1) memoised.search([`word${i}`, 'cluster']);
    assert.ok(memo.size <= 50, `${memo.size} entries`);
    assert.deepEqual(memoised.search(['cluster', 'quorum']), expected);
  });
});
