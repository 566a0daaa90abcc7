import type { HttpRequest, HttpResponse, Routes } from '../../platform/types';
import type { BotDeps } from '../../deps';
import { isJson, readJsonBody } from '../request-body';
import type { ConsoleAuth } from './auth';
import { CONSOLE_REPLIES } from './auth';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { displayTitle } from '../../../knowledge/kb/model';
import { asset, sendAsset, TYPES } from '../assets';
import { consoleCharts } from './charts';
import { insights, parseInsightsQuery } from './insights';
import { UNDO_MINUTES, UNDO_WINDOW_MS, undoable } from './retention';
import { PROJECT_ROOT } from '../../../knowledge/paths';
import { isStandIn, rolesOf, STAND_IN_HEADER, STAND_INS } from './roles';
import type { StandIn } from './roles';

const CONSOLE_DIR = join(PROJECT_ROOT, 'console');

/** The practice lead's console API, /api/console/…. Every call is signed in first (or local mode). */

export const CONSOLE_HEADERS = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
} as const;
const HEADERS = CONSOLE_HEADERS;

const MAX_SUGGESTIONS = 500;

/**
 * The header the console's pages send on every call. A call that changes something must carry it or a
 * JSON body: a plain cross-site <form> can send neither, and a page elsewhere cannot add a header (or
 * JSON) without asking first, which this service never agrees to (it sends no CORS headers).
 */
export const CONSOLE_CALL_HEADER = 'x-practice-companion';
const CALL_REFUSED = {
  code: 'UnsupportedMediaType',
  message: `Send the call as the console does: JSON (Content-Type: application/json), or with the ${CONSOLE_CALL_HEADER} header.`,
};

/**
 * One of the console's pages: the page the two share (console/page.html) with each `<!-- page NAME -->`
 * replaced by the page file's top-level `<NAME>` part (console/index.html, console/editor.html: its
 * `head`, the `header` text under the page title bar, and the `body`), indented to the marker's place.
 */
function consolePage(name: string): Buffer {
  const page = readFileSync(join(CONSOLE_DIR, name), 'utf8');
  const shell = readFileSync(join(CONSOLE_DIR, 'page.html'), 'utf8');
  return Buffer.from(
    shell.replace(/^( *)<!-- page (\w+) -->$/gm, (_marker, indent: string, tag: string) => {
      const inner = new RegExp(`^<${tag}>\\n([\\s\\S]*?)^</${tag}>$`, 'm').exec(page)?.[1];
      if (inner === undefined) throw new Error(`console/${name} has no <${tag}> part`);
      return inner.replace(/^ {2}(?=.)/gm, indent).trimEnd();
    }),
  );
}

/** The console's pages, their files and the modules they share. Public, like the tab: they hold no data. */
export function registerConsolePage(server: Routes): void {
  const files = new Map([
    ['/console', asset(consolePage('index.html'), TYPES.html)],
    ['/console/editor', asset(consolePage('editor.html'), TYPES.html)],
    ['/console/console.mjs', asset(readFileSync(join(CONSOLE_DIR, 'console.mjs')), TYPES.js)],
    ['/console/console-tables.mjs', asset(readFileSync(join(CONSOLE_DIR, 'console-tables.mjs')), TYPES.js)],
    ['/console/console-view.mjs', asset(readFileSync(join(CONSOLE_DIR, 'console-view.mjs')), TYPES.js)],
    ['/console/console-suggestions.mjs', asset(readFileSync(join(CONSOLE_DIR, 'console-suggestions.mjs')), TYPES.js)],
    ['/console/common.mjs', asset(readFileSync(join(CONSOLE_DIR, 'common.mjs')), TYPES.js)],
    ['/console/console.css', asset(readFileSync(join(CONSOLE_DIR, 'console.css')), TYPES.css)],
  ]);
  for (const [path, file] of files) {
    server.get(path, (req, res) => {
      sendAsset(req, res, file);
    });
  }
}

export function registerConsoleApi(server: Routes, deps: BotDeps, auth: ConsoleAuth): void {
  registerConsolePage(server);
  // Read per request: a version published in the framework editor may add or retire entries.
  const allEntries = () => deps.kb.entries.map((e) => ({ id: e.id, heading: displayTitle(e) }));
  const guarded = consoleGuard(deps.logger, auth);
  /** The period, frameworks and teams the page asked for, or undefined once it is told (400) they are not valid. */
  const insightsQuery = (req: HttpRequest, res: HttpResponse) => {
    const query = parseInsightsQuery(
      req.url ?? '',
      deps.kb.frameworks.map((f) => f.id),
    );
    if (query.ok) return query;
    res.send(400, { code: 'BadPeriod', message: query.message }, HEADERS);
    return undefined;
  };

  server.get(
    '/api/console/session',
    guarded('session', async (_req, res, session) => {
      const roles = rolesOf(deps.config.console, session);
      res.send(
        200,
        {
          localMode: session.localMode,
          frameworks: deps.kb.frameworks.map((f) => ({ id: f.id, name: f.name })),
          // Who the page acts as, and whether a second pair of eyes is configured.
          me: { id: roles.person, name: roles.name },
          roles: { approversConfigured: roles.approversConfigured, approver: roles.approver, standIn: roles.standIn },
          ...(session.localMode && { standIns: STAND_INS }),
        },
        HEADERS,
      );
    }),
  );

  server.get(
    '/api/console/insights',
    guarded('insights', async (req, res) => {
      const query = insightsQuery(req, res);
      if (!query) return;
      const started = process.hrtime.bigint();
      const body = await insights(deps.store, deps.kb, deps.clock.now(), query.request);
      deps.logger.debug(
        {
          event: 'console-insights',
          by: query.request.by,
          periods: query.request.periods,
          ms: Number(process.hrtime.bigint() - started) / 1e6,
        },
        'insights',
      );
      res.send(200, body, HEADERS);
    }),
  );

  // What the page shows: the insights, the charts drawn from them, and the entries a suggestion can be answered by.
  server.get(
    '/api/console/view',
    guarded('view', async (req, res) => {
      const query = insightsQuery(req, res);
      if (!query) return;
      const view = await insights(deps.store, deps.kb, deps.clock.now(), query.request);
      res.send(200, { insights: view, charts: consoleCharts(view), entries: allEntries() }, HEADERS);
    }),
  );

  server.get(
    '/api/console/suggestions',
    guarded('suggestions', async (_req, res) => {
      const served = new Set(deps.kb.frameworks.map((f) => f.id));
      const list = undoable(await deps.store.suggestions(MAX_SUGGESTIONS), deps.clock.now()).filter((s) =>
        served.has(s.frameworkId),
      );
      res.send(
        200,
        { retentionDays: deps.config.console.suggestionRetentionDays, undoMinutes: UNDO_MINUTES, suggestions: list },
        HEADERS,
      );
    }),
  );

  // Marking a suggestion: the body is read only after sign-in, as JSON, into memory.
  // {"type": "answered", "entryId": "…"} or {"type": "dismissed"}. Either deletes the text once the undo window ends.
  server.post(
    '/api/console/suggestions/:id',
    guarded('resolve-suggestion', async (req, res) => {
      const id = String(req.params?.id ?? '');
      const read = await readJsonBody(req, 4096);
      if (!read.ok) {
        res.send(
          read.status,
          {
            code: 'BadRequest',
            message: 'Send {"type": "answered", "entryId": "…"} or {"type": "dismissed"} as JSON.',
          },
          HEADERS,
        );
        return;
      }
      const type = read.body['type'];
      const entryId = read.body['entryId'];
      if (type !== 'answered' && type !== 'dismissed') {
        res.send(400, { code: 'BadRequest', message: 'type must be "answered" or "dismissed".' }, HEADERS);
        return;
      }
      if (type === 'answered' && (typeof entryId !== 'string' || !deps.kb.entry(entryId))) {
        res.send(
          400,
          {
            code: 'UnknownEntry',
            message: 'entryId must name an entry of the knowledge base, e.g. lbbd-principle-07.',
          },
          HEADERS,
        );
        return;
      }
      if (!/^[A-Za-z0-9_-]{1,64}$/.test(id) || !(await deps.store.resolveSuggestion(id, type, deps.clock.now()))) {
        res.send(
          404,
          {
            code: 'NotFound',
            message:
              'There is no such suggestion: it may have been marked already, or deleted after its retention period.',
          },
          HEADERS,
        );
        return;
      }
      deps.logger.info(
        { event: 'suggestion-resolved', outcome: type, ...(type === 'answered' && { entryId }) },
        'a suggestion was marked; its text is deleted when the undo window ends',
      );
      res.send(200, { ok: true, undoUntil: new Date(deps.clock.now().getTime() + UNDO_WINDOW_MS) }, HEADERS);
    }),
  );
}

/** The session a console call runs in: local mode, or a lead signed in (their Entra object id). */
export interface ConsoleSession {
  readonly localMode: boolean;
  readonly leadId?: string;
  /** The name the sign-in gave (the token's name claim), when it gave one. */
  readonly name?: string;
  /** Local mode only: the stand-in identity the page acts as (see roles.ts). */
  readonly standIn?: StandIn;
}

export type ConsoleHandler = (req: HttpRequest, res: HttpResponse, session: ConsoleSession) => Promise<void>;

/** Runs `handle` for a signed-in lead; otherwise answers 401/403 with a fixed message and logs a fixed kind. */
export function consoleGuard(logger: BotDeps['logger'], auth: ConsoleAuth) {
  return (name: string, handle: ConsoleHandler) =>
    (req: HttpRequest, res: HttpResponse): Promise<void> =>
      (async () => {
        const result = await auth.check(req.headers.authorization);
        if (!result.ok) {
          logger.info(
            { event: 'console-refused', route: name, kind: result.kind, status: result.status },
            'a console request was refused',
          );
          res.send(result.status, result.kind === 'closed' ? CONSOLE_REPLIES.closed : CONSOLE_REPLIES[result.status], {
            ...CONSOLE_HEADERS,
            ...(result.status === 401 && { 'www-authenticate': 'Bearer' }),
          });
          return;
        }
        const changes = req.method !== 'GET' && req.method !== 'HEAD';
        if (changes && !isJson(req.headers['content-type']) && req.headers[CONSOLE_CALL_HEADER] === undefined) {
          logger.info(
            { event: 'console-refused', route: name, kind: 'not-a-console-call', status: 415 },
            'a console request was refused',
          );
          res.send(415, CALL_REFUSED, CONSOLE_HEADERS);
          return;
        }
        const standIn = req.headers[STAND_IN_HEADER];
        await handle(req, res, result.localMode && isStandIn(standIn) ? { ...result, standIn } : result);
      })().catch((error: unknown) => {
        logger.error(
          { event: 'console-error', route: name, error: { name: (error as Error)?.name } },
          'a console request failed',
        );
        if (!res.headersSent)
          res.send(500, { code: 'InternalError', message: 'Something went wrong. Please try again.' }, CONSOLE_HEADERS);
      });
}
