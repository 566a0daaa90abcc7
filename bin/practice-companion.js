#!/usr/bin/env node
// The `practice-companion` command. It runs the compiled CLI in dist/, building dist/ first if it is
// missing or older than the sources (tsc's messages, if any, go to stderr, never into the answers).
'use strict';
const nodeModule = require('node:module');
const { join } = require('node:path');
const { ensureBuilt } = require('./build');

// Node 22.1 and newer keep V8's compiled code on disk (in the system temporary folder) between starts,
// so a start does not compile botbuilder, restify and the rest again. Older Node has no such cache.
nodeModule.enableCompileCache?.();

// The data and backup commands open the store: on Node 20, with better-sqlite3 12 (see ./node20.js).
require('./node20').useNode20Sqlite();

try {
  ensureBuilt();
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
process.setSourceMapsEnabled(true);
const { main } = require(join(__dirname, '..', 'dist', 'bot', 'cli.js'));

main(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  },
);
