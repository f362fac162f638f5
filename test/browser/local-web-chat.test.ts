import { strict as assert } from 'node:assert';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { readConfig } from '../../bot/config';
import { memoryLogger } from '../../bot/log';
import { startServer, type RunningServer } from '../../bot/server';
import { PNG } from 'pngjs';
import { launchChromium, waitForMore, type Chromium } from './chromium';
import { sharedKnowledgeBase } from '../support/shared-knowledge';

/** Git-ignored (`test-output/` in .gitignore); CI can keep it as an artifact. */
const SCREENSHOT_DIR = join(__dirname, '..', '..', '..', 'test-output', 'browser');

const CARD = '.ac-adaptiveCard';
/** A verdict card on Exchange 2003: the out-of-support line first (issue 21), then the design's label. */
const VERDICT = /^Out of support since [^\n]+\n+Not supported/;

// The buttons to press for an Exchange 2003 front-end on a Windows cluster, whichever order the
// check asks its questions in.
const ANSWERS: Record<string, string> = {
  'Which Exchange version is it?': 'Exchange 2003',
  'Which role will the server have?': 'Front-end (OWA, POP3, IMAP4, RPC over HTTP)',
  'Which high-availability technology do you plan?': 'Windows server cluster on shared storage (MSCS; single copy cluster in 2007)',
  'Which Exchange edition is it (Standard or Enterprise)?': 'Enterprise Edition',
  'Which Windows Server release will the server run?': 'Windows Server 2003',
  'Which Windows edition?': 'Enterprise',
};

describe('local Web Chat page in a real browser (Chromium, Chrome or Edge, headless)', function () {
  this.timeout(90_000);
  let bot: RunningServer;
  let browser: Chromium;
  let page: Page;
  const offSite: string[] = [];
  const errors: string[] = [];

  before(async () => {
    bot = await startServer({ config: { ...readConfig({}), port: 0 }, knowledge: sharedKnowledgeBase(), log: memoryLogger() });
    browser = await launchChromium();
    const origin = new URL(bot.url).origin;
    // Anything not for this server is refused and remembered: the page must work with no internet.
    await browser.context.route('**/*', async (route) => {
      const url = route.request().url();
      if (new URL(url).origin === origin) return route.continue();
      offSite.push(url);
      return route.abort();
    });
    page = await browser.context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => errors.push(`page: ${error.message}`));
  });
  after(async () => {
    await browser?.close();
    await bot?.close();
  });

  async function cardCount(): Promise<number> {
    return page.locator(CARD).count();
  }

  async function waitForCards(moreThan: number): Promise<void> {
    await waitForMore(page, CARD, moreThan);
  }

  it('opens the page and shows the welcome card', async () => {
    await page.goto(`${bot.url}/`);
    await waitForCards(0);
    const welcome = page.locator(CARD).first();
    assert.match(await welcome.innerText(), /Exchange support bot/);
    assert.ok(await welcome.getByRole('button', { name: 'Check my setup' }).isVisible());
  });

  it('answers a knowledge-base question typed in the send box with the article card', async () => {
    const before = await cardCount();
    const input = page.locator('[data-id="webchat-sendbox-input"]');
    await input.fill('what happens if I put a FE on MSCS');
    await input.press('Enter');
    await waitForCards(before);
    const answer = page.locator(CARD).last();
    const text = await answer.innerText();
    assert.match(text, /front-end servers are not supported on a Windows server cluster/);
    // The passage answer names its article and section (issue 11).
    assert.match(text, /\(KB837852\), section/);
    assert.match(text, /Read the whole article/);
    // The question itself is in the transcript, as the user's message.
    const said = page.locator('.webchat__text-content', { hasText: 'what happens if I put a FE on MSCS' });
    assert.equal(await said.count(), 1);
    assert.ok(await said.isVisible());
  });

  it('runs the guided check by clicking buttons to "Not supported" for an Exchange 2003 front-end on a Windows cluster', async () => {
    let before = await cardCount();
    await page.locator(CARD).last().getByRole('button', { name: 'Check my setup' }).click();
    await waitForCards(before);

    const asked: string[] = [];
    for (let step = 0; step < Object.keys(ANSWERS).length; step++) {
      const card = page.locator(CARD).last();
      const text = await card.innerText();
      if (VERDICT.test(text)) break;
      const question = Object.keys(ANSWERS).find((q) => text.startsWith(q));
      assert.ok(question, `unexpected card:\n${text}`);
      asked.push(question);
      before = await cardCount();
      await card.getByRole('button', { name: ANSWERS[question]!, exact: true }).click();
      await waitForCards(before);
    }

    const verdict = await page.locator(CARD).last().innerText();
    assert.match(verdict, VERDICT);
    assert.match(verdict, /Network Load Balancing/);
    // The ticket summary sits inside the "Details and ticket summary" ShowCard: hidden until clicked.
    assert.doesNotMatch(verdict, /Not supported - Exchange support check/);
    await page.locator(CARD).last().getByRole('button', { name: 'Details and ticket summary' }).click();
    await page.locator(CARD).last().getByText('Not supported - Exchange support check').first().waitFor({ state: 'visible', timeout: 15_000 });
    assert.match(await page.locator(CARD).last().innerText(), /Not supported - Exchange support check/);
    assert.deepEqual(asked.sort(), ['Which Exchange version is it?', 'Which high-availability technology do you plan?', 'Which role will the server have?']);

    // The transcript scrolls inside the page: bring the verdict's headline into view for the screenshot.
    await page
      .locator(CARD)
      .last()
      .evaluate((card) => {
        (card as { scrollIntoView(options: object): void }).scrollIntoView({ block: 'start' });
        // scrollIntoView also scrolls the page itself, which would hide the headline under the header.
        (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0);
      });
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const screenshot = join(SCREENSHOT_DIR, 'local-web-chat.png');
    await page.screenshot({ path: screenshot });
    const image = PNG.sync.read(readFileSync(screenshot));
    assert.deepEqual([image.width, image.height], [1000, 1100]);
    assert.deepEqual([...image.data.subarray(0, 4)], [0x0f, 0x6c, 0xbd, 0xff], 'the page header colour at the top left');
  });

  it('asked nothing of the internet and logged no errors', () => {
    assert.deepEqual(offSite, []);
    assert.deepEqual(errors, []);
  });
});
