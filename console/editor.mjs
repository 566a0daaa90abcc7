// The framework editor: a page over /api/console/frameworks/…. Signs in as the console does (teams-js
// getAuthToken; open in local mode). Errors appear beside their fields in `kb validate`'s words; Preview
// renders the cards the bot would send with the Adaptive Cards renderer; Check and Publish run the
// evaluation; History restores any version as a draft.
/* global Blob, CSS, URL, URLSearchParams, console, document, fetch, structuredClone, window */
import { applyTheme, followTeamsTheme, initialTheme } from '/tab/theme.mjs';

const $ = (id) => document.getElementById(id);

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false || v === null) continue;
    if (k === 'class') node.className = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else if (k === 'value') node.value = v;
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  node.append(
    ...children
      .flat()
      .filter((c) => c !== undefined && c !== null && c !== false)
      .map((c) => (typeof c === 'string' || typeof c === 'number' ? String(c) : c)),
  );
  return node;
}

// ---------------------------------------------------------------- sign-in and calls

let inTeams = false;
let token;

async function getToken() {
  if (!inTeams) return undefined;
  try {
    token = await window.microsoftTeams.authentication.getAuthToken();
  } catch (error) {
    console.warn('Teams gave no sign-in token:', error?.message ?? error);
    token = undefined;
  }
  return token;
}

/** Resolves to { status, body } for any answer; only a network failure throws. */
async function call(method, path, body) {
  const send = () =>
    fetch(path, {
      method,
      headers: {
        accept: 'application/json',
        ...(body !== undefined && { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
  let response = await send();
  if (response.status === 401 && inTeams && (await getToken())) response = await send();
  const json = await response.json().catch(() => ({}));
  return { status: response.status, body: json };
}

const SIGN_IN = {
  401: 'You are not signed in. Open the Practice lead tab inside Microsoft Teams.',
  403: 'The framework editor is for practice leads. Ask your Practice Companion administrator to add your Microsoft Entra object id to PRACTICE_LEAD_AAD_IDS.',
};

function showProblem(message) {
  $('problem').replaceChildren(el('p', {}, message));
  $('problem').hidden = false;
}

async function must(method, path, body) {
  const res = await call(method, path, body);
  if (res.status >= 400) {
    showProblem(SIGN_IN[res.status] ?? res.body.message ?? `The server answered ${res.status}.`);
    throw new Error(String(res.status));
  }
  return res.body;
}

// ---------------------------------------------------------------- the form

const KINDS = ['value', 'principle', 'approach', 'ingredient', 'overview'];
const ENTRY_FIELDS = [
  { key: 'title', label: 'Title', type: 'text' },
  { key: 'kind', label: 'Kind', type: 'select', options: KINDS },
  {
    key: 'number',
    label: 'Number',
    type: 'number',
    help: 'For values, principles and ingredients the source numbers; leave empty otherwise.',
  },
  { key: 'lists', label: 'Lists (overviews only)', type: 'select', options: ['', ...KINDS] },
  { key: 'acronym', label: 'Acronym (overviews only)', type: 'text' },
  { key: 'summary', label: 'Summary', type: 'textarea', rows: 3, help: 'One or two sentences in plain words.' },
  {
    key: 'text',
    label: 'Full text',
    type: 'textarea',
    rows: 8,
    help: 'Faithful to the source; expand acronyms on first use.',
  },
  { key: 'who_uses', label: 'Who uses it (approaches)', type: 'textarea', rows: 2 },
  { key: 'why', label: 'Why (approaches)', type: 'textarea', rows: 2 },
  { key: 'notes', label: 'Notes', type: 'textarea', rows: 2, help: 'Corrections made to the source text, and why.' },
  {
    key: 'aliases',
    label: 'Aliases',
    type: 'list',
    help: 'One a line: the words your staff use for it, acronyms, common misspellings.',
  },
  { key: 'keywords', label: 'Keywords', type: 'list', help: 'One a line.' },
  { key: 'related', label: 'Related entries', type: 'list', help: 'One entry id a line, from this framework.' },
  {
    key: 'prompts',
    label: 'Prompts',
    type: 'list',
    rows: 5,
    help: 'One a line: at least 3 open questions for a practitioner.',
  },
  {
    key: 'group_prompts',
    label: 'Group prompts',
    type: 'list',
    rows: 4,
    help: 'One a line: at least 2, worded for a team; they open meetings.',
  },
  { key: 'retired', label: 'Retired: it stops answering, listing and posting, but keeps its id', type: 'checkbox' },
];
const FRAMEWORK_FIELDS = [
  { key: 'name', label: 'Name', type: 'text' },
  { key: 'short_name', label: 'Short name', type: 'text' },
  { key: 'description', label: 'Description', type: 'textarea', rows: 3 },
  {
    key: 'reviewed_by',
    label: 'Reviewed by',
    type: 'text',
    help: 'Who checked the content, with their role. Give all three review fields, or none.',
  },
  { key: 'reviewed_on', label: 'Reviewed on', type: 'text', help: 'Year-month-day, like 2026-11-30.' },
  { key: 'review_due', label: 'Review due', type: 'text', help: 'Year-month-day.' },
];
const SIGNPOSTS = [
  ['urgent', 'Urgent worry about a child (shown first)'],
  ['case_advice', 'Advice about a case'],
  ['procedures', 'Safeguarding procedures'],
  ['staff_support', 'Support for staff'],
];
const SIGNPOST_FIELDS = SIGNPOSTS.flatMap(([k, label]) => [
  { key: `${k}.text`, label: `${label}: text`, type: 'textarea', rows: 2 },
  { key: `${k}.link`, label: `${label}: link`, type: 'text', help: 'Optional, https only. Never invent one.' },
]);

const state = { frameworkId: '', data: undefined, selected: undefined, isNew: false, dirty: false };

const fieldId = (key) => `f-${key.replace(/[^a-z0-9]/gi, '-')}`;
const getPath = (obj, key) => key.split('.').reduce((o, k) => (o == null ? undefined : o[k]), obj);
function setPath(obj, key, value) {
  const parts = key.split('.');
  let o = obj;
  for (const p of parts.slice(0, -1)) o = o[p] ??= {};
  if (value === undefined) delete o[parts.at(-1)];
  else o[parts.at(-1)] = value;
}

function fieldsFor(selected) {
  if (selected === '@framework') return FRAMEWORK_FIELDS;
  if (selected === '@signposts') return SIGNPOST_FIELDS;
  return ENTRY_FIELDS;
}

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

function renderField(f, value) {
  const id = fieldId(f.key);
  const err = el('p', { class: 'field-error', id: `${id}-error`, 'data-error-for': f.key });
  const help = f.help ? el('p', { class: 'help', id: `${id}-help` }, f.help) : undefined;
  const described = [help && `${id}-help`, `${id}-error`].filter(Boolean).join(' ');
  let input;
  if (f.type === 'textarea' || f.type === 'list')
    input = el('textarea', {
      id,
      name: f.key,
      rows: f.rows ?? 3,
      'aria-describedby': described,
      value: f.type === 'list' ? (value ?? []).join('\n') : (value ?? ''),
    });
  else if (f.type === 'select')
    input = el(
      'select',
      { id, name: f.key, 'aria-describedby': described },
      f.options.map((o) => el('option', { value: o, selected: o === (value ?? '') }, o || '(none)')),
    );
  else if (f.type === 'checkbox') {
    input = el('input', { id, name: f.key, type: 'checkbox', 'aria-describedby': described, checked: value === true });
    return el('div', { class: 'field inline' }, input, el('label', { for: id }, f.label), err);
  } else
    input = el('input', {
      id,
      name: f.key,
      type: f.type === 'number' ? 'number' : 'text',
      'aria-describedby': described,
      value: value ?? '',
    });
  input.addEventListener('input', () => (state.dirty = true));
  return el('div', { class: 'field' }, el('label', { for: id }, f.label), help, input, err);
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

function problemBelongs(p, selected) {
  if (selected === '@framework') return p.field.startsWith('framework.');
  if (selected === '@signposts') return p.field === 'signposts' || p.field.startsWith('signposts.');
  return p.field === selected || p.field.startsWith(`${selected}.`);
}

/** "lbbd-be-human.prompts[1]" → "prompts"; "signposts.urgent.link" → "urgent.link". */
function fieldKey(p, selected) {
  const rest = selected.startsWith('@')
    ? p.field.replace(/^(framework|signposts)\.?/, '')
    : p.field.slice(selected.length + 1);
  return rest.replace(/\[\d+\]/g, '');
}

function showFieldErrors(problems) {
  for (const node of document.querySelectorAll('[data-error-for]')) node.textContent = '';
  for (const node of document.querySelectorAll('#fields [aria-invalid]')) node.removeAttribute('aria-invalid');
  const unplaced = [];
  for (const p of problems) {
    const key = fieldKey(p, state.selected);
    const box =
      document.querySelector(`[data-error-for="${CSS.escape(key)}"]`) ??
      document.querySelector(`[data-error-for="${CSS.escape(key.split('.')[0])}"]`);
    if (box) {
      box.textContent = box.textContent ? `${box.textContent} ${p.message}` : p.message;
      document.getElementById(fieldId(key))?.setAttribute('aria-invalid', 'true');
    } else unplaced.push(p.text ?? `${p.field}: ${p.message}`);
  }
  if (unplaced.length) $('save-status').textContent = unplaced.join(' ');
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
  return base;
}

async function save() {
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
    showFieldErrors(res.body.problems.map((p) => ({ ...p, field: p.field })));
    $('save-status').textContent =
      `Not saved: ${res.body.problems.length === 1 ? 'one problem' : `${res.body.problems.length} problems`}, shown beside the fields.`;
    return false;
  }
  if (res.status === 409) {
    const box = $('conflict');
    box.replaceChildren(
      el('p', {}, res.body.message ?? 'Someone else saved this since you opened it.'),
      res.body.updatedAt
        ? el('p', { class: 'meta' }, `Saved ${new Date(res.body.updatedAt).toLocaleString('en-GB')}.`)
        : undefined,
      el(
        'button',
        { type: 'button', class: 'button', onclick: () => loadDraft(state.selected) },
        'Load their version (copy your change in again)',
      ),
    );
    box.hidden = false;
    $('save-status').textContent = 'Not saved: conflict.';
    return false;
  }
  $('save-status').textContent = SIGN_IN[res.status] ?? res.body.message ?? `Not saved (${res.status}).`;
  return false;
}

// ---------------------------------------------------------------- list, draft, preview

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

function select(id, isNew = false) {
  state.selected = id;
  state.isNew = isNew;
  renderList();
  renderForm();
  $('preview-panel').hidden = true;
}

async function loadDraft(keep) {
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
  $('draft-state').textContent = d
    ? `Draft: saved ${new Date(d.updatedAt).toLocaleString('en-GB')}${d.stale ? ' — started from an older version; discard it or restore a version' : ''}. ${data.problems.length ? `${data.problems.length} problem(s) to fix before publishing.` : 'No problems.'}`
    : 'No draft: you are looking at what is live.';
  if (keep !== undefined) state.selected = keep;
  renderList();
  if (state.selected !== undefined) renderForm();
}

function renderCard(target, json) {
  const card = new window.AdaptiveCards.AdaptiveCard();
  card.hostConfig = new window.AdaptiveCards.HostConfig({
    fontFamily: 'Segoe UI, Helvetica, Arial, sans-serif',
    supportsInteractivity: true,
    spacing: { small: 4, default: 8, medium: 16, large: 20, padding: 16 },
  });
  card.parse(json);
  const node = card.render();
  // The renderer marks headings without a level; Teams reads them as level 3 (a card under the page's h2).
  for (const h of node.querySelectorAll('[role="heading"]:not([aria-level])')) h.setAttribute('aria-level', '3');
  $(target).replaceChildren(node);
}

async function preview() {
  if (state.selected === undefined || state.selected.startsWith('@')) return;
  if (state.dirty || state.isNew) {
    if (!(await save())) return;
  }
  const res = await call('POST', `/api/console/frameworks/${state.frameworkId}/draft/preview`, {
    entryId: state.selected,
  });
  if (res.status !== 200) {
    $('save-status').textContent = res.body.message ?? `No preview (${res.status}).`;
    return;
  }
  renderCard('preview-answer', res.body.answer);
  renderCard('preview-post', res.body.post);
  renderCard('preview-opener', res.body.opener);
  $('preview-panel').hidden = false;
  document.documentElement.dataset.preview = 'shown';
}

// ---------------------------------------------------------------- check, publish, history

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

async function check() {
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

async function publish(event) {
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

async function loadHistory() {
  const data = await must('GET', `/api/console/frameworks/${state.frameworkId}/versions`);
  const restore = (n) => async () => {
    const res = await call('POST', `/api/console/frameworks/${state.frameworkId}/versions/${n}/restore`);
    $('publish-status').textContent =
      res.status === 200
        ? `Version ${n === 0 ? '0 (the file in git)' : n} is now the draft: check it, then publish.`
        : (res.body.message ?? `Could not restore (${res.status}).`);
    await loadDraft(state.selected);
  };
  $('history').replaceChildren(
    ...data.versions.map((v) =>
      el(
        'article',
        { class: 'version' },
        el('p', {}, el('strong', {}, `Version ${v.version}`), ` · ${v.note}`),
        el(
          'p',
          { class: 'meta' },
          `${new Date(v.publishedAt).toLocaleString('en-GB')} by ${v.publishedBy}${v.reason ? ` · published below the gate on purpose: ${v.reason}` : ''}`,
        ),
        el(
          'p',
          { class: 'meta' },
          `Changed: ${[...v.diff.changes.map((c) => c.field), ...v.diff.added.map((id) => `${id} (added)`), ...v.diff.retired.map((id) => `${id} (retired)`)].join(', ') || 'nothing'}`,
        ),
        el(
          'button',
          { type: 'button', class: 'button', onclick: restore(v.version) },
          `Restore version ${v.version} as a draft`,
        ),
      ),
    ),
    el(
      'article',
      { class: 'version' },
      el('p', {}, el('strong', {}, 'The file in git'), ' (version 0)'),
      el('button', { type: 'button', class: 'button', onclick: restore(0) }, 'Restore the file as a draft'),
    ),
  );
}

async function exportYaml() {
  const response = await fetch(`/api/console/frameworks/${state.frameworkId}/export`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  if (!response.ok) return showProblem(`Could not export (${response.status}).`);
  const url = URL.createObjectURL(new Blob([await response.text()], { type: 'application/yaml' }));
  const a = el('a', { href: url, download: `${state.frameworkId}.yaml` });
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}

// ---------------------------------------------------------------- start

async function openFramework(id) {
  state.frameworkId = id;
  state.selected = undefined;
  $('entry-form').hidden = true;
  $('entry-heading').textContent = 'Choose an entry';
  await loadDraft();
  await loadHistory();
}

async function start() {
  applyTheme(initialTheme());
  inTeams = await followTeamsTheme(window.microsoftTeams);
  await getToken();
  try {
    const session = await must('GET', '/api/console/session');
    $('local-banner').hidden = !session.localMode;
    const asked = new URLSearchParams(window.location.search).get('framework');
    const first = session.frameworks.find((f) => f.id === asked)?.id ?? session.frameworks[0]?.id ?? '';
    $('framework').replaceChildren(
      ...session.frameworks.map((f) => el('option', { value: f.id, selected: f.id === first }, f.name)),
    );
    $('framework').addEventListener('change', () => openFramework($('framework').value).catch(() => undefined));
    await openFramework(first);
  } catch {
    /* shown already */
  }
  $('entry-form').addEventListener('submit', (e) => {
    e.preventDefault();
    save().catch((error) => showProblem(error.message));
  });
  $('preview').addEventListener('click', () => preview().catch((error) => showProblem(error.message)));
  $('check').addEventListener('click', () => check().catch((error) => showProblem(error.message)));
  $('publish-form').addEventListener('submit', (e) => publish(e).catch((error) => showProblem(error.message)));
  $('discard').addEventListener('click', async () => {
    await call('DELETE', `/api/console/frameworks/${state.frameworkId}/draft`);
    await loadDraft(state.selected);
  });
  $('export').addEventListener('click', () => exportYaml().catch((error) => showProblem(error.message)));
  $('add-entry').addEventListener('click', () => select(`${state.frameworkId}-new-entry`, true));
  document.documentElement.dataset.ready = 'true';
}

void start();
