import type { HttpRequest } from '../../platform/types';
import { loadSources } from '../../../knowledge/kb/load';
import type { Entry, KnowledgeBase } from '../../../knowledge/kb/model';
import { openingProblems, promptProblems } from '../../../knowledge/kb/prompt-rules';
import type { Problem } from '../../../knowledge/kb/problems';
import { formatProblem } from '../../../knowledge/kb/problems';
import { entrySpans, entryText, etagOf, sectionText, toData } from '../../../knowledge/editor/source';
import type { DraftWrite, FrameworkDraft, FrameworkVersionStore } from '../../../store/framework-versions';
import type { BotDeps } from '../../deps';
import type { FrameworkSource, LiveKnowledge } from '../../../knowledge/live/live-knowledge';
import { isJson } from '../request-body';
import { STAND_INS } from './roles';
import type { ConsoleSession } from './routes';

/**
 * What the framework editor's routes share: reading a request's JSON, the shape of a reply and of a
 * problem, and a framework's draft: its text, its etags, and its validation beside the live frameworks.
 */

/** The parts of the service the editor's routes use. */
export interface FrameworkEditing {
  readonly deps: BotDeps;
  readonly knowledge: LiveKnowledge;
}

export const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SAVE_ATTEMPTS = 5;

export type Reply = { status: number; body: unknown };

/** One call to an editor route: the request, the framework as live, its versions, and who is signed in. */
export interface EditorCall {
  readonly req: HttpRequest;
  readonly live: FrameworkSource;
  readonly store: FrameworkVersionStore;
  readonly session: ConsoleSession;
}

/** A JSON object from the request body, read only after sign-in, into memory, up to `limit` bytes. */
export async function readJsonObject(
  req: HttpRequest,
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
export const reply = (status: number, body: unknown): Reply => ({ status, body });

/** A problem as the page shows it: the field, the command line's words, and the whole line as `kb validate` prints it. */
export function problemJson(p: Problem) {
  return { field: p.field, message: p.message, line: p.line, column: p.column, text: formatProblem(p) };
}

/** Who a draft or a version is recorded as saved or published by. */
export const who = (session: ConsoleSession) =>
  session.localMode && session.standIn
    ? STAND_INS[session.standIn].id
    : (session.leadId ?? (session.localMode ? 'local' : 'unknown'));

/** Who saved a draft last and when, as the page names them before it is discarded or replaced. */
export const draftOwner = (draft: FrameworkDraft) => ({
  rev: draft.rev,
  updatedBy: draft.updatedBy,
  updatedByName: draft.updatedByName ?? standInName(draft.updatedBy),
  updatedAt: draft.updatedAt.toISOString(),
  editors: draft.editors,
});

const standInName = (id: string) => Object.values(STAND_INS).find((s) => s.id === id)?.name ?? null;

/** The other frameworks as live: a draft is validated beside them, as `kb validate` checks the folder. */
export const otherSources = (knowledge: LiveKnowledge, frameworkId: string) =>
  [...knowledge.current().sources.values()]
    .filter((s) => s.frameworkId !== frameworkId)
    .map((s) => ({ file: s.file, source: s.source }));

export const validate = (knowledge: LiveKnowledge, live: FrameworkSource, source: string) => {
  const loaded = loadSources([...otherSources(knowledge, live.frameworkId), { file: live.file, source }]);
  return loaded.ok
    ? { problems: [] as Problem[], kb: loaded.kb }
    : { problems: loaded.problems.filter((p) => p.file === live.file), kb: undefined };
};

/**
 * Every problem with a draft's text: the validator's (as `kb validate`), and the prompt rules `npm test`
 * holds every prompt to, over every entry of the framework (retired ones too: their ids still open them).
 */
export function draftProblems(
  knowledge: LiveKnowledge,
  live: FrameworkSource,
  source: string,
): { problems: Problem[]; kb: KnowledgeBase | undefined } {
  const { problems, kb } = validate(knowledge, live, source);
  if (!kb) return { problems, kb };
  const entries = [...entrySpans(source).keys()].flatMap((id) => kb.entry(id) ?? []);
  return { problems: promptRuleProblems(live.file, entries), kb };
}

/** Prompt rules as problems, in the validator's shape: "lbbd-be-human.group_prompts[1]: …". */
function promptRuleProblems(file: string, entries: readonly Entry[]): Problem[] {
  const problem = (field: string, prompt: string, message: string): Problem => ({
    file,
    line: 1,
    column: 1,
    field,
    message: `"${prompt}" ${message}`,
  });
  const of = (e: Entry, field: 'prompts' | 'group_prompts', list: readonly string[]) =>
    list.flatMap((prompt, i) =>
      promptProblems(e.id, prompt, field === 'group_prompts').map((p) =>
        problem(`${e.id}.${field}[${i}]`, prompt, p.problem),
      ),
    );
  return [
    ...entries.flatMap((e) => [...of(e, 'prompts', e.prompts), ...of(e, 'group_prompts', e.groupPrompts)]),
    ...openingProblems(entries).map((p) => {
      const i = entries.find((e) => e.id === p.entryId)?.groupPrompts.indexOf(p.prompt) ?? 0;
      return problem(`${p.entryId}.group_prompts[${i}]`, p.prompt, p.problem);
    }),
  ];
}

export const baseOf = (live: FrameworkSource) =>
  live.origin === 'console' ? `v${live.version}` : `file:${live.fileHash.slice(0, 12)}`;

/** The draft's text, or the live text when there is no draft; and the revision a save must name. */
export const draftOf = async (store: FrameworkVersionStore, live: FrameworkSource) => {
  const draft = await store.draft(live.frameworkId);
  return { source: draft?.source ?? live.source, rev: draft?.rev ?? 0, draft };
};

/** The draft as an edit reads it: its text (the live text when there is none), its revision, and the draft. */
export type DraftRead = Awaited<ReturnType<typeof draftOf>>;

/**
 * One edit of the draft, saved only if nobody saved in between: otherwise the draft is read again and the
 * edit re-applied, up to SAVE_ATTEMPTS times. `edit` gives the new text (with anything the caller wants
 * back), or a reply that ends it unsaved; `as` says who and what the save is recorded as. Resolves to the
 * edit that was saved, with the revision it was saved over; to the reply; or to undefined when the draft
 * kept changing.
 */
export async function updateDraft<R extends { next: string }>(
  store: FrameworkVersionStore,
  live: FrameworkSource,
  edit: (read: DraftRead) => R | Reply,
  as: (read: DraftRead) => Omit<DraftWrite, 'source'>,
): Promise<{ saved: R & DraftRead } | { refused: Reply } | undefined> {
  for (let attempt = 0; attempt < SAVE_ATTEMPTS; attempt++) {
    const read = await draftOf(store, live);
    const edited = edit(read);
    if (!('next' in edited)) return { refused: edited };
    if (await store.saveDraft(live.frameworkId, read.rev, { source: edited.next, ...as(read) }))
      return { saved: { ...read, ...edited } };
  }
  return undefined;
}

/** A save recorded as this person's edit of the draft: they join its editors, on the draft's base. */
export const editedBy =
  (live: FrameworkSource, session: ConsoleSession, at: () => Date) =>
  ({ draft }: DraftRead): Omit<DraftWrite, 'source'> => ({
    base: draft?.base ?? baseOf(live),
    by: who(session),
    name: session.name ?? null,
    at: at(),
    editors: [...(draft?.editors ?? []), who(session)],
  });

/** Every part's etag: a save sends the etag of the part it edited, and gets 409 if it changed since. */
const etags = (source: string) => ({
  framework: etagOf(sectionText(source, 'framework')),
  signposts: etagOf(sectionText(source, 'signposts')),
  entries: Object.fromEntries([...entrySpans(source).keys()].map((id) => [id, etagOf(entryText(source, id))])),
});

export const frameworkJson = (live: FrameworkSource, source: string) => ({
  ...toData(source),
  version: live.version,
  origin: live.origin,
  ...(live.setAside !== undefined && { setAside: live.setAside }),
  etags: etags(source),
});
