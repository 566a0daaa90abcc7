// The history: every published version with each field's wording before and after, "Undo this version"
// (its changes put back into the draft) and restoring a version as the draft, which asks first when a
// draft exists, saying whose it is and when it was saved. And the content review's sign-off.
/* global document */
import { $, el } from './common.mjs';
import { call, must, state } from './editor-state.mjs';
import { loadDraft } from './editor-form.mjs';
import { confirmLoss, longDay, personName, session, when, whoseDraft } from './editor-roles.mjs';

const FIELD_LABELS = {
  title: 'Title',
  kind: 'Kind',
  number: 'Number',
  summary: 'Summary',
  text: 'Full text',
  who_uses: 'Who uses it',
  why: 'Why',
  notes: 'Notes',
  aliases: 'Aliases',
  keywords: 'Keywords',
  related: 'Related entries',
  prompts: 'Prompts',
  group_prompts: 'Group prompts',
  retired: 'Retired',
  name: 'Name',
  short_name: 'Short name',
  description: 'Description',
  reviewed_by: 'Reviewed by',
  reviewed_on: 'Reviewed on',
  review_due: 'Next review due',
};

/** "lbbd-compassion.summary" → "Compassion: Summary"; "framework.review_due" → "Framework: Next review due". */
function fieldName(field) {
  const dot = field.indexOf('.');
  const part = field.slice(0, dot);
  const key = field.slice(dot + 1);
  const where =
    part === 'framework'
      ? 'Framework'
      : part === 'signposts'
        ? 'Signpost'
        : (state.data?.entries.find((e) => e.id === part)?.title ?? part);
  return `${where}: ${FIELD_LABELS[key] ?? key.replace(/_/g, ' ')}`;
}

/** A field's wording as a lead reads it: lists one a line, a signpost's text and link, yes or no. */
function wording(value) {
  if (value === null || value === undefined || value === '') return el('span', { class: 'empty' }, '(empty)');
  if (Array.isArray(value))
    return el(
      'ul',
      {},
      value.map((v) => el('li', {}, String(v))),
    );
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'object')
    return [value.text ?? '', value.link ? el('span', { class: 'link' }, ` (${value.link})`) : undefined];
  return String(value);
}

function changesTable(v) {
  const rows = [
    ...v.diff.changes.map((c) => [fieldName(c.field), wording(c.before), wording(c.after)]),
    ...v.diff.added.map((id) => [`${id}`, wording(null), 'added as a new entry']),
  ];
  if (rows.length === 0) return el('p', { class: 'meta' }, 'Nothing changed.');
  return el(
    'div',
    { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': `What changed in version ${v.version}` },
    el(
      'table',
      { class: 'changes' },
      el('caption', {}, `What changed in version ${v.version}`),
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          ['What', 'Before', 'After'].map((h) => el('th', { scope: 'col' }, h)),
        ),
      ),
      el(
        'tbody',
        {},
        rows.map(([what, before, after]) =>
          el('tr', {}, el('th', { scope: 'row' }, what), el('td', {}, before), el('td', {}, after)),
        ),
      ),
    ),
  );
}

/** Asks before a draft is replaced, naming whose it is; resolves to the revision agreed to, or null to keep it. */
async function agreeToReplace(what) {
  await loadDraft(state.selected);
  const draft = state.data.draft;
  if (!draft) return undefined;
  const ok = await confirmLoss({
    title: 'Replace the draft?',
    text: `${what} replaces ${whoseDraft(draft)}. Its edits will be lost unless they are published first.`,
    confirm: 'Replace the draft',
  });
  return ok ? draft.rev : null;
}

async function restore(n) {
  const label = n === 0 ? 'Restoring the file in git' : `Restoring version ${n}`;
  for (let attempt = 0; attempt < 2; attempt++) {
    const agreed = await agreeToReplace(label);
    if (agreed === null) {
      $('publish-status').textContent = 'Kept the draft: nothing was restored.';
      return;
    }
    const query = agreed === undefined ? '' : `?replace=${agreed}`;
    const res = await call('POST', `/api/console/frameworks/${state.frameworkId}/versions/${n}/restore${query}`);
    if (res.status === 409 && res.body.code === 'DraftExists') continue; // saved again since: ask again
    $('publish-status').textContent =
      res.status === 200
        ? `${n === 0 ? 'The file in git' : `Version ${n}`} is now the draft: check it, then publish.`
        : (res.body.message ?? `Could not restore (${res.status}).`);
    break;
  }
  await loadDraft(state.selected);
}

async function undo(v) {
  const res = await call('POST', `/api/console/frameworks/${state.frameworkId}/versions/${v.version}/undo`);
  if (res.status === 200) {
    const kept = res.body.keptSince.length
      ? ` ${res.body.keptSince.length} field(s) changed again since were left as they are: ${res.body.keptSince.map(fieldName).join(', ')}.`
      : '';
    $('publish-status').textContent =
      `The draft now undoes version ${v.version}: ${res.body.undone.map(fieldName).join(', ')} back to the wording before.${kept} Check it, then publish.`;
    if (!$('note').value) $('note').value = `Undo version ${v.version} (${v.note})`;
  } else $('publish-status').textContent = res.body.message ?? `Could not undo (${res.status}).`;
  await loadDraft(state.selected);
  document.documentElement.dataset.undone = String(v.version);
}

export async function loadHistory() {
  const data = await must('GET', `/api/console/frameworks/${state.frameworkId}/versions`);
  $('history').replaceChildren(
    ...data.versions.map((v) =>
      el(
        'article',
        { class: 'version', 'aria-labelledby': `version-${v.version}` },
        el(
          'h3',
          { id: `version-${v.version}` },
          `Version ${v.version}${v.kind === 'sign-off' ? ': content review signed off' : ''}`,
        ),
        el('p', {}, v.note),
        el(
          'p',
          { class: 'meta' },
          `${v.kind === 'sign-off' ? 'Signed off' : 'Published'} ${when(v.publishedAt)} by ${personName(v.publishedBy)}`,
          v.draftedBy.length ? ` · edited by ${v.draftedBy.map((id) => personName(id)).join(', ')}` : '',
          v.reason ? ` · published with some answers worse, because: ${v.reason}` : '',
        ),
        changesTable(v),
        el(
          'div',
          { class: 'actions' },
          el('button', { type: 'button', class: 'button', onclick: () => undo(v) }, 'Undo this version'),
          el(
            'button',
            { type: 'button', class: 'button', onclick: () => restore(v.version) },
            `Restore version ${v.version} as a draft`,
          ),
        ),
      ),
    ),
    el(
      'article',
      { class: 'version' },
      el('h3', {}, 'The file in git (version 0)'),
      el(
        'div',
        { class: 'actions' },
        el('button', { type: 'button', class: 'button', onclick: () => restore(0) }, 'Restore the file as a draft'),
      ),
    ),
  );
}

/** Discarding the draft asks first, naming whose it is and when it was saved. */
export async function discard() {
  await loadDraft(state.selected);
  const draft = state.data.draft;
  if (!draft) {
    $('publish-status').textContent = 'There is no draft to discard.';
    return;
  }
  const ok = await confirmLoss({
    title: 'Discard the draft?',
    text: `This discards ${whoseDraft(draft)}. Its edits will be lost.`,
    confirm: 'Discard the draft',
  });
  if (!ok) {
    $('publish-status').textContent = 'Kept the draft.';
    return;
  }
  const res = await call('DELETE', `/api/console/frameworks/${state.frameworkId}/draft?replace=${draft.rev}`);
  $('publish-status').textContent =
    res.status === 200
      ? 'Discarded the draft: you are looking at what is live.'
      : res.body.code === 'DraftExists'
        ? 'Not discarded: the draft was saved again since you looked. Look at it, then discard it again if you still want to.'
        : (res.body.message ?? `Could not discard (${res.status}).`);
  await loadDraft(state.selected);
}

// ---------------------------------------------------------------- content review sign-off

const today = () => new Date().toISOString().slice(0, 10);
const yearOn = (day) => `${Number(day.slice(0, 4)) + 1}${day.slice(4)}`;

export async function loadReview() {
  const live = await must('GET', `/api/console/frameworks/${state.frameworkId}`);
  const f = live.framework ?? {};
  $('review-state').textContent = f.reviewed_by
    ? `Last reviewed by ${f.reviewed_by} on ${longDay(f.reviewed_on)}; next review due ${longDay(f.review_due)}.`
    : 'Never reviewed: nobody responsible for practice has signed this content off yet.';
  $('review-on').value ||= today();
  $('review-due').value ||= yearOn($('review-on').value);
  const mayNot = session.roles.approversConfigured && !session.roles.approver;
  $('review-who').textContent = mayNot
    ? 'An approver signs off the review.'
    : 'Staff see the review in "about"; the weekly digest reminds the practice leads 30 days before it is due.';
}

export async function signOff(event) {
  event.preventDefault();
  $('review-status').textContent = 'Signing off…';
  const res = await call('POST', `/api/console/frameworks/${state.frameworkId}/sign-off`, {
    reviewer: $('reviewer').value.trim(),
    reviewedOn: $('review-on').value,
    reviewDue: $('review-due').value,
  });
  if (res.status === 200) {
    $('review-status').textContent =
      `Signed off as version ${res.body.version}: reviewed by ${res.body.review.reviewed_by} on ${longDay(res.body.review.reviewed_on)}, next review due ${longDay(res.body.review.review_due)}.`;
    await loadReview();
    await loadDraft(state.selected);
    await loadHistory();
    document.documentElement.dataset.signedOff = String(res.body.version);
    return;
  }
  const problems = (res.body.problems ?? []).map((p) => `${p.field}: ${p.message}`).join('; ');
  $('review-status').textContent =
    `Not signed off: ${res.body.message ?? res.status}${problems ? ` (${problems})` : ''}`;
}
