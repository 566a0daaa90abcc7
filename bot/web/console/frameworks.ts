import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Routes } from '../../platform/types';
import { PROJECT_ROOT } from '../../../knowledge/paths';
import { asset, sendAsset, TYPES } from '../assets';
import type { BotDeps } from '../../deps';
import type { LiveKnowledge } from '../../../knowledge/live/live-knowledge';
import type { ConsoleAuth } from './auth';
import { baseOf, draftOf, draftOwner, draftProblems, frameworkJson, ID, problemJson, reply } from './framework-draft';
import type { EditorCall, FrameworkEditing, Reply } from './framework-draft';
import { check, preview, publish } from './framework-publish';
import { signOff, undoVersion } from './framework-review';
import { replaceParam, replacing, restoreVersion, savePart } from './framework-save';
import { addWording } from './framework-wording';
import { CONSOLE_HEADERS as HEADERS, consoleGuard } from './routes';

/**
 * The framework editor's API, /api/console/frameworks/…: a practice lead edits entries into a draft
 * (checked by the same validator as `kb validate` on every save), checks the draft against the
 * evaluation, and publishes it as a new version that every instance picks up within seconds.
 * The route table is here; what the routes share is in framework-draft.ts, saving and restoring the
 * draft in framework-save.ts, previewing, checking and publishing it in framework-publish.ts.
 */

export interface FrameworkEditorDeps {
  readonly deps: BotDeps;
  readonly auth: ConsoleAuth;
  readonly knowledge: LiveKnowledge;
}

/** The editor's page and files, and the Adaptive Cards renderer its preview uses. Public: they hold no data. */
function registerEditorPage(server: Routes): void {
  const dir = join(PROJECT_ROOT, 'console');
  const files = new Map([
    ['/console/editor.mjs', asset(readFileSync(join(dir, 'editor.mjs')), TYPES.js)],
    ['/console/editor-state.mjs', asset(readFileSync(join(dir, 'editor-state.mjs')), TYPES.js)],
    ['/console/editor-fields.mjs', asset(readFileSync(join(dir, 'editor-fields.mjs')), TYPES.js)],
    ['/console/editor-form.mjs', asset(readFileSync(join(dir, 'editor-form.mjs')), TYPES.js)],
    ['/console/editor-check.mjs', asset(readFileSync(join(dir, 'editor-check.mjs')), TYPES.js)],
    ['/console/editor-history.mjs', asset(readFileSync(join(dir, 'editor-history.mjs')), TYPES.js)],
    ['/console/editor-roles.mjs', asset(readFileSync(join(dir, 'editor-roles.mjs')), TYPES.js)],
    ['/console/editor.css', asset(readFileSync(join(dir, 'editor.css')), TYPES.css)],
    [
      '/console/vendor/adaptivecards.min.js',
      asset(readFileSync(require.resolve('adaptivecards/dist/adaptivecards.min.js')), TYPES.js),
    ],
  ]);
  for (const [path, file] of files) {
    server.get(path, (req, res) => {
      sendAsset(req, res, file);
    });
  }
}

export function registerFrameworkEditor(server: Routes, { deps, auth, knowledge }: FrameworkEditorDeps): void {
  registerEditorPage(server);
  const guarded = consoleGuard(deps.logger, auth);
  const versions = deps.store.frameworkVersions;
  const editor = { deps, knowledge };

  const route = (name: string, handle: (call: EditorCall) => Promise<Reply>) =>
    guarded(name, async (req, res, session) => {
      const id = String(req.params?.id ?? '');
      const source = ID.test(id) ? knowledge.current().sources.get(id) : undefined;
      const served = source !== undefined && deps.kb.framework(id) !== undefined;
      if (!source || !served) {
        res.send(
          404,
          {
            code: 'NotFound',
            message: 'There is no such framework here: use the id of one this service serves, e.g. lbbd.',
          },
          HEADERS,
        );
        return;
      }
      if (!versions) {
        res.send(
          503,
          { code: 'NoStore', message: 'Framework editing needs the database, which this service was started without.' },
          HEADERS,
        );
        return;
      }
      const out = await handle({ req, live: source, store: versions, session });
      res.send(out.status, out.body, HEADERS);
    });

  /** A route whose handler takes the call as it is. */
  const handled = (name: string, handle: (editing: FrameworkEditing, call: EditorCall) => Promise<Reply>) =>
    route(name, (call) => handle(editor, call));

  server.get(
    '/api/console/frameworks/:id',
    route('framework', async ({ live }) => reply(200, frameworkJson(live, live.source))),
  );

  server.get(
    '/api/console/frameworks/:id/draft',
    route('draft', async ({ live, store }) => {
      const { source, rev, draft } = await draftOf(store, live);
      return reply(200, {
        ...frameworkJson(live, source),
        draft: draft
          ? {
              ...draftOwner(draft),
              rev,
              base: draft.base,
              stale: draft.base !== baseOf(live),
            }
          : null,
        problems: draftProblems(knowledge, live, source).problems.map(problemJson),
      });
    }),
  );

  server.put(
    '/api/console/frameworks/:id/draft/entries/:entryId',
    route('save-entry', async (call) => {
      const entryId = String(call.req.params?.entryId ?? '');
      if (!ID.test(entryId))
        return reply(400, {
          code: 'Invalid',
          problems: [
            { field: 'id', message: 'must be lower-case letters, digits and single hyphens, like "lbbd-be-human"' },
          ],
        });
      return savePart(editor, call, { entryId });
    }),
  );
  // "Add this wording to entry X": a sent question becomes an alias and a check question of the entry, in the draft.
  server.post(
    '/api/console/frameworks/:id/draft/entries/:entryId/wording',
    route('add-wording', async (call) => {
      const entryId = String(call.req.params?.entryId ?? '');
      if (!ID.test(entryId)) return reply(404, { code: 'NotFound', message: 'There is no such entry in the draft.' });
      return addWording(editor, call, entryId);
    }),
  );
  server.put(
    '/api/console/frameworks/:id/draft/framework',
    route('save-framework', async (call) => savePart(editor, call, { section: 'framework' })),
  );
  server.put(
    '/api/console/frameworks/:id/draft/signposts',
    route('save-signposts', async (call) => savePart(editor, call, { section: 'signposts' })),
  );

  server.del(
    '/api/console/frameworks/:id/draft',
    route('discard-draft', async ({ req, live, store }) => {
      // The page names the revision it showed (?replace=<rev>): a draft saved again since is not discarded unseen.
      const agreed = replaceParam(req);
      if (agreed !== undefined) {
        const refused = replacing(await store.draft(live.frameworkId), agreed);
        if (refused) return refused;
      }
      await store.discardDraft(live.frameworkId);
      return reply(200, { ok: true });
    }),
  );

  server.post(
    '/api/console/frameworks/:id/draft/check',
    route('check', async ({ live, store }) => {
      const { source } = await draftOf(store, live);
      const result = check(knowledge, live, source);
      return result.ok ? reply(200, result.result) : result.reply;
    }),
  );

  server.post('/api/console/frameworks/:id/draft/preview', handled('preview', preview));

  server.post('/api/console/frameworks/:id/publish', handled('publish', publish));

  server.get(
    '/api/console/frameworks/:id/export',
    guarded('export', async (req, res) => {
      const id = String(req.params?.id ?? '');
      const live = ID.test(id) && deps.kb.framework(id) ? knowledge.current().sources.get(id) : undefined;
      if (!live) {
        res.send(404, { code: 'NotFound', message: 'There is no such framework here.' }, HEADERS);
        return;
      }
      res.writeHead(200, {
        ...HEADERS,
        'content-type': 'application/yaml; charset=utf-8',
        'content-disposition': `attachment; filename="${live.file}"`,
      });
      res.end(live.source);
    }),
  );

  server.get(
    '/api/console/frameworks/:id/versions',
    route('versions', async ({ live, store }) => {
      const list = await store.history(live.frameworkId, 100);
      return reply(200, {
        live: {
          version: live.version,
          origin: live.origin,
          ...(live.setAside !== undefined && { setAside: live.setAside }),
        },
        versions: list.map((v) => ({
          version: v.version,
          note: v.note,
          reason: v.reason,
          publishedBy: v.publishedBy,
          publishedAt: v.publishedAt.toISOString(),
          draftedBy: v.draftedBy,
          kind: v.kind,
          diff: JSON.parse(v.diff) as unknown,
        })),
      });
    }),
  );

  // Restoring a version makes it the draft (version 0 is the file in git); publishing it is a new version.
  server.post('/api/console/frameworks/:id/versions/:version/restore', handled('restore', restoreVersion));

  // Undoing a version puts its changes back into the draft, field by field; publishing that is a new version.
  server.post('/api/console/frameworks/:id/versions/:version/undo', handled('undo', undoVersion));

  // A content review signed off: reviewer, date and next review due, recorded as a version.
  server.post('/api/console/frameworks/:id/sign-off', handled('sign-off', signOff));
}
