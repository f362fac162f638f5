import { strict as assert } from 'node:assert';
import { stem } from '../../knowledge/search/stem';
import { isStopWord } from '../../knowledge/search/stop-words';
import { tokenize } from '../../knowledge/reading/text-tokens';
import { groupSimilarQuestions, groupSimilarQuestionsInSlices, type QuestionGroup } from '../../knowledge/owners/similar-questions';

/**
 * The definition the index must reproduce: each wording (most asked first) joins the first group,
 * in creation order, whose words have Jaccard >= 0.5 with its own, compared with every group.
 */
function groupByAllPairs(questions: readonly string[]): QuestionGroup[] {
  const counts = new Map<string, { text: string; count: number; order: number }>();
  questions.forEach((question, order) => {
    const text = question.trim().replace(/\s+/g, ' ');
    const known = counts.get(text.toLowerCase());
    if (known) known.count += 1;
    else counts.set(text.toLowerCase(), { text, count: 1, order });
  });
  const words = (text: string) =>
    new Set(
      tokenize(text)
        .map((t) => t.text)
        .filter((w) => !isStopWord(w))
        .map(stem),
    );
  const jaccard = (a: Set<string>, b: Set<string>) => {
    if (a.size === 0 && b.size === 0) return 1;
    const shared = [...a].filter((w) => b.has(w)).length;
    return shared / (a.size + b.size - shared);
  };
  const groups: Array<QuestionGroup & { words: Set<string> }> = [];
  for (const wording of [...counts.values()].sort((a, b) => b.count - a.count || a.order - b.order)) {
    const own = words(wording.text);
    const group = groups.find((g) => jaccard(g.words, own) >= 0.5);
    if (group) {
      group.count += wording.count;
      group.wordings.push({ text: wording.text, count: wording.count });
    } else groups.push({ example: wording.text, count: wording.count, wordings: [{ text: wording.text, count: wording.count }], words: own });
  }
  return groups.sort((a, b) => b.count - a.count).map(({ words: _w, ...g }) => g);
}

/** A deterministic pseudo-random source, so a failure can be replayed. */
function random(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state % n;
  };
}

const VOCABULARY =
  'exchange server cluster node mailbox database front end back outlook owa smtp connector queue dag witness failover storage group public folder certificate printer reset office'.split(
    ' ',
  );
const STOP = ['how', 'do', 'I', 'the', 'a', 'is', 'what', 'can'];

/** Questions from a small vocabulary, so that many are similar and grouping does real work. */
function alikeQuestions(count: number, seed: number): string[] {
  const pick = random(seed);
  return Array.from({ length: count }, () => {
    const words = Array.from({ length: pick(7) }, () => (pick(3) === 0 ? STOP[pick(STOP.length)]! : VOCABULARY[pick(VOCABULARY.length)]!));
    return words.join(' ') + (pick(4) === 0 ? '?' : '');
  });
}

/** Questions that share common words but are each unlike the others (the red team's 5,916). */
function freshQuestions(count: number, seed: number): string[] {
  const pick = random(seed);
  const fresh = () => Array.from({ length: 6 }, () => String.fromCharCode(97 + pick(26))).join('');
  return Array.from(
    { length: count },
    () => `how do I ${VOCABULARY[pick(VOCABULARY.length)]} ${VOCABULARY[pick(VOCABULARY.length)]} ${fresh()} ${VOCABULARY[pick(VOCABULARY.length)]} ${fresh()}`,
  );
}

// Issue 22, finding 4: grouping was quadratic and ran inside the turn (5,916 questions: 38 s).
describe('grouping similar questions: an index, in slices, with a time budget (issue 22)', function () {
  this.timeout(120_000);

  for (const seed of [1, 2, 3]) {
    it(`gives exactly the groups of comparing with every group (3,000 alike questions, seed ${seed})`, () => {
      const questions = alikeQuestions(3_000, seed);
      const groups = groupSimilarQuestions(questions);
      assert.deepEqual(groups, groupByAllPairs(questions));
      assert.ok(groups.length > 10 && groups.length < 2_500, `${groups.length} groups: the set must group some and not all`);
    });
  }

  it('gives exactly the groups of comparing with every group on fresh questions, on the report fixtures and on edge cases', () => {
    const sets = [
      freshQuestions(1_500, 7),
      ['how do I reset the office printer', 'How do I reset the office printers?', 'reset office printer', 'printer office', 'what is the', 'how do I', '', '  ', 'OWA OWA owa'],
    ];
    for (const questions of sets) assert.deepEqual(groupSimilarQuestions(questions), groupByAllPairs(questions));
  });

  it('in slices: the event loop runs between slices, and the groups are the same', async () => {
    const questions = freshQuestions(5_000, 11);
    let ticks = 0;
    let running = true;
    const tick = () => {
      ticks += 1;
      if (running) setImmediate(tick);
    };
    setImmediate(tick);
    const sliced = await groupSimilarQuestionsInSlices(questions, { sliceMs: 2, budgetMs: 120_000 });
    running = false;
    assert.deepEqual(sliced.ungrouped, { wordings: 0, questions: 0 });
    assert.deepEqual(sliced.groups, groupSimilarQuestions(questions));
    assert.ok(ticks >= 2, `the event loop ran ${ticks} times while grouping`);
  });

  it('past the budget: the groups made so far and the count of what is left, which add up to every question', async () => {
    const questions = freshQuestions(20_000, 13);
    const partial = await groupSimilarQuestionsInSlices(questions, { sliceMs: 2, budgetMs: 5 });
    assert.ok(partial.ungrouped.wordings > 0, 'the budget ran out');
    const grouped = partial.groups.reduce((sum, g) => sum + g.count, 0);
    assert.equal(grouped + partial.ungrouped.questions, questions.length);
  });
});
