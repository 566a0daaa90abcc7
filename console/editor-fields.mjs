// The editor's fields: which an entry, the framework's details and its signposts have, each drawn with
// its help and a place for its errors, which appear beside it in `kb validate`'s words.
/* global CSS, document */
import { $, el } from './common.mjs';
import { state } from './editor-state.mjs';

const KINDS = ['value', 'principle', 'approach', 'ingredient', 'overview'];
const text = (key, label, help) => ({ key, label, type: 'text', help });
const area = (key, label, rows, help) => ({ key, label, type: 'textarea', rows, help });
const list = (key, label, help, rows) => ({ key, label, type: 'list', rows, help });
const choice = (key, label, options) => ({ key, label, type: 'select', options });

const ENTRY_FIELDS = [
  text('title', 'Title'),
  choice('kind', 'Kind', KINDS),
  {
    key: 'number',
    label: 'Number',
    type: 'number',
    help: 'For values, principles and ingredients the source numbers; leave empty otherwise.',
  },
  choice('lists', 'Lists (overviews only)', ['', ...KINDS]),
  text('acronym', 'Acronym (overviews only)'),
  area('summary', 'Summary', 3, 'One or two sentences in plain words.'),
  area('text', 'Full text', 8, 'Faithful to the source; expand acronyms on first use.'),
  area('who_uses', 'Who uses it (approaches)', 2),
  area('why', 'Why (approaches)', 2),
  area('notes', 'Notes', 2, 'Corrections made to the source text, and why.'),
  list('aliases', 'Aliases', 'One a line: the words your staff use for it, acronyms, common misspellings.'),
  list('keywords', 'Keywords', 'One a line.'),
  list('related', 'Related entries', 'One entry id a line, from this framework.'),
  list('prompts', 'Prompts', 'One a line: at least 3 open questions for a practitioner.', 5),
  list('group_prompts', 'Group prompts', 'One a line: at least 2, worded for a team; they open meetings.', 4),
  list(
    'checks',
    'Check questions',
    'One a line: questions staff might ask that this entry should answer. Check and Publish ask each of them; once the entry is retired, they should hear that it is no longer covered.',
    5,
  ),
  { key: 'retired', label: 'Retired: it stops answering, listing and posting, but keeps its id', type: 'checkbox' },
];
const FRAMEWORK_FIELDS = [
  text('name', 'Name'),
  text('short_name', 'Short name'),
  area('description', 'Description', 3),
  text(
    'reviewed_by',
    'Reviewed by',
    'Who checked the content, with their role. Give all three review fields, or none.',
  ),
  text('reviewed_on', 'Reviewed on', 'Year-month-day, like 2026-11-30.'),
  text('review_due', 'Review due', 'Year-month-day.'),
  list(
    'off_topic_checks',
    'Questions it should not answer',
    'One a line: questions staff might ask that are not about the framework (leave, IT, other models). Check and Publish expect "not sure" for each.',
    5,
  ),
];
const SIGNPOSTS = [
  ['urgent', 'Urgent worry about a child (shown first)'],
  ['case_advice', 'Advice about a case'],
  ['procedures', 'Safeguarding procedures'],
  ['staff_support', 'Support for staff'],
  ['worker_safety', "A worker's own safety: threats or assault (optional)"],
  ['crisis', 'A worker in crisis: thoughts of ending their life (optional)'],
  ['employment', 'Questions about the job: HR, the intranet (optional)'],
];
const SIGNPOST_FIELDS = SIGNPOSTS.flatMap(([k, label]) => [
  area(`${k}.text`, `${label}: text`, 2),
  text(`${k}.link`, `${label}: link`, 'Optional, https only. Never invent one.'),
]);

export const fieldId = (key) => `f-${key.replace(/[^a-z0-9]/gi, '-')}`;
export const getPath = (obj, key) => key.split('.').reduce((o, k) => (o == null ? undefined : o[k]), obj);
export function setPath(obj, key, value) {
  const parts = key.split('.');
  let o = obj;
  for (const p of parts.slice(0, -1)) o = o[p] ??= {};
  if (value === undefined) delete o[parts.at(-1)];
  else o[parts.at(-1)] = value;
}

export function fieldsFor(selected) {
  if (selected === '@framework') return FRAMEWORK_FIELDS;
  if (selected === '@signposts') return SIGNPOST_FIELDS;
  return ENTRY_FIELDS;
}

export function renderField(f, value) {
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
    input.addEventListener('change', () => (state.dirty = true));
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

export function problemBelongs(p, selected) {
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

/** Each problem beside its field; the others in the save status line, after `after` when given. */
export function showFieldErrors(problems, { after } = {}) {
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
  if (unplaced.length) $('save-status').textContent = [after, ...unplaced].filter(Boolean).join(' ');
}
