import type { HttpRequest } from '../../platform/types';
import { isDeepStrictEqual } from 'node:util';
import type { Problem } from '../../../knowledge/kb/problems';
import {
  entrySpans,
  entryText,
  etagOf,
  sectionText,
  toData,
  unknownFields,
  withEntry,
  withSection,
} from '../../../knowledge/editor/source';
import type { Section } from '../../../knowledge/editor/source';
import type { FrameworkDraft } from '../../../store/framework-versions';
import {
  baseOf,
  draftOwner,
  draftProblems,
  editedBy,
  problemJson,
  readJsonObject,
  reply,
  updateDraft,
  who,
} from './framework-draft';
import type { EditorCall, FrameworkEditing, Reply } from './framework-draft';

/**
 * Writing the framework editor's draft: saving an entry or a section into it, checked as `kb validate` and
 * `npm test` check the files, and restoring a published version (or the file in git) as the draft.
 */

const MAX_BODY = 128 * 1024;

/** Saves one part into the draft: validated first, conflict-checked on the part's etag, written only if nobody saved in between. */
export async function savePart(
  { deps, knowledge }: FrameworkEditing,
  { req, live, store, session }: EditorCall,
  part: { entryId: string } | { section: Section },
): Promise<Reply> {
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
  // Only the fields the files have are written: any other name is refused, never written as text.
  const unknown = unknownFields('entryId' in part ? 'entry' : part.section, fields);
  if (unknown.length > 0)
    return reply(400, {
      code: 'Invalid',
      problems: unknown.map((k) =>
        problemJson({
          file: live.file,
          line: 1,
          column: 1,
          field: `${'entryId' in part ? part.entryId : part.section}.${k}`,
          message: 'is not a field we know: check the spelling (see knowledge/README.md for the fields)',
        }),
      ),
    });
  const text = (source: string) =>
    'entryId' in part ? entryText(source, part.entryId) : sectionText(source, part.section);
  const done = await updateDraft(
    store,
    live,
    ({ source, draft }) => {
      const current = etagOf(text(source));
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
          ...(draft && {
            updatedBy: draft.updatedBy,
            updatedByName: draftOwner(draft).updatedByName,
            updatedAt: draft.updatedAt.toISOString(),
          }),
        });
      }
      const next = 'entryId' in part ? withEntry(source, fields) : withSection(source, part.section, fields);
      // The whole text must pass, as `kb validate` and `npm test` would hold the file: the validator, and
      // the prompt rules over every entry; and it must say exactly what was sent, and no more.
      const { problems } = draftProblems(knowledge, live, next);
      problems.push(...notAsSent(live.file, source, next, part, fields));
      if (problems.length > 0) return reply(400, { code: 'Invalid', problems: problems.map(problemJson) });
      return { next };
    },
    editedBy(live, session, () => deps.clock.now()),
  );
  if (!done) return reply(409, { code: 'Busy', message: 'The draft kept changing while saving: please try again.' });
  if ('refused' in done) return done.refused;
  deps.logger.info(
    {
      event: 'framework-draft-saved',
      frameworkId: live.frameworkId,
      ...('entryId' in part ? { entryId: part.entryId } : { section: part.section }),
    },
    'a framework draft was saved',
  );
  return reply(200, { etag: etagOf(text(done.saved.next)), rev: done.saved.rev + 1, problems: [] });
}

/** Without what the writer leaves out (empty fields), as the saved text should read back. */
function given(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(given);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== undefined && v !== null)
      .map(([k, v]) => [k, given(v)]),
  );
}

/**
 * A check on the writer: the new text holds the part exactly as sent, and the same entries as before
 * (plus the new one). Anything else means some text was read as YAML, so the save is refused.
 */
function notAsSent(
  file: string,
  before: string,
  next: string,
  part: { entryId: string } | { section: Section },
  fields: Record<string, unknown>,
): Problem[] {
  const ids = [...entrySpans(next).keys()];
  const expected = [...entrySpans(before).keys()];
  if ('entryId' in part && !expected.includes(part.entryId)) expected.push(part.entryId);
  const data = toData(next) as { entries?: unknown[] } & Record<string, unknown>;
  const written =
    'entryId' in part
      ? data.entries?.filter((e) => (e as { id?: unknown } | null)?.id === part.entryId)
      : [data[part.section]];
  if (isDeepStrictEqual(ids, expected) && written?.length === 1 && isDeepStrictEqual(written[0], given(fields)))
    return [];
  return [
    {
      file,
      line: 1,
      column: 1,
      field: 'entryId' in part ? part.entryId : part.section,
      message:
        'could not be saved exactly as written: remove unusual characters (such as control characters) and try again',
    },
  ];
}

/** Restoring a version makes it the draft (version 0 is the file in git); publishing it is a new version. */
export async function restoreVersion(
  { deps }: FrameworkEditing,
  { req, live, store, session }: EditorCall,
): Promise<Reply> {
  const n = Number(req.params?.version);
  if (!Number.isInteger(n) || n < 0)
    return reply(400, {
      code: 'BadRequest',
      message: 'version must be a version number, or 0 for the file in git.',
    });
  const source = n === 0 ? live.fileSource : (await store.version(live.frameworkId, n))?.source;
  if (source === undefined) return reply(404, { code: 'NotFound', message: 'There is no such version.' });
  const draft = await store.draft(live.frameworkId);
  const refused = replacing(draft, replaceParam(req));
  if (refused) return refused;
  // The restored text is the draft now, restored by this person: whoever edited the one it replaced did not edit this.
  if (
    await store.saveDraft(live.frameworkId, draft?.rev ?? 0, {
      source,
      base: baseOf(live),
      by: who(session),
      name: session.name ?? null,
      at: deps.clock.now(),
    })
  ) {
    deps.logger.info({ event: 'framework-version-restored', frameworkId: live.frameworkId, version: n }, 'restored');
    return reply(200, { restored: n, rev: (draft?.rev ?? 0) + 1 });
  }
  return reply(409, { code: 'Busy', message: 'The draft changed while restoring: please try again.' });
}

/** `?replace=<rev>`: the draft revision the caller was shown and agreed to replace or discard. */
export function replaceParam(req: HttpRequest): number | undefined {
  const raw = new URL(req.url ?? '/', 'http://console.invalid').searchParams.get('replace');
  return raw !== null && /^\d{1,9}$/.test(raw) ? Number(raw) : undefined;
}

/**
 * A draft is never replaced without a word: a call that would replace one must name the revision it was
 * shown (`?replace=<rev>`), so a draft someone saved since is not lost. 409 says whose it is and when it was saved.
 */
export function replacing(draft: FrameworkDraft | undefined, agreed: number | undefined): Reply | undefined {
  if (!draft || agreed === draft.rev) return undefined;
  const owner = draftOwner(draft);
  return reply(409, {
    code: 'DraftExists',
    message: `There is a draft${owner.updatedByName ? ` saved by ${owner.updatedByName}` : ''} on ${owner.updatedAt}${agreed !== undefined ? ', saved again since you looked' : ''}. Replacing it loses its edits: confirm to replace it.`,
    draft: owner,
  });
}
