#!/usr/bin/env node
// `npm start`: runs the compiled service (dist/bot/index.js), building it first if dist/ is missing
// or older than the sources. In production dist/ is built once, at deployment (see README, "Deploy").
'use strict';
const nodeModule = require('node:module');
const { join } = require('node:path');
const { ensureBuilt } = require('./build');

// Node 22.1 and newer keep V8's compiled code on disk (in the system temporary folder) between starts,
// so a start does not compile botbuilder, restify and the rest again. Older Node has no such cache.
nodeModule.enableCompileCache?.();

require('./node20').useNode20Sqlite();

try {
  ensureBuilt();
} catch (error) {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
// Stack traces point at the TypeScript sources (tsc writes source maps beside the code).
process.setSourceMapsEnabled(true);
require(join(__dirname, '..', 'dist', 'bot', 'index.js'));
