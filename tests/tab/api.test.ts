import { respond } from '../../knowledge/respond';
import { readFileSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { FRAME_ANCESTORS } from '../../bot/web/framing';
import { blocks } from '../../bot/web/tab-frameworks';
import type { TabEntry, TabFramework } from '../../bot/web/tab-frameworks';
import type { TabSearchResult } from '../../bot/web/tab-search';
import { MAX_QUESTION_LENGTH } from '../../knowledge/search/answer';
import { startApp } from '../../testkit/app-harness';
import type { RunningApp } from '../../testkit/app-harness';
import { loadOrThrow, shippedSearch } from '../../testkit/kb';

let app: RunningApp;
beforeAll(async () => {
  app = await startApp({}, { http: true });
});
afterAll(() => app.close());

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${app.url}${path}`, { headers });
const search = async (
  query: string,
): Promise<{ status: number; body: TabSearchResult & { code?: string; message?: string } }> => {
  const res = await get(`/api/tab/search?${query}`);
  return { status: res.status, body: (await res.json()) as TabSearchResult & { code?: string; message?: string } };
};
const q = (question: string, framework?: string) =>
  new URLSearchParams({ q: question, ...(framework && { framework }) }).toString();

interface FrameworksPayload {
  readonly defaultFramework: string;
  readonly maxQuestionLength: number;
  readonly frameworks: readonly TabFramework[];
}
const allEntries = (f: TabFramework): TabEntry[] => [
  ...f.about,
  ...f.groups.flatMap((g) => [...(g.overview ? [g.overview] : []), ...g.entries]),
];

describe('GET /tab: the page', () => {
  test('is served with a Content-Security-Policy that lets Teams and Microsoft 365 frame it, and nothing else', async () => {
    const res = await get('/tab?theme=dark');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await res.text()).toContain('<h1>Your practice framework</h1>');
    const csp = res.headers.get('content-security-policy') ?? '';
    // The hosts Teams, Outlook and the Microsoft 365 app need, from Microsoft's "Tab requirements" (see bot/web/framing.ts).
    for (const host of [
      'https://teams.microsoft.com',
      'https://*.teams.microsoft.com',
      'https://teams.cloud.microsoft',
      'https://outlook.office.com',
      'https://m365.cloud.microsoft',
    ]) {
      expect(csp).toContain(host);
    }
    expect(csp).toContain(`frame-ancestors ${FRAME_ANCESTORS.join(' ')}`);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    // X-Frame-Options would stop Teams framing the tab; CSP frame-ancestors does the job instead.
    expect(res.headers.get('x-frame-options')).toBeNull();
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('no-cache');
  });

  test('the console page may be framed by the same hosts: one list for every page', async () => {
    const res = await get('/console');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')?.split('; ')).toContain(
      `frame-ancestors ${FRAME_ANCESTORS.join(' ')}`,
    );
  });

  test('a browser that already has the page gets 304 Not Modified', async () => {
    const first = await get('/tab');
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^".+"$/);
    const again = await get('/tab', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });

  test.each([
    '/tab/theme.css',
    '/tab/style.css',
    '/tab/entry.css',
    '/tab/app.mjs',
    '/tab/api.mjs',
    '/tab/render.mjs',
    '/tab/theme.mjs',
  ])('serves %s from tab/', async (path) => {
    const res = await get(path);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(readFileSync(join(__dirname, '..', '..', path.slice(1)), 'utf8'));
  });

  test('serves the teams-js browser bundle from node_modules, gzipped for browsers that accept it', async () => {
    const plain = await get('/tab/vendor/teams-js.min.js');
    const bundle = readFileSync(require.resolve('@microsoft/teams-js'));
    expect(Buffer.from(await plain.arrayBuffer()).equals(bundle)).toBe(true);
    expect(plain.headers.get('content-type')).toBe('text/javascript; charset=utf-8');

    // fetch() would unzip silently, so look at the bytes on the wire.
    const zipped = await new Promise<{ encoding?: string | undefined; body: Buffer }>((resolve, reject) => {
      httpGet(`${app.url}/tab/vendor/teams-js.min.js`, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }));
      }).on('error', reject);
    });
    expect(zipped.encoding).toBe('gzip');
    expect(zipped.body.length).toBeLessThan(bundle.length / 2);
    expect(gunzipSync(zipped.body).equals(bundle)).toBe(true);
  });

  test.each(['/tab/index.html', '/tab/../package.json', '/tab/vendor/MicrosoftTeams.js', '/tab/nothing.js'])(
    'serves nothing else under /tab: %s is 404',
    async (path) => {
      expect((await get(path)).status).toBe(404);
    },
  );
});

describe('GET /api/tab/frameworks', () => {
  let payload: FrameworksPayload;
  beforeAll(async () => {
    payload = (await (await get('/api/tab/frameworks')).json()) as FrameworksPayload;
  });

  test('holds both frameworks, with every entry of the knowledge base exactly once', () => {
    const kb = loadOrThrow();
    expect(payload.frameworks.map((f) => f.id)).toEqual(kb.frameworks.map((f) => f.id));
    const ids = payload.frameworks.flatMap(allEntries).map((e) => e.id);
    expect(ids.sort()).toEqual(kb.entries.map((e) => e.id).sort());
    expect(payload.maxQuestionLength).toBe(MAX_QUESTION_LENGTH);
  });

  test('groups entries by kind, each group led by the overview that introduces it', () => {
    const lbbd = payload.frameworks.find((f) => f.id === 'lbbd');
    const jersey = payload.frameworks.find((f) => f.id === 'jersey');
    expect(lbbd?.groups.map((g) => [g.label, g.entries.length, g.overview?.heading])).toEqual([
      ['Values', 5, 'CARES: our values'],
      ['Principles', 10, 'The 10 Relational Practice Principles'],
      ['Approaches', 7, 'Approaches under Relational Practice'],
    ]);
    expect(lbbd?.about.map((e) => e.id)).toEqual(['lbbd-framework']);
    expect(jersey?.groups.map((g) => [g.label, g.entries.length])).toEqual([['Ingredients', 9]]);
    expect(lbbd?.groups[1]?.entries[6]?.heading).toBe('Principle 7 · Be professionally curious');
  });

  test('each entry carries its full text, reflection prompts, related entries and source', () => {
    const kb = loadOrThrow();
    for (const entry of payload.frameworks.flatMap(allEntries)) {
      const source = kb.entry(entry.id);
      expect(entry.prompts).toEqual(source?.prompts);
      expect(entry.prompts.length).toBeGreaterThanOrEqual(3);
      expect(entry.groupPrompts).toEqual(source?.groupPrompts);
      expect(entry.source).toMatch(/^Source: “.+”/);
      // Every word of the full text is kept, only laid out as paragraphs and lists.
      const words = (text: string) => text.replace(/^- /gm, '').split(/\s+/).filter(Boolean);
      expect(entry.body.flatMap((b) => ('list' in b ? b.list : [b.paragraph])).flatMap(words)).toEqual(
        words(source?.text ?? ''),
      );
      expect(entry.related.map((r) => r.id)).toEqual(source?.related.filter((id) => kb.entry(id)));
    }
    const safeAndTogether = payload.frameworks.flatMap(allEntries).find((e) => e.id === 'lbbd-safe-and-together');
    expect(safeAndTogether?.whoUses).toBeTruthy();
    expect(safeAndTogether?.why).toBeTruthy();
  });

  test('is cached by browsers until it changes (ETag)', async () => {
    const res = await get('/api/tab/frameworks');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect((await get('/api/tab/frameworks', { 'if-none-match': res.headers.get('etag') ?? '' })).status).toBe(304);
  });
});

describe('GET /api/tab/search: the chat bot’s ranking', () => {
  test('"principle 7" gives Principle 7 with confidence, and its related entries', async () => {
    const { status, body } = await search(q('principle 7'));
    expect(status).toBe(200);
    if (!body.found) throw new Error('expected an answer');
    expect(body.best).toMatchObject({
      id: 'lbbd-professional-curiosity',
      heading: 'Principle 7 · Be professionally curious',
    });
    expect(body.confident).toBe(true);
    expect(body.didYouMean).toEqual([]);
    expect(body.related.length).toBeGreaterThan(0);
    expect(body.related.map((r) => r.id)).not.toContain('lbbd-professional-curiosity');
  });

  test.each([['lbbd'], [undefined]])(
    'gives the same best entry as answer() for every question in the evaluation set (framework %s)',
    async (framework) => {
      const lines = readFileSync(join(__dirname, '..', '..', 'evaluation', 'questions.jsonl'), 'utf8')
        .trim()
        .split('\n');
      const questions = lines.map((line) => (JSON.parse(line) as { q: string }).q);
      const kb = loadOrThrow();
      // A chat set to a framework (as the tab in a team is), and "Both frameworks": the best match across them.
      if (framework) expect(kb.framework(framework)).toBeDefined();
      const tab = await Promise.all(questions.map(async (question) => (await search(q(question, framework))).body));
      // What the chat shows: respond()'s result (a question of a kind the framework is not for is declined there).
      const bot = questions.map(
        (question) => respond(shippedSearch(), question, framework ? { frameworkId: framework } : {}).result,
      );
      // A safety route that stands alone shows nothing from the framework, in the tab as in chat.
      const shown = tab.flatMap((r, i) => (!r.found && r.reason === 'route' ? [] : [[r, bot[i]!] as const]));
      expect(shown.length).toBeGreaterThan(questions.length * 0.95);
      expect(
        shown.map(([r]) => (r.found ? r.best.id : `not sure: ${r.suggestions.map((s) => s.id).join(',')}`)),
      ).toEqual(
        shown.map(([, r]) =>
          r.found
            ? r.entry.id
            : `not sure: ${r.suggestions
                .slice(0, 3)
                .map((s) => s.entry.id)
                .join(',')}`,
        ),
      );
    },
    // Some hundreds of searches over HTTP: generous on a busy machine (not a timing check).
    60_000,
  );

  test.each([
    ['principle 7', 'lbbd-professional-curiosity'],
    ['domestic abuse', 'lbbd-safe-and-together'],
    ['contextual safeguarding', 'lbbd-contextual-safeguarding'],
    ['ingredient 3', 'jersey-strengths-and-risks'],
    ['trauma-informed', 'jersey-trauma-informed'],
  ])('"Both frameworks" (no framework given) finds every entry of both: "%s" → %s', async (question, id) => {
    const { body } = await search(q(question));
    expect(body.found && body.best.id).toBe(id);
  });

  test('?framework= is preferred when the question names none', async () => {
    const lbbd = (await search(q('trauma informed', 'lbbd'))).body;
    const jersey = (await search(q('trauma informed', 'jersey'))).body;
    expect(lbbd.found && lbbd.best.id).toBe('lbbd-trauma-informed-practice');
    expect(jersey.found && jersey.best.id).toBe('jersey-trauma-informed');
  });

  test("a question about the job is declined by its kind: the wifi password is IT's", async () => {
    const { status, body } = await search(q("what's the wifi password"));
    expect(status).toBe(200);
    expect(body).toMatchObject({ found: false, reason: 'not-covered' });
  });

  test('when it is not sure, it says so and offers suggestions instead of guessing', async () => {
    const { status, body } = await search(q('what colour should the sky be on a wet tuesday'));
    expect(status).toBe(200);
    expect(body).toMatchObject({ found: false, reason: 'no-match' });
    if (body.found) throw new Error('expected no answer');
    expect(body.suggestions.length).toBeGreaterThan(0);
    expect(body.suggestions.length).toBeLessThanOrEqual(3);
  });

  test('a best guess comes with "did you mean" alternatives', async () => {
    const { body } = await search(q('safegaurding'));
    expect(body).toMatchObject({ found: true, confident: false });
    if (!body.found) throw new Error('expected an answer');
    expect(body.didYouMean.length).toBeGreaterThan(0);
  });

  test(`a question longer than ${MAX_QUESTION_LENGTH} characters is cut, as the bot cuts it, and says so`, async () => {
    const long = `principle 7 ${'and more '.repeat(200)}`;
    const { status, body } = await search(q(long));
    expect(status).toBe(200);
    expect(body.cut).toBe(true);
    const short = await search(q('principle 7'));
    expect(short.body.cut).toBe(false);
  });

  test('is never stored by caches', async () => {
    expect((await get(`/api/tab/search?${q('principle 7')}`)).headers.get('cache-control')).toBe('no-store');
  });
});

describe('GET /api/tab/search: bad input gets 400 and a clear message, never 500', () => {
  test.each([
    ['no question', '', 'MissingQuestion', /\?q=/],
    ['two questions', 'q=a&q=b', 'RepeatedParameter', /only once/],
    ['two frameworks', 'q=a&framework=lbbd&framework=jersey', 'RepeatedParameter', /only once/],
    ['a framework that does not exist', 'q=a&framework=narnia', 'UnknownFramework', /jersey, lbbd/],
  ])('%s', async (_label, query, code, message) => {
    const { status, body } = await search(query);
    expect(status).toBe(400);
    expect(body.code).toBe(code);
    expect(body.message).toMatch(message);
  });

  test.each([
    ['broken percent-encoding', 'q=%E0%A4%A'],
    ['a lone percent sign', 'q=100%'],
    ['a NUL byte', 'q=%00principle'],
    ['emoji', `q=${encodeURIComponent('🙂 values 🙂')}`],
    ['right-to-left text', `q=${encodeURIComponent('ما هي القيم')}`],
    ['only spaces', 'q=%20%20%20'],
    ['an empty question', 'q='],
    ['HTML', `q=${encodeURIComponent('<script>alert(1)</script>')}`],
    ['q with no value', 'q'],
    ['an array-style name', 'q[]=values'],
  ])('%s', async (_label, query) => {
    const res = await get(`/api/tab/search?${query}`);
    expect([200, 400]).toContain(res.status);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  });
});

describe('privacy', () => {
  test('what is typed into the search never reaches the logs, even on errors', async () => {
    const secret = 'Tallulah Featherstonehaugh born 12/03/2015 on 07700 900123';
    const before = app.logs.length;
    const { body } = await search(q(secret));
    expect(body.reminder).toMatch(/^A gentle reminder: this looks as though it may include (a|an) /);
    expect(body.reminder).not.toContain('Teams keeps this chat');
    await search(`q=${encodeURIComponent(secret)}&q=again`);
    await search(`q=${encodeURIComponent(secret)}&framework=${encodeURIComponent(secret)}`);
    await get(`/api/tab/nowhere?q=${encodeURIComponent(secret)}`);
    const written = app.logs.slice(before).join('');
    expect(written).toContain('tab-search'); // it did log something: the event, never the words
    for (const part of ['Tallulah', 'Featherstonehaugh', '12/03/2015', '12%2F03', '07700', '900123'])
      expect(written).not.toContain(part);
  });
});

describe('blocks(): an entry’s text as paragraphs and lists', () => {
  test('blank lines part paragraphs, each line is its own paragraph, and "- " lines make one list', () => {
    expect(blocks('What is CARES?\n\nOur values are:\n- Compassion\n- Accountability\nThat is all.')).toEqual([
      { paragraph: 'What is CARES?' },
      { paragraph: 'Our values are:' },
      { list: ['Compassion', 'Accountability'] },
      { paragraph: 'That is all.' },
    ]);
  });

  test('lists in separate paragraphs stay separate', () => {
    expect(blocks('- a\n\n- b')).toEqual([{ list: ['a'] }, { list: ['b'] }]);
  });
});
