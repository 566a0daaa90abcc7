// The framework editor's API over HTTP in local mode: read, save into a draft, check, publish, export.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { main } from '../../knowledge/cli/main';
import { DEFAULT_KNOWLEDGE_DIR } from '../../knowledge/kb/load';
import { openStore } from '../../store/open';
import type { Store } from '../../store/types';
import { startApp } from '../../testkit/app-harness';
import type { RunningApp } from '../../testkit/app-harness';
import { startFakeConnector } from '../../testkit/fake-connector';
import type { FakeConnector } from '../../testkit/fake-connector';
import { activity, cardOf } from '../helpers/fixtures';
import { cardText } from '../helpers/adaptive-cards';
import { BACKENDS } from '../../testkit/stores';
import { CONSOLE_CALL_HEADER } from '../../bot/web/console/routes';

jest.setTimeout(60_000);

const LBBD = readFileSync(join(DEFAULT_KNOWLEDGE_DIR, 'lbbd.yaml'), 'utf8');
const JERSEY = readFileSync(join(DEFAULT_KNOWLEDGE_DIR, 'jersey.yaml'), 'utf8');

type Json = Record<string, unknown>;
interface Framework extends Json {
  entries: Json[];
  etags: { entries: Record<string, string>; framework: string; signposts: string };
  version: number;
  origin: string;
}

function api(app: RunningApp) {
  const call = async (method: string, path: string, body?: unknown) => {
    // As the console's pages call it: with their header, and JSON when there is a body.
    const res = await fetch(`${app.url}/api/console/frameworks/${path}`, {
      method,
      headers: { [CONSOLE_CALL_HEADER]: 'console', ...(body !== undefined && { 'content-type': 'application/json' }) },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    let json: Json = {};
    try {
      json = JSON.parse(text) as Json;
    } catch {
      /* export is YAML */
    }
    return { status: res.status, json, text, headers: res.headers };
  };
  return {
    call,
    framework: async (id = 'lbbd') => (await call('GET', id)).json as Framework,
    draft: async (id = 'lbbd') => (await call('GET', `${id}/draft`)).json as Framework & { problems: Json[] },
    save: (entry: Json, etag: string | undefined, id = 'lbbd') =>
      call('PUT', `${id}/draft/entries/${String(entry['id'])}`, { entry, ...(etag !== undefined && { etag }) }),
  };
}

async function cliValidate(dir: string): Promise<{ code: number; out: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (out += c.toString()));
  const code = await main(['kb', 'validate', dir], { stdin: new PassThrough(), stdout, stderr });
  return { code, out };
}

describe('the framework editor API (local mode)', () => {
  let app: RunningApp;
  let a: ReturnType<typeof api>;
  beforeEach(async () => {
    app = await startApp({ DEFAULT_FRAMEWORK: 'lbbd' }, { http: true });
    a = api(app);
  });
  afterEach(async () => app.close());

  test("GET gives the published framework as JSON with the YAML's field names, and an etag per entry", async () => {
    const f = await a.framework();
    expect(f.origin).toBe('file');
    expect(f.version).toBe(0);
    expect(Object.keys(f['framework'] as Json).slice(0, 3)).toEqual(['id', 'name', 'short_name']);
    const human = f.entries.find((e) => e['id'] === 'lbbd-be-human')!;
    expect(Object.keys(human)).toEqual(expect.arrayContaining(['title', 'summary', 'group_prompts']));
    expect(typeof f.etags.entries['lbbd-be-human']).toBe('string');
    expect((await a.call('GET', 'nosuch')).status).toBe(404);
  });

  test('export with no edits is the file byte for byte, and `kb validate` accepts it', async () => {
    const res = await a.call('GET', 'lbbd/export');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('yaml');
    expect(res.text).toBe(LBBD);
    expect((await a.call('GET', 'jersey/export')).text).toBe(JERSEY);
  });

  test("a save with an empty title is refused with 400, naming the field in the command line's words; nothing is saved", async () => {
    const f = await a.framework();
    const entry = { ...f.entries.find((e) => e['id'] === 'lbbd-compassion')!, title: '' };
    const res = await a.save(entry, f.etags.entries['lbbd-compassion']);
    expect(res.status).toBe(400);
    expect(res.json['problems']).toEqual([
      expect.objectContaining({ field: 'lbbd-compassion.title', message: 'is empty: write a short title' }),
    ]);
    expect(((res.json['problems'] as Json[])[0] as Json)['text']).toMatch(
      /^lbbd\.yaml:\d+:\d+ lbbd-compassion\.title: is empty: write a short title$/,
    );
    expect((await a.draft())['draft']).toBeNull();
  });

  test('prompts are held to the rules npm test holds them to: a yes/no group prompt that invites a case is refused, beside the field', async () => {
    const f = await a.framework();
    const entry = f.entries.find((e) => e['id'] === 'lbbd-respect')!;
    const groupPrompts = [
      'Can you tell us about a family you are working with?',
      ...(entry['group_prompts'] as string[]).slice(1),
    ];
    const res = await a.save({ ...entry, group_prompts: groupPrompts }, f.etags.entries['lbbd-respect']);
    expect(res.status).toBe(400);
    const problems = res.json['problems'] as Array<{ field: string; message: string }>;
    expect(problems.length).toBeGreaterThanOrEqual(3);
    expect(new Set(problems.map((p) => p.field))).toEqual(new Set(['lbbd-respect.group_prompts[0]']));
    expect(problems.map((p) => p.message).join(' ')).toMatch(
      /is a yes\/no question.*not in the second person.*invites people to describe a case/,
    );
  });

  test("two leads editing the same entry: the second save gets 409 with the first one's version, and can resolve it", async () => {
    const f = await a.framework();
    const etag = f.etags.entries['lbbd-respect']!;
    const base = f.entries.find((e) => e['id'] === 'lbbd-respect')!;
    const first = await a.save({ ...base, summary: 'Respect, as the first lead wrote it.' }, etag);
    expect(first.status).toBe(200);
    const second = await a.save({ ...base, summary: 'Respect, as the second lead wrote it.' }, etag);
    expect(second.status).toBe(409);
    expect((second.json['current'] as Json)['summary']).toBe('Respect, as the first lead wrote it.');
    // Editing another entry meanwhile is no conflict.
    const other = f.entries.find((e) => e['id'] === 'lbbd-sharing')!;
    expect(
      (await a.save({ ...other, summary: 'Sharing, edited alongside.' }, f.etags.entries['lbbd-sharing'])).status,
    ).toBe(200);
    // The second lead takes the current version and saves again.
    const resolved = await a.save(
      { ...(second.json['current'] as Json), summary: 'Respect, merged by the second lead.' },
      String(second.json['etag']),
    );
    expect(resolved.status).toBe(200);
    const draft = await a.draft();
    expect(draft.entries.find((e) => e['id'] === 'lbbd-respect')?.['summary']).toBe(
      'Respect, merged by the second lead.',
    );
    expect(draft.entries.find((e) => e['id'] === 'lbbd-sharing')?.['summary']).toBe('Sharing, edited alongside.');
    // A new entry with an id that exists, without its etag, is a conflict too, never an overwrite.
    expect((await a.save({ ...base, summary: 'Blind overwrite.' }, undefined)).status).toBe(409);
  });

  test('a save that breaks another entry is refused, naming that problem; nothing is saved (issue 24: a save must leave the whole text valid)', async () => {
    const f = await a.framework();
    const unnumbered = { ...f.entries.find((e) => e['id'] === 'lbbd-compassion')! };
    delete unnumbered['number'];
    const saved = await a.save(unnumbered, f.etags.entries['lbbd-compassion']);
    expect(saved.status).toBe(400);
    expect(saved.json['problems']).toEqual([
      expect.objectContaining({
        field: 'lbbd-cares.acronym',
        message: '"CARES" has 5 letters but there are 4 numbered value entries: each letter names one, in number order',
      }),
    ]);
    expect((await a.draft())['draft']).toBeNull();
    expect((await a.draft()).problems).toEqual([]);
    expect((await a.framework()).version).toBe(0);
  });

  test('an edit that gives one check question a worse answer is refused at publish, in plain words, though the figures stay high; a written reason publishes it, recorded', async () => {
    // First a question of the lead's own, answered through an alias only it uses.
    const f = await a.framework();
    const entry = f.entries.find((e) => e['id'] === 'lbbd-compassion')!;
    const aliases = entry['aliases'] as string[];
    const checks = entry['checks'] as string[];
    expect(checks.length).toBeGreaterThan(0);
    const withOwn = { ...entry, aliases: [...aliases, 'quokka zebra'], checks: [...checks, 'quokka zebra'] };
    expect((await a.save(withOwn, f.etags.entries['lbbd-compassion'])).status).toBe(200);
    expect((await a.call('POST', 'lbbd/publish', { note: 'Staff say quokka zebra' })).status).toBe(200);

    // Then an edit that drops the alias: only that one question loses its answer.
    const g = await a.framework();
    expect((await a.save({ ...withOwn, aliases }, g.etags.entries['lbbd-compassion'])).status).toBe(200);
    const checked = await a.call('POST', 'lbbd/draft/check');
    expect(checked.status).toBe(200);
    expect(checked.json['summary']).toBe('1 question staff might ask would now get a different answer, or none.');
    expect(checked.json['worse']).toEqual([
      expect.objectContaining({
        question: 'quokka zebra',
        expectHeading: 'Value 1 · Compassion',
        before: { id: 'lbbd-compassion', heading: 'Value 1 · Compassion' },
        after: { id: null, heading: null },
      }),
    ]);
    const sets = checked.json['sets'] as Array<{ name: string; after: { top1: number } }>;
    expect(sets.map((s) => s.name)).toEqual(['Jersey', 'Barking & Dagenham']);
    expect(sets[1]!.after.top1).toBeGreaterThan(0.95);

    const refused = await a.call('POST', 'lbbd/publish', { note: 'Tidy the aliases' });
    expect(refused.status).toBe(422);
    expect(refused.json['message']).toBe(
      'Not published: 1 question staff might ask would now get a different answer, or none. Change the draft so they get the answer they should, or write why staff should get these answers, and publish again (your reason is kept with the version).',
    );
    expect(String(refused.json['message'])).not.toMatch(/gate|holdout|npm|jsonl|lbbd-/);
    expect((await a.framework()).version).toBe(1);

    const published = await a.call('POST', 'lbbd/publish', {
      note: 'Tidy the aliases',
      reason: 'Nobody says quokka zebra any more.',
    });
    expect(published.status).toBe(200);
    expect(published.json['version']).toBe(2);
    const audit = await app.store.auditLog(['framework:lbbd'], 10);
    expect(audit[0]).toEqual(expect.objectContaining({ action: 'framework-published-regression', actor: 'local' }));
    expect(JSON.parse(audit[0]!.detail)).toMatchObject({ version: 2, reason: 'Nobody says quokka zebra any more.' });
  });

  test("retiring an entry: its check questions expect 'no longer covered', so it publishes without a reason, and the bot says so", async () => {
    const f = await a.framework();
    const entry = f.entries.find((e) => e['id'] === 'lbbd-trauma-informed-practice')!;
    expect((await a.save({ ...entry, retired: true }, f.etags.entries['lbbd-trauma-informed-practice'])).status).toBe(
      200,
    );
    const checked = await a.call('POST', 'lbbd/draft/check');
    expect(checked.status).toBe(200);
    expect(checked.json['worse']).toEqual([]);
    const changed = checked.json['changed'] as Array<Json & { after: Json }>;
    expect(changed.length).toBeGreaterThanOrEqual(5);
    expect(changed.every((c) => c['retired'] === 'lbbd-trauma-informed-practice' && c.after['id'] === null)).toBe(true);

    const published = await a.call('POST', 'lbbd/publish', { note: 'Retire trauma-informed practice' });
    expect(published.status).toBe(200);
    expect(published.json['version']).toBe(1);
    // Retired: it stops answering, but its id still opens it, and a question naming it hears so.
    const kb = app.app.deps.kb;
    expect(kb.entries.some((e) => e.id === 'lbbd-trauma-informed-practice')).toBe(false);
    expect(kb.entry('lbbd-trauma-informed-practice')?.title).toBeDefined();
    for (const question of ['trauma informed', ...(entry['checks'] as string[])])
      expect([question, app.app.deps.search.answer(question, { defaultFramework: 'lbbd' })]).toEqual([
        question,
        expect.objectContaining({ found: false, reason: 'not-covered', retired: true }),
      ]);
  });

  test('a changed summary: check, publish, export; history lists it and restoring version 0 gives the file back as a draft', async () => {
    const f = await a.framework();
    const entry = f.entries.find((e) => e['id'] === 'lbbd-compassion')!;
    const summary = 'Compassion means noticing what a child is going through and acting kindly on it.';
    expect((await a.call('POST', 'lbbd/publish', { note: 'nothing yet' })).status).toBe(409);
    expect((await a.save({ ...entry, summary }, f.etags.entries['lbbd-compassion'])).status).toBe(200);
    const checked = await a.call('POST', 'lbbd/draft/check');
    expect(checked.status).toBe(200);
    expect((checked.json['gate'] as Json)['fails']).toBe(false);
    expect((checked.json['suggestions'] as Json)['note']).toMatch(/deletes its text/);
    expect((await a.call('POST', 'lbbd/publish', {})).status).toBe(400);
    const published = await a.call('POST', 'lbbd/publish', { note: 'Plainer summary for compassion' });
    expect(published.status).toBe(200);

    const after = await a.framework();
    expect(after).toMatchObject({ version: 1, origin: 'console' });
    expect(after.entries.find((e) => e['id'] === 'lbbd-compassion')?.['summary']).toBe(summary);
    const exported = (await a.call('GET', 'lbbd/export')).text;
    expect(exported).not.toBe(LBBD);
    // Only the edited entry's lines differ from the file.
    const changed = exported.split('\n').filter((line, i) => line !== LBBD.split('\n')[i]);
    expect(changed.join('\n')).toContain('Compassion means noticing');
    const dir = mkdtempSync(join(tmpdir(), 'pc-export-'));
    writeFileSync(join(dir, 'lbbd.yaml'), exported);
    writeFileSync(join(dir, 'jersey.yaml'), JERSEY);
    expect(await cliValidate(dir)).toMatchObject({ code: 0 });

    const history = await a.call('GET', 'lbbd/versions');
    const versions = history.json['versions'] as Array<Json & { diff: { changes: Json[] } }>;
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({
      version: 1,
      note: 'Plainer summary for compassion',
      publishedBy: 'local',
      reason: null,
    });
    expect(versions[0]!.diff.changes).toEqual([
      {
        field: 'lbbd-compassion.summary',
        before: expect.stringContaining('We treat children with kindness'),
        after: summary,
      },
    ]);

    expect((await a.call('POST', 'lbbd/versions/0/restore')).status).toBe(200);
    const draft = await a.draft();
    expect(draft.entries.find((e) => e['id'] === 'lbbd-compassion')?.['summary']).not.toBe(summary);
    expect((await a.call('POST', 'lbbd/publish', { note: 'Back to the file' })).status).toBe(200);
    expect((await a.call('GET', 'lbbd/export')).text).toBe(LBBD);
  });

  test('preview renders the draft entry as the answer card, a scheduled post and a meeting opener', async () => {
    const f = await a.framework();
    const entry = f.entries.find((e) => e['id'] === 'lbbd-be-collaborative')!;
    const prompts = [
      'Who else could you bring in today, and what would they add?',
      ...(entry['prompts'] as string[]).slice(1),
    ];
    const groupPrompts = [
      'Which partners does your team work with best, and what makes it work?',
      ...(entry['group_prompts'] as string[]).slice(1),
    ];
    expect(
      (await a.save({ ...entry, prompts, group_prompts: groupPrompts }, f.etags.entries['lbbd-be-collaborative']))
        .status,
    ).toBe(200);
    const res = await a.call('POST', 'lbbd/draft/preview', { entryId: 'lbbd-be-collaborative' });
    expect(res.status).toBe(200);
    expect(cardText(res.json['answer'])).toContain(String(entry['title']));
    expect(cardText(res.json['post'])).toContain(
      'Which partners does your team work with best, and what makes it work?',
    );
    expect(cardText(res.json['opener'])).toContain(
      'Which partners does your team work with best, and what makes it work?',
    );
    // The post says where the entry sits among its kind, as a channel would see it in the cycle.
    const seventh = await a.call('POST', 'lbbd/draft/preview', { entryId: 'lbbd-professional-curiosity' });
    expect(cardText(seventh.json['post'])).toContain('Principle 7 of 10');
  });
});

describe('a framework with no check questions (as a third authority file may be)', () => {
  let app: RunningApp;
  beforeEach(async () => {
    // Jersey's file with its check questions taken out.
    const dir = mkdtempSync(join(tmpdir(), 'pc-nochecks-'));
    writeFileSync(join(dir, 'lbbd.yaml'), LBBD);
    writeFileSync(
      join(dir, 'jersey.yaml'),
      JERSEY.replace(/\n {4}checks:\n( {6}- .*\n)+/g, '\n')
        .replace(/\n {2}# Questions staff might ask that this framework should not answer.*\n/, '\n')
        .replace(/\n {2}off_topic_checks:\n( {4}- .*\n)+/, '\n'),
    );
    app = await startApp({ DEFAULT_FRAMEWORK: 'lbbd', KNOWLEDGE_DIR: dir }, { http: true });
  });
  afterEach(async () => app.close());

  test('Check says so plainly, and Publish still works, with the same warning', async () => {
    const a = api(app);
    const f = await a.framework('jersey');
    expect(f.entries.some((e) => e['checks'] !== undefined)).toBe(false);
    const entry = f.entries.find((e) => e['id'] === 'jersey-trauma-informed')!;
    const saved = await a.save(
      { ...entry, keywords: [...(entry['keywords'] as string[]), 'adverse childhood experiences'] },
      f.etags.entries['jersey-trauma-informed'],
      'jersey',
    );
    expect(saved.status).toBe(200);
    const checked = await a.call('POST', 'jersey/draft/check');
    expect(checked.status).toBe(200);
    const plainly =
      'Jersey has no check questions yet, so Check cannot tell whether staff would get different answers. Add some to its entries, under "Check questions".';
    expect(checked.json).toMatchObject({ noChecks: true, summary: plainly, gate: { fails: false } });
    const published = await a.call('POST', 'jersey/publish', { note: 'A keyword staff use' });
    expect(published.status).toBe(200);
    expect(published.json).toMatchObject({ version: 1, warning: plainly });
  });
});

describe.each(BACKENDS)('live on every instance without a restart ($name)', (backend) => {
  let connector: FakeConnector;
  let one: RunningApp;
  let two: RunningApp;
  let drop: () => Promise<void>;
  const stores: Store[] = [];
  beforeEach(async () => {
    const db = await backend.fresh();
    drop = db.drop;
    connector = await startFakeConnector();
    const [s1, s2] = [await openStore(db.url), await openStore(db.url)];
    stores.push(s1, s2);
    one = await startApp({ DEFAULT_FRAMEWORK: 'lbbd' }, { http: true, store: s1 });
    two = await startApp({ DEFAULT_FRAMEWORK: 'lbbd' }, { http: true, store: s2 });
    two.app.knowledge.start();
  });
  afterEach(async () => {
    await one.close();
    await two.close();
    await connector.close();
    await drop();
  });

  test('a summary published through one instance shows in the next answer card on another within 10 s', async () => {
    const ask = async () => {
      const before = connector.sent().length;
      expect((await two.post(activity('personal-message', connector.url, { text: 'principle 10' }))).status).toBe(200);
      return cardText(
        cardOf(
          connector
            .sent()
            .slice(before)
            .find((s) => cardOf(s)),
        ),
      );
    };
    const a = api(one);
    const f = await a.framework();
    const id = 'lbbd-be-human';
    expect(f.entries.find((e) => e['id'] === id)?.['number']).toBe(10);
    const summary = 'Published from the console: a summary no card has shown before.';
    expect(await ask()).not.toContain(summary);
    expect((await a.save({ ...f.entries.find((e) => e['id'] === id)!, summary }, f.etags.entries[id])).status).toBe(
      200,
    );
    expect(await ask()).not.toContain(summary); // a draft never reaches an answer
    const published = Date.now();
    // A made-up summary moves a question or two staff might ask, so it goes with a reason; liveness is the point here.
    const reason = 'A test of how fast a version goes live.';
    expect((await a.call('POST', 'lbbd/publish', { note: 'New summary for principle 10', reason })).status).toBe(200);
    // Asked again until it shows (the other instance looks every 2 s), for at most 10 s: a wait, not a timing.
    let text = '';
    while (Date.now() - published < 10_000) {
      text = await ask();
      if (text.includes(summary)) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(text).toContain(summary);
  });
});
