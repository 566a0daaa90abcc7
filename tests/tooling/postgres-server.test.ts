// The embedded PostgreSQL that jest's global setup starts when TEST_DATABASE_URL is not set.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Client } from 'pg';

jest.setTimeout(60_000);

const HELPER = join(__dirname, '..', 'setup', 'postgres-server.js');
const folders = () => readdirSync(tmpdir()).filter((name) => name.startsWith('practice-companion-pg-'));

test('starts a real PostgreSQL on a loopback port, and stops it and removes its folder when its stdin closes', async () => {
  const before = new Set(folders());
  const child = spawn(process.execPath, [HELPER], { stdio: ['pipe', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const line = await new Promise<string>((resolve) => createInterface({ input: child.stdout }).once('line', resolve));
  const { url } = JSON.parse(line) as { url: string };
  expect(url).toMatch(/^postgres:\/\/postgres:[^@]+@127\.0\.0\.1:\d+\/test$/);

  const folder = folders().find((name) => !before.has(name));
  expect(folder).toBeDefined();
  const client = new Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ version: string }>('SELECT version()');
  await client.end();
  expect(rows[0]?.version).toMatch(/^PostgreSQL \d+/);

  child.stdin.end();
  expect(await exited).toBe(0);
  expect(existsSync(join(tmpdir(), folder ?? 'missing'))).toBe(false);
  const refused = new Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  refused.on('error', () => undefined);
  await expect(refused.connect()).rejects.toThrow();
});
