// The practice lead's console: signs in with Teams (teams-js getAuthToken), then shows the insights
// as charts the server draws, each with its data table and a CSV download, and the questions people
// chose to send. In local mode (no app id) the server needs no token and the page says so.
/* global document, window */
import { setUpTheme } from '/tab/theme.mjs';
import { $, el, localBanner, signedFetch, signIn } from './common.mjs';
import { fmt, panel, table } from './console-tables.mjs';

// ---------------------------------------------------------------- calls

class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

async function api(path, options = {}) {
  const response = await signedFetch(path, options);
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new ApiError(response.status, body.message ?? `The server answered ${response.status}.`);
  return body;
}

const PROBLEMS = {
  401: "You are not signed in. Open the Practice lead tab inside Microsoft Teams; if it still fails, ask your Practice Companion administrator to check that the console's app registration has been consented to.",
  403: 'This console is for practice leads. Ask your Practice Companion administrator to add your Microsoft Entra object id to PRACTICE_LEAD_AAD_IDS.',
};

function showProblem(error) {
  const box = $('problem');
  box.replaceChildren(
    el('p', {}, PROBLEMS[error.status] ?? error.message ?? 'Something went wrong. Please try again.'),
  );
  box.hidden = false;
  $('status').textContent = '';
}

// ---------------------------------------------------------------- the figures

const OUTCOMES = [
  ['posted', 'Posted'],
  ['skipped', 'Skipped'],
  ['missed', 'Missed'],
  ['failed', 'Failed'],
  ['mayNotHavePosted', 'May not have posted'],
  ['waiting', 'Waiting'],
];

function renderView({ insights: v, charts }) {
  const day = (iso) =>
    new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    });
  const period = (p) => (v.by === 'week' ? `Week of ${day(p.start)}` : day(p.start));
  const total = (list, key) => list.reduce((a, x) => a + x[key], 0);
  const stats = [
    ['Questions answered', total(v.questions, 'answered')],
    ['Not sure', total(v.questions, 'notSure')],
    ['Teams', v.conversations.teams],
    ['Group chats', v.conversations.groupChats],
    ['Personal chats', v.conversations.personalChats],
    ['Questions sent to you, waiting', v.suggestions.waiting],
  ];
  $('summary-list').replaceChildren(...stats.map(([k, n]) => el('div', {}, el('dt', {}, k), el('dd', {}, fmt(n)))));
  $('summary').hidden = false;

  const numeric = (key, label) => ({ key, label, numeric: true });
  const first = (key, label) => ({ key, label });
  $('charts').replaceChildren(
    panel(
      'questions',
      'Questions answered, and how often the bot was not sure',
      charts.questions,
      table(
        'questions',
        'Questions by period',
        [first('period', 'Period'), numeric('answered', 'Answered'), numeric('notSure', 'Not sure')],
        v.questions.map((q) => ({ ...q, period: period(q) })),
      ),
    ),
    panel(
      'most-asked',
      'Most asked entries',
      charts.mostAsked,
      table(
        'most-asked',
        'Most asked entries',
        [first('heading', 'Entry'), numeric('count', 'Questions')],
        v.entries.most,
      ),
    ),
    panel(
      'least-asked',
      'Least asked and never asked',
      undefined,
      table(
        'least-asked',
        'Least asked entries',
        [first('heading', 'Entry'), numeric('count', 'Questions')],
        v.entries.least,
      ),
      table('never-asked', 'Entries never asked about', [first('heading', 'Entry')], v.entries.never),
    ),
    panel(
      'votes',
      'Helpful and not helpful votes',
      charts.votes,
      table(
        'votes',
        'Votes per entry',
        [first('heading', 'Entry'), numeric('helpful', 'Helpful'), numeric('notHelpful', 'Not helpful')],
        v.votes,
      ),
    ),
    panel(
      'posts',
      'Scheduled posts per team',
      charts.posts,
      table(
        'posts',
        'Scheduled posts per team',
        [first('team', 'Team'), ...OUTCOMES.map(([k, l]) => numeric(k, l))],
        v.posts,
      ),
    ),
    panel(
      'openers',
      'Meeting openers and "Another prompt"',
      charts.openers,
      table(
        'openers',
        'Meeting openers by period',
        [first('period', 'Period'), numeric('posted', 'Openers posted'), numeric('anotherPrompt', 'Another prompt')],
        v.openers.map((o) => ({ ...o, period: period(o) })),
      ),
    ),
    panel(
      'shares',
      'Shared from the compose box',
      charts.shares,
      table(
        'shares',
        'Shares by period',
        [first('period', 'Period'), numeric('shares', 'Shares')],
        v.shares.map((s) => ({ ...s, period: period(s) })),
      ),
    ),
  );
  document.documentElement.dataset.charts = 'drawn';
}

// ---------------------------------------------------------------- suggestions

function renderSuggestions(data, entries) {
  $('suggestions').hidden = false;
  $('suggestions-note').textContent =
    `People chose to send these, without their names. Each is deleted after ${data.retentionDays} days, or as soon as you mark it; only a count is kept.`;
  if (data.suggestions.length === 0) {
    $('suggestions-body').replaceChildren(el('p', {}, 'No questions waiting.'));
    return;
  }
  $('suggestions-body').replaceChildren(
    ...data.suggestions.map((s, i) => {
      const select = el(
        'select',
        { id: `entry-${i}` },
        el('option', { value: '' }, 'Choose the entry that answers it'),
        entries.map((e) => el('option', { value: e.id, selected: e.id === s.entryId }, e.heading)),
      );
      const mark = async (body) => {
        try {
          await api(`/api/console/suggestions/${encodeURIComponent(s.id)}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(body),
          });
          $('status').textContent =
            body.type === 'dismissed'
              ? 'Dismissed, and its text deleted.'
              : 'Marked as answered, and its text deleted.';
          await loadSuggestions(entries);
        } catch (error) {
          showProblem(error);
        }
      };
      return el(
        'article',
        { class: 'suggestion' },
        el('p', {}, s.text),
        el(
          'p',
          { class: 'meta' },
          `Sent ${s.day}${s.entryId ? `, after an answer from ${entries.find((e) => e.id === s.entryId)?.heading ?? s.entryId}` : ''}`,
        ),
        el(
          'div',
          { class: 'actions' },
          el('div', { class: 'field' }, el('label', { for: `entry-${i}` }, 'Answered by'), select),
          el(
            'button',
            {
              type: 'button',
              class: 'button',
              onclick: () => (select.value ? mark({ type: 'answered', entryId: select.value }) : select.focus()),
            },
            'Mark answered',
          ),
          el('button', { type: 'button', class: 'button', onclick: () => mark({ type: 'dismissed' }) }, 'Dismiss'),
        ),
      );
    }),
  );
}

async function loadSuggestions(entries) {
  renderSuggestions(await api('/api/console/suggestions'), entries);
}

// ---------------------------------------------------------------- start

async function load() {
  $('status').textContent = 'Loading…';
  const view = await api(`/api/console/view?${$('period').value}`);
  renderView(view);
  $('status').textContent = `Showing ${view.insights.from} to ${view.insights.to}.`;
  const entries = [...view.insights.entries.most, ...view.insights.entries.never, ...view.insights.votes]
    .filter((e, i, all) => all.findIndex((x) => x.id === e.id) === i)
    .sort((a, b) => a.heading.localeCompare(b.heading));
  await loadSuggestions(view.entries ?? entries);
}

async function start() {
  const banner = localBanner();
  await signIn(await setUpTheme(document.querySelector('.page-footer .footer-row'), window.microsoftTeams));
  try {
    const session = await api('/api/console/session');
    banner.hidden = !session.localMode;
    await load();
  } catch (error) {
    showProblem(error);
  }
  $('period').addEventListener('change', () => load().catch(showProblem));
  document.documentElement.dataset.ready = 'true';
}

void start();
