// Builds the page's parts from the API's data. Framework text comes from the knowledge base;
// the few words of our own are here, in one place, plain and kind (as in cards/wording.ts).
/* global document */

export const WORDS = Object.freeze({
  bestMatch: 'Best match',
  didYouMean: 'Did you mean…',
  startWith: 'You could start with',
  related: 'Related',
  noAnswerHint: 'Try asking in different words, or pick one of these.',
  whereInstead: 'Where to go instead',
  cut: (max) => `That was a long question, so I searched only the first ${max.toLocaleString('en-GB')} characters.`,
  searchFailed: "Search isn't working just now. Please try again in a moment, or browse the framework below.",
  loadFailed: "Sorry, the framework couldn't be loaded. Please check your connection and try again.",
  tryAgain: 'Try again',
  jumpTo: 'Go to',
  about: 'About this framework',
  inShort: 'In short',
  inTheirWords: "In the framework's words",
  whoUses: 'Who uses it',
  why: 'Why',
  reflect: 'Questions to reflect on',
  asATeam: 'To talk about as a team',
  foundStatus: (heading, more) => `Best match: ${heading}.${more > 0 ? ` ${more} more to look at.` : ''}`,
  notFoundStatus: (line, count) => `${line} ${count} suggestion${count === 1 ? '' : 's'}.`,
});

/** A small element builder: el('p', { className: 'x' }, 'text', child). Text is always set as text, never as HTML. */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'className' || key === 'id' || key === 'hidden' || key === 'type') node[key] = value;
    else node.setAttribute(key, String(value));
  }
  fill(node, children, { keep: true });
  return node;
}

/** Puts children (nested arrays allowed; undefined, null, false and '' left out) into a node, replacing what was there. */
export function fill(node, children, { keep = false } = {}) {
  const nodes = [children]
    .flat(Infinity)
    .filter((child) => child !== undefined && child !== null && child !== false && child !== '')
    .map((child) => (typeof child === 'string' ? document.createTextNode(child) : child));
  if (keep) node.append(...nodes);
  else node.replaceChildren(...nodes);
}

let ids = 0;
const nextId = (prefix) => `${prefix}-${++ids}`;

/** Entries as cards: the title is a button that opens the entry (the whole card is its target), the summary describes it. */
export function entryList(items, { summaries = true } = {}) {
  return el(
    'ul',
    { className: summaries ? 'entry-list' : 'entry-list entry-list-compact' },
    items.map((item) => {
      const summaryId = summaries ? nextId('summary') : undefined;
      return el(
        'li',
        { className: 'entry-card' },
        el(
          'button',
          { type: 'button', className: 'entry-link', 'data-entry': item.id, 'aria-describedby': summaryId },
          item.heading,
        ),
        summaries ? el('p', { className: 'entry-summary', id: summaryId }, item.summary) : undefined,
      );
    }),
  );
}

const allEntriesOf = (group) => (group.overview ? [group.overview, ...group.entries] : group.entries);

/** Every framework shown (or only the chosen one), each with its entries grouped by kind. */
export function renderBrowse(container, frameworks, chosen) {
  const shown = chosen ? frameworks.filter((f) => f.id === chosen) : frameworks;
  const sections = shown.map((framework) => {
    const headingId = `framework-${framework.id}`;
    return el(
      'section',
      { className: 'framework', 'aria-labelledby': headingId },
      el('h2', { id: headingId, tabindex: '-1' }, framework.name),
      el('p', { className: 'framework-description' }, framework.description),
      el('p', { className: 'source' }, framework.source),
      framework.about.length > 0 ? [el('h3', {}, WORDS.about), entryList(framework.about)] : undefined,
      framework.groups.map((group) => [el('h3', {}, group.label), entryList(allEntriesOf(group))]),
    );
  });
  const jump =
    shown.length > 1
      ? el(
          'nav',
          { className: 'jump', 'aria-label': 'Frameworks' },
          el('span', {}, `${WORDS.jumpTo}:`),
          el(
            'ul',
            {},
            shown.map((f) => el('li', {}, el('a', { href: `#framework-${f.id}` }, f.shortName))),
          ),
        )
      : undefined;
  fill(container, [jump, sections]);
}

/** A safety route, before anything else: its title, a kind word, where to go now, then the other places. */
function routeBlock(route) {
  const alarm = route.route === 'child-at-risk' || route.route === 'worker-safety';
  const linked = (s) =>
    s.link ? el('p', {}, el('a', { href: s.link, target: '_blank', rel: 'noopener' }, s.link)) : undefined;
  return el('div', { className: alarm ? 'urgent' : 'urgent route-calm', role: alarm ? 'alert' : 'status' }, [
    el('h3', {}, route.title),
    route.kind ? el('p', {}, route.kind) : undefined,
    el('p', {}, el('strong', {}, route.main.text)),
    linked(route.main),
    route.more.map((s) => [el('h4', {}, s.heading), el('p', {}, s.text), linked(s)]),
    el('p', { className: 'source' }, route.closing),
  ]);
}

/** Places to go, each under its heading (a decline, or "not sure"). */
const signposts = (items) =>
  items.length > 0
    ? [el('h3', {}, WORDS.whereInstead), items.map((s) => [el('h4', {}, s.heading), el('p', {}, s.text)])]
    : [];

/**
 * A search result, as the chat would answer it: the safety routes first, then the best entry with "did you
 * mean" and related entries, or a plain decline or kind "not sure" with where to go. Returns the line for
 * screen readers.
 */
export function renderResults(heading, body, result, maxQuestionLength) {
  const notes = [
    result.routes.map(routeBlock),
    result.cut ? el('p', { className: 'note' }, WORDS.cut(maxQuestionLength)) : undefined,
    result.reminder ? el('p', { className: 'note' }, result.reminder) : undefined,
  ];
  // An ordinary question that only mentions risk: one calm line at the foot.
  const calm = result.calm ? el('p', { className: 'note' }, result.calm) : undefined;
  if (result.found) {
    heading.textContent = WORDS.bestMatch;
    fill(body, [
      notes,
      entryList([result.best]),
      section(WORDS.didYouMean, result.didYouMean),
      section(WORDS.related, result.related),
      calm,
    ]);
    return WORDS.foundStatus(result.best.heading, result.didYouMean.length + result.related.length);
  }
  const line = result.line;
  heading.textContent = line;
  if (result.reason === 'route') {
    fill(body, notes);
    return result.routes.map((r) => r.title).join('. ');
  }
  const empty = result.reason === 'empty';
  fill(body, [
    notes,
    result.wroteIt.map((l) => el('p', {}, l)),
    empty ? undefined : el('p', {}, result.hint ?? WORDS.noAnswerHint),
    result.reason === 'not-covered' ? signposts(result.whereToGo) : undefined,
    section(empty ? WORDS.startWith : WORDS.didYouMean, result.suggestions),
    result.reason === 'not-covered' ? undefined : signposts(result.whereToGo),
    calm,
  ]);
  return WORDS.notFoundStatus(line, result.suggestions.length);
}

const section = (title, items) => (items.length > 0 ? [el('h3', {}, title), entryList(items)] : []);

function blocks(body) {
  return body.map((block) =>
    'list' in block
      ? el(
          'ul',
          {},
          block.list.map((item) => el('li', {}, item)),
        )
      : el('p', {}, block.paragraph),
  );
}

const listOf = (title, lines) =>
  lines.length > 0
    ? [
        el('h3', {}, title),
        el(
          'ul',
          { className: 'prompts' },
          lines.map((line) => el('li', {}, line)),
        ),
      ]
    : [];

/** One entry in full: summary, the framework's own words, who uses it and why, prompts, related entries and the source. */
export function renderEntry(container, entry) {
  fill(container, [
    el('h2', { id: 'entry-heading', tabindex: '-1' }, entry.heading),
    el('h3', {}, WORDS.inShort),
    el('p', { className: 'lead' }, entry.summary),
    el('h3', {}, WORDS.inTheirWords),
    el('div', { className: 'full-text' }, blocks(entry.body)),
    entry.whoUses ? [el('h3', {}, WORDS.whoUses), el('p', {}, entry.whoUses)] : undefined,
    entry.why ? [el('h3', {}, WORDS.why), el('p', {}, entry.why)] : undefined,
    listOf(WORDS.reflect, entry.prompts),
    listOf(WORDS.asATeam, entry.groupPrompts),
    entry.related.length > 0
      ? [el('h3', {}, WORDS.related), entryList(entry.related, { summaries: false })]
      : undefined,
    el('p', { className: 'source' }, entry.source),
  ]);
}
