// better-sqlite3 on an end-of-life Node. better-sqlite3 13 (the dependency) needs Node 22 or newer:
// on Node 20 it crashes as soon as it opens a database. better-sqlite3 12 runs on Node 20 but aborts
// the process on Node 24 (its Statement destructor trips an assertion in Node 24's ObjectWrap, within
// seconds of start). So that this machine's Node 20, which CI still runs the suite on, keeps working
// until it is replaced, the devDependency `better-sqlite3-node20` holds 12, and on Node < 22 only,
// when it is installed, `require('better-sqlite3')` gets it. Production installs no devDependencies
// and runs Node 24, where nothing here applies. jest.config.js does the same for the tests.
'use strict';
const Module = require('node:module');

const major = Number(process.versions.node.split('.')[0]);
const OLD_NODE = major < 22;

function useNode20Sqlite() {
  if (!OLD_NODE) return false;
  try {
    require.resolve('better-sqlite3-node20');
  } catch {
    return false;
  }
  const resolve = Module._resolveFilename;
  Module._resolveFilename = function resolveFilename(request, ...rest) {
    return resolve.call(this, request === 'better-sqlite3' ? 'better-sqlite3-node20' : request, ...rest);
  };
  return true;
}

module.exports = { OLD_NODE, useNode20Sqlite };
