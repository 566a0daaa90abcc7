// The questions people chose to send: mark one answered (by an entry) or dismiss it, and undo either while
// the server keeps its text (the undo window). The list is changed in place, and the keyboard focus stays
// where it was: on the Undo button that takes the place of the buttons pressed, and back on them after Undo.
/* global CSS, document */
import { $, el } from './common.mjs';
import { day } from './console-tables.mjs';

const time = (iso) => new Date(iso).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', hour12: false });

const DONE = { dismissed: 'Dismissed', answered: 'Marked answered', wording: 'Added to the draft' };

/** Renders the list; `api(path, options)` calls the server, `say(text)` reports in the status line, `fail(error)` shows a problem. */
export function renderSuggestions(data, entries, { api, say, fail }) {
  $('suggestions').hidden = false;
  $('suggestions-note').textContent =
    `People chose to send these, without their names. Each is deleted ${data.undoMinutes} minutes after you mark it (until then you can undo it), or ${data.retentionDays} days after it was sent; only a count is kept.`;
  if (data.suggestions.length === 0) {
    $('suggestions-body').replaceChildren(el('p', {}, 'No questions waiting.'));
    return;
  }
  const heading = (id) => entries.find((e) => e.id === id)?.heading ?? id;

  const waiting = (s) => {
    const select = el(
      'select',
      { id: `entry-${s.id}` },
      el('option', { value: '' }, 'Choose the entry that answers it'),
      entries.map((e) => el('option', { value: e.id, selected: e.id === s.entryId }, e.heading)),
    );
    const mark = async (body, button) => {
      try {
        const done = await api(`/api/console/suggestions/${encodeURIComponent(s.id)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        const resolved = { outcome: body.type, until: done.undoUntil };
        show(s, marked({ ...s, resolved }, button.dataset.action), 'undo');
        say(`${DONE[body.type]}. You can undo this until ${time(done.undoUntil)}; then its text is deleted.`);
      } catch (error) {
        fail(error);
      }
    };
    const answer = el('button', { type: 'button', class: 'button', 'data-action': 'answered' }, 'Mark answered');
    answer.addEventListener('click', () =>
      select.value ? mark({ type: 'answered', entryId: select.value }, answer) : select.focus(),
    );
    // "Add this wording": the question becomes an alias and a check question of the chosen entry, in the draft.
    const addWording = el(
      'button',
      { type: 'button', class: 'button', 'data-action': 'wording' },
      'Add this wording to the entry',
    );
    addWording.addEventListener('click', async () => {
      if (!select.value) return select.focus();
      try {
        const done = await api(
          `/api/console/frameworks/${encodeURIComponent(s.frameworkId)}/draft/entries/${encodeURIComponent(select.value)}/wording`,
          {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ suggestionId: s.id }),
          },
        );
        const resolved = { outcome: 'answered', until: done.undoUntil, added: done };
        show(s, marked({ ...s, resolved }, 'wording'), 'preview');
        say(
          `Added to the draft of ${done.heading} as an alias and a check question. With the draft, the bot ${done.reaches ? `answers it with ${done.reaches.heading}` : 'still has no answer for it'}. Preview it, then publish. The question's text is deleted at ${time(done.undoUntil)}.`,
        );
      } catch (error) {
        fail(error);
      }
    });
    const dismiss = el('button', { type: 'button', class: 'button', 'data-action': 'dismissed' }, 'Dismiss');
    dismiss.addEventListener('click', () => mark({ type: 'dismissed' }, dismiss));
    return el(
      'article',
      { class: 'suggestion', 'data-id': s.id },
      el('p', {}, s.text),
      el(
        'p',
        { class: 'meta' },
        `Sent ${day(s.day)}${s.entryId ? `, after an answer from ${heading(s.entryId)}` : ''}`,
      ),
      el(
        'div',
        { class: 'actions' },
        el('div', { class: 'field' }, el('label', { for: `entry-${s.id}` }, 'Answered by'), select),
        answer,
        addWording,
        dismiss,
      ),
    );
  };

  // Marked: its text, what was done and until when it can be undone, and Undo. `pressed` is the button to return to.
  const marked = (s, pressed = s.resolved.outcome) => {
    const undo = el('button', { type: 'button', class: 'button', 'data-action': 'undo' }, 'Undo');
    undo.addEventListener('click', async () => {
      try {
        await api(`/api/console/suggestions/${encodeURIComponent(s.id)}/undo`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{}',
        });
        show(s, waiting({ ...s, resolved: undefined }), pressed);
        say('Undone: the question is waiting again.');
      } catch (error) {
        if (error.status !== 404) return fail(error);
        // Too late: the text is gone. Its place says so, and keeps the focus.
        const gone = el('p', { class: 'suggestion meta', 'data-id': s.id, tabindex: '-1' }, error.message);
        show(s, gone);
        gone.focus();
      }
    });
    return el(
      'article',
      { class: 'suggestion marked', 'data-id': s.id },
      el('p', {}, s.text),
      s.resolved.added
        ? el(
            'p',
            { class: 'meta' },
            `Added to the draft of ${s.resolved.added.heading} as an alias and a check question. Its text will be deleted at ${time(s.resolved.until)}; Undo brings the question back, and the draft keeps the wording until you change it.`,
          )
        : el(
            'p',
            { class: 'meta' },
            `${DONE[s.resolved.outcome]}. Its text will be deleted at ${time(s.resolved.until)} unless you undo this.`,
          ),
      el(
        'div',
        { class: 'actions' },
        s.resolved.added
          ? el(
              'a',
              {
                class: 'button',
                'data-action': 'preview',
                href: `/console/editor?framework=${encodeURIComponent(s.frameworkId)}&entry=${encodeURIComponent(s.resolved.added.entryId)}`,
              },
              `Preview ${s.resolved.added.heading} in the editor`,
            )
          : undefined,
        undo,
      ),
    );
  };

  // Puts `article` in the place of the suggestion's own, and the focus on its button for `action`.
  const show = (s, article, action) => {
    document.querySelector(`.suggestion[data-id="${CSS.escape(s.id)}"]`)?.replaceWith(article);
    article.querySelector(`[data-action="${action}"]`)?.focus();
  };

  $('suggestions-body').replaceChildren(...data.suggestions.map((s) => (s.resolved ? marked(s) : waiting(s))));
}
