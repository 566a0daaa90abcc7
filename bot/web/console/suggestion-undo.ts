import type { Routes } from '../../platform/types';
import type { BotDeps } from '../../deps';
import type { ConsoleAuth } from './auth';
import { UNDO_WINDOW_MS } from './retention';
import { CONSOLE_HEADERS, consoleGuard } from './routes';

/**
 * "Mark answered" and "Dismiss" can be undone for UNDO_WINDOW_MS: until then the question keeps its
 * text and the console lists it with an Undo button (routes.ts); after, the retention job deletes it (retention.ts).
 */

/** POST /api/console/suggestions/:id/undo: the suggestion waits again, if its undo window is still open. */
export function registerSuggestionUndo(server: Routes, deps: BotDeps, auth: ConsoleAuth): void {
  const guarded = consoleGuard(deps.logger, auth);
  server.post(
    '/api/console/suggestions/:id/undo',
    guarded('undo-suggestion', async (req, res) => {
      const id = String(req.params?.id ?? '');
      const since = new Date(deps.clock.now().getTime() - UNDO_WINDOW_MS);
      if (!/^[A-Za-z0-9_-]{1,64}$/.test(id) || !(await deps.store.reopenSuggestion(id, since))) {
        res.send(
          404,
          { code: 'NotFound', message: 'This can no longer be undone: the question has been deleted.' },
          CONSOLE_HEADERS,
        );
        return;
      }
      deps.logger.info({ event: 'suggestion-reopened' }, 'a marked suggestion was undone and waits again');
      res.send(200, { ok: true }, CONSOLE_HEADERS);
    }),
  );
}
