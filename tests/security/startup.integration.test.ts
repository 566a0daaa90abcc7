// Finding 2 (an open local bot) and finding 9 (deprecation warnings at every start), on the real entry point.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

/** Starts `bot/index.ts` as `npm start` does, waits until it listens, stops it, and returns what it wrote. */
/** On Node 20, what jest.config.js sets so child processes load better-sqlite3 12 (bin/node20.js). */
const NODE_OPTIONS = process.env['NODE_OPTIONS'] ? { NODE_OPTIONS: process.env['NODE_OPTIONS'] } : {};

async function startAndStop(env: Record<string, string>): Promise<{ stdout: string; stderr: string; url: string }> {
  const cwd = mkdtempSync(join(tmpdir(), 'pc-sec-start-'));
  const child = spawn(TSX, [join(ROOT, 'bot', 'index.ts')], {
    cwd,
    env: { PATH: process.env['PATH'] ?? '', ...NODE_OPTIONS, PORT: '0', DATABASE_URL: 'sqlite::memory:', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`did not start:\n${stdout}\n${stderr}`)), 30_000);
    child.stdout.on('data', () => {
      const match = /"url":"([^"]+)"/.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.on('exit', () => reject(new Error(`exited:\n${stdout}\n${stderr}`)));
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  child.kill('SIGTERM');
  await exited;
  return { stdout, stderr, url };
}

describe('starting the service', () => {
  test('anonymous with no HOST listens on 127.0.0.1 only, and prints no deprecation warning', async () => {
    const run = await startAndStop({});
    expect(run.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(run.stderr).not.toMatch(/DeprecationWarning|DEP0\d+/);
    expect(run.stdout).not.toMatch(/DeprecationWarning|DEP0\d+/);
    expect(run.stdout).not.toMatch(/anonymous-on-network/);
  }, 40_000);

  // 192.0.2.1 (TEST-NET-1) is not on this machine, so nothing is ever bound beyond loopback: the
  // warning comes before listening, then the start fails with EADDRNOTAVAIL.
  test('anonymous with HOST set to a network address warns loudly, once, before listening', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'pc-sec-start-'));
    const run = spawnSync(TSX, [join(ROOT, 'bot', 'index.ts')], {
      cwd,
      env: {
        PATH: process.env['PATH'] ?? '',
        ...NODE_OPTIONS,
        PORT: '0',
        DATABASE_URL: 'sqlite::memory:',
        HOST: '192.0.2.1',
      },
      encoding: 'utf8',
      timeout: 30_000,
    });
    const warnings = run.stdout.split('\n').filter((l) => l.includes('"event":"anonymous-on-network"'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/HOST is 192\.0\.2\.1, so this UNAUTHENTICATED bot can be reached from the network/);
    // Nothing signs people in, so the console and the editor answer no one (tests/security/local-only.test.ts).
    expect(warnings[0]).toMatch(/The console and framework editor are closed/);
  }, 40_000);

  test('HOST=127.0.0.1 set explicitly is loopback: no warning', async () => {
    const run = await startAndStop({ HOST: '127.0.0.1' });
    expect(run.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(run.stdout).not.toMatch(/anonymous-on-network/);
  }, 40_000);
});
