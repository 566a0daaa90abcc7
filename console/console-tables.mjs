// The console's figures as the page shows them: a chart the server drew, with its data table beside it and
// a CSV download of that table.
/* global Blob, DOMParser, document */
import { el, saveFile } from './common.mjs';

export const fmt = (n) => Number(n).toLocaleString('en-GB');

const csvCell = (v) => {
  const s = String(v ?? '');
  // A leading = + - @ would be a formula in a spreadsheet: quote it as text.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) || safe !== s ? `"${safe.replace(/"/g, '""')}"` : safe;
};

function download(name, columns, rows) {
  const csv = [columns.map((c) => csvCell(c.label)), ...rows.map((r) => columns.map((c) => csvCell(r[c.key])))]
    .map((line) => line.join(','))
    .join('\r\n');
  saveFile(`${name}.csv`, new Blob([`\ufeff${csv}\r\n`], { type: 'text/csv;charset=utf-8' }));
}

export function table(id, caption, columns, rows) {
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
              ? el('th', { scope: 'row' }, String(r[c.key]))
              : el('td', { class: c.numeric ? 'n' : undefined }, c.numeric ? fmt(r[c.key]) : String(r[c.key] ?? '')),
          ),
        ),
      )
    : [el('tr', {}, el('td', { colspan: columns.length }, 'Nothing in this period.'))];
  return el(
    'div',
    {},
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

/** A chart with its table beside it; without a chart, the tables side by side. */
export function panel(id, heading, chart, ...tables) {
  const row = chart
    ? el(
        'div',
        { class: 'chart-row' },
        el('div', { class: 'chart-box', 'aria-hidden': 'true' }, svgNode(chart)),
        ...tables,
      )
    : el('div', { class: 'chart-row tables' }, ...tables);
  return el(
    'section',
    { class: 'panel', id: `panel-${id}`, 'aria-labelledby': `${id}-heading` },
    el('h2', { id: `${id}-heading` }, heading),
    row,
  );
}
