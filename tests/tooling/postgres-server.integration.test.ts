// The embedded PostgreSQL that jest's global setup starts when TEST_DATABASE_URL is not set.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Client } from 'pg';

jest.setTimeout(60_000);

const HELPER = join(__dirname, '..', 'setup', 'postgres-server.js');

test('starts a real PostgreSQL on a loopback port, and stops it and removes its folder when its stdin closes', async () => {
  const child = spawn(process.execPath, [HELPER], { stdio: ['pipe', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    const line = await new Promise<string>((resolve) => createInterface({ input: child.stdout }).once('line', resolve));
    const { url, folder } = JSON.parse(line) as { url: string; folder: string };
    expect(url).toMatch(/^postgres:\/\/postgres:[^@]+@127\.0\.0\.1:\d+\/test$/);
    expect(existsSync(join(folder, 'data', 'PG_VERSION'))).toBe(true);

    const client = new Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query<{ version: string }>('SELECT version()');
    await client.end();
    expect(rows[0]?.version).toMatch(/^PostgreSQL \d+/);

    child.stdin.end();
    expect(await exited).toBe(0);
    expect(existsSync(folder)).toBe(false);
    const refused = new Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
    refused.on('error', () => undefined);
    await expect(refused.connect()).rejects.toThrow();
  } finally {
    child.stdin.end();
    await exited;
  }
});
