import { play, type Turn } from './conversation-play';

/*
 * Session 10 (d22): "32-bit" said of Windows Server 2008 R2 or later, which have only 64-bit editions, was
 * dropped and the verdict was a plain Supported (w6-hunt-26, d21-first-11). It is the stated fact statedArchitecture
 * there, and no Exchange version from 2007 on runs in production on 32-bit Windows (E7-2, A-1, A-49). Our own
 * phrasings; the held-out sets are never read.
 */
const CASES: ReadonlyArray<readonly [name: string, turns: readonly Turn[]]> = [
  [
    'Exchange 2016 on Windows Server 2016, 32-bit, is not supported',
    [['one exchange 2016 cu23 mailbox server, no dag, windows server 2016 std 32 bit', { verdict: 'not-supported', says: ['64-bit (x64) Windows'] }]],
  ],
  [
    'Exchange 2010 on 2008 R2 x86 is not supported (no plain Supported)',
    [['single exchange 2010 sp3 server with all roles on w2k8 r2 sp1 enterprise x86', { verdict: 'not-supported', notSays: ['Supported (while'] }]],
  ],
  ['SE on 2025, 32-bit, is not supported', [['exchange se single mailbox server, windows server 2025 datacenter, 32-bit', { verdict: 'not-supported' }]]],
  [
    'the architecture typed with the Windows answer counts the same',
    [
      ['single exchange 2019 cu15 mailbox server', { asks: 'windows' }],
      ['2022 standard x86', { verdict: 'not-supported' }],
    ],
  ],
  [
    '64-bit said of a 64-bit-only release changes nothing',
    [['one exchange 2019 cu15 mailbox server, standalone, windows server 2019 standard x64', { verdict: 'supported', notSays: ['32-bit'] }]],
  ],
  [
    'unsaid, the architecture is no condition of the verdict (the limit is quiet)',
    [['one exchange 2019 cu15 mailbox server, standalone, windows server 2019 standard', { verdict: 'supported', notSays: ['64-bit (x64) installation'] }]],
  ],
  [
    'Windows Server 2008, which had 32-bit editions, keeps its own rule for Exchange 2010',
    [['single exchange 2010 sp3 server with all roles on windows server 2008 sp2 standard 32-bit', { verdict: 'not-supported', says: ['32-bit Windows'] }]],
  ],
];

describe('conversation (session 10, d22): 32-bit said of a Windows release with only 64-bit editions', () => {
  for (const [name, turns] of CASES) {
    it(name, async () => {
      await play(turns);
    });
  }
});
