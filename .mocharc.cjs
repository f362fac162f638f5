// Mocha's settings. A spec named on the command line (`npx mocha dist/test/knowledge/x.test.js`)
// runs alone: mocha adds command-line specs to the configured ones, so the full list is configured
// only when none is named.
const named = process.argv.slice(2).some((arg) => !arg.startsWith('-') && /\.test\.js$/.test(arg));

module.exports = {
  spec: named ? [] : ['dist/test/**/*.test.js'],
  timeout: 30000,
  reporter: 'spec',
  'enable-source-maps': true,
};
