// Check and publish: the draft against the evaluation questions, and publishing it (with a reason when it
// falls below the gate). The history is in editor-history.mjs.
/* global document */
import { $, el } from './common.mjs';
import { call, state } from './editor-state.mjs';
import { loadDraft } from './editor-form.mjs';
import { loadHistory } from './editor-history.mjs';

const pct = (n) => `${(n * 100).toFixed(1)}%`;

function renderCheck(result) {
  const rows = result.sets.flatMap((s) =>
    [
      ['top1', 'Top-1 accuracy'],
      ['top3', 'Top-3 accuracy'],
      ['rejection', 'Off-topic rejection'],
    ].map(([k, label]) =>
      el(
        'tr',
        {},
        el('th', { scope: 'row' }, `${s.file}: ${label}`),
        el('td', { class: 'n' }, pct(s.before[k])),
        el('td', { class: s.after[k] < s.before[k] ? 'n worse' : 'n' }, pct(s.after[k])),
      ),
    ),
  );
  const setsTable = el(
    'div',
    { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-labelledby': 'check-sets-caption' },
    el(
      'table',
      { class: 'check-sets', id: 'check-sets' },
      el(
        'caption',
        { id: 'check-sets-caption' },
        `Before (live) and after (the draft); the gate is top-1 ≥ ${pct(result.gate.top1)} and rejection ≥ ${pct(result.gate.rejection)}`,
      ),
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          el('th', { scope: 'col' }, 'Measure'),
          el('th', { scope: 'col', class: 'n' }, 'Before'),
          el('th', { scope: 'col', class: 'n' }, 'After'),
        ),
      ),
      el('tbody', {}, rows),
    ),
  );
  const answer = (side) => side.heading ?? 'no answer (not sure)';
  const changed = result.changed.length
    ? el(
        'div',
        { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-labelledby': 'check-changed-caption' },
        el(
          'table',
          { id: 'check-changed' },
          el('caption', { id: 'check-changed-caption' }, `Questions whose answer changed (${result.changed.length})`),
          el(
            'thead',
            {},
            el(
              'tr',
              {},
              ['Question', 'Should reach', 'Before', 'After', 'Effect'].map((h) => el('th', { scope: 'col' }, h)),
            ),
          ),
          el(
            'tbody',
            {},
            result.changed.map((c) =>
              el(
                'tr',
                { class: `effect-${c.effect}` },
                el('th', { scope: 'row' }, c.question),
                el('td', {}, c.expect ?? 'no answer'),
                el('td', {}, answer(c.before)),
                el('td', {}, answer(c.after)),
                el('td', {}, c.effect),
              ),
            ),
          ),
        ),
      )
    : el('p', {}, 'No question changed its answer.');
  $('check-result').replaceChildren(
    result.gate.fails
      ? el('p', { class: 'problem', role: 'alert' }, `Below the gate: ${result.gate.reasons.join('; ')}.`)
      : el('p', {}, 'Within the gate.'),
    setsTable,
    changed,
    el('p', { class: 'hint' }, result.suggestions.note),
  );
  document.documentElement.dataset.checked = 'true';
}

export async function check() {
  $('check-result').replaceChildren(el('p', { role: 'status' }, 'Checking…'));
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
      `Published version ${res.body.version}. It is live here now, and on every instance within seconds.`;
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
