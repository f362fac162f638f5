import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import { generatedListing, pasteOf, type Entry } from '../../bench/listings';
import { SCENARIOS } from '../../bench/turns';
import { answerListing } from '../../knowledge/listings/listing-answer';
import { mayHoldListing, parseListing } from '../../knowledge/listings/listing-parser';
import { REPO_ROOT } from './helpers';
import { sharedKnowledgeBase } from '../support/shared-knowledge';

/**
 * The gate in front of the listing parser (issue 24, listing-parser.ts `mayHoldListing`): it may turn text away only when the
 * parser would read it as no listing. Checked over every paste of the listing fixtures, every line and sentence of them (one
 * line is the gate's whole domain), the tuning sets' questions and conversation turns, and generated one-line texts built from
 * the words listings are made of (host names, builds, versions in words, roles, DAGs, joiners, separators).
 */
describe('Listing gate (knowledge/listings/listing-parser.ts mayHoldListing)', () => {
  const kb = sharedKnowledgeBase();
  /** Text the gate turns away must be text the parser reads as `none`. */
  const holds = (text: string) => {
    if (mayHoldListing(text)) return;
    assert.equal(parseListing(text, kb.builds).kind, 'none', `the gate turned away a text the parser reads: ${JSON.stringify(text)}`);
  };

  const listingDir = join(REPO_ROOT, 'test/fixtures/listings');
  const pastes: string[] = [];
  for (const name of readdirSync(listingDir)) {
    const file = readFileSync(join(listingDir, name), 'utf8');
    if (name.endsWith('.txt')) pastes.push(file);
    else if (name.endsWith('.yaml')) for (const entry of parse(file) as Entry[]) pastes.push(pasteOf(entry));
  }
  pastes.push(generatedListing(200));
  const lines = [...new Set(pastes.flatMap((p) => p.split(/\r\n?|\n/)))];

  /** Questions and turns of the tuning sets (never a held-out set: those names hold "holdout" or "heldout"). */
  const tuningTexts = (): string[] => {
    const texts: string[] = [];
    const walk = (value: unknown): void => {
      if (typeof value === 'string') texts.push(value);
      else if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === 'object')
        for (const [key, inner] of Object.entries(value)) if (['q', 'user', 'question', 'text', 'context', 'turns'].includes(key) || typeof inner === 'object') walk(inner);
    };
    const files = [
      ...readdirSync(join(REPO_ROOT, 'test/fixtures'))
        .filter((n) => n.endsWith('.yaml'))
        .map((n) => join('test/fixtures', n)),
      ...readdirSync(join(REPO_ROOT, 'bench'))
        .filter((n) => n.endsWith('.yaml') && !/holdout|heldout/.test(n))
        .map((n) => join('bench', n)),
    ];
    for (const file of files) walk(parse(readFileSync(join(REPO_ROOT, file), 'utf8')));
    return [...new Set(texts)];
  };

  it('turns away no paste of the listing fixtures that the parser reads, and lets every one of them through', () => {
    assert.ok(pastes.length >= 300, `${pastes.length} pastes`);
    for (const paste of pastes) holds(paste);
    // Every fixture paste the parser reads as a listing reaches it.
    for (const paste of pastes) if (parseListing(paste, kb.builds).kind !== 'none') assert.ok(mayHoldListing(paste), paste);
  });

  it('turns away no single line of the fixtures, with or without its list mark, quote or prompt, that the parser reads', () => {
    assert.ok(lines.length >= 2000, `${lines.length} lines`);
    for (const line of lines) {
      holds(line);
      holds(line.trim());
      holds(line.replace(/^\s*(?:[-*•·]|\d{1,3}[.)]|>)\s*/, ''));
      for (const sentence of line.split(/(?<=[.!?,;:])\s+/)) holds(sentence);
    }
  });

  it('turns away no question or turn of the tuning sets that the parser reads, and turns away most plain questions', () => {
    const texts = tuningTexts();
    assert.ok(texts.length >= 1000, `${texts.length} texts`);
    let skipped = 0;
    for (const text of texts) {
      holds(text);
      if (!mayHoldListing(text)) skipped += 1;
    }
    // What the gate is for: most questions never reach the parser.
    assert.ok(skipped / texts.length > 0.4, `${skipped} of ${texts.length} skipped`);
  });

  it("turns away the turn benchmark's knowledge question, which answerListing reads as no listing either way", () => {
    const [question] = SCENARIOS.find((s) => s.id === 'kb')!.messages;
    assert.equal(mayHoldListing(question!), false);
    assert.equal(parseListing(question!, kb.builds).kind, 'none');
    assert.equal(answerListing(question!, kb).kind, 'none');
  });

  it('lets through every form its proof depends on (line breaks, builds, separators, versions in words, typed DAGs)', () => {
    for (const text of [
      'EX01\nEX02',
      'EX01\r\nEX02',
      'EX01 is 15.2.1544.4',
      'Name : EX01',
      'Name=EX01',
      'EX01 -> mailbox',
      'EX01 → mailbox',
      '> EX01 15.2.1544.4',
      '[PS] C:\\>',
      'DAG1 {EX1, EX2}',
      'dag DAG1 - EX1, EX2',
      '"Name", "Version" "EX01", "15.2.1544.4"',
      'EX01 and EX02 Exchange 2010 SP3',
      'EX01, EX02 - e2k3 sp2',
    ])
      assert.ok(mayHoldListing(text), text);
    // Two servers typed on one line with a version in words: a listing the gate must let through.
    assert.equal(answerListing('EX01 and EX02 Exchange 2010 SP3', kb).kind, 'listing');
  });

  it('turns away no generated one-line text built from listing words that the parser reads (fast-check)', function () {
    this.timeout(120_000);
    const hosts = ['EX01', 'EX02', 'MBX-A', 'mbx-b', 'CAS01', 'EDGE01', 'MAILSRV', 'ex01.corp.local', 'HEL-MB3', 'EXCH', 'node1', 'DAG01', 'DAG-LON', 'lon-dag', 'FS01'];
    const words = [
      'exchange',
      'Exchange 2003',
      'Exchange Server 2019',
      'exchange se',
      'e2k3',
      'ex2016',
      'Exchange 2010 SP3',
      '2003',
      '2019',
      'cu14',
      'SP2',
      'rtm',
      'windows',
      'Windows Server 2019 Standard',
      'w2k3',
      'enterprise',
      'standard',
      'x64',
      'mailbox',
      'MBX',
      'CAS',
      'hub',
      'edge',
      'front-end',
      'back-end',
      'BE',
      'FE',
      'dag',
      'DAG',
      'witness',
      'fsw',
      'cluster',
      'node',
      'nodes',
      'Up',
      'Down',
      'Online',
      'both',
      'all',
      'is',
      'on',
      'runs',
      'still',
      'and',
      'version',
      'build',
      'Version 15',
      'server',
      'host',
      'box',
      'name',
      'servers',
      'member',
      'members',
      'get-exchangeserver',
      'PS',
      'C',
      'we',
      'will',
      'move',
      'to',
      'our',
      'only',
      'single',
    ];
    const joiners = [
      ' ',
      ' ',
      ' ',
      ', ',
      ' / ',
      ' & ',
      ' + ',
      ' - ',
      ' – ',
      ' (',
      ') ',
      '  ',
      '\t',
      ' | ',
      '; ',
      '...',
      ' ? ',
      ' = ',
      ': ',
      '->',
      ' {',
      '} ',
      '.',
      '15.2.1544.4',
      ' 1544.4',
      '"',
      "'",
      '#',
    ];
    const token = fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...hosts) },
      { weight: 6, arbitrary: fc.constantFrom(...words) },
      { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
      { weight: 1, arbitrary: fc.integer({ min: 0, max: 20_000 }).map(String) },
    );
    const line = fc.array(fc.tuple(token, fc.constantFrom(...joiners)), { minLength: 1, maxLength: 14 }).map((parts) =>
      parts
        .map(([t, j]) => `${t}${j}`)
        .join('')
        .replace(/[\r\n]/g, ' '),
    );
    fc.assert(
      fc.property(line, (text) => holds(text)),
      { numRuns: 6000 },
    );
    // A fixture line with one of its characters replaced, dropped or repeated.
    const mutated = fc
      .tuple(fc.constantFrom(...lines.filter((l) => l.trim() !== '')), fc.nat(), fc.constantFrom('', ' ', 'x', '1', '-', ',', '.'), fc.boolean())
      .map(([l, at, ch, insert]) => {
        const k = at % (l.length + 1);
        return insert ? `${l.slice(0, k)}${ch}${l.slice(k)}` : `${l.slice(0, k)}${ch}${l.slice(k + 1)}`;
      });
    fc.assert(
      fc.property(mutated, (text) => holds(text)),
      { numRuns: 6000 },
    );
  });
});
