import { generateKeyPairSync } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT } from 'jose';
import type { KeysUrl } from '../../bot/web/console/auth';

export const TENANT = '11111111-2222-4333-8444-555555555555';
export const OTHER_TENANT = '99999999-2222-4333-8444-555555555555';
export const CLIENT_ID = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
export const APP_ID_URI = `api://console.example.org/${CLIENT_ID}`;
export const LEAD = '0a0a0a0a-1b1b-4c2c-8d3d-4e4e4e4e4e4e';
export const NOT_LEAD = '0f0f0f0f-1b1b-4c2c-8d3d-4e4e4e4e4e4e';
/** Settings for an app with an id: the bot's own registration, plus the console's. */
export const SIGNED_IN_ENV = {
  MicrosoftAppId: '12345678-1234-4234-8234-123456789012',
  MicrosoftAppPassword: 'not-a-real-secret',
  MicrosoftAppType: 'SingleTenant',
  MicrosoftAppTenantId: TENANT,
  ALLOWED_TENANTS: TENANT,
  PRACTICE_LEAD_AAD_IDS: LEAD,
  CONSOLE_CLIENT_ID: CLIENT_ID,
  CONSOLE_APP_ID_URI: APP_ID_URI,
};

/**
 * A stand-in for login.microsoftonline.com/<tid>/discovery/v2.0/keys on loopback, with RSA keys made
 * here. It publishes `published` keys; `rotate()` publishes a new one (a key the service has not seen).
 */
export interface TenantKeys {
  readonly keysUrl: KeysUrl;
  /** A token as Entra issues it for the console (v2 unless told), signed by the published key. */
  token(
    claims?: Record<string, unknown>,
    options?: { key?: 'published' | 'unpublished' | 'rotated'; version?: 1 | 2; kid?: string },
  ): Promise<string>;
  /** Publishes a second key, as Entra does when it rolls keys. */
  rotate(): void;
  readonly fetches: () => number;
  close(): Promise<void>;
}

interface Key {
  readonly kid: string;
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
}
const newKey = (kid: string): Key => ({ kid, ...generateKeyPairSync('rsa', { modulusLength: 2048 }) });

export async function startTenantKeys(): Promise<TenantKeys> {
  const main = newKey('key-one');
  const rotated = newKey('key-two');
  const unpublished = newKey('key-three');
  const published: Key[] = [main];
  let fetches = 0;
  const server = createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    const m = /^\/([0-9a-f-]{36})\/discovery\/v2\.0\/keys$/.exec(req.url ?? '');
    if (!m) {
      res.statusCode = 404;
      res.end('{}');
      return;
    }
    fetches++;
    res.end(
      JSON.stringify({
        keys: published.map((k) => ({ kty: 'RSA', use: 'sig', kid: k.kid, ...k.publicKey.export({ format: 'jwk' }) })),
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    keysUrl: (tid) => new URL(`http://127.0.0.1:${port}/${tid}/discovery/v2.0/keys`),
    async token(claims = {}, options = {}) {
      const version = options.version ?? 2;
      const tid = (claims['tid'] as string | undefined) ?? TENANT;
      const key = options.key === 'unpublished' ? unpublished : options.key === 'rotated' ? rotated : main;
      const now = Math.floor(Date.now() / 1000);
      const body = {
        aud: version === 2 ? CLIENT_ID : APP_ID_URI,
        iss: version === 2 ? `https://login.microsoftonline.com/${tid}/v2.0` : `https://sts.windows.net/${tid}/`,
        iat: now,
        nbf: now,
        exp: now + 3600,
        tid,
        oid: LEAD,
        scp: 'access_as_user',
        ver: version === 2 ? '2.0' : '1.0',
        ...claims,
      };
      return new SignJWT(body)
        .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: options.kid ?? key.kid })
        .sign(key.privateKey);
    },
    rotate: () => {
      if (!published.includes(rotated)) published.push(rotated);
    },
    fetches: () => fetches,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
