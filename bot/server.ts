import type { AddressInfo } from 'node:net';
import restify from 'restify';
import type { ActivityHandler, CloudAdapter } from 'botbuilder';
import type { Logger } from './logger';

export interface ServerDeps {
  readonly adapter: CloudAdapter;
  readonly bot: ActivityHandler;
  readonly logger: Logger;
  /** What GET /healthz reports. No secrets. */
  readonly health: () => Record<string, unknown>;
  /** Called once the last turn in flight has finished during shutdown. */
  readonly onDrained?: () => Promise<void>;
  /** More routes: pages and the tab. Each registers its own paths. */
  readonly routes?: ReadonlyArray<(server: restify.Server) => void>;
}

export interface HttpServer {
  /** Resolves to the base URL, e.g. http://127.0.0.1:3978. */
  listen(port: number, host: string): Promise<string>;
  /** Stops accepting, finishes turns in flight (up to `graceMs`), then calls onDrained. */
  close(graceMs?: number): Promise<void>;
  readonly inFlight: () => number;
}

const MAX_BODY_BYTES = 256 * 1024;

export function createServer(deps: ServerDeps): HttpServer {
  const server = restify.createServer({ name: 'practice-companion', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false, mapFiles: false }));

  let inFlight = 0;
  let closing = false;

  server.post('/api/messages', async (req, res) => {
    if (closing) {
      res.send(503, { code: 'ShuttingDown', message: 'The service is restarting. Please try again.' });
      return;
    }
    inFlight++;
    try {
      await deps.adapter.process(req, res, (context) => deps.bot.run(context));
    } catch (error) {
      deps.logger.error({ event: 'process-error', error: { message: (error as Error).message } }, 'processing a request failed');
      if (!res.headersSent) res.send(500, { code: 'InternalError', message: 'Something went wrong.' });
    } finally {
      inFlight--;
    }
  });

  server.get('/healthz', (_req, res, next) => {
    res.send(200, { status: closing ? 'stopping' : 'ok', ...deps.health() });
    next();
  });

  for (const register of deps.routes ?? []) register(server);

  server.on('restifyError', (req, _res, err: Error, callback: () => void) => {
    deps.logger.warn({ event: 'http-error', method: req.method, path: req.path(), error: { name: err.name, message: err.message } }, 'request failed');
    callback();
  });

  return {
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const address = server.server.address() as AddressInfo;
          resolve(`http://${address.address.includes(':') ? `[${address.address}]` : address.address}:${address.port}`);
        });
      }),
    close: async (graceMs = 10_000) => {
      closing = true;
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      server.server.closeIdleConnections();
      const deadline = Date.now() + graceMs;
      while (inFlight > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      server.server.closeAllConnections();
      await stopped;
      await deps.onDrained?.();
    },
    inFlight: () => inFlight,
  };
}
