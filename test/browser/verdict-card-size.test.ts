import { strict as assert } from 'node:assert';
import type { Page } from 'playwright-core';
import { readConfig } from '../../bot/config';
import { memoryLogger } from '../../bot/log';
import { startServer, type RunningServer } from '../../bot/server';
import { launchChromium, waitForMore, type Chromium } from './chromium';
import { sharedKnowledgeBase } from '../support/shared-knowledge';

const CARD = '.ac-adaptiveCard';
/** Issue 21: collapsed, a verdict card fits in this height at this width of Web Chat. */
const MAX_HEIGHT = 600;
const WIDTH = 900;

/**
 * The longest verdicts the check gives, typed into the local Web Chat page: a retired version with
 * every DAG condition, a three-group design, and a what-if on top of a verdict (its "What changed" line).
 */
const VERDICTS: ReadonlyArray<{ name: string; says: readonly string[] }> = [
  { name: 'a DAG on a retired version with seven conditions', says: ['Exchange 2019 CU15 Standard DAG on Windows Server 2022 Standard'] },
  { name: 'a design of two groups on Exchange 2003', says: ['E2K3 Ent on W2K3 Enterprise x86: two FEs behind NLB and a 2-node BE cluster'] },
  {
    name: 'an Exchange 2000 cluster with ten conditions after a what-if',
    says: ['exchange 2000 enterprise back-end cluster on windows 2000 advanced server', 'what if it was windows 2000 datacenter server instead?'],
  },
];

describe('verdict card size in Web Chat (Chromium, 900 px wide)', function () {
  this.timeout(120_000);
  let bot: RunningServer;
  let browser: Chromium;
  let page: Page;

  before(async () => {
    bot = await startServer({ config: { ...readConfig({}), port: 0 }, knowledge: sharedKnowledgeBase(), log: memoryLogger() });
    browser = await launchChromium();
    const origin = new URL(bot.url).origin;
    await browser.context.route('**/*', async (route) => (new URL(route.request().url()).origin === origin ? route.continue() : route.abort()));
  });
  after(async () => {
    await browser?.close();
    await bot?.close();
  });

  async function cards(): Promise<number> {
    return page.locator(CARD).count();
  }

  async function say(text: string): Promise<void> {
    const before = await cards();
    const input = page.locator('[data-id="webchat-sendbox-input"]');
    await input.fill(text);
    await input.press('Enter');
    await waitForMore(page, CARD, before);
  }

  for (const { name, says } of VERDICTS) {
    it(`${name}: collapsed, at most ${MAX_HEIGHT} px high; the feedback buttons sit below the sources`, async () => {
      page = await browser.context.newPage();
      await page.setViewportSize({ width: WIDTH, height: 1100 });
      await page.goto(`${bot.url}/`);
      await page.locator(CARD).first().waitFor({ timeout: 15_000 });
      for (const text of says) await say(text);
      const card = page.locator(CARD).last();
      assert.match(await card.innerText(), /Out of support since/);
      if (process.env.VERDICT_CARD_SHOTS) await card.screenshot({ path: `${process.env.VERDICT_CARD_SHOTS}/${says.length}-${name.slice(0, 12).replace(/\W/g, '_')}.png` });
      // Web Chat lays a new card out in steps (fonts, images, the button rows): measure once two reads
      // 100 ms apart agree, so a busy machine does not catch it half laid out.
      await settled(() => card.boundingBox());
      await settled(() =>
        card
          .getByRole('button', { name: /Helpful/ })
          .first()
          .boundingBox(),
      );
      const box = await card.boundingBox();
      assert.ok(box, 'the verdict card is not laid out');
      assert.ok(box.height <= MAX_HEIGHT, `${name}: the collapsed card is ${Math.round(box.height)} px high (at most ${MAX_HEIGHT})`);
      // Sources first, then the 👍/👎 row under them.
      const source = await card
        .getByRole('button', { name: /^Read / })
        .first()
        .boundingBox();
      const helpful = await card
        .getByRole('button', { name: /Helpful/ })
        .first()
        .boundingBox();
      assert.ok(source && helpful, 'the card has no source or feedback button');
      assert.ok(helpful.y >= source.y + source.height, `the feedback buttons (y ${helpful.y}) are not below the sources (y ${source.y})`);
      // Opened, the details hold the ticket summary, which starts with the out-of-support line too.
      await card.getByRole('button', { name: 'Details and ticket summary' }).click();
      await card
        .getByText(/^Out of support since .*Supported path/)
        .last()
        .waitFor({ state: 'visible', timeout: 15_000 });
      await page.close();
    });
  }
});

/** Waits until two reads of a layout box 100 ms apart agree (at most 3 s), so a measure is of the settled layout. */
async function settled(read: () => Promise<{ x: number; y: number; width: number; height: number } | null>): Promise<void> {
  let last = JSON.stringify(await read());
  for (let i = 0; i < 30; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const now = JSON.stringify(await read());
    if (now === last) return;
    last = now;
  }
}
