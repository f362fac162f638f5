import { strict as assert } from 'node:assert';
import { withWindowsYearAfterOn } from '../../dialogs/windows-year-after-on';

/** Session 15 (q25): after a verdict, a bare year after "on" is the Windows release the servers run on. */
describe('a bare year after "on" after a verdict (session 15)', () => {
  for (const [typed, read] of [
    ['and on 2016?', 'and on windows server 2016?'],
    ['what if on 2019?', 'what if on windows server 2019?'],
    ['same on 2012 r2?', 'same on windows server 2012 r2?'],
  ] as const) {
    it(`"${typed}" names Windows`, () => assert.equal(withWindowsYearAfterOn(typed), read));
  }
  for (const typed of ['and on exchange 2016?', 'what if windows is on 2019 instead of 2022', 'and 2016?', 'move it to 2019']) {
    it(`"${typed}" is left as typed`, () => assert.equal(withWindowsYearAfterOn(typed), typed));
  }
});
