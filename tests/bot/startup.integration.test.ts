import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** Runs the real entry point, compiled, as `npm start` does (bin/start.js), in an empty folder (so no .env is read). */
function start(env: Record<string, string>) {
  const cwd = mkdtempSync(join(tmpdir(), 'pc-start-'));
  return spawnSync(process.execPath, [join(ROOT, 'bin', 'start.js')], {
    cwd,
    env: { PATH: process.env['PATH'] ?? '', PORT: '0', HOST: '127.0.0.1', ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
}

describe('starting the service', () => {
  test("an invalid knowledge base stops it, with the validator's file:line:column messages", () => {
    const dir = mkdtempSync(join(tmpdir(), 'pc-badkb-'));
    const fixture = readFileSync(join(__dirname, '..', 'fixtures', 'frameworks', 'anytown.yaml'), 'utf8');
    writeFileSync(
      join(dir, 'anytown.yaml'),
      fixture.replace('kind: principle\n    number: 1', 'kind: principal\n    number: 1'),
    );
    const run = start({ KNOWLEDGE_DIR: dir });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /The knowledge base has problems, so the service will not start:\nanytown\.yaml:\d+:11 anytown-listen-first\.kind: is "principal", which is not a kind/,
    );
  });

  test('NODE_ENV=production without MicrosoftAppId stops it, saying what to set', () => {
    const run = start({ NODE_ENV: 'production' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /Configuration problem\. MicrosoftAppId: is not set, and NODE_ENV is production\. Set MicrosoftAppId/,
    );
  });

  test('an unknown DEFAULT_FRAMEWORK stops it, naming the variable and the choices', () => {
    const run = start({ DEFAULT_FRAMEWORK: 'atlantis' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/DEFAULT_FRAMEWORK: "atlantis" is not a framework: use one of jersey, lbbd/);
  });

  test('a port already in use stops it with one plain line naming PORT and how to fix it, not a stack trace', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as AddressInfo;
    try {
      const cwd = mkdtempSync(join(tmpdir(), 'pc-start-'));
      const run = await new Promise<{ status: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [join(ROOT, 'bin', 'start.js')], {
          cwd,
          env: {
            PATH: process.env['PATH'] ?? '',
            PORT: String(port),
            HOST: '127.0.0.1',
            DATABASE_URL: `sqlite:${join(cwd, 'db.sqlite')}`,
          },
        });
        let stderr = '';
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
        child.on('exit', (status) => resolve({ status, stderr }));
      });
      expect(run.status).toBe(1);
      expect(run.stderr.trim().split('\n')).toEqual([
        `Port ${port} is already in use on 127.0.0.1, perhaps by another copy of Practice Companion. Stop that, or set PORT to a free port (for example PORT=${port + 1}).`,
      ]);
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  }, 60_000);

  test('the compiled service starts and serves its pages: the tab, the console, /healthz and /readyz (their files are found from dist/)', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'pc-start-'));
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'start.js')], {
      cwd,
      env: {
        PATH: process.env['PATH'] ?? '',
        PORT: '0',
        HOST: '127.0.0.1',
        DATABASE_URL: `sqlite:${join(cwd, 'db.sqlite')}`,
      },
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString('utf8');
          const m = /"event":"listening","url":"([^"]+)"/.exec(out);
          if (m?.[1]) resolve(m[1]);
        });
        child.on('exit', (code) => reject(new Error(`exited with ${String(code)} before listening:\n${out}`)));
      });
      for (const path of ['/healthz', '/readyz', '/tab', '/console']) {
        expect([path, (await fetch(`${url}${path}`)).status]).toEqual([path, 200]);
      }
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  }, 60_000);
});
