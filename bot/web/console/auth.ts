import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';
import type { JWTPayload } from 'jose';
import type { Config } from '../../config';
import { systemClock } from '../../../time/clock';
import type { Clock } from '../../../time/clock';

/**
 * Who may use the practice lead's console: a Teams single sign-on token (teams-js getAuthToken),
 * checked here on every call. Nothing from the token, and nothing jose says, reaches the caller.
 */

export type ConsoleAuthResult =
  | {
      readonly ok: true;
      readonly localMode: boolean;
      readonly tenantId?: string;
      readonly leadId?: string;
      readonly name?: string;
    }
  | { readonly ok: false; readonly status: 401 | 403; readonly kind: ConsoleRefusal };

/** Fixed words for the log: why a call was refused. Never the token's claims. */
export type ConsoleRefusal =
  | 'no-token'
  | 'malformed'
  | 'tenant'
  | 'signature'
  | 'unknown-key'
  | 'keys-unreachable'
  | 'expired'
  | 'not-yet-valid'
  | 'audience'
  | 'issuer'
  | 'algorithm'
  | 'scope'
  | 'not-a-lead'
  | 'not-configured'
  | 'closed'
  | 'other';

/** What the page shows. Fixed, and each says what to ask for. */
export const CONSOLE_REPLIES = Object.freeze({
  401: { code: 'Unauthorized', message: 'Sign-in failed. Open the Practice lead tab in Teams to sign in again.' },
  403: {
    code: 'Forbidden',
    message:
      'This console is for practice leads. Ask your Practice Companion administrator to add your Entra object id to PRACTICE_LEAD_AAD_IDS.',
  },
  closed: {
    code: 'ConsoleClosed',
    message:
      'The console is closed: this copy runs without sign-in (no MicrosoftAppId) and listens on the network (HOST). Unset HOST to use it on this computer, or set MicrosoftAppId to sign people in.',
  },
});

/** Where a tenant's signing keys are published. Microsoft's, unless tests point it at loopback. */
export type KeysUrl = (tenantId: string) => URL;
export const MICROSOFT_KEYS: KeysUrl = (tenantId) =>
  new URL(`https://login.microsoftonline.com/${tenantId}/discovery/v2.0/keys`);

/** At most one fetch of a tenant's keys per this long, however many unknown key ids arrive. */
const KEY_REFETCH_COOLDOWN_MS = 5_000;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SCOPE = 'access_as_user';

export interface ConsoleAuth {
  check(authorization: string | undefined): Promise<ConsoleAuthResult>;
}

export function createConsoleAuth(
  config: Config,
  keysUrl: KeysUrl = MICROSOFT_KEYS,
  clock: Clock = systemClock,
  keyRefetchCooldownMs = KEY_REFETCH_COOLDOWN_MS,
): ConsoleAuth {
  const { clientId, appIdUri, leadIds, approverIds, localMode, closed } = config.console;
  // The tenants whose tokens are accepted: ALLOWED_TENANTS, else the bot's own tenant. No list, no tenants.
  const tenants: ReadonlySet<string> =
    config.allowedTenants ?? new Set(config.appTenantId ? [config.appTenantId.toLowerCase()] : []);
  // One key set per allowed tenant, so the map is as small as the list. jose caches the keys and
  // fetches them again when a token names a key id it has not seen (at most once per cooldown).
  const keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();
  const keysOf = (tenantId: string) => {
    let set = keySets.get(tenantId);
    if (!set) {
      set = createRemoteJWKSet(keysUrl(tenantId), {
        timeoutDuration: 5000,
        cooldownDuration: keyRefetchCooldownMs,
        cacheMaxAge: 24 * 3_600_000,
      });
      keySets.set(tenantId, set);
    }
    return set;
  };
  const refuse = (status: 401 | 403, kind: ConsoleRefusal): ConsoleAuthResult => ({ ok: false, status, kind });

  return {
    async check(authorization) {
      if (closed) return refuse(403, 'closed');
      if (localMode) return { ok: true, localMode: true };
      if (!clientId) return refuse(401, 'not-configured');
      const match = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/.exec(authorization ?? '');
      if (!match?.[1]) return refuse(401, authorization ? 'malformed' : 'no-token');
      const token = match[1];
      // The tenant decides where the keys come from, so it is read (not trusted) first, and only an
      // allowed tenant's keys are ever fetched.
      let unverified: JWTPayload;
      try {
        unverified = decodeJwt(token);
      } catch {
        return refuse(401, 'malformed');
      }
      const tid = typeof unverified['tid'] === 'string' ? unverified['tid'].toLowerCase() : '';
      if (!GUID.test(tid) || !tenants.has(tid)) return refuse(401, 'tenant');
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, keysOf(tid), {
          algorithms: ['RS256'],
          audience: [clientId, ...(appIdUri ? [appIdUri] : [])],
          issuer: [`https://login.microsoftonline.com/${tid}/v2.0`, `https://sts.windows.net/${tid}/`],
          clockTolerance: 60,
          currentDate: clock.now(),
          requiredClaims: ['exp', 'iss', 'aud', 'tid', 'oid'],
        }));
      } catch (error) {
        return refuse(401, refusalKind(error));
      }
      // Signed by the tenant, so tid is the one read above; the scope says the token was issued for this API.
      const scopes = typeof payload['scp'] === 'string' ? payload['scp'].split(' ') : [];
      if (!scopes.includes(SCOPE)) return refuse(401, 'scope');
      const oid = typeof payload['oid'] === 'string' ? payload['oid'].toLowerCase() : '';
      // Practice leads draft; approvers publish. Either may open the console.
      if (!leadIds.has(oid) && !approverIds.has(oid)) return refuse(403, 'not-a-lead');
      const name = displayName(payload['name']);
      return { ok: true, localMode: false, tenantId: tid, leadId: oid, ...(name !== undefined && { name }) };
    },
  };
}

/** The token's name claim, as a name to show beside a draft: plain text, at most 100 characters. */
function displayName(claim: unknown): string | undefined {
  if (typeof claim !== 'string') return undefined;
  const name = claim.replace(/[\p{Cc}\p{Cf}]/gu, '').trim();
  return name.length > 0 && name.length <= 100 ? name : undefined;
}

/** jose's error codes as our fixed words. */
function refusalKind(error: unknown): ConsoleRefusal {
  const code = (error as { code?: unknown })?.code;
  const claim = (error as { claim?: unknown })?.claim;
  switch (code) {
    case 'ERR_JWT_EXPIRED':
      return 'expired';
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      return claim === 'aud' ? 'audience' : claim === 'iss' ? 'issuer' : claim === 'nbf' ? 'not-yet-valid' : 'other';
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
      return 'signature';
    case 'ERR_JWKS_NO_MATCHING_KEY':
    case 'ERR_JWKS_MULTIPLE_MATCHING_KEYS':
      return 'unknown-key';
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
    case 'ERR_JOSE_NOT_SUPPORTED':
      return 'algorithm';
    case 'ERR_JWKS_TIMEOUT':
    case 'ERR_JWKS_INVALID':
      return 'keys-unreachable';
    case 'ERR_JWS_INVALID':
    case 'ERR_JWT_INVALID':
      return 'malformed';
    default:
      return error instanceof TypeError || /fetch|ECONN|network/i.test(String((error as Error)?.message))
        ? 'keys-unreachable'
        : 'other';
  }
}
