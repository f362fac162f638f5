import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { buildTeamsAppPackage, TEAMS_APP_DIR } from './app-package';

/** Where `npm run teams:package` writes the zip unless `--out <file>` says otherwise (git-ignored). */
export const DEFAULT_PACKAGE_FILE = join(TEAMS_APP_DIR, 'build', 'appPackage.zip');

// `npm run teams:package [-- --out file.zip]`: the Teams app package for the bot whose app id is
// MicrosoftAppId (environment or .env), validated offline; exit 1 with every problem otherwise.
async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const outIndex = process.argv.indexOf('--out');
  const out = resolve(outIndex >= 0 && process.argv[outIndex + 1] ? process.argv[outIndex + 1]! : DEFAULT_PACKAGE_FILE);
  const appId = process.env.MicrosoftAppId ?? '';
  if (!appId) {
    console.error("MicrosoftAppId is not set: set it (environment or .env) to the Azure Bot's Microsoft App ID, the app the package installs.");
    process.exit(1);
  }
  const built = await buildTeamsAppPackage({ appId });
  if (built.problems.length > 0) {
    console.error(`The Teams app package is not valid (${built.problems.length} problems):`);
    for (const problem of built.problems) console.error(`  ${problem}`);
    process.exit(1);
  }
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, await built.zip());
  const manifest = JSON.parse(built.manifestJson) as { manifestVersion: string };
  console.log(`Wrote ${relative(process.cwd(), out) || out}: manifest ${manifest.manifestVersion}, app id ${appId}, ${[...built.files.keys()].join(', ')}; validated offline.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
