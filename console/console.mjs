// The practice lead's console: signs in with Teams (teams-js getAuthToken), then shows the insights
// as charts the server draws, each with its data table and a CSV download, and the questions people
// chose to send. What it shows (period, framework, team) is in the page's address, so a view can be
// shared, and changes only when "Show" is pressed. In local mode (no app id) the server needs no token
// and the page says so.
/* global document, window, URLSearchParams */
import { setUpTheme } from '/tab/theme.mjs';
import { $, el, localBanner, signedFetch, signIn } from './common.mjs';
import { day } from './console-tables.mjs';
import { renderSuggestions } from './console-suggestions.mjs';
import { renderView } from './console-view.mjs';

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

const say = (text) => {
  $('problem').hidden = true;
  $('status').textContent = text;
};

// ---------------------------------------------------------------- the view, in the address

/** The view the address asks for: ?weeks= or ?days=, and ?framework= and ?team= when set. */
function viewFromAddress() {
  const params = new URLSearchParams(window.location.search);
  const days = params.get('days');
  const weeks = params.get('weeks');
  return {
    period: days !== null ? `days=${days}` : `weeks=${weeks ?? '12'}`,
    framework: params.get('framework') ?? '',
    team: params.get('team') ?? '',
  };
}

/** Sets the form to `view`; a period or team not yet in a list gets an option of its own. */
function showInForm(view) {
  const period = $('period');
  if (/^(weeks|days)=\d{1,3}$/.test(view.period) && ![...period.options].some((o) => o.value === view.period)) {
    const [unit, n] = view.period.split('=');
    period.append(el('option', { value: view.period }, `Last ${n} ${unit}, by ${unit.slice(0, -1)}`));
  }
  period.value = view.period;
  const framework = $('framework');
  framework.value = [...framework.options].some((o) => o.value === view.framework) ? view.framework : '';
  const team = $('team');
  if (view.team && ![...team.options].some((o) => o.value === view.team))
    team.append(el('option', { value: view.team }, `Team ${view.team}`));
  team.value = view.team;
}

function viewOfForm() {
  return { period: $('period').value, framework: $('framework').value, team: $('team').value };
}

/** The query for the API, and for the address (which keeps its other parameters, such as ?theme=). */
function query(view) {
  const params = new URLSearchParams(view.period);
  if (view.framework) params.set('framework', view.framework);
  if (view.team) params.set('team', view.team);
  return params;
}

function addressOf(view) {
  const params = new URLSearchParams(window.location.search);
  for (const key of ['weeks', 'days', 'framework', 'team']) params.delete(key);
  for (const [k, v] of query(view)) params.set(k, v);
  return `${window.location.pathname}?${params}`;
}

// ---------------------------------------------------------------- loading

let entries = [];

function fillTeams(teams, chosen) {
  $('team').replaceChildren(
    el('option', { value: '' }, 'All teams'),
    ...teams.map((t) => el('option', { value: t.code }, t.label)),
  );
  showInForm({ ...viewOfForm(), team: chosen });
}

async function load(view) {
  say('Loading…');
  const data = await api(`/api/console/view?${query(view)}`);
  const v = data.insights;
  fillTeams(v.teams, view.team);
  renderView(data);
  entries = data.entries;
  const scope = [v.filters.framework?.name, v.filters.team?.label].filter(Boolean).join(', ');
  say(`Showing ${day(v.from)} to ${day(v.to)}${scope ? `: ${scope}` : ''}.`);
  await loadSuggestions();
}

async function loadSuggestions() {
  renderSuggestions(await api('/api/console/suggestions'), entries, { api, say, fail: showProblem });
}

async function start() {
  const banner = localBanner();
  await signIn(await setUpTheme(document.querySelector('.page-footer .footer-row'), window.microsoftTeams));
  try {
    const session = await api('/api/console/session');
    banner.hidden = !session.localMode;
    $('approvers-note').textContent = session.roles?.approversConfigured
      ? ''
      : ' No second approver is configured: a practice lead publishes framework changes alone.';
    $('framework').append(...session.frameworks.map((f) => el('option', { value: f.id }, f.name)));
    showInForm(viewFromAddress());
    await load(viewOfForm());
  } catch (error) {
    showProblem(error);
  }
  // Only "Show" changes the view: moving through a list with the arrow keys loads nothing.
  $('view-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const view = viewOfForm();
    window.history.pushState(view, '', addressOf(view));
    load(view).catch(showProblem);
  });
  window.addEventListener('popstate', () => {
    showInForm(viewFromAddress());
    load(viewOfForm()).catch(showProblem);
  });
  document.documentElement.dataset.ready = 'true';
}

void start();
