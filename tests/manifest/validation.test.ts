import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateManifest } from '../../scripts/app-package/schema';
import { ManifestInvalidError, TEMPLATE_PATH } from '../../scripts/package';
import { buildInto, tempDir } from './helpers';
import type { Manifest } from './helpers';

let temp: ReturnType<typeof tempDir>;
let good: Manifest;
beforeAll(async () => {
  temp = tempDir();
  good = (await buildInto(temp.dir)).manifest;
});
afterAll(() => temp.remove());

type Loose = Manifest & Record<string, unknown>;
const setVersion = (m: Loose, version: string | undefined) => Object.assign(m, { manifestVersion: version });
/** A deep copy of the good manifest, changed by `change`. */
const broken = (change: (m: Loose) => void): unknown => {
  const copy = JSON.parse(JSON.stringify(good)) as Loose;
  change(copy);
  return copy;
};
const bot = (m: Manifest) => m.bots![0]!;

describe('schema validation', () => {
  test('works offline: it never fetches the $schema URL or anything else', async () => {
    const realFetch = globalThis.fetch;
    const fetchSpy = jest.fn(() => Promise.reject(new Error('no network in this test')));
    globalThis.fetch = fetchSpy as unknown as typeof fetch;
    try {
      expect(await validateManifest(good)).toEqual([]);
      expect(await validateManifest(broken((m) => setVersion(m, '1.24')))).toEqual([]); // also valid as 1.24: the other schema file is read from disk
    } finally {
      globalThis.fetch = realFetch;
    }
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  test.each<[string, (m: Loose) => unknown, string]>([
    ['a bot id that is not a GUID', (m) => (bot(m).botId = 'practice-companion'), '/bots/0/botId must match pattern'],
    [
      '13 commands in one list (the limit is 12)',
      (m) => bot(m).commandLists![1]!.commands.push({ title: 'a' }, { title: 'b' }, { title: 'c' }),
      '/bots/0/commandLists/1/commands must NOT have more than 12 items',
    ],
    [
      'no privacy URL',
      (m) => delete (m.developer as Partial<Manifest['developer']>).privacyUrl,
      "/developer must have required property 'privacyUrl'",
    ],
    [
      'an unknown scope',
      (m) => (bot(m).scopes = ['everyone' as 'team']),
      '/bots/0/scopes/0 must be equal to one of the allowed values',
    ],
    ['a property the schema does not know', (m) => (m['botz'] = []), '/ must NOT have additional properties'],
    [
      'a short description over 80 characters',
      (m) => (m.description.short = 'x'.repeat(81)),
      '/description/short must NOT have more than 80 characters',
    ],
  ])('fails a manifest with %s, naming where', async (_what, change, problem) => {
    const problems = await validateManifest(broken(change));
    expect(problems.some((p) => p.startsWith(problem))).toBe(true);
  });

  test('fails a manifest version it has no schema for, instead of fetching one', async () => {
    expect(await validateManifest(broken((m) => setVersion(m, '1.99')))).toEqual([
      '/manifestVersion "1.99" is not a schema version @microsoft/app-manifest bundles',
    ]);
    expect(await validateManifest(broken((m) => setVersion(m, undefined)))).toEqual([
      '/manifestVersion is undefined, not a schema version such as "1.30"',
    ]);
  });

  test('the package build writes nothing when the manifest is invalid', async () => {
    const template = join(temp.dir, 'bad.template.json');
    writeFileSync(
      template,
      readFileSync(TEMPLATE_PATH, 'utf8').replace('"accentColor": "#1F5C63"', '"accentColor": "teal"'),
    );
    const outFile = join(temp.dir, 'appPackage.zip');
    const dir = tempDir();
    try {
      await expect(buildInto(dir.dir, {}, { templatePath: template })).rejects.toThrow(ManifestInvalidError);
      await expect(buildInto(dir.dir, {}, { templatePath: template })).rejects.toThrow(
        /\/accentColor must match pattern/,
      );
      expect(existsSync(join(dir.dir, 'appPackage.zip'))).toBe(false);
    } finally {
      dir.remove();
    }
    expect(existsSync(outFile)).toBe(true); // the good one from beforeAll is untouched
  });
});
