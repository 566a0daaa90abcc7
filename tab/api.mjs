// The tab's two calls to its own server: every framework with its entries, and search.
/* global fetch, URLSearchParams */

async function getJson(url, options) {
  const response = await fetch(url, { headers: { accept: 'application/json' }, ...options });
  if (!response.ok) throw new Error(`${url.split('?')[0]} answered ${response.status}`);
  return response.json();
}

/** { defaultFramework, maxQuestionLength, frameworks: [{ id, name, about, groups: [{ kind, label, overview, entries }] }] } */
export const loadFrameworks = () => getJson('/api/tab/frameworks');

/** The same ranking as the chat bot. `framework` ('' for either) is preferred when the question names none. */
export function search(question, framework, signal) {
  const params = new URLSearchParams({ q: question });
  if (framework) params.set('framework', framework);
  return getJson(`/api/tab/search?${params}`, { signal });
}

/** { framework }: the framework of the team or chat the tab is open in (the default where none was chosen). */
export function loadPlace(team, chat) {
  const params = new URLSearchParams();
  if (team) params.set('team', team);
  if (chat) params.set('chat', chat);
  return getJson(`/api/tab/place?${params}`);
}
