// What `npm start` and the `practice-companion` command do before running compiled code from dist/.
'use strict';
const nodeModule = require('node:module');
const { join } = require('node:path');
const { ensureBuilt } = require('./build');

/** Gets dist/ ready to run (building it if it is missing or older than the sources) and returns the path of `file` in it. */
function compiled(file) {
  // Node 22.1 and newer keep V8's compiled code on disk (in the system temporary folder) between
  // starts, so a start does not compile botbuilder, restify and the rest again. Older Node has none.
  nodeModule.enableCompileCache?.();
  // On Node 20, better-sqlite3 12 in place of 13 (see ./node20.js).
  require('./node20').useNode20Sqlite();
  try {
    ensureBuilt();
  } catch (error) {
    // tsc's messages, if any, go to stderr, never into the command's output.
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  // Stack traces point at the TypeScript sources (tsc writes source maps beside the code): ours only. With
  // node_modules' source maps too (botbuilder, the Azure SDK and others ship them), Node read and kept every
  // one as each module loaded, about 20 MB of the service's memory (docs/performance.md, "Memory over a
  // long run"). Node before 22.14 has no such choice, and maps them all.
  if (nodeModule.setSourceMapsSupport)
    nodeModule.setSourceMapsSupport(true, { nodeModules: false, generatedCode: false });
  else process.setSourceMapsEnabled(true);
  return join(__dirname, '..', 'dist', file);
}

module.exports = { compiled };
