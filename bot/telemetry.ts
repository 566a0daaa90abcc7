/**
 * Traces and metrics for Azure Monitor (Application Insights). Only with
 * APPLICATIONINSIGHTS_CONNECTION_STRING set is the Azure Monitor OpenTelemetry distro loaded, by a
 * dynamic import; without it no telemetry code is loaded and nothing is sent. What is recorded is
 * counts, durations and kinds: never message text, names or ids of people.
 */

export type PostOutcome = 'sent' | 'retried' | 'throttled' | 'failed' | 'gone' | 'missed';

export interface Telemetry {
  /** A question was answered from the framework (found) or with "I'm not sure". */
  answered(found: boolean): void;
  post(outcome: PostOutcome): void;
  /** How long one turn (one activity from Teams) took, by activity type. */
  turn(activityType: string, ms: number): void;
  /** Sends what is waiting and stops. */
  shutdown(): Promise<void>;
}

export const NO_TELEMETRY: Telemetry = Object.freeze({
  answered: () => undefined,
  post: () => undefined,
  turn: () => undefined,
  shutdown: async () => undefined,
});

/** The metric names, as they appear in Application Insights' customMetrics. */
export const METRICS = Object.freeze({
  answers: 'practice_companion.answers',
  posts: 'practice_companion.posts',
  turnDuration: 'practice_companion.turn.duration',
});

const ACTIVITY_TYPES = new Set([
  'message',
  'invoke',
  'conversationUpdate',
  'installationUpdate',
  'event',
  'messageReaction',
]);

export async function startTelemetry(connectionString: string | undefined): Promise<Telemetry> {
  if (connectionString === undefined) return NO_TELEMETRY;
  const [{ useAzureMonitor, shutdownAzureMonitor }, { metrics, trace, SpanKind }, { resourceFromAttributes }] =
    await Promise.all([
      import('@azure/monitor-opentelemetry'),
      import('@opentelemetry/api'),
      import('@opentelemetry/resources'),
    ]);
  useAzureMonitor({
    // Application Insights' "cloud role": the service's name, not "unknown_service".
    resource: resourceFromAttributes({ 'service.name': 'practice-companion' }),
    // Telemetry that cannot be sent is dropped, not kept in a folder on disk to retry.
    azureMonitorExporterOptions: { connectionString, disableOfflineStorage: true },
    enableLiveMetrics: false,
    // No automatic instrumentation: this module loads after HTTP and PostgreSQL are in use, and the
    // traces it sends are its own, one per turn, that carry no text.
    instrumentationOptions: {
      http: { enabled: false },
      postgreSql: { enabled: false },
      azureSdk: { enabled: false },
      mongoDb: { enabled: false },
      mySql: { enabled: false },
      redis: { enabled: false },
      redis4: { enabled: false },
      bunyan: { enabled: false },
      winston: { enabled: false },
    },
  });
  const meter = metrics.getMeter('practice-companion');
  const tracer = trace.getTracer('practice-companion');
  const answers = meter.createCounter(METRICS.answers, {
    description: 'Questions answered, by outcome: answered or not_sure',
  });
  const posts = meter.createCounter(METRICS.posts, {
    description: 'Scheduled posts and meeting openers, by outcome: sent, retried, throttled, failed, gone, missed',
  });
  const turns = meter.createHistogram(METRICS.turnDuration, {
    description: 'Time to handle one activity from Teams',
    unit: 'ms',
  });
  return {
    answered: (found) => answers.add(1, { outcome: found ? 'answered' : 'not_sure' }),
    post: (outcome) => posts.add(1, { outcome }),
    turn: (activityType, ms) => {
      const kind = ACTIVITY_TYPES.has(activityType) ? activityType : 'other';
      turns.record(ms, { activity_type: kind });
      // One trace per turn, named by its kind only (Application Insights shows it under Requests).
      tracer
        .startSpan(`turn ${kind}`, {
          kind: SpanKind.SERVER,
          startTime: Date.now() - ms,
          attributes: { 'practice_companion.activity_type': kind },
        })
        .end();
    },
    shutdown: () => shutdownAzureMonitor(),
  };
}
