import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { KnowledgeSearch } from '../../knowledge/search/search';
import { answersOf, articlesHash, corpora, labelledQuestions, SNAPSHOT_FILE, type AnswerRecord, type CorpusRecord, type Snapshot } from './search-snapshot';

/**
 * Issue 15: the search was made faster (memoised term results, coverage-first pruning) on the
 * promise of the very same hits. test/fixtures/search-identical-hits.json was recorded by the
 * search as it was before those changes (test/knowledge/search-snapshot.ts); every labelled
 * question must still get the same best article, hits in the same order with the same scores
 * (to 1e-9) and coverage, the same related articles, suggestions and passage, on the bundled
 * knowledge base and on 1,000 synthetic articles mixed with it, from cold and from warm caches.
 */
describe('search gives the hits recorded before the speed changes (issue 15)', function () {
  this.timeout(120_000);
  const snapshot = JSON.parse(readFileSync(SNAPSHOT_FILE, 'utf8')) as Snapshot;
  const { vocabulary, bundled, mixed } = corpora();
  const questions = labelledQuestions();

  const compare = (name: string, recorded: CorpusRecord, articles: typeof bundled) => {
    describe(`${name} (${articles.length} articles)`, () => {
      it('indexes the articles the reference was recorded on', () => {
        assert.equal(
          articlesHash(articles),
          recorded.articlesHash,
          'the articles changed since the reference was recorded: regenerate it with the search code as it was before your change (search-snapshot.ts --write)',
        );
        assert.deepEqual(
          recorded.answers.map((a) => a.q),
          questions,
          'the labelled questions changed: regenerate the reference with the code before your change',
        );
      });

      it('answers every question as recorded, from cold caches, then warm ones in reverse order', () => {
        const search = new KnowledgeSearch(articles, vocabulary);
        const cold = answersOf(search, questions);
        const warm = answersOf(search, [...questions].reverse()).reverse();
        // A bounded cache that has just turned over: a third pass in the original order.
        const again = answersOf(search, questions);
        for (const [pass, answers] of [
          ['cold', cold],
          ['warm', warm],
          ['again', again],
        ] as const) {
          const differing = answers.flatMap((answer, i) => (sameAnswer(answer, recorded.answers[i]!) ? [] : [answer.q]));
          assert.deepEqual(differing, [], `${pass}: ${differing.length} questions answered differently`);
        }
        // Each question one at a time, for a readable diff of the first difference.
        for (const [i, answer] of cold.entries()) assert.deepEqual(answer, recorded.answers[i], answer.q);
        // The reference holds real work: hits, suggestions and passages (else a broken search would pass).
        assert.ok(recorded.answers.filter((a) => a.best).length > questions.length / 2);
        assert.ok(recorded.answers.some((a) => a.suggestions.length > 0));
        assert.ok(recorded.answers.some((a) => a.passage));
        assert.ok(recorded.answers.some((a) => a.hits.length >= 3));
      });
    });
  };

  compare('the bundled knowledge base', snapshot.bundled, bundled);
  compare('1,000 synthetic articles plus the bundled ones', snapshot.mixed, mixed);
});

function sameAnswer(a: AnswerRecord, b: AnswerRecord): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
