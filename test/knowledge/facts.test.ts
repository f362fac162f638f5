import { strict as assert } from 'node:assert';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatProblem, type KnowledgeProblem } from '../../knowledge';
import { factSchema } from '../../knowledge/loading/schemas';
import { KNOWLEDGE_DIR, KnowledgeCopies, lineContaining, loadProblems, problemsOf, show } from './helpers';
import { sharedKnowledgeBase } from '../support/shared-knowledge';

const FACTS = 'data/facts.yaml';
const range = (prefix: string, from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${from + i}`);

/**
 * Every fact id of the two facts sheets (/work/shared/exchange-facts.md and exchange-facts-modern.md),
 * written out from the sheets' headings, not read from facts.yaml.
 */
const SHEET_IDS = [
  ...range('F', 1, 4),
  ...range('C', 1, 13),
  'C8b',
  ...range('L', 1, 3),
  ...range('LC', 1, 9),
  ...range('W', 1, 10),
  ...range('E7-', 1, 11),
  ...range('D-', 1, 8),
  ...range('M-', 1, 15),
  // Not in the sheets: A-1..A-8 read for the knowledge audit of issue 20 (/work/shared/knowledge-audit.md), A-9 for issue 25, A-10 and A-11 (lifecycle dates) for issue 19,
  // A-12..A-15 for the open rows of issue 20's truth table, A-25 to A-29 for its second pass, A-30 (LC6's third-party ESU part, split off) for issue 19's third pass.
  ...range('A-', 1, 15),
  // issue 25, the end of support of Exchange 2003/2007/2010 service packs (Microsoft's lifecycle data).
  'A-20',
  'A-25',
  'A-26',
  'A-27',
  'A-28',
  'A-29',
  'A-30',
  // issue 21 (s21), Microsoft's two Exchange 2013 pages on Windows Server 2008 R2 without a service pack.
  'A-35',
  // issue 21 (s21), a hybrid server of a retired version is out of support too (hybrid prerequisites + lifecycle).
  'A-36',
  // issue 21 (o21), Exchange SE installed in place over Exchange 2019 CU14/CU15 like a cumulative update.
  'A-37',
  // A-38, A-39, A-41: issue 19's seventh pass (q19), Exchange on Azure VMs (Premium Storage), a DAG witness on a domain controller, no Nano Server.
  'A-38',
  'A-39',
  'A-41',
  // issue 19's fifth pass (u19), the mounted databases per server of Exchange 2013's editions.
  'A-40',
  // issue 20's lifecycle leftovers (issue 19's fourth pass), the Windows dates of A-11 that Microsoft's lifecycle data confirms.
  'A-42',
  // issue 25 (q25), Windows builds read as Windows Server releases (exchange-builds.yaml windowsBuilds).
  'A-45',
  // A-46 (read) and A-47 (recalled): the lead, session 6, an Edge Transport server holds no other role.
  'A-46',
  'A-47',
  // A-50: issue 19's seventh session (q19), the server roles of each Exchange version.
  'A-50',
  // lead, session 12, topics with requirements of their own that the check does not judge (an "Also mentioned" fact is a condition).
  'A-52',
  // lead, session 12, no Exchange on the hypervisor host (the virtualization pages).
  'A-53',
  // lead, session 8, Microsoft's two pages on an Edge server joined to the internal domain.
  'A-43',
  // issue 19, session 9 (q19), Microsoft's mailbox database copies pages (16 copies, sites and subnets, 500 ms).
  'A-54',
  // lead, session 10, the mail clients each Exchange version supports and other software on an Exchange server.
  'A-57',
  // issue 19, session 10 (q20), Microsoft's preferred architecture and Azure witness pages (no Cloud Witness for a DAG).
  'A-55',
  // A-49 (read) and A-51 (recalled): session 10 (d22), Exchange from 2013 on needs x64; Windows Server 2008 R2 and later are 64-bit only.
  'A-49',
  'A-51',
  // session 10 (v22), Microsoft's virtualization pages (NAS, dynamic memory, snapshots). Its twin A-59 (the Cloud Witness under
  // a DAG) stated A-55's fact from the same pages and was joined into A-55 in session 11 (q21).
  'A-58',
  // session 11 (q21), Microsoft's virtualization pages (hosts and roles) and Setup's upgrade mode (no in-place upgrade between versions).
  'A-61',
  'A-62',
  // A-63: lead, session 11 (q21's draft row), Microsoft's DAG membership pages (one DAG per Mailbox server).
  'A-63',
  // session 12 v1: platform facts of the virtualization, storage and system requirement pages (A-69 recalled).
  'A-64',
  'A-65',
  'A-66',
  'A-67',
  'A-68',
  'A-69',
  'A-70',
  // session 12 (l28), Windows Server's Datacenter: Azure Edition (recalled) and a DAG witness given by IP address (create-dags.md).
  'A-71',
  'A-72',
  // A-73: session 13 (l29), a listing showing a role its server's version does not have contradicts itself (A-50's roles per version).
  'A-73',
  // session 13 (lead), client Windows (10, 11 ...) is no host for the server roles, only for the management tools.
  'A-79',
  'A-82',
  // session 14 (l30), a listed server whose site shows only read-only domain controllers (supportability matrix, read; the site's own writable DC recalled).
  'A-83',
  'A-84',
  // session 15 (lead), the Exchange server itself a read-only domain controller (Setup's ComputerRODC check, read).
  'A-85',
  // session 15 (i27), JBOD only with three or more highly available copies of each database (storage configuration pages).
  'A-86',
];

const STATUSES = ['verified', 'read-3p', 'derived', 'recalled'];

/** The one problem of `problems` about `field`. */
function theProblem(problems: readonly KnowledgeProblem[], field: string): KnowledgeProblem {
  const found = problems.filter((p) => p.field === field);
  assert.equal(found.length, 1, `expected one problem on field ${field} in ${show(problems)}`);
  return found[0]!;
}

/** Index (0-based) of the fact entry `id` in the bundled facts.yaml. */
function entryOf(id: string): number {
  const facts = parse(readFileSync(join(KNOWLEDGE_DIR, FACTS), 'utf8')) as { id: string }[];
  const index = facts.findIndex((f) => f.id === id);
  assert.ok(index >= 0, `${id} is in facts.yaml`);
  return index;
}

describe('facts (knowledge/data/facts.yaml)', () => {
  const copies = new KnowledgeCopies();
  after(() => copies.cleanup());

  /** Edits facts.yaml in a fresh copy and returns the problems about it, with the edited text. */
  function breakFacts(edit: (text: string) => string): { text: string; problems: KnowledgeProblem[] } {
    const { dir, file, text } = copies.withEdit(FACTS, edit);
    const problems = problemsOf(loadProblems(dir), file);
    assert.ok(problems.length > 0, `no problem names ${file}`);
    return { text, problems };
  }

  describe('the bundled facts', () => {
    const kb = sharedKnowledgeBase();

    it('hold exactly one entry per fact of both facts sheets, and the facts added from our own reading (A-1 to A-8 for the issue-20 audit, A-9 and A-20 for issue 25, A-10, A-11, A-30 and A-42 for issue 19, A-12 to A-15 and A-25 to A-29 for the truth table, A-35, A-36 and A-37 for issue 21, A-38 to A-41 for issue 19 (fifth and seventh passes), A-45 for issue 25, A-46 and A-47 for the Edge role alone, A-50 for the server roles of each version, A-43 for an Edge server in the internal domain, A-54 for mailbox database copies, A-55 for the Cloud Witness, A-57 for mail clients and other software, A-49 and A-51 for 32-bit Windows, A-58 for virtualization; A-59, the Cloud Witness again, joined into A-55; A-61 for virtual machines, A-62 for in-place upgrades and A-63 for one DAG per server, A-64 to A-70 for the platform facts of session 12, A-52 and A-53 for topics the check does not judge and Exchange on a hypervisor host, A-71 for Windows Server Datacenter: Azure Edition, A-72 for a witness given by IP address, A-73 for a listing showing a role its version does not have, A-79 for client Windows as the host, A-82 for the management tools on client Windows, A-83 for a site with only read-only domain controllers A-84 for an in-place Windows upgrade under Exchange, A-85 for Exchange on a read-only domain controller and A-86 for JBOD storage)', () => {
      assert.equal(SHEET_IDS.length, 74 + 62);
      assert.deepEqual(kb.facts.map((f) => f.id).sort(), [...SHEET_IDS].sort());
    });

    it('use every status of the sheets, and only those', () => {
      for (const fact of kb.facts) assert.ok(STATUSES.includes(fact.status), `${fact.id}: ${fact.status}`);
      assert.deepEqual([...new Set(kb.facts.map((f) => f.status))].sort(), [...STATUSES].sort());
    });

    it("keep the sheets' verdicts on the weak facts (spot checks)", () => {
      const status = (id: string) => kb.facts.find((f) => f.id === id)?.status;
      assert.equal(status('F4'), 'recalled'); // still open (section F)
      assert.equal(status('E7-5'), 'recalled');
      assert.equal(status('D-8'), 'read-3p'); // Microsoft's 2010 licensing page and third-party pages; fots.nl read as the Windows edition
      assert.equal(status('W6'), 'read-3p');
      assert.equal(status('L3'), 'read-3p'); // Microsoft for 2013+, third parties only for 2010
      assert.equal(status('LC9'), 'derived');
      assert.equal(status('D-1'), 'verified');
      assert.match(kb.facts.find((f) => f.id === 'D-8')!.about, /fots\.nl/);
    });

    it('name the facts each derived fact follows from, and those facts exist', () => {
      const ids = new Set(kb.facts.map((f) => f.id));
      for (const fact of kb.facts.filter((f) => f.status === 'derived')) {
        assert.ok(fact.sources.filter((s) => ids.has(s)).length >= 2, `${fact.id}: ${fact.sources.join(', ')}`);
      }
    });
  });

  describe('fact ids', () => {
    for (const id of ['F1', 'C8b', 'L3', 'LC1', 'W10', 'E7-11', 'D-8', 'M-15']) {
      it(`accepts ${id}`, () => {
        assert.equal(factSchema.safeParse({ id, status: 'verified', about: 'x', sources: [] }).success, true);
      });
    }
    for (const id of ['D8', 'M15', 'E7', 'E7-', 'LC', 'W1b', 'X1', 'e7-1', 'C8c', 'M-1a']) {
      it(`rejects ${id}`, () => {
        const result = factSchema.safeParse({ id, status: 'verified', about: 'x', sources: [] });
        assert.equal(result.success, false);
        assert.match(result.error!.issues[0]!.message, /fact id/);
      });
    }
  });

  describe('problems in facts.yaml name the line and the field', () => {
    it('a status outside the four: field "<i>.status", its line, the message lists the allowed ones', () => {
      const i = entryOf('W6');
      const { text, problems } = breakFacts((t) => t.replace(/(- id: W6\n {2}status: )read-3p/, '$1read-ms # probe-status'));
      const p = theProblem(problems, `${i}.status`);
      assert.equal(p.line, lineContaining(text, 'probe-status'));
      for (const status of STATUSES) assert.ok(p.message.includes(status), formatProblem(p));
    });

    it('an id that is not a sheet id (M15 for M-15): field "<i>.id", its line', () => {
      const i = entryOf('M-15');
      const { text, problems } = breakFacts((t) => t.replace('- id: M-15\n', '- id: M15 # probe-id\n'));
      const p = theProblem(problems, `${i}.id`);
      assert.equal(p.line, lineContaining(text, 'probe-id'));
      assert.match(p.message, /fact id/);
    });

    it('an id given twice: field "<i>.id" of the second entry, its line', () => {
      const i = entryOf('D-7');
      const { text, problems } = breakFacts((t) => t.replace('- id: D-7\n', '- id: D-6 # probe-twice\n'));
      const p = theProblem(problems, `${i}.id`);
      assert.equal(p.line, lineContaining(text, 'probe-twice'));
      assert.match(p.message, /repeats fact "D-6"/);
    });

    it('a derived fact that names fewer than two facts: field "<i>.sources", its line', () => {
      const i = entryOf('E7-4');
      const { text, problems } = breakFacts((t) => t.replace('  sources: [E7-2, W2]\n', '  sources: [E7-2, "a book"] # probe-derived\n'));
      const p = theProblem(problems, `${i}.sources`);
      assert.equal(p.line, lineContaining(text, 'probe-derived'));
      assert.match(p.message, /derived/);
    });

    it('an article may cite a new fact id, and citing one that is not in facts.yaml names the article line', () => {
      const { dir, file, text } = copies.withEdit('articles/EXB-004.md', (t) => t.replace(/^( {4}facts: \[)C8\]/m, '$1C8, W7, E7-99]'));
      const problems = problemsOf(loadProblems(dir), file);
      assert.equal(problems.length, 1, show(problems));
      assert.equal(problems[0]!.line, lineContaining(text, 'E7-99'));
      assert.match(problems[0]!.message, /"E7-99".*facts\.yaml/);
    });
  });
});
