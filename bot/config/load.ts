import { isTimeZone } from '../../schedule/slots';
import { redact } from '../../store/open';
import { setting, withDotenv } from './env';
import type { Env } from './env';
import { botIdentity, leadConsole } from './identity';
import { guidList } from './settings';
import type { Read } from './settings';
import { ConfigError, RETENTION_DEFAULTS } from './types';
import type { Config, RetentionConfig } from './types';

// The rules are plain checks rather than a zod schema: each failure throws a ConfigError that names the
// variable and says how to fix it, which a schema's generic messages would not.

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * Reads the configuration from `env`, with `.env` in `cwd` filling gaps (the environment wins).
 * Throws a ConfigError naming the variable and saying how to fix it.
 */
export function loadConfig(env: Env, cwd = process.cwd()): Config {
  const merged = withDotenv(env, cwd);
  const e: Read = (name) => setting(merged, name);

  const port = e('PORT') === undefined ? 3978 : Number(e('PORT'));
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError('PORT', `"${e('PORT')}" is not a port number: use a whole number from 1 to 65535, e.g. 3978`);
  }
  const logLevel = (e('LOG_LEVEL') ?? 'info').toLowerCase();
  if (!isOneOf(LOG_LEVELS, logLevel)) {
    throw new ConfigError('LOG_LEVEL', `"${e('LOG_LEVEL')}" is not a log level: use one of ${LOG_LEVELS.join(', ')}`);
  }
  const production = e('NODE_ENV')?.toLowerCase() === 'production';
  const identity = botIdentity(e, production);
  const { appId } = identity;
  const allowedServiceUrls = serviceUrls(e('ALLOWED_SERVICE_URLS'));

  const databaseUrl = e('DATABASE_URL') ?? 'sqlite:data/practice-companion.db';
  if (!/^(sqlite:.+|postgres(ql)?:\/\/.+)$/.test(databaseUrl)) {
    throw new ConfigError(
      'DATABASE_URL',
      `"${redact(databaseUrl)}" is not a database address: use sqlite:path/to/file.db (the default is sqlite:data/practice-companion.db) or postgres://user@host:5432/database`,
    );
  }
  const adminIds = guidList(
    e,
    'ADMIN_AAD_IDS',
    "is not an Entra object id: list people's object ids (GUIDs), separated by commas",
  );
  const frameworks = frameworkIds(e('FRAMEWORKS'));

  const defaultTimeZone = e('DEFAULT_TIME_ZONE') ?? 'Europe/London';
  if (!isTimeZone(defaultTimeZone))
    throw new ConfigError(
      'DEFAULT_TIME_ZONE',
      `"${defaultTimeZone}" is not a time zone: use an IANA name such as Europe/London`,
    );
  const schedulerSetting = (e('SCHEDULER') ?? 'on').toLowerCase();
  if (schedulerSetting !== 'on' && schedulerSetting !== 'off')
    throw new ConfigError('SCHEDULER', `"${e('SCHEDULER')}" is not on or off`);

  const retention = retentionDays(e);
  const insights = e('APPLICATIONINSIGHTS_CONNECTION_STRING');
  if (insights !== undefined && !/(^|;)\s*(InstrumentationKey|IngestionEndpoint)\s*=/i.test(insights)) {
    throw new ConfigError(
      'APPLICATIONINSIGHTS_CONNECTION_STRING',
      "is not an Application Insights connection string: copy it from the resource's Overview page in the Azure portal (it starts InstrumentationKey=…), or leave it empty to send nothing",
    );
  }
  // An unauthenticated bot must not be reachable from the network unless someone asks for it.
  const host = e('HOST') ?? (appId === '' ? '127.0.0.1' : '0.0.0.0');
  const consoleConfig = leadConsole(e, appId, production, host);

  const positive = (
    name: 'SCHEDULE_GRACE_HOURS' | 'SEND_RATE_PER_SECOND' | 'SEND_RATE_PER_CONVERSATION',
    fallback: number,
    what: string,
  ) => {
    const raw = e(name);
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isFinite(n) || n <= 0) throw new ConfigError(name, `"${raw}" is not ${what}`);
    return n;
  };

  return Object.freeze({
    port,
    host,
    hostExplicit: e('HOST') !== undefined,
    allowedServiceUrls,
    ...identity,
    defaultFramework: e('DEFAULT_FRAMEWORK'),
    frameworks,
    logLevel,
    production,
    knowledgeDir: e('KNOWLEDGE_DIR'),
    anonymous: appId === '',
    databaseUrl,
    adminIds,
    schedule: Object.freeze({
      enabled: schedulerSetting === 'on',
      graceMs: positive('SCHEDULE_GRACE_HOURS', 6, 'a number of hours, e.g. 6') * 3_600_000,
      ratePerSecond: positive('SEND_RATE_PER_SECOND', 50, 'a number of messages per second, e.g. 50'),
      conversationRatePerSecond: positive('SEND_RATE_PER_CONVERSATION', 7, 'a number of messages per second, e.g. 7'),
      defaultTimeZone,
    }),
    organisation: e('ORGANISATION_NAME'),
    privacyContact: e('PRIVACY_CONTACT'),
    retention,
    applicationInsightsConnectionString: insights,
    console: consoleConfig,
  });
}

function serviceUrls(raw: string | undefined): string[] | null {
  if (raw === undefined) return null;
  return raw
    .split(',')
    .map((u) => u.trim())
    .filter(Boolean)
    .map((u) => {
      const url = URL.canParse(u) ? new URL(u) : undefined;
      if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.hostname === '') {
        throw new ConfigError(
          'ALLOWED_SERVICE_URLS',
          `"${u}" is not a service address: list http(s) addresses separated by commas, e.g. https://smba.trafficmanager.net/emea/`,
        );
      }
      return url.href;
    });
}

function frameworkIds(raw: string | undefined): string[] | undefined {
  if (raw === undefined) return undefined;
  const frameworks = [
    ...new Set(
      raw
        .split(',')
        .map((t) => t.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
  const bad = frameworks.find((id) => !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id));
  if (bad !== undefined)
    throw new ConfigError(
      'FRAMEWORKS',
      `"${bad}" is not a framework id: list ids such as lbbd or jersey (the "id" in each knowledge file), separated by commas`,
    );
  if (frameworks.length === 0)
    throw new ConfigError(
      'FRAMEWORKS',
      'lists no framework: list at least one id, such as lbbd, or remove FRAMEWORKS to serve every framework',
    );
  return frameworks;
}

function retentionDays(e: Read): RetentionConfig {
  const days = (name: keyof typeof RETENTION_DEFAULTS) => {
    const raw = e(name);
    if (raw === undefined) return RETENTION_DEFAULTS[name];
    const n = Number(raw);
    if (!/^\d+$/.test(raw) || !Number.isSafeInteger(n) || n < 1 || n > 36_500) {
      throw new ConfigError(
        name,
        `"${raw}" is not a number of days: use a whole number from 1 to 36500, e.g. ${RETENTION_DEFAULTS[name]} (the default)`,
      );
    }
    return n;
  };
  return Object.freeze({
    votesDays: days('RETAIN_VOTES_DAYS'),
    askCountsDays: days('RETAIN_ASK_COUNTS_DAYS'),
    postLogDays: days('RETAIN_POST_LOG_DAYS'),
    auditDays: days('RETAIN_AUDIT_DAYS'),
    goneConversationsDays: days('RETAIN_GONE_CONVERSATIONS_DAYS'),
  });
}

function isOneOf<T extends string>(values: readonly T[], v: string): v is T {
  return (values as readonly string[]).includes(v);
}
