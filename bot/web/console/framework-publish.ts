import { answerCard, reflectCard, scheduledPostCard } from '../../../cards';
import { checkDraft } from '../../../knowledge/editor/check';
import type { CheckResult } from '../../../knowledge/editor/check';
import { frameworkDiff } from '../../../knowledge/editor/diff';
import { checkQuestions } from '../../../knowledge/kb/checks';
import { displayTitle } from '../../../knowledge/kb/model';
import { loadSources } from '../../../knowledge/kb/load';
import { createSearch, directAnswer } from '../../../knowledge/search/answer';
import type { FrameworkSource, LiveKnowledge } from '../../../knowledge/live/live-knowledge';
import {
  baseOf,
  draftOf,
  draftProblems,
  otherSources,
  problemJson,
  readJsonObject,
  reply,
  validate,
  who,
} from './framework-draft';
import type { EditorCall, FrameworkEditing, Reply } from './framework-draft';
import { publishRefusal, rolesOf } from './roles';

/**
 * Trying and publishing the framework editor's draft: its cards as Teams would show them, the evaluation
 * before and after it, and publishing it as a new version, held back on a regression unless a reason is given.
 */

const MAX_NOTE = 2000;

/** The evaluation before (live) and after (the draft), or why it cannot run. */
export function check(
  knowledge: LiveKnowledge,
  live: FrameworkSource,
  source: string,
): { ok: true; result: CheckResult } | { ok: false; reply: Reply } {
  // The validator, and the prompt rules over every entry: publish runs this check too.
  const { problems } = draftProblems(knowledge, live, source);
  if (problems.length > 0)
    return {
      ok: false,
      reply: reply(400, {
        code: 'Invalid',
        message: 'The draft has problems: fix them first.',
        problems: problems.map(problemJson),
      }),
    };
  const before = knowledge.current().all;
  const draftKb = loadSources([...otherSources(knowledge, live.frameworkId), { file: live.file, source }]);
  if (!draftKb.ok)
    return { ok: false, reply: reply(400, { code: 'Invalid', problems: draftKb.problems.map(problemJson) }) };
  // The check questions are the draft's own (each framework's file carries them), so they ship with it.
  return { ok: true, result: checkDraft(createSearch(before), createSearch(draftKb.kb), live.frameworkId) };
}

/** An entry of the draft as the answer card, the scheduled post and the meeting opener Teams would show. */
export async function preview({ knowledge }: FrameworkEditing, { req, live, store }: EditorCall): Promise<Reply> {
  const read = await readJsonObject(req, 4096);
  const entryId = read.ok ? read.body['entryId'] : undefined;
  if (typeof entryId !== 'string') return reply(400, { code: 'BadRequest', message: 'Send {"entryId": "…"} as JSON.' });
  const { source } = await draftOf(store, live);
  const loaded = validate(knowledge, live, source);
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
  // Its place among its kind, as a channel posting that kind sees it ("Principle 7 of 10"), not always 1.
  const sameKind = kb.entries.filter((e) => e.frameworkId === entry.frameworkId && e.kind === entry.kind);
  const at = sameKind.findIndex((e) => e.id === entry.id);
  // The bot answering each of the entry's check questions as the draft would (an added wording among them).
  const search = createSearch(kb);
  const expected = entry.retired ? null : entry.id;
  const checks = checkQuestions(kb, entry.frameworkId)
    .filter((c) => c.expect === entry.id || c.retired === entry.id)
    .map((c) => {
      const r = search.answer(c.q, { defaultFramework: entry.frameworkId });
      const reaches = r.found ? { id: r.entry.id, heading: displayTitle(r.entry) } : null;
      return { question: c.q, reaches, right: (reaches?.id ?? null) === expected };
    });
  return reply(200, {
    checks,
    answer: answerCard({
      kb,
      result: directAnswer(entry),
      answerId: 'preview',
      chatFrameworkId: entry.frameworkId,
    }).card,
    post: scheduledPostCard({
      kb,
      entry,
      prompts,
      position: at >= 0 ? at + 1 : sameKind.length + 1,
      of: at >= 0 ? sameKind.length : sameKind.length + 1,
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
}

/** Publishes the draft as the next version, after the same checks as /draft/check. */
export async function publish(
  { deps, knowledge }: FrameworkEditing,
  { req, live, store, session }: EditorCall,
): Promise<Reply> {
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
  // Two pairs of eyes, where approvers are set: an approver publishes, never a draft they edited.
  const refused = publishRefusal(rolesOf(deps.config.console, session), draft.editors);
  if (refused) {
    deps.logger.info(
      { event: 'framework-publish-refused', frameworkId: live.frameworkId, code: refused.body.code },
      'a publish was refused: an approver who did not edit the draft publishes it',
    );
    return reply(refused.status, refused.body);
  }
  const checked = check(knowledge, live, draft.source);
  if (!checked.ok) return checked.reply;
  if (checked.result.gate.fails && given === null) {
    return reply(422, {
      code: 'Regression',
      message: `Not published: ${checked.result.gate.reasons.join('; ')}. Change the draft so they get the answer they should, or write why staff should get these answers, and publish again (your reason is kept with the version).`,
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
    at: deps.clock.now(),
    diff: JSON.stringify(frameworkDiff(live.source, draft.source)),
    draftRev: draft.rev,
    draftedBy: draft.editors,
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
  return reply(200, {
    version,
    check: checked.result,
    ...(checked.result.noChecks && { warning: checked.result.summary }),
  });
}
