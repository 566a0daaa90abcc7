#!/usr/bin/env node
// Compiles the service and the CLI to dist/ with tsc (tsconfig.build.json), and records a hash of the
// sources it compiled, so that `npm start` and the CLI can tell when dist/ is missing or stale.
//   node bin/build.js          build now
//   require('./build').ensureBuilt()   build only if dist/ is missing or stale
'use strict';
const { spawnSync } = require('node:child_process');
const { createHash } = require('node:crypto');
const { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } = require('node:fs');
const { join, relative } = require('node:path');

const ROOT = join(__dirname, '..');
const DIST = join(ROOT, 'dist');
const STAMP = '.source-hash';
/** Everything tsconfig.build.json compiles, and the settings it compiles them with. */
const SOURCE_DIRS = ['bot', 'cards', 'knowledge', 'store', 'schedule', 'time'];
const SOURCE_FILES = ['tsconfig.json', 'tsconfig.build.json'];

function listSources() {
  const files = SOURCE_FILES.map((f) => join(ROOT, f));
  const walk = (dir) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) files.push(path);
    }
  };
  SOURCE_DIRS.forEach((d) => walk(join(ROOT, d)));
  return files.sort();
}

/** A hash of the names and contents of the sources: unlike times, it survives zip files and fresh clones. */
function sourceHash() {
  const hash = createHash('sha256');
  for (const file of listSources()) {
    hash.update(relative(ROOT, file)).update('\0');
    hash.update(existsSync(file) ? readFileSync(file) : '').update('\0');
  }
  return hash.digest('hex');
}

/** Why dist/ must be built, or undefined when it is up to date. */
function staleness() {
  if (!existsSync(join(DIST, 'bot', 'index.js'))) return 'dist/ is missing';
  let built;
  try {
    built = readFileSync(join(DIST, STAMP), 'utf8').trim();
  } catch {
    return 'dist/ was not built by bin/build.js';
  }
  return built === sourceHash() ? undefined : 'the sources changed since dist/ was built';
}

/** Compiles into a fresh folder, then puts it in place of dist/; throws with tsc's verdict on failure. */
function build() {
  let tsc;
  try {
    tsc = require.resolve('typescript/bin/tsc', { paths: [ROOT] });
  } catch {
    throw new Error('dist/ needs building, and TypeScript is not installed: run `npm ci`, then `npm run build`.');
  }
  const hash = sourceHash();
  const out = join(ROOT, `dist.building-${process.pid}`);
  rmSync(out, { recursive: true, force: true });
  // tsc prints its errors on stdout; send them to stderr, so that a CLI's own output stays clean.
  const run = spawnSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json'), '--outDir', out], {
    cwd: ROOT,
    stdio: ['ignore', 2, 2],
  });
  if (run.status !== 0) {
    rmSync(out, { recursive: true, force: true });
    throw new Error(`tsc could not compile the service (exit ${run.status ?? run.signal}): see its messages above.`);
  }
  writeFileSync(join(out, STAMP), `${hash}\n`);
  rmSync(DIST, { recursive: true, force: true });
  renameSync(out, DIST);
}

/** Builds dist/ if it is missing or stale; `say` gets one line when it does. */
function ensureBuilt(say = (line) => process.stderr.write(`${line}\n`)) {
  const reason = staleness();
  if (!reason) return false;
  say(`Building the service with tsc (${reason})…`);
  build();
  return true;
}

module.exports = { build, ensureBuilt, sourceHash, staleness, DIST };

if (require.main === module) {
  try {
    build();
    process.stdout.write(`built ${relative(process.cwd(), DIST) || DIST}/\n`);
  } catch (error) {
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 1;
  }
}
