// The console's figures as the page shows them: a chart the server drew, with its data table beside it and
// a CSV download of that table.
/* global Blob, DOMParser, document */
import { el, saveFile } from './common.mjs';

export const fmt = (n) => Number(n).toLocaleString('en-GB');

/** The console's one date style, "16 Nov 2026" (the charts use the same); CSV files have ISO dates instead. */
export const day = (iso) =>
  new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });

/** A share from 0 to 1 as whole per cent, or a dash when there is none. */
export const percent = (rate) => (rate === null || rate === undefined ? '–' : `${Math.round(rate * 100)}%`);

const csvCell = (v) => {
  const s = String(v ?? '');
  // A leading = + - @ would be a formula in a spreadsheet: quote it as text.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) || safe !== s ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** The CSV's columns: each column's own, or the ones it names for the file (ISO dates for a period, say). */
const csvColumns = (columns) => columns.flatMap((c) => c.csv ?? [{ label: c.label, value: (r) => r[c.key] }]);

function download(name, columns, rows) {
  const cols = csvColumns(columns);
  const csv = [cols.map((c) => csvCell(c.label)), ...rows.map((r) => cols.map((c) => csvCell(c.value(r))))]
    .map((line) => line.join(','))
    .join('\r\n');
  saveFile(`${name}.csv`, new Blob([`\ufeff${csv}\r\n`], { type: 'text/csv;charset=utf-8' }));
}

/**
 * A table with a CSV download. A column is `{ key, label }`, with `numeric` for counts, `show(row)` for how
 * the page writes it, and `csv: [{ label, value(row) }]` for the columns it becomes in the file.
 */
export function table(id, caption, columns, rows) {
  const shown = (c, r) => (c.show ? c.show(r) : c.numeric ? fmt(r[c.key]) : String(r[c.key] ?? ''));
  const head = el(
    'tr',
    {},
    columns.map((c) => el('th', { scope: 'col', class: c.numeric ? 'n' : undefined }, c.label)),
  );
  const body = rows.length
    ? rows.map((r) =>
        el(
          'tr',
          {},
          columns.map((c, i) =>
            i === 0
              ? el('th', { scope: 'row' }, shown(c, r))
              : el('td', { class: c.numeric ? 'n' : undefined }, shown(c, r)),
          ),
        ),
      )
    : [el('tr', {}, el('td', { colspan: columns.length }, 'Nothing in this period.'))];
  return el(
    'div',
    { class: 'table-box' },
    el(
      'div',
      { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-labelledby': `${id}-caption` },
      el(
        'table',
        { id: `${id}-table` },
        el('caption', { id: `${id}-caption` }, caption),
        el('thead', {}, head),
        el('tbody', {}, body),
      ),
    ),
    el(
      'button',
      { type: 'button', class: 'csv', 'data-csv': id, onclick: () => download(id, columns, rows) },
      `Download ${caption.toLowerCase()} (CSV)`,
    ),
  );
}

function svgNode(markup) {
  const doc = new DOMParser().parseFromString(markup, 'image/svg+xml');
  return document.importNode(doc.documentElement, true);
}

/**
 * A panel: its heading, a note when it has one, and a chart with its table beside it (or, without a chart,
 * the tables side by side). Each table's caption differs from the heading, so every landmark has its own name.
 */
export function panel({ id, heading, chart, note }, ...tables) {
  const row = chart
    ? el(
        'div',
        { class: 'chart-row' },
        el('div', { class: 'chart-box', 'aria-hidden': 'true' }, svgNode(chart)),
        ...tables,
      )
    : el('div', { class: `chart-row tables${tables.length === 1 ? ' one' : ''}` }, ...tables);
  return el(
    'section',
    { class: 'panel', id: `panel-${id}`, 'aria-labelledby': `${id}-heading` },
    el('h2', { id: `${id}-heading` }, heading),
    note ? el('p', { class: 'hint panel-note' }, note) : undefined,
    row,
  );
}
