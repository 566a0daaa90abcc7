import type { IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import restify from 'restify';
import type { ActivityHandler, Activity } from 'botbuilder';
import { SignInRefused } from './adapter';
import type { PracticeAdapter } from './adapter';
import type { Logger } from '../logger';
import { BODY_ERRORS, isJson, readJsonBody } from '../web/request-body';
import type { BodySource } from '../web/request-body';
import { LOCAL_ONLY_REPLY, localRefusal } from '../web/local-only';
import type { HttpRequest, RouteHandler, Routes } from './types';

export interface ServerDeps {
  readonly adapter: PracticeAdapter;
  readonly bot: ActivityHandler;
  readonly logger: Logger;
  /** What GET /healthz reports. No secrets. */
  readonly health: () => Record<string, unknown>;
  /** True when requests must carry a Bot Connector token (an app id is set). */
  readonly requireToken: boolean;
  /** True without an app id: only loopback Hosts and the service's own Origin are answered (bot/web/local-only.ts). */
  readonly localOnly: boolean;
  /** May the bot post to this activity's serviceUrl? Checked after sign-in, before the turn. */
  readonly serviceUrlAllowed: (serviceUrl: string) => boolean;
  /** Called once the last turn in flight has finished during shutdown. */
  readonly onDrained?: () => Promise<void>;
  /** More routes: pages and the tab. Each registers its own paths. */
  readonly routes?: ReadonlyArray<(routes: Routes) => void>;
}

export interface HttpServer {
  /** Resolves to the base URL, e.g. http://127.0.0.1:3978. */
  listen(port: number, host: string): Promise<string>;
  /** Stops accepting, finishes turns in flight (up to `graceMs`), then calls onDrained. */
  close(graceMs?: number): Promise<void>;
  readonly inFlight: () => number;
  /**
   * For tests of turns: one POST /api/messages without a socket, with `headers` as sent (content type
   * JSON unless given). The route's own steps run: the body checks (token present, size, JSON), sign-in
   * with the Authorization header, the service URL check, then the turn; the reply is what HTTP would
   * send, body as text. Not the local-only Host check, which is about the socket a request came in on.
   * Nothing on the network reaches this; the service never calls it.
   */
  inject(activity: unknown, headers?: Readonly<Record<string, string>>): Promise<{ status: number; body: string }>;
}

const MAX_BODY_BYTES = 256 * 1024;
const MESSAGES = '/api/messages';

/** The fixed replies of /api/messages. None repeats what the caller sent, or what a library said. */
export const HTTP_REPLIES = Object.freeze({
  ...BODY_ERRORS,
  unauthorized: { code: 'Unauthorized', message: 'Sign-in failed.' },
  forbiddenServiceUrl: { code: 'Forbidden', message: 'This bot does not post to that service URL.' },
  methodNotAllowed: { code: 'MethodNotAllowed', message: 'Send activities with POST.' },
  shuttingDown: { code: 'ShuttingDown', message: 'The service is restarting. Please try again.' },
  internal: { code: 'InternalError', message: 'Something went wrong.' },
});

/** A stack trace without its first line (the message), so nothing the caller wrote reaches the log. */
function framesOf(error: unknown): string | undefined {
  const stack = (error as { stack?: unknown })?.stack;
  return typeof stack === 'string'
    ? stack
        .split('\n')
        .filter((l) => /^\s+at /.test(l))
        .join('\n')
    : undefined;
}

export function createServer(deps: ServerDeps): HttpServer {
  const server = restify.createServer({ name: 'practice-companion', handleUncaughtExceptions: false });
  const adapter = deps.adapter;

  // Stack traces are logged once per kind of failure, not once per request: a flood of forged
  // tokens must not flood the log. The kinds are a short fixed list, so this set stays small.
  const traced = new Set<string>();
  const report = (level: 'info' | 'error', event: string, kind: string, error: unknown, message: string) => {
    const key = `${event}/${kind}`;
    const first = !traced.has(key);
    if (first) traced.add(key);
    deps.logger[level]({ event, kind, ...(first && { stack: framesOf(error) }) }, message);
  };

  let inFlight = 0;
  let closing = false;

  // Without sign-in, before anything else: requests from this computer's own tools and pages only.
  if (deps.localOnly)
    server.pre((req, res, next) => {
      const refused = localRefusal(req);
      if (refused === undefined) return next();
      // The kind only: the Host or Origin is the caller's text.
      deps.logger.info({ event: 'local-refused', kind: refused }, 'a request from outside this computer was refused');
      res.setHeader('connection', 'close');
      res.send(403, LOCAL_ONLY_REPLY);
      return next(false);
    });

  /** A fixed reply of /api/messages; `close` asks the connection to close (the rest of the upload is not read). */
  type Reply = { readonly status: number; readonly body?: unknown; readonly close?: boolean };

  // Bodies are read here, before routing, sign-in or anything else, and only as JSON into memory:
  // nothing a request sends is ever written to disk, and no other parser exists to be reached.
  const intake = async (req: BodySource): Promise<{ ok: true; activity: Activity } | { ok: false; reply: Reply }> => {
    const refuse = (status: 400 | 413 | 415) => {
      deps.logger.info({ event: 'body-refused', status }, 'a request body was refused');
      return { ok: false as const, reply: { status, body: HTTP_REPLIES[status], close: status !== 400 } };
    };
    try {
      if (!isJson(req.headers['content-type'])) return refuse(415);
      // Without a token there is nothing to check the body against: refuse before reading it.
      if (deps.requireToken && !/^Bearer \S+$/i.test(req.headers.authorization ?? '')) {
        deps.logger.info({ event: 'auth-refused', kind: 'no-token' }, 'a request without a token was refused');
        return { ok: false, reply: { status: 401, body: HTTP_REPLIES.unauthorized, close: true } };
      }
      const read = await readJsonBody(req, MAX_BODY_BYTES);
      if (!read.ok) return refuse(read.status);
      return { ok: true, activity: read.body as unknown as Activity };
    } catch (error) {
      report('error', 'body-error', 'read', error, 'reading a request body failed');
      return { ok: false, reply: { status: 400, body: HTTP_REPLIES[400] } };
    }
  };

  // After intake: sign-in with the Authorization header, the service URL, then the turn.
  const turn = async (activity: Activity, authorization: string | undefined): Promise<Reply> => {
    if (closing) return { status: 503, body: HTTP_REPLIES.shuttingDown };
    inFlight++;
    try {
      let auth: Awaited<ReturnType<PracticeAdapter['authenticate']>>;
      try {
        auth = await adapter.authenticate(activity, authorization ?? '');
      } catch (error) {
        report(
          'info',
          'auth-refused',
          error instanceof SignInRefused ? error.kind : 'other',
          error instanceof SignInRefused ? error.cause : error,
          'a request with a token that did not check out was refused',
        );
        return { status: 401, body: HTTP_REPLIES.unauthorized };
      }
      if (typeof activity.serviceUrl !== 'string' || !deps.serviceUrlAllowed(activity.serviceUrl)) {
        // Not the URL itself: the caller wrote it.
        deps.logger.warn(
          { event: 'service-url-refused', activityType: activity.type },
          'an activity named a service URL this bot does not post to',
        );
        return { status: 403, body: HTTP_REPLIES.forbiddenServiceUrl };
      }
      const invokeResponse = await adapter.runAuthenticated(auth, activity, (context) => deps.bot.run(context));
      return { status: invokeResponse?.status ?? 200, body: invokeResponse?.body };
    } catch (error) {
      report('error', 'process-error', (error as Error)?.name ?? 'Error', error, 'processing a request failed');
      return { status: 500, body: HTTP_REPLIES.internal };
    } finally {
      inFlight--;
    }
  };

  server.pre((req, res, next) => {
    if (req.method !== 'POST' || req.path().replace(/\/+$/, '') !== MESSAGES) return next();
    void intake(req)
      .then((taken) => {
        if (taken.ok) {
          (req as { body?: unknown }).body = taken.activity;
          return next();
        }
        if (res.headersSent) return next(false);
        if (taken.reply.close) res.setHeader('connection', 'close');
        res.send(taken.reply.status, taken.reply.body);
        next(false);
      })
      .catch((error: unknown) => report('error', 'body-error', 'reply', error, 'answering a refused request failed'));
  });

  server.post(MESSAGES, async (req, res) => {
    const reply = await turn((req as { body?: unknown }).body as Activity, req.headers.authorization);
    if (res.headersSent) return;
    if (reply.body !== undefined) res.send(reply.status, reply.body);
    else res.send(reply.status);
  });

  // The Agents Playground checks the endpoint with HEAD on every connection: a quiet yes.
  server.head(MESSAGES, (_req, res, next) => {
    res.send(200);
    next();
  });
  server.get(MESSAGES, (_req, res, next) => {
    res.send(405, HTTP_REPLIES.methodNotAllowed);
    next();
  });

  const health = () => ({ status: closing ? 'stopping' : 'ok', ...deps.health() });
  server.get('/healthz', (_req, res, next) => {
    res.send(200, health());
    next();
  });
  // Load balancers and uptime checks often probe with HEAD: the same answer's status and headers, no body.
  server.head('/healthz', (_req, res, next) => {
    res.header('content-type', 'application/json');
    res.header('content-length', Buffer.byteLength(JSON.stringify(health())));
    res.writeHead(200);
    res.end();
    next();
  });

  // Pages and APIs register through the project's own Routes: a handler's rejection is restify's 500.
  const handle =
    (handler: RouteHandler) =>
    async (req: restify.Request, res: restify.Response): Promise<void> => {
      await handler(req as HttpRequest, res);
    };
  const routes: Routes = {
    get: (path, handler) => void server.get(path, handle(handler)),
    head: (path, handler) => void server.head(path, handle(handler)),
    post: (path, handler) => void server.post(path, handle(handler)),
    put: (path, handler) => void server.put(path, handle(handler)),
    del: (path, handler) => void server.del(path, handle(handler)),
  };
  for (const register of deps.routes ?? []) register(routes);

  server.on('restifyError', (req, _res, err: Error & { statusCode?: number }, callback: () => void) => {
    // 404s and 405s are what the internet sends every service: not worth a warning.
    const status = err.statusCode ?? 500;
    deps.logger[status >= 500 ? 'warn' : 'debug'](
      { event: 'http-error', method: req.method, status, error: { name: err.name } },
      'request failed',
    );
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
    inject: async (activity, headers = {}) => {
      const bytes = Buffer.from(JSON.stringify(activity) ?? '', 'utf8');
      const given = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
      const sent: IncomingHttpHeaders = {
        'content-type': 'application/json',
        'content-length': String(bytes.length),
        ...given,
      };
      const request = Object.assign(Readable.from([bytes]), { headers: sent });
      const taken = await intake(request);
      const reply = taken.ok ? await turn(taken.activity, request.headers.authorization) : taken.reply;
      // As restify sends it to fetch's Accept: */*: JSON, or nothing.
      return { status: reply.status, body: reply.body === undefined ? '' : JSON.stringify(reply.body) };
    },
  };
}
