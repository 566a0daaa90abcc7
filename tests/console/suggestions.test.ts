import { startApp } from '../../testkit/app-harness';
import type { RunningApp } from '../../testkit/app-harness';
import { startFakeConnector } from '../../testkit/fake-connector';
import type { FakeConnector } from '../../testkit/fake-connector';
import { cardText, executeActionsOf } from '../helpers/adaptive-cards';
import { activity, cardOf } from '../helpers/fixtures';
import { recordingStore } from '../helpers/recording-store';
import { openStore } from '../../store/open';
import { SUGGEST_WORDING } from '../../cards';
import { clockOf } from '../../time/clock';

// Suggestions by consent, end to end over HTTP in local mode: question, not-sure card, form, Send.
describe('suggesting a question to the practice team', () => {
  let connector: FakeConnector;
  let app: RunningApp;
  let written: string[];
  let now = new Date('2026-11-20T10:00:00Z');
  const QUESTION = 'how do we record a zebra crossing risk assessment';
  const PRIVATE = 'what about zebra crossings near the ferry';

  beforeEach(async () => {
    now = new Date('2026-11-20T10:00:00Z');
    connector = await startFakeConnector();
    const store = recordingStore(await openStore('sqlite::memory:'));
    written = store.written;
    app = await startApp({ DEFAULT_FRAMEWORK: 'lbbd' }, { http: true, store, clock: clockOf(() => now) });
  });
  afterEach(async () => {
    await app.close();
    await connector.close();
  });

  const lastCard = () => cardOf(connector.sent().at(-1));
  /** The asker code of the fixtures' sender, Sam, as the bot puts it on the cards it sends Sam. */
  const mine = () => app.app.deps.answerIds.askerCode('6f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f');
  const execute = async (verb: string, data: Record<string, unknown>) => {
    const res = await app.post(
      activity('adaptive-card-action', connector.url, {
        value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
      }),
    );
    expect(res.status).toBe(200);
    return (JSON.parse(res.body) as { value: Record<string, unknown> }).value;
  };
  /** Suggest leaves the card pressed as it was, and posts the form beneath it. */
  const suggestForm = async (data: Record<string, unknown>) => {
    const before = connector.sent().length;
    await execute('suggest', data);
    expect(connector.sent()).toHaveLength(before + 1);
    return lastCard()!;
  };
  const ask = async (text: string) => {
    expect((await app.post(activity('personal-message', connector.url, { text }))).status).toBe(200);
    return lastCard();
  };
  const api = async (path: string, init?: RequestInit) => {
    const res = await fetch(`${app.url}${path}`, init);
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  test('the not-sure card offers it; nothing is stored until Send; then the console lists it, and only it', async () => {
    const card = await ask(QUESTION);
    const suggest = executeActionsOf(card).find((a) => a.verb === 'suggest');
    expect(suggest?.title).toBe(SUGGEST_WORDING.button);
    // With a one-way code for the person who asked: only their press sends it (tests/security/card-consent.test.ts).
    expect(suggest?.data).toEqual({ question: QUESTION, frameworkId: 'lbbd', asker: await mine() });

    // The form: the text in a box, who will see it, Send and Cancel.
    const form = await suggestForm(suggest!.data);
    expect(JSON.stringify(form)).toContain('"type":"Input.Text"');
    expect(cardText(form)).toContain(SUGGEST_WORDING.whoSees);
    expect(executeActionsOf(form).map((a) => a.title)).toEqual(['Send', 'Cancel']);
    expect(written.join('\n')).not.toContain('zebra');

    // Another question the person does not send.
    await ask(PRIVATE);
    const cancelled = await execute('suggestCancel', { frameworkId: 'lbbd', suggestion: PRIVATE });
    expect(cardText(cancelled)).toContain(SUGGEST_WORDING.cancelled);
    expect(written.join('\n')).not.toContain('zebra');

    const send = executeActionsOf(form).find((a) => a.verb === 'suggestSend')!;
    const edited = `${QUESTION} (edited)`;
    const done = await execute('suggestSend', { ...send.data, suggestion: edited });
    expect(cardText(done)).toContain(SUGGEST_WORDING.sent);

    const listed = await api('/api/console/suggestions');
    expect(listed.status).toBe(200);
    expect(listed.body['suggestions']).toEqual([
      { id: expect.any(String), text: edited, frameworkId: 'lbbd', day: '2026-11-20' },
    ]);
    expect(JSON.stringify(listed.body)).not.toContain('ferry');
    // No user id, no conversation: only the text, framework, day (and entry).
    expect(written.filter((w) => w.includes('zebra'))).toHaveLength(1);
    expect(written.find((w) => w.includes('zebra'))).not.toMatch(/29:|aadObjectId|6f1c2d3e|a:1Ka5/);
    // Nothing of it in the logs.
    expect(app.logs.join('\n')).not.toContain('zebra');
  });

  test('a personal-looking text is refused with the reason, back in the box, and not stored', async () => {
    const form = await suggestForm({ question: 'zebra question', frameworkId: 'lbbd', asker: await mine() });
    const send = executeActionsOf(form).find((a) => a.verb === 'suggestSend')!;
    const refused = await execute('suggestSend', {
      ...send.data,
      suggestion: 'zebra family at RM10 7BY, call 07700 900123',
    });
    expect(cardText(refused)).toContain(
      'This looks as though it holds a postcode and a phone number. Please take out anything that could identify a child or family, then send again.',
    );
    expect(JSON.stringify(refused)).toContain('"type":"Input.Text"');
    expect((await api('/api/console/suggestions')).body['suggestions']).toEqual([]);
    expect(written.join('\n')).not.toContain('zebra');
    expect(app.logs.join('\n')).not.toMatch(/zebra|RM10|07700/);
  });

  test('a refusal names the kinds of detail it noticed: a name, an age and a school, not an email address or postcode', async () => {
    const form = await suggestForm({ question: 'zebra question', frameworkId: 'lbbd', asker: await mine() });
    const send = executeActionsOf(form).find((a) => a.verb === 'suggestSend')!;
    const refused = await execute('suggestSend', {
      ...send.data,
      suggestion: 'Tyler Jones, 14, at Eastbury Community School keeps going missing',
    });
    expect(cardText(refused)).toContain('This looks as though it holds a name, an age and a school.');
    expect(cardText(refused)).not.toMatch(/email|postcode|NHS/);
  });

  test('"Not helpful" offers it too, with the entry the answer was about', async () => {
    const card = await ask('what does accountability mean');
    const notHelpful = executeActionsOf(card).find((a) => a.verb === 'feedback' && a.data['helpful'] === false)!;
    expect(notHelpful.data['question']).toBe('what does accountability mean');
    const after = await execute('feedback', notHelpful.data);
    const suggest = executeActionsOf(after).find((a) => a.verb === 'suggest');
    expect(suggest?.data).toMatchObject({
      question: 'what does accountability mean',
      frameworkId: 'lbbd',
      entryId: notHelpful.data['entryId'],
    });
    const helpful = await execute('feedback', { ...notHelpful.data, helpful: true });
    expect(executeActionsOf(helpful).some((a) => a.verb === 'suggest')).toBe(false);
  });

  const json = { 'content-type': 'application/json' };
  const mark = (id: string, body: Record<string, unknown>) =>
    api(`/api/console/suggestions/${id}`, { method: 'POST', headers: json, body: JSON.stringify(body) });
  const undo = (id: string) =>
    api(`/api/console/suggestions/${id}/undo`, { method: 'POST', headers: json, body: '{}' });
  const later = (minutes: number) => {
    now = new Date(now.getTime() + minutes * 60_000);
  };
  const texts = async () => (await app.store.suggestions(10)).map((s) => s.text).sort();

  test('dismissed or answered: the text stays for the undo window, then is deleted and only a count is kept', async () => {
    for (const q of ['zebra one', 'zebra two'])
      await execute('suggestSend', { frameworkId: 'lbbd', asker: await mine(), suggestion: q });
    const list = (await api('/api/console/suggestions')).body['suggestions'] as Array<{ id: string; text: string }>;
    expect(list).toHaveLength(2);
    const [one, two] = [list.find((s) => s.text === 'zebra one')!, list.find((s) => s.text === 'zebra two')!];
    const dismissed = await mark(one.id, { type: 'dismissed' });
    expect(dismissed).toEqual({ status: 200, body: { ok: true, undoUntil: '2026-11-20T10:10:00.000Z' } });
    expect((await mark(two.id, { type: 'answered', entryId: 'nope' })).status).toBe(400);
    expect((await mark(two.id, { type: 'answered', entryId: 'lbbd-accountability' })).status).toBe(200);
    // Marked once: a second mark finds nothing waiting.
    expect((await mark(two.id, { type: 'dismissed' })).status).toBe(404);
    // Listed with the moment the undo window ends, and not waiting.
    const listed = await api('/api/console/suggestions');
    expect(listed.body['undoMinutes']).toBe(10);
    expect(listed.body['suggestions']).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id: one.id,
          resolved: { outcome: 'dismissed', at: '2026-11-20T10:00:00.000Z', until: '2026-11-20T10:10:00.000Z' },
        }),
        expect.objectContaining({ id: two.id, resolved: expect.objectContaining({ outcome: 'answered' }) }),
      ]),
    );
    expect((await api('/api/console/insights')).body['suggestions']).toEqual({
      waiting: 0,
      answered: 0,
      dismissed: 0,
      expired: 0,
    });
    later(9);
    expect(await app.app.retention.runOnce()).toBe(0);
    expect(await texts()).toEqual(['zebra one', 'zebra two']);
    // The window ends: the service deletes both texts, and counts them.
    later(1);
    expect(await app.app.retention.runOnce()).toBe(2);
    expect(await texts()).toEqual([]);
    expect((await api('/api/console/suggestions')).body['suggestions']).toEqual([]);
    expect((await api('/api/console/insights')).body['suggestions']).toEqual({
      waiting: 0,
      answered: 1,
      dismissed: 1,
      expired: 0,
    });
    expect((await undo(one.id)).status).toBe(404);
    expect(app.logs.join('\n')).not.toContain('zebra');
  });

  test('Undo within the window: the question waits again, and can be marked again', async () => {
    await execute('suggestSend', { frameworkId: 'lbbd', asker: await mine(), suggestion: 'zebra three' });
    const [s] = (await api('/api/console/suggestions')).body['suggestions'] as Array<{ id: string }>;
    await mark(s!.id, { type: 'dismissed' });
    later(9);
    expect(await undo(s!.id)).toEqual({ status: 200, body: { ok: true } });
    expect((await undo(s!.id)).status).toBe(404);
    later(5);
    expect(await app.app.retention.runOnce()).toBe(0);
    expect((await api('/api/console/suggestions')).body['suggestions']).toEqual([
      { id: s!.id, text: 'zebra three', frameworkId: 'lbbd', day: '2026-11-20' },
    ]);
    expect((await api('/api/console/insights')).body['suggestions']).toMatchObject({ waiting: 1, dismissed: 0 });
    // Marked again, it has a new window of its own.
    await mark(s!.id, { type: 'answered', entryId: 'lbbd-accountability' });
    later(10);
    expect((await undo(s!.id)).status).toBe(404);
    expect(await app.app.retention.runOnce()).toBe(1);
    expect((await api('/api/console/insights')).body['suggestions']).toMatchObject({ waiting: 0, answered: 1 });
    expect((await undo('not/an id')).status).toBe(404);
  });

  test('the retention period still applies to a question marked and still in its undo window', async () => {
    await execute('suggestSend', { frameworkId: 'lbbd', asker: await mine(), suggestion: 'zebra old' });
    now = new Date('2027-02-19T00:00:01Z'); // 91 days after 20 November
    const [s] = (await api('/api/console/suggestions')).body['suggestions'] as Array<{ id: string }>;
    await mark(s!.id, { type: 'dismissed' });
    expect(await app.app.retention.runOnce()).toBe(1);
    expect(await texts()).toEqual([]);
    expect((await api('/api/console/insights?days=100')).body['suggestions']).toMatchObject({ dismissed: 1 });
  });

  test('deleted by the service after SUGGESTION_RETENTION_DAYS (a fake clock)', async () => {
    await execute('suggestSend', { frameworkId: 'lbbd', asker: await mine(), suggestion: 'zebra old' });
    now = new Date('2026-12-01T10:00:00Z');
    await execute('suggestSend', { frameworkId: 'lbbd', asker: await mine(), suggestion: 'zebra newer' });
    now = new Date('2027-02-18T09:00:00Z'); // 90 days after 20 November, less than 90 after 1 December
    expect(await app.app.retention.runOnce()).toBe(0);
    now = new Date('2027-02-19T00:00:01Z'); // 91 days after
    expect(await app.app.retention.runOnce()).toBe(1);
    const left = (await api('/api/console/suggestions')).body['suggestions'] as Array<{ text: string }>;
    expect(left.map((s) => s.text)).toEqual(['zebra newer']);
    expect(app.logs.join('\n')).not.toContain('zebra');
  });
});
