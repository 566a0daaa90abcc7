// kill -9 during publish leaves the old version or the new one live, never a mixture: a version and
// its audit entry are written in one transaction, and the service loads whichever is newest whole.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createLiveKnowledge } from '../../knowledge/live/live-knowledge';
import { loadConfig } from '../../bot/config';
import { createLogger } from '../../bot/logger';
import { openStore } from '../../store/open';
import { loadOrThrow } from '../../testkit/kb';
import { versionSource } from '../helpers/publish-loop';
import { BACKENDS } from '../../testkit/stores';

jest.setTimeout(120_000);

const ROOT = join(__dirname, '..', '..');

describe.each(BACKENDS)('publish killed with SIGKILL ($name)', (backend) => {
  test.each([1, 2, 3])('run %i: every version is whole, each has its audit entry, and the newest loads', async () => {
    const db = await backend.fresh();
    // Create the schema first, so the child spends its time publishing.
    await (await openStore(db.url)).close();
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'tests', 'helpers', 'publish-loop.ts'), db.url],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        // Killed at a different moment each run, while a publish is under way.
        if (/published 2\n/.test(out)) setTimeout(() => resolve(), Math.floor(Math.random() * 40));
      });
      child.on('exit', () => reject(new Error(`the publishing process ended by itself: ${err}`)));
    });
    child.kill('SIGKILL');
    await new Promise((r) => child.once('close', r));

    const store = await openStore(db.url);
    try {
      const versions = store.frameworkVersions!;
      const history = await versions.history('lbbd', 1000);
      expect(history.length).toBeGreaterThanOrEqual(2);
      expect(history.map((v) => v.version)).toEqual(
        Array.from({ length: history.length }, (_, i) => history.length - i),
      );
      for (const v of history)
        expect((await versions.version('lbbd', v.version))?.source).toBe(versionSource(v.version));
      const audit = await store.auditLog(['framework:lbbd'], 1000);
      expect(audit.map((a) => JSON.parse(a.detail).version).sort((a, b) => a - b)).toEqual(
        history.map((v) => v.version).sort((a, b) => a - b),
      );

      const config = loadConfig({ LOG_LEVEL: 'silent' }, '/nonexistent');
      const live = createLiveKnowledge({
        settings: config,
        initial: loadOrThrow(),
        versions,
        logger: createLogger(config, new Writable({ write: (_c, _e, done) => done() })),
      });
      expect(await live.refresh()).toBe(true);
      const newest = history[0]!.version;
      expect(live.current().sources.get('lbbd')).toMatchObject({ origin: 'console', version: newest });
      expect(live.current().kb.entry('lbbd-compassion')?.summary).toMatch(
        new RegExp(`^Version ${newest}: we treat children`),
      );
    } finally {
      await store.close();
      await db.drop();
    }
  });
});
