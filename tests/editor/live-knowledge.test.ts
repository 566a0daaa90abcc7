// Which text is live, the file in git or a version published in the console (knowledge/README.md,
// "Editing in the console, and git"), and the swap that puts a new version in place whole.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createLiveKnowledge } from '../../knowledge/live/live-knowledge';
import { loadConfig } from '../../bot/config';
import { createLogger } from '../../bot/logger';
import { hashOf } from '../../knowledge/editor/source';
import { openStore } from '../../store/open';
import type { Store } from '../../store/types';
import { knowledgeDirWith } from '../helpers/kb';
import { loadOrThrow } from '../../testkit/kb';

const silent = new Writable({ write: (_c, _e, done) => done() });

describe('the live knowledge', () => {
  let store: Store;
  let dir: string;
  let file: string;
  beforeEach(async () => {
    store = await openStore('sqlite::memory:');
    dir = knowledgeDirWith();
    file = readFileSync(join(dir, 'lbbd.yaml'), 'utf8');
  });
  afterEach(async () => store.close());

  const instance = () => {
    const config = loadConfig({ LOG_LEVEL: 'silent', KNOWLEDGE_DIR: dir }, '/nonexistent');
    return createLiveKnowledge({
      settings: config,
      initial: loadOrThrow(dir),
      versions: store.frameworkVersions!,
      logger: createLogger(config, silent),
    });
  };
  const publish = (source: string, after: number, fileHash = hashOf(file)) =>
    store.frameworkVersions!.publish({
      frameworkId: 'lbbd',
      after,
      source,
      fileHash,
      note: 'n',
      reason: null,
      publishedBy: 'test',
      at: new Date(),
      diff: '{}',
      draftRev: null,
    });
  const edited = (words: string) =>
    file.replace('We treat children with kindness,', `${words} We treat children with kindness,`);

  test('a published version edited from the deployed file is live; the old state stays whole for a question already under way', async () => {
    const live = instance();
    const before = live.current();
    expect(await live.refresh()).toBe(false);
    expect(await publish(edited('Published.'), 0)).toBe(1);
    expect(await live.refresh()).toBe(true);
    expect(live.current().sources.get('lbbd')).toMatchObject({ origin: 'console', version: 1 });
    expect(live.kb.entry('lbbd-compassion')?.summary).toMatch(/^Published\./);
    expect(live.search.answer('value 1', { defaultFramework: 'lbbd' })).toMatchObject({
      found: true,
      entry: { summary: expect.stringMatching(/^Published\./) },
    });
    // What a turn already held is the old version, entire: its kb and its search agree.
    expect(before.kb.entry('lbbd-compassion')?.summary).not.toMatch(/^Published\./);
    expect(before.search.answer('value 1', { defaultFramework: 'lbbd' })).toMatchObject({
      found: true,
      entry: { summary: before.kb.entry('lbbd-compassion')?.summary },
    });
    expect(await live.refresh()).toBe(false);
  });

  test('a deployment that changed the file wins: the version is set aside, and live again once its export is the file', async () => {
    expect(await publish(edited('Published.'), 0)).toBe(1);
    writeFileSync(join(dir, 'lbbd.yaml'), edited('Changed in git.'));
    const afterDeploy = instance();
    await afterDeploy.refresh();
    expect(afterDeploy.current().sources.get('lbbd')).toMatchObject({ origin: 'file', version: 0, setAside: 1 });
    expect(afterDeploy.kb.entry('lbbd-compassion')?.summary).toMatch(/^Changed in git\./);

    // The round trip: version 1 exported, committed and deployed is the file, so version 1 is live.
    writeFileSync(join(dir, 'lbbd.yaml'), edited('Published.'));
    const roundTrip = instance();
    await roundTrip.refresh();
    expect(roundTrip.current().sources.get('lbbd')).toMatchObject({ origin: 'console', version: 1 });
  });

  test('a version that does not load is never swapped in; the service keeps answering from the old one', async () => {
    const live = instance();
    await publish(file.replace('title: Compassion', 'title: ""'), 0);
    await expect(live.refresh()).rejects.toThrow(/lbbd-compassion\.title: is empty/);
    expect(live.kb.entry('lbbd-compassion')?.title).toBe('Compassion');
  });
});
