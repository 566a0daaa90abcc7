// What the console's two pages (the figures and the framework editor) share: building elements, signing in
// with Teams (teams-js getAuthToken) and calling the server with that token, the local-mode banner, and
// saving a file the page made.
/* global URL, console, document, fetch, window */

export const $ = (id) => document.getElementById(id);

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false || v === null) continue;
    if (k === 'class') node.className = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else if (k === 'value') node.value = v;
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  node.append(
    ...children
      .flat()
      .filter((c) => c !== undefined && c !== null && c !== false)
      .map((c) => (typeof c === 'string' || typeof c === 'number' ? String(c) : c)),
  );
  return node;
}

// ---------------------------------------------------------------- Teams

/**
 * The Microsoft Teams library (teams-js, served from this app's own copy), loaded only when the page is
 * inside a host: a frame (Teams on the web and desktop) or Teams' mobile web view. As soon as it loads it
 * asks a Microsoft address (res.cdn.office.net) for Teams' list of hosts, so a page opened on its own
 * makes no request to any other site. Both console pages import this module, so window.microsoftTeams is
 * set, or not, before their code runs.
 */
async function loadTeamsJs() {
  if (window.self === window.top && !('nativeInterface' in window)) return;
  await new Promise((resolve) => {
    const script = document.createElement('script');
    script.src = '/tab/vendor/teams-js.min.js';
    script.addEventListener('load', resolve);
    // Without it the page works as a plain web page, and says how to sign in.
    script.addEventListener('error', () => {
      console.warn('The Teams library did not load.');
      resolve();
    });
    document.head.append(script);
  });
}
await loadTeamsJs();

// ---------------------------------------------------------------- sign-in and calls

let inTeams = false;
let token;

async function getToken() {
  if (!inTeams) return undefined;
  try {
    token = await window.microsoftTeams.authentication.getAuthToken();
  } catch (error) {
    console.warn('Teams gave no sign-in token:', error?.message ?? error);
    token = undefined;
  }
  return token;
}

/** Signs in: in Teams (`hosted`, as followTeamsTheme() found) with a token from Teams; elsewhere with none. */
export async function signIn(hosted) {
  inTeams = hosted;
  await getToken();
}

/**
 * Local mode only: the stand-in identity the page acts as, `editor` or `approver` (bot/web/console/roles.ts),
 * sent with every call; none acts as the one local lead.
 */
let standIn;
export function actAs(role) {
  standIn = role === 'editor' || role === 'approver' ? role : undefined;
}

/** The header that signs a call in, when there is a token (none in local mode). */
export const authorization = () => (token ? { authorization: `Bearer ${token}` } : {});

/**
 * fetch() asking for JSON, signed in. A token can expire while the page is open: a 401 asks Teams for a fresh
 * one, once. Every call carries the console's header, which the server asks of any call that changes
 * something and has no JSON body (a cross-site form cannot send it: bot/web/console/routes.ts).
 */
export async function signedFetch(path, { headers = {}, ...options } = {}) {
  const send = () =>
    fetch(path, {
      ...options,
      headers: {
        accept: 'application/json',
        'x-practice-companion': 'console',
        ...(standIn && { 'x-practice-companion-stand-in': standIn }),
        ...headers,
        ...authorization(),
      },
    });
  const response = await send();
  if (response.status === 401 && inTeams && (await getToken())) return send();
  return response;
}

/** The banner that says the console is open without signing in; hidden until the session says it is local mode. */
export function localBanner() {
  const banner = el(
    'p',
    { id: 'local-banner', class: 'local-banner', role: 'note', hidden: true },
    'Local mode: this console is open to anyone on this computer, without signing in. It is for trying Practice Companion out, never for real use.',
  );
  document.querySelector('.page-header').before(banner);
  return banner;
}

/** Offers a file the page made as a download. */
export function saveFile(name, blob) {
  const url = URL.createObjectURL(blob);
  const a = el('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}
