import { isDeepStrictEqual } from 'node:util';
import { frameworkDiff } from '../../../knowledge/editor/diff';
import type { FrameworkDiff } from '../../../knowledge/editor/diff';
import { toData, withEntry, withSection } from '../../../knowledge/editor/source';
import {
  baseOf,
  draftProblems,
  editedBy,
  problemJson,
  readJsonObject,
  reply,
  SAVE_ATTEMPTS,
  updateDraft,
  who,
} from './framework-draft';
import type { EditorCall, FrameworkEditing, Reply } from './framework-draft';
import { rolesOf, signOffRefusal } from './roles';
import { utcDay } from '../../../time/clock';

/**
 * Review sign-off and "Undo this version". A sign-off records who reviewed the content, when, and when
 * the next review is due, as a version of its own (the framework block's reviewed_by, reviewed_on and
 * review_due, which `about` shows and the digest reminds of 30 days before); an undo puts a version's
 * changes back, field by field, into the draft, to be checked and published like any other edit.
 */

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const isDay = (v: unknown): v is string =>
  typeof v === 'string' && DAY.test(v) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);

type FileData = {
  framework?: Record<string, unknown>;
  signposts?: Record<string, unknown>;
  entries?: Array<Record<string, unknown>>;
};

/** Signs off the content review as the next version: the live framework with its review details set. */
export async function signOff(
  { deps, knowledge }: FrameworkEditing,
  { req, live, store, session }: EditorCall,
): Promise<Reply> {
  const read = await readJsonObject(req, 4096);
  const usage = 'Send {"reviewer": "name and role", "reviewedOn": "YYYY-MM-DD", "reviewDue": "YYYY-MM-DD"} as JSON.';
  if (!read.ok) return reply(read.status, { code: 'BadRequest', message: usage });
  const roles = rolesOf(deps.config.console, session);
  const refused = signOffRefusal(roles);
  if (refused) return reply(refused.status, refused.body);
  const { reviewer, reviewedOn, reviewDue } = read.body;
  const today = utcDay(deps.clock.now());
  const problems: Array<{ field: string; message: string }> = [];
  if (typeof reviewer !== 'string' || reviewer.trim().length === 0 || reviewer.length > 200)
    problems.push({ field: 'reviewer', message: 'write who reviewed the content, with their role' });
  if (!isDay(reviewedOn) || reviewedOn > today)
    problems.push({ field: 'reviewedOn', message: 'give the day the review was done, today or before' });
  if (!isDay(reviewDue) || (isDay(reviewedOn) && reviewDue <= reviewedOn))
    problems.push({ field: 'reviewDue', message: 'give the day the next review is due, after the review' });
  if (problems.length > 0)
    return reply(400, { code: 'Invalid', message: 'Some review details are missing or wrong.', problems });
  const review = {
    reviewed_by: String(reviewer).trim(),
    reviewed_on: String(reviewedOn),
    review_due: String(reviewDue),
  };
  const withReview = (source: string) =>
    withSection(source, 'framework', { ...((toData(source) as FileData).framework ?? {}), ...review });
  const source = withReview(live.source);
  const checked = draftProblems(knowledge, live, source);
  if (checked.problems.length > 0) return reply(400, { code: 'Invalid', problems: checked.problems.map(problemJson) });
  const oldBase = baseOf(live);
  const newest = await store.newest(live.frameworkId);
  const version = await store.publish({
    frameworkId: live.frameworkId,
    after: newest?.version ?? 0,
    source,
    fileHash: live.fileHash,
    note: `Content review signed off by ${review.reviewed_by} on ${review.reviewed_on}; next review due ${review.review_due}.`,
    reason: null,
    publishedBy: who(session),
    at: deps.clock.now(),
    diff: JSON.stringify(frameworkDiff(live.source, source)),
    draftRev: null,
    kind: 'sign-off',
  });
  if (version === 'conflict')
    return reply(409, {
      code: 'Conflict',
      message: 'Another version was published at the same moment: open the framework again and sign off then.',
    });
  deps.logger.info(
    { event: 'framework-signed-off', frameworkId: live.frameworkId, version },
    'a review was signed off',
  );
  await knowledge.refresh();
  // A draft started from the version signed off moves onto the new one, with the review in it, so it is
  // not left stale; it stays the editors' draft (the sign-off is not an edit of it).
  const now = knowledge.current().sources.get(live.frameworkId);
  for (let attempt = 0; now && attempt < SAVE_ATTEMPTS; attempt++) {
    const draft = await store.draft(live.frameworkId);
    if (!draft || draft.base !== oldBase) break;
    const moved = await store.saveDraft(live.frameworkId, draft.rev, {
      source: withReview(draft.source),
      base: baseOf(now),
      by: draft.updatedBy,
      name: draft.updatedByName,
      at: draft.updatedAt,
      editors: draft.editors,
    });
    if (moved) break;
  }
  return reply(200, { version, review });
}

/** The part of the file a diff's field names ("framework.review_due", "lbbd-care.summary") and its key. */
function partOf(data: FileData, field: string): { part: Record<string, unknown>; key: string; name: string } | null {
  const dot = field.indexOf('.');
  if (dot < 0) return null;
  const name = field.slice(0, dot);
  const key = field.slice(dot + 1);
  const part = name === 'framework' || name === 'signposts' ? data[name] : data.entries?.find((e) => e['id'] === name);
  return part ? { part, key, name } : null;
}

/**
 * Version n's changes put back into the draft (or into a new one from what is live): each field it changed
 * goes back to its wording before, unless it has changed again since (those are listed, left as they are);
 * an entry it added is retired, since ids are kept for good.
 */
export async function undoVersion(
  { deps, knowledge }: FrameworkEditing,
  { req, live, store, session }: EditorCall,
): Promise<Reply> {
  const n = Number(req.params?.version);
  if (!Number.isInteger(n) || n < 1)
    return reply(400, { code: 'BadRequest', message: 'version must be the number of a published version.' });
  const version = await store.version(live.frameworkId, n);
  if (!version) return reply(404, { code: 'NotFound', message: 'There is no such version.' });
  const diff = JSON.parse(version.diff) as FrameworkDiff;
  const done = await updateDraft(
    store,
    live,
    ({ source }) => {
      const data = toData(source) as FileData;
      const undone: string[] = [];
      const keptSince: string[] = [];
      const touched = new Set<string>();
      for (const change of diff.changes) {
        const at = partOf(data, change.field);
        if (!at || !isDeepStrictEqual(at.part[at.key] ?? null, change.after)) {
          keptSince.push(change.field);
          continue;
        }
        if (change.before === null) delete at.part[at.key];
        else at.part[at.key] = change.before;
        undone.push(change.field);
        touched.add(at.name);
      }
      for (const id of diff.added) {
        const entry = data.entries?.find((e) => e['id'] === id);
        if (entry && entry['retired'] !== true) {
          entry['retired'] = true;
          undone.push(`${id}.retired`);
          touched.add(id);
        }
      }
      if (undone.length === 0)
        return reply(409, {
          code: 'NothingToUndo',
          message: `Nothing of version ${n} is left to undo: every field it changed has changed again since.`,
          keptSince,
        });
      let next = source;
      for (const name of touched)
        next =
          name === 'framework' || name === 'signposts'
            ? withSection(next, name, data[name] ?? {})
            : withEntry(next, data.entries?.find((e) => e['id'] === name) ?? {});
      const { problems } = draftProblems(knowledge, live, next);
      if (problems.length > 0)
        return reply(400, {
          code: 'Invalid',
          message: `Undoing version ${n} would leave problems: fix them by hand instead.`,
          problems: problems.map(problemJson),
        });
      return { next, undone, keptSince };
    },
    editedBy(live, session, () => deps.clock.now()),
  );
  if (!done) return reply(409, { code: 'Busy', message: 'The draft kept changing: please try again.' });
  if ('refused' in done) return done.refused;
  const { undone, keptSince, rev } = done.saved;
  return reply(200, { undone, keptSince, rev: rev + 1 });
}
