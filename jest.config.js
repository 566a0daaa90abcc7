const { OLD_NODE } = require('./bin/node20');

if (OLD_NODE) {
  // Node processes the tests start (the fan-out sender, the service) load better-sqlite3 12 as well.
  const preload = `--require ${JSON.stringify(require.resolve('./bin/node20-preload.js'))}`;
  const options = process.env.NODE_OPTIONS ?? '';
  if (!options.includes('node20-preload')) process.env.NODE_OPTIONS = `${options} ${preload}`.trim();
}

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { diagnostics: false }],
  },
  // PostgreSQL, Chromium and dist/, once per run: see tests/setup/global-setup.ts.
  globalSetup: '<rootDir>/tests/setup/global-setup.ts',
  globalTeardown: '<rootDir>/tests/setup/global-teardown.ts',
  setupFiles: ['<rootDir>/tests/setup/loopback-only.ts'],
  // On Node 20 (end of life), better-sqlite3 12 in place of 13, which needs Node 22: see bin/node20.js.
  moduleNameMapper: OLD_NODE ? { '^better-sqlite3$': 'better-sqlite3-node20' } : {},
};
