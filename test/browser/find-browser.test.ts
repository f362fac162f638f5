import { strict as assert } from 'node:assert';
import { browserCandidates, findBrowser } from './chromium';

// The browser test runs on Linux, macOS and Windows: it finds the browser where each platform's
// installer puts it, honours CHROMIUM_PATH, and without a browser says how to install one.
describe('browser test: finding Chromium, Chrome or Edge', () => {
  const only =
    (...present: string[]) =>
    (path: string) =>
      present.includes(path);

  const cases: Array<[NodeJS.Platform, NodeJS.ProcessEnv, string]> = [
    ['linux', {}, '/usr/bin/google-chrome'],
    ['darwin', {}, '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'],
    ['win32', { PROGRAMFILES: 'C:\\Program Files', 'PROGRAMFILES(X86)': 'C:\\Program Files (x86)' }, 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe'],
  ];
  for (const [platform, env, installed] of cases) {
    it(`${platform}: finds ${installed}`, () => {
      assert.ok(browserCandidates(platform, env).includes(installed));
      assert.equal(findBrowser(platform, env, only(installed)), installed);
    });
  }

  it('prefers Chromium over Chrome when both are installed', () => {
    assert.equal(findBrowser('linux', {}, only('/usr/bin/google-chrome', '/usr/bin/chromium')), '/usr/bin/chromium');
  });

  it('CHROMIUM_PATH wins, and must exist', () => {
    assert.equal(findBrowser('linux', { CHROMIUM_PATH: '/opt/browser/chrome' }, only('/opt/browser/chrome', '/usr/bin/chromium')), '/opt/browser/chrome');
    assert.throws(() => findBrowser('linux', { CHROMIUM_PATH: '/opt/missing' }, only('/usr/bin/chromium')), /^Error: CHROMIUM_PATH is \/opt\/missing, which does not exist/);
  });

  it('without a browser, fails with the command that installs one on that platform', () => {
    assert.throws(() => findBrowser('linux', {}, only()), /install one with "sudo apt-get install -y chromium", or set CHROMIUM_PATH/);
    assert.throws(() => findBrowser('darwin', {}, only()), /"brew install --cask chromium"/);
    assert.throws(() => findBrowser('win32', { PROGRAMFILES: 'C:\\Program Files' }, only()), /"winget install Google.Chrome"/);
  });
});
