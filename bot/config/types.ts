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
  /**
   * Entra object ids of the approvers, from PRACTICE_APPROVER_AAD_IDS (lower case). When any are set,
   * only they publish, never a draft they edited. Empty: one practice lead drafts and publishes.
   */
  readonly approverIds: ReadonlySet<string>;
  /** The client id of the console's Entra app registration (CONSOLE_CLIENT_ID): the tokens' audience. */
  readonly clientId: string | undefined;
  /** Its Application ID URI (CONSOLE_APP_ID_URI), `api://<host>/<client id>`: the audience of v1 tokens. */
  readonly appIdUri: string | undefined;
  /** True only without MicrosoftAppId, outside production and with HOST on loopback: the console is open there, with a banner. */
  readonly localMode: boolean;
  /** True without MicrosoftAppId when HOST is a network address: nothing signs people in, so the console and editor answer no one. */
  readonly closed: boolean;
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
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}
