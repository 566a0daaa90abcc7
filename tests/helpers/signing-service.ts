import { createHmac, createSign, generateKeyPairSync } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The Bot Connector's token issuer, as botbuilder expects it. */
export const CHANNEL_ISSUER = 'https://api.botframework.com';

/**
 * botbuilder's public-cloud settings with the channel's OpenID metadata on loopback. botbuilder
 * drops all its defaults once any endpoint is set, so the rest are Microsoft's public-cloud values.
 */
export function authEndpoints(metadataUrl: string): Record<string, string | boolean> {
  return {
    ValidateAuthority: true,
    ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
    ToChannelFromBotOAuthScope: 'https://api.botframework.com',
    ToBotFromChannelTokenIssuer: CHANNEL_ISSUER,
    OAuthUrl: 'https://api.botframework.com',
    ToBotFromChannelOpenIdMetadataUrl: metadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl:
      'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration',
    CallerId: 'urn:botframework:azure',
  };
}

export interface SigningService {
  /** Give to the app as ToBotFromChannelOpenIdMetadataUrl. */
  readonly metadataUrl: string;
  readonly kid: string;
  readonly publicKeyPem: string;
  /** A token signed with the service's own key (RS256 unless `header` says otherwise). */
  token(claims: Record<string, unknown>, header?: Record<string, unknown>): string;
  /** A token signed by a key the service does not publish, under the service's kid. */
  forgedToken(claims: Record<string, unknown>): string;
  /** How many times the keys were fetched. */
  readonly fetches: () => number;
  close(): Promise<void>;
}

const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');

export function signJwt(header: Record<string, unknown>, claims: Record<string, unknown>, key: KeyObject): string {
  const input = `${b64(header)}.${b64(claims)}`;
  return `${input}.${createSign('RSA-SHA256').update(input).sign(key).toString('base64url')}`;
}

export function hmacJwt(header: Record<string, unknown>, claims: Record<string, unknown>, secret: string): string {
  const input = `${b64(header)}.${b64(claims)}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

export function unsignedJwt(header: Record<string, unknown>, claims: Record<string, unknown>): string {
  return `${b64(header)}.${b64(claims)}.`;
}

/**
 * A stand-in for the Bot Connector's OpenID metadata and signing keys, on loopback: publishes one
 * RSA key endorsed for msteams, as login.botframework.com does, and signs tokens with it.
 */
export async function startSigningService(): Promise<SigningService> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  const kid = `test-key-${Math.random().toString(36).slice(2, 10)}`;
  const jwk = publicKey.export({ format: 'jwk' });
  let fetches = 0;
  const server = createServer((req, res) => {
    const { port } = server.address() as AddressInfo;
    res.setHeader('content-type', 'application/json');
    if (req.url === '/v1/.well-known/openidconfiguration') {
      res.end(
        JSON.stringify({
          issuer: CHANNEL_ISSUER,
          jwks_uri: `http://127.0.0.1:${port}/v1/.well-known/keys`,
          id_token_signing_alg_values_supported: ['RS256'],
        }),
      );
    } else if (req.url === '/v1/.well-known/keys') {
      fetches++;
      res.end(
        JSON.stringify({ keys: [{ kty: 'RSA', use: 'sig', kid, n: jwk.n, e: jwk.e, endorsements: ['msteams'] }] }),
      );
    } else {
      res.statusCode = 404;
      res.end('{}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    metadataUrl: `http://127.0.0.1:${port}/v1/.well-known/openidconfiguration`,
    kid,
    publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    token: (claims, header = {}) => signJwt({ alg: 'RS256', typ: 'JWT', kid, ...header }, claims, privateKey),
    forgedToken: (claims) => signJwt({ alg: 'RS256', typ: 'JWT', kid }, claims, other),
    fetches: () => fetches,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
