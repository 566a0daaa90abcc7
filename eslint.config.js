// @ts-check
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');

/** A path into tests/: 'tests', 'tests/eval', '../tests/helpers/kb'. */
const TESTS_PATH = String.raw`/(^|\x2F)tests(\x2F|$)/`; // \x2F: a slash, which esquery's /…/ cannot hold
/** What tests, benchmarks and scripts share lives in testkit/; none of it ships. */
const PRODUCT_IMPORTS_NO_KIT = {
  group: ['**/tests', '**/tests/**', '**/testkit', '**/testkit/**', '**/evaluation/**', '**/bench/**', '**/scripts/**'],
  message: 'Product code imports nothing from tests/, testkit/, evaluation/, bench/ or scripts/: none of them ships.',
};

/** botbuilder and restify: only bot/platform/ imports them (docs/platform.md). */
const SEAM_IMPORTS = {
  group: ['botbuilder', 'botbuilder-*', 'botframework-*', 'restify', 'restify-*'],
  message:
    'Only bot/platform/ imports botbuilder or restify: use the types and functions in bot/platform/ (docs/platform.md).',
};
const TESTS_IMPORTS = {
  group: ['**/tests', '**/tests/**'],
  message: 'Import what tests share from testkit/, never from tests/.',
};
const BENCH_IMPORTS = {
  group: ['**/bench', '**/bench/**'],
  message: 'Tests import nothing from bench/: move what both need to testkit/.',
};
/** knowledge/ knows nothing of Teams or of the service that hosts it: the bot passes it what it needs. */
const BOT_IMPORTS = {
  group: ['**/bot', '**/bot/**'],
  message:
    'knowledge/ imports nothing from bot/: declare the narrow type it needs in knowledge/ and let the bot pass its own (knowledge/live/live-knowledge.ts does).',
};
const PRODUCT_FOLDERS = ['bot/**', 'cards/**', 'knowledge/**', 'store/**', 'schedule/**', 'time/**'];

module.exports = tseslint.config(
  { ignores: ['node_modules/', 'build/', 'dist/', 'dist.building-*/', 'coverage/', 'data/', 'tab/vendor/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: __dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
    },
  },
  {
    // Tests may assert what they have just set up (`find(...)!`): a wrong guess fails the test, which is the check.
    files: ['tests/**/*.ts', 'testkit/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // Product code reads configuration only through bot/config (bot/config/index.ts). Tests and benchmarks may set up child processes' environments.
    files: ['bot/**/*.ts', 'cards/**/*.ts', 'knowledge/**/*.ts', 'store/**/*.ts', 'schedule/**/*.ts', 'time/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [PRODUCT_IMPORTS_NO_KIT, SEAM_IMPORTS] }],
      'no-restricted-syntax': [
        'error',
        // What ships reads nothing under tests/ (a deployed copy has none): not by import, not by path.
        {
          selector: `Literal[value=${TESTS_PATH}], TemplateElement[value.raw=${TESTS_PATH}]`,
          message:
            'Product code reads nothing under tests/ (a deployed copy has none): keep the data beside the code that reads it.',
        },
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Read configuration through bot/config (bot/config/index.ts) only (see ../shared/style.md §5).',
        },
        {
          // restify's body parsers write multipart uploads to $TMPDIR before sign-in (formidable 1.2.6),
          // and serveStatic is send's CVE-2024-43799 path. docs/security.md counts on neither being used.
          selector:
            'MemberExpression[property.name=/^(bodyParser|multipartBodyParser|urlEncodedBodyParser|jsonBodyParser|serveStatic|serveStaticFiles)$/]',
          message:
            "Bodies are read by bot/web/request-body.ts (JSON only, in memory); restify's parsers and static serving stay unused (docs/security.md).",
        },
      ],
    },
  },
  {
    // The platform seam: only bot/platform/ talks to botbuilder and restify; everything else takes the
    // project's own Turn, Activity and Routes (bot/platform/types.ts). docs/platform.md says why. Here for
    // what no block below covers (bin/, console/, tab/, the root); the blocks below repeat it.
    files: ['**/*.ts', '**/*.js', '**/*.mjs'],
    ignores: [...PRODUCT_FOLDERS, 'tests/**', 'testkit/**', 'bench/**', 'scripts/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [SEAM_IMPORTS] }] },
  },
  {
    // The seam itself: botbuilder and restify, and still nothing from the kit.
    files: ['bot/platform/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [PRODUCT_IMPORTS_NO_KIT] }] },
  },
  {
    // knowledge/ knows nothing of Teams: not botbuilder, not bot/ (its config, logger or turns), and still nothing from the kit.
    files: ['knowledge/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [PRODUCT_IMPORTS_NO_KIT, SEAM_IMPORTS, BOT_IMPORTS] }] },
  },
  {
    // testkit/ is what tests, benchmarks and scripts share. Benchmarks, scripts and the kit take nothing
    // from tests/; tests take nothing from bench/ (what both need goes in testkit/). bench/echo-bot.ts
    // measures botbuilder itself, so it alone of them imports it.
    files: ['bench/**/*.ts', 'scripts/**/*.ts', 'testkit/**/*.ts'],
    ignores: ['bench/echo-bot.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [TESTS_IMPORTS, SEAM_IMPORTS] }] },
  },
  {
    files: ['bench/echo-bot.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [TESTS_IMPORTS] }] },
  },
  {
    // Tests drive botbuilder's TestAdapter and CloudAdapter directly.
    files: ['tests/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [BENCH_IMPORTS] }] },
  },
  {
    files: ['**/*.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        process: 'readonly',
        console: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
