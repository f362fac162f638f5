import { strict as assert } from 'node:assert';
import { blankWindowsServicePacks, windowsServicePacks } from '../../knowledge/reading/windows-service-packs';
import { sharedKnowledgeBase } from '../support/shared-knowledge';

/*
 * Issue 21 (s21): a Windows service pack typed after the release is a stated fact (windowsServicePack),
 * read only after a Windows release: Exchange's own service pack ("Exchange 2003 SP2", "E2K7 SP3",
 * "Exchange Server 2003 SP2") is never Windows's.
 */
describe('a Windows service pack typed after the release (knowledge/reading/windows-service-packs.ts)', () => {
  const packs: [typed: string, read: [release: string, servicePack: number][]][] = [
    ['2008 r2 sp1', [['2008 r2', 1]]],
    ['windows 2000 sp4', [['windows 2000', 4]]],
    ['win2k3 sp2', [['win2k3', 2]]],
    ['2008 sp2', [['2008', 2]]],
    ['Windows Server 2003 R2 SP2', [['Windows Server 2003 R2', 2]]],
    ['Windows Server 2003 R2 Enterprise x64 SP2', [['Windows Server 2003 R2 Enterprise x64', 2]]],
    ['win2k advanced server sp3', [['win2k advanced server', 3]]],
    ['w2k8r2 sp 1', [['w2k8r2', 1]]],
    ['2008 R2 with SP1', [['2008 R2', 1]]],
    ['Windows Server 2008 R2 (no SP)', [['Windows Server 2008 R2', 0]]],
    ['2008 r2 rtm', [['2008 r2', 0]]],
    ['windows 2000 service pack four', [['windows 2000', 4]]],
    [
      'one node on 2008 r2 sp1, the other on 2008 r2 rtm',
      [
        ['2008 r2', 1],
        ['2008 r2', 0],
      ],
    ],
    // Exchange's own service packs; a pack the release never had is not Windows's ("Windows 2008 R2 Standard, SP3").
    ['Windows 2008 R2 Standard, SP3', []],
    ['windows 2003, sp3', []],
    ['exchange 2003 sp2', []],
    ['exchange server 2003 sp2 on windows server 2003', []],
    ['E2K7 SP3 ccr', []],
    ['exchange 2010 sp3', []],
  ];
  for (const [typed, read] of packs) {
    it(`"${typed}"`, () => {
      assert.deepEqual(
        windowsServicePacks(typed).map((p) => [p.release, p.servicePack]),
        read,
      );
      const blanked = blankWindowsServicePacks(typed);
      assert.equal(blanked.length, typed.length);
      if (read.length === 0) assert.equal(blanked, typed);
      else assert.doesNotMatch(blanked, /\bsp\s?\d|service pack|\brtm\b/i);
    });
  }

  const kb = sharedKnowledgeBase();
  const facts: [typed: string, expected: Record<string, string | undefined>][] = [
    ['exchange 2010 sp3 single server on 2008 r2 sp1 standard', { windows: '2008-r2', windowsServicePack: '1', update: 'e2010-sp3', windowsEdition: 'standard' }],
    // "SP1" after the Windows release was read as Exchange 2010's update before SP3.
    ['exchange 2010 single server on windows server 2008 r2 sp1', { windows: '2008-r2', windowsServicePack: '1', update: undefined }],
    ['exchange 2003 cluster on windows 2000 advanced server sp3', { windows: '2000', windowsEdition: 'advanced', windowsServicePack: '3' }],
    ['exchange server 2003 sp2 on windows server 2003 sp1', { windows: '2003', windowsServicePack: '1' }],
    // Another release's pack is not this setup's; of the same release the lowest decides.
    ['moving exchange 2010 off windows 2003 sp2 onto 2008 r2', { windows: undefined, windowsServicePack: undefined }],
    ['exchange 2010 dag, one node on 2008 r2 sp1, the other on 2008 r2 rtm', { windows: '2008-r2', windowsServicePack: '0' }],
    // Releases with no service packs: nothing to read.
    ['exchange 2016 on windows server 2016', { windowsServicePack: undefined }],
    // Issue 21 (o22): a pack said never to be installed after a Windows release is Windows's, never an Exchange update.
    ['exchange 2010 sp3 all roles one server, windows server 2008 r2 standard RTM (sp1 never installed)', { windowsServicePack: '0', update: 'e2010-sp3' }],
    ['exchange 2010 sp3 on windows 2008 r2 rtm, sp1 was never applied', { windowsServicePack: '0', update: 'e2010-sp3' }],
    // An Exchange word between: the pack is Exchange's.
    ['exchange 2007 on windows 2008, exchange sp2 never installed', { update: 'e2007-sp1-sp2' }],
  ];
  for (const [typed, expected] of facts) {
    it(`reads "${typed}"`, () => {
      const read = kb.recognizer.extract(typed).facts;
      for (const [dimension, value] of Object.entries(expected)) assert.equal(read[dimension], value, `${dimension} of "${typed}": ${JSON.stringify(read)}`);
    });
  }
});
