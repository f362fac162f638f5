import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundledKnowledgeDir, loadKnowledgeBase } from '../knowledge';
import { defaultSearchIndexFile, defaultYamlValuesFile } from '../knowledge/search/search-index-cache';
import { buildRelease } from '../tools/release/build-release';
import { DIST_DIR, REPO_ROOT, TMP_DIR } from './lib/paths';
import { freePort, runNode, startNode } from './lib/processes';
import { median, round } from './lib/stats';
import { startupBreakdown, type StartupBreakdown } from './lib/startup-profile';
import { cpuMsOf } from './lib/process-cpu';
import { asMarkdown, corpusGeneratorFor } from './lib/synthetic-corpus';

/**
 * Start-up: wall time from spawning `node dist/bot/index.js` (what `npm start` runs after its build)
 * to the first 200 from GET /healthz, polled every 5 ms, with a prebuilt index (`npm run kb:build`)
 * and without one (built at start), alternating, on a copy of our knowledge base and on one with
 * 1,000 synthetic articles added. A stale index (an article edited after kb:build) is checked once: the bot must
 * rebuild and say so. The knowledge copies live in bench/tmp/ and are removed afterwards.
 */
export interface StartupVariant {
  knowledge: string;
  articles: number;
  variant: 'built at start' | 'prebuilt index' | 'stale index (rebuilt)';
  runs: number[];
  medianMs: number;
  minMs: number;
  maxMs: number;
  /** The search-index log line the bot printed (checked against the variant). */
  logLine: string;
}

export interface StartupFigures {
  /** The release artifact (npm run package), per Node binary: what App Service runs. */
  release?: ReleaseStartup[];
  variants: StartupVariant[];
  kbBuildMs: Record<string, number>;
}

/** Start-up of `node release/server.js` on one Node binary. */
export interface ReleaseStartup {
  node: string;
  /** Wall time from spawn to the first 200 from /healthz, per counted run. */
  runs: number[];
  medianMs: number;
  minMs: number;
  maxMs: number;
  /** CPU time (user + system, every thread) the process had used when /healthz answered; undefined where /proc is missing. */
  cpuRuns?: number[];
  medianCpuMs?: number;
  /** Where one extra, profiled start spent its CPU (the profiler slows it; not counted above). */
  profile?: StartupBreakdown;
}

/**
 * The Node binaries to time the release on: the one running the bench, and Node 22 from .ci/node22/
 * when .ci/run left one there (a machine whose own node is older: App Service runs Node 22).
 */
export function releaseNodes(): string[] {
  const ci22 = join(REPO_ROOT, '.ci', 'node22', 'package', 'bin', process.platform === 'win32' ? 'node.exe' : 'node');
  return process.versions.node.split('.')[0] !== '22' && existsSync(ci22) ? [process.execPath, ci22] : [process.execPath];
}

/**
 * One start of `<node> server.js` in `dir`, as the templates start it (source maps on), timed to the
 * first 200 from /healthz polled every 5 ms. With `profileDir`, started under --cpu-prof.
 */
async function releaseStart(node: string, dir: string, profileDir?: string, lingerMs = 0): Promise<{ ms: number; cpuMs?: number }> {
  const port = await freePort();
  const args = ['--enable-source-maps', '--disable-warning=DEP0111', ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, '--cpu-prof-interval=250'] : []), 'server.js'];
  const started = performance.now();
  // Only PATH and PORT: a developer's environment or .env must not change what is measured.
  const child = spawn(node, args, { cwd: dir, env: { PATH: process.env.PATH ?? '', PORT: String(port) }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    if (stderr.length < 100_000) stderr += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`release/server.js on ${node} exited with ${child.exitCode}: ${stderr.slice(-2000)}`);
      if (performance.now() - started > 60_000) throw new Error(`release/server.js on ${node} was not ready within 60 s`);
      try {
        const response = await fetch(`http://127.0.0.1:${port}/healthz`);
        if (response.status === 200) {
          const ms = performance.now() - started;
          const cpuMs = cpuMsOf(child.pid!);
          await response.text();
          if (lingerMs > 0) await new Promise((resolve) => setTimeout(resolve, lingerMs));
          return { ms, ...(cpuMs === undefined ? {} : { cpuMs }) };
        }
      } catch {
        // Not listening yet.
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  } finally {
    // SIGTERM: the bot shuts down cleanly, and the profiler writes its file.
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
  }
}

/**
 * Start-up of the release artifact: `npm run package` into bench/tmp/, then `runs` starts per Node
 * binary after one uncounted warm-up (it saves the code cache, as the first start after a deploy
 * does: bot/release-loader.ts), the binaries alternating so that other load falls on each alike; then one profiled start each.
 */
export async function runReleaseStartup(runs = 10, progress: (line: string) => void = () => undefined): Promise<ReleaseStartup[]> {
  const dir = join(TMP_DIR, `release-${process.pid}`);
  const profileRoot = join(TMP_DIR, `release-profile-${process.pid}`);
  try {
    mkdirSync(TMP_DIR, { recursive: true });
    await buildRelease(dir);
    const nodes = releaseNodes();
    const samples = new Map(nodes.map((node) => [node, [] as Array<{ ms: number; cpuMs?: number }>]));
    // The warm-up lives on for a second after ready: server.js saves its code cache half a second after.
    for (const node of nodes) await releaseStart(node, dir, undefined, 1500);
    for (let i = 0; i < runs; i += 1) for (const node of nodes) samples.get(node)!.push(await releaseStart(node, dir));
    const figures: ReleaseStartup[] = [];
    for (const node of nodes) {
      const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
      const profileDir = join(profileRoot, String(figures.length));
      mkdirSync(profileDir, { recursive: true });
      await releaseStart(node, dir, profileDir);
      const times = samples.get(node)!.map((s) => s.ms);
      const cpu = samples.get(node)!.flatMap((s) => (s.cpuMs === undefined ? [] : [s.cpuMs]));
      figures.push({
        node: version,
        runs: times.map((t) => round(t, 1)),
        medianMs: round(median(times), 1),
        minMs: round(Math.min(...times), 1),
        maxMs: round(Math.max(...times), 1),
        ...(cpu.length === times.length ? { cpuRuns: cpu, medianCpuMs: median(cpu) } : {}),
        profile: startupBreakdown(profileDir, dir),
      });
      const last = figures.at(-1)!;
      progress(`startup: release/server.js on Node ${version}: ${last.medianMs} ms wall (min ${last.minMs}), ${last.medianCpuMs ?? 'n/a'} ms CPU, medians of ${runs}`);
    }
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(profileRoot, { recursive: true, force: true });
  }
}

async function timeToReady(knowledgeDir: string): Promise<{ ms: number; log: string }> {
  const port = await freePort();
  const started = performance.now();
  const bot = startNode(['--disable-warning=DEP0111', join(DIST_DIR, 'bot', 'index.js')], { PORT: String(port), KNOWLEDGE_DIR: knowledgeDir }, undefined, 60_000, TMP_DIR);
  try {
    const deadline = started + 60_000;
    for (;;) {
      if (bot.child.exitCode !== null) throw new Error(`the bot exited with ${bot.child.exitCode}: ${bot.stderr().slice(-2000)}`);
      if (performance.now() > deadline) throw new Error('the bot was not ready within 60 s');
      try {
        const response = await fetch(`http://127.0.0.1:${port}/healthz`);
        if (response.status === 200) {
          const ms = performance.now() - started;
          await response.text();
          const log =
            bot
              .stderr()
              .split('\n')
              .find((line) => line.includes('search index')) ?? '';
          return { ms, log };
        }
      } catch {
        // Not listening yet.
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  } finally {
    await bot.stop();
  }
}

interface Sample {
  ms: number;
  message: string;
}

/** One start, checked to have logged what the variant implies. */
async function sample(dir: string, expectLog: RegExp, what: string): Promise<Sample> {
  const { ms, log } = await timeToReady(dir);
  if (!expectLog.test(log)) throw new Error(`${what}: expected a log line matching ${expectLog}, got: ${log || '(none)'}`);
  return { ms, message: JSON.parse(log).message as string };
}

function variantOf(knowledge: string, articles: number, variant: StartupVariant['variant'], samples: Sample[]): StartupVariant {
  const times = samples.map((s) => s.ms);
  return {
    knowledge,
    articles,
    variant,
    runs: times.map((t) => round(t, 1)),
    medianMs: round(median(times), 1),
    minMs: round(Math.min(...times), 1),
    maxMs: round(Math.max(...times), 1),
    logLine: samples.at(-1)?.message ?? '',
  };
}

export async function runStartup(runs = 5, syntheticArticles = 1000, progress: (line: string) => void = () => undefined, releaseRuns = 10): Promise<StartupFigures> {
  // The artifact first: it is what production starts, and the shortest part.
  const release = await runReleaseStartup(releaseRuns, progress);
  const root = join(TMP_DIR, `startup-${process.pid}`);
  const bundled = join(root, 'kb');
  const large = join(root, `kb-${syntheticArticles}`);
  const variants: StartupVariant[] = [];
  const kbBuildMs: Record<string, number> = {};
  try {
    mkdirSync(root, { recursive: true });
    for (const dir of [bundled, large]) {
      cpSync(join(bundledKnowledgeDir(), 'articles'), join(dir, 'articles'), { recursive: true });
      cpSync(join(bundledKnowledgeDir(), 'data'), join(dir, 'data'), { recursive: true });
    }
    const real = loadKnowledgeBase(bundled, { searchIndexFile: false }).articles;
    const generator = corpusGeneratorFor(real);
    for (const article of generator.articles(syntheticArticles)) writeFileSync(join(large, 'articles', `${article.id}.md`), asMarkdown(article));

    for (const [label, dir, count] of [
      ['our knowledge base (copy)', bundled, real.length],
      [`ours + ${syntheticArticles} synthetic articles`, large, real.length + syntheticArticles],
    ] as const) {
      const indexFile = defaultSearchIndexFile(dir);
      const yamlFile = defaultYamlValuesFile(dir);
      rmSync(indexFile, { force: true });
      rmSync(yamlFile, { force: true });
      await timeToReady(dir); // warm-up: file cache, not counted
      const started = performance.now();
      await runNode([join(DIST_DIR, 'knowledge', 'cli', 'kb-build.js'), dir]);
      kbBuildMs[label] = round(performance.now() - started, 1);
      // "Prebuilt" is everything kb:build saves (the index and the parsed YAML); "built" is neither.
      const saved = `${indexFile}.saved`;
      const savedYaml = `${yamlFile}.saved`;
      copyFileSync(indexFile, saved);
      copyFileSync(yamlFile, savedYaml);
      // Alternate the two variants, so that other load on the machine falls on both alike.
      const built: Sample[] = [];
      const prebuilt: Sample[] = [];
      for (let i = 0; i < runs; i += 1) {
        rmSync(indexFile, { force: true });
        rmSync(yamlFile, { force: true });
        built.push(await sample(dir, /no prebuilt index/, `${label}, built at start`));
        copyFileSync(saved, indexFile);
        copyFileSync(savedYaml, yamlFile);
        prebuilt.push(await sample(dir, /prebuilt index matches/, `${label}, prebuilt index`));
      }
      rmSync(saved, { force: true });
      rmSync(savedYaml, { force: true });
      variants.push(variantOf(label, count, 'built at start', built), variantOf(label, count, 'prebuilt index', prebuilt));
      progress(`startup: ${label}: built ${variants.at(-2)!.medianMs} ms, prebuilt ${variants.at(-1)!.medianMs} ms`);
    }
    // An edit after kb:build makes the index stale: the bot rebuilds it and logs why.
    const edited = join(bundled, 'articles', 'EXB-004.md');
    writeFileSync(edited, readFileSync(edited, 'utf8').replace('keywords: [', 'keywords: [quorum, '));
    variants.push(variantOf('our knowledge base (copy)', real.length, 'stale index (rebuilt)', [await sample(bundled, /stale/, 'stale index')]));
    return { release, variants, kbBuildMs };
  } finally {
    for (const dir of [bundled, large]) {
      rmSync(defaultSearchIndexFile(dir), { force: true });
      rmSync(defaultYamlValuesFile(dir), { force: true });
    }
    rmSync(root, { recursive: true, force: true });
  }
}

if (require.main === module && process.argv[2] === 'release') {
  runReleaseStartup(Number(process.argv[3] ?? 10), (line) => console.log(line))
    .then((figures) => console.log(JSON.stringify(figures, null, 1)))
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
} else if (require.main === module) {
  runStartup(Number(process.argv[2] ?? 5), Number(process.argv[3] ?? 1000), (line) => console.log(line))
    .then((figures) => console.log(JSON.stringify(figures, null, 1)))
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
