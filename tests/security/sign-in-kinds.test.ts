// Why a token was refused, read from the token and the error's type (bot/platform/sign-in.ts), never
// from a library's message. tests/security/auth.test.ts forges each kind through botbuilder; these
// pin the reading itself.
import { signInFailureKind } from '../../bot/platform/sign-in';

const APP_ID = '7c1e5a2b-3d4f-4a6b-8c9d-0e1f2a3b4c5d';
const ISSUER = 'https://api.botframework.com';
const NOW = Date.parse('2026-11-23T09:00:00Z');
const seconds = NOW / 1000;

const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
const bearer = (claims: object, header: object = { alg: 'RS256', kid: 'k' }, signature = 'c2ln') =>
  `Bearer ${part(header)}.${part(claims)}.${signature}`;
const good = { iss: ISSUER, aud: APP_ID, nbf: seconds - 60, exp: seconds + 600 };
const refused = Object.assign(new Error('any words at all'), { statusCode: 401 });
const jwtError = (name: string) => Object.assign(new Error('any words at all'), { name });
const kind = (error: unknown, authorization: string) =>
  signInFailureKind(error, authorization, { appId: APP_ID, issuer: ISSUER, now: NOW });

describe('a refused token is named by what it is, whatever the error says', () => {
  test.each([
    [
      'a failure that is not a refusal (the keys could not be fetched)',
      'keys-unreachable',
      new TypeError('fetch failed'),
      bearer(good),
    ],
    ['no Bearer token', 'no-token', refused, 'Basic dXNlcjpwYXNz'],
    ['not a JWT', 'not-a-channel-token', refused, 'Bearer not-a-jwt'],
    ['another issuer', 'not-a-channel-token', refused, bearer({ ...good, iss: 'https://attacker.example' })],
    ['expired past the 5-minute leeway', 'expired', refused, bearer({ ...good, exp: seconds - 301 })],
    [
      'not valid until past the leeway',
      'not-yet-valid',
      jwtError('NotBeforeError'),
      bearer({ ...good, nbf: seconds + 301 }),
    ],
    ['no signature', 'signature', jwtError('JsonWebTokenError'), bearer(good, { alg: 'RS256' }, '')],
    [
      'an algorithm channels do not sign with',
      'algorithm',
      jwtError('JsonWebTokenError'),
      bearer(good, { alg: 'HS256' }),
    ],
    ['another audience', 'audience', refused, bearer({ ...good, aud: 'someone-else' })],
    [
      'a well-formed token whose signature jsonwebtoken refused',
      'signature',
      jwtError('JsonWebTokenError'),
      bearer(good),
    ],
    ['a well-formed token botbuilder found no key for', 'unknown-key', refused, bearer(good)],
  ])('%s → %s', (_label, expected, error, authorization) => {
    expect(kind(error, authorization)).toBe(expected);
  });

  test('within the 5-minute leeway, an expiry is not what was wrong', () => {
    expect(kind(refused, bearer({ ...good, exp: seconds - 299 }))).toBe('unknown-key');
  });
});
