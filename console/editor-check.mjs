// Check and publish: the draft against every framework's check questions, and publishing it (with a written
// reason when any question would get a worse answer). The history is in editor-history.mjs.
/* global document */
import { $, el } from './common.mjs';
import { call, state } from './editor-state.mjs';
import { loadDraft, save } from './editor-form.mjs';
import { loadHistory } from './editor-history.mjs';

const answer = (side) => side.heading ?? 'No answer ("not sure")';
const shouldGet = (c) => (c.retired ? '"No longer covered"' : (c.expectHeading ?? 'No answer ("not sure")'));

/** A table of questions, each with what it should get, what it gets now and what it would get with the draft. */
function questionsTable(id, caption, rows) {
  return el(
    'div',
    { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-labelledby': `${id}-caption` },
    el(
      'table',
      { id },
      el('caption', { id: `${id}-caption` }, caption),
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          ['Question staff might ask', 'Should get', 'Gets now', 'Would get with the draft'].map((h) =>
            el('th', { scope: 'col' }, h),
          ),
        ),
      ),
      el(
        'tbody',
        {},
        rows.map((c) =>
          el(
            'tr',
            { class: `effect-${c.effect}` },
            el('th', { scope: 'row' }, c.question),
            el('td', {}, shouldGet(c)),
            el('td', {}, answer(c.before)),
            el('td', {}, answer(c.after)),
          ),
        ),
      ),
    ),
  );
}

function renderCheck(result) {
  const worse = result.worse ?? [];
  const better = result.changed.filter((c) => c.effect === 'fixed');
  const figures = el(
    'div',
    { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-labelledby': 'check-sets-caption' },
    el(
      'table',
      { class: 'check-sets', id: 'check-sets' },
      el(
        'caption',
        { id: 'check-sets-caption' },
        'How many questions get the answer they should, now and with the draft',
      ),
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          el('th', { scope: 'col' }, 'Framework'),
          el('th', { scope: 'col', class: 'n' }, 'Questions'),
          el('th', { scope: 'col', class: 'n' }, 'Now'),
          el('th', { scope: 'col', class: 'n' }, 'With the draft'),
        ),
      ),
      el(
        'tbody',
        {},
        result.sets.map((s) =>
          el(
            'tr',
            {},
            el('th', { scope: 'row' }, s.name),
            el('td', { class: 'n' }, String(s.questions)),
            el('td', { class: 'n' }, String(s.right.before)),
            el('td', { class: s.right.after < s.right.before ? 'n worse' : 'n' }, String(s.right.after)),
          ),
        ),
      ),
    ),
  );
  const summary = el(
    'p',
    worse.length > 0 || result.noChecks
      ? { class: 'problem', role: 'alert', id: 'check-summary' }
      : { id: 'check-summary' },
    result.summary,
  );
  $('check-result').replaceChildren(
    summary,
    ...(worse.length > 0
      ? [
          el(
            'p',
            { class: 'hint' },
            "Publishing asks for a written reason while any question would get a worse answer. Or change the draft, for example by adding the question's words to the entry's aliases, and check again.",
          ),
          questionsTable('check-worse', `Would get a different answer, or none (${worse.length})`, worse),
        ]
      : []),
    ...(result.gate.reasons.length > (worse.length > 0 ? 1 : 0)
      ? [el('p', { class: 'problem' }, result.gate.reasons.slice(worse.length > 0 ? 1 : 0).join('. ') + '.')]
      : []),
    ...(better.length > 0
      ? [questionsTable('check-better', `Would now get the answer they should (${better.length})`, better)]
      : []),
    figures,
    el('p', { class: 'hint' }, result.suggestions.note),
  );
  document.documentElement.dataset.checked = 'true';
}

export async function check() {
  // Check says what it checks: the text in the form, saved to the draft first.
  if (state.selected !== undefined && (state.dirty || state.isNew)) {
    $('check-result').replaceChildren(el('p', { role: 'status' }, 'Saving what is in the form to the draft…'));
    if (!(await save())) {
      $('check-result').replaceChildren(
        el(
          'p',
          { class: 'problem', role: 'alert' },
          'Not checked: the form could not be saved to the draft (see above).',
        ),
      );
      return;
    }
  }
  $('check-result').replaceChildren(el('p', { role: 'status' }, 'Checking the draft…'));
  const res = await call('POST', `/api/console/frameworks/${state.frameworkId}/draft/check`);
  if (res.status === 200) renderCheck(res.body);
  else
    $('check-result').replaceChildren(
      el(
        'p',
        { class: 'problem', role: 'alert' },
        res.body.message ?? `Could not check (${res.status}).`,
        ...(res.body.problems ?? []).map((p) => el('span', {}, ` ${p.text ?? p.message}`)),
      ),
    );
}

export async function publish(event) {
  event.preventDefault();
  const note = $('note').value.trim();
  const reason = $('reason').value.trim();
  if (!note) {
    $('publish-status').textContent = 'Write a change note first: what changed, and why.';
    $('note').focus();
    return;
  }
  $('publish-status').textContent = 'Publishing…';
  const res = await call('POST', `/api/console/frameworks/${state.frameworkId}/publish`, {
    note,
    ...(reason && { reason }),
  });
  if (res.status === 200) {
    $('publish-status').textContent =
      `Published version ${res.body.version}. It is live here now, and on every instance within seconds.${res.body.warning ? ` ${res.body.warning}` : ''}`;
    $('note').value = '';
    $('reason').value = '';
    $('reason-field').hidden = true;
    renderCheck(res.body.check);
    await loadDraft(state.selected);
    await loadHistory();
    document.documentElement.dataset.published = String(res.body.version);
    return;
  }
  if (res.status === 422) {
    renderCheck(res.body.check);
    $('reason-field').hidden = false;
  }
  $('publish-status').textContent = res.body.message ?? `Not published (${res.status}).`;
}
