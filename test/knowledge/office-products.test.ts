import { strict as assert } from 'node:assert';
import { withoutOfficeProductReleases } from '../../knowledge/reading/office-products';
import { withoutMailDisclaimer } from '../../knowledge/reading/mail-disclaimer';

/* Session 13 (d25): the release after an Office server product is blanked, same length (knowledge/reading/office-products.ts). */
describe('Office server product releases (session 13, d25)', () => {
  const CASES: ReadonlyArray<readonly [string, string]> = [
    ['we put sharepoint server 2019 on the same box', 'we put sharepoint server      on the same box'],
    ['sharepoint server subscription edition on it', `sharepoint server${' '.repeat(' subscription edition'.length)} on it`],
    ['Skype for Business Server 2015 cu12 on the exchange box', 'Skype for Business Server           on the exchange box'],
    ['project server 2016 is installed on it', 'project server      is installed on it'],
    // Session 15 (o27): the farm and the role of the product named after it are blanked too.
    ["the sharepoint 2016 farm's app role is installed on that same server", `the sharepoint${' '.repeat(" 2016 farm's app role".length)} is installed on that same server`],
    ['our sharepoint farm is on the same box', 'our sharepoint      is on the same box'],
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

/* Session 13 (d25): a mail's closing disclaimer is blanked to the end, same length (knowledge/reading/mail-disclaimer.ts). */
describe('mail disclaimers (session 13, d25)', () => {
  const CASES: ReadonlyArray<readonly [string, string]> = [
    ['MBX2 is a DC.\nThis email is confidential. If you are not a domain controller admin, delete it.', `MBX2 is a DC.\n${' '.repeat(80)}`],
    ['MBX2 is a DC.\nThanks\nIf you are not the intended recipient please notify us.\nLegal', `MBX2 is a DC.\nThanks\n${' '.repeat(55)}\n${' '.repeat(5)}`],
    // No notice: unchanged ("this message is about our DAG" is no disclaimer).
    ['this message is about our DAG, members are not DCs', 'this message is about our DAG, members are not DCs'],
  ];
  for (const [text, read] of CASES)
    it(`reads "${text.replace(/\n/g, ' / ')}"`, () => {
      assert.equal(withoutMailDisclaimer(text), read);
      assert.equal(withoutMailDisclaimer(text).length, text.length);
    });
});
