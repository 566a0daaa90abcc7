// @ts-check
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');

/** A path into tests/: 'tests', 'tests/eval', '../tests/helpers/kb'. */
const TESTS_PATH = String.raw`/(^|\x2F)tests(\x2F|$)/`; // \x2F: a slash, which esquery's /…/ cannot hold
/** What tests, benchmarks and scripts share lives in testkit/; none of it ships. */
const PRODUCT_IMPORTS_NO_KIT = {
  group: ['**/tests', '**/tests/**', '**/testkit', '**/testkit/**', '**/bench/**', '**/scripts/**'],
  message: 'Product code imports nothing from tests/, testkit/, bench/ or scripts/: none of them ships.',
};

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
      'no-restricted-imports': ['error', { patterns: [PRODUCT_IMPORTS_NO_KIT] }],
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
            "Bodies are read by bot/request-body.ts (JSON only, in memory); restify's parsers and static serving stay unused (docs/security.md).",
        },
      ],
    },
  },
  {
    // testkit/ is what tests, benchmarks and scripts share. Benchmarks, scripts and the kit take nothing
    // from tests/; tests take nothing from bench/ (what both need goes in testkit/).
    files: ['bench/**/*.ts', 'scripts/**/*.ts', 'testkit/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/tests', '**/tests/**'],
              message: 'Import what tests share from testkit/, never from tests/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['tests/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/bench', '**/bench/**'],
              message: 'Tests import nothing from bench/: move what both need to testkit/.',
            },
          ],
        },
      ],
    },
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
