import { GUID } from './env';
import { ConfigError } from './types';

// The variables the service reads, and the reading of one that every part of the config's rules shares.

/** Every variable the service reads, and no other. */
export const CONFIG_SETTINGS = [
  'PORT',
  'HOST',
  'MicrosoftAppId',
  'MicrosoftAppPassword',
  'MicrosoftAppType',
  'MicrosoftAppTenantId',
  'ALLOWED_TENANTS',
  'ALLOWED_SERVICE_URLS',
  'DEFAULT_FRAMEWORK',
  'FRAMEWORKS',
  'LOG_LEVEL',
  'NODE_ENV',
  'KNOWLEDGE_DIR',
  'DATABASE_URL',
  'ADMIN_AAD_IDS',
  'SCHEDULER',
  'SCHEDULE_GRACE_HOURS',
  'SEND_RATE_PER_SECOND',
  'SEND_RATE_PER_CONVERSATION',
  'DEFAULT_TIME_ZONE',
  'ORGANISATION_NAME',
  'PRIVACY_CONTACT',
  'RETAIN_VOTES_DAYS',
  'RETAIN_ASK_COUNTS_DAYS',
  'RETAIN_POST_LOG_DAYS',
  'RETAIN_AUDIT_DAYS',
  'RETAIN_GONE_CONVERSATIONS_DAYS',
  'APPLICATIONINSIGHTS_CONNECTION_STRING',
  'PRACTICE_LEAD_AAD_IDS',
  'PRACTICE_APPROVER_AAD_IDS',
  'CONSOLE_CLIENT_ID',
  'CONSOLE_APP_ID_URI',
  'SUGGESTION_RETENTION_DAYS',
] as const;
type Setting = (typeof CONFIG_SETTINGS)[number];
/** A setting's trimmed value; undefined when unset or blank. */
export type Read = (name: Setting) => string | undefined;

/** A comma-separated list of GUIDs, lower case; null when the variable is unset. `problem` follows the bad value in the error. */
export function guidList(e: Read, name: Setting, problem: string): Set<string> | null {
  const raw = e(name);
  if (raw === undefined) return null;
  const ids = raw
    .split(',')
    .map((t) => t.trim().toLowerCase())
    .filter(Boolean);
  const bad = ids.find((t) => !GUID.test(t));
  if (bad !== undefined) throw new ConfigError(name, `"${bad}" ${problem}`);
  return new Set(ids);
}
