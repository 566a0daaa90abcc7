// @ts-check
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');

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
    files: ['tests/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // Product code reads configuration only through bot/config (bot/config/index.ts). Tests and benchmarks may set up child processes' environments.
    files: ['bot/**/*.ts', 'cards/**/*.ts', 'knowledge/**/*.ts', 'store/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
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
