import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import JSZip from 'jszip';
import { RELEASE_WEB_CHAT_FILE } from '../../bot/webchat/local-web-chat';
import { unusedRequiresPlugin } from './unused-requires';
import { asciiBundle } from './ascii-bundle';

// `npm run package`: the production server as one folder, release/, that runs with `node server.js`
// and no node_modules at all, and release/release.zip of the same files for App Service's zip deploy.
//
//   server.js               the entry point (npm start): bot.js through load-bundle.js, on botbuilder
//   agents-server.js        the same on the Microsoft 365 Agents SDK (npm run start:agents): the
//                           start-up command chooses the host
//   load-bundle.js          bot/release-loader.ts: runs bot.js with a V8 code cache, maps stack traces
//   bot.js (+ .map)         bot/release-main.ts (both hosts' start) and everything it imports, bundled
//                           by esbuild (the source map keeps stack traces pointing at the TypeScript)
//   kb-build.js             npm run kb:build, bundled the same way (no map), to rebuild the index in place
//   knowledge/              articles/ and data/, validated again at every start
//   .cache/                 the prebuilt search index and parsed YAML, built here by kb-build.js
//   webchat/webchat.js.gz   Web Chat's browser bundle for the local page (local mode only), gzipped
//   package.json            name, version, engines and `npm start`; no dependencies

/**
 * The entry point: loads the bundle through load-bundle.js (bot/release-loader.ts), which keeps a V8
 * code cache of everything the start compiled, taken once the server is ready, and maps stack traces
 * through bot.js.map; then starts the host. Node's compile cache (module.enableCompileCache) kept
 * only the bundle's outer function: every module body compiled again at each start.
 */
function serverJs(start: string, host: string): string {
  return `'use strict';
// Exchange support bot on ${host}, built by npm run package: see bot.js (bundled by esbuild) and bot.js.map.
const loaded = require('./load-bundle.js').loadBundle(require('node:path').join(__dirname, 'bot.js'));
const bot = loaded.exports;
bot.jsonLogger('info', \`code cache: \${loaded.cacheStatus}\`, { file: loaded.cacheFile });
// Half a second after ready: the first requests are not kept waiting while the cache is written.
${start}.then(() => setTimeout(() => loaded.saveCodeCache(), 500).unref());
`;
}

/** The entry points of the two hosts (README, "Two hosts"): the start-up command names one. */
export const RELEASE_ENTRIES = { botbuilder: 'server.js', agents: 'agents-server.js' } as const;

/** The package root (this file is dist/tools/release/build-release.js once compiled). */
export const ROOT = join(__dirname, '..', '..', '..');
export const RELEASE_DIR = join(ROOT, 'release');
export const RELEASE_ZIP = 'release.zip';

/**
 * Packages left out of the bundle. restify asks for dtrace-provider inside a try (a native module
 * for DTrace probes, never built here: allowScripts) and works without it.
 */
const EXTERNAL = ['dtrace-provider'];

export interface ReleaseReport {
  dir: string;
  files: number;
  bytes: number;
  zipBytes: number;
  serverBytes: number;
}

/** Builds release/ (emptied first) and release/release.zip; throws with esbuild's or kb-build's errors. */
export async function buildRelease(dir: string = RELEASE_DIR): Promise<ReleaseReport> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const rootPackage = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string; description: string; license: string; engines: unknown };

  // server.js with its source map; kb-build.js, a tool run at packaging time and on request, without.
  await bundle({ bot: join(ROOT, 'bot', 'release-main.ts') }, dir, true);
  // ASCII alone, so that load-bundle.js reads it without decoding UTF-8 (ascii-bundle.ts), its map moved alike.
  const mapFile = join(dir, 'bot.js.map');
  const map = JSON.parse(readFileSync(mapFile, 'utf8')) as { mappings: string };
  const ascii = asciiBundle(readFileSync(join(dir, 'bot.js'), 'utf8'), map);
  writeFileSync(join(dir, 'bot.js'), ascii.code);
  writeFileSync(mapFile, JSON.stringify({ ...map, mappings: ascii.mappings }));
  // As bot/index.ts and bot/agents-index.ts.
  writeFileSync(join(dir, RELEASE_ENTRIES.botbuilder), serverJs("bot.runBotMain('botbuilder')", 'botbuilder'));
  writeFileSync(join(dir, RELEASE_ENTRIES.agents), serverJs("bot.runBotMain('agents', bot.refuseContradictingAgentsSettings)", 'the Microsoft 365 Agents SDK'));
  // The loader, readable as written (a few kB, no map): it runs before the bundle's source map is in use.
  await bundle({ 'load-bundle': join(ROOT, 'bot', 'release-loader.ts') }, dir, false, false);
  await bundle({ 'kb-build': join(ROOT, 'knowledge', 'cli', 'kb-build.ts') }, dir, false);

  for (const folder of ['articles', 'data']) cpSync(join(ROOT, 'knowledge', folder), join(dir, 'knowledge', folder), { recursive: true });
  const webChat = webChatBundle();
  if (webChat) {
    mkdirSync(join(dir, 'webchat'), { recursive: true });
    writeFileSync(join(dir, 'webchat', RELEASE_WEB_CHAT_FILE), gzipSync(readFileSync(webChat), { level: 9 }));
  }

  writeFileSync(
    join(dir, 'package.json'),
    `${JSON.stringify(
      {
        name: rootPackage.name,
        version: rootPackage.version,
        private: true,
        description: rootPackage.description,
        license: rootPackage.license,
        engines: rootPackage.engines,
        main: 'server.js',
        // What App Service runs when no start-up command is set; the templates set the same command.
        scripts: { start: 'node --enable-source-maps server.js' },
      },
      null,
      2,
    )}\n`,
  );

  // The prebuilt index, made by the bundled code itself: its hash covers exactly what server.js checks.
  const indexed = spawnSync(process.execPath, [join(dir, 'kb-build.js')], { cwd: dir, encoding: 'utf8' });
  if (indexed.status !== 0) throw new Error(`kb-build.js in ${dir} failed (exit ${indexed.status}):\n${indexed.stderr}${indexed.stdout}`);

  const zipBytes = await writeZip(dir);
  const files = listFiles(dir).filter((file) => file !== RELEASE_ZIP);
  return {
    dir,
    files: files.length,
    bytes: files.reduce((sum, file) => sum + statSync(join(dir, file)).size, 0),
    zipBytes,
    serverBytes: statSync(join(dir, 'bot.js')).size,
  };
}

/** Bundles `entryPoints` into `dir` (CommonJS for Node 20+, licences in a .LEGAL.txt beside). */
async function bundle(entryPoints: Record<string, string>, dir: string, withSourceMap: boolean, minify = true): Promise<void> {
  await build({
    entryPoints,
    outdir: dir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // Whitespace and syntax only: names stay as written, so stack traces, logs and `constructor.name`
    // read as in the sources, and the two functions the server sends to the browser as their own
    // source text (bot/webchat) need no helper of the bundle (keepNames would add `__name` calls).
    minifyWhitespace: minify,
    minifySyntax: minify,
    sourcemap: withSourceMap,
    // Lines and names only: the TypeScript is in the repository at the release's commit.
    sourcesContent: false,
    // Licences of the bundled packages, in one file beside each bundle.
    legalComments: 'external',
    external: EXTERNAL,
    define: { BUNDLED_PACKAGE_VERSIONS: JSON.stringify({ minisearch: installedVersion('minisearch'), yaml: installedVersion('yaml'), marked: installedVersion('marked') }) },
    logLevel: 'warning',
    // The two `require.resolve` calls that read MiniSearch's and yaml's versions never run in the
    // bundle: BUNDLED_PACKAGE_VERSIONS answers first (knowledge/loading/bundled-versions.ts).
    logOverride: { 'require-resolve-not-external': 'silent' },
    // Modules the bot never runs, no longer loaded at every start (unused-requires.ts).
    plugins: [unusedRequiresPlugin()],
  });
}

/** Every file under `dir`, as paths relative to it with forward slashes, sorted. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
}

/** Zips every file of the folder (but the zip) at its root, as `az webapp deploy --type zip` expects. */
async function writeZip(dir: string): Promise<number> {
  const zip = new JSZip();
  for (const file of listFiles(dir)) if (file !== RELEASE_ZIP) zip.file(file, readFileSync(join(dir, file)), { date: new Date(0) });
  // Level 6: level 9 takes twice as long in JSZip for 1% less.
  const content = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'UNIX' });
  writeFileSync(join(dir, RELEASE_ZIP), content);
  return content.length;
}

/** An installed package's version, read from its package.json (found above its entry point). */
function installedVersion(name: string): string {
  for (let folder = dirname(require.resolve(name)); folder !== dirname(folder); folder = dirname(folder)) {
    const file = join(folder, 'package.json');
    if (existsSync(file)) {
      const manifest = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version: string };
      if (manifest.name === name) return manifest.version;
    }
  }
  throw new Error(`No package.json found for ${name}`);
}

/** Web Chat's browser bundle, or undefined without the (dev) package: the release then has no local page. */
function webChatBundle(): string | undefined {
  try {
    return join(dirname(require.resolve('botframework-webchat')), '..', 'dist', 'webchat.js');
  } catch {
    return undefined;
  }
}

if (require.main === module) {
  buildRelease()
    .then((report) => {
      const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
      console.log(
        `${relative(process.cwd(), report.dir) || report.dir}/: ${report.files} files, ${mb(report.bytes)} (bot.js ${mb(report.serverBytes)}); ` +
          `${RELEASE_ZIP} ${mb(report.zipBytes)}. Run it with: node ${relative(process.cwd(), join(report.dir, 'server.js'))}`,
      );
    })
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
