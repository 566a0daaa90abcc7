// The deploy package, built as it is deployed: the files infra/.webappignore keeps (the Agents Toolkit's zip
// deploy) and the files docs/deploy.md's zip step keeps, each copied into a temporary folder, compiled there
// as `npm run build` does before deploying, and started there in local mode. The console's Check and Publish
// must work from it: the check questions ship inside the frameworks' files, and nothing reads tests/.
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { CONSOLE_CALL_HEADER } from '../../bot/web/console/routes';

jest.setTimeout(240_000);

const ROOT = join(__dirname, '..', '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

/** Every file of the project as a checkout holds it (tracked, and new files not yet committed), minus ignored ones. */
function projectFiles(): string[] {
  const run = spawnSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(run.stderr);
  return run.stdout.split('\0').filter((f) => f !== '' && existsSync(join(ROOT, f)));
}

/** infra/.webappignore read as the Toolkit reads it (gitignore rules): a name matches at any depth; "dir/" only folders. */
function webappIgnored(): (path: string) => boolean {
  const patterns = read('infra/.webappignore')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((p) => ({
      folderOnly: p.endsWith('/'),
      re: new RegExp(
        `^${p
          .replace(/\/$/, '')
          .replace(/[.+^${}()|[\]\\]/g, '\\$&')
          .replace(/\*/g, '[^/]*')}$`,
      ),
    }));
  return (path) => {
    const parts = path.split('/');
    return parts.some((part, i) => patterns.some((p) => (!p.folderOnly || i < parts.length - 1) && p.re.test(part)));
  };
}

/** The `-x` patterns of docs/deploy.md's `zip -qr app.zip . -x …` line, read as zip reads them (from the top, * spans folders). */
function zipIgnored(): (path: string) => boolean {
  const line = read('docs/deploy.md')
    .split('\n')
    .find((l) => /zip -qr app\.zip \. -x /.test(l));
  if (!line) throw new Error('docs/deploy.md has no zip step');
  const patterns = [...line.split(' -x ')[1]!.matchAll(/'([^']+)'/g)].map(
    (m) => new RegExp(`^${m[1]!.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`),
  );
  return (path) => patterns.some((p) => p.test(path));
}

function copyPackage(ignored: (path: string) => boolean): string {
  const dir = mkdtempSync(join(tmpdir(), 'pc-package-'));
  for (const file of projectFiles().filter((f) => !ignored(f))) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    cpSync(join(ROOT, file), join(dir, file));
  }
  // App Service installs the dependencies itself (CUSTOM_BUILD_COMMAND): here, the ones already installed.
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

async function startFrom(dir: string): Promise<{ url: string; child: ChildProcess }> {
  const data = mkdtempSync(join(tmpdir(), 'pc-package-data-'));
  const child = spawn(process.execPath, [join(dir, 'bin', 'start.js')], {
    cwd: data,
    env: {
      PATH: process.env['PATH'] ?? '',
      PORT: '0',
      HOST: '127.0.0.1',
      DEFAULT_FRAMEWORK: 'lbbd',
      DATABASE_URL: `sqlite:${join(data, 'db.sqlite')}`,
    },
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const take = (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const m = /"event":"listening","url":"([^"]+)"/.exec(out);
      if (m?.[1]) resolve(m[1]);
    };
    child.stdout?.on('data', take);
    child.stderr?.on('data', take);
    child.on('exit', (code) => reject(new Error(`exited with ${String(code)} before listening:\n${out}`)));
  });
  return { url, child };
}

type Json = Record<string, unknown>;

describe('the deploy package, built and started as it is deployed', () => {
  const packages: string[] = [];
  let toolkit: string;
  let zip: string;
  beforeAll(() => {
    toolkit = copyPackage(webappIgnored());
    zip = copyPackage(zipIgnored());
    packages.push(toolkit, zip);
    // `npm run build` just before the upload; both packages carry the same compiled dist/.
    const build = spawnSync(process.execPath, [join(toolkit, 'bin', 'build.js')], {
      cwd: toolkit,
      encoding: 'utf8',
      timeout: 180_000,
    });
    if (build.status !== 0) throw new Error(`build failed: ${build.stderr}${build.stdout}`);
    cpSync(join(toolkit, 'dist'), join(zip, 'dist'), { recursive: true });
  });
  afterAll(() => {
    for (const dir of packages) rmSync(dir, { recursive: true, force: true });
  });

  test('neither package holds tests/; both hold the frameworks with their check questions', () => {
    for (const dir of [toolkit, zip]) {
      expect([dir, existsSync(join(dir, 'tests'))]).toEqual([dir, false]);
      expect(readFileSync(join(dir, 'knowledge', 'frameworks', 'lbbd.yaml'), 'utf8')).toMatch(/\n {4}checks:\n/);
    }
  });

  test.each([
    ['the Agents Toolkit (infra/.webappignore)', () => toolkit],
    ["docs/deploy.md's zip step", () => zip],
  ])(
    'from %s: Check works, an edit that breaks one check question is refused without a reason, and publishes with one',
    async (_name, dirOf) => {
      const { url, child } = await startFrom(dirOf());
      try {
        const call = async (method: string, path: string, body?: unknown) => {
          const res = await fetch(`${url}/api/console/frameworks/${path}`, {
            method,
            headers: {
              [CONSOLE_CALL_HEADER]: 'console',
              ...(body !== undefined && { 'content-type': 'application/json' }),
            },
            ...(body !== undefined && { body: JSON.stringify(body) }),
          });
          return { status: res.status, json: (await res.json()) as Json };
        };
        const framework = async () =>
          (await call('GET', 'lbbd')).json as { entries: Json[]; etags: { entries: Record<string, string> } };
        const save = async (entry: Json) =>
          call('PUT', 'lbbd/draft/entries/lbbd-compassion', {
            entry,
            etag: (await framework()).etags.entries['lbbd-compassion'],
          });

        const entry = (await framework()).entries.find((e) => e['id'] === 'lbbd-compassion')!;
        const aliases = entry['aliases'] as string[];
        const own = {
          ...entry,
          aliases: [...aliases, 'quokka zebra'],
          checks: [...(entry['checks'] as string[]), 'quokka zebra'],
        };
        expect((await save(own)).status).toBe(200);
        const first = await call('POST', 'lbbd/draft/check');
        expect(first.status).toBe(200);
        expect(first.json['summary']).toBe(
          'No question staff might ask would get a worse answer, and 1 question would now get the right one.',
        );
        expect((await call('POST', 'lbbd/publish', { note: 'Staff say quokka zebra' })).status).toBe(200);

        expect((await save({ ...own, aliases })).status).toBe(200);
        const checked = await call('POST', 'lbbd/draft/check');
        expect(checked.json['summary']).toBe('1 question staff might ask would now get a different answer, or none.');
        const refused = await call('POST', 'lbbd/publish', { note: 'Tidy the aliases' });
        expect(refused.status).toBe(422);
        const published = await call('POST', 'lbbd/publish', { note: 'Tidy the aliases', reason: 'Nobody says it.' });
        expect([published.status, published.json['version']]).toEqual([200, 2]);
      } finally {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
    },
  );
});
