// The page's colours follow the Teams theme: "default", "dark" or "contrast" (high contrast).
// In Teams the theme comes from app.getContext() and app.registerOnThemeChangeHandler(); in a plain
// browser from ?theme= (the manifest's contentUrl passes {theme}), else the device's settings.
/* global console, document, window, URLSearchParams */

export const THEMES = Object.freeze(['default', 'dark', 'contrast']);

/** Teams' theme names, plus a few spellings people and other hosts use. Anything else is the default. */
const ALIASES = Object.freeze({ light: 'default', highcontrast: 'contrast', 'high-contrast': 'contrast' });

export function normaliseTheme(name) {
  const wanted = String(name ?? '')
    .trim()
    .toLowerCase();
  if (THEMES.includes(wanted)) return wanted;
  return ALIASES[wanted] ?? undefined;
}

/** The theme before Teams answers, or when there is no Teams: ?theme=, else the device's contrast and dark settings. */
export function initialTheme(search = window.location.search, matches = (query) => window.matchMedia(query).matches) {
  const asked = normaliseTheme(new URLSearchParams(search).get('theme'));
  if (asked) return asked;
  if (matches('(forced-colors: active)') || matches('(prefers-contrast: more)')) return 'contrast';
  if (matches('(prefers-color-scheme: dark)')) return 'dark';
  return 'default';
}

/**
 * Shows the page in a theme. Both the Teams theme-change handler and the colours picker call this,
 * so a test that changes the picker goes through the same path as a change in Teams.
 */
export function applyTheme(name) {
  const theme = normaliseTheme(name) ?? 'default';
  const root = document.documentElement;
  root.dataset.theme = theme;
  const picker = document.getElementById('theme');
  if (picker && picker.value !== theme) picker.value = theme;
  return theme;
}

/** How long to wait for a Teams host before treating the page as a plain web page. */
export const TEAMS_WAIT_MS = 2000;

/** The promise's outcome, or a rejection when it has not settled within `ms`. Never leaves a rejection unhandled. */
function within(promise, ms) {
  return new Promise((resolve, reject) => {
    const timer = window.setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    promise.then(
      (value) => {
        window.clearTimeout(timer);
        resolve(value);
      },
      (error) => {
        window.clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/**
 * Connects to Teams when hosted there. Resolves to true once the Teams theme is applied and theme
 * changes are followed; to false, quickly, when there is no Teams to talk to.
 */
export async function followTeamsTheme(teams, waitMs = TEAMS_WAIT_MS) {
  if (!teams?.app) return false;
  try {
    // Outside Teams, initialize() rejects at once in a top-level page, and never settles in a frame.
    await within(
      Promise.resolve().then(() => teams.app.initialize()),
      waitMs,
    );
    const context = await within(teams.app.getContext(), waitMs);
    applyTheme(context?.app?.theme);
    teams.app.registerOnThemeChangeHandler(applyTheme);
  } catch (error) {
    // Expected outside Teams ("No Parent window found"): the page keeps the theme it chose itself.
    console.info('Not hosted in Teams, so the page uses its own colours:', error?.message ?? error);
    return false;
  }
  // Tells Teams the tab is ready, for hosts that show a loading indicator until it is.
  Promise.resolve()
    .then(() => teams.app.notifySuccess?.())
    .catch((error) => console.warn('Teams did not accept notifySuccess:', error?.message ?? error));
  return true;
}

const PICKER_LABELS = Object.freeze({ default: 'Light', dark: 'Dark', contrast: 'High contrast' });

/** The colours picker, hidden until the page knows it is a plain web page. */
function themePicker() {
  const option = (theme) =>
    Object.assign(document.createElement('option'), { value: theme, text: PICKER_LABELS[theme] });
  const select = Object.assign(document.createElement('select'), { id: 'theme' });
  select.append(...THEMES.map(option));
  const picker = Object.assign(document.createElement('div'), { id: 'theme-picker', className: 'theme-picker' });
  picker.hidden = true;
  picker.append(Object.assign(document.createElement('label'), { htmlFor: 'theme', textContent: 'Colours' }), select);
  return picker;
}

/**
 * The page's colours, for the tab and the console alike: the first theme at once, then the Teams theme when
 * hosted there. The colours picker goes at the end of `place` (the footer): in a frame or a Teams mobile web
 * view the host sets the colours; in a plain browser people choose. Resolves to whether the page is in Teams.
 */
export async function setUpTheme(place, teams) {
  const picker = themePicker();
  place.append(picker);
  applyTheme(initialTheme());
  const select = picker.querySelector('select');
  select.addEventListener('change', () => applyTheme(select.value));
  picker.hidden = window.self !== window.top || 'nativeInterface' in window;
  const inTeams = await followTeamsTheme(teams);
  document.documentElement.dataset.host = inTeams ? 'teams' : 'browser';
  picker.hidden = inTeams;
  return inTeams;
}
