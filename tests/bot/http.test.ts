import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cardText } from '../helpers/adaptive-cards';
import { useBot } from '../../testkit/app-harness';
import { activity, cardOf } from '../helpers/fixtures';
import { captureConsole } from '../helpers/console-capture';
import { recordingStore } from '../helpers/recording-store';
import { openStore } from '../../store/open';

const bot = useBot({ options: () => ({ http: true }) });
const { start } = bot;
const firstCard = () => cardOf(bot.connector.sent()[0]);

describe('the service over HTTP, with real Teams activities', () => {
  test('a personal message gets an answer card as a reply in that chat', async () => {
    const app = await start();
    const res = await app.post(activity('personal-message', bot.connector.url));
    expect(res.status).toBe(200);
    expect(bot.connector.requests).toHaveLength(1);
    expect(bot.connector.requests[0]?.path).toBe(
      `/v3/conversations/${encodeURIComponent('a:1Ka5yEe8kFzq2oT1bV9cXwN3mLpQrS7tUvWxYz0AbCdEfGhIjKlMnOpQrStUvWxYz1234567890')}/activities/1763633722485`,
    );
    expect(cardText(firstCard())).toContain('Value 2 · Accountability');
    expect(bot.connector.sent()[0]?.['summary']).toMatch(/^Value 2 · Accountability/);
  });

  test('a channel @mention is answered, with the mention stripped from the question', async () => {
    const app = await start();
    await app.post(activity('channel-mention', bot.connector.url));
    expect(cardText(firstCard())).toContain('Principle 7 · Be professionally curious');
  });

  test('a channel message that does not @mention the bot gets no reply', async () => {
    const app = await start();
    const plain = activity('channel-mention', bot.connector.url, { text: 'principle 7', entities: [] });
    expect((await app.post(plain)).status).toBe(200);
    expect(bot.connector.requests).toHaveLength(0);
  });

  test('a group chat @mention is answered', async () => {
    const app = await start();
    await app.post(activity('group-chat-message', bot.connector.url));
    expect(cardText(firstCard())).toContain('Safe & Together');
  });

  test('installing in a team posts the welcome card to the channel chosen during install', async () => {
    const app = await start();
    await app.post(activity('install-team', bot.connector.url));
    expect(bot.connector.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /v3/conversations']);
    const body = bot.connector.requests[0]?.body as { channelData?: { channel?: { id?: string } }; activity?: unknown };
    expect(body.channelData?.channel?.id).toBe('19:5b6c0a2f7e8d4c1b9a3e6f0d2c8b7a41@thread.tacv2');
    expect(cardText(firstCard())).toMatch(/what does the A in CARES mean|ingredient three/i);
  });

  test('installing in a personal chat sends the welcome card to the person', async () => {
    const app = await start();
    await app.post(activity('install-personal', bot.connector.url));
    expect(bot.connector.requests).toHaveLength(1);
    expect(bot.connector.requests[0]?.path).toMatch(/^\/v3\/conversations\/a%3A1Ka5/);
    const actions = JSON.stringify(firstCard());
    expect(actions.match(/"verb":"ask"/g)?.length).toBe(3);
  });

  test('a Helpful click updates the card in place, and a second click changes the vote instead of adding one', async () => {
    const app = await start();
    // The id the bot put on the answer card it sent.
    await app.post(activity('personal-message', bot.connector.url));
    const answerId = /"answerId":"([A-Za-z0-9_-]+)"/.exec(JSON.stringify(firstCard()))![1]!;
    bot.connector.requests.length = 0;
    const click = (helpful: boolean) =>
      app.post(
        activity('adaptive-card-action', bot.connector.url, {
          value: {
            action: {
              type: 'Action.Execute',
              verb: 'feedback',
              data: { answerId, entryId: 'lbbd-accountability', helpful },
            },
            trigger: 'manual',
          },
        }),
      );
    const first = await click(true);
    expect(first.status).toBe(200);
    const response = JSON.parse(first.body) as { statusCode: number; type: string; value: unknown };
    expect(response).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(cardText(response.value)).toMatch(/Thank you/);
    await click(false);
    expect(await app.store.feedbackCounts()).toEqual([
      { entryId: 'lbbd-accountability', day: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), helpful: 0, notHelpful: 1 },
    ]);
    expect(bot.connector.requests).toHaveLength(0);
  });

  test('HEAD /healthz answers as GET does, without a body (load balancers and the Playground probe with HEAD)', async () => {
    const app = await start();
    const res = await fetch(`${app.url}/healthz`, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.text()).toBe('');
  });

  test('HEAD /readyz answers as GET does, without a body', async () => {
    const app = await start();
    const get = await fetch(`${app.url}/readyz`);
    const head = await fetch(`${app.url}/readyz`, { method: 'HEAD' });
    // Not ready here (the scheduler is not started): HEAD says so too, with GET's headers.
    expect(get.status).toBe(503);
    expect(head.status).toBe(get.status);
    expect(head.headers.get('content-type')).toMatch(/^application\/json/);
    // The length GET's body would have (its timings may differ by a digit).
    expect(Number(head.headers.get('content-length'))).toBeGreaterThan(0);
    expect(await head.text()).toBe('');
  });

  test('GET /healthz reports the version and the knowledge base, and no secrets', async () => {
    const app = await start({
      MicrosoftAppId: '7c1e5a2b-3d4f-4a6b-8c9d-0e1f2a3b4c5d',
      MicrosoftAppPassword: 'very-secret-password',
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: '3d5f3b7a-8c2e-4f1a-9b6d-2e7c4a1f0b93',
    });
    const res = await fetch(`${app.url}/healthz`);
    const body = await res.text();
    expect(res.status).toBe(200);
    expect(JSON.parse(body)).toMatchObject({
      status: 'ok',
      version: 'test',
      knowledgeBase: { frameworks: ['jersey', 'lbbd'], entries: 36 },
      auth: 'SingleTenant',
    });
    expect(body).not.toContain('very-secret-password');
  });
});

describe('authentication, when MicrosoftAppId is set', () => {
  const env = {
    MicrosoftAppId: '7c1e5a2b-3d4f-4a6b-8c9d-0e1f2a3b4c5d',
    MicrosoftAppPassword: 'secret',
    MicrosoftAppType: 'SingleTenant',
    MicrosoftAppTenantId: '3d5f3b7a-8c2e-4f1a-9b6d-2e7c4a1f0b93',
  };
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const forged = `${b64({ alg: 'RS256', typ: 'JWT', kid: 'forged' })}.${b64({ iss: 'https://attacker.example', aud: '7c1e5a2b-3d4f-4a6b-8c9d-0e1f2a3b4c5d', exp: Math.floor(Date.now() / 1000) + 600, serviceurl: 'http://127.0.0.1' })}.c2lnbmF0dXJl`;
  // botbuilder prints each refused sign-in with console.error: kept here, out of the test output.
  const printed = captureConsole();
  beforeEach(() => printed.start());
  afterEach(() => printed.stop());

  test.each([
    ['no Authorization header', {}],
    ['a malformed token', { authorization: 'Bearer not-a-jwt' }],
    ['a token from the wrong issuer', { authorization: `Bearer ${forged}` }],
  ])('%s → 401 and no turn runs', async (_label, headers) => {
    const app = await start(env);
    const res = await app.post(activity('personal-message', bot.connector.url), headers as Record<string, string>);
    expect(res.status).toBe(401);
    expect(bot.connector.requests).toHaveLength(0);
    expect(app.logs.join('')).not.toContain('"event":"answer"');
    // botbuilder prints refused sign-ins with console.error; the service keeps that quiet (it logs a kind instead).
    expect(printed.lines).toEqual([]);
  });
});

describe('tenants', () => {
  test('with ALLOWED_TENANTS set, another tenant gets no answer and a warning is logged with its id', async () => {
    const app = await start({ ALLOWED_TENANTS: '11111111-2222-4333-8444-555555555555' });
    expect((await app.post(activity('personal-message', bot.connector.url))).status).toBe(200);
    expect(bot.connector.requests).toHaveLength(0);
    const warning = app.logs
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => l['event'] === 'tenant-refused');
    expect(warning).toMatchObject({ level: 40, tenantId: '3d5f3b7a-8c2e-4f1a-9b6d-2e7c4a1f0b93' });
  });

  test('an allowed tenant is answered', async () => {
    const app = await start({ ALLOWED_TENANTS: '3D5F3B7A-8C2E-4F1A-9B6D-2E7C4A1F0B93' });
    await app.post(activity('personal-message', bot.connector.url));
    expect(bot.connector.requests).toHaveLength(1);
  });
});

describe('privacy', () => {
  const SECRET = 'Zephyrine Quilliam-Oduya';
  const question = `principle 7 for ${SECRET}, born 12/03/2015, mum on 07700 900123`;

  test("a question's text never appears in the logs or the store", async () => {
    const store = recordingStore(await openStore('sqlite::memory:'));
    const app = await start({}, { store });
    await app.post(activity('personal-message', bot.connector.url, { text: question }));
    await app.post(activity('adaptive-card-action', bot.connector.url));
    await app.post(activity('personal-message', bot.connector.url, { text: `framework jersey ${SECRET}` }));
    expect(app.logs.length).toBeGreaterThan(0);
    expect(store.written.length).toBeGreaterThan(0);
    for (const fragment of [SECRET, 'Zephyrine', '07700', '12/03/2015']) {
      expect(app.logs.join('\n')).not.toContain(fragment);
      expect(store.written.join('\n')).not.toContain(fragment);
    }
  });

  test('a question that looks personal gets a gentle reminder on its answer card', async () => {
    const app = await start();
    await app.post(activity('personal-message', bot.connector.url, { text: question }));
    expect(cardText(firstCard())).toMatch(/leave out anything that could identify a child or family/i);
  });

  test('an ordinary question gets no reminder', async () => {
    const app = await start();
    await app.post(activity('personal-message', bot.connector.url));
    expect(cardText(firstCard())).not.toMatch(/leave out anything that could identify a child or family/i);
  });
});

describe('bad input gets a short, clear reply and never a crash', () => {
  const textOf = (i = 0) => String(bot.connector.sent()[i]?.['text'] ?? '');

  test('empty text → the "what would you like to know" card', async () => {
    const app = await start();
    await app.post(activity('personal-message', bot.connector.url, { text: '   ' }));
    expect(cardText(firstCard())).toMatch(/What would you like to know/);
  });

  test('text over 1,000 characters is cut, and the person is told', async () => {
    const app = await start();
    await app.post(activity('personal-message', bot.connector.url, { text: `principle 7 ${'and more '.repeat(300)}` }));
    expect(textOf(0)).toMatch(/first 1,000 characters/);
    expect(cardText(cardOf(bot.connector.sent()[1]))).toContain('Principle 7');
  });

  test('a picture with no text → "I can only read typed questions"', async () => {
    const app = await start();
    await app.post(
      activity('personal-message', bot.connector.url, {
        text: '',
        attachments: [{ contentType: 'image/png', contentUrl: 'https://example.invalid/x.png' }],
      }),
    );
    expect(textOf()).toMatch(/only read typed questions/);
  });

  test('an unknown card verb → 400 with a clear message, and nothing stored', async () => {
    const app = await start();
    const res = await app.post(
      activity('adaptive-card-action', bot.connector.url, {
        value: { action: { type: 'Action.Execute', verb: 'deleteEverything', data: {} } },
      }),
    );
    const body = JSON.parse(res.body) as { statusCode: number; value: { message: string } };
    expect(body.statusCode).toBe(400);
    expect(body.value.message).toMatch(/isn't one I recognise/);
    expect(await app.store.feedbackCounts()).toEqual([]);
  });

  test.each([
    ['missing data', undefined],
    ['an unknown entry', { answerId: 'k3J9xQ2vLm8RtY4w', entryId: 'lbbd-made-up', helpful: true }],
    [
      'a helpful that is not a yes/no',
      { answerId: 'k3J9xQ2vLm8RtY4w', entryId: 'lbbd-accountability', helpful: 'very' },
    ],
    [
      'an answer id with script in it',
      { answerId: '<script>alert(1)</script>', entryId: 'lbbd-accountability', helpful: true },
    ],
  ])('tampered Action.Execute data (%s) → 400 and nothing stored', async (_label, data) => {
    const app = await start();
    const res = await app.post(
      activity('adaptive-card-action', bot.connector.url, {
        value: { action: { type: 'Action.Execute', verb: 'feedback', data } },
      }),
    );
    expect(JSON.parse(res.body)).toMatchObject({ statusCode: 400 });
    expect(await app.store.feedbackCounts()).toEqual([]);
  });

  test('tampered Action.Submit data → a short reply saying the button did not work', async () => {
    const app = await start();
    await app.post(
      activity('personal-message', bot.connector.url, {
        text: '',
        value: { action: 'open', entryId: '../../etc/passwd' },
      }),
    );
    expect(textOf()).toMatch(/button didn't work/);
  });

  test('an unknown activity type is accepted quietly', async () => {
    const app = await start();
    const res = await app.post(
      activity('personal-message', bot.connector.url, { type: 'somethingNew', text: undefined }),
    );
    expect(res.status).toBe(200);
    expect(bot.connector.requests).toHaveLength(0);
  });

  test('a body that is not JSON → 400 without a stack trace', async () => {
    const app = await start();
    const res = await fetch(`${app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"type": "message", ',
    });
    expect(res.status).toBe(400);
    expect(await res.text()).not.toMatch(/\bat .+\(.+:\d+:\d+\)/);
  });
});

describe('shutdown', () => {
  test('close() finishes a turn in flight before stopping, then refuses new connections', async () => {
    const app = await start();
    // A bot.connector that takes 300 ms to accept the reply keeps the turn in flight.
    const slow = createServer((_req, res) => setTimeout(() => res.end('{"id":"reply"}'), 300));
    await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
    const inFlight = app.post(
      activity('personal-message', `http://127.0.0.1:${(slow.address() as AddressInfo).port}/`),
    );
    await new Promise((r) => setTimeout(r, 100));
    expect(app.app.server.inFlight()).toBe(1);
    await app.close();
    expect((await inFlight).status).toBe(200);
    await expect(fetch(`${app.url}/healthz`)).rejects.toThrow();
    slow.close();
  });
});
