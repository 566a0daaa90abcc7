const { OLD_NODE } = require('./bin/node20');

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
