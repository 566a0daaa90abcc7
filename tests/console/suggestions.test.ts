import { startApp } from '../helpers/app-harness';
import type { RunningApp } from '../helpers/app-harness';
import { startFakeConnector } from '../helpers/fake-connector';
import type { FakeConnector } from '../helpers/fake-connector';
import { cardText, executeActionsOf } from '../helpers/adaptive-cards';
import { activity, cardOf } from '../helpers/fixtures';
import { recordingStore } from '../helpers/recording-store';
import { openStore } from '../../store/open';
import { SUGGEST_WORDING } from '../../cards';

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
    app = await startApp({ DEFAULT_FRAMEWORK: 'lbbd' }, { store, clock: () => now });
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
    const form = await execute('suggest', suggest!.data);
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
    const form = await execute('suggest', { question: 'zebra question', frameworkId: 'lbbd', asker: await mine() });
    const send = executeActionsOf(form).find((a) => a.verb === 'suggestSend')!;
    const refused = await execute('suggestSend', {
      ...send.data,
      suggestion: 'zebra family at RM10 7BY, call 07700 900123',
    });
    expect(cardText(refused)).toContain(SUGGEST_WORDING.personal);
    expect(JSON.stringify(refused)).toContain('"type":"Input.Text"');
    expect((await api('/api/console/suggestions')).body['suggestions']).toEqual([]);
    expect(written.join('\n')).not.toContain('zebra');
    expect(app.logs.join('\n')).not.toMatch(/zebra|RM10|07700/);
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

  test('dismissed or answered: the text is deleted and only a count is kept', async () => {
    for (const q of ['zebra one', 'zebra two'])
      await execute('suggestSend', { frameworkId: 'lbbd', asker: await mine(), suggestion: q });
    const list = (await api('/api/console/suggestions')).body['suggestions'] as Array<{ id: string; text: string }>;
    expect(list).toHaveLength(2);
    const json = { 'content-type': 'application/json' };
    const dismiss = await api(`/api/console/suggestions/${list[0]!.id}`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ type: 'dismissed' }),
    });
    expect(dismiss.status).toBe(200);
    const badEntry = await api(`/api/console/suggestions/${list[1]!.id}`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ type: 'answered', entryId: 'nope' }),
    });
    expect(badEntry.status).toBe(400);
    const answer = await api(`/api/console/suggestions/${list[1]!.id}`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ type: 'answered', entryId: 'lbbd-accountability' }),
    });
    expect(answer.status).toBe(200);
    expect(
      (
        await api(`/api/console/suggestions/${list[1]!.id}`, {
          method: 'POST',
          headers: json,
          body: JSON.stringify({ type: 'dismissed' }),
        })
      ).status,
    ).toBe(404);
    expect((await api('/api/console/suggestions')).body['suggestions']).toEqual([]);
    const insights = await api('/api/console/insights');
    expect(insights.body['suggestions']).toEqual({ waiting: 0, answered: 1, dismissed: 1, expired: 0 });
    // The text is gone from the database itself.
    const rows = await (app.store as unknown as { suggestions(n: number): Promise<unknown[]> }).suggestions(10);
    expect(rows).toEqual([]);
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
