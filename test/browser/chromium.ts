import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/**
 * Where each platform's installers put Chromium, Google Chrome and Microsoft Edge, in the order they
 * are tried. Playwright drives any of them (they speak the same DevTools protocol); `.ci/run`
 * installs Debian's Chromium with apt-get when it is missing.
 */
export function browserCandidates(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] {
  if (platform === 'darwin') {
    return ['Chromium.app/Contents/MacOS/Chromium', 'Google Chrome.app/Contents/MacOS/Google Chrome', 'Microsoft Edge.app/Contents/MacOS/Microsoft Edge'].map(
      (app) => `/Applications/${app}`,
    );
  }
  if (platform === 'win32') {
    const roots = [env.LOCALAPPDATA, env.PROGRAMFILES, env['PROGRAMFILES(X86)']].filter((root): root is string => root !== undefined && root !== '');
    const apps = ['Chromium\\Application\\chrome.exe', 'Google\\Chrome\\Application\\chrome.exe', 'Microsoft\\Edge\\Application\\msedge.exe'];
    return apps.flatMap((app) => roots.map((root) => `${root}\\${app}`));
  }
  return ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge', 'microsoft-edge-stable']
    .map((name) => `/usr/bin/${name}`)
    .concat('/snap/bin/chromium');
}

/** The command that installs a browser the test can drive, for the error when none is found. */
export function installCommand(platform: NodeJS.Platform): string {
  if (platform === 'darwin') return 'brew install --cask chromium';
  if (platform === 'win32') return 'winget install Google.Chrome';
  return 'sudo apt-get install -y chromium';
}

/**
 * The browser to drive: `CHROMIUM_PATH` when set (and then it must exist), else the first candidate
 * that exists. Throws with the install command and the paths tried when there is none.
 */
export function findBrowser(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, exists: (path: string) => boolean = existsSync): string {
  const chosen = env.CHROMIUM_PATH;
  if (chosen !== undefined && chosen !== '') {
    if (!exists(chosen)) throw new Error(`CHROMIUM_PATH is ${chosen}, which does not exist: point it at a Chromium, Chrome or Edge executable, or unset it`);
    return chosen;
  }
  const candidates = browserCandidates(platform, env);
  const found = candidates.find((path) => exists(path));
  if (found === undefined) {
    throw new Error(
      `No Chromium, Chrome or Edge found for the browser test: install one with "${installCommand(platform)}", ` +
        `or set CHROMIUM_PATH to its executable (tried ${candidates.join(', ')})`,
    );
  }
  return found;
}

/** A headless Chromium with a fresh profile; `close()` also removes the profile. */
export interface Chromium {
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * Starts Chromium (or Chrome, or Edge; see {@link findBrowser}) headless with a throw-away profile. No sandbox, because CI runs as root
 * (Chromium refuses to sandbox as root); no background networking, component updates, sync or QUIC,
 * so the browser itself makes no requests besides the page's.
 */
export async function launchChromium(): Promise<Chromium> {
  const executablePath = findBrowser();
  const profile = mkdtempSync(join(tmpdir(), 'exchange-bot-chromium-'));
  // Playwright takes the --user-data-dir as this argument rather than in args.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1000, height: 1100 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Waits until the page shows more than `count` elements matching `selector` (a reply card arrived). */
export async function waitForMore(page: Page, selector: string, count: number): Promise<void> {
  await page.waitForFunction(
    // Runs in the page, where `document` exists; the tests compile without the DOM library.
    ({ selector, count }) => (globalThis as unknown as { document: { querySelectorAll(s: string): { length: number } } }).document.querySelectorAll(selector).length > count,
    { selector, count },
    { timeout: 15_000 },
  );
}
