import { readFileSync } from 'node:fs';
import type { Plugin } from 'esbuild';

/**
 * Work the release's start did for code the bot never runs (issue 24: start-up under half a second),
 * left out of bot.js by rewriting a few statements of three packages as esbuild reads them. Each
 * rewrite keeps what the package exports and does; it only stops the start from paying for it:
 *
 * - restify's index loads every plugin it ships (static files with `send`, body parsers, the
 *   HTTP-signature parser with `sshpk`, ...) to export them as `restify.plugins`; the bot uses none.
 *   The export stays, as a getter that loads them when read.
 * - restify's server loads `spdy` (HTTP/2 over TLS) for `createServer({ spdy })`; the bot never
 *   passes it. `spdy` is loaded when a server asks for it.
 * - axios calls `getFetch()` once as its module loads, to build its fetch adapter ahead of use. That
 *   reads `globalThis.Request`, which makes Node load its own fetch (undici) at every start. In Node
 *   axios takes its http adapter first and the fetch adapter is built when asked for (its `get`), as
 *   before; only the early build goes.
 *
 * A rewrite whose text is not found (another version of the package) is left out and named in a
 * warning: the release is then the same as without it, and `test/production/unused-requires.test.ts`
 * fails on the installed versions until the rewrite is brought up to date or removed.
 */
export interface UnusedRequire {
  /** The file, as a path ending (forward slashes) under node_modules. */
  file: string;
  /** Why the rewrite is safe (for the warning and the test). */
  why: string;
  /** The exact text in the package, found once. */
  find: string;
  replace: string;
}

export const UNUSED_REQUIRES: readonly UnusedRequire[] = [
  {
    file: 'node_modules/restify/lib/index.js',
    why: 'restify.plugins and restify.pre, never used by the bot, load when read',
    find: "module.exports.plugins = require('./plugins');\nmodule.exports.pre = require('./plugins').pre;\n",
    replace:
      "Object.defineProperty(module.exports, 'plugins', { enumerable: true, configurable: true, get: function () { return require('./plugins'); } });\n" +
      "Object.defineProperty(module.exports, 'pre', { enumerable: true, configurable: true, get: function () { return require('./plugins').pre; } });\n",
  },
  {
    file: 'node_modules/restify/lib/server.js',
    why: 'spdy loads when a server is created with the spdy option, which the bot never sets',
    find: "var spdy = require('spdy');\n",
    replace: "var spdy = { createServer: function (options) { return require('spdy').createServer(options); } };\n",
  },
  {
    file: 'node_modules/axios/dist/node/axios.cjs',
    why: "axios's fetch adapter is built when first asked for, not as the module loads (which loaded Node's fetch)",
    find: '\ngetFetch();\n',
    replace: '\n',
  },
];

/** `text` with the rewrite applied, or undefined when its text is not there exactly once. */
export function applyUnusedRequire(text: string, rewrite: UnusedRequire): string | undefined {
  const at = text.indexOf(rewrite.find);
  if (at < 0 || text.indexOf(rewrite.find, at + 1) >= 0) return undefined;
  return text.slice(0, at) + rewrite.replace + text.slice(at + rewrite.find.length);
}

/** The esbuild plugin applying {@link UNUSED_REQUIRES}; `warn` hears of each rewrite that did not apply. */
export function unusedRequiresPlugin(warn: (message: string) => void = (message) => console.warn(message)): Plugin {
  const byEnding = new Map(UNUSED_REQUIRES.map((rewrite) => [rewrite.file, rewrite]));
  const filter = new RegExp(`(?:${UNUSED_REQUIRES.map((r) => r.file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$`);
  return {
    name: 'unused-requires',
    setup(build) {
      build.onLoad({ filter }, (args) => {
        const path = args.path.split('\\').join('/');
        const rewrite = [...byEnding].find(([ending]) => path.endsWith(`/${ending}`) || path.endsWith(ending))?.[1];
        if (!rewrite) return undefined;
        const text = readFileSync(args.path, 'utf8');
        const rewritten = applyUnusedRequire(text, rewrite);
        if (rewritten === undefined) {
          warn(`release: ${rewrite.file} left as it is (its text changed: ${rewrite.why}); see tools/release/unused-requires.ts`);
          return undefined;
        }
        return { contents: rewritten, loader: 'js' };
      });
    },
  };
}
