import type { Insights } from './insights';
import { POST_OUTCOMES } from './insights';

/**
 * The console's charts, drawn here as SVG: no chart library in the page, nothing to go stale.
 * Colours are CSS classes (s0…s5), so the page's themes, high contrast included, colour them.
 * Every label is escaped; the data tables beside the charts carry the same numbers for screen readers.
 */

export interface Series {
  readonly name: string;
  readonly values: readonly number[];
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const fmt = (n: number) => n.toLocaleString('en-GB');

/** A round top for the axis: 1, 2, 5, 10, 20, 50 … */
function niceMax(n: number): number {
  if (n <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(n));
  return [1, 2, 5, 10].map((m) => m * p).find((v) => v >= n) ?? 10 * p;
}

/** Bars for each category (periods), the series side by side. */
export function columnChart(
  id: string,
  title: string,
  categories: readonly string[],
  series: readonly Series[],
): string {
  // Narrow enough that its 14 px labels stay readable when a phone shrinks it to fit.
  const W = 480;
  const left = 40;
  const bottom = 30 + 18 * Math.max(1, legendLines(series));
  const H = 212 + bottom;
  const top = 12;
  const plotW = W - left - 8;
  const plotH = H - top - bottom;
  const max = niceMax(Math.max(0, ...series.flatMap((s) => s.values)));
  const slot = plotW / Math.max(1, categories.length);
  const barW = Math.max(2, (slot * 0.8) / Math.max(1, series.length));
  const parts: string[] = [];
  // A middle line only where it falls on a whole number.
  for (const f of Number.isInteger(max / 2) ? [0, 0.5, 1] : [0, 1]) {
    const y = top + plotH - f * plotH;
    parts.push(
      `<line class="grid" x1="${left}" x2="${W - 8}" y1="${y}" y2="${y}"/><text class="axis" x="${left - 6}" y="${y + 4}" text-anchor="end">${fmt(Math.round(max * f))}</text>`,
    );
  }
  categories.forEach((c, i) => {
    series.forEach((s, j) => {
      const v = s.values[i] ?? 0;
      const h = (v / max) * plotH;
      const x = left + i * slot + slot * 0.1 + j * barW;
      parts.push(
        `<rect class="s${j}" x="${x.toFixed(1)}" y="${(top + plotH - h).toFixed(1)}" width="${barW.toFixed(1)}" height="${h.toFixed(1)}"><title>${esc(`${c}: ${s.name} ${fmt(v)}`)}</title></rect>`,
      );
    });
    // At most about four labels, always including the latest period.
    if (categories.length <= 6 || (categories.length - 1 - i) % Math.ceil(categories.length / 4) === 0)
      parts.push(
        `<text class="axis" x="${(left + i * slot + slot / 2).toFixed(1)}" y="${H - bottom + 16}" text-anchor="middle">${esc(c)}</text>`,
      );
  });
  parts.push(legend(series, H - bottom + 36, left));
  return svg(id, title, W, H, parts);
}

/** One bar per row (entries, teams), the series stacked. */
export function barChart(id: string, title: string, rows: readonly string[], series: readonly Series[]): string {
  const W = 480;
  const rowH = 26;
  const labelW = 190;
  const top = 8;
  const H = top + Math.max(1, rows.length) * rowH + 16 + 18 * legendLines(series);
  const plotW = W - labelW - 56;
  const totals = rows.map((_, i) => series.reduce((a, s) => a + (s.values[i] ?? 0), 0));
  const max = niceMax(Math.max(0, ...totals));
  const parts: string[] = [];
  rows.forEach((r, i) => {
    const y = top + i * rowH;
    const label = r.length > 24 ? `${r.slice(0, 23)}…` : r;
    parts.push(`<text class="label" x="${labelW - 8}" y="${y + rowH / 2 + 4}" text-anchor="end">${esc(label)}</text>`);
    let x = labelW;
    series.forEach((s, j) => {
      const v = s.values[i] ?? 0;
      const w = (v / max) * plotW;
      if (w > 0)
        parts.push(
          `<rect class="s${j}" x="${x.toFixed(1)}" y="${y + 4}" width="${w.toFixed(1)}" height="${rowH - 8}"><title>${esc(`${r}: ${s.name} ${fmt(v)}`)}</title></rect>`,
        );
      x += w;
    });
    parts.push(`<text class="axis" x="${(x + 6).toFixed(1)}" y="${y + rowH / 2 + 4}">${fmt(totals[i] ?? 0)}</text>`);
  });
  if (rows.length === 0)
    parts.push(
      `<text class="label" x="${W / 2}" y="${top + rowH / 2 + 4}" text-anchor="middle">Nothing in this period</text>`,
    );
  parts.push(legend(series, top + Math.max(1, rows.length) * rowH + 20, 8));
  return svg(id, title, W, H, parts);
}

/** Two keys a line, so the legend stays inside the chart however many series it has. */
const LEGEND_PER_LINE = 2;
const legendLines = (series: readonly Series[]) => (series.length < 2 ? 0 : Math.ceil(series.length / LEGEND_PER_LINE));

function legend(series: readonly Series[], y: number, x0: number): string {
  if (series.length < 2) return '';
  const colW = 150;
  return series
    .map((s, j) => {
      const x = x0 + (j % LEGEND_PER_LINE) * colW;
      const yy = y + Math.floor(j / LEGEND_PER_LINE) * 18;
      return `<rect class="s${j}" x="${x}" y="${yy - 10}" width="12" height="12"/><text class="axis" x="${x + 16}" y="${yy}">${esc(s.name)}</text>`;
    })
    .join('');
}

function svg(id: string, title: string, w: number, h: number, parts: readonly string[]): string {
  // Decorative for screen readers, which read the table beside it; the title names it for everyone else.
  return `<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 ${w} ${h}" role="img" aria-labelledby="${id}-title"><title id="${id}-title">${esc(title)}</title>${parts.join('')}</svg>`;
}

const periodLabel = (start: string, by: 'week' | 'day') => {
  const d = new Date(`${start}T00:00:00Z`);
  return by === 'week'
    ? d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' })
    : d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
};

export const OUTCOME_NAMES: Record<(typeof POST_OUTCOMES)[number], string> = {
  posted: 'Posted',
  skipped: 'Skipped',
  missed: 'Missed',
  failed: 'Failed',
  mayNotHavePosted: 'May not have posted',
  waiting: 'Waiting',
};

/** Every chart of the console, by id. */
export function consoleCharts(view: Insights): Record<string, string> {
  const labels = view.questions.map((q) => periodLabel(q.start, view.by));
  return {
    questions: columnChart('questions', 'Questions answered and not sure', labels, [
      { name: 'Answered', values: view.questions.map((q) => q.answered) },
      { name: 'Not sure', values: view.questions.map((q) => q.notSure) },
    ]),
    mostAsked: barChart(
      'mostAsked',
      'Most asked entries',
      view.entries.most.map((e) => e.heading),
      [{ name: 'Questions', values: view.entries.most.map((e) => e.count) }],
    ),
    votes: barChart(
      'votes',
      'Helpful and not helpful votes',
      view.votes.map((v) => v.heading),
      [
        { name: 'Helpful', values: view.votes.map((v) => v.helpful) },
        { name: 'Not helpful', values: view.votes.map((v) => v.notHelpful) },
      ],
    ),
    posts: barChart(
      'posts',
      'Scheduled posts per team',
      view.posts.map((p) => p.team),
      POST_OUTCOMES.map((o) => ({ name: OUTCOME_NAMES[o], values: view.posts.map((p) => p[o]) })),
    ),
    openers: columnChart('openers', 'Meeting openers and Another prompt presses', labels, [
      { name: 'Openers posted', values: view.openers.map((o) => o.posted) },
      { name: 'Another prompt', values: view.openers.map((o) => o.anotherPrompt) },
    ]),
    shares: columnChart('shares', 'Entries shared from the compose box', labels, [
      { name: 'Shares', values: view.shares.map((s) => s.shares) },
    ]),
  };
}
