/**
 * Why a token was refused, as one of a few fixed words for the log, worked out from the token itself
 * (decoded here, never trusted) and from the kind of error, not from what the error says: the
 * library's message texts change between versions and can quote the caller's claims.
 *
 * botbuilder offers no seam for this (it throws its own AuthenticationError, or jsonwebtoken's
 * errors, with prose). What is relied on: that its refusals carry a numeric `statusCode` (its
 * IStatusCodeError) and jsonwebtoken's error names. tests/security/auth.test.ts forges each kind and fails if botbuilder's behaviour changes.
 */
export function signInFailureKind(error: unknown, authorization: string, expected: ExpectedToken): string {
  const name = (error as { name?: unknown } | undefined)?.name;
  const status = (error as { statusCode?: unknown } | undefined)?.statusCode;
  const refused = typeof status === 'number' || (typeof name === 'string' && JWT_ERRORS.has(name));
  // Not a refusal of the token: the check itself could not run (the signing keys could not be fetched).
  if (!refused) return 'keys-unreachable';
  const token = /^Bearer (\S+)$/i.exec(authorization)?.[1];
  if (token === undefined) return 'no-token';
  const jwt = decode(token);
  // botbuilder does not look at a token another issuer wrote, or that is not a JWT at all.
  if (!jwt || jwt.payload['iss'] !== expected.issuer) return 'not-a-channel-token';
  const now = expected.now / 1000;
  const { exp, nbf, aud } = jwt.payload;
  if (typeof exp === 'number' && exp + CLOCK_TOLERANCE_S < now) return 'expired';
  if (typeof nbf === 'number' && nbf - CLOCK_TOLERANCE_S > now) return 'not-yet-valid';
  if (jwt.signature === '') return 'signature';
  if (!ALGORITHMS.has(String(jwt.header['alg']))) return 'algorithm';
  if (aud !== expected.appId) return 'audience';
  // Well formed, from the channel, for this bot: jsonwebtoken refused the signature itself, or
  // botbuilder found no key (or no endorsement for this channel) under the token's key id.
  return name === 'JsonWebTokenError' ? 'signature' : 'unknown-key';
}

export interface ExpectedToken {
  /** This bot's app id: the audience channel tokens carry. */
  readonly appId: string;
  /** The channel's token issuer (botbuilder's ToBotFromChannelTokenIssuer). */
  readonly issuer: string;
  /** Milliseconds since the epoch. */
  readonly now: number;
}

/** The Bot Connector's issuer in Microsoft's public cloud, botbuilder's default. */
export const PUBLIC_CLOUD_ISSUER = 'https://api.botframework.com';

const JWT_ERRORS = new Set(['JsonWebTokenError', 'TokenExpiredError', 'NotBeforeError']);
/** What botbuilder accepts for channel tokens (AuthenticationConstants.AllowedSigningAlgorithms) and its clock leeway. */
const ALGORITHMS = new Set(['RS256', 'RS384', 'RS512']);
const CLOCK_TOLERANCE_S = 5 * 60;

interface Decoded {
  readonly header: Record<string, unknown>;
  readonly payload: Record<string, unknown>;
  readonly signature: string;
}

function decode(token: string): Decoded | undefined {
  const [header, payload, signature, ...more] = token.split('.');
  if (header === undefined || payload === undefined || signature === undefined || more.length > 0) return undefined;
  const h = json(header);
  const p = json(payload);
  return h && p ? { header: h, payload: p, signature } : undefined;
}

function json(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
