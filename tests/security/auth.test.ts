// Finding 4: forged tokens got 500s with botbuilder's error text and a stack trace per request, and a
// failure to fetch the signing keys showed their URL. Finding 2: with an app id, the serviceUrl must
// be the one the token was issued for.
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { startApp } from '../../testkit/app-harness';
import type { RunningApp } from '../../testkit/app-harness';
import { startFakeConnector } from '../../testkit/fake-connector';
import type { FakeConnector } from '../../testkit/fake-connector';
import { activity } from '../helpers/fixtures';
import { CHANNEL_ISSUER, authEndpoints, hmacJwt, startSigningService, unsignedJwt } from '../helpers/signing-service';
import type { SigningService } from '../helpers/signing-service';

const APP_ID = '7c1e5a2b-3d4f-4a6b-8c9d-0e1f2a3b4c5d';
const ENV = {
  MicrosoftAppId: APP_ID,
  MicrosoftAppPassword: 'secret',
  MicrosoftAppType: 'SingleTenant',
  MicrosoftAppTenantId: '3d5f3b7a-8c2e-4f1a-9b6d-2e7c4a1f0b93',
};
const UNAUTHORIZED = { code: 'Unauthorized', message: 'Sign-in failed.' };
const LIBRARY_TEXT = /\bat .+:\d+:\d+|node_modules|Error|jwt|token|signature|Unauthorized\.|127\.0\.0\.1|openid|keys/i;

let connector: FakeConnector;
let signer: SigningService;
let running: RunningApp | undefined;

// What reaches the console (stderr) while the tests run. Installed before any app starts, so it
// stands where a real process's console would.
const printed: unknown[][] = [];
const originalError = console.error;
const originalWarn = console.warn;
beforeAll(() => {
  console.error = (...args: unknown[]) => printed.push(args);
  console.warn = (...args: unknown[]) => printed.push(args);
});
afterAll(() => {
  console.error = originalError;
  console.warn = originalWarn;
});

beforeEach(async () => {
  connector = await startFakeConnector();
  signer = await startSigningService();
});
afterEach(async () => {
  await running?.close();
  running = undefined;
  await connector.close();
  await signer.close();
});

const now = () => Math.floor(Date.now() / 1000);
const claims = (more: Record<string, unknown> = {}) => ({
  iss: CHANNEL_ISSUER,
  aud: APP_ID,
  nbf: now() - 60,
  exp: now() + 600,
  serviceurl: connector.url,
  ...more,
});
/** An invoke is answered in the HTTP response: a turn that runs shows itself without any outgoing call. */
const invoke = () =>
  activity('adaptive-card-action', connector.url, {
    value: {
      action: {
        type: 'Action.Execute',
        verb: 'anotherPrompt',
        data: { entryId: 'lbbd-accountability', promptIndex: 0, audience: 'individual' },
      },
    },
  });

async function startSigned(): Promise<RunningApp> {
  running = await startApp(ENV, { http: true, authEndpoints: authEndpoints(signer.metadataUrl) });
  return running;
}

describe('a token the Bot Connector signed', () => {
  test('is accepted, and the turn runs', async () => {
    const app = await startSigned();
    const res = await app.post(invoke(), { authorization: `Bearer ${signer.token(claims())}` });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
  });

  test("is refused when the activity names a serviceUrl other than the token's, and nothing is posted or stored", async () => {
    const app = await startSigned();
    const elsewhere = await startFakeConnector();
    try {
      // Signed for the real connector; the activity asks the bot to post somewhere else.
      const res = await app.post(activity('personal-message', elsewhere.url), {
        authorization: `Bearer ${signer.token(claims())}`,
      });
      expect(res.status).toBe(401);
      expect(JSON.parse(res.body)).toEqual(UNAUTHORIZED);
      expect(elsewhere.requests).toHaveLength(0);
      expect(connector.requests).toHaveLength(0);
      expect(
        await app.store.conversation('a:1Ka5yEe8kFzq2oT1bV9cXwN3mLpQrS7tUvWxYz0AbCdEfGhIjKlMnOpQrStUvWxYz1234567890'),
      ).toBeUndefined();
    } finally {
      await elsewhere.close();
    }
  });
});

describe('forged tokens: each kind gets the same fixed 401, no turn, and no library text', () => {
  const kinds: Array<[string, () => string, string]> = [
    ['no Authorization header', () => '', 'no-token'],
    ['a Basic header', () => 'Basic dXNlcjpwYXNz', 'no-token'],
    ['a malformed token', () => 'Bearer not-a-jwt', 'not-a-channel-token'],
    [
      'a bad signature (signed by another key under the real kid)',
      () => `Bearer ${signer.forgedToken(claims())}`,
      'signature',
    ],
    ['no signature', () => `Bearer ${signer.token(claims()).split('.').slice(0, 2).join('.')}.`, 'signature'],
    ['alg none', () => `Bearer ${unsignedJwt({ alg: 'none', typ: 'JWT', kid: signer.kid }, claims())}`, 'signature'],
    [
      'the wrong algorithm (HS256 keyed with the public key)',
      () => `Bearer ${hmacJwt({ alg: 'HS256', typ: 'JWT', kid: signer.kid }, claims(), signer.publicKeyPem)}`,
      'algorithm',
    ],
    ['an expired token', () => `Bearer ${signer.token(claims({ nbf: now() - 7200, exp: now() - 3600 }))}`, 'expired'],
    [
      'a token not valid yet',
      () => `Bearer ${signer.token(claims({ nbf: now() + 3600, exp: now() + 7200 }))}`,
      'not-yet-valid',
    ],
    [
      'the wrong audience',
      () => `Bearer ${signer.token(claims({ aud: '99999999-9999-4999-8999-999999999999' }))}`,
      'audience',
    ],
    [
      'the wrong issuer',
      () => `Bearer ${signer.token(claims({ iss: 'https://attacker.example' }))}`,
      'not-a-channel-token',
    ],
    ['an unknown key id', () => `Bearer ${signer.token(claims(), { kid: 'no-such-key' })}`, 'unknown-key'],
  ];

  test.each(kinds)('%s → 401', async (_label, header, kind) => {
    const app = await startSigned();
    printed.length = 0;
    const value = header();
    const res = await app.post(activity('personal-message', connector.url), value ? { authorization: value } : {});
    expect(res.status).toBe(401);
    expect(JSON.parse(res.body)).toEqual(UNAUTHORIZED);
    expect(res.body).not.toMatch(LIBRARY_TEXT);
    expect(printed).toEqual([]);
    // Logged as a fixed word for the kind, so people can see what is being tried.
    expect(
      app.logs
        .map((l) => JSON.parse(l) as Record<string, unknown>)
        .filter((l) => l['event'] === 'auth-refused')
        .map((l) => l['kind']),
    ).toEqual([kind]);
    expect(connector.requests).toHaveLength(0);
    expect(app.logs.join('')).not.toContain('"event":"answer"');
  });

  test('the same forged kind three times: one stack trace in the log, not three', async () => {
    const app = await startSigned();
    for (let i = 0; i < 3; i++) {
      expect(
        (
          await app.post(activity('personal-message', connector.url), {
            authorization: `Bearer ${signer.forgedToken(claims())}`,
          })
        ).status,
      ).toBe(401);
    }
    const refusals = app.logs
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter((l) => l['event'] === 'auth-refused');
    expect(refusals).toHaveLength(3);
    expect(refusals.filter((l) => typeof l['stack'] === 'string' && (l['stack'] as string).length > 0)).toHaveLength(1);
    expect(refusals.every((l) => l['kind'] === refusals[0]!['kind'])).toBe(true);
  });

  test('the log never quotes a claim the caller wrote', async () => {
    const app = await startSigned();
    const marker = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
    await app.post(activity('personal-message', connector.url), {
      authorization: `Bearer ${signer.token(claims({ aud: marker }))}`,
    });
    expect(app.logs.join('\n')).not.toContain(marker);
  });
});

describe('without a socket (server.inject, what turn tests use): the same sign-in as HTTP', () => {
  const refusals = (app: RunningApp) =>
    app.logs
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter((l) => l['event'] === 'auth-refused')
      .map((l) => l['kind']);

  test.each([
    ['no Authorization header', () => '', 'no-token'],
    ['a malformed token', () => 'Bearer not-a-jwt', 'not-a-channel-token'],
    ['a bad signature', () => `Bearer ${signer.forgedToken(claims())}`, 'signature'],
  ])('%s → the fixed 401, and no turn', async (_label, header, kind) => {
    running = await startApp(ENV, { authEndpoints: authEndpoints(signer.metadataUrl) });
    expect(() => running?.url).toThrow(/http: true/);
    const value = header();
    const res = await running.post(invoke(), value ? { authorization: value } : {});
    expect(res).toEqual({ status: 401, body: JSON.stringify(UNAUTHORIZED) });
    expect(refusals(running)).toEqual([kind]);
    expect(connector.requests).toHaveLength(0);
  });

  test('a token the Bot Connector signed is accepted, and the invoke answered as over HTTP', async () => {
    running = await startApp(ENV, { authEndpoints: authEndpoints(signer.metadataUrl) });
    const res = await running.post(invoke(), { authorization: `Bearer ${signer.token(claims())}` });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(refusals(running)).toEqual([]);
  });
});

describe('when the signing keys cannot be fetched', () => {
  test('401 with the fixed message: no URL, no port, no library text', async () => {
    // A port that was free a moment ago: nothing answers there.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    running = await startApp(ENV, {
      http: true,
      authEndpoints: authEndpoints(`http://127.0.0.1:${port}/v1/.well-known/openidconfiguration`),
    });
    const res = await running.post(activity('personal-message', connector.url), {
      authorization: `Bearer ${signer.token(claims())}`,
    });
    expect(res.status).toBe(401);
    expect(JSON.parse(res.body)).toEqual(UNAUTHORIZED);
    expect(res.body).not.toContain(String(port));
    expect(running.logs.join('')).toContain('"kind":"keys-unreachable"');
    expect(res.body).not.toMatch(LIBRARY_TEXT);
  });
});
