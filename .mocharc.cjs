// Mocha's settings. A spec named on the command line (`npx mocha dist/test/knowledge/x.test.js`)
// runs alone: mocha adds command-line specs to the configured ones, so the full list is configured
// only when none is named.
const { readdirSync } = require('node:fs');
const { join } = require('node:path');

const named = process.argv.slice(2).some((arg) => !arg.startsWith('-') && /\.test\.js$/.test(arg));

// The files that take longest, started first: in parallel mode a worker takes the next file when it
// is free, so a long file started last would run alone at the end. Relative to dist/test; a file
// missing here is simply not moved.
const LONGEST_FIRST = [
  'knowledge/direct-answers-one-truth.test.js',
  'knowledge/decide.test.js',
  'fuzz/conversations.test.js',
  'knowledge/rules-validation.test.js',
  'knowledge/outcome-table-cache.test.js',
  'production/release-artifact.test.js',
  'load/concurrent-conversations.test.js',
  'load/vocabulary-soak.test.js',
  // Session 14 (t14): in-process CPU of a serial run, 16 s, 11 s and 9 s; by name they came near the end.
  'teams/adaptive-cards.test.js',
  'owners/hostile-knowledge.test.js',
  'security/admin-surface.test.js',
  'knowledge/phrase-table-cache.test.js',
  'knowledge/articles.test.js',
  'knowledge/search-index-cache.test.js',
  'knowledge/assumed-facts.test.js',
];

/** Every built test file (dist/test/**\/*.test.js), the longest first, then in name order. */
function specs() {
  const root = join(__dirname, 'dist', 'test');
  let found;
  try {
    found = readdirSync(root, { recursive: true })
      .map((name) => String(name).split('\\').join('/'))
      .filter((name) => name.endsWith('.test.js'))
      .sort();
  } catch {
    return ['dist/test/**/*.test.js'];
  }
  const rank = (name) => (LONGEST_FIRST.includes(name) ? LONGEST_FIRST.indexOf(name) : LONGEST_FIRST.length);
  return found.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0)).map((name) => `dist/test/${name}`);
}

module.exports = {
  spec: named ? [] : specs(),
  // `npm test` runs the files in two worker processes (mocha's default is one fewer than the cores,
  // a single worker on a 2-core machine). Every server, Azurite and browser test listens on a free
  // port and writes in its own temporary folder, so two files never share one.
  ...(named ? {} : { parallel: true, jobs: 2 }),
  timeout: 30000,
  reporter: 'spec',
  'enable-source-maps': true,
};
