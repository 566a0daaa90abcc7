import { toData, withEntry } from '../../../knowledge/editor/source';
import { displayTitle } from '../../../knowledge/kb/model';
import { createSearch } from '../../../knowledge/search/answer';
import { baseOf, draftProblems, problemJson, readJsonObject, reply, updateDraft, who } from './framework-draft';
import type { EditorCall, FrameworkEditing, Reply } from './framework-draft';
import { UNDO_WINDOW_MS } from './retention';

/**
 * "Add this wording to entry X": a question staff chose to send becomes, in the draft, an alias (or a
 * keyword) of the entry and one of its check questions, so Check and Publish keep asking it. The question
 * is then marked answered, so its sent text is deleted when the undo window ends, as the console promises.
 */

const MAX_SCAN = 1000;

export async function addWording(
  { deps, knowledge }: FrameworkEditing,
  { req, live, store, session }: EditorCall,
  entryId: string,
): Promise<Reply> {
  const read = await readJsonObject(req, 4096);
  const suggestionId = read.ok ? read.body['suggestionId'] : undefined;
  const as = read.ok ? (read.body['as'] ?? 'alias') : undefined;
  if (typeof suggestionId !== 'string' || (as !== 'alias' && as !== 'keyword'))
    return reply(400, {
      code: 'BadRequest',
      message: 'Send {"suggestionId": "…"} as JSON, and "as": "alias" or "keyword" (alias when left out).',
    });
  // The text comes from the question as sent, never from the page.
  const sent = (await deps.store.suggestions(MAX_SCAN)).find((s) => s.id === suggestionId && !s.resolved);
  if (!sent || sent.frameworkId !== live.frameworkId)
    return reply(404, {
      code: 'NotFound',
      message: 'There is no such question waiting for this framework: it may have been marked already, or deleted.',
    });
  const wording = sent.text.trim().replace(/\s+/g, ' ');
  const done = await updateDraft(
    store,
    live,
    ({ source }) => {
      const entries = (toData(source)['entries'] ?? []) as Array<Record<string, unknown>>;
      const entry = entries.find((e) => e['id'] === entryId);
      if (!entry) return reply(404, { code: 'NotFound', message: 'There is no such entry in the draft.' });
      const field = as === 'alias' ? 'aliases' : 'keywords';
      const has = (list: unknown) =>
        Array.isArray(list) && list.some((x) => String(x).toLowerCase() === wording.toLowerCase());
      const next = withEntry(source, {
        ...entry,
        ...(!has(entry[field]) && { [field]: [...((entry[field] as unknown[] | undefined) ?? []), wording] }),
        ...(!has(entry['checks']) && { checks: [...((entry['checks'] as unknown[] | undefined) ?? []), wording] }),
      });
      const { problems, kb } = draftProblems(knowledge, live, next);
      if (problems.length > 0 || !kb) return reply(400, { code: 'Invalid', problems: problems.map(problemJson) });
      return { next, kb };
    },
    // Recorded as this person's save, and (as it always has been) as the draft's only editor so far.
    ({ draft }) => ({ base: draft?.base ?? baseOf(live), by: who(session), at: deps.clock.now() }),
  );
  if (!done) return reply(409, { code: 'Busy', message: 'The draft kept changing while saving: please try again.' });
  if ('refused' in done) return done.refused;
  const { kb } = done.saved;
  const marked = await deps.store.resolveSuggestion(suggestionId, 'answered', deps.clock.now());
  deps.logger.info(
    { event: 'suggestion-wording-added', frameworkId: live.frameworkId, entryId, as, marked },
    'a sent question was added to an entry in the draft',
  );
  const answer = createSearch(kb).answer(wording, { defaultFramework: live.frameworkId });
  const target = kb.entry(entryId);
  return reply(200, {
    entryId,
    heading: target ? displayTitle(target) : entryId,
    as,
    reaches: answer.found ? { id: answer.entry.id, heading: displayTitle(answer.entry) } : null,
    undoUntil: new Date(deps.clock.now().getTime() + UNDO_WINDOW_MS).toISOString(),
  });
}
