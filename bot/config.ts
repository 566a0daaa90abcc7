import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { z } from 'zod';
import { isTimeZone } from '../schedule/slots';
import { redact } from '../store/open';

/** Everything the service reads from its environment, checked once at start. */
export interface Config {
  readonly port: number;
  readonly host: string;
  /** True when HOST was set. Without it an anonymous bot listens on loopback only. */
  readonly hostExplicit: boolean;
  /**
   * Service URLs the bot may post to, from ALLOWED_SERVICE_URLS (each matches its origin and the
   * paths under it). Null: in anonymous mode, loopback only; with an app id, what the token allows.
   */
  readonly allowedServiceUrls: readonly string[] | null;
  /** Empty in anonymous mode (local use and the Playground only). */
  readonly appId: string;
  readonly appPassword: string;
  readonly appType: 'SingleTenant' | 'UserAssignedMSI' | 'MultiTenant';
  readonly appTenantId: string;
  /** Null when every tenant is allowed. */
  readonly allowedTenants: ReadonlySet<string> | null;
  readonly defaultFramework: string | undefined;
  /** The frameworks this deployment serves (FRAMEWORKS); undefined serves every framework in the knowledge folder. */
  readonly frameworks: readonly string[] | undefined;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly production: boolean;
  readonly knowledgeDir: string | undefined;
  /** True when no MicrosoftAppId is set: requests are not authenticated. */
  readonly anonymous: boolean;
  /** `sqlite:path` (the default, under ./data) or `postgres://…`. */
  readonly databaseUrl: string;
  /** Entra object ids allowed to change schedules and meeting openers; null lets any team member. */
  readonly adminIds: ReadonlySet<string> | null;
  readonly schedule: ScheduleConfig;
  /** Shown on /privacy and /terms: who runs this copy, and how to reach them about privacy. */
  readonly organisation: string | undefined;
  readonly privacyContact: string | undefined;
  /** How many days each kind of stored row is kept (docs/data-protection.md). */
  readonly retention: RetentionConfig;
  /** Application Insights; when unset, no telemetry code is loaded and nothing is sent. */
  readonly applicationInsightsConnectionString: string | undefined;
  readonly console: ConsoleConfig;
}

/** The practice lead's console (/console and /api/console/…). */
export interface ConsoleConfig {
  /** Entra object ids of the practice leads, from PRACTICE_LEAD_AAD_IDS (lower case). */
  readonly leadIds: ReadonlySet<string>;
  /** The client id of the console's Entra app registration (CONSOLE_CLIENT_ID): the tokens' audience. */
  readonly clientId: string | undefined;
  /** Its Application ID URI (CONSOLE_APP_ID_URI), `api://<host>/<client id>`: the audience of v1 tokens. */
  readonly appIdUri: string | undefined;
  /** True only without MicrosoftAppId and outside production: the console is open on loopback, with a banner. */
  readonly localMode: boolean;
  /** Days a suggested question is kept before the service deletes it (SUGGESTION_RETENTION_DAYS, default 90). */
  readonly suggestionRetentionDays: number;
}

export interface RetentionConfig {
  readonly votesDays: number;
  readonly askCountsDays: number;
  readonly postLogDays: number;
  readonly auditDays: number;
  readonly goneConversationsDays: number;
}

/** The retention defaults, in days. docs/data-protection.md states the same figures (a test keeps them equal). */
export const RETENTION_DEFAULTS = Object.freeze({
  RETAIN_VOTES_DAYS: 90,
  RETAIN_ASK_COUNTS_DAYS: 730,
  RETAIN_POST_LOG_DAYS: 365,
  RETAIN_AUDIT_DAYS: 365,
  RETAIN_GONE_CONVERSATIONS_DAYS: 30,
});

export interface ScheduleConfig {
  /** False on instances that should only answer (the scheduler runs elsewhere). */
  readonly enabled: boolean;
  /** A slot missed while the service was down is still posted within this window; later, it is recorded as missed. */
  readonly graceMs: number;
  /** Proactive sends per second from this instance (Teams allows 50 per app per tenant). */
  readonly ratePerSecond: number;
  /** Proactive sends per second into one conversation (Teams allows 7). */
  readonly conversationRatePerSecond: number;
  /** Time zone for new schedules when none is given. */
  readonly defaultTimeZone: string;
}

export class ConfigError extends Error {
  constructor(readonly variable: string, message: string) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

const APP_TYPES = ['SingleTenant', 'UserAssignedMSI', 'MultiTenant'] as const;
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const trimmed = z.string().trim().optional().transform((v) => (v === undefined || v === '' ? undefined : v));

const envSchema = z.object({
  PORT: trimmed,
  HOST: trimmed,
  MicrosoftAppId: trimmed,
  MicrosoftAppPassword: trimmed,
  MicrosoftAppType: trimmed,
  MicrosoftAppTenantId: trimmed,
  ALLOWED_TENANTS: trimmed,
  ALLOWED_SERVICE_URLS: trimmed,
  DEFAULT_FRAMEWORK: trimmed,
  FRAMEWORKS: trimmed,
  LOG_LEVEL: trimmed,
  NODE_ENV: trimmed,
  KNOWLEDGE_DIR: trimmed,
  DATABASE_URL: trimmed,
  ADMIN_AAD_IDS: trimmed,
  SCHEDULER: trimmed,
  SCHEDULE_GRACE_HOURS: trimmed,
  SEND_RATE_PER_SECOND: trimmed,
  SEND_RATE_PER_CONVERSATION: trimmed,
  DEFAULT_TIME_ZONE: trimmed,
  ORGANISATION_NAME: trimmed,
  PRIVACY_CONTACT: trimmed,
  RETAIN_VOTES_DAYS: trimmed,
  RETAIN_ASK_COUNTS_DAYS: trimmed,
  RETAIN_POST_LOG_DAYS: trimmed,
  RETAIN_AUDIT_DAYS: trimmed,
  RETAIN_GONE_CONVERSATIONS_DAYS: trimmed,
  APPLICATIONINSIGHTS_CONNECTION_STRING: trimmed,
  PRACTICE_LEAD_AAD_IDS: trimmed,
  CONSOLE_CLIENT_ID: trimmed,
  CONSOLE_APP_ID_URI: trimmed,
  SUGGESTION_RETENTION_DAYS: trimmed,
});

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Reads the configuration from `env`, with `.env` in `cwd` filling gaps (the environment wins).
 * Throws a ConfigError naming the variable and saying how to fix it.
 */
export function loadConfig(env: Readonly<Record<string, string | undefined>>, cwd = process.cwd()): Config {
  const dotenvFile = join(cwd, '.env');
  const fromFile = existsSync(dotenvFile) ? parseDotenv(readFileSync(dotenvFile)) : {};
  const e = envSchema.parse({ ...fromFile, ...pick(env, Object.keys(envSchema.shape)) });

  const port = e.PORT === undefined ? 3978 : Number(e.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError('PORT', `"${e.PORT}" is not a port number: use a whole number from 1 to 65535, e.g. 3978`);
  }

  const logLevel = (e.LOG_LEVEL ?? 'info').toLowerCase();
  if (!isOneOf(LOG_LEVELS, logLevel)) {
    throw new ConfigError('LOG_LEVEL', `"${e.LOG_LEVEL}" is not a log level: use one of ${LOG_LEVELS.join(', ')}`);
  }

  const production = e.NODE_ENV?.toLowerCase() === 'production';
  const appId = e.MicrosoftAppId ?? '';
  if (appId && !GUID.test(appId.toLowerCase())) {
    throw new ConfigError('MicrosoftAppId', `"${appId}" is not an app id: use the Application (client) ID of your Azure Bot registration, a GUID such as 00000000-0000-0000-0000-000000000000`);
  }
  const typeInput = e.MicrosoftAppType ?? (appId ? 'MultiTenant' : 'SingleTenant');
  const appType = APP_TYPES.find((t) => t.toLowerCase() === typeInput.toLowerCase());
  if (!appType) {
    throw new ConfigError('MicrosoftAppType', `"${typeInput}" is not an app type: use SingleTenant or UserAssignedMSI (MultiTenant only for an existing registration)`);
  }
  const appPassword = e.MicrosoftAppPassword ?? '';
  const appTenantId = e.MicrosoftAppTenantId ?? '';
  if (appTenantId && !GUID.test(appTenantId.toLowerCase())) {
    throw new ConfigError('MicrosoftAppTenantId', `"${appTenantId}" is not a tenant id: use the Directory (tenant) ID of your Microsoft Entra tenant, a GUID such as 00000000-0000-0000-0000-000000000000`);
  }

  if (!appId) {
    if (production) {
      throw new ConfigError('MicrosoftAppId', 'is not set, and NODE_ENV is production. Set MicrosoftAppId, MicrosoftAppType and MicrosoftAppTenantId (and MicrosoftAppPassword unless the type is UserAssignedMSI) from your Azure Bot registration. Anonymous mode is for local use only.');
    }
    if (appPassword) throw new ConfigError('MicrosoftAppPassword', 'is set but MicrosoftAppId is not: set both, or neither for local use');
  } else {
    if (appType === 'UserAssignedMSI' && appPassword) {
      throw new ConfigError('MicrosoftAppPassword', 'must not be set when MicrosoftAppType is UserAssignedMSI: the managed identity needs no password. Remove it.');
    }
    if (appType !== 'UserAssignedMSI' && !appPassword) {
      throw new ConfigError('MicrosoftAppPassword', `is not set: a ${appType} bot needs the client secret of its app registration`);
    }
    if (appType !== 'MultiTenant' && !appTenantId) {
      throw new ConfigError('MicrosoftAppTenantId', `is not set: a ${appType} bot needs the id of the tenant it is registered in`);
    }
  }

  let allowedTenants: Set<string> | null = null;
  if (e.ALLOWED_TENANTS !== undefined) {
    const ids = e.ALLOWED_TENANTS.split(',').map((t) => t.trim().toLowerCase()).filter(Boolean);
    const bad = ids.find((t) => !GUID.test(t));
    if (bad !== undefined) throw new ConfigError('ALLOWED_TENANTS', `"${bad}" is not a tenant id: list Microsoft Entra tenant ids (GUIDs), separated by commas`);
    allowedTenants = new Set(ids);
  }
  if (appId && appType === 'MultiTenant' && production && allowedTenants === null) {
    throw new ConfigError('ALLOWED_TENANTS', 'is not set, and a MultiTenant bot in production would answer any organisation that installs it: list the tenant ids (GUIDs) allowed to use it, separated by commas, or register the bot as SingleTenant');
  }

  let allowedServiceUrls: string[] | null = null;
  if (e.ALLOWED_SERVICE_URLS !== undefined) {
    allowedServiceUrls = e.ALLOWED_SERVICE_URLS.split(',').map((u) => u.trim()).filter(Boolean).map((u) => {
      const url = URL.canParse(u) ? new URL(u) : undefined;
      if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.hostname === '') {
        throw new ConfigError('ALLOWED_SERVICE_URLS', `"${u}" is not a service address: list http(s) addresses separated by commas, e.g. https://smba.trafficmanager.net/emea/`);
      }
      return url.href;
    });
  }

  const databaseUrl = e.DATABASE_URL ?? 'sqlite:data/practice-companion.db';
  if (!/^(sqlite:.+|postgres(ql)?:\/\/.+)$/.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL', `"${redact(databaseUrl)}" is not a database address: use sqlite:path/to/file.db (the default is sqlite:data/practice-companion.db) or postgres://user@host:5432/database`);
  }

  let adminIds: Set<string> | null = null;
  if (e.ADMIN_AAD_IDS !== undefined) {
    const ids = e.ADMIN_AAD_IDS.split(',').map((t) => t.trim().toLowerCase()).filter(Boolean);
    const bad = ids.find((t) => !GUID.test(t));
    if (bad !== undefined) throw new ConfigError('ADMIN_AAD_IDS', `"${bad}" is not an Entra object id: list people's object ids (GUIDs), separated by commas`);
    adminIds = new Set(ids);
  }

  let frameworks: string[] | undefined;
  if (e.FRAMEWORKS !== undefined) {
    frameworks = [...new Set(e.FRAMEWORKS.split(',').map((t) => t.trim().toLowerCase()).filter(Boolean))];
    const bad = frameworks.find((id) => !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id));
    if (bad !== undefined) throw new ConfigError('FRAMEWORKS', `"${bad}" is not a framework id: list ids such as lbbd or jersey (the "id" in each knowledge file), separated by commas`);
    if (frameworks.length === 0) throw new ConfigError('FRAMEWORKS', 'lists no framework: list at least one id, such as lbbd, or remove FRAMEWORKS to serve every framework');
  }

  const number = (name: 'SCHEDULE_GRACE_HOURS' | 'SEND_RATE_PER_SECOND' | 'SEND_RATE_PER_CONVERSATION', fallback: number, what: string) => {
    const raw = e[name];
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isFinite(n) || n <= 0) throw new ConfigError(name, `"${raw}" is not ${what}`);
    return n;
  };
  const defaultTimeZone = e.DEFAULT_TIME_ZONE ?? 'Europe/London';
  if (!isTimeZone(defaultTimeZone)) throw new ConfigError('DEFAULT_TIME_ZONE', `"${defaultTimeZone}" is not a time zone: use an IANA name such as Europe/London`);
  const schedulerSetting = (e.SCHEDULER ?? 'on').toLowerCase();
  if (schedulerSetting !== 'on' && schedulerSetting !== 'off') throw new ConfigError('SCHEDULER', `"${e.SCHEDULER}" is not on or off`);

  const days = (name: keyof typeof RETENTION_DEFAULTS) => {
    const raw = e[name];
    if (raw === undefined) return RETENTION_DEFAULTS[name];
    const n = Number(raw);
    if (!/^\d+$/.test(raw) || !Number.isSafeInteger(n) || n < 1 || n > 36_500) {
      throw new ConfigError(name, `"${raw}" is not a number of days: use a whole number from 1 to 36500, e.g. ${RETENTION_DEFAULTS[name]} (the default)`);
    }
    return n;
  };
  const retention = Object.freeze({
    votesDays: days('RETAIN_VOTES_DAYS'),
    askCountsDays: days('RETAIN_ASK_COUNTS_DAYS'),
    postLogDays: days('RETAIN_POST_LOG_DAYS'),
    auditDays: days('RETAIN_AUDIT_DAYS'),
    goneConversationsDays: days('RETAIN_GONE_CONVERSATIONS_DAYS'),
  });
  const insights = e.APPLICATIONINSIGHTS_CONNECTION_STRING;
  if (insights !== undefined && !/(^|;)\s*(InstrumentationKey|IngestionEndpoint)\s*=/i.test(insights)) {
    throw new ConfigError('APPLICATIONINSIGHTS_CONNECTION_STRING', 'is not an Application Insights connection string: copy it from the resource\'s Overview page in the Azure portal (it starts InstrumentationKey=…), or leave it empty to send nothing');
  }
  const leadIds = new Set<string>();
  if (e.PRACTICE_LEAD_AAD_IDS !== undefined) {
    const ids = e.PRACTICE_LEAD_AAD_IDS.split(',').map((t) => t.trim().toLowerCase()).filter(Boolean);
    const bad = ids.find((t) => !GUID.test(t));
    if (bad !== undefined) throw new ConfigError('PRACTICE_LEAD_AAD_IDS', `"${bad}" is not an Entra object id: list the practice leads' object ids (GUIDs, from Entra ID > Users > Object ID), separated by commas`);
    for (const id of ids) leadIds.add(id);
  }
  const consoleClientId = e.CONSOLE_CLIENT_ID?.toLowerCase();
  if (consoleClientId !== undefined && !GUID.test(consoleClientId)) {
    throw new ConfigError('CONSOLE_CLIENT_ID', `"${e.CONSOLE_CLIENT_ID}" is not a client id: use the Application (client) ID of the console's app registration (AAD_APP_CLIENT_ID after provisioning), a GUID`);
  }
  const appIdUri = e.CONSOLE_APP_ID_URI;
  if (appIdUri !== undefined && (!/^api:\/\/[^/\s]+\/[0-9a-f-]{36}$/i.test(appIdUri) || (consoleClientId !== undefined && !appIdUri.toLowerCase().endsWith(consoleClientId)))) {
    throw new ConfigError('CONSOLE_APP_ID_URI', `"${appIdUri}" is not the console's Application ID URI: use api://<your host name>/<CONSOLE_CLIENT_ID>`);
  }
  if (appId && leadIds.size > 0 && consoleClientId === undefined) {
    throw new ConfigError('CONSOLE_CLIENT_ID', "is not set, but PRACTICE_LEAD_AAD_IDS is: set it to the Application (client) ID of the console's app registration (m365agents.yml creates it as AAD_APP_CLIENT_ID), or the leads cannot sign in");
  }
  const retentionRaw = e.SUGGESTION_RETENTION_DAYS;
  const suggestionRetentionDays = retentionRaw === undefined ? 90 : Number(retentionRaw);
  if (!Number.isInteger(suggestionRetentionDays) || suggestionRetentionDays < 1 || suggestionRetentionDays > 3650) {
    throw new ConfigError('SUGGESTION_RETENTION_DAYS', `"${retentionRaw}" is not a number of days: use a whole number from 1 to 3650, e.g. 90`);
  }

  return Object.freeze({
    port,
    // An unauthenticated bot must not be reachable from the network unless someone asks for it.
    host: e.HOST ?? (appId === '' ? '127.0.0.1' : '0.0.0.0'),
    hostExplicit: e.HOST !== undefined,
    allowedServiceUrls,
    appId,
    appPassword,
    appType,
    appTenantId,
    allowedTenants,
    defaultFramework: e.DEFAULT_FRAMEWORK,
    frameworks,
    logLevel,
    production,
    knowledgeDir: e.KNOWLEDGE_DIR,
    anonymous: appId === '',
    databaseUrl,
    adminIds,
    schedule: Object.freeze({
      enabled: schedulerSetting === 'on',
      graceMs: number('SCHEDULE_GRACE_HOURS', 6, 'a number of hours, e.g. 6') * 3_600_000,
      ratePerSecond: number('SEND_RATE_PER_SECOND', 50, 'a number of messages per second, e.g. 50'),
      conversationRatePerSecond: number('SEND_RATE_PER_CONVERSATION', 7, 'a number of messages per second, e.g. 7'),
      defaultTimeZone,
    }),
    organisation: e.ORGANISATION_NAME,
    privacyContact: e.PRIVACY_CONTACT,
    retention,
    applicationInsightsConnectionString: insights,
    console: Object.freeze({
      leadIds,
      clientId: consoleClientId,
      appIdUri,
      localMode: appId === '' && !production,
      suggestionRetentionDays,
    }),
  });
}

/** The process environment. The one place in the code base that reads it. */
export function processEnvironment(): Readonly<Record<string, string | undefined>> {
  // eslint-disable-next-line no-restricted-syntax -- config is the only reader of the environment
  return process.env;
}

function pick(env: Readonly<Record<string, string | undefined>>, keys: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of keys) {
    const v = env[k];
    if (v !== undefined) out[k] = v;
  }
  return out;
}

/** 127.0.0.0/8, ::1 and localhost: addresses only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h) || /^::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

function isOneOf<T extends string>(values: readonly T[], v: string): v is T {
  return (values as readonly string[]).includes(v);
}
