// The console's figures: the summary and one panel per chart, each with its table (newest period first) and a
// CSV download with ISO dates. Under a framework filter, parts the bot cannot split by framework say so;
// under a team filter, only what is counted by team is shown.
/* global document */
import { $, el } from './common.mjs';
import { day, fmt, panel, percent, table } from './console-tables.mjs';

const OUTCOMES = [
  ['posted', 'Posted'],
  ['skipped', 'Skipped'],
  ['missed', 'Missed'],
  ['failed', 'Failed'],
  ['mayNotHavePosted', 'May not have posted'],
  ['waiting', 'Waiting'],
];

/** The safety signposts, in plain words. */
const ROUTES = {
  'child-at-risk': 'A child may be at risk now',
  'worker-safety': "A threat to a worker's own safety",
  'worker-crisis': 'A worker in crisis',
  distress: 'A worker under stress (staff support)',
};

const ALL_FRAMEWORKS_NOTE = 'Counted for all frameworks: the bot does not record which framework these belong to.';

const numeric = (key, label) => ({ key, label, numeric: true });
const first = (key, label) => ({ key, label });

/** "up from 10% in the 12 weeks before", or why there is nothing to compare. */
function trendWords(rate, by, periods) {
  const span = `the ${periods} ${by === 'week' ? 'weeks' : 'days'} before`;
  if (rate.trend === null) return rate.previous.rate === null ? `no questions in ${span}` : '';
  if (rate.trend === 'same') return `the same as ${span}`;
  return `${rate.trend} from ${percent(rate.previous.rate)} in ${span}`;
}

function renderSummary(v) {
  const total = (list, key) => list.reduce((a, x) => a + x[key], 0);
  const stats = [
    ['Questions answered', fmt(total(v.questions, 'answered'))],
    ['Not sure', fmt(total(v.questions, 'notSure'))],
    ['Not sure rate', percent(v.notSureRate.rate), trendWords(v.notSureRate, v.by, v.questions.length)],
    ['Teams', fmt(v.conversations.teams)],
    ['Group chats', fmt(v.conversations.groupChats)],
    ['Personal chats', fmt(v.conversations.personalChats)],
    ['Questions sent to you, waiting', fmt(v.suggestions.waiting)],
  ];
  $('summary-list').replaceChildren(
    ...stats.map(([k, n, more]) =>
      el('div', {}, el('dt', {}, k), el('dd', {}, n, more ? el('span', { class: 'trend' }, more) : undefined)),
    ),
  );
  const note = $('summary-note');
  note.hidden = !v.filters.allFrameworks.includes('conversations');
  note.textContent = 'Teams and chats are counted for all frameworks.';
}

/** Renders the view: the summary and the panels, or under a team filter the team's posts and openers only. */
export function renderView({ insights: v, charts }) {
  const byTeam = v.filters.team !== null;
  const note = (part) => (v.filters.allFrameworks.includes(part) ? ALL_FRAMEWORKS_NOTE : undefined);
  const period = (p) => (v.by === 'week' ? `Week of ${day(p.start)}` : day(p.start));
  const periodColumn = {
    key: 'period',
    label: v.by === 'week' ? 'Week' : 'Day',
    show: period,
    csv: [
      { label: 'From', value: (r) => r.start },
      { label: 'To', value: (r) => r.end },
    ],
  };
  const newestFirst = (list) => [...list].reverse();
  renderSummary(v);
  $('summary').hidden = byTeam;
  $('team-note').hidden = !byTeam;

  const posts = panel(
    {
      id: 'posts',
      heading: 'Scheduled posts per team',
      chart: charts.posts,
      note: 'Teams are shown by a code made from their Teams id: the bot keeps no team names.',
    },
    table(
      'posts',
      'Posts by team and outcome',
      [first('team', 'Team'), ...OUTCOMES.map(([k, l]) => numeric(k, l))],
      v.posts,
    ),
  );
  const openers = panel(
    { id: 'openers', heading: 'Meeting openers and "Another prompt"', chart: charts.openers },
    table(
      'openers',
      'Openers by period, newest first',
      [
        periodColumn,
        numeric('posted', 'Openers posted'),
        ...(byTeam ? [] : [numeric('anotherPrompt', 'Another prompt')]),
      ],
      newestFirst(v.openers),
    ),
  );
  if (byTeam) {
    $('charts').replaceChildren(posts, openers);
    document.documentElement.dataset.charts = 'drawn';
    return;
  }
  $('charts').replaceChildren(
    panel(
      { id: 'questions', heading: 'Questions answered, and how often the bot was not sure', chart: charts.questions },
      table(
        'questions',
        'Questions by period, newest first',
        [
          periodColumn,
          numeric('answered', 'Answered'),
          numeric('notSure', 'Not sure'),
          {
            key: 'notSureRate',
            label: 'Not sure rate',
            numeric: true,
            show: (r) => percent(r.notSureRate),
            csv: [
              {
                label: 'Not sure rate (%)',
                value: (r) => (r.notSureRate === null ? '' : Math.round(r.notSureRate * 100)),
              },
            ],
          },
        ],
        newestFirst(v.questions),
      ),
    ),
    panel(
      {
        id: 'declined',
        heading: 'Topics the bot declined',
        chart: charts.declined,
        note:
          note('declinedTopics') ??
          "Things the framework does not cover, by the names in the bot's own list: never what people typed.",
      },
      table(
        'declined',
        'Declined topics, most first',
        [first('topic', 'Topic'), numeric('count', 'Times declined')],
        v.declinedTopics,
      ),
    ),
    panel(
      {
        id: 'routes',
        heading: 'Safety signposts shown',
        note: note('routesShown') ?? 'How often the bot showed a safety signpost before anything else. Counts only.',
      },
      table(
        'routes',
        'Signposts and how often each was shown',
        [{ key: 'route', label: 'Signpost', show: (r) => ROUTES[r.route] ?? r.route }, numeric('count', 'Times shown')],
        v.routesShown,
      ),
    ),
    panel(
      { id: 'most-asked', heading: 'Most asked entries', chart: charts.mostAsked },
      table(
        'most-asked',
        'Questions per entry, most first',
        [first('heading', 'Entry'), numeric('count', 'Questions')],
        v.entries.most,
      ),
    ),
    panel(
      { id: 'least-asked', heading: 'Least asked and never asked' },
      table(
        'least-asked',
        'Least asked entries',
        [first('heading', 'Entry'), numeric('count', 'Questions')],
        v.entries.least,
      ),
      table('never-asked', 'Entries never asked about', [first('heading', 'Entry')], v.entries.never),
    ),
    panel(
      { id: 'votes', heading: 'Helpful and not helpful votes', chart: charts.votes },
      table(
        'votes',
        'Votes per entry, most "Not helpful" first',
        [
          first('heading', 'Entry'),
          numeric('notHelpful', 'Not helpful'),
          numeric('helpful', 'Helpful'),
          {
            key: 'split',
            label: 'Share not helpful',
            numeric: true,
            show: (r) => percent(r.notHelpful / (r.notHelpful + r.helpful)),
            csv: [
              { label: 'Not helpful (%)', value: (r) => Math.round((100 * r.notHelpful) / (r.notHelpful + r.helpful)) },
            ],
          },
        ],
        v.votes,
      ),
    ),
    posts,
    openers,
    panel(
      { id: 'shares', heading: 'Shared from the compose box', chart: charts.shares },
      table(
        'shares',
        'Shares by period, newest first',
        [periodColumn, numeric('shares', 'Shares')],
        newestFirst(v.shares),
      ),
    ),
  );
  document.documentElement.dataset.charts = 'drawn';
}
