const { OLD_NODE } = require('./bin/node20');

if (OLD_NODE) {
  // Node processes the tests start (the fan-out sender, the service) load better-sqlite3 12 as well.
  const preload = `--require ${JSON.stringify(require.resolve('./bin/node20-preload.js'))}`;
  const options = process.env.NODE_OPTIONS ?? '';
  if (!options.includes('node20-preload')) process.env.NODE_OPTIONS = `${options} ${preload}`.trim();
}

/** What both projects share. */
const common = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { diagnostics: false }],
  },
  // On Node 20 (end of life), better-sqlite3 12 in place of 13, which needs Node 22: see bin/node20.js.
  moduleNameMapper: OLD_NODE ? { '^better-sqlite3$': 'better-sqlite3-node20' } : {},
};

/**
 * Two projects, told apart by file name; `npm test` runs both.
 *   - unit: `*.test.ts`. Needs nothing but Node: no PostgreSQL (SQLite in memory or in a temporary
 *     folder), no Chromium, no dist/, no child processes; loopback sockets inside the process are fine.
 *     Enforced: TEST_DATABASE_URL is unset for it and `node:child_process` refuses (tests/setup/).
 *     `npm run test:unit`, or `npx jest --selectProjects unit`.
 *   - integration: `*.integration.test.ts`. Its global setup provides PostgreSQL, Chromium and dist/
 *     (tests/setup/global-setup.ts); jest runs it only when a test of this project is selected.
 *     `npm run test:integration`.
 * Fuzz and property tests try a tenth of their cases unless PC_FUZZ_RUNS=full (as in CI): tests/helpers/fuzz.ts.
 * @type {import('jest').Config}
 */
module.exports = {
  // Turn-level tests start the whole service; on a shared 2-core machine 5 s (jest's default) is too close.
  // Timings are never asserted here: they belong to the benchmarks. (Set here, not in a project: jest
  // reads the test time-out only from the top level, and ignored it in `common`.)
  testTimeout: 15_000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '\\.integration\\.test\\.ts$'],
      setupFiles: ['<rootDir>/tests/setup/loopback-only.ts', '<rootDir>/tests/setup/unit-only.ts'],
      moduleNameMapper: {
        ...common.moduleNameMapper,
        '^(node:)?child_process$': '<rootDir>/tests/setup/no-child-processes.ts',
      },
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['**/*.integration.test.ts'],
      // PostgreSQL, Chromium and dist/, once per run: see tests/setup/global-setup.ts.
      globalSetup: '<rootDir>/tests/setup/global-setup.ts',
      globalTeardown: '<rootDir>/tests/setup/global-teardown.ts',
      setupFiles: ['<rootDir>/tests/setup/loopback-only.ts'],
    },
  ],
};
