import type { Routes } from '../platform/types';
import { SCHEMA_VERSION } from '../../store/migrations';
import type { Store } from '../../store/types';
import type { Scheduler } from '../../schedule/scheduler';
import type { Logger } from '../logger';
import { systemClock } from '../../time/clock';
import type { Clock } from '../../time/clock';

/** A failure described in our own words, fit to show the caller. Any other error shows as "failed (see the log)". */
export class NotReady extends Error {}

/** One thing /readyz checks. Resolves to a short, fixed description when all is well; throws when not. */
export interface ReadinessCheck {
  readonly name: string;
  run(): Promise<string>;
}

export interface ReadinessDeps {
  readonly store: Store;
  /** Undefined when the scheduler is off on this instance (SCHEDULER=off). */
  readonly scheduler: Scheduler | undefined;
  readonly logger: Logger;
  readonly clock?: Clock;
  /** Each check's time limit. */
  readonly timeoutMs?: number;
  /** How long the scheduler may go without finishing a look at the store or a send. */
  readonly schedulerStaleMs?: number;
}

/** The checks: the store answers, its migrations are the ones this code expects, the scheduler is looking. */
export function readinessChecks(deps: ReadinessDeps): ReadinessCheck[] {
  const clock = deps.clock ?? systemClock;
  const staleMs = deps.schedulerStaleMs ?? 5 * 60_000;
  return [
    {
      name: 'store',
      run: async () => {
        await deps.store.schemaVersion();
        return 'answers';
      },
    },
    {
      name: 'migrations',
      run: async () => {
        const version = await deps.store.schemaVersion();
        if (version < SCHEMA_VERSION)
          throw new NotReady(`the database is at schema version ${version}; this version needs ${SCHEMA_VERSION}`);
        if (version > SCHEMA_VERSION)
          throw new NotReady(
            `the database is at schema version ${version}, newer than this version (${SCHEMA_VERSION}): a newer release has upgraded it`,
          );
        return `current (${version})`;
      },
    },
    {
      name: 'scheduler',
      run: async () => {
        if (deps.scheduler === undefined) return 'off on this instance';
        const health = deps.scheduler.health();
        if (!health.running) throw new NotReady('not running');
        const age = clock.now().getTime() - (health.lastLookedAt?.getTime() ?? 0);
        if (age > staleMs) throw new NotReady(`has not finished a look at the store for ${Math.round(age / 1000)} s`);
        return 'running';
      },
    },
  ];
}

/** Runs every check at once, each within `timeoutMs`. */
export async function readiness(
  checks: readonly ReadinessCheck[],
  timeoutMs: number,
): Promise<{ ready: boolean; checks: Record<string, { ok: boolean; detail: string; shown: string; ms: number }> }> {
  const results = await Promise.all(
    checks.map(async (check) => {
      const started = performance.now();
      let timer: NodeJS.Timeout | undefined;
      try {
        const detail = await Promise.race([
          check.run(),
          new Promise<never>((_, reject) => {
            timer = setTimeout(() => reject(new NotReady(`did not answer within ${timeoutMs} ms`)), timeoutMs);
          }),
        ]);
        return [check.name, { ok: true, detail, shown: detail, ms: Math.round(performance.now() - started) }] as const;
      } catch (error) {
        const detail = (error as Error).message;
        return [
          check.name,
          {
            ok: false,
            detail,
            shown: error instanceof NotReady ? detail : 'failed (see the log)',
            ms: Math.round(performance.now() - started),
          },
        ] as const;
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  return { ready: results.every(([, r]) => r.ok), checks: Object.fromEntries(results) };
}

/**
 * GET /readyz: 200 when every check passes, else 503 naming the checks that failed. The store's own
 * error messages (which may name hosts) go to the log, not to the caller; /healthz stays the cheap
 * "the process is up" answer.
 */
export function registerReadiness(server: Routes, deps: ReadinessDeps): void {
  const checks = readinessChecks(deps);
  const timeoutMs = deps.timeoutMs ?? 2000;
  const answer = async () => {
    const result = await readiness(checks, timeoutMs);
    const failed = Object.entries(result.checks)
      .filter(([, r]) => !r.ok)
      .map(([name]) => name);
    if (failed.length > 0) {
      deps.logger.warn(
        {
          event: 'not-ready',
          failed,
          checks: Object.fromEntries(
            Object.entries(result.checks).map(([name, r]) => [name, { ok: r.ok, detail: r.detail, ms: r.ms }]),
          ),
        },
        `not ready: ${failed.join(', ')}`,
      );
    }
    const shown = Object.fromEntries(
      Object.entries(result.checks).map(([name, r]) => [name, { ok: r.ok, detail: r.shown, ms: r.ms }]),
    );
    const body = { status: result.ready ? 'ready' : 'not ready', ...(failed.length > 0 && { failed }), checks: shown };
    return { status: result.ready ? 200 : 503, body };
  };
  server.get('/readyz', async (_req, res) => {
    const { status, body } = await answer();
    res.send(status, body);
  });
  // Probes that use HEAD get GET's status and headers, without the body (as /healthz does).
  server.head('/readyz', async (_req, res) => {
    const { status, body } = await answer();
    res.writeHead(status, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(JSON.stringify(body)),
    });
    res.end();
  });
}
