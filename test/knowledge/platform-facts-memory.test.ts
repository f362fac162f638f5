import { strict as assert } from 'node:assert';
import { dynamicMemorySettings } from '../../knowledge/reading/platform-facts';

/* Session 15 (i27, w9-red-23): Hyper-V dynamic memory told by its settings, not its name. */
describe('platform facts: dynamic memory told by its settings', () => {
  const cases: [string, 'yes' | undefined][] = [
    ['memory: startup 16 gb, maximum 64 gb, buffer 20% (dynamic)', 'yes'],
    ['the vm has startup ram 32 gb and max 96 gb', 'yes'],
    ['ram 24 gb (dynamic)', 'yes'],
    ['memory buffer of 10 % on the guest', 'yes'],
    // A fixed size, or a maximum alone, is no dynamic memory.
    ['the vm has 64 gb of memory', undefined],
    ['maximum 64 gb per database copy', undefined],
    ['startup 16 gb. the host has a maximum of 512 gb', undefined],
  ];
  for (const [text, expected] of cases)
    it(`"${text}" → ${String(expected)}`, () => {
      assert.equal(dynamicMemorySettings(text), expected);
    });
});
