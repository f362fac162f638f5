import { strict as assert } from 'node:assert';
import { namedHosts, savedHosts, withNamedHosts, withWitnessHostAsWitness, witnessHostNamedAsMember, witnessOnNamedMember } from '../../knowledge/reading/named-hosts';

/* Session 13 (d25): the hosts a message names for a DAG (knowledge/reading/named-hosts.ts). Our own phrasings. */
describe('named hosts (session 13, d25)', () => {
  const HOSTS: ReadonlyArray<readonly [text: string, witness: string | undefined, members: string[]]> = [
    ['SE DAG of 2 (MBX1, MBX2) on 2025 std, fsw on FS1, not DCs', 'FS1', ['MBX1', 'MBX2']],
    ['DAG01 = EX01 + EX02 + EX03 on 2022 datacenter, witness FS01', 'FS01', ['EX01', 'EX02', 'EX03']],
    ['- MB1-MB4: SE, one DAG, windows 2025 std, fsw FS1', 'FS1', ['MB1', 'MB2', 'MB3', 'MB4']],
    ['members MBX1..MBX3, the witness server is UTIL-02', 'UTIL-02', ['MBX1', 'MBX2', 'MBX3']],
    ['> the FSW for that DAG is on EX-MBX1, we moved it there', 'EX-MBX1', []],
    ['we will move the file share witness to EX03', 'EX03', []],
    ['FS9 will be the witness', 'FS9', []],
    // Words with a digit that name no server: updates, Windows releases, the DAG's own name.
    ['2019 cu15, DAG1, windows 2022 std, witness on a 2016 box', undefined, []],
    ['SE dag of 2 on 2025 std, sp1, x64', undefined, []],
  ];
  for (const [text, witness, members] of HOSTS)
    it(`names witness ${witness ?? 'none'} and members [${members.join(', ')}] in "${text}"`, () => {
      const hosts = namedHosts(text);
      assert.equal(hosts.witness, witness);
      assert.deepEqual(hosts.members ?? [], members);
    });

  const MOVED: ReadonlyArray<readonly [text: string, known: { witness?: string; members?: string[] } | undefined, member: string | undefined]> = [
    ['what if we point the witness at MBX2 instead?', { witness: 'FS1', members: ['MBX1', 'MBX2'] }, 'MBX2'],
    ['what if we point the witness at UTIL1 instead?', { witness: 'FS1', members: ['MBX1', 'MBX2'] }, undefined],
    ['and if FS1 dies we point the witness at MBX1', { witness: 'FS1' }, 'MBX1'],
    ['the fsw is on EX-MBX1 now', undefined, 'EX-MBX1'],
    ['the fsw is on FS2 now', undefined, undefined],
    ['the fsw moves to EX-UTIL1, an exchange server outside the dag', undefined, undefined],
    ['the witness stays on FS1', { witness: 'FS1' }, undefined],
    // Session 15 (w10, j-after-01): "actually" between the witness and its host.
    ['btw the fsw share is actually on MBX2, FS1 was retired', { witness: 'FS1' }, 'MBX2'],
  ];
  for (const [text, known, member] of MOVED) it(`"${text}" puts the witness on member ${member ?? 'none'}`, () => assert.equal(witnessOnNamedMember(text, known), member));

  it("rewrites the witness host's later clauses as the witness, same length", () => {
    const cases: ReadonlyArray<readonly [string, string | undefined, string]> = [
      ['FS1 runs windows server 2012 r2', 'FS1', 'fsw runs windows server 2012 r2'],
      ['fyi UTIL01 is on 2016', 'UTIL01', 'fyi    fsw is on 2016'],
      ['witness on FS1; FS1 itself is an old 2016 box', undefined, 'witness on FS1; fsw itself is an old 2016 box'],
      // The host in a members' list, or named after nothing that makes it the clause's subject, stays.
      ['DAG of 2: EX1, EX2, fsw on EX2', undefined, 'DAG of 2: EX1, EX2, fsw on EX2'],
      ['we moved off FS1 last year', 'FS1', 'we moved off FS1 last year'],
    ];
    for (const [text, host, read] of cases) {
      assert.equal(withWitnessHostAsWitness(text, host), read);
      assert.equal(withWitnessHostAsWitness(text, host).length, text.length);
    }
  });

  // Session 15 (w10, j-red-05): in the message describing the DAG, a witness host named as a mailbox server is a member
  // unless members are named by host or the message places the witness outside the DAG.
  it('reads a witness named as a mailbox server in the describing message as a member', () => {
    assert.equal(witnessHostNamedAsMember('SE DAG of 2 on 2025 std, not DCs; the witness is EX-MBX1', 'EX-MBX1'), true);
    assert.equal(witnessHostNamedAsMember('SE DAG of 2 (EX-MBX1, EX-MBX2), witness on EX-MBX3', 'EX-MBX3'), false);
    assert.equal(witnessHostNamedAsMember('SE DAG of 2, witness on EX-MBX3, a separate exchange server', 'EX-MBX3'), false);
    assert.equal(witnessHostNamedAsMember('SE DAG of 2, witness on FS1', 'FS1'), false);
  });

  it('keeps the hosts across messages and reads saved ones defensively', () => {
    assert.deepEqual(withNamedHosts({ witness: 'FS1', members: ['MBX1', 'MBX2'] }, { witness: 'FS2' }), { witness: 'FS2', members: ['MBX1', 'MBX2'] });
    assert.deepEqual(withNamedHosts(undefined, {}), undefined);
    assert.deepEqual(savedHosts({ witness: 'FS1', members: ['MBX1', 7] }), { witness: 'FS1', members: ['MBX1'] });
    assert.equal(savedHosts({ witness: 42 }), undefined);
    assert.equal(savedHosts('FS1'), undefined);
    assert.equal(savedHosts(undefined), undefined);
  });
});
