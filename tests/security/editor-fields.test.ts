// Third probe, finding 3: the editor wrote unknown field names as they were given, escaping only the
// values. A name holding a newline added a whole entry that the prompt rules never saw (its group prompt
// asked the channel for a child's name, age and school), and published; another saved a draft that no
// longer parsed, with 200.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { DEFAULT_KNOWLEDGE_DIR, loadSources } from '../../knowledge/kb/load';
import { withEntry, withSection } from '../../knowledge/editor/source';
import { CONSOLE_CALL_HEADER } from '../../bot/web/console/routes';
import { startApp } from '../../testkit/app-harness';
import type { RunningApp } from '../../testkit/app-harness';

jest.setTimeout(60_000);

const LBBD = readFileSync(join(DEFAULT_KNOWLEDGE_DIR, 'lbbd.yaml'), 'utf8');
type Json = Record<string, unknown>;

/** The entry the probe smuggled in: its group prompt asks the channel to identify a child. */
const INJECTED = [
  '  - id: lbbd-injected',
  '    kind: value',
  '    title: Injected',
  '    summary: Injected.',
  '    text: Injected.',
  '    aliases: [injected]',
  '    keywords: [injected]',
  '    prompts:',
  '      - What do you notice about how you listen?',
  '      - What helps you stay curious?',
  '      - Which conversation this week went well for you?',
  '    group_prompts:',
  "      - Which child are you working with? Share the child's name, age and school so the team can help?",
  '      - What helps your team stay curious?',
].join('\n');

let app: RunningApp;
beforeEach(async () => {
  app = await startApp({ DEFAULT_FRAMEWORK: 'lbbd' }, { http: true });
});
afterEach(async () => app.close());

async function call(method: string, path: string, body?: unknown) {
  const res = await fetch(`${app.url}/api/console/frameworks/${path}`, {
    method,
    headers: { [CONSOLE_CALL_HEADER]: 'console', ...(body !== undefined && { 'content-type': 'application/json' }) },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  return { status: res.status, json: (await res.json()) as Json };
}
async function live() {
  return (await call('GET', 'lbbd')).json as Json & {
    entries: Json[];
    framework: Json;
    signposts: Json;
    etags: { entries: Record<string, string>; framework: string; signposts: string };
  };
}
const draftSource = async () => (await app.store.frameworkVersions?.draft('lbbd'))?.source;

describe('field names the editor does not know are refused, and nothing is saved', () => {
  test('the probe: a key that writes a whole entry (with a case-inviting group prompt) is refused, and nothing publishes', async () => {
    const f = await live();
    const respect = f.entries.find((e) => e['id'] === 'lbbd-respect')!;
    const res = await call('PUT', 'lbbd/draft/entries/lbbd-respect', {
      entry: { ...respect, [`#c\n${INJECTED}\n  - x`]: 'y' },
      etag: f.etags.entries['lbbd-respect'],
    });
    expect(res.status).toBe(400);
    expect(res.json['problems']).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/is not a field we know/) }),
    ]);
    expect(await draftSource()).toBeUndefined();
    expect((await call('POST', 'lbbd/publish', { note: 'x' })).status).toBe(409); // no draft to publish
    expect(await app.store.frameworkVersions?.newest('lbbd')).toBeUndefined();
  });

  test.each([
    ['a key that breaks the layout', 'zz\n    retired'],
    ['a key that starts a comment', '# note'],
    ['a plain word that is not a field', 'colour'],
    ['a YAML merge key', '<<'],
    ['a key with a colon and space', 'title: x'],
  ])('%s is refused with 400, and the draft is untouched', async (_label, key) => {
    const f = await live();
    const respect = f.entries.find((e) => e['id'] === 'lbbd-respect')!;
    const res = await call('PUT', 'lbbd/draft/entries/lbbd-respect', {
      entry: { ...respect, [key]: true },
      etag: f.etags.entries['lbbd-respect'],
    });
    expect(res.status).toBe(400);
    expect(await draftSource()).toBeUndefined();
  });

  test('in the framework block and in the signposts (at either level) too', async () => {
    const f = await live();
    const framework = await call('PUT', 'lbbd/draft/framework', {
      value: { ...f.framework, 'x\nsignposts': 1 },
      etag: f.etags.framework,
    });
    expect(framework.status).toBe(400);
    const urgent = f.signposts['urgent'] as Json;
    for (const value of [
      { ...f.signposts, 'extra\n  - id: x': { text: 'x' } },
      { ...f.signposts, urgent: { ...urgent, 'link\n    evil': 'x' } },
      { ...f.signposts, urgent: { ...urgent, colour: 'red' } },
    ]) {
      const res = await call('PUT', 'lbbd/draft/signposts', { value, etag: f.etags.signposts });
      expect(res.status).toBe(400);
    }
    expect(await draftSource()).toBeUndefined();
  });

  test.each([
    ['a title that opens a new entry', 'title', '\n  - id: lbbd-evil\n    kind: value'],
    ['a text with a carriage return before a new entry', 'text', 'Respect.\r  - id: lbbd-evil\r    kind: value'],
    ['a summary with a carriage return', 'summary', 'Respect.\r  - id: lbbd-evil'],
    ['a prompt with a line break', 'prompts', ['What do you notice?\n  - id: lbbd-evil', 'Why?', 'How?']],
  ])('a value is only ever a value: %s adds no entry', async (_label, field, value) => {
    const f = await live();
    const respect = f.entries.find((e) => e['id'] === 'lbbd-respect')!;
    await call('PUT', 'lbbd/draft/entries/lbbd-respect', {
      entry: { ...respect, [field]: value },
      etag: f.etags.entries['lbbd-respect'],
    });
    const source = await draftSource();
    if (source !== undefined) {
      const ids = (parseDocument(source).toJS() as { entries: Json[] }).entries.map((e) => e['id']);
      expect(ids).toEqual(f.entries.map((e) => e['id']));
    }
  });

  test('writing a file never takes a field name as text: an unknown one throws, and known ones read back as themselves', () => {
    const data = parseDocument(LBBD).toJS() as { entries: Json[]; framework: Json };
    const respect = data.entries.find((e) => e['id'] === 'lbbd-respect')!;
    expect(() => withEntry(LBBD, { ...respect, 'zz\n    retired': true })).toThrow(/zz/);
    expect(() => withSection(LBBD, 'framework', { ...data.framework, 'a: b': 1 })).toThrow();
    const written = withEntry(LBBD, { ...respect, title: 'Respect: a value' });
    const again = parseDocument(written).toJS() as { entries: Json[] };
    expect(again.entries.find((e) => e['id'] === 'lbbd-respect')).toEqual({ ...respect, title: 'Respect: a value' });
    expect(again.entries.map((e) => e['id'])).toEqual(data.entries.map((e) => e['id']));
  });
});

describe('the prompt rules hold over every entry, at save and at publish', () => {
  /** A draft holding the probe's entry, as one saved before this fix would be. */
  async function injectedDraft() {
    expect((await call('POST', 'lbbd/versions/0/restore')).status).toBe(200);
    const draft = (await app.store.frameworkVersions?.draft('lbbd'))!;
    const source = `${LBBD.replace(/\s*$/, '')}\n\n${INJECTED}\n`;
    expect(loadSources([{ file: 'lbbd.yaml', source }]).ok).toBe(true); // the validator alone lets it through
    const saved = await app.store.frameworkVersions?.saveDraft('lbbd', draft.rev, {
      source,
      base: draft.base,
      by: 'local',
      at: new Date(),
    });
    expect(saved).toBe(true);
  }

  test('publishing a draft with a case-inviting group prompt in any entry is refused, naming it', async () => {
    await injectedDraft();
    const res = await call('POST', 'lbbd/publish', { note: 'x' });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.json['problems'])).toContain('lbbd-injected.group_prompts[0]');
    expect(await app.store.frameworkVersions?.newest('lbbd')).toBeUndefined();
  });

  test("saving another entry into that draft is refused: a save's whole text must pass", async () => {
    await injectedDraft();
    const before = await draftSource();
    const f = (await call('GET', 'lbbd/draft')).json as Json & {
      entries: Json[];
      etags: { entries: Record<string, string> };
    };
    const compassion = f.entries.find((e) => e['id'] === 'lbbd-compassion')!;
    const res = await call('PUT', 'lbbd/draft/entries/lbbd-compassion', {
      entry: { ...compassion, summary: 'Kindness, shown.' },
      etag: f.etags.entries['lbbd-compassion'],
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.json['problems'])).toContain('lbbd-injected.group_prompts[0]');
    expect(await draftSource()).toBe(before);
  });

  test('check refuses it too, so nothing reports the draft as ready', async () => {
    await injectedDraft();
    const res = await call('POST', 'lbbd/draft/check');
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.json['problems'])).toContain('lbbd-injected.group_prompts[0]');
  });
});
