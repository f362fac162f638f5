import { strict as assert } from 'node:assert';
import { loadKnowledgeBase, type KnowledgeBase } from '../../knowledge';
import { FactRecognizer } from '../../knowledge/reading/fact-recognizer';
import { TypoReading } from '../../knowledge/reading/typo-reading';
import { FactSpace } from '../../knowledge/rules/fact-space';
import { KNOWLEDGE_DIR } from './helpers';

// Issue 24: the router and the direct-answer reader read the same message with nothing known, and the
// second reading is a copy of the first. A caller changing what it got must not change what the next
// caller gets, and a reading with facts known is never taken from the plain one.
describe('fact recognizer: a text read twice', () => {
  let kb: KnowledgeBase;
  before(() => {
    kb = loadKnowledgeBase(KNOWLEDGE_DIR);
  });

  it('gives the same facts the second time, and a copy each time', () => {
    const text = 'can I put an E2K3 FE on a 3-node MSCS cluster';
    const first = kb.recognizer.extract(text);
    assert.deepEqual(first.facts, { version: '2003', role: 'front-end', ha: 'cluster', nodes: '3' });
    (first.facts as Record<string, string>).version = '2019';
    first.ambiguous.push('role');
    const second = kb.recognizer.extract(text);
    assert.deepEqual(second.facts, { version: '2003', role: 'front-end', ha: 'cluster', nodes: '3' });
    assert.deepEqual(second.ambiguous, []);
    assert.notEqual(second.facts, first.facts);
  });

  it('reads again when facts are known, or when the text differs', () => {
    const text = 'front-end on a cluster';
    assert.equal(kb.recognizer.extract(text).facts.role, 'front-end');
    // Known facts change what a reading keeps (see extract's `known`): never served from the plain reading.
    const withKnown = kb.recognizer.extract(text, { version: '2003' });
    assert.equal(withKnown.facts.role, 'front-end');
    assert.equal(kb.recognizer.extract('back-end on a cluster').facts.role, 'back-end');
    assert.equal(kb.recognizer.extract(text).facts.role, 'front-end');
  });

  it('reads a message the same with and without its end punctuation, so the router and the direct-answer reader share one reading', () => {
    // The router reads "Can we cluster ... servers" (its "?" stripped), the direct-answer reader "... servers?".
    const said = { ha: 'clustering', version: '2003', role: 'back-end' };
    for (const text of [
      'Can we cluster our Exchange 2003 back-end servers',
      'Can we cluster our Exchange 2003 back-end servers?',
      ' Can we cluster our Exchange 2003 back-end servers ?! ',
    ]) {
      assert.deepEqual(kb.recognizer.extract(text).facts, said, text);
    }
    // A build number at the end keeps its reading with a full stop after it (the number's own dots are no end punctuation).
    for (const text of ['our server runs 15.2.1544.4', 'our server runs 15.2.1544.4.', 'is our server on 15.2.1544.4 supported?']) {
      assert.deepEqual(kb.recognizer.extract(text).facts, { version: '2019', update: 'e2019-cu14', updateCurrency: 'current' }, text);
    }
    // "?" alone, or only punctuation: nothing to read, as an empty message.
    assert.deepEqual(kb.recognizer.extract('?!').facts, {});
    // One reading for both: the text with its "?" is the copy of the reading without it.
    const recognizer = kb.recognizer as unknown as { extractUncached: (...args: unknown[]) => unknown };
    const read = recognizer.extractUncached;
    let readings = 0;
    recognizer.extractUncached = function (this: unknown, ...args: unknown[]) {
      readings += 1;
      return read.apply(this, args);
    };
    try {
      kb.recognizer.extract('is exchange 2010 on a 4 node dag supported');
      kb.recognizer.extract('is exchange 2010 on a 4 node dag supported?');
    } finally {
      recognizer.extractUncached = read;
    }
    assert.equal(readings, 1);
  });

  it('reads the counts of number patterns as before: the larger of two, past "more", not a claimed year', () => {
    assert.equal(kb.recognizer.extract('grow the DAG from 4 to 6 members').facts.nodes, '6');
    assert.equal(kb.recognizer.extract('we have a 2 node cluster and want to add 2 more nodes').facts.nodes, '4');
    assert.equal(kb.recognizer.extract('Exchange 2003 on Windows 2003 cluster').facts.nodes, undefined);
  });

  // Issue 24: a question's answer matcher is built on its first typed answer, not at start. Built late,
  // after other readings filled the shared typo reading's memo and in another order, it reads the same.
  it('reads typed answers the same whether the matcher of each question was built first or late, in any order', () => {
    const space = new FactSpace(kb.dimensions);
    const answers: Array<[string, string]> = [];
    for (const dimension of kb.dimensions) {
      for (const value of dimension.values.slice(0, 4)) {
        for (const phrase of [value.label, ...value.names.slice(0, 2), ...value.answers.slice(0, 2)]) {
          answers.push([dimension.id, phrase]);
          // A typo in the longest word: a letter dropped from its middle.
          const longest = phrase.split(/\s+/).reduce((a, b) => (b.length > a.length ? b : a), '');
          if (longest.length >= 6) answers.push([dimension.id, phrase.replace(longest, longest.slice(0, 3) + longest.slice(4))]);
        }
      }
    }
    const fresh = new FactRecognizer(space, undefined, kb.recognizer.tables, new TypoReading());
    const matchers = (fresh as unknown as { answerMatchers: Map<string, unknown> }).answerMatchers;
    assert.equal(matchers.size, 0, 'no answer matcher is built at start');
    const first = answers.map(([dimension, typed]) => fresh.readAnswer(dimension, typed));
    assert.equal(matchers.size, new Set(answers.map(([dimension]) => dimension)).size);
    const late = new FactRecognizer(space, undefined, kb.recognizer.tables, new TypoReading());
    for (const [, typed] of answers) late.extract(`is ${typed} on a dag with a witnes in a clustr supported`);
    const reversed = [...answers].reverse().map(([dimension, typed]) => late.readAnswer(dimension, typed));
    assert.ok(answers.length > 300, `${answers.length} answers`);
    assert.ok(first.filter((facts) => Object.keys(facts).length > 0).length > answers.length / 2);
    assert.deepEqual(reversed.reverse(), first);
  });
});
