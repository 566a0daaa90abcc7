import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Routes } from '../platform/types';
import { MAX_QUESTION_LENGTH } from '../../knowledge/search/answer';
import { PROJECT_ROOT } from '../../knowledge/paths';
import { respond } from '../../knowledge/respond';
import type { KnowledgeBase } from '../../knowledge/kb/model';
import type { BotDeps } from '../deps';
import { asset, SECURITY_HEADERS, sendAsset, TYPES } from './assets';
import type { Asset } from './assets';
import { tabFrameworks } from './tab-frameworks';
import { parseSearchRequest, tabSearchResult } from './tab-search';

// The "Framework" personal tab (issue #6): the page and its assets under /tab, and a JSON API under /api/tab.
// The manifest's contentUrl is https://{domain}/tab?theme={theme}; the page asks teams-js for the theme too.
// Here: its routes. The API's data in tab-frameworks.ts and tab-search.ts; serving files in assets.ts.

const TAB_DIR = join(PROJECT_ROOT, 'tab');
/** The package's `main` is its browser (UMD) bundle, which sets `window.microsoftTeams`. */
const TEAMS_JS = require.resolve('@microsoft/teams-js');

/** The page's own files, and the one vendor script, each at a fixed path: nothing else under /tab is served. */
function assets(): ReadonlyMap<string, Asset> {
  const own = (file: string): [string, Asset] => [
    `/tab/${file}`,
    asset(readFileSync(join(TAB_DIR, file)), file.endsWith('.css') ? TYPES.css : TYPES.js),
  ];
  return new Map([
    ['/tab', asset(readFileSync(join(TAB_DIR, 'index.html')), TYPES.html)],
    ...['theme.css', 'style.css', 'entry.css', 'app.mjs', 'api.mjs', 'render.mjs', 'theme.mjs'].map(own),
    ['/tab/vendor/teams-js.min.js', asset(readFileSync(TEAMS_JS), TYPES.js)],
  ]);
}

// ---------------------------------------------------------------- routes

export function registerTab(server: Routes, deps: BotDeps): void {
  const files = assets();
  for (const [path, file] of files) {
    server.get(path, (req, res) => {
      sendAsset(req, res, file);
    });
  }

  // As the bot chooses for a chat that has not picked one: the configured default, else the only one served,
  // else none ('': the page shows and searches every framework, as the bot answers from the best match across them).
  const configured =
    deps.config.defaultFramework !== undefined ? deps.kb.framework(deps.config.defaultFramework) : undefined;
  const defaultFramework =
    (configured ?? (deps.kb.frameworks.length === 1 ? deps.kb.frameworks[0] : undefined))?.id ?? '';
  // The JSON is made once per knowledge base: again only when a version published in the console is swapped in.
  let made: { kb: KnowledgeBase; file: Asset } | undefined;
  const frameworksFile = () => {
    const kb = deps.kb;
    if (made?.kb !== kb)
      made = {
        kb,
        file: asset(
          Buffer.from(
            JSON.stringify({ defaultFramework, maxQuestionLength: MAX_QUESTION_LENGTH, frameworks: tabFrameworks(kb) }),
          ),
          'application/json; charset=utf-8',
        ),
      };
    return made.file;
  };
  server.get('/api/tab/frameworks', (req, res) => {
    sendAsset(req, res, frameworksFile());
  });

  // The framework of the team or chat the tab is open in, so the tab keeps to it as the bot does.
  // The ids come from Teams' context; they are only looked up, never logged or kept.
  server.get('/api/tab/place', async (req, res) => {
    const headers = { ...SECURITY_HEADERS, 'cache-control': 'no-store' };
    const params = new URLSearchParams(
      (req.url ?? '').includes('?') ? (req.url ?? '').slice((req.url ?? '').indexOf('?') + 1) : '',
    );
    const team = params.get('team') ?? '';
    const chat = params.get('chat') ?? '';
    const valid = (id: string) => /^[A-Za-z0-9:@._-]{1,200}$/.test(id);
    if ((team !== '' && !valid(team)) || (chat !== '' && !valid(chat))) {
      res.send(400, { code: 'BadPlace', message: 'Give team= or chat= as Teams gives them.' }, headers);
      return;
    }
    const scope = team !== '' ? `team:${team}` : chat !== '' ? `conversation:${chat}` : undefined;
    let framework = defaultFramework;
    try {
      const chosen = scope !== undefined ? await deps.store.frameworkFor(scope) : undefined;
      if (chosen !== undefined && deps.kb.framework(chosen)) framework = chosen;
    } catch (error) {
      deps.logger.warn(
        { event: 'tab-place-failed', error: { message: (error as Error).message } },
        "could not read the place's framework; the tab uses the default",
      );
    }
    res.send(200, { framework }, headers);
  });

  // What people type is in the URL: it is never logged, and the response is never stored by caches.
  server.get('/api/tab/search', (req, res) => {
    const headers = { ...SECURITY_HEADERS, 'cache-control': 'no-store' };
    const request = parseSearchRequest(req.url ?? '', deps.kb);
    if (!request.ok) {
      res.send(400, { code: request.code, message: request.message }, headers);
      return;
    }
    const started = process.hrtime.bigint();
    // The same response as the chat's: routes first, then the answer or a plain decline, and the reminders.
    const response = respond(
      deps.search,
      request.question,
      request.framework ? { frameworkId: request.framework } : {},
    );
    const { result } = response;
    const body = tabSearchResult(deps.kb, response, { cut: request.cut });
    deps.logger.debug(
      {
        event: 'tab-search',
        found: result.found,
        entryId: result.found ? result.entry.id : undefined,
        ms: Number(process.hrtime.bigint() - started) / 1e6,
      },
      'searched from the tab',
    );
    res.send(200, body, headers);
  });
}
