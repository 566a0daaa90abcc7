import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type restify from 'restify';
import { sourceText } from '../../cards/source-line';
import { displayTitle } from '../../knowledge/kb/model';
import type { Entry, Framework, KnowledgeBase } from '../../knowledge/kb/model';
import { KINDS } from '../../knowledge/kb/schema';
import type { Kind } from '../../knowledge/kb/schema';
import { MAX_QUESTION_LENGTH } from '../../knowledge/search/answer';
import { PROJECT_ROOT } from '../../knowledge/paths';
import type { AnswerResult, Match } from '../../knowledge/search/answer';
import type { BotDeps } from '../deps';
import { looksPersonal } from '../privacy';
import { isUrgent } from '../../knowledge/search/urgent';

// The "Framework" personal tab (issue #6): the page and its assets under /tab, and a JSON API under /api/tab.
// The manifest's contentUrl is https://{domain}/tab?theme={theme}; the page asks teams-js for the theme too.

const TAB_DIR = join(PROJECT_ROOT, 'tab');
/** The package's `main` is its browser (UMD) bundle, which sets `window.microsoftTeams`. */
const TEAMS_JS = require.resolve('@microsoft/teams-js');

/**
 * Who may frame the tab: Teams and the other Microsoft 365 hosts, as listed in "Tab requirements"
 * (learn.microsoft.com/microsoftteams/platform/tabs/how-to/tab-requirements), and this server itself.
 */
export const FRAME_ANCESTORS = [
  "'self'",
  ...['teams.microsoft.com', '*.teams.microsoft.com', '*.cloud.microsoft', '*.microsoft365.com', '*.office.com'],
  ...['outlook.office.com', 'outlook.office365.com', 'outlook-sdf.office.com', 'outlook-sdf.office365.com', 'outlook.live.com'],
].map((host) => (host.startsWith("'") ? host : `https://${host}`));

/** teams-js fetches an up-to-date list of host origins from here, and falls back to its own list when it cannot. */
const TEAMS_JS_ORIGINS_CDN = 'https://res.cdn.office.net';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  `connect-src 'self' ${TEAMS_JS_ORIGINS_CDN}`,
  "base-uri 'none'",
  "form-action 'none'",
  `frame-ancestors ${FRAME_ANCESTORS.join(' ')}`,
].join('; ');

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'permissions-policy': 'camera=(), microphone=(), geolocation=()',
} as const;

export const TYPES = { html: 'text/html; charset=utf-8', css: 'text/css; charset=utf-8', js: 'text/javascript; charset=utf-8' } as const;

export interface Asset {
  readonly body: Buffer;
  readonly gzipped: Buffer;
  readonly etag: string;
  readonly type: string;
}

export function asset(body: Buffer, type: string): Asset {
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
  return { body, gzipped: gzipSync(body), etag, type };
}

/** The page's own files, and the one vendor script, each at a fixed path: nothing else under /tab is served. */
function assets(): ReadonlyMap<string, Asset> {
  const own = (file: string): [string, Asset] => [`/tab/${file}`, asset(readFileSync(join(TAB_DIR, file)), file.endsWith('.css') ? TYPES.css : TYPES.js)];
  return new Map([
    ['/tab', asset(readFileSync(join(TAB_DIR, 'index.html')), TYPES.html)],
    ...['style.css', 'app.mjs', 'api.mjs', 'render.mjs', 'theme.mjs'].map(own),
    ['/tab/vendor/teams-js.min.js', asset(readFileSync(TEAMS_JS), TYPES.js)],
  ]);
}

/** Sends a file, or 304 when the browser already has it. Every file is revalidated on each load (`no-cache`). */
export function sendAsset(req: restify.Request, res: restify.Response, file: Asset): void {
  const headers: Record<string, string> = { ...SECURITY_HEADERS, 'content-type': file.type, 'cache-control': 'no-cache', etag: file.etag, vary: 'Accept-Encoding' };
  if (file.type === TYPES.html) headers['content-security-policy'] = CONTENT_SECURITY_POLICY;
  if (req.headers['if-none-match'] === file.etag) {
    res.sendRaw(304, '', headers);
    return;
  }
  const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  const body = gzip ? file.gzipped : file.body;
  if (gzip) headers['content-encoding'] = 'gzip';
  headers['content-length'] = String(body.length);
  res.sendRaw(200, body, headers);
}

// ---------------------------------------------------------------- the API's shapes

/** An entry's text as the page shows it: blank lines part paragraphs, and lines starting "- " are list items. */
export type Block = { readonly paragraph: string } | { readonly list: readonly string[] };

export interface TabEntry {
  readonly id: string;
  readonly frameworkId: string;
  readonly kind: Kind;
  readonly number?: number;
  /** "Principle 7 · Be professionally curious". */
  readonly heading: string;
  readonly summary: string;
  readonly body: readonly Block[];
  readonly whoUses?: string;
  readonly why?: string;
  readonly prompts: readonly string[];
  readonly groupPrompts: readonly string[];
  readonly related: readonly { readonly id: string; readonly heading: string }[];
  /** `Source: “…” by …, 2021`, as on the answer card. */
  readonly source: string;
}

export interface TabGroup {
  readonly kind: Kind;
  readonly label: string;
  /** The entry that introduces this group, e.g. "CARES: our values". */
  readonly overview?: TabEntry;
  readonly entries: readonly TabEntry[];
}

export interface TabFramework {
  readonly id: string;
  readonly name: string;
  readonly shortName: string;
  readonly organisation: string;
  readonly description: string;
  readonly source: string;
  /** Overviews of the whole framework. */
  readonly about: readonly TabEntry[];
  readonly groups: readonly TabGroup[];
}

const GROUP_LABELS = { value: 'Values', principle: 'Principles', approach: 'Approaches', ingredient: 'Ingredients', overview: 'Overviews' } satisfies Record<Kind, string>;

export function blocks(text: string): Block[] {
  const out: Block[] = [];
  for (const paragraph of text.split(/\n\s*\n/)) {
    let list: string[] | undefined;
    for (const line of paragraph.split('\n').map((l) => l.trim()).filter((l) => l.length > 0)) {
      if (line.startsWith('- ')) {
        if (!list) out.push({ list: (list = []) });
        list.push(line.slice(2).trim());
      } else {
        list = undefined;
        out.push({ paragraph: line });
      }
    }
  }
  return out;
}

function tabEntry(kb: KnowledgeBase, entry: Entry, framework: Framework): TabEntry {
  const related = entry.related.flatMap((id) => {
    const other = kb.entry(id);
    return other ? [{ id: other.id, heading: displayTitle(other) }] : [];
  });
  return {
    id: entry.id,
    frameworkId: entry.frameworkId,
    kind: entry.kind,
    ...(entry.number !== undefined && { number: entry.number }),
    heading: displayTitle(entry),
    summary: entry.summary,
    body: blocks(entry.text),
    ...(entry.whoUses !== undefined && { whoUses: entry.whoUses }),
    ...(entry.why !== undefined && { why: entry.why }),
    prompts: entry.prompts,
    groupPrompts: entry.groupPrompts,
    related,
    source: sourceText(framework),
  };
}

/** Every framework, with its entries grouped by kind in the order the framework gives them. */
export function tabFrameworks(kb: KnowledgeBase): TabFramework[] {
  return kb.frameworks.map((framework) => {
    const mine = kb.entries.filter((e) => e.frameworkId === framework.id);
    const view = (e: Entry) => tabEntry(kb, e, framework);
    const groups = KINDS.filter((kind) => kind !== 'overview').flatMap((kind): TabGroup[] => {
      const entries = mine.filter((e) => e.kind === kind);
      if (entries.length === 0) return [];
      const overview = mine.find((e) => e.kind === 'overview' && e.lists === kind);
      return [{ kind, label: GROUP_LABELS[kind], ...(overview && { overview: view(overview) }), entries: entries.map(view) }];
    });
    const grouped = new Set(groups.flatMap((g) => (g.overview ? [g.overview.id] : [])));
    return {
      id: framework.id,
      name: framework.name,
      shortName: framework.shortName,
      organisation: framework.organisation,
      description: framework.description,
      source: sourceText(framework),
      about: mine.filter((e) => e.kind === 'overview' && !grouped.has(e.id)).map(view),
      groups,
    };
  });
}

// ---------------------------------------------------------------- search

export interface TabMatch {
  readonly id: string;
  readonly frameworkId: string;
  readonly heading: string;
  readonly summary: string;
}

export type TabSearchResult = {
  /** True when the question was longer than the bot reads, so only its start was searched. */
  readonly cut: boolean;
  /** True when the question seems to hold personal details: the page reminds the person gently. */
  readonly reminder: boolean;
  /** When the question speaks of an urgent worry about a child: the framework's urgent signpost, shown first. */
  readonly urgent?: { readonly text: string; readonly link?: string };
} & (
  | { readonly found: true; readonly confident: boolean; readonly best: TabMatch; readonly didYouMean: readonly TabMatch[]; readonly related: readonly TabMatch[] }
  | { readonly found: false; readonly reason: 'empty' | 'no-match' | 'no-such-number' | 'not-covered'; readonly suggestions: readonly TabMatch[] }
);

const MAX_ALTERNATIVES = 3;
const MAX_RELATED = 4;

const tabMatch = (entry: Entry): TabMatch => ({ id: entry.id, frameworkId: entry.frameworkId, heading: displayTitle(entry), summary: entry.summary });

/** The answer card's choices, as data: the best entry, "did you mean" when unsure, and the entry's related ones. */
export function tabSearchResult(kb: KnowledgeBase, result: AnswerResult, flags: { cut: boolean; reminder: boolean; urgent?: { text: string; link?: string } }): TabSearchResult {
  const entries = (matches: readonly Match[]) => matches.map((m) => tabMatch(m.entry));
  if (!result.found) return { ...flags, found: false, reason: result.reason, suggestions: entries(result.suggestions).slice(0, MAX_ALTERNATIVES) };
  const didYouMean = result.confident ? [] : entries(result.alternatives).slice(0, MAX_ALTERNATIVES);
  const shown = new Set([result.entry.id, ...didYouMean.map((m) => m.id)]);
  const related = result.entry.related
    .map((id) => kb.entry(id))
    .filter((e): e is Entry => e !== undefined && !shown.has(e.id))
    .slice(0, MAX_RELATED)
    .map(tabMatch);
  return { ...flags, found: true, confident: result.confident, best: tabMatch(result.entry), didYouMean, related };
}

type SearchRequest = { ok: true; question: string; cut: boolean; framework: string } | { ok: false; code: string; message: string };

/** Reads ?q= (required, once) and ?framework= (optional, once). Longer questions are cut as the bot cuts them. */
export function parseSearchRequest(url: string, kb: KnowledgeBase, defaultFramework: string): SearchRequest {
  const params = new URLSearchParams(url.includes('?') ? url.slice(url.indexOf('?') + 1) : '');
  const questions = params.getAll('q');
  const frameworks = params.getAll('framework');
  if (questions.length === 0) return { ok: false, code: 'MissingQuestion', message: 'Add your question as ?q=, for example /api/tab/search?q=principle%207.' };
  if (questions.length > 1 || frameworks.length > 1) return { ok: false, code: 'RepeatedParameter', message: 'Give q, and framework if you use it, only once.' };
  const framework = frameworks[0] ?? defaultFramework;
  if (!kb.framework(framework)) {
    const known = kb.frameworks.map((f) => f.id).join(', ');
    return { ok: false, code: 'UnknownFramework', message: `There is no framework with that id. Use one of: ${known}.` };
  }
  const question = questions[0] ?? '';
  return { ok: true, question: question.slice(0, MAX_QUESTION_LENGTH), cut: question.length > MAX_QUESTION_LENGTH, framework };
}

// ---------------------------------------------------------------- routes

export function registerTab(server: restify.Server, deps: BotDeps): void {
  const files = assets();
  for (const [path, file] of files) {
    server.get(path, (req, res, next) => {
      sendAsset(req, res, file);
      next();
    });
  }

  // As the bot chooses for a chat that has not picked one: the configured default, else the first.
  const configured = deps.config.defaultFramework !== undefined ? deps.kb.framework(deps.config.defaultFramework) : undefined;
  const defaultFramework = (configured ?? deps.kb.frameworks[0])?.id ?? '';
  // The JSON is made once per knowledge base: again only when a version published in the console is swapped in.
  let made: { kb: KnowledgeBase; file: Asset } | undefined;
  const frameworksFile = () => {
    const kb = deps.kb;
    if (made?.kb !== kb) made = { kb, file: asset(Buffer.from(JSON.stringify({ defaultFramework, maxQuestionLength: MAX_QUESTION_LENGTH, frameworks: tabFrameworks(kb) })), 'application/json; charset=utf-8') };
    return made.file;
  };
  server.get('/api/tab/frameworks', (req, res, next) => {
    sendAsset(req, res, frameworksFile());
    next();
  });

  // The framework of the team or chat the tab is open in, so the tab keeps to it as the bot does.
  // The ids come from Teams' context; they are only looked up, never logged or kept.
  server.get('/api/tab/place', async (req, res) => {
    const headers = { ...SECURITY_HEADERS, 'cache-control': 'no-store' };
    const params = new URLSearchParams((req.url ?? '').includes('?') ? (req.url ?? '').slice((req.url ?? '').indexOf('?') + 1) : '');
    const team = params.get('team') ?? '';
    const chat = params.get('chat') ?? '';
    const valid = (id: string) => /^[A-Za-z0-9:@._-]{1,200}$/.test(id);
    if ((team !== '' && !valid(team)) || (chat !== '' && !valid(chat))) {
      res.send(400, { code: 'BadPlace', message: 'Give team= or chat= as Teams gives them.' }, headers);
      return;
    }
    const scope = team !== '' ? `team:${team}` : chat !== '' ? `conversation:${chat}` : undefined;
    let framework = defaultFramework;
    try {
      const chosen = scope !== undefined ? await deps.store.frameworkFor(scope) : undefined;
      if (chosen !== undefined && deps.kb.framework(chosen)) framework = chosen;
    } catch (error) {
      deps.logger.warn({ event: 'tab-place-failed', error: { message: (error as Error).message } }, 'could not read the place\'s framework; the tab uses the default');
    }
    res.send(200, { framework }, headers);
  });

  // What people type is in the URL: it is never logged, and the response is never stored by caches.
  server.get('/api/tab/search', (req, res, next) => {
    const headers = { ...SECURITY_HEADERS, 'cache-control': 'no-store' };
    const request = parseSearchRequest(req.url ?? '', deps.kb, defaultFramework);
    if (!request.ok) {
      res.send(400, { code: request.code, message: request.message }, headers);
      next();
      return;
    }
    const started = process.hrtime.bigint();
    const result = deps.search.answer(request.question, { defaultFramework: request.framework });
    const urgent = isUrgent(request.question) ? deps.kb.framework(request.framework)?.signposts.urgent : undefined;
    const body = tabSearchResult(deps.kb, result, { cut: request.cut, reminder: looksPersonal(request.question), ...(urgent && { urgent }) });
    deps.logger.debug(
      { event: 'tab-search', found: result.found, entryId: result.found ? result.entry.id : undefined, ms: Number(process.hrtime.bigint() - started) / 1e6 },
      'searched from the tab',
    );
    res.send(200, body, headers);
    next();
  });
}
