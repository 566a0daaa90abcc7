// The Framework tab: browse both frameworks, search as you type with the chat bot's ranking, and
// open any entry in full. It follows the Teams theme when hosted in Teams, and works as a plain web page.
/* global AbortController, console, document, window */
import { loadFrameworks, loadPlace, search } from './api.mjs';
import { el, renderBrowse, renderEntry, renderResults, WORDS } from './render.mjs';
import { setUpTheme } from './theme.mjs';

const $ = (id) => document.getElementById(id);
const SEARCH_DELAY_MS = 150;

const state = {
  frameworks: [],
  entries: new Map(),
  frameworkNames: new Map(),
  maxQuestionLength: 1000,
  chosen: '',
  /** Settles once the frameworks have loaded. */
  loaded: undefined,
  /** The latest search, so a late answer to an older one is never shown. */
  searchCount: 0,
  controller: undefined,
  timer: undefined,
  last: undefined,
  /** What had focus before an entry opened, to return to when it closes. */
  opener: undefined,
};

// ---------------------------------------------------------------- the place in Teams

/** In a team or chat, the tab keeps to that place's framework, as the bot does there. */
async function followPlace(teams) {
  try {
    const context = await teams.app.getContext();
    const team = context?.team?.internalId;
    const chat = context?.chat?.id;
    if (!team && !chat) return;
    const { framework } = await loadPlace(team, chat);
    await state.loaded;
    if (!state.frameworkNames.has(framework)) return;
    state.chosen = framework;
    $('framework').value = framework;
    $('framework').closest('.field').hidden = true;
    renderBrowse($('browse'), state.frameworks, state.chosen);
    if ($('search').value.trim()) await runSearch();
  } catch (error) {
    console.warn("Could not find this team's framework; showing all:", error?.message ?? error);
  }
}

// ---------------------------------------------------------------- browse

async function start() {
  const browse = $('browse');
  try {
    const data = await loadFrameworks();
    state.frameworks = data.frameworks;
    state.maxQuestionLength = data.maxQuestionLength;
    $('search').maxLength = data.maxQuestionLength;
    for (const framework of data.frameworks) {
      state.frameworkNames.set(framework.id, framework.name);
      const groupEntries = framework.groups.flatMap((g) => (g.overview ? [g.overview, ...g.entries] : g.entries));
      for (const entry of [...framework.about, ...groupEntries]) state.entries.set(entry.id, entry);
    }
    $('framework').append(...data.frameworks.map((f) => el('option', { value: f.id }, f.shortName)));
    // A copy that serves one framework has nothing to choose between.
    if (data.frameworks.length <= 1) $('framework').closest('.field').hidden = true;
    renderBrowse(browse, state.frameworks, state.chosen);
    document.documentElement.dataset.ready = 'true';
    markLoaded();
    if ($('search').value.trim()) await runSearch();
  } catch (error) {
    console.error('Loading the frameworks failed:', error);
    const retry = el('button', { type: 'button', className: 'button' }, WORDS.tryAgain);
    retry.addEventListener('click', () => {
      browse.replaceChildren(el('p', { className: 'loading' }, 'Loading the framework…'));
      void start();
    });
    browse.replaceChildren(el('p', { className: 'note', role: 'alert' }, WORDS.loadFailed), retry);
  }
}

// ---------------------------------------------------------------- search

function showBrowse() {
  $('results').hidden = true;
  $('browse').hidden = false;
  $('status').textContent = '';
  state.last = undefined;
}

async function runSearch() {
  window.clearTimeout(state.timer);
  state.controller?.abort();
  const question = $('search').value.trim();
  if (!question) {
    showBrowse();
    return undefined;
  }
  const count = ++state.searchCount;
  const controller = new AbortController();
  state.controller = controller;
  try {
    const result = await search(question, state.chosen, controller.signal);
    if (count !== state.searchCount) return undefined;
    const line = renderResults($('results-heading'), $('results-body'), result, state.maxQuestionLength);
    $('results').hidden = false;
    $('browse').hidden = true;
    $('status').textContent = line;
    state.last = { question, result };
    return result;
  } catch (error) {
    if (error.name === 'AbortError' || count !== state.searchCount) return undefined;
    console.error('Search failed:', error);
    $('results-heading').textContent = WORDS.searchFailed;
    $('results-body').replaceChildren();
    $('results').hidden = false;
    $('browse').hidden = false;
    $('status').textContent = WORDS.searchFailed;
    return undefined;
  }
}

const resultButtons = () => [...$('results-body').querySelectorAll('button[data-entry]')];

function setUpSearch() {
  const input = $('search');
  input.addEventListener('input', () => {
    window.clearTimeout(state.timer);
    state.timer = window.setTimeout(() => void runSearch(), SEARCH_DELAY_MS);
  });
  $('framework').addEventListener('change', (event) => {
    state.chosen = event.target.value;
    renderBrowse($('browse'), state.frameworks, state.chosen);
    if (input.value.trim()) void runSearch();
  });
  // Enter opens the best match (or moves to the suggestions when there is none).
  $('search-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const question = input.value.trim();
    const result = state.last?.question === question ? state.last.result : await runSearch();
    if (result?.found) openEntry(result.best.id, input);
    else resultButtons()[0]?.focus();
  });
  // Down arrow from the search box, and up and down through the results.
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' && !$('results').hidden) {
      event.preventDefault();
      resultButtons()[0]?.focus();
    }
  });
  $('results-body').addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const buttons = resultButtons();
    const at = buttons.indexOf(document.activeElement);
    if (at < 0) return;
    event.preventDefault();
    const next = event.key === 'ArrowDown' ? buttons[at + 1] : at === 0 ? input : buttons[at - 1];
    next?.focus();
  });
}

// ---------------------------------------------------------------- an entry

function openEntry(id, opener) {
  const entry = state.entries.get(id);
  if (!entry) return;
  const dialog = $('entry');
  if (!dialog.open) state.opener = opener ?? document.activeElement;
  $('entry-framework').textContent = state.frameworkNames.get(entry.frameworkId) ?? '';
  renderEntry($('entry-content'), entry);
  dialog.dataset.entry = entry.id;
  if (!dialog.open) dialog.showModal();
  dialog.scrollTop = 0;
  $('entry-heading').focus();
}

function setUpEntry() {
  const dialog = $('entry');
  // Any button for an entry, anywhere: browse lists, results, and "related" inside an open entry.
  document.addEventListener('click', (event) => {
    const button = event.target.closest?.('button[data-entry]');
    if (button) openEntry(button.dataset.entry, button);
  });
  $('entry-close').addEventListener('click', () => dialog.close());
  // A click on the dim backdrop (the dialog element itself, outside its content) closes it. Escape closes it natively.
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) dialog.close();
  });
  dialog.addEventListener('close', () => {
    delete dialog.dataset.entry;
    const back = state.opener?.isConnected ? state.opener : $('search');
    state.opener = undefined;
    back.focus();
  });
}

let markLoaded;
state.loaded = new Promise((resolve) => {
  markLoaded = resolve;
});
void setUpTheme(document.querySelector('.page-footer .footer-row'), window.microsoftTeams).then((inTeams) => {
  if (inTeams) void followPlace(window.microsoftTeams);
});
setUpSearch();
setUpEntry();
void start();
