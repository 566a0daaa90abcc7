// Who the editor acts as, and the two roles: editors draft, approvers publish (bot/web/console/roles.ts). In
// local mode the page can act as a stand-in editor or approver, to show how the two roles work. Also the
// page's one way of writing a time, of naming whose draft it is, and of asking before a draft is lost.
/* global URL, window */
import { $, actAs } from './common.mjs';
import { must } from './editor-state.mjs';

export const session = { me: { id: '', name: null }, roles: {}, standIns: undefined, localMode: false };

/** "7 Dec 2026 at 10:42": the editor's one way of writing a time. */
export function when(iso) {
  const d = new Date(iso);
  const day = d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
  const time = d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', hour12: false });
  return `${day} at ${time}`;
}

/** "1 Dec 2026": a day (YYYY-MM-DD) as the page writes it. */
export const longDay = (day) =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });

/** A person the store names by id: you, a stand-in by name, the local lead, or a lead by the end of their id. */
export function personName(id, name) {
  if (id === session.me.id) return 'you';
  if (name) return name;
  const standIn = Object.values(session.standIns ?? {}).find((s) => s.id === id);
  if (standIn) return standIn.name;
  if (id === 'local') return 'the local lead';
  if (id === 'erased') return 'a lead whose details were erased';
  return `a lead (id ending ${id.slice(-4)})`;
}

/** "your draft, saved 7 Dec 2026 at 10:42" or "the draft Sam Lee saved 7 Dec 2026 at 10:42, also edited by 1 other". */
export function whoseDraft(draft) {
  const others = (draft.editors ?? []).filter((id) => id !== draft.updatedBy).length;
  const also = others > 0 ? `, also edited by ${others === 1 ? '1 other' : `${others} others`}` : '';
  return draft.updatedBy === session.me.id
    ? `your draft, saved ${when(draft.updatedAt)}${also}`
    : `the draft ${personName(draft.updatedBy, draft.updatedByName)} saved ${when(draft.updatedAt)}${also}`;
}

/** Asks before something is lost; resolves true only if the person chose `confirm`. Keeping is the default. */
export function confirmLoss({ title, text, confirm }) {
  const dialog = $('confirm');
  $('confirm-heading').textContent = title;
  $('confirm-text').textContent = text;
  $('confirm-yes').textContent = confirm;
  const opener = window.document.activeElement;
  return new Promise((resolve) => {
    const done = (answer) => () => {
      dialog.close();
      $('confirm-yes').onclick = null;
      $('confirm-no').onclick = null;
      dialog.oncancel = null;
      opener?.focus?.();
      resolve(answer);
    };
    $('confirm-yes').onclick = done(true);
    $('confirm-no').onclick = done(false);
    dialog.oncancel = done(false);
    dialog.showModal();
    $('confirm-no').focus();
  });
}

function rolesText({ approversConfigured, approver }) {
  if (!approversConfigured)
    return 'No second approver is configured: whoever edits the draft can also publish it. To have a second person check every version before it goes live, your administrator lists approvers in PRACTICE_APPROVER_AAD_IDS.';
  return approver
    ? 'You are an approver: you publish drafts that someone else edited, and sign off content reviews. Nobody publishes a draft they edited themselves.'
    : 'You edit the draft; an approver checks it and publishes it. Publishing and signing off a review are for approvers.';
}

/** Reads who the page acts as (after the stand-in is chosen), and says what they may do. */
export async function loadSession() {
  Object.assign(session, await must('GET', '/api/console/session'));
  $('roles').textContent = rolesText(session.roles);
  $('act-as-bar').hidden = !session.localMode;
  return session;
}

/** Local mode: the stand-in chosen in the address (?as=editor|approver), and the control that changes it. */
export function standInControl(onChange) {
  const asked = new URL(window.location.href).searchParams.get('as');
  actAs(asked);
  const select = $('act-as');
  select.value = asked === 'editor' || asked === 'approver' ? asked : '';
  $('act-as-go').addEventListener('click', async () => {
    const url = new URL(window.location.href);
    if (select.value) url.searchParams.set('as', select.value);
    else url.searchParams.delete('as');
    window.history.replaceState(null, '', url);
    actAs(select.value);
    await loadSession();
    await onChange();
    $('act-as-status').textContent = `Acting as ${select.selectedOptions[0]?.textContent ?? ''}.`;
  });
}
