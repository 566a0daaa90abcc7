// Practice Companion: load config and knowledge, build the service, listen. Everything else is in factories.
import { loadKnowledgeBase } from '../knowledge/kb/load';
import { formatProblem } from '../knowledge/kb/problems';
import { defaultSafetyNet } from '../knowledge/safety';
import { openStore, redact } from '../store/open';
import { createApp } from './app';
import { ConfigError, isLoopbackHost, loadConfig, processEnvironment } from './config';
import { createLogger } from './logger';
import { startTelemetry } from './telemetry';
import { version } from './version';

async function main(): Promise<void> {
  const config = loadConfig(processEnvironment());
  const logger = createLogger(config);
  if (config.anonymous) {
    logger.warn(
      { event: 'anonymous' },
      'MicrosoftAppId is not set: running anonymously for local use. Requests are NOT authenticated. Never run like this in production.',
    );
    if (config.hostExplicit && !isLoopbackHost(config.host)) {
      logger.warn(
        { event: 'anonymous-on-network', host: config.host },
        `WARNING: HOST is ${config.host}, so this UNAUTHENTICATED bot can be reached from the network: anyone who can reach it can make it post. The console and framework editor are closed. Unset HOST to listen on 127.0.0.1 only, or set MicrosoftAppId.`,
      );
    }
  }

  const loaded = loadKnowledgeBase(config.knowledgeDir);
  if (!loaded.ok) {
    console.error(
      `The knowledge base has problems, so the service will not start:\n${loaded.problems.map(formatProblem).join('\n')}`,
    );
    process.exit(1);
  }
  const kb = loaded.kb;
  // The safety net's lexicon and model (about a second to read), before the first message rather than during it.
  defaultSafetyNet();
  for (const w of loaded.warnings)
    logger.warn({ event: 'knowledge-warning', file: w.file, line: w.line, field: w.field }, `${formatProblem(w)}`);
  if (config.defaultFramework !== undefined && !kb.framework(config.defaultFramework)) {
    throw new ConfigError(
      'DEFAULT_FRAMEWORK',
      `"${config.defaultFramework}" is not a framework: use one of ${kb.frameworks.map((f) => f.id).join(', ')}`,
    );
  }

  // Loaded only when APPLICATIONINSIGHTS_CONNECTION_STRING is set; without it, nothing is loaded or sent.
  const telemetry = await startTelemetry(config.applicationInsightsConnectionString);
  if (config.applicationInsightsConnectionString !== undefined)
    logger.info(
      { event: 'telemetry' },
      'sending traces and metrics to Application Insights (counts and timings, never text)',
    );
  const store = await openStore(config.databaseUrl);
  logger.info({ event: 'store', database: redact(config.databaseUrl) }, 'store opened and migrated');
  const app = createApp({ config, kb, store, logger, version, telemetry });
  // Framework versions published in the console, before the first question. One that does not load
  // (a newer validator is stricter) is logged, and the files answer until a lead publishes again.
  await app.knowledge
    .refresh()
    .catch((error: unknown) =>
      logger.error(
        { event: 'knowledge-version-unloadable', error: { message: (error as Error).message } },
        'a published framework version does not load; answering from the files',
      ),
    );
  app.knowledge.start();
  const url = await app.server.listen(config.port, config.host).catch((error: unknown) => {
    throw listenProblem(error, config.port, config.host) ?? error;
  });
  if (config.schedule.enabled) app.scheduler.start();
  app.purger.start();
  app.retention.start();
  logger.info(
    { event: 'listening', url, frameworks: kb.frameworks.map((f) => f.id), entries: kb.entries.length },
    `Practice Companion is listening on ${url}/api/messages`,
  );

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ event: 'stopping', signal }, 'finishing turns in flight, then stopping');
    app.server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ event: 'stop-failed', error: { message: (error as Error).message } }, 'stopping failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

/** Said in one plain line, without a stack trace: the port cannot be listened on, and what to do. */
class ListenProblem extends Error {}

function listenProblem(error: unknown, port: number, host: string): ListenProblem | undefined {
  const code = (error as { code?: unknown }).code;
  if (code === 'EADDRINUSE')
    return new ListenProblem(
      `Port ${port} is already in use on ${host}, perhaps by another copy of Practice Companion. Stop that, or set PORT to a free port (for example PORT=${port + 1}).`,
    );
  if (code === 'EACCES')
    return new ListenProblem(
      `This user may not listen on port ${port} on ${host}. Set PORT to 1024 or above (for example PORT=3978).`,
    );
  if (code === 'EADDRNOTAVAIL')
    return new ListenProblem(`${host} is not an address of this machine. Set HOST to one that is, or unset it.`);
  return undefined;
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(`Configuration problem. ${error.message}`);
  else if (error instanceof ListenProblem) console.error(error.message);
  else console.error(error);
  process.exit(1);
});
