import type { Insights } from './insights';
import { POST_OUTCOMES } from './insights';

/**
 * The console's charts, drawn here as SVG: no chart library in the page, nothing to go stale.
 * Colours are CSS classes (s0…s5), so the page's themes, high contrast included, colour them.
 * Every label is escaped; the data tables beside the charts carry the same numbers for screen readers.
 *
 * Sized for a phone: 360 units wide with 14-unit text, so a chart shrunk to a 390 px screen (about
 * 324 px) still has 12.6 px labels; the page keeps a chart at most 25rem wide, so text stays under 16 px.
 * Nothing is drawn outside the 360 units: long labels are shortened, and date labels kept inside.
 */

export interface Series {
  readonly name: string;
  readonly values: readonly number[];
}

const W = 360;
/** About how wide a character of the 14-unit labels is, to keep labels inside the chart. */
const CHAR_W = 7.6;

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const fmt = (n: number) => n.toLocaleString('en-GB');
const shorten = (s: string, width: number) => {
  const max = Math.floor(width / CHAR_W);
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
};

/** A round top for the axis: 1, 2, 5, 10, 20, 50 … */
function niceMax(n: number): number {
  if (n <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(n));
  return [1, 2, 5, 10].map((m) => m * p).find((v) => v >= n) ?? 10 * p;
}

/** Bars for each category (periods, oldest first), the series side by side. */
export function columnChart(
  id: string,
  title: string,
  categories: readonly string[],
  series: readonly Series[],
): string {
  const max = niceMax(Math.max(0, ...series.flatMap((s) => s.values)));
  const left = 12 + CHAR_W * fmt(max).length;
  const top = 12;
  const plotH = 180;
  const plotW = W - left - 8;
  const H = top + plotH + 36 + legendHeight(series);
  const slot = plotW / Math.max(1, categories.length);
  const barW = Math.max(2, (slot * 0.8) / Math.max(1, series.length));
  const parts: string[] = [];
  // A middle line only where it falls on a whole number.
  for (const f of Number.isInteger(max / 2) ? [0, 0.5, 1] : [0, 1]) {
    const y = top + plotH - f * plotH;
    parts.push(
      `<line class="grid" x1="${left}" x2="${W - 8}" y1="${y}" y2="${y}"/><text class="axis" x="${left - 6}" y="${y + 5}" text-anchor="end">${fmt(Math.round(max * f))}</text>`,
    );
  }
  // At most three date labels, always the latest, each kept whole inside the chart.
  const step = Math.ceil(categories.length / 3);
  categories.forEach((c, i) => {
    series.forEach((s, j) => {
      const v = s.values[i] ?? 0;
      const h = (v / max) * plotH;
      const x = left + i * slot + slot * 0.1 + j * barW;
      parts.push(
        `<rect class="s${j}" x="${x.toFixed(1)}" y="${(top + plotH - h).toFixed(1)}" width="${barW.toFixed(1)}" height="${h.toFixed(1)}"><title>${esc(`${c}: ${s.name} ${fmt(v)}`)}</title></rect>`,
      );
    });
    if ((categories.length - 1 - i) % step !== 0) return;
    const half = (c.length * CHAR_W) / 2;
    const x = Math.min(Math.max(left + i * slot + slot / 2, half + 2), W - half - 2);
    parts.push(`<text class="axis" x="${x.toFixed(1)}" y="${top + plotH + 20}" text-anchor="middle">${esc(c)}</text>`);
  });
  parts.push(legend(series, top + plotH + 48));
  return svg(id, title, H, parts);
}

/** One bar per row (entries, teams, topics), its label above it, the series stacked. */
export function barChart(id: string, title: string, rows: readonly string[], series: readonly Series[]): string {
  const rowH = 44;
  const top = 4;
  const H = top + Math.max(1, rows.length) * rowH + 8 + legendHeight(series);
  const totals = rows.map((_, i) => series.reduce((a, s) => a + (s.values[i] ?? 0), 0));
  const max = niceMax(Math.max(0, ...totals));
  const plotW = W - 8 - 8 - CHAR_W * (fmt(max).length + 1);
  const parts: string[] = [];
  rows.forEach((r, i) => {
    const y = top + i * rowH;
    parts.push(`<text class="label" x="8" y="${y + 16}">${esc(shorten(r, W - 16))}</text>`);
    let x = 8;
    series.forEach((s, j) => {
      const v = s.values[i] ?? 0;
      const w = (v / max) * plotW;
      if (w > 0)
        parts.push(
          `<rect class="s${j}" x="${x.toFixed(1)}" y="${y + 22}" width="${w.toFixed(1)}" height="16"><title>${esc(`${r}: ${s.name} ${fmt(v)}`)}</title></rect>`,
        );
      x += w;
    });
    parts.push(`<text class="axis" x="${(x + 6).toFixed(1)}" y="${y + 35}">${fmt(totals[i] ?? 0)}</text>`);
  });
  if (rows.length === 0)
    parts.push(`<text class="label" x="${W / 2}" y="${top + 24}" text-anchor="middle">Nothing in this period</text>`);
  parts.push(legend(series, top + Math.max(1, rows.length) * rowH + 20));
  return svg(id, title, H, parts);
}

/** One key a line: a long series name ("May not have posted") never runs out of the chart. */
const legendHeight = (series: readonly Series[]) => (series.length < 2 ? 0 : series.length * 20);

function legend(series: readonly Series[], y: number): string {
  if (series.length < 2) return '';
  return series
    .map(
      (s, j) =>
        `<rect class="s${j}" x="8" y="${y + j * 20 - 11}" width="12" height="12"/><text class="axis" x="26" y="${y + j * 20}">${esc(shorten(s.name, W - 34))}</text>`,
    )
    .join('');
}

function svg(id: string, title: string, h: number, parts: readonly string[]): string {
  // Decorative for screen readers, which read the table beside it; the title names it for everyone else.
  return `<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 ${W} ${h}" role="img" aria-labelledby="${id}-title"><title id="${id}-title">${esc(title)}</title>${parts.join('')}</svg>`;
}

/** The one date style of the console: "16 Nov 2026" (the page uses the same). */
export const shortDate = (day: string): string =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });

export const OUTCOME_NAMES: Record<(typeof POST_OUTCOMES)[number], string> = {
  posted: 'Posted',
  skipped: 'Skipped',
  missed: 'Missed',
  failed: 'Failed',
  mayNotHavePosted: 'May not have posted',
  waiting: 'Waiting',
};

/** Every chart of the console, by id. Under a team filter, only what is counted by team. */
export function consoleCharts(view: Insights): Record<string, string> {
  const labels = view.questions.map((q) => shortDate(q.start));
  const byTeam = view.filters.team !== null;
  return {
    questions: columnChart('questions', 'Questions answered and not sure', labels, [
      { name: 'Answered', values: view.questions.map((q) => q.answered) },
      { name: 'Not sure', values: view.questions.map((q) => q.notSure) },
    ]),
    declined: barChart(
      'declined',
      'Topics the bot declined',
      view.declinedTopics.map((t) => t.topic),
      [{ name: 'Times declined', values: view.declinedTopics.map((t) => t.count) }],
    ),
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
      ...(byTeam ? [] : [{ name: 'Another prompt', values: view.openers.map((o) => o.anotherPrompt) }]),
    ]),
    shares: columnChart('shares', 'Entries shared from the compose box', labels, [
      { name: 'Shares', values: view.shares.map((s) => s.shares) },
    ]),
  };
}
