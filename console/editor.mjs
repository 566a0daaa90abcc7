// The framework editor: a page over /api/console/frameworks/…. Signs in as the console does (teams-js
// getAuthToken; open in local mode). Errors appear beside their fields in `kb validate`'s words; Preview
// renders the cards the bot would send with the Adaptive Cards renderer; Check and Publish run the
// evaluation; History restores any version as a draft.
/* global Blob, URLSearchParams, document, fetch, window */
import { applyTheme, followTeamsTheme, initialTheme } from '/tab/theme.mjs';
import { $, authorization, el, localBanner, saveFile, signIn } from './common.mjs';
import { check, publish } from './editor-check.mjs';
import { loadDraft, save, select } from './editor-form.mjs';
import { discard, loadHistory, loadReview, signOff } from './editor-history.mjs';
import { loadSession, standInControl } from './editor-roles.mjs';
import { call, showProblem, state } from './editor-state.mjs';

// ---------------------------------------------------------------- preview

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

/** The entry's check questions, each with the answer the bot would give with the draft. */
function renderChecks(checks) {
  const box = $('preview-checks');
  if (checks.length === 0) {
    box.replaceChildren(
      el('p', { class: 'hint' }, 'This entry has no check questions yet: add some under "Check questions".'),
    );
    return;
  }
  box.replaceChildren(
    el('h3', {}, 'Its check questions, as the bot would answer them with the draft'),
    el(
      'ul',
      { class: 'preview-checks' },
      checks.map((c) =>
        el(
          'li',
          { class: c.right ? 'right' : 'wrong' },
          el('q', {}, c.question),
          ` → ${c.reaches ? c.reaches.heading : 'no answer ("not sure")'}`,
          c.right ? '' : el('strong', {}, ' (not the answer it should get)'),
        ),
      ),
    ),
  );
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
  renderChecks(res.body.checks ?? []);
  renderCard('preview-answer', res.body.answer);
  renderCard('preview-post', res.body.post);
  renderCard('preview-opener', res.body.opener);
  $('preview-panel').hidden = false;
  document.documentElement.dataset.preview = 'shown';
}

// ---------------------------------------------------------------- export and start

async function exportYaml() {
  const response = await fetch(`/api/console/frameworks/${state.frameworkId}/export`, { headers: authorization() });
  if (!response.ok) return showProblem(`Could not export (${response.status}).`);
  saveFile(`${state.frameworkId}.yaml`, new Blob([await response.text()], { type: 'application/yaml' }));
}

async function openFramework(id) {
  state.frameworkId = id;
  state.selected = undefined;
  $('entry-form').hidden = true;
  $('entry-heading').textContent = 'Choose an entry';
  await loadDraft();
  await loadHistory();
  await loadReview();
}

async function start() {
  const banner = localBanner();
  applyTheme(initialTheme());
  await signIn(await followTeamsTheme(window.microsoftTeams));
  standInControl(async () => {
    await loadDraft(state.selected);
    await loadHistory();
    await loadReview();
  });
  try {
    const session = await loadSession();
    banner.hidden = !session.localMode;
    const asked = new URLSearchParams(window.location.search).get('framework');
    const first = session.frameworks.find((f) => f.id === asked)?.id ?? session.frameworks[0]?.id ?? '';
    $('framework').replaceChildren(
      ...session.frameworks.map((f) => el('option', { value: f.id, selected: f.id === first }, f.name)),
    );
    $('framework').addEventListener('change', () => openFramework($('framework').value).catch(() => undefined));
    await openFramework(first);
    // Opened from "Add this wording": straight to the entry, previewed.
    const entry = new URLSearchParams(window.location.search).get('entry');
    if (entry && state.data?.entries.some((e) => e.id === entry)) {
      select(entry);
      await preview();
    }
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
  $('discard').addEventListener('click', () => discard().catch((error) => showProblem(error.message)));
  $('review-form').addEventListener('submit', (e) => signOff(e).catch((error) => showProblem(error.message)));
  $('export').addEventListener('click', () => exportYaml().catch((error) => showProblem(error.message)));
  $('add-entry').addEventListener('click', () => select(`${state.frameworkId}-new-entry`, true));
  document.documentElement.dataset.ready = 'true';
}

void start();
