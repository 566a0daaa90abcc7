// The editor's entry list and form: choosing what to edit, and saving it to the draft (or showing why not).
/* global document, structuredClone */
import { $, el } from './common.mjs';
import { call, must, SIGN_IN, state } from './editor-state.mjs';
import { personName, when, whoseDraft } from './editor-roles.mjs';
import {
  fieldId,
  fieldsFor,
  getPath,
  problemBelongs,
  renderField,
  setPath,
  showFieldErrors,
} from './editor-fields.mjs';

function valueOf(selected) {
  if (selected === '@framework') return state.data.framework;
  if (selected === '@signposts') return state.data.signposts;
  return (
    state.data.entries.find((e) => e.id === selected) ?? {
      id: selected,
      kind: 'principle',
      aliases: [],
      keywords: [],
      related: [],
      prompts: [],
      group_prompts: [],
    }
  );
}

function renderForm() {
  const selected = state.selected;
  const form = $('entry-form');
  if (selected === undefined) {
    form.hidden = true;
    return;
  }
  const value = valueOf(selected);
  const heading =
    selected === '@framework'
      ? 'Framework details and review'
      : selected === '@signposts'
        ? 'Signposts'
        : state.isNew
          ? 'New entry'
          : value.title;
  $('entry-heading').textContent = heading;
  const idRow = state.isNew
    ? el(
        'div',
        { class: 'field' },
        el('label', { for: 'f-new-id' }, 'Id (for good: it can never change)'),
        el('input', { id: 'f-new-id', type: 'text', value: selected }),
        el('p', { class: 'field-error', 'data-error-for': 'id' }),
      )
    : undefined;
  $('entry-id').textContent = selected.startsWith('@') ? '' : state.isNew ? '' : `Id: ${selected} (ids never change)`;
  $('fields').replaceChildren(
    ...[idRow, ...fieldsFor(selected).map((f) => renderField(f, getPath(value, f.key)))].filter(Boolean),
  );
  $('conflict').hidden = true;
  $('save-status').textContent = '';
  form.hidden = false;
  state.dirty = false;
  showFieldErrors((state.data.problems ?? []).filter((p) => problemBelongs(p, selected)));
}

function formValue() {
  const selected = state.selected;
  const base = structuredClone(valueOf(selected));
  for (const f of fieldsFor(selected)) {
    const input = document.getElementById(fieldId(f.key));
    if (!input) continue;
    let v;
    if (f.type === 'list')
      v = input.value
        .split('\n')
        .map((s) => s.trim())
        .filter(Boolean);
    else if (f.type === 'checkbox') v = input.checked ? true : undefined;
    else if (f.type === 'number') v = input.value.trim() === '' ? undefined : Number(input.value);
    else if (f.type === 'select') v = input.value === '' ? undefined : input.value;
    else
      v =
        input.value.trim() === '' &&
        !['title', 'summary', 'text', 'name', 'short_name', 'description'].includes(f.key) &&
        !f.key.endsWith('.text')
          ? undefined
          : input.value.trim();
    setPath(base, f.key, v);
  }
  // A signpost left wholly blank is left out: the later ones are optional, and then the default is shown.
  if (selected === '@signposts')
    for (const [k, post] of Object.entries(base)) if (post && post.text === '' && !post.link) delete base[k];
  return base;
}

export async function save() {
  const selected = state.selected;
  const value = formValue();
  let path;
  let body;
  if (selected === '@framework' || selected === '@signposts') {
    path = `/api/console/frameworks/${state.frameworkId}/draft/${selected.slice(1)}`;
    body = { value, etag: state.data.etags[selected.slice(1)] };
  } else {
    const id = state.isNew ? $('f-new-id').value.trim() : selected;
    value.id = id;
    path = `/api/console/frameworks/${state.frameworkId}/draft/entries/${encodeURIComponent(id)}`;
    body = { entry: value, ...(!state.isNew && { etag: state.data.etags.entries[id] }) };
  }
  $('save-status').textContent = 'Saving…';
  const res = await call('PUT', path, body);
  if (res.status === 200) {
    const id = state.isNew ? value.id : selected;
    state.isNew = false;
    await loadDraft(id);
    $('save-status').textContent = 'Saved to the draft. It is not live until you publish.';
    return true;
  }
  if (res.status === 400 && Array.isArray(res.body.problems)) {
    // A save must leave the whole framework valid, so a problem may be in another entry: those are
    // listed after this line, the rest beside their fields.
    const count = res.body.problems.length === 1 ? 'one problem' : `${res.body.problems.length} problems`;
    $('save-status').textContent = `Not saved: ${count}, shown beside the fields or here.`;
    showFieldErrors(res.body.problems, { after: $('save-status').textContent });
    return false;
  }
  if (res.status === 409 && res.body.code === 'Conflict' && res.body.current) {
    showConflict(selected, value, res.body);
    return false;
  }
  if (res.status === 409) {
    $('conflict').replaceChildren(el('p', {}, res.body.message ?? 'Someone else saved this since you opened it.'));
    $('conflict').hidden = false;
    $('save-status').textContent = 'Not saved.';
    return false;
  }
  $('save-status').textContent = SIGN_IN[res.status] ?? res.body.message ?? `Not saved (${res.status}).`;
  return false;
}

/** A field's wording as text for the side-by-side view: lists one a line. */
const shown = (v) => (Array.isArray(v) ? v.join('\n') : v === undefined || v === null ? '' : String(v));

/**
 * Someone else saved this part since it was opened: their wording beside yours, field by field, for the
 * fields that differ. What you typed stays in the form; you choose to save it over theirs, or take theirs.
 */
function showConflict(selected, mine, body) {
  const theirs = body.current;
  const differ = fieldsFor(selected).filter((f) => shown(getPath(mine, f.key)) !== shown(getPath(theirs, f.key)));
  const by = body.updatedBy ? personName(body.updatedBy, body.updatedByName) : 'someone else';
  const saved = body.updatedAt ? ` on ${when(body.updatedAt)}` : '';
  const keepMine = async () => {
    // Their version becomes the one yours is saved over; what you typed is still in the form.
    if (selected.startsWith('@')) {
      state.data[selected.slice(1)] = theirs;
      state.data.etags[selected.slice(1)] = body.etag;
    } else {
      state.data.entries = state.data.entries.map((e) => (e.id === selected ? theirs : e));
      state.data.etags.entries[selected] = body.etag;
    }
    $('conflict').hidden = true;
    await save();
  };
  $('conflict').replaceChildren(
    el(
      'p',
      {},
      `${by === 'you' ? 'You saved this in another window' : `${by.charAt(0).toUpperCase()}${by.slice(1)} saved this`}${saved}, after you opened it. What you typed is still in the form, with the saved wording beside it.`,
    ),
    el(
      'div',
      { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-labelledby': 'conflict-caption' },
      el(
        'table',
        { class: 'side-by-side', id: 'conflict-table' },
        el(
          'caption',
          { id: 'conflict-caption' },
          `Your wording and the saved one (${differ.length === 1 ? '1 field differs' : `${differ.length} fields differ`})`,
        ),
        el(
          'thead',
          {},
          el(
            'tr',
            {},
            el('th', { scope: 'col' }, 'Field'),
            el('th', { scope: 'col' }, 'Your wording (in the form)'),
            el('th', { scope: 'col' }, `Saved since, by ${by}`),
          ),
        ),
        el(
          'tbody',
          {},
          differ.map((f) =>
            el(
              'tr',
              {},
              el('th', { scope: 'row' }, f.label),
              el('td', { class: 'wording' }, shown(getPath(mine, f.key)) || '(empty)'),
              el('td', { class: 'wording' }, shown(getPath(theirs, f.key)) || '(empty)'),
            ),
          ),
        ),
      ),
    ),
    el(
      'div',
      { class: 'actions' },
      el(
        'button',
        { type: 'button', class: 'button primary', onclick: () => keepMine() },
        'Save my wording over theirs',
      ),
      el('button', { type: 'button', class: 'button', onclick: () => loadDraft(selected) }, 'Use their wording'),
    ),
  );
  $('conflict').hidden = false;
  $('save-status').textContent = 'Not saved: someone else saved this since you opened it.';
  document.documentElement.dataset.conflict = 'shown';
}

function renderList() {
  const items = [
    { id: '@framework', label: 'Framework details and review' },
    { id: '@signposts', label: 'Signposts' },
    ...state.data.entries.map((e) => ({
      id: e.id,
      label:
        e.number !== undefined
          ? `${e.kind.charAt(0).toUpperCase()}${e.kind.slice(1)} ${e.number} · ${e.title}`
          : e.title,
      tag: e.retired ? 'retired' : e.kind === 'overview' ? 'overview' : undefined,
    })),
  ];
  $('entries').replaceChildren(
    ...items.map((item) =>
      el(
        'li',
        {},
        el(
          'button',
          {
            type: 'button',
            'data-entry': item.id,
            'aria-current': item.id === state.selected ? 'true' : undefined,
            onclick: () => select(item.id),
          },
          item.label,
          item.tag ? el('span', { class: 'tag' }, ` (${item.tag})`) : undefined,
        ),
      ),
    ),
  );
}

export function select(id, isNew = false) {
  state.selected = id;
  state.isNew = isNew;
  renderList();
  renderForm();
  $('preview-panel').hidden = true;
}

export async function loadDraft(keep) {
  const data = await must('GET', `/api/console/frameworks/${state.frameworkId}/draft`);
  state.data = data;
  $('live').textContent =
    data.origin === 'console' ? `Live: version ${data.version}, published in the console.` : 'Live: the file in git.';
  $('set-aside').hidden = data.setAside === undefined;
  $('set-aside').textContent =
    data.setAside !== undefined
      ? `The file in git changed since version ${data.setAside} was published here, so the file is live. Version ${data.setAside} is in the history: restore it as a draft to apply it again.`
      : '';
  const d = data.draft;
  const whose = d ? whoseDraft(d) : '';
  $('draft-state').textContent = d
    ? `Draft: ${whose}${d.stale ? '. It was started from an older version: discard it or restore a version' : ''}. ${data.problems.length ? `${data.problems.length} problem(s) to fix before publishing.` : 'No problems.'}`
    : 'No draft: you are looking at what is live.';
  if (keep !== undefined) state.selected = keep;
  renderList();
  if (state.selected !== undefined) renderForm();
}
