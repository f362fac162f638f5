// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The layers (README, "How it works"): knowledge/ knows nothing of Bot Framework, the server or the
// conversations; dialogs/ hold conversations and know nothing of the server or the bot that hosts
// them. Relative imports are matched by regex, so `../bot/x` and `../../bot/x` are both caught.
const BOT_FRAMEWORK = {
  group: ['botbuilder', 'botbuilder-*', 'botframework-*', '@microsoft/agents-*'],
  message: 'knowledge/ knows nothing of either SDK (Bot Framework, Agents): each is adapted in bot/hosts/<sdk>/.',
};
const RESTIFY = { group: ['restify', 'restify-*'], message: 'Only bot/ runs the HTTP server.' };
const BOT = { regex: '(^|/)bot(/|$)', message: 'bot/ builds on this layer, not the other way round.' };
const DIALOGS = { regex: '(^|/)dialogs(/|$)', message: 'knowledge/ knows nothing of the conversations: dialogs/ build on it.' };
// dialogs/turn/ is the conversation core's own interface (issue 23): below dialogs/ and bot/, above no SDK.
// Only the hosts (bot/hosts/<sdk>/) and the server entry points use an SDK.
const SDK_PLACES = ['bot/hosts/botbuilder/**', 'bot/hosts/agents/**', 'bot/index.ts', 'bot/agents-index.ts'];
const ANY_SDK = {
  group: ['botbuilder', 'botbuilder-*', 'botframework-*', '@microsoft/agents-*'],
  message: 'dialogs/turn/ is the interface no SDK owns: each SDK is adapted to it in bot/hosts/<sdk>/.',
};
const ABOVE_TURN = { regex: '^\\.\\.(/|$)', message: 'dialogs/turn/ is the interface dialogs/ and bot/ build on: it imports nothing outside its folder.' };

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'test-output/', 'bench/tmp/', 'release/', 'teamsApp/build/', '.azurite/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { require: 'readonly', module: 'readonly', __dirname: 'readonly', process: 'readonly', console: 'readonly' },
    },
    rules: {
      // `_name` marks a value deliberately left unused (a destructured-away field, a handler argument).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true }],
      // CommonJS output: `require.main === module` and a few deliberate require() calls for packages without usable exports.
      '@typescript-eslint/no-require-imports': 'off',
      // The type system, not the linter, guards these in this code base (strict mode, noUncheckedIndexedAccess).
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Control characters in regexes are deliberate (bot/incoming-text.ts removes them from user text).
      'no-control-regex': 'off',
    },
  },
  {
    files: ['knowledge/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [BOT_FRAMEWORK, RESTIFY, BOT, DIALOGS] }] },
  },
  {
    // The conversation core: routing, Teams specifics, cards, records, state, the server; on dialogs/turn/ alone.
    files: ['bot/**/*.ts'],
    ignores: SDK_PLACES,
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ ...ANY_SDK, message: 'bot/ runs on dialogs/turn/: an SDK is used only in bot/hosts/<sdk>/ and the entry points (bot/index.ts, bot/agents-index.ts).' }] },
      ],
    },
  },
  {
    files: ['dialogs/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { ...ANY_SDK, message: 'dialogs/ run on the turn interface of dialogs/turn/, not on an SDK (issue 23).' },
            RESTIFY,
            { ...BOT, message: 'dialogs/ are hosted by bot/ and know nothing of it: take what you need as a constructor argument.' },
          ],
        },
      ],
    },
  },
  {
    // After dialogs/'s block, so that this stricter list is the one that holds in dialogs/turn/.
    files: ['dialogs/turn/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [ANY_SDK, RESTIFY, ABOVE_TURN] }] },
  },
  {
    // The knowledge tests hold to the same layer; they may pass questions through the bot's mention
    // removal (a dependency-free function), as the bot does before it searches.
    files: ['test/knowledge/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [BOT_FRAMEWORK, RESTIFY, DIALOGS, { regex: '(^|/)bot/(?!incoming-text$)', message: BOT.message }] }],
    },
  },
  {
    // The dialog tests use the bot's real card replies and logger, never its server.
    files: ['test/dialogs/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            RESTIFY,
            { regex: '(^|/)bot/(server|adapter|index|http|webchat|storage)(/|$)', message: 'Dialog tests drive dialogs directly (DialogTestClient), not through the server.' },
          ],
        },
      ],
    },
  },
  {
    // Test files may use `any` for wire JSON they then check field by field.
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
