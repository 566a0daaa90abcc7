import { Writable } from 'node:stream';
import { createApp } from '../bot/app';
import type { App } from '../bot/app';
import type { AuthEndpoints } from '../bot/platform/adapter';
import type { KeysUrl } from '../bot/web/console/auth';
import { loadConfig } from '../bot/config';
import { createLogger } from '../bot/logger';
import { openStore } from '../store/open';
import type { Store } from '../store/types';
import type { Telemetry } from '../bot/telemetry';
import { startFakeConnector } from './fake-connector';
import type { FakeConnector } from './fake-connector';
import { loadOrThrow } from './kb';
import type { Backend } from './stores';
import type { Clock } from '../time/clock';

export interface RunningApp {
  /** The base URL, with `{ http: true }`; asking without it throws (nothing listens). */
  readonly url: string;
  readonly app: App;
  readonly store: Store;
  /** Every log line written, as text. */
  readonly logs: string[];
  /** POST /api/messages: over HTTP with `{ http: true }`, else through the same steps without a socket (server.inject). */
  post(activity: Record<string, unknown>, headers?: Record<string, string>): Promise<{ status: number; body: string }>;
  close(): Promise<void>;
}

/**
 * The real service with an in-memory store and captured logs. Turns run in process by default: post()
 * takes the /api/messages route's own steps without a socket, and nothing listens. Tests of HTTP
 * itself, of web pages and APIs, browsers and start-up pass `{ http: true }`: then the restify
 * server listens on 127.0.0.1 and post() and `url` go over HTTP.
 */
export async function startApp(
  env: Record<string, string> = {},
  options: {
    /** Listen on 127.0.0.1 and post over HTTP. Without it `url` throws. */
    http?: boolean;
    clock?: Clock;
    store?: Store;
    authEndpoints?: AuthEndpoints;
    telemetry?: Telemetry;
    consoleKeysUrl?: KeysUrl;
    consoleKeyCooldownMs?: number;
  } = {},
): Promise<RunningApp> {
  const logs: string[] = [];
  const capture = new Writable({
    write(chunk: Buffer, _enc, done) {
      logs.push(chunk.toString('utf8'));
      done();
    },
  });
  // Answers keep to the chat's framework, so tests say which one a chat that chose none uses.
  const config = loadConfig(
    { LOG_LEVEL: 'debug', PORT: '0', HOST: '127.0.0.1', DEFAULT_FRAMEWORK: 'lbbd', ...env },
    '/nonexistent',
  );
  const store = options.store ?? (await openStore('sqlite::memory:'));
  let ids = 0;
  const app = createApp({
    config,
    kb: loadOrThrow(config.knowledgeDir),
    store,
    logger: createLogger(config, capture),
    version: 'test',
    ...(options.clock && { clock: options.clock }),
    ...(options.authEndpoints && { authEndpoints: options.authEndpoints }),
    ...(options.telemetry && { telemetry: options.telemetry }),
    ...(options.consoleKeysUrl && { consoleKeysUrl: options.consoleKeysUrl }),
    ...(options.consoleKeyCooldownMs !== undefined && { consoleKeyCooldownMs: options.consoleKeyCooldownMs }),
    newId: () => `answer-id-${String(++ids).padStart(4, '0')}`,
  });
  const url = options.http ? await app.server.listen(0, '127.0.0.1') : undefined;
  let closed: Promise<void> | undefined;
  return {
    get url() {
      if (url === undefined)
        throw new Error(
          'this app was started without HTTP: pass { http: true } to startApp (or useBot options) for a URL',
        );
      return url;
    },
    app,
    store,
    logs,
    post:
      url === undefined
        ? (activity, headers) => app.server.inject(activity, headers)
        : async (activity, headers = {}) => {
            const res = await fetch(`${url}/api/messages`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', ...headers },
              body: JSON.stringify(activity),
            });
            return { status: res.status, body: await res.text() };
          },
    // A test may close the app itself (to restart on the same database); closing twice is harmless.
    close: () => (closed ??= app.server.close(1000)),
  };
}

export type StartOptions = NonNullable<Parameters<typeof startApp>[1]>;

/** The bot under test in one describe block (or file): see useBot. */
export interface BotUnderTest {
  /** This test's fake Bot Connector: use its url as the activities' serviceUrl. */
  readonly connector: FakeConnector;
  /** The app this test started; fails the test when it started none. */
  readonly app: RunningApp;
  /** With a backend: this test's store, on a fresh database, which start() hands the app. */
  readonly store: Store;
  /** With a backend: this test's fresh database, to open another store on (after an app closed its own). */
  readonly database: Awaited<ReturnType<Backend['fresh']>>;
  /** Starts the app (closing one this test started before), with `env` and `options` over the defaults. */
  start(env?: Record<string, string>, options?: StartOptions): Promise<RunningApp>;
  /** Closes the app this test started, if any (before dropping its database, say). */
  stop(): Promise<void>;
}

/**
 * The one bot test harness: the real service (startApp, in process unless `options` give `http: true`)
 * talking to a FakeConnector on loopback.
 * Registers hooks in the calling scope: before each test a fresh connector (and, with `backend`, a
 * fresh database and its store); after each, the app the test started, the connector and the
 * database are closed and dropped.
 */
export function useBot(
  defaults: { env?: Record<string, string>; options?: () => StartOptions; backend?: Backend } = {},
): BotUnderTest {
  let connector: FakeConnector | undefined;
  let running: RunningApp | undefined;
  let db: Awaited<ReturnType<Backend['fresh']>> | undefined;
  let store: Store | undefined;
  const stop = async () => {
    const app = running;
    running = undefined;
    await app?.close();
  };
  beforeEach(async () => {
    if (defaults.backend) {
      db = await defaults.backend.fresh();
      store = await db.open();
    }
    connector = await startFakeConnector();
  });
  afterEach(async () => {
    await stop();
    await connector?.close();
    await db?.drop();
    connector = undefined;
    db = undefined;
    store = undefined;
  });
  return {
    get connector() {
      if (!connector) throw new Error('the connector runs only inside a test');
      return connector;
    },
    get app() {
      if (!running) throw new Error('this test started no app: call start() first');
      return running;
    },
    get database() {
      if (!db) throw new Error('useBot was given no backend, or this is not inside a test');
      return db;
    },
    get store() {
      if (!store) throw new Error('useBot was given no backend, or this is not inside a test');
      return store;
    },
    async start(env = {}, options = {}) {
      await stop();
      running = await startApp(
        { ...defaults.env, ...env },
        { ...(store && { store }), ...defaults.options?.(), ...options },
      );
      return running;
    },
    stop,
  };
}
