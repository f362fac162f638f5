import { copyFileSync, cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundledKnowledgeDir, loadKnowledgeBase } from '../knowledge';
import { defaultSearchIndexFile, defaultYamlValuesFile } from '../knowledge/search/search-index-cache';
import { DIST_DIR, TMP_DIR } from './lib/paths';
import { freePort, runNode, startNode } from './lib/processes';
import { median, round } from './lib/stats';
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
  variants: StartupVariant[];
  kbBuildMs: Record<string, number>;
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

export async function runStartup(runs = 5, syntheticArticles = 1000, progress: (line: string) => void = () => undefined): Promise<StartupFigures> {
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
    return { variants, kbBuildMs };
  } finally {
    for (const dir of [bundled, large]) {
      rmSync(defaultSearchIndexFile(dir), { force: true });
      rmSync(defaultYamlValuesFile(dir), { force: true });
    }
    rmSync(root, { recursive: true, force: true });
  }
}

if (require.main === module) {
  runStartup(Number(process.argv[2] ?? 5), Number(process.argv[3] ?? 1000), (line) => console.log(line))
    .then((figures) => console.log(JSON.stringify(figures, null, 1)))
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
