import { randomUUID } from 'node:crypto';
import type { KnowledgeBase } from '../knowledge/kb/model';
import type { Store } from '../store/types';
import { scheduleStore } from '../schedule/schedule-store';
import { systemClock } from '../time/clock';
import type { Clock } from '../time/clock';
import { createScheduler } from '../schedule/scheduler';
import { sendLimiters } from '../schedule/send-limiters';
import { createPurger } from '../schedule/purge';
import type { Purger, PurgeEvent } from '../schedule/purge';
import type { Scheduler, SchedulerEvent } from '../schedule/scheduler';
import { connectorSender } from './teams/proactive';
import { createAdapter } from './platform/adapter';
import { createVoterCodes } from './voter-code';
import { createAnswerIds } from './teams/answer-ids';
import type { AuthEndpoints } from './platform/adapter';
import { serviceUrlPolicy } from './teams/service-url';
import { tenantPolicy } from './teams/tenants';
import { PracticeCompanionBot } from './teams/bot';
import { turnMiddleware } from './teams/turn-middleware';
import { ConfigError } from './config';
import type { Config } from './config';
import type { BotDeps } from './deps';
import type { Logger } from './logger';
import { registerReadiness } from './web/readiness';
import { createServer } from './platform/http';
import { NO_TELEMETRY } from './telemetry';
import type { Telemetry } from './telemetry';
import { registerLegalPages } from './web/legal';
import { registerTab } from './web/tab';
import { servedKnowledgeBase, ServedFrameworksError } from '../knowledge/kb/served';
import { createConsoleAuth } from './web/console/auth';
import type { KeysUrl } from './web/console/auth';
import { createRetentionJob } from './web/console/retention';
import type { RetentionJob } from './web/console/retention';
import { registerConsoleApi } from './web/console/routes';
import { registerSuggestionUndo } from './web/console/suggestion-undo';
import type { HttpServer } from './platform/http';
import { createLiveKnowledge } from '../knowledge/live/live-knowledge';
import type { LiveKnowledge } from '../knowledge/live/live-knowledge';
import { registerFrameworkEditor } from './web/console/frameworks';

export interface AppDeps {
  readonly config: Config;
  readonly kb: KnowledgeBase;
  readonly store: Store;
  readonly logger: Logger;
  readonly version: string;
  readonly clock?: Clock;
  readonly newId?: () => string;
  /** Where the Bot Connector's signing keys are fetched from; Microsoft's public cloud unless set (tests use loopback). */
  readonly authEndpoints?: AuthEndpoints;
  /** Application Insights, when APPLICATIONINSIGHTS_CONNECTION_STRING is set (see startTelemetry). */
  readonly telemetry?: Telemetry;
  /** Where a tenant's signing keys for console tokens are fetched; Microsoft's unless set (tests use loopback). */
  readonly consoleKeysUrl?: KeysUrl;
  /** The least time between two fetches of a tenant's console keys; 5 s unless set (a test of key rotation waits it out). */
  readonly consoleKeyCooldownMs?: number;
}

export interface App {
  readonly server: HttpServer;
  readonly bot: PracticeCompanionBot;
  readonly deps: BotDeps;
  readonly scheduler: Scheduler;
  /** The daily purge of what is past its retention; started with the service. */
  readonly purger: Purger;
  /** Deletes suggested questions past SUGGESTION_RETENTION_DAYS. */
  readonly retention: RetentionJob;
  /** The knowledge answered from, swapped whole when a framework version is published (knowledge/live/live-knowledge.ts). */
  readonly knowledge: LiveKnowledge;
}

/** FRAMEWORKS and DEFAULT_FRAMEWORK must name frameworks in the knowledge: refused as every other setting is. */
function checkServed(kb: KnowledgeBase, config: Config): void {
  try {
    servedKnowledgeBase(kb, config);
  } catch (error) {
    if (error instanceof ServedFrameworksError) throw new ConfigError(error.variable, error.detail);
    throw error;
  }
}

/** Builds the whole service without opening a port. */
export function createApp(given: AppDeps): App {
  // Everything below sees only the frameworks this deployment serves.
  checkServed(given.kb, given.config); // refuses FRAMEWORKS that name no framework, before anything starts
  const knowledge = createLiveKnowledge({
    settings: given.config,
    initial: given.kb,
    ...(given.store.frameworkVersions && { versions: given.store.frameworkVersions }),
    logger: given.logger,
  });
  // Parts built once read the knowledge through `knowledge.kb`, which always gives the version now live.
  const app: AppDeps = { ...given, kb: knowledge.kb };
  const telemetry = app.telemetry ?? NO_TELEMETRY;
  const adapter = createAdapter(app.config, app.logger, app.authEndpoints);
  const serviceUrlAllowed = serviceUrlPolicy(app.config);
  const scheduler = createScheduler({
    store: app.store,
    kb: app.kb,
    send: connectorSender(adapter, app.config.appId, app.kb, serviceUrlAllowed, {
      store: app.store,
      consoleUrl: consoleUrl(app.config),
    }),
    clock: systemClock,
    graceMs: app.config.schedule.graceMs,
    ratePerSecond: app.config.schedule.ratePerSecond,
    conversationRatePerSecond: app.config.schedule.conversationRatePerSecond,
    // Shared by every instance on PostgreSQL; in memory on SQLite, which serves one.
    limiters: sendLimiters(app.store, systemClock, app.config.schedule),
    tenantAllowed: tenantPolicy(app.config),
    ...(app.config.console.leadIds.size > 0 && {
      digest: { leadIds: app.config.console.leadIds, timeZone: app.config.schedule.defaultTimeZone, time: DIGEST_TIME },
    }),
    onEvent: (event) => {
      logSchedulerEvent(app.logger, event);
      countPost(telemetry, event);
    },
  });
  const purger = createPurger({
    store: app.store,
    retention: app.config.retention,
    clock: systemClock,
    onEvent: (event) => logPurgeEvent(app.logger, event),
  });
  // randomUUID draws from a cached entropy pool: far cheaper per answer than randomBytes.
  const newId = app.newId ?? (() => randomUUID().replace(/-/g, ''));
  const deps: BotDeps = {
    config: app.config,
    // One version per read: a turn that reads `kb` and then `search` without awaiting between sees the same one.
    get kb() {
      return knowledge.current().kb;
    },
    get search() {
      return knowledge.current().search;
    },
    store: app.store,
    schedules: scheduleStore(app.store),
    logger: app.logger,
    version: app.version,
    clock: app.clock ?? systemClock,
    newId,
    answerIds: createAnswerIds(app.store, newId),
    voterCodes: createVoterCodes(app.store),
    scheduler,
    telemetry,
  };
  adapter.use(...turnMiddleware(deps));
  const bot = new PracticeCompanionBot(deps);
  const consoleAuth = createConsoleAuth(app.config, app.consoleKeysUrl, deps.clock, app.consoleKeyCooldownMs);
  const retention = createRetentionJob(app.store, app.config.console.suggestionRetentionDays, deps.clock, app.logger);
  const server = createServer({
    adapter,
    bot,
    logger: app.logger,
    requireToken: !app.config.anonymous,
    localOnly: app.config.anonymous,
    serviceUrlAllowed,
    health: () => ({
      version: app.version,
      knowledgeBase: { frameworks: app.kb.frameworks.map((f) => f.id), entries: app.kb.entries.length },
      auth: app.config.anonymous ? 'anonymous' : app.config.appType,
    }),
    onDrained: async () => {
      knowledge.stop();
      retention.stop();
      await scheduler.stop();
      await purger.stop();
      await app.store.close();
      await telemetry.shutdown();
    },
    routes: [
      (server) =>
        registerLegalPages(server, {
          ...(app.config.organisation !== undefined && { organisation: app.config.organisation }),
          ...(app.config.privacyContact !== undefined && { contact: app.config.privacyContact }),
          retentionDays: app.config.console.suggestionRetentionDays,
        }),
      (server) => registerTab(server, deps),
      (server) =>
        registerReadiness(server, {
          store: app.store,
          scheduler: app.config.schedule.enabled ? scheduler : undefined,
          logger: app.logger,
        }),
      (server) => registerConsoleApi(server, deps, consoleAuth),
      (server) => registerSuggestionUndo(server, deps, consoleAuth),
      (server) => registerFrameworkEditor(server, { deps, auth: consoleAuth, knowledge }),
    ],
  });
  return { server, bot, deps, scheduler, purger, retention, knowledge };
}

function logSchedulerEvent(logger: Logger, event: SchedulerEvent): void {
  if (event.type === 'error')
    logger.error(
      { event: 'scheduler-error', error: { message: event.error } },
      'the scheduler hit an error and will try again',
    );
  else if (event.type === 'skipped')
    logger.warn(
      { event: 'post-skipped', postId: event.postId, conversationId: event.conversationId, reason: event.error },
      'a scheduled post was not sent: its organisation is no longer in ALLOWED_TENANTS',
    );
  else if (event.type === 'failed' || event.type === 'gone')
    logger.warn(
      { event: `post-${event.type}`, postId: event.postId, conversationId: event.conversationId, error: event.error },
      `a scheduled post ${event.type === 'gone' ? 'could not be delivered: the bot was removed' : 'failed'}`,
    );
  else logger.debug({ event: `scheduler-${event.type}`, ...event }, 'scheduler');
}

function countPost(telemetry: Telemetry, event: SchedulerEvent): void {
  if (event.type === 'sent' || event.type === 'failed' || event.type === 'gone' || event.type === 'missed')
    telemetry.post(event.type);
  else if (event.type === 'retry') telemetry.post(event.throttled ? 'throttled' : 'retried');
}

function logPurgeEvent(logger: Logger, event: PurgeEvent): void {
  if (event.type === 'error')
    logger.error(
      { event: 'purge-error', error: { message: event.error } },
      'the daily purge failed and will try again within the hour',
    );
  else
    logger.info(
      {
        event: 'purged',
        day: event.report.day,
        votesRolledUp: event.report.votesRolledUp,
        removed: event.report.removed,
      },
      'removed what is past its retention period',
    );
}

/** Monday morning, in DEFAULT_TIME_ZONE: when practice leads get the weekly digest. */
export const DIGEST_TIME = '08:00';

/**
 * Where the digest's button goes: the console on the service's own domain (the host of
 * CONSOLE_APP_ID_URI, api://<host>/<client id>), or on loopback in local mode.
 */
export function consoleUrl(config: Config): string {
  const host = config.console.appIdUri?.match(/^api:\/\/([^/]+)\//)?.[1];
  return host !== undefined ? `https://${host}/console` : `http://localhost:${config.port}/console`;
}
