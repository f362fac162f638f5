import { strict as assert } from 'node:assert';
import { withoutOfficeProductReleases } from '../../knowledge/reading/office-products';

/* Session 13 (d25): the release after an Office server product is blanked, same length (knowledge/reading/office-products.ts). */
describe('Office server product releases (session 13, d25)', () => {
  const CASES: ReadonlyArray<readonly [string, string]> = [
    ['we put sharepoint server 2019 on the same box', 'we put sharepoint server      on the same box'],
    ['sharepoint server subscription edition on it', `sharepoint server${' '.repeat(' subscription edition'.length)} on it`],
    ['Skype for Business Server 2015 cu12 on the exchange box', 'Skype for Business Server           on the exchange box'],
    ['project server 2016 is installed on it', 'project server      is installed on it'],
    // Exchange's own releases stay.
    ['exchange server 2019 cu15 on 2022 std', 'exchange server 2019 cu15 on 2022 std'],
    ['SE dag of 2 on 2025 std', 'SE dag of 2 on 2025 std'],
  ];
  for (const [text, read] of CASES)
    it(`reads "${text}"`, () => {
      assert.equal(withoutOfficeProductReleases(text), read);
      assert.equal(withoutOfficeProductReleases(text).length, text.length);
    });
});
