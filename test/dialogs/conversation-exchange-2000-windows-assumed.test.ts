import { play, type Turn } from './conversation-play';

/*
 * Issue 21 (helper d21): "ask only what matters". Exchange 2000 runs only on Windows 2000 (C13, W4: not on Windows
 * Server 2003; W5: nor later; assumed-facts.yaml), so an Exchange 2000 cluster is asked the Windows edition that decides
 * it (Advanced Server or Datacenter Server, C5/KB328875), with Windows 2000's editions as the choices, never first a
 * Windows release with one sensible answer; a Windows release said anyway still decides. Our own phrasings.
 */
const CASES: ReadonlyArray<readonly [name: string, turns: readonly Turn[]]> = [
  [
    'an Exchange 2000 cluster is asked the Windows edition, with Windows 2000 editions only',
    [
      ['exchange 2000 sp3 enterprise cluster', { asks: 'windowsEdition', notSays: ['Windows release:'], notAsks: ['windows'] }],
      ['advanced server', { verdict: 'supported-with-conditions', headline: 'Out of support' }],
    ],
  ],
  [
    '"enterprise" is no Windows 2000 edition: the second wording with the examples, not a verdict on another release',
    [
      ['exchange 2000 sp3 enterprise cluster', { asks: 'windowsEdition' }],
      ['enterprise', { asks: 'windowsEdition', says: ['for example', 'Advanced Server', 'Datacenter'], notSays: ['Windows Server 2003', 'Web Edition', 'Essentials'] }],
      ['datacenter', { verdict: 'supported-with-conditions' }],
    ],
  ],
  [
    'a Windows release said anyway decides: Exchange 2000 on Windows Server 2003 is not supported',
    [
      ['exchange 2000 sp3 enterprise cluster', { asks: 'windowsEdition' }],
      ['windows 2003 enterprise', { verdict: 'not-supported', says: ['Windows Server 2003'] }],
    ],
  ],
  [
    'Windows 2000 Server (no clustering) under the cluster is not supported',
    [
      ['exchange 2000 sp3 enterprise cluster', { asks: 'windowsEdition' }],
      ['windows 2000 server', { verdict: 'not-supported' }],
    ],
  ],
];

describe('conversation (issue 21): Exchange 2000 is not asked its Windows release', () => {
  for (const [name, turns] of CASES) {
    it(name, async () => {
      await play(turns);
    });
  }
});
