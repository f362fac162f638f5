import { strict as assert } from 'node:assert';
import { loadKnowledgeBase, type Facts, type KnowledgeBase } from '../../knowledge';
import { FactRecognizer } from '../../knowledge/fact-recognizer';
import { PhraseMatcher } from '../../knowledge/phrase-matcher';
import { stem } from '../../knowledge/stem';
import { allowedTypos, editDistance, tokenize, wordMatches } from '../../knowledge/text-tokens';
import { KNOWLEDGE_DIR } from './helpers';

describe('fact recognizer', () => {
  let kb: KnowledgeBase;
  let recognizer: FactRecognizer;
  before(() => {
    kb = loadKnowledgeBase(KNOWLEDGE_DIR);
    recognizer = kb.recognizer;
  });

  describe('extract() on questions people type', () => {
    const cases: [string, Facts, string[]?][] = [
      ['Can I put an Exchange 2003 front-end server on a Windows cluster?', { version: '2003', role: 'front-end', ha: 'cluster' }],
      ['E2K3 FE on MSCS', { version: '2003', role: 'front-end', ha: 'cluster' }],
      ['E2K3 fe on mscs', { version: '2003', role: 'front-end', ha: 'cluster' }],
      ['exchange 2000 BE on windows 2000 advanced server cluster', { version: '2000', role: 'back-end', windows: 'windows-2000-advanced-server', ha: 'cluster' }],
      ['clustered E2K BE on w2k datacenter', { version: '2000', role: 'back-end', windows: 'windows-2000-datacenter-server', ha: 'cluster' }],
      ['Exchange 2003 Enterprise Edition on Windows Server 2003 Enterprise Edition cluster', { version: '2003', edition: 'enterprise', windows: 'windows-server-2003-enterprise', ha: 'cluster' }],
      ['We have Exchange Server 2003 Standard Edition', { version: '2003', edition: 'standard' }],
      ['no cluster, just a single exchange 2003 back end', { version: '2003', role: 'back-end', ha: 'none' }],
      ['OWA on NLB with E2K3', { version: '2003', role: 'front-end', ha: 'nlb' }],
      ['E2K7 CAS on a failover cluster', { version: '2007', role: 'front-end', ha: 'cluster' }],
      ['exchange 2016 DAG members behind NLB', { version: '2010+', ha: 'nlb' }],
      ['FRONT END ON MSCS', { role: 'front-end', ha: 'cluster' }],
      ['Is BE on MSCS OK?', { role: 'back-end', ha: 'cluster' }],
      // "be" the verb is not "BE" the back-end.
      ['can it be clustered', { ha: 'cluster' }],
      ['Be careful: is a front end on nlb ok', { role: 'front-end', ha: 'nlb' }],
      ['to be or not to be on a cluster', { ha: 'cluster' }],
      // Typos.
      ['exhange 2003 frnt end on a clsuter', { version: '2003', role: 'front-end', ha: 'cluster' }],
      ['exchnage 2003 bakend on a failover clustre', { version: '2003', role: 'back-end', ha: 'cluster' }],
      // A Windows name does not leak an Exchange version.
      ['windows 2000 advanced server only', { windows: 'windows-2000-advanced-server' }],
      ['exchange 2003 on windows 2003', { version: '2003' }],
      ['my exchange 2000 server runs on windows server 2003', { version: '2000' }],
      // "Server 2003" is Windows Server 2003, not Exchange Server 2003.
      ['Exchange 2000 on Server 2003', { version: '2000' }],
      ['Exchange front-end on Server 2003', { role: 'front-end' }],
      // Two values for one fact: left out and reported, not guessed.
      ['front end and back end nlb', { ha: 'nlb' }, ['role']],
      ['2003 front-end, exchange 2000 back-end', {}, ['version', 'role']],
      ['nothing to see here', {}],
      ['', {}],
    ];
    for (const [text, facts, ambiguous] of cases) {
      it(`${JSON.stringify(text)} → ${JSON.stringify(facts)}${ambiguous ? ` (ambiguous: ${ambiguous.join(', ')})` : ''}`, () => {
        const result = recognizer.extract(text);
        assert.deepEqual(result.facts, facts);
        assert.deepEqual([...result.ambiguous].sort(), [...(ambiguous ?? [])].sort());
      });
    }

    it('extracts only dimension ids and value ids the rules know', () => {
      const result = recognizer.extract('E2K3 FE BE MSCS NLB standard edition windows 2000 advanced server');
      for (const [dimension, value] of Object.entries(result.facts)) {
        const d = kb.dimensions.find((x) => x.id === dimension);
        assert.ok(d, dimension);
        assert.ok(d.values.some((v) => v.id === value), `${dimension}=${value}`);
      }
      assert.deepEqual(kb.knownFacts(result.facts), result.facts);
    });

    it('does not read a Windows or Exchange version number twice', () => {
      const { facts, ambiguous } = recognizer.extract('exchange 2000 on windows 2000 advanced server');
      assert.equal(facts.version, '2000');
      assert.equal(facts.windows, 'windows-2000-advanced-server');
      assert.deepEqual(ambiguous, []);
    });
  });

  describe('recognizeAnswer()', () => {
    const answers: [string, string, string][] = [
      ['version', '2k3', '2003'],
      ['version', 'E2K3', '2003'],
      ['version', 'e2k3', '2003'],
      ['version', '2003', '2003'],
      ['version', 'E2K', '2000'],
      ['version', 'exchange 2013', '2010+'],
      ['version', 'newer', '2010+'],
      ['role', 'OWA box', 'front-end'],
      ['role', 'fe', 'front-end'],
      ['role', 'FE', 'front-end'],
      ['role', 'be', 'back-end'],
      ['role', 'BE', 'back-end'],
      ['role', 'Mailbox Server', 'back-end'],
      ['role', 'frnt end', 'front-end'],
      ['role', 'bridgehead', 'other'],
      ['ha', 'MSCS', 'cluster'],
      ['ha', 'mscs', 'cluster'],
      ['ha', 'clsuter', 'cluster'],
      ['ha', 'failover clustering', 'cluster'],
      ['ha', 'load balancer', 'nlb'],
      ['ha', 'load balancr', 'nlb'],
      ['ha', 'NLB', 'nlb'],
      ['ha', 'no', 'none'],
      ['ha', 'no clustering', 'none'],
      ['edition', 'std', 'standard'],
      ['edition', 'ent', 'enterprise'],
      ['edition', 'enterprize', 'enterprise'],
      ['windows', 'w2k3 standard', 'windows-server-2003-standard'],
      ['windows', '2003 enterprise', 'windows-server-2003-enterprise'],
      ['windows', 'w2k advanced server', 'windows-2000-advanced-server'],
      ['windows', 'web', 'windows-server-2003-web'],
    ];
    for (const [dimension, text, value] of answers) {
      it(`${dimension}: ${JSON.stringify(text)} → ${value}`, () => {
        assert.equal(recognizer.recognizeAnswer(dimension, text), value);
      });
    }

    it('reads a single digit as the number of a listed choice (1 = first)', () => {
      for (const dimension of kb.dimensions) {
        dimension.values.forEach((value, i) => {
          assert.equal(recognizer.recognizeAnswer(dimension.id, String(i + 1)), value.id, `${dimension.id} ${i + 1}`);
          assert.equal(recognizer.recognizeAnswer(dimension.id, ` ${i + 1}. `), value.id, `${dimension.id} " ${i + 1}. "`);
        });
        assert.equal(recognizer.recognizeAnswer(dimension.id, '0'), undefined, `${dimension.id} 0`);
        assert.equal(recognizer.recognizeAnswer(dimension.id, String(dimension.values.length + 1)), undefined, `${dimension.id} past the end`);
      }
    });

    it("reads every value's own label (card button labels come back as text in Teams)", () => {
      for (const dimension of kb.dimensions) {
        for (const value of dimension.values) {
          assert.equal(recognizer.recognizeAnswer(dimension.id, value.label), value.id, `${dimension.id}: "${value.label}"`);
          assert.equal(recognizer.recognizeAnswer(dimension.id, value.label.toLowerCase()), value.id, `${dimension.id}: lower-cased "${value.label}"`);
        }
      }
    });

    for (const garbage of ['banana', '', '   ', '?', 'asdf qwer', 'yes please']) {
      it(`garbage ${JSON.stringify(garbage)} → undefined for every question`, () => {
        for (const dimension of kb.dimensions) assert.equal(recognizer.recognizeAnswer(dimension.id, garbage), undefined, dimension.id);
      });
    }

    it('an answer naming two values → undefined', () => {
      assert.equal(recognizer.recognizeAnswer('role', 'front end or back end'), undefined);
      assert.equal(recognizer.recognizeAnswer('ha', 'cluster and nlb'), undefined);
    });

    it('throws for a dimension that does not exist', () => {
      assert.throws(() => recognizer.recognizeAnswer('colour', 'red'), /colour/);
    });

    // An answer that names another fact must not be read as this one: the person is confused or
    // answering something else, and guessing gives a wrong verdict.
    const otherFacts: [string, string, string | undefined][] = [
      ['version', 'Windows Server 2003', undefined],
      ['version', 'Windows 2000 Advanced Server', undefined],
      ['version', 'Exchange 2003 on Windows 2000', '2003'],
      ['edition', 'Windows Server 2003 Standard Edition', undefined],
      ['windows', 'Exchange Standard', undefined],
    ];
    for (const [dimension, text, value] of otherFacts) {
      it(`${dimension}: ${JSON.stringify(text)} names another fact → ${String(value)}`, () => {
        assert.equal(recognizer.recognizeAnswer(dimension, text), value);
      });
    }
  });

  describe('readAnswer()', () => {
    it('returns the asked fact plus any other fact the answer names', () => {
      assert.deepEqual(recognizer.readAnswer('version', '2003 on windows 2000 advanced server'), { version: '2003', windows: 'windows-2000-advanced-server' });
      assert.deepEqual(recognizer.readAnswer('ha', 'cluster, enterprise edition'), { ha: 'cluster', edition: 'enterprise' });
    });

    it('returns only the other fact when the answer names another question\'s value', () => {
      assert.deepEqual(recognizer.readAnswer('version', 'Windows Server 2003'), {});
      assert.deepEqual(recognizer.readAnswer('windows', 'Exchange Standard'), { edition: 'standard' });
    });

    it('reads a number only as a choice of the asked question', () => {
      for (const dimension of kb.dimensions) assert.deepEqual(recognizer.readAnswer(dimension.id, '1'), { [dimension.id]: dimension.values[0]!.id });
      assert.deepEqual(recognizer.readAnswer('version', '9'), {});
    });
  });

  describe('PhraseMatcher', () => {
    it('prefers the longest phrase, then the lower priority number', () => {
      const matcher = new PhraseMatcher([
        { phrase: '2000', payload: 'version', priority: 2 },
        { phrase: 'windows 2000', payload: 'windows-partial', priority: 1 },
        { phrase: 'windows 2000 advanced server', payload: 'windows-advanced' },
        { phrase: 'advanced', payload: 'other', priority: 0 },
      ]);
      assert.deepEqual(matcher.find('on windows 2000 advanced server').map((m) => m.entry.payload), ['windows-advanced']);
      assert.deepEqual(matcher.find('on windows 2000 then').map((m) => m.entry.payload), ['windows-partial']);
      assert.deepEqual(matcher.find('2000 and advanced').map((m) => [m.entry.payload, m.from, m.to]), [
        ['version', 0, 1],
        ['other', 2, 3],
      ]);
    });

    it('matches case-sensitive entries only as written', () => {
      const matcher = new PhraseMatcher([{ phrase: 'BE', payload: 'back-end', caseSensitive: true }]);
      assert.equal(matcher.find('a BE server').length, 1);
      assert.equal(matcher.find('to be or not').length, 0);
      assert.equal(matcher.find('a Be server').length, 0);
    });
  });
});

describe('text tokens', () => {
  it('tokenize splits on anything but letters and digits, lower-cases, and keeps offsets', () => {
    const text = 'Front-end on MSCS? E2K3, ok';
    const tokens = tokenize(text);
    assert.deepEqual(tokens.map((t) => t.text), ['front', 'end', 'on', 'mscs', 'e2k3', 'ok']);
    assert.deepEqual(tokens.map((t) => t.raw), ['Front', 'end', 'on', 'MSCS', 'E2K3', 'ok']);
    for (const t of tokens) assert.equal(text.slice(t.start, t.end), t.raw);
  });

  it('tokenize folds accents and full-width letters, and returns nothing for punctuation only', () => {
    assert.deepEqual(tokenize('Ünïcödé café').map((t) => t.text), ['unicode', 'cafe']);
    assert.deepEqual(tokenize('ＦＥ on ＭＳＣＳ').map((t) => t.text), ['fe', 'on', 'mscs']);
    assert.deepEqual(tokenize(''), []);
    assert.deepEqual(tokenize(' ?!.. -- '), []);
  });

  it('editDistance counts insertions, deletions and substitutions', () => {
    assert.equal(editDistance('cluster', 'cluster', 2), 0);
    assert.equal(editDistance('clster', 'cluster', 2), 1);
    assert.equal(editDistance('clusterr', 'cluster', 2), 1);
    assert.equal(editDistance('clustar', 'cluster', 2), 1);
    assert.equal(editDistance('kitten', 'sitting', 5), 3);
    assert.equal(editDistance('', 'abc', 3), 3);
    assert.equal(editDistance('abc', '', 3), 3);
  });

  it('editDistance counts an adjacent transposition as one edit', () => {
    assert.equal(editDistance('clsuter', 'cluster', 2), 1);
    assert.equal(editDistance('exchnage', 'exchange', 2), 1);
    assert.equal(editDistance('ab', 'ba', 2), 1);
  });

  it('editDistance is symmetric', () => {
    const words = ['cluster', 'clsuter', 'clustre', 'exchange', 'exhange', 'balancer', 'balancr', 'front', 'frnt'];
    for (const a of words) for (const b of words) assert.equal(editDistance(a, b, 9), editDistance(b, a, 9), `${a}/${b}`);
  });

  it('editDistance gives up with max + 1 once the distance must exceed max', () => {
    assert.equal(editDistance('abcdef', 'uvwxyz', 2), 3);
    assert.equal(editDistance('a', 'abcdefgh', 2), 3);
    assert.ok(editDistance('kitten', 'sitting', 2) > 2);
  });

  it('wordMatches never fuzzes digits', () => {
    assert.equal(wordMatches('2000', '2003'), false);
    assert.equal(wordMatches('2003', '2000'), false);
    assert.equal(wordMatches('ex2000', 'ex2003'), false);
    assert.equal(wordMatches('exchange2000', 'exchange2003'), false);
    assert.equal(wordMatches('2k4', '2k3'), false);
    assert.equal(wordMatches('clust3r', 'cluster'), false);
    assert.equal(wordMatches('2003', '2003'), true);
    assert.equal(allowedTypos('exchange2003'), 0);
  });

  it('wordMatches: short words exact, one typo from 5 letters, two from 9', () => {
    assert.equal(wordMatches('fe', 'fe'), true);
    assert.equal(wordMatches('fo', 'fe'), false);
    assert.equal(wordMatches('msc', 'mscs'), false);
    assert.equal(wordMatches('nlbs', 'nlb'), false);
    assert.equal(wordMatches('clsuter', 'cluster'), true);
    assert.equal(wordMatches('clsutre', 'cluster'), false);
    assert.equal(wordMatches('enterprize', 'enterprise'), true);
    assert.equal(wordMatches('entrprize', 'enterprise'), true);
    assert.equal(wordMatches('entrprze', 'enterprise'), false);
    assert.equal(wordMatches('abc', 'abd'), false);
  });
});

describe('stem', () => {
  it('meets the inflected forms of the words the articles use', () => {
    const families = [
      ['mailbox', 'mailboxes'],
      ['cluster', 'clusters', 'clustered', 'clustering'],
      ['server', 'servers'],
      ['node', 'nodes'],
      ['policy', 'policies'],
      ['plan', 'planned', 'planning'],
      ['install', 'installed', 'installing'],
      ['address', 'addresses'],
      ['switch', 'switches'],
      ['database', 'databases'],
      ['connector', 'connectors'],
      ['fail', 'failed', 'failing'],
    ];
    for (const family of families) {
      const stems = new Set(family.map(stem));
      assert.equal(stems.size, 1, `${family.join('/')} → ${[...stems].join('/')}`);
    }
  });

  it('leaves words with digits, short words and -ss/-us/-is words alone', () => {
    for (const word of ['e2k3s', 'exchange2003s', 'uses', 'fes', 'dcs', 'address', 'status', 'analysis', 'cluster', 'mscs']) {
      assert.equal(stem(word), word, word);
    }
  });

  it('gives the documented stems', () => {
    assert.equal(stem('mailboxes'), 'mailbox');
    assert.equal(stem('clustering'), 'cluster');
    assert.equal(stem('servers'), 'server');
  });
});
