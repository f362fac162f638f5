import { strict as assert } from 'node:assert';
import { type KnowledgeBase } from '../../knowledge';
import { sharedKnowledgeBase } from '../support/shared-knowledge';

/**
 * Session 9 (d21): servers of two Exchange versions typed in one message are one group per version (w6-coex-02..08,
 * w6-design-08); whether the versions may share the organization is judged over the groups (the lead's part).
 */
describe('typed designs of two Exchange versions: one group per version (session 9)', () => {
  let kb: KnowledgeBase;
  before(() => {
    kb = sharedKnowledgeBase();
  });

  const GROUPS: ReadonlyArray<readonly [text: string, wanted: ReadonlyArray<Readonly<Record<string, string | undefined>>> | undefined]> = [
    [
      'we still have one exchange 2007 sp3 box (w2k8 ent x64) and just installed exchange 2016 cu23 on 2016 std desktop exp next to it, both standalone',
      [
        { version: '2007', ha: 'none', windows: '2008' },
        { version: '2016', ha: 'none', windows: '2016' },
      ],
    ],
    [
      'migration, coexistence period:\nold: 2010 sp3 dag of 2 on 2008 r2 sp1 ent, fsw\nnew: 2016 cu23 dag of 2 on 2016 std desktop exp, fsw\nno DCs in either',
      [
        { version: '2010', ha: 'dag', nodes: '2', domainController: 'no' },
        { version: '2016', ha: 'dag', nodes: '2', domainController: 'no' },
      ],
    ],
    // Session 13 o25: a move whose new version goes into "a new DAG" runs beside the old one (it read as one DAG of two versions).
    [
      "we're moving from 2013 to 2019: 2 exchange 2013 cu23 mbx/cas servers in a DAG on 2012 r2 std, and 2 exchange 2019 cu15 servers in a new DAG on ws2022 std",
      [
        { version: '2013', ha: 'dag', windows: '2012-r2' },
        { version: '2019', ha: 'dag', windows: '2022' },
      ],
    ],
    // Session 14 o26: each version's server said in the singular ("old ... server", "a new ... server", "one ... server") is one
    // server; "one" before a version counts that version's server (high availability was asked of the pair).
    [
      'migration: old 2010 SP3 server (all roles, 2008 R2 std sp1) and a new 2016 CU23 mailbox server (ws2016 std desktop exp) side by side',
      [
        { version: '2010', ha: 'none', windows: '2008-r2' },
        { version: '2016', ha: 'none', windows: '2016' },
      ],
    ],
    [
      'we have one exchange 2013 cu23 server (mbx/cas, 2012 r2 std) and just added one exchange 2019 cu15 mailbox server on 2019 std next to it',
      [
        { version: '2013', ha: 'none', windows: '2012-r2' },
        { version: '2019', ha: 'none', windows: '2019' },
      ],
    ],
    // A header naming a version with no servers of its own starts no group (w7-design-21, w7-design-24).
    [
      'same org, moving to 2019:\nold: 2016 cu23 dag of 2 on 2016 std desktop exp, fsw\nnew: 2019 cu15 dag of 2 on 2019 std, fsw\nno DCs in either DAG\n',
      [
        { version: '2016', ha: 'dag', nodes: '2', windows: '2016' },
        { version: '2019', ha: 'dag', nodes: '2', windows: '2019' },
      ],
    ],
    [
      'SE migration, same org:\n2019 cu13 dag of 2 on 2019 std, fsw (not updated yet)\nSE dag of 2 on 2025 std, fsw\nno DCs\n',
      [
        { version: '2019', ha: 'dag', domainController: 'no' },
        { version: 'se', ha: 'dag', windows: '2025', domainController: 'no' },
      ],
    ],
    ['one org: exchange 2016 cu23 standalone on 2016 std desktop exp, and exchange 2019 cu15 standalone on 2019 std', [{ version: '2016' }, { version: '2019' }]],
    // One DAG of two versions, members counted by version, or a move: no groups of their own.
    ['during the move we added 2 new 2019 cu15 servers (2019 std) into the existing 2013 cu23 dag (2012 r2 std) so mailboxes can move', undefined],
    ['quick one: during the migration can we have two 2013 and three 2016 boxes in one DAG for a few weeks?', undefined],
    ['during the upgrade our 2016 CU23 DAG will have 2 x 2016 and 1 x 2019 CU15 member for about a month. ok?', undefined],
    ['Can I add Exchange 2016 servers to our Exchange 2013 DAG?', undefined],
    ['moving from 2019 to SE. We are on Exchange 2019 CU14, 2 DAG members, Windows 2019 Std', undefined],
    ['we run exchange 2016 cu23 on windows server 2016 and want SE on 2025, is that ok?', undefined],
  ];
  for (const [text, wanted] of GROUPS) {
    it(`groups: ${text.slice(0, 90).replace(/\n/g, ' / ')}`, () => {
      const groups = kb.recognizer.designGroups(text);
      if (wanted === undefined) {
        assert.ok(groups === undefined || new Set(groups.map((g) => g.version)).size < 2, JSON.stringify(groups));
        return;
      }
      assert.equal(groups?.length, wanted.length, JSON.stringify(groups));
      for (const [i, facts] of wanted.entries()) for (const [d, v] of Object.entries(facts)) assert.equal(groups![i]![d], v, `group ${i + 1} ${d}`);
    });
  }
});
