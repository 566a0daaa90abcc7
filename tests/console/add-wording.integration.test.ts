// "Add this wording to entry X": a question staff sent becomes an alias and a check question of that entry, in
// the draft; the preview shows the draft answering it; and the sent text goes when the undo window ends.
import { startApp } from '../../testkit/app-harness';
import type { RunningApp } from '../../testkit/app-harness';
import { openStore } from '../../store/open';
import { CONSOLE_CALL_HEADER } from '../../bot/web/console/routes';
import { UNDO_WINDOW_MS } from '../../bot/web/console/retention';
import { clockOf } from '../../time/clock';

jest.setTimeout(60_000);

type Json = Record<string, unknown>;
const WORDING = 'staying gentle on a bad day';

describe('add this wording to an entry', () => {
  let app: RunningApp;
  let now = new Date('2026-11-20T10:00:00Z');
  beforeEach(async () => {
    now = new Date('2026-11-20T10:00:00Z');
    const store = await openStore('sqlite::memory:');
    await store.addSuggestion({ id: 's1', text: WORDING, frameworkId: 'lbbd', day: '2026-11-20' });
    app = await startApp({ DEFAULT_FRAMEWORK: 'lbbd' }, { http: true, store, clock: clockOf(() => now) });
  });
  afterEach(async () => app.close());

  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${app.url}${path}`, {
      method,
      headers: { [CONSOLE_CALL_HEADER]: 'console', ...(body !== undefined && { 'content-type': 'application/json' }) },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    return { status: res.status, json: (await res.json()) as Json };
  };

  test('adds it to the draft as an alias and a check question, shows the draft answering it, and deletes the sent text later', async () => {
    const before = app.app.deps.search.answer(WORDING, { defaultFramework: 'lbbd' });
    expect(before.found && before.entry.id).not.toBe('lbbd-compassion');

    const added = await call('POST', '/api/console/frameworks/lbbd/draft/entries/lbbd-compassion/wording', {
      suggestionId: 's1',
    });
    expect(added.status).toBe(200);
    expect(added.json).toMatchObject({
      entryId: 'lbbd-compassion',
      heading: 'Value 1 · Compassion',
      as: 'alias',
      reaches: { id: 'lbbd-compassion', heading: 'Value 1 · Compassion' },
      undoUntil: new Date(now.getTime() + UNDO_WINDOW_MS).toISOString(),
    });
    const draft = (await call('GET', '/api/console/frameworks/lbbd/draft')).json as { entries: Json[] };
    const entry = draft.entries.find((e) => e['id'] === 'lbbd-compassion')!;
    expect(entry['aliases']).toContain(WORDING);
    expect(entry['checks']).toContain(WORDING);
    // Not live until published.
    const live = app.app.deps.search.answer(WORDING, { defaultFramework: 'lbbd' });
    expect(live.found && live.entry.id).not.toBe('lbbd-compassion');

    // The preview shows the draft answering each of the entry's check questions, this one among them.
    const preview = await call('POST', '/api/console/frameworks/lbbd/draft/preview', { entryId: 'lbbd-compassion' });
    expect(preview.json['checks']).toContainEqual({
      question: WORDING,
      reaches: { id: 'lbbd-compassion', heading: 'Value 1 · Compassion' },
      right: true,
    });

    // The question is marked answered; once the undo window ends its text is gone.
    const listed = (await call('GET', '/api/console/suggestions')).json['suggestions'] as Json[];
    expect(listed).toEqual([
      expect.objectContaining({ id: 's1', resolved: expect.objectContaining({ outcome: 'answered' }) }),
    ]);
    now = new Date(now.getTime() + UNDO_WINDOW_MS + 1000);
    // What the retention job does each run.
    await app.app.deps.store.finishResolvedSuggestions(new Date(now.getTime() - UNDO_WINDOW_MS));
    expect((await call('GET', '/api/console/suggestions')).json['suggestions']).toEqual([]);

    // Publishing it: a check that only gets better, so no reason is needed.
    const published = await call('POST', '/api/console/frameworks/lbbd/publish', { note: 'Wording staff use' });
    expect(published.status).toBe(200);
    const after = app.app.deps.search.answer(WORDING, { defaultFramework: 'lbbd' });
    expect(after.found && after.entry.id).toBe('lbbd-compassion');
  });

  test('a question already marked, or an entry that does not exist, is refused and changes nothing', async () => {
    const missing = await call('POST', '/api/console/frameworks/lbbd/draft/entries/lbbd-nothing/wording', {
      suggestionId: 's1',
    });
    expect(missing.status).toBe(404);
    const gone = await call('POST', '/api/console/frameworks/lbbd/draft/entries/lbbd-compassion/wording', {
      suggestionId: 'nope',
    });
    expect(gone.status).toBe(404);
    expect((await call('GET', '/api/console/frameworks/lbbd/draft')).json['draft']).toBeNull();
  });
});
