import { readdirSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { join } from 'node:path';

/** Where one start of the release artifact spent its CPU, by original source (from `--cpu-prof` and bot.js.map). */
export interface StartupBreakdown {
  /** Sampled time up to the end of the profile (the process stops right after /healthz answered). */
  totalMs: number;
  /** Self time by source: a package of node_modules, a folder of ours, or a VM bucket; largest first, under 2% summed. */
  bySource: Array<{ source: string; ms: number }>;
  /** Inclusive time of the phases a start goes through (a phase holds the ones it calls). */
  phases: Array<{ phase: string; ms: number }>;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

// Functions of ours whose inclusive time says what a start spends where (names as in the sources).
const PHASES: Array<[string, RegExp, string]> = [
  ['loading the knowledge base (validation, articles, rules, index)', /knowledge\/knowledge-base\.ts$/, 'loadValidated'],
  ['  phrase tables (FactRecognizer construction)', /knowledge\/reading\/fact-recognizer\.ts$/, 'FactRecognizer'],
  ['  articles (front matter, Markdown sections)', /knowledge\/loading\/articles\.ts$/, 'readArticles'],
  ['  table validation (zod)', /knowledge\/loading\/yaml-source\.ts$/, 'validateYaml'],
  ['direct answers (tables for the direct replies)', /knowledge\/direct-answers\/index\.ts$/, 'DirectAnswers'],
  ['starting the server (host SDK, restify, routes)', /bot\/server\.ts$/, 'startServer'],
];

/** The source a bundle position came from: `pkg:<name>`, our folder (`knowledge/reading`), or the file. */
function sourceName(original: string): string {
  const dependency = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(original)?.[1];
  if (dependency) return `pkg:${dependency}`;
  const ours = /(?:^|\/)((?:bot|knowledge|dialogs)\/(?:[^/]+\/)?)/.exec(original.replace(/^(\.\.\/)+/, ''))?.[1];
  return ours ? ours.replace(/\/$/, '') : original;
}

/**
 * Reads the single profile in `dir` (a start of `bundleDir`'s server.js with `--cpu-prof`) and maps
 * every sample of bot.js back to its original file through bot.js.map.
 */
export function startupBreakdown(dir: string, bundleDir: string): StartupBreakdown {
  const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
  if (!file) throw new Error(`no .cpuprofile in ${dir}`);
  const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  const map = new SourceMap(JSON.parse(readFileSync(join(bundleDir, 'bot.js.map'), 'utf8')) as ConstructorParameters<typeof SourceMap>[0]);
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const original = new Map<number, string>();
  const originalOf = (node: ProfileNode): string => {
    let known = original.get(node.id);
    if (known !== undefined) return known;
    const { url, functionName, lineNumber, columnNumber } = node.callFrame;
    if (url.endsWith('/bot.js')) {
      const entry = map.findEntry(lineNumber, columnNumber) as { originalSource?: string };
      known = entry.originalSource ?? 'bot.js (unmapped: module wrappers)';
    } else if (url.startsWith('node:')) known = 'Node.js core (module loading, fs)';
    else if (url === '') known = functionName === '(garbage collector)' ? 'garbage collection' : `V8 (${functionName || 'native'})`;
    else known = url;
    original.set(node.id, known);
    return known;
  };

  const bySource = new Map<string, number>();
  const byPhase = new Map<string, number>();
  let totalMs = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const node = nodes.get(id)!;
    if (node.callFrame.functionName === '(idle)') return;
    totalMs += ms;
    const source = sourceName(originalOf(node));
    bySource.set(source, (bySource.get(source) ?? 0) + ms);
    const counted = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = nodes.get(at)!;
      for (const [phase, sourcePattern, functionName] of PHASES) {
        if (!counted.has(phase) && frame.callFrame.functionName === functionName && sourcePattern.test(originalOf(frame))) {
          counted.add(phase);
          byPhase.set(phase, (byPhase.get(phase) ?? 0) + ms);
        }
      }
    }
  });
  const small = [...bySource].filter(([, ms]) => ms / totalMs < 0.02);
  return {
    totalMs: Math.round(totalMs),
    bySource: [...bySource]
      .filter(([, ms]) => ms / totalMs >= 0.02)
      .concat(small.length > 0 ? [[`${small.length} other sources (under 2% each)`, small.reduce((n, [, ms]) => n + ms, 0)]] : [])
      .map(([source, ms]) => ({ source, ms: Math.round(ms) }))
      .sort((a, b) => b.ms - a.ms),
    phases: PHASES.map(([phase]) => ({ phase, ms: Math.round(byPhase.get(phase) ?? 0) })),
  };
}
