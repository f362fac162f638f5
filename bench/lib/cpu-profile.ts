import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where a process spent its CPU, by area (from a V8 `--cpu-prof` profile, self time). */
export interface CpuBreakdown {
  totalMs: number;
  /** Area → share of the sampled time (0..1), largest first. */
  shares: Array<{ area: string; ms: number; share: number }>;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
}

// Areas in the order they are tried: the first that matches a frame's script wins.
const AREAS: Array<[string, RegExp]> = [
  ['search (our code: knowledge/search/)', /dist\/knowledge\/search\//],
  ['MiniSearch', /node_modules\/minisearch\//],
  ['fact reading and phrase matching (our code: knowledge/reading/)', /dist\/knowledge\/reading\//],
  ['guided check and rules (our code: knowledge/rules/)', /dist\/knowledge\/rules\//],
  ['direct answers, listings and the rest of knowledge/ (our code)', /dist\/knowledge\//],
  ['dialogs and routing (our code)', /dist\/dialogs\//],
  ['cards and replies (our code)', /dist\/bot\/cards\//],
  ['state storage (our code)', /dist\/bot\/storage\//],
  ['owner records (our code)', /dist\/bot\/records\//],
  // The endpoint and the host are the echo bot's too (bench/echo-bot.ts).
  ['HTTP endpoint and SDK host glue (our code, shared with the echo bot)', /dist\/bot\/(http|hosts)\//],
  ['bot turn handling, middleware, logging (our code)', /dist\/bot\//],
  ['botbuilder-dialogs', /node_modules\/botbuilder-dialogs/],
  ['botbuilder core, adapter, connector, Azure HTTP pipeline', /node_modules\/(botbuilder|botframework-|@azure|@typespec|@microsoft)/],
  ['restify and HTTP parsing', /node_modules\/(restify|find-my-way|formidable|send|negotiator|qs)/],
  ['Node.js core (sockets, streams, crypto, module loading)', /^node:/],
];

/**
 * Reads the single profile written into `dir` and attributes its samples to {@link AREAS} (other
 * dependencies by package name; areas under 1% are summed as "everything else"). Samples in the
 * first `skipMs` (start-up and warm-up) are left out.
 */
export function cpuBreakdown(dir: string, skipMs = 0): CpuBreakdown {
  const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
  if (!file) throw new Error(`no .cpuprofile in ${dir}`);
  const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  let elapsed = 0;
  const areaOf = new Map<number, string>();
  for (const node of profile.nodes) {
    const { url, functionName } = node.callFrame;
    let area = AREAS.find(([, pattern]) => pattern.test(url))?.[0];
    const dependency = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1];
    if (!area && dependency) area = `${dependency} (dependency)`;
    if (!area)
      area =
        functionName === '(garbage collector)'
          ? 'garbage collection'
          : functionName === '(idle)' || functionName === '(program)'
            ? 'idle / VM'
            : 'V8 built-ins and native (JSON, regexps, writes)';
    areaOf.set(node.id, area);
  }
  const byArea = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    elapsed += ms;
    const area = areaOf.get(id) ?? 'unknown';
    if (area === 'idle / VM' || elapsed < skipMs) return;
    total += ms;
    byArea.set(area, (byArea.get(area) ?? 0) + ms);
  });
  const rest = [...byArea].filter(([, ms]) => ms / total < 0.01).reduce((n, [, ms]) => n + ms, 0);
  const shares = [...byArea]
    .filter(([, ms]) => ms / total >= 0.01)
    .concat(rest > 0 ? [['everything else (areas under 1% each)', rest]] : [])
    .map(([area, ms]) => ({ area, ms: Math.round(ms), share: Math.round((ms / total) * 1000) / 1000 }))
    .sort((a, b) => b.ms - a.ms);
  return { totalMs: Math.round(total), shares };
}
