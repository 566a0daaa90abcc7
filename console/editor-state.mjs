// The framework editor's state, and its calls to /api/console/frameworks/…: every answer comes back as
// { status, body }; must() also shows a failure in the page's problem box.
import { $, el, signedFetch } from './common.mjs';

export const state = { frameworkId: '', data: undefined, selected: undefined, isNew: false, dirty: false };

/** Resolves to { status, body } for any answer; only a network failure throws. */
export async function call(method, path, body) {
  const response = await signedFetch(path, {
    method,
    ...(body !== undefined && { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  const json = await response.json().catch(() => ({}));
  return { status: response.status, body: json };
}

export const SIGN_IN = {
  401: 'You are not signed in. Open the Practice lead tab inside Microsoft Teams.',
  403: 'The framework editor is for practice leads. Ask your Practice Companion administrator to add your Microsoft Entra object id to PRACTICE_LEAD_AAD_IDS.',
};

export function showProblem(message) {
  $('problem').replaceChildren(el('p', {}, message));
  $('problem').hidden = false;
}

export async function must(method, path, body) {
  const res = await call(method, path, body);
  if (res.status >= 400) {
    showProblem(SIGN_IN[res.status] ?? res.body.message ?? `The server answered ${res.status}.`);
    throw new Error(String(res.status));
  }
  return res.body;
}
