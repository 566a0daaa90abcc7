// First run over HTTP: with two frameworks served and no DEFAULT_FRAMEWORK, a new personal chat and a
// new team are each asked which framework they use (Action.Execute buttons), and the choice sticks.
import { startApp } from '../../testkit/app-harness';
import type { RunningApp } from '../../testkit/app-harness';
import { startFakeConnector } from '../../testkit/fake-connector';
import type { FakeConnector } from '../../testkit/fake-connector';
import { cardText, executeActionsOf } from '../helpers/adaptive-cards';
import { activity, cardOf } from '../helpers/fixtures';

const QUESTION = {
  chat: 'Which practice framework does this chat use?',
  team: 'Which practice framework does this team use?',
};
const CHANNEL = {
  conversation: {
    isGroup: true,
    conversationType: 'channel',
    tenantId: '3d5f3b7a-8c2e-4f1a-9b6d-2e7c4a1f0b93',
    id: '19:5b6c0a2f7e8d4c1b9a3e6f0d2c8b7a41@thread.tacv2;messageid=1763634041176',
  },
  channelData: {
    teamsChannelId: '19:5b6c0a2f7e8d4c1b9a3e6f0d2c8b7a41@thread.tacv2',
    teamsTeamId: '19:d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6@thread.tacv2',
    channel: { id: '19:5b6c0a2f7e8d4c1b9a3e6f0d2c8b7a41@thread.tacv2' },
    team: { id: '19:d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6@thread.tacv2' },
    tenant: { id: '3d5f3b7a-8c2e-4f1a-9b6d-2e7c4a1f0b93' },
  },
};

let connector: FakeConnector;
let app: RunningApp;
beforeEach(async () => {
  connector = await startFakeConnector();
});
afterEach(async () => {
  await app?.close();
  await connector.close();
});

// Both frameworks served, none configured (the harness sets lbbd unless told otherwise).
const startUnset = async () => (app = await startApp({ DEFAULT_FRAMEWORK: '' }));
const sentCards = () => connector.sent().map((s) => cardOf(s));

const press = (frameworkId: string, place: Record<string, unknown> = {}) =>
  app.post(
    activity('adaptive-card-action', connector.url, {
      ...place,
      value: { action: { type: 'Action.Execute', verb: 'chooseFramework', data: { frameworkId } }, trigger: 'manual' },
    }),
  );
async function choose(
  frameworkId: string,
  place: Record<string, unknown> = {},
): Promise<{ statusCode: number; type: string; value: unknown }> {
  const res = await press(frameworkId, place);
  expect(res.status).toBe(200);
  return JSON.parse(res.body) as { statusCode: number; type: string; value: unknown };
}

describe('a new personal chat, two frameworks, none set', () => {
  test('the welcome asks which framework this chat uses, with one Action.Execute button per framework', async () => {
    await startUnset();
    await app.post(activity('install-personal', connector.url));
    const [card] = sentCards();
    expect(cardText(card)).toContain(QUESTION.chat);
    expect(executeActionsOf(card).map((b) => [b.title, b.verb, b.data.frameworkId])).toEqual([
      ['Jersey', 'chooseFramework', 'jersey'],
      ['Barking & Dagenham', 'chooseFramework', 'lbbd'],
    ]);
    // It does not guess: no framework's examples are offered before the choice.
    expect(cardText(card)).not.toMatch(/This chat uses/);
  });

  test('choosing Barking & Dagenham turns the card into its welcome, and later questions are answered from it', async () => {
    await startUnset();
    await app.post(activity('install-personal', connector.url));
    const response = await choose('lbbd');
    expect(response).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(cardText(response.value)).toContain(
      "This chat uses the Barking & Dagenham Children's Social Care Practice Framework.",
    );
    expect(
      await app.store.frameworkFor(
        'conversation:a:1Ka5yEe8kFzq2oT1bV9cXwN3mLpQrS7tUvWxYz0AbCdEfGhIjKlMnOpQrStUvWxYz1234567890',
      ),
    ).toBe('lbbd');
    // "what are our values": Jersey (the first file) has none, Barking & Dagenham has CARES.
    const before = connector.sent().length;
    await app.post(activity('personal-message', connector.url, { text: 'what are our values' }));
    expect(cardText(cardOf(connector.sent()[before]))).toContain('CARES');
  });

  test('the choice sticks: installing again does not ask again', async () => {
    await startUnset();
    await choose('jersey');
    await app.post(activity('install-personal', connector.url));
    const text = cardText(sentCards().at(-1));
    expect(text).not.toContain(QUESTION.chat);
    expect(text).toContain('Jersey');
  });

  test('a made-up framework id changes nothing and gets a fixed refusal', async () => {
    await startUnset();
    const res = await press('nowhere');
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({
      statusCode: 400,
      value: { message: "That button's details didn't look right, so I didn't act on it. Try asking again." },
    });
    expect(
      await app.store.frameworkFor(
        'conversation:a:1Ka5yEe8kFzq2oT1bV9cXwN3mLpQrS7tUvWxYz0AbCdEfGhIjKlMnOpQrStUvWxYz1234567890',
      ),
    ).toBeUndefined();
  });

  test('with DEFAULT_FRAMEWORK set, the welcome does not ask', async () => {
    app = await startApp({ DEFAULT_FRAMEWORK: 'jersey' });
    await app.post(activity('install-personal', connector.url));
    expect(cardText(sentCards()[0])).not.toContain(QUESTION.chat);
  });

  test('with one framework served, the welcome does not ask', async () => {
    app = await startApp({ DEFAULT_FRAMEWORK: '', FRAMEWORKS: 'jersey' });
    await app.post(activity('install-personal', connector.url));
    expect(cardText(sentCards()[0])).not.toContain(QUESTION.chat);
  });
});

describe('a new team, two frameworks, none set', () => {
  test('the welcome in the chosen channel asks which framework the team uses; the choice is kept for the whole team', async () => {
    await startUnset();
    await app.post(activity('install-team', connector.url));
    const [card] = sentCards();
    expect(cardText(card)).toContain(QUESTION.team);
    expect(executeActionsOf(card).map((b) => b.data.frameworkId)).toEqual(['jersey', 'lbbd']);

    const response = await choose('jersey', CHANNEL);
    expect(cardText(response.value)).toContain('Jersey');
    expect(await app.store.frameworkFor('team:19:d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6@thread.tacv2')).toBe('jersey');

    // Asked in a channel of that team: answered from Jersey.
    const before = connector.sent().length;
    await app.post(activity('channel-mention', connector.url, { text: '<at>Practice Companion</at> framework' }));
    expect(cardText(cardOf(connector.sent()[before]))).toMatch(/Jersey/);
  });
});
