import { startApp } from '../../testkit/app-harness';
import type { RunningApp } from '../../testkit/app-harness';
import { hmacJwt, unsignedJwt } from '../helpers/signing-service';
import {
  CLIENT_ID,
  LEAD,
  NOT_LEAD,
  OTHER_TENANT,
  SIGNED_IN_ENV,
  TENANT,
  startTenantKeys,
} from '../helpers/tenant-keys';
import type { TenantKeys } from '../helpers/tenant-keys';
import { CONSOLE_REPLIES } from '../../bot/web/console/auth';

// The console's sign-in, against the real server on loopback, with a key server standing in for Entra.
describe('console sign-in', () => {
  let keys: TenantKeys;
  let app: RunningApp;
  beforeAll(async () => {
    keys = await startTenantKeys();
    app = await startApp(SIGNED_IN_ENV, { http: true, consoleKeysUrl: keys.keysUrl });
  });
  afterAll(async () => {
    await app.close();
    await keys.close();
  });

  const get = async (path: string, token?: string) => {
    const res = await fetch(
      `${app.url}${path}`,
      token === undefined ? {} : { headers: { authorization: `Bearer ${token}` } },
    );
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const now = () => Math.floor(Date.now() / 1000);

  test.each(['/api/console/insights', '/api/console/suggestions', '/api/console/session'])(
    '%s without a token is a fixed 401',
    async (path) => {
      const res = await get(path);
      expect(res.status).toBe(401);
      expect(res.body).toEqual(CONSOLE_REPLIES[401]);
    },
  );

  test('a valid token of a practice lead gets the insights (v2 and v1 tokens)', async () => {
    const v2 = await get('/api/console/insights', await keys.token());
    expect(v2.status).toBe(200);
    expect(v2.body['by']).toBe('week');
    const v1 = await get('/api/console/suggestions', await keys.token({}, { version: 1 }));
    expect(v1.status).toBe(200);
    expect(v1.body['suggestions']).toEqual([]);
  });

  test('a valid token of someone who is not a lead is a fixed 403', async () => {
    const res = await get('/api/console/insights', await keys.token({ oid: NOT_LEAD }));
    expect(res.status).toBe(403);
    expect(res.body).toEqual(CONSOLE_REPLIES[403]);
  });

  const refused: Array<[string, () => Promise<string>]> = [
    ['the wrong audience', () => keys.token({ aud: '00000000-0000-4000-8000-000000000000' })],
    ['the Graph audience', () => keys.token({ aud: 'https://graph.microsoft.com' })],
    ['the wrong issuer', () => keys.token({ iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0` })],
    ['a look-alike issuer', () => keys.token({ iss: `https://evil.example/${TENANT}/v2.0` })],
    ['a tenant not allowed', () => keys.token({ tid: OTHER_TENANT })],
    ['a tenant that is not a GUID', () => keys.token({ tid: '../../x' })],
    ['an expired token', () => keys.token({ iat: now() - 7200, nbf: now() - 7200, exp: now() - 3600 })],
    ['a token not valid yet', () => keys.token({ nbf: now() + 3600, exp: now() + 7200 })],
    ['no scope', () => keys.token({ scp: undefined })],
    ['another scope', () => keys.token({ scp: 'User.Read' })],
    ['an unpublished key under a known key id', () => keys.token({}, { key: 'unpublished', kid: 'key-one' })],
    ['an unknown key', () => keys.token({}, { key: 'unpublished' })],
    [
      'alg none',
      async () =>
        unsignedJwt(
          { alg: 'none', typ: 'JWT' },
          {
            aud: CLIENT_ID,
            iss: `https://login.microsoftonline.com/${TENANT}/v2.0`,
            tid: TENANT,
            oid: LEAD,
            scp: 'access_as_user',
            exp: now() + 3600,
          },
        ),
    ],
    [
      'HS256 signed with the client id',
      async () =>
        hmacJwt(
          { alg: 'HS256', typ: 'JWT', kid: 'key-one' },
          {
            aud: CLIENT_ID,
            iss: `https://login.microsoftonline.com/${TENANT}/v2.0`,
            tid: TENANT,
            oid: LEAD,
            scp: 'access_as_user',
            exp: now() + 3600,
          },
          CLIENT_ID,
        ),
    ],
    ['not a JWT', async () => 'not-a-token'],
  ];
  test.each(refused)('%s is a fixed 401, and the log says why without the token', async (_what, make) => {
    const token = await make();
    const before = app.logs.length;
    const res = await get('/api/console/insights', token);
    expect(res.status).toBe(401);
    expect(res.body).toEqual(CONSOLE_REPLIES[401]);
    const logged = app.logs.slice(before).join('');
    expect(logged).toMatch(/"event":"console-refused"/);
    expect(logged).not.toContain(token.slice(0, 40));
  });
});

describe('console key rotation', () => {
  // Its own key server: keys are fetched at most once per cooldown, and the tests above just fetched.
  // The service waits 5 s between fetches; this app 1 s, so the test waits out the cooldown in about 1 s.
  const COOLDOWN_MS = 1000;
  test('a key published after start is fetched when a token names it, then cached', async () => {
    const keys = await startTenantKeys();
    const app = await startApp(SIGNED_IN_ENV, {
      http: true,
      consoleKeysUrl: keys.keysUrl,
      consoleKeyCooldownMs: COOLDOWN_MS,
    });
    const get = (token: string) =>
      fetch(`${app.url}/api/console/insights`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.status);
    try {
      // Both signed first, so that only one request falls inside the cooldown.
      const published = await keys.token();
      const rotated = await keys.token({}, { key: 'rotated' });
      expect(await get(published)).toBe(200);
      // The keys were fetched during that request, so the cooldown is over by then.
      const cooldownOver = Date.now() + COOLDOWN_MS;
      const before = keys.fetches();
      keys.rotate();
      // Within the cooldown an unknown key is refused without a fetch (a flood of made-up kids fetches nothing)…
      expect(await get(rotated)).toBe(401);
      expect(keys.fetches()).toBe(before);
      // …after it, the new key is fetched.
      await new Promise((r) => setTimeout(r, Math.max(0, cooldownOver - Date.now()) + 5));
      expect(await get(rotated)).toBe(200);
      expect(keys.fetches()).toBe(before + 1);
      expect(await get(await keys.token())).toBe(200);
      expect(await get(await keys.token({}, { key: 'rotated' }))).toBe(200);
      expect(keys.fetches()).toBe(before + 1);
    } finally {
      await app.close();
      await keys.close();
    }
  });
});

describe('console when the keys cannot be fetched', () => {
  test('is a fixed 401, not a 500', async () => {
    const keys = await startTenantKeys();
    const token = await keys.token();
    await keys.close();
    const app = await startApp(SIGNED_IN_ENV, { http: true, consoleKeysUrl: keys.keysUrl });
    try {
      const res = await fetch(`${app.url}/api/console/insights`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual(CONSOLE_REPLIES[401]);
    } finally {
      await app.close();
    }
  });
});

describe('console in local mode', () => {
  test('without an app id the console API is open, and says it is local', async () => {
    const app = await startApp({}, { http: true });
    try {
      const res = await fetch(`${app.url}/api/console/session`);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ localMode: true });
      expect((await fetch(`${app.url}/api/console/insights`)).status).toBe(200);
    } finally {
      await app.close();
    }
  });

  test('with an app id and no valid token, insights and suggestions are 401 even with no leads listed', async () => {
    const env: Record<string, string> = { ...SIGNED_IN_ENV };
    for (const name of ['PRACTICE_LEAD_AAD_IDS', 'CONSOLE_CLIENT_ID', 'CONSOLE_APP_ID_URI']) delete env[name];
    const app = await startApp(env, { http: true });
    try {
      for (const path of ['/api/console/insights', '/api/console/suggestions']) {
        expect((await fetch(`${app.url}${path}`)).status).toBe(401);
        expect((await fetch(`${app.url}${path}`, { headers: { authorization: 'Bearer a.b.c' } })).status).toBe(401);
      }
    } finally {
      await app.close();
    }
  });
});
