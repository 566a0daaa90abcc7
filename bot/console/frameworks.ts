import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type restify from 'restify';
import { PROJECT_ROOT } from '../../knowledge/paths';
import { asset, sendAsset, TYPES } from '../web/assets';
import { answerCard, reflectCard, scheduledPostCard } from '../../cards';
import { loadSources } from '../../knowledge/kb/load';
import type { Problem } from '../../knowledge/kb/problems';
import { promptProblems } from '../../knowledge/kb/prompt-rules';
import { formatProblem } from '../../knowledge/kb/problems';
import { createSearch, directAnswer } from '../../knowledge/search/answer';
import { checkDraft, evaluationAvailable } from '../../knowledge/editor/check';
import type { CheckResult } from '../../knowledge/editor/check';
import { frameworkDiff } from '../../knowledge/editor/diff';
import {
  entrySpans,
  entryText,
  etagOf,
  sectionText,
  toData,
  withEntry,
  withSection,
} from '../../knowledge/editor/source';
import type { Section } from '../../knowledge/editor/source';
import type { FrameworkVersionStore } from '../../store/framework-versions';
import type { BotDeps } from '../deps';
import type { FrameworkSource, LiveKnowledge } from '../live-knowledge';
import { isJson } from '../request-body';
import type { ConsoleAuth } from './auth';
import { CONSOLE_HEADERS as HEADERS, consoleGuard } from './routes';
import type { ConsoleSession } from './routes';

/**
 * The framework editor's API, /api/console/frameworks/…: a practice lead edits entries into a draft
 * (checked by the same validator as `kb validate` on every save), checks the draft against the
 * evaluation, and publishes it as a new version that every instance picks up within seconds.
 */

export interface FrameworkEditorDeps {
  readonly deps: BotDeps;
  readonly auth: ConsoleAuth;
  readonly knowledge: LiveKnowledge;
}

const MAX_BODY = 128 * 1024;
const MAX_NOTE = 2000;
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SAVE_ATTEMPTS = 5;

type Reply = { status: number; body: unknown };

/** A JSON object from the request body, read only after sign-in, into memory, up to `limit` bytes. */
async function readJsonObject(
  req: restify.Request,
  limit: number,
): Promise<{ ok: true; body: Record<string, unknown> } | { ok: false; status: 400 | 413 | 415 }> {
  if (!isJson(req.headers['content-type'])) return { ok: false, status: 415 };
  if (Number(req.headers['content-length']) > limit) return { ok: false, status: 413 };
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) return { ok: false, status: 413 };
    chunks.push(chunk);
  }
  try {
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
    return typeof body === 'object' && body !== null && !Array.isArray(body)
      ? { ok: true, body: body as Record<string, unknown> }
      : { ok: false, status: 400 };
  } catch {
    return { ok: false, status: 400 };
  }
}
const reply = (status: number, body: unknown): Reply => ({ status, body });

/** A problem as the page shows it: the field, the command line's words, and the whole line as `kb validate` prints it. */
function problemJson(p: Problem) {
  return { field: p.field, message: p.message, line: p.line, column: p.column, text: formatProblem(p) };
}

/** Prompt rules as problems, in the validator's shape: "lbbd-be-human.group_prompts[1]: …". */
function promptRuleProblems(
  file: string,
  entryId: string,
  prompts: readonly string[],
  groupPrompts: readonly string[],
): Problem[] {
  const of = (field: string, list: readonly string[], group: boolean) =>
    list.flatMap((prompt, i) =>
      promptProblems(entryId, prompt, group).map((p) => ({
        file,
        line: 1,
        column: 1,
        field: `${entryId}.${field}[${i}]`,
        message: `"${prompt}" ${p.problem}`,
      })),
    );
  return [...of('prompts', prompts, false), ...of('group_prompts', groupPrompts, true)];
}

/** The field a problem concerns, inside the part that was saved: "lbbd-be-human.title" → "title". */
function concerns(p: Problem, entryId: string | undefined, section: Section | undefined): boolean {
  if (entryId !== undefined)
    return p.field === entryId || p.field.startsWith(`${entryId}.`) || p.field.startsWith(`${entryId}[`);
  return p.field === section || p.field.startsWith(`${section}.`);
}

/** The editor's page and files, and the Adaptive Cards renderer its preview uses. Public: they hold no data. */
function registerEditorPage(server: restify.Server): void {
  const dir = join(PROJECT_ROOT, 'console');
  const files = new Map([
    ['/console/editor.mjs', asset(readFileSync(join(dir, 'editor.mjs')), TYPES.js)],
    ['/console/editor-state.mjs', asset(readFileSync(join(dir, 'editor-state.mjs')), TYPES.js)],
    ['/console/editor-fields.mjs', asset(readFileSync(join(dir, 'editor-fields.mjs')), TYPES.js)],
    ['/console/editor-form.mjs', asset(readFileSync(join(dir, 'editor-form.mjs')), TYPES.js)],
    ['/console/editor-check.mjs', asset(readFileSync(join(dir, 'editor-check.mjs')), TYPES.js)],
    ['/console/editor.css', asset(readFileSync(join(dir, 'editor.css')), TYPES.css)],
    [
      '/console/vendor/adaptivecards.min.js',
      asset(readFileSync(require.resolve('adaptivecards/dist/adaptivecards.min.js')), TYPES.js),
    ],
  ]);
  for (const [path, file] of files) {
    server.get(path, (req, res, next) => {
      sendAsset(req, res, file);
      next();
    });
  }
}

export function registerFrameworkEditor(server: restify.Server, { deps, auth, knowledge }: FrameworkEditorDeps): void {
  registerEditorPage(server);
  const guarded = consoleGuard(deps.logger, auth);
  const versions = deps.store.frameworkVersions;
  const who = (session: ConsoleSession) => session.leadId ?? (session.localMode ? 'local' : 'unknown');

  const route = (
    name: string,
    handle: (
      req: restify.Request,
      source: FrameworkSource,
      versions: FrameworkVersionStore,
      session: ConsoleSession,
    ) => Promise<Reply>,
  ) =>
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
      const out = await handle(req, source, versions, session);
      res.send(out.status, out.body, HEADERS);
    });

  /** The other frameworks as live: a draft is validated beside them, as `kb validate` checks the folder. */
  const others = (frameworkId: string) =>
    [...knowledge.current().sources.values()]
      .filter((s) => s.frameworkId !== frameworkId)
      .map((s) => ({ file: s.file, source: s.source }));
  const validate = (live: FrameworkSource, source: string) => {
    const loaded = loadSources([...others(live.frameworkId), { file: live.file, source }]);
    return loaded.ok
      ? { problems: [] as Problem[], kb: loaded.kb }
      : { problems: loaded.problems.filter((p) => p.file === live.file), kb: undefined };
  };
  const baseOf = (live: FrameworkSource) =>
    live.origin === 'console' ? `v${live.version}` : `file:${live.fileHash.slice(0, 12)}`;

  /** The draft's text, or the live text when there is no draft; and the revision a save must name. */
  const draftOf = async (store: FrameworkVersionStore, live: FrameworkSource) => {
    const draft = await store.draft(live.frameworkId);
    return { source: draft?.source ?? live.source, rev: draft?.rev ?? 0, draft };
  };

  /** Every part's etag: a save sends the etag of the part it edited, and gets 409 if it changed since. */
  const etags = (source: string) => ({
    framework: etagOf(sectionText(source, 'framework')),
    signposts: etagOf(sectionText(source, 'signposts')),
    entries: Object.fromEntries([...entrySpans(source).keys()].map((id) => [id, etagOf(entryText(source, id))])),
  });

  const frameworkJson = (live: FrameworkSource, source: string) => ({
    ...toData(source),
    version: live.version,
    origin: live.origin,
    ...(live.setAside !== undefined && { setAside: live.setAside }),
    etags: etags(source),
  });

  server.get(
    '/api/console/frameworks/:id',
    route('framework', async (_req, live) => reply(200, frameworkJson(live, live.source))),
  );

  server.get(
    '/api/console/frameworks/:id/draft',
    route('draft', async (_req, live, store) => {
      const { source, rev, draft } = await draftOf(store, live);
      return reply(200, {
        ...frameworkJson(live, source),
        draft: draft
          ? {
              rev,
              base: draft.base,
              updatedBy: draft.updatedBy,
              updatedAt: draft.updatedAt.toISOString(),
              stale: draft.base !== baseOf(live),
            }
          : null,
        problems: validate(live, source).problems.map(problemJson),
      });
    }),
  );

  /** Saves one part into the draft: validated first, conflict-checked on the part's etag, written only if nobody saved in between. */
  const savePart = async (
    req: restify.Request,
    live: FrameworkSource,
    store: FrameworkVersionStore,
    session: ConsoleSession,
    part: { entryId: string } | { section: Section },
  ): Promise<Reply> => {
    const read = await readJsonObject(req, MAX_BODY);
    if (!read.ok)
      return reply(read.status, {
        code: 'BadRequest',
        message:
          'Send {"entry": {…the fields…}, "etag": "…"} as JSON (etag from the last read; leave it out for a new entry).',
      });
    const value = 'entryId' in part ? read.body['entry'] : read.body['value'];
    const etag = read.body['etag'];
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      return reply(400, {
        code: 'BadRequest',
        message: `Send the ${'entryId' in part ? 'entry' : part.section} as a JSON object with the YAML's field names.`,
      });
    if (etag !== undefined && etag !== null && typeof etag !== 'string')
      return reply(400, { code: 'BadRequest', message: 'etag must be the text given by the last read.' });
    const fields = { ...(value as Record<string, unknown>) };
    if ('entryId' in part) {
      if (fields['id'] !== undefined && fields['id'] !== part.entryId)
        return reply(400, {
          code: 'Invalid',
          problems: [
            {
              field: `${part.entryId}.id`,
              message:
                'cannot be changed: an entry keeps its id for good (old cards, rotations and counts use it); add a new entry instead',
            },
          ],
        });
      fields['id'] = part.entryId;
    }
    for (let attempt = 0; attempt < SAVE_ATTEMPTS; attempt++) {
      const { source, rev, draft } = await draftOf(store, live);
      const currentText = 'entryId' in part ? entryText(source, part.entryId) : sectionText(source, part.section);
      const current = etagOf(currentText);
      if ((etag ?? null) !== current) {
        const data = toData(source) as { entries?: Array<Record<string, unknown>> } & Record<string, unknown>;
        const now = 'entryId' in part ? data.entries?.find((e) => e['id'] === part.entryId) : data[part.section];
        return reply(409, {
          code: 'Conflict',
          message:
            current === null
              ? 'There is no such entry to change: to add one, leave out etag.'
              : etag
                ? 'Someone else saved this since you opened it. Here is their version: copy your change into it and save again.'
                : 'This entry already exists: send the etag from your last read to change it.',
          current: now ?? null,
          etag: current,
          ...(draft && { updatedBy: draft.updatedBy, updatedAt: draft.updatedAt.toISOString() }),
        });
      }
      const next = 'entryId' in part ? withEntry(source, fields) : withSection(source, part.section, fields);
      const { problems, kb } = validate(live, next);
      const mine = problems.filter((p) =>
        concerns(p, 'entryId' in part ? part.entryId : undefined, 'section' in part ? part.section : undefined),
      );
      // The rules `npm test` holds every prompt to (open, second person, nothing that invites case details in a channel).
      const entry = 'entryId' in part ? kb?.entry(part.entryId) : undefined;
      if (entry) mine.push(...promptRuleProblems(live.file, entry.id, entry.prompts, entry.groupPrompts));
      if (mine.length > 0) return reply(400, { code: 'Invalid', problems: mine.map(problemJson) });
      const saved = await store.saveDraft(live.frameworkId, rev, {
        source: next,
        base: draft?.base ?? baseOf(live),
        by: who(session),
        at: deps.clock(),
      });
      if (!saved) continue; // someone saved another part in between: read again and re-apply
      deps.logger.info(
        {
          event: 'framework-draft-saved',
          frameworkId: live.frameworkId,
          ...('entryId' in part ? { entryId: part.entryId } : { section: part.section }),
        },
        'a framework draft was saved',
      );
      const newText = 'entryId' in part ? entryText(next, part.entryId) : sectionText(next, part.section);
      return reply(200, { etag: etagOf(newText), rev: rev + 1, problems: problems.map(problemJson) });
    }
    return reply(409, { code: 'Busy', message: 'The draft kept changing while saving: please try again.' });
  };

  server.put(
    '/api/console/frameworks/:id/draft/entries/:entryId',
    route('save-entry', async (req, live, store, session) => {
      const entryId = String(req.params?.entryId ?? '');
      if (!ID.test(entryId))
        return reply(400, {
          code: 'Invalid',
          problems: [
            { field: 'id', message: 'must be lower-case letters, digits and single hyphens, like "lbbd-be-human"' },
          ],
        });
      return savePart(req, live, store, session, { entryId });
    }),
  );
  server.put(
    '/api/console/frameworks/:id/draft/framework',
    route('save-framework', async (req, live, store, session) =>
      savePart(req, live, store, session, { section: 'framework' }),
    ),
  );
  server.put(
    '/api/console/frameworks/:id/draft/signposts',
    route('save-signposts', async (req, live, store, session) =>
      savePart(req, live, store, session, { section: 'signposts' }),
    ),
  );

  server.del(
    '/api/console/frameworks/:id/draft',
    route('discard-draft', async (_req, live, store) => {
      await store.discardDraft(live.frameworkId);
      return reply(200, { ok: true });
    }),
  );

  /** The evaluation before (live) and after (the draft), or why it cannot run. */
  const check = (
    live: FrameworkSource,
    source: string,
  ): { ok: true; result: CheckResult } | { ok: false; reply: Reply } => {
    const { problems } = validate(live, source);
    if (problems.length > 0)
      return {
        ok: false,
        reply: reply(400, {
          code: 'Invalid',
          message: 'The draft has problems: fix them first.',
          problems: problems.map(problemJson),
        }),
      };
    if (!evaluationAvailable())
      return {
        ok: false,
        reply: reply(503, {
          code: 'NoEvaluation',
          message:
            'The evaluation questions (tests/eval/*.jsonl) are not deployed with this service, so the draft cannot be checked.',
        }),
      };
    const before = knowledge.current().all;
    const draftKb = loadSources([...others(live.frameworkId), { file: live.file, source }]);
    if (!draftKb.ok)
      return { ok: false, reply: reply(400, { code: 'Invalid', problems: draftKb.problems.map(problemJson) }) };
    return { ok: true, result: checkDraft(createSearch(before), createSearch(draftKb.kb)) };
  };

  server.post(
    '/api/console/frameworks/:id/draft/check',
    route('check', async (_req, live, store) => {
      const { source } = await draftOf(store, live);
      const result = check(live, source);
      return result.ok ? reply(200, result.result) : result.reply;
    }),
  );

  server.post(
    '/api/console/frameworks/:id/draft/preview',
    route('preview', async (req, live, store) => {
      const read = await readJsonObject(req, 4096);
      const entryId = read.ok ? read.body['entryId'] : undefined;
      if (typeof entryId !== 'string')
        return reply(400, { code: 'BadRequest', message: 'Send {"entryId": "…"} as JSON.' });
      const { source } = await draftOf(store, live);
      const loaded = validate(live, source);
      const entry = loaded.kb?.entry(entryId);
      if (!loaded.kb)
        return reply(400, {
          code: 'Invalid',
          message: 'The draft has problems: fix them to preview.',
          problems: loaded.problems.map(problemJson),
        });
      if (!entry) return reply(404, { code: 'NotFound', message: 'There is no such entry in the draft.' });
      const kb = loaded.kb;
      const prompts = entry.groupPrompts.map((_, i) => i).slice(0, 2);
      return reply(200, {
        answer: answerCard({
          kb,
          result: directAnswer(entry),
          answerId: 'preview',
          piiReminder: false,
          chatFrameworkId: entry.frameworkId,
        }).card,
        post: scheduledPostCard({
          kb,
          entry,
          prompts,
          position: 1,
          of: kb.entries.filter((e) => e.frameworkId === entry.frameworkId && e.kind === entry.kind).length || 1,
          kindsInCycle: 1,
        }).card,
        opener: reflectCard({
          kb,
          entry,
          promptIndex: 0,
          audience: 'group',
          heading: 'Welcome. A moment to reflect before we start',
        }).card,
      });
    }),
  );

  server.post(
    '/api/console/frameworks/:id/publish',
    route('publish', async (req, live, store, session) => {
      const read = await readJsonObject(req, 8192);
      if (!read.ok)
        return reply(read.status, {
          code: 'BadRequest',
          message: 'Send {"note": "what changed and why"} as JSON, and "reason" to publish a regression on purpose.',
        });
      const note = read.body['note'];
      const reason = read.body['reason'];
      if (typeof note !== 'string' || note.trim().length === 0 || note.length > MAX_NOTE)
        return reply(400, {
          code: 'BadRequest',
          message: `note is needed: say in a sentence what changed and why (at most ${MAX_NOTE} characters).`,
        });
      if (reason !== undefined && reason !== null && (typeof reason !== 'string' || reason.length > MAX_NOTE))
        return reply(400, { code: 'BadRequest', message: 'reason must be text.' });
      const given = typeof reason === 'string' && reason.trim().length > 0 ? reason.trim() : null;
      const draft = await store.draft(live.frameworkId);
      if (!draft) return reply(409, { code: 'NoDraft', message: 'There is no draft to publish: save an edit first.' });
      if (draft.base !== baseOf(live))
        return reply(409, {
          code: 'StaleDraft',
          message:
            'This draft was started from an older version, and another has been published since. Discard it, or restore your version as a draft again and redo the edits on top.',
        });
      const checked = check(live, draft.source);
      if (!checked.ok) return checked.reply;
      if (checked.result.gate.fails && given === null) {
        return reply(422, {
          code: 'Regression',
          message: `Not published: ${checked.result.gate.reasons.join('; ')}. Fix the entries whose answers broke, or give a written reason to publish anyway (it is recorded).`,
          check: checked.result,
        });
      }
      const newest = await store.newest(live.frameworkId);
      const version = await store.publish({
        frameworkId: live.frameworkId,
        after: newest?.version ?? 0,
        source: draft.source,
        fileHash: live.fileHash,
        note: note.trim(),
        reason: checked.result.gate.fails ? given : null,
        publishedBy: who(session),
        at: deps.clock(),
        diff: JSON.stringify(frameworkDiff(live.source, draft.source)),
        draftRev: draft.rev,
      });
      if (version === 'conflict')
        return reply(409, {
          code: 'Conflict',
          message: 'Another version was published at the same moment: open the framework again and check your draft.',
        });
      deps.logger.info(
        { event: 'framework-published', frameworkId: live.frameworkId, version, regression: checked.result.gate.fails },
        'a framework version was published',
      );
      await knowledge.refresh(); // live here at once; every other instance within its next poll
      return reply(200, { version, check: checked.result });
    }),
  );

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
    route('versions', async (_req, live, store) => {
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
          diff: JSON.parse(v.diff) as unknown,
        })),
      });
    }),
  );

  // Restoring a version makes it the draft (version 0 is the file in git); publishing it is a new version.
  server.post(
    '/api/console/frameworks/:id/versions/:version/restore',
    route('restore', async (req, live, store, session) => {
      const n = Number(req.params?.version);
      if (!Number.isInteger(n) || n < 0)
        return reply(400, {
          code: 'BadRequest',
          message: 'version must be a version number, or 0 for the file in git.',
        });
      const source = n === 0 ? live.fileSource : (await store.version(live.frameworkId, n))?.source;
      if (source === undefined) return reply(404, { code: 'NotFound', message: 'There is no such version.' });
      for (let attempt = 0; attempt < SAVE_ATTEMPTS; attempt++) {
        const { rev } = await draftOf(store, live);
        if (
          await store.saveDraft(live.frameworkId, rev, {
            source,
            base: baseOf(live),
            by: who(session),
            at: deps.clock(),
          })
        )
          return reply(200, { restored: n, rev: rev + 1 });
      }
      return reply(409, { code: 'Busy', message: 'The draft kept changing: please try again.' });
    }),
  );
}
