import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { buildTeamsAppPackage, TEAMS_APP_DIR } from '../../../tools/teams-package/app-package';
import { manifestSchemaProblems } from '../../../tools/teams-package/manifest-schema';
import { PNG } from 'pngjs';
import { encodePng } from '../../../tools/teams-package/app-icons';
import { readConfig } from '../../../bot/config';
import { memoryLogger } from '../../../bot/log';
import { startServer, type RunningServer } from '../../../bot/server';
import { cardTexts, messageActivity } from '../../support/activities';
import { exchange } from '../../support/bot-http';
import { sharedKnowledgeBase } from '../../support/shared-knowledge';

const run = promisify(execFile);
const APP_ID = '0b5f8c2e-3d4a-4f6b-9c1d-2e3f4a5b6c7d';
const CLI = join(__dirname, '..', '..', '..', 'tools', 'teams-package', 'teams-package-cli.js');

interface Manifest {
  id: string;
  manifestVersion: string;
  $schema: string;
  bots: Array<{ botId: string; scopes: string[]; commandLists: Array<{ scopes: string[]; commands: Array<{ title: string }> }> }>;
  composeExtensions: Array<{ botId: string; commands: Array<{ id: string; type: string; title: string; parameters: Array<{ name: string }> }> }>;
  icons: { color: string; outline: string };
  [key: string]: unknown;
}

/** A copy of teamsApp/ to break in one way per test. */
function appCopy(edit: (dir: string, manifest: Manifest) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'teams-app-'));
  cpSync(TEAMS_APP_DIR, dir, { recursive: true, filter: (source) => !source.includes(`${join(TEAMS_APP_DIR, 'build')}`) });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  edit(dir, manifest);
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return dir;
}

describe('Teams app package (npm run teams:package)', () => {
  const temporary: string[] = [];
  after(() => {
    for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
  });
  const problemsOf = async (edit: (dir: string, manifest: Manifest) => void) => {
    const dir = appCopy(edit);
    temporary.push(dir);
    return (await buildTeamsAppPackage({ appId: APP_ID, sourceDir: dir })).problems;
  };

  it('the npm script builds a valid zip with the app id from the environment', async () => {
    const scripts = (JSON.parse(readFileSync(join(__dirname, '..', '..', '..', '..', 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    assert.match(scripts['teams:package']!, /^node tools\/run-built\.cjs dist\/tools\/teams-package\/teams-package-cli\.js$/);

    const out = join(mkdtempSync(join(tmpdir(), 'teams-package-')), 'appPackage.zip');
    temporary.push(join(out, '..'));
    const { stdout } = await run(process.execPath, [CLI, '--out', out], { env: { ...process.env, MicrosoftAppId: APP_ID } });
    assert.match(stdout, /validated offline/);

    const zip = await JSZip.loadAsync(readFileSync(out));
    assert.deepEqual(Object.keys(zip.files).sort(), ['color.png', 'manifest.json', 'outline.png']);
    const manifestJson = await zip.file('manifest.json')!.async('string');
    const manifest = JSON.parse(manifestJson) as Manifest;
    assert.equal(manifest.id, APP_ID);
    assert.equal(manifest.bots[0]!.botId, APP_ID);
    assert.equal(manifest.composeExtensions[0]!.botId, APP_ID);
    assert.deepEqual(await manifestSchemaProblems(manifestJson), [], 'the zipped manifest validates on its own');
    assert.deepEqual(await zip.file('color.png')!.async('nodebuffer'), readFileSync(join(TEAMS_APP_DIR, 'color.png')));
  });

  it('refuses to build without an app id, or with one that is not a GUID', async () => {
    const env = { ...process.env };
    delete env.MicrosoftAppId;
    // A folder without .env, so only the environment counts.
    const cwd = mkdtempSync(join(tmpdir(), 'teams-package-cwd-'));
    temporary.push(cwd);
    await assert.rejects(run(process.execPath, [CLI, '--out', join(cwd, 'x.zip')], { env, cwd }), (error: { code: number; stderr: string }) => {
      assert.equal(error.code, 1);
      assert.match(error.stderr, /MicrosoftAppId is not set/);
      return true;
    });
    await assert.rejects(run(process.execPath, [CLI, '--out', join(cwd, 'x.zip')], { env: { ...env, MicrosoftAppId: 'my-bot' }, cwd }), (error: { stderr: string }) => {
      assert.match(error.stderr, /must be the bot's Microsoft App ID \(a GUID\)/);
      return true;
    });
    assert.ok(!existsSync(join(cwd, 'x.zip')));
  });

  it('declares the bot in personal, team and group chats with its three commands, and the "Search KB" search extension', async () => {
    const built = await buildTeamsAppPackage({ appId: APP_ID });
    assert.deepEqual(built.problems, []);
    const manifest = JSON.parse(built.manifestJson) as Manifest;
    assert.match(manifest.$schema, /\/json-schemas\/teams\/v\d+\.\d+\/MicrosoftTeams\.schema\.json$/);
    const [bot] = manifest.bots;
    assert.deepEqual(bot!.scopes.sort(), ['groupChat', 'personal', 'team']);
    assert.deepEqual(bot!.commandLists[0]!.scopes.sort(), ['groupChat', 'personal', 'team']);
    assert.deepEqual(
      bot!.commandLists[0]!.commands.map((c) => c.title),
      ['check my setup', 'search', 'help'],
    );
    const [command] = manifest.composeExtensions[0]!.commands;
    assert.deepEqual([command!.id, command!.type, command!.title], ['searchKb', 'query', 'Search KB']);
    assert.equal(PNG.sync.read(built.files.get(manifest.icons.color)!).width, 192);
    assert.equal(PNG.sync.read(built.files.get(manifest.icons.outline)!).width, 32);
  });

  it('validates offline: nothing is fetched while building and validating', async () => {
    const originalFetch = globalThis.fetch;
    const fetched: string[] = [];
    globalThis.fetch = (async (input: string | URL | Request) => {
      fetched.push(String(input));
      throw new Error('no network in this test');
    }) as typeof fetch;
    try {
      const built = await buildTeamsAppPackage({ appId: APP_ID });
      assert.deepEqual(built.problems, []);
    } finally {
      globalThis.fetch = originalFetch;
    }
    assert.deepEqual(fetched, []);
  });

  it("reports schema errors from @microsoft/app-manifest's bundled schema", async () => {
    const problems = await problemsOf((_dir, manifest) => {
      manifest.bots[0]!.scopes = ['personal', 'everywhere'];
      manifest.name = { short: 'An app name far longer than thirty characters' };
      delete manifest.developer;
    });
    assert.ok(
      problems.some((p) => p.includes("must have required property 'developer'")),
      problems.join('\n'),
    );
    assert.ok(
      problems.some((p) => p.includes('/name/short must NOT have more than 30 characters')),
      problems.join('\n'),
    );
    assert.ok(
      problems.some((p) => p.includes('/bots/0/scopes/1 must be equal to one of the allowed values')),
      problems.join('\n'),
    );
  });

  it('refuses a $schema it would have to download, and a manifestVersion that does not match it', async () => {
    let problems = await problemsOf((_dir, manifest) => {
      manifest.$schema = 'https://example.com/teams.schema.json';
    });
    assert.ok(
      problems.some((p) => p.includes('not a Teams manifest schema that @microsoft/app-manifest ships offline')),
      problems.join('\n'),
    );
    problems = await problemsOf((_dir, manifest) => {
      manifest.manifestVersion = '1.16';
    });
    assert.ok(
      problems.some((p) => /manifestVersion is "1\.16" but \$schema is the v[\d.]+ schema/.test(p)),
      problems.join('\n'),
    );
  });

  it('checks the icons as Teams does: sizes, and a white-on-transparent outline', async () => {
    let problems = await problemsOf((dir) => copyFileSync(join(dir, 'color.png'), join(dir, 'outline.png')));
    assert.ok(
      problems.some((p) => p.includes('outline.png is 192x192, Teams requires 32x32')),
      problems.join('\n'),
    );

    problems = await problemsOf((dir) => {
      const red = new Uint8Array(32 * 32 * 4);
      for (let i = 0; i < red.length; i += 4) red.set(i < 64 * 4 ? [0, 0, 0, 0] : [255, 0, 0, 255], i);
      writeFileSync(join(dir, 'outline.png'), encodePng({ width: 32, height: 32, pixels: red }));
    });
    assert.ok(
      problems.some((p) => p.includes('neither white nor transparent')),
      problems.join('\n'),
    );

    problems = await problemsOf((dir) => writeFileSync(join(dir, 'color.png'), 'not a png'));
    assert.ok(
      problems.some((p) => p.includes('color.png cannot be read as a PNG')),
      problems.join('\n'),
    );

    problems = await problemsOf((_dir, manifest) => {
      manifest.icons.color = 'missing.png';
    });
    assert.ok(
      problems.some((p) => p.includes('missing.png is not in the package')),
      problems.join('\n'),
    );
  });

  it('checks what ties the package to this bot: placeholders filled, ids, the search command the bot answers', async () => {
    const problems = await problemsOf((_dir, manifest) => {
      manifest.developer = { name: 'x', websiteUrl: '${{BOT_DOMAIN}}', privacyUrl: 'https://example.com/p', termsOfUseUrl: 'https://example.com/t' };
      manifest.composeExtensions[0]!.botId = '99999999-9999-4999-8999-999999999999';
      manifest.composeExtensions[0]!.commands[0]!.id = 'findArticles';
    });
    assert.ok(problems.includes('unfilled placeholders: BOT_DOMAIN'), problems.join('\n'));
    assert.ok(
      problems.some((p) => p.startsWith('composeExtensions[0].botId must be the app id')),
      problems.join('\n'),
    );
    assert.ok(
      problems.some((p) => p.includes('no message-extension command "searchKb"')),
      problems.join('\n'),
    );
  });

  describe("the bot understands every command in the manifest's command list", () => {
    let bot: RunningServer;
    before(async () => {
      bot = await startServer({ config: { ...readConfig({}), port: 0 }, knowledge: sharedKnowledgeBase(), log: memoryLogger() });
    });
    after(async () => {
      await bot.close();
    });

    it('check my setup, search and help each get their own reply, not "no answer"', async () => {
      const manifest = JSON.parse((await buildTeamsAppPackage({ appId: APP_ID })).manifestJson) as Manifest;
      const replies: Record<string, string> = {};
      for (const { title } of manifest.bots[0]!.commandLists[0]!.commands) {
        const [reply] = await exchange(bot.url, messageActivity(title, { channelId: 'msteams' }));
        replies[title] = cardTexts(reply!)[0] ?? reply!.text ?? '';
      }
      assert.equal(replies['check my setup'], 'Which Exchange version is it?');
      assert.match(replies.search!, /Type your question/);
      assert.match(replies.help!, /I can help in two ways/);
    });
  });
});
