import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startApp, useBot } from '../../testkit/app-harness';
import type { RunningApp, StartOptions } from '../../testkit/app-harness';
import { MAX_RESULTS, STORE_BUDGET_MS } from '../../bot/teams/message-extension';
import { openStore } from '../../store/open';
import type { Store } from '../../store/types';
import { textsOf, validateCard } from '../helpers/adaptive-cards';
import { loadOrThrow } from '../../testkit/kb';
import { recordingStore } from '../helpers/recording-store';
import { clockOf } from '../../time/clock';

// The search-based message extension, through the real server with real Teams invoke payloads.
// Teams reads an invoke's answer from the HTTP response body, and gives up after 5 s
// (/work/shared/teams-platform.md, "Message extensions").

type Fixture = 'compose-extension-query' | 'compose-extension-initial-run' | 'compose-extension-select-item';

interface Thumbnail {
  title: string;
  subtitle: string;
  text: string;
  tap: { type: string; value: unknown };
}
interface Attachment {
  contentType: string;
  content: Record<string, unknown>;
  preview: { contentType: string; content: Thumbnail };
}
interface ExtensionResponse {
  composeExtension:
    { type: 'result'; attachmentLayout: string; attachments: Attachment[] } | { type: 'message'; text: string };
}

const kb = loadOrThrow();
const TEAM = '19:d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6@thread.tacv2';
const CHANNEL = '19:5b6c0a2f7e8d4c1b9a3e6f0d2c8b7a41@thread.tacv2';
/** A Wednesday in November (GMT), and that week's Monday 00:00 in London. */
const WEDNESDAY = new Date('2026-11-25T10:00:00Z');
const ITS_MONDAY = new Date('2026-11-23T00:00:00Z');

const bot = useBot({ options: () => ({ clock: clockOf(() => WEDNESDAY) }) });
const start = (options: StartOptions = {}, env: Record<string, string> = {}) => bot.start(env, options);

/** A real invoke from testkit/fixtures/activities, with changes applied, pointed at the fake connector. */
function invoke(name: Fixture, changes: Record<string, unknown> = {}): Record<string, unknown> {
  const json = JSON.parse(
    readFileSync(join(__dirname, '..', '..', 'testkit', 'fixtures', 'activities', `${name}.json`), 'utf8'),
  ) as Record<string, unknown>;
  return { ...json, ...changes, serviceUrl: bot.connector.url };
}
const search = (query: unknown, extra: Record<string, unknown> = {}) =>
  invoke('compose-extension-query', {
    value: {
      commandId: 'searchFramework',
      parameters: [{ name: 'query', value: query }],
      queryOptions: { skip: 0, count: 25 },
      ...extra,
    },
  });
const personal = {
  conversation: {
    conversationType: 'personal',
    tenantId: '3d5f3b7a-8c2e-4f1a-9b6d-2e7c4a1f0b93',
    id: 'a:1Ka5yEe8kFzq2oT1bV9cXwN3mLpQrS7tUvWxYz0AbCdEfGhIjKlMnOpQrStUvWxYz1234567890',
  },
  channelData: { tenant: { id: '3d5f3b7a-8c2e-4f1a-9b6d-2e7c4a1f0b93' }, source: { name: 'compose' } },
};

async function post(app: RunningApp, activity: Record<string, unknown>): Promise<ExtensionResponse> {
  const res = await app.post(activity);
  expect(res.status).toBe(200);
  return JSON.parse(res.body) as ExtensionResponse;
}
function attachmentsOf(response: ExtensionResponse): Attachment[] {
  const result = response.composeExtension;
  if (result.type !== 'result') throw new Error(`Expected a result list, got a message: ${result.text}`);
  expect(result.attachmentLayout).toBe('list');
  return result.attachments;
}
function messageOf(response: ExtensionResponse): string {
  const result = response.composeExtension;
  if (result.type !== 'message') throw new Error(`Expected a message, got ${result.attachments.length} results`);
  return result.text;
}
const previews = (response: ExtensionResponse) => attachmentsOf(response).map((a) => a.preview.content);
const tapped = (preview: Thumbnail) => (preview.tap.value as { entryId: string }).entryId;

/** Each result: an Adaptive Card that parses clean at 1.5, with a thumbnail preview whose tap picks it. */
function expectWellFormedResults(response: ExtensionResponse): void {
  const attachments = attachmentsOf(response);
  expect(attachments.length).toBeGreaterThan(0);
  expect(attachments.length).toBeLessThanOrEqual(MAX_RESULTS);
  for (const a of attachments) {
    expect(a.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(validateCard(a.content)).toEqual([]);
    expect(a.preview.contentType).toBe('application/vnd.microsoft.card.thumbnail');
    expect(a.preview.content.tap.type).toBe('invoke');
    expect(kb.entry(tapped(a.preview.content))).toBeDefined();
  }
  const ids = attachments.map((a) => tapped(a.preview.content));
  expect(new Set(ids).size).toBe(ids.length);
}

/** A real (in-memory SQLite) store with some methods replaced. */
async function storeWith(overrides: Partial<Store>): Promise<Store> {
  const inner = await openStore('sqlite::memory:');
  return new Proxy(inner, {
    get(target, property, receiver) {
      if (typeof property === 'string' && property in overrides) return overrides[property as keyof Store];
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

describe('composeExtension/query: searching', () => {
  test('"principle 7" lists Barking & Dagenham\'s principle 7 first, then related entries, each with a clean card', async () => {
    const app = await start();
    const response = await post(app, invoke('compose-extension-query'));
    expectWellFormedResults(response);
    const [first, ...rest] = previews(response);
    expect(first).toMatchObject({ title: 'Be professionally curious', subtitle: 'Barking & Dagenham · Principle 7' });
    expect(first?.text).toBe(kb.entry('lbbd-professional-curiosity')?.summary);
    expect(rest.map(tapped)).toEqual(
      expect.arrayContaining(kb.entry('lbbd-professional-curiosity')?.related.slice(0, 1) ?? []),
    );
    expect(textsOf(attachmentsOf(response)[0]?.content ?? {})).toContain('Principle 7 · Be professionally curious');
    expect(bot.connector.requests).toHaveLength(0);
  });

  test('a typo ("safegaurding") still finds Contextual Safeguarding first', async () => {
    const app = await start();
    const response = await post(app, search('safegaurding'));
    expectWellFormedResults(response);
    expect(previews(response)[0]).toMatchObject({
      title: 'Contextual Safeguarding',
      subtitle: 'Barking & Dagenham · Approach',
    });
  });

  test('a half-typed word ("curio") already finds the entry, as Teams queries on each key press', async () => {
    const app = await start();
    expect(previews(await post(app, search('curio')))[0]?.title).toBe('Be professionally curious');
  });

  test('the framework the team chose is preferred: in a Jersey team, "trauma informed" lists Jersey\'s ingredient first', async () => {
    const app = await start();
    await app.store.setFramework({ scopeId: `team:${TEAM}`, frameworkId: 'jersey', changedBy: 'test', at: WEDNESDAY });
    expect(previews(await post(app, search('trauma informed')))[0]).toMatchObject({
      title: 'Trauma-informed',
      subtitle: 'Jersey · Ingredient 6',
    });
  });

  test('a question of a kind the framework is not for says so plainly, and where to go', async () => {
    const app = await start();
    const { composeExtension: result } = await post(app, search("what's the wifi password"));
    expect(result.type).toBe('message');
    if (result.type === 'message')
      expect(result.text).toMatch(/^The framework doesn't cover IT and systems questions\. .*intranet/);
  });

  test('off-topic words still get somewhere to start, never an error', async () => {
    const app = await start();
    const response = await post(app, search('weather in spain tomorrow'));
    expectWellFormedResults(response);
    expect(previews(response).every((p) => p.subtitle.includes('Overview'))).toBe(true);
  });

  test('a later page (skip past the results) is an empty list', async () => {
    const app = await start();
    expect(
      attachmentsOf(await post(app, search('principle 7', { queryOptions: { skip: 0, count: 25 } }))).length,
    ).toBeGreaterThan(1);
    expect(attachmentsOf(await post(app, search('principle 7', { queryOptions: { skip: 25, count: 25 } })))).toEqual(
      [],
    );
  });

  test('a smaller page size is respected', async () => {
    const app = await start();
    expect(
      attachmentsOf(await post(app, search('safeguarding', { queryOptions: { skip: 0, count: 2 } }))),
    ).toHaveLength(2);
  });
});

describe('composeExtension/query: before anything is typed (initialRun)', () => {
  test("with nothing posted or asked yet: this week's item for the framework, then the framework's overviews", async () => {
    const app = await start({}, { DEFAULT_FRAMEWORK: 'lbbd' });
    const response = await post(app, invoke('compose-extension-initial-run'));
    expectWellFormedResults(response);
    const [first, ...rest] = previews(response);
    expect(first?.subtitle).toMatch(/^This week · Barking & Dagenham · (Value|Principle|Approach)/);
    expect(rest.length).toBeGreaterThan(0);
    for (const p of rest) expect(p.subtitle).toMatch(/^Start here · Barking & Dagenham · Overview$/);
  });

  test("this week's item stays the same all week and changes the next week", async () => {
    const firstOf = async (at: string) => {
      const app = await startApp({ DEFAULT_FRAMEWORK: 'lbbd' }, { clock: clockOf(() => new Date(at)) });
      try {
        return tapped(previews(await post(app, invoke('compose-extension-initial-run')))[0] as Thumbnail);
      } finally {
        await app.close();
      }
    };
    const monday = await firstOf('2026-11-23T00:00:01Z');
    expect(await firstOf('2026-11-29T23:59:00Z')).toBe(monday);
    expect(await firstOf('2026-11-30T00:00:01Z')).not.toBe(monday);
  });

  test('the entry a scheduled post featured this week comes first; the store is asked for this conversation and team since Monday 00:00 London time', async () => {
    const asked: unknown[] = [];
    const store = await storeWith({
      featuredEntry: async (where, since) => {
        asked.push({ where, since });
        return 'jersey-direct-work';
      },
    });
    const app = await start({ store }, { DEFAULT_FRAMEWORK: 'jersey' });
    const response = await post(app, invoke('compose-extension-initial-run'));
    expect(previews(response)[0]).toMatchObject({
      title: kb.entry('jersey-direct-work')?.title,
      subtitle: 'This week · Jersey · Ingredient 9',
    });
    // In a place set to another framework, that week's item is not offered.
    await app.close();
    const elsewhere = await start({ store });
    expect(previews(await post(elsewhere, invoke('compose-extension-initial-run'))).map(tapped)).not.toContain(
      'jersey-direct-work',
    );
    expect(asked[0]).toEqual({ where: { conversationId: CHANNEL, teamId: TEAM }, since: ITS_MONDAY });
  });

  test('in summer, "since Monday" is Monday 00:00 British Summer Time', async () => {
    const asked: Date[] = [];
    const store = await storeWith({
      featuredEntry: async (_where, since) => {
        asked.push(since);
        return undefined;
      },
    });
    const app = await start({ store, clock: clockOf(() => new Date('2026-07-01T10:00:00Z')) });
    await post(app, invoke('compose-extension-initial-run'));
    expect(asked).toEqual([new Date('2026-06-28T23:00:00Z')]);
  });

  test('a thread in a channel is looked up by its channel, without the ";messageid=…"', async () => {
    const asked: string[] = [];
    const store = await storeWith({
      featuredEntry: async (where) => {
        asked.push(where.conversationId);
        return undefined;
      },
    });
    const app = await start({ store });
    const fixture = invoke('compose-extension-initial-run');
    await post(app, {
      ...fixture,
      conversation: { ...(fixture['conversation'] as object), id: `${CHANNEL};messageid=1763634041176` },
    });
    expect(asked).toEqual([CHANNEL]);
  });

  test("the most-asked entries follow, most first, this framework's before others", async () => {
    const app = await start({}, { DEFAULT_FRAMEWORK: 'lbbd' });
    const asks: Array<[string, number]> = [
      ['jersey-direct-work', 9],
      ['lbbd-respect', 5],
      ['lbbd-be-human', 3],
      ['lbbd-made-up-and-removed', 8],
    ];
    for (const [entryId, times] of asks)
      for (let i = 0; i < times; i++) await app.store.recordAsk(entryId, '2026-11-24');
    const shown = previews(await post(app, invoke('compose-extension-initial-run')));
    const mostAsked = shown.filter((p) => p.subtitle.startsWith('Most asked'));
    expect(mostAsked.map(tapped)).toEqual(['lbbd-respect', 'lbbd-be-human']); // never another framework's
    expect(shown[0]?.subtitle.startsWith('This week')).toBe(true);
    expect(shown.length).toBeLessThanOrEqual(MAX_RESULTS);
  });

  test('an empty search box (the person deleted what they typed) shows the same list', async () => {
    const app = await start();
    const initial = await post(app, invoke('compose-extension-initial-run'));
    expectWellFormedResults(initial);
    expect(previews(await post(app, search('   ')))).toEqual(previews(initial));
  });

  test(`a store that hangs does not hold up the answer: after ${STORE_BUDGET_MS} ms the list is built without it, well inside Teams' 5 s`, async () => {
    const never = () => new Promise<never>(() => undefined);
    const store = await storeWith({ featuredEntry: never, mostAsked: never, frameworkFor: never });
    const app = await start({ store });
    // The store never answers, so the list comes back only because each look-up was given up on, by name.
    const response = await post(app, invoke('compose-extension-initial-run'));
    expect(previews(response)[0]?.subtitle.startsWith('This week')).toBe(true);
    const slow = app.logs
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter((l) => l['event'] === 'extension-store-slow');
    expect(slow.map((l) => l['what']).sort()).toEqual(['featured-entry', 'framework', 'most-asked']);
    expect(slow.every((l) => l['budgetMs'] === STORE_BUDGET_MS)).toBe(true);
  });

  test('a store that fails still gets an answer, and the failure is logged by name', async () => {
    const broken = async () => {
      throw new Error('database is locked');
    };
    const store = await storeWith({ featuredEntry: broken, mostAsked: broken, frameworkFor: broken });
    const app = await start({ store });
    expectWellFormedResults(await post(app, invoke('compose-extension-initial-run')));
    const failures = app.logs
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter((l) => l['event'] === 'extension-store-failed');
    expect(failures.map((l) => l['what']).sort()).toEqual(['featured-entry', 'framework', 'most-asked']);
  });
});

describe('composeExtension/selectItem: picking a result', () => {
  test("inserts the entry's card: clean at 1.5, with its text, a group prompt in a channel, its source, and no bot-only buttons", async () => {
    const app = await start();
    const response = await post(app, invoke('compose-extension-select-item'));
    const [card, ...others] = attachmentsOf(response);
    expect(others).toHaveLength(0);
    expect(card?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(validateCard(card?.content ?? {})).toEqual([]);
    const texts = textsOf(card?.content ?? {});
    const entry = kb.entry('lbbd-professional-curiosity');
    expect(texts).toEqual(
      expect.arrayContaining(['Principle 7 · Be professionally curious', entry?.summary, entry?.groupPrompts[0]]),
    );
    expect(texts.some((t) => t.startsWith('Source: '))).toBe(true);
    expect(JSON.stringify(card?.content)).not.toMatch(/Action\.(Execute|Submit)/);
  });

  test('in a personal chat the inserted card has the prompt for one person', async () => {
    const app = await start();
    const texts = textsOf(
      attachmentsOf(await post(app, invoke('compose-extension-select-item', personal)))[0]?.content ?? {},
    );
    expect(texts).toContain(kb.entry('lbbd-professional-curiosity')?.prompts[0]);
  });

  test('what the query listed is what selectItem inserts', async () => {
    const app = await start();
    const listed = attachmentsOf(await post(app, invoke('compose-extension-query')))[0];
    expect(listed?.preview.content.tap.value).toEqual({ entryId: 'lbbd-professional-curiosity' });
    const picked = attachmentsOf(
      await post(app, invoke('compose-extension-select-item', { value: listed?.preview.content.tap.value })),
    )[0];
    expect(picked?.content).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    expect(picked?.content).toEqual(listed?.content);
  });

  test('a picked entry counts towards "most asked"; typing alone does not', async () => {
    const app = await start();
    await post(app, invoke('compose-extension-query'));
    expect(await app.store.mostAsked(5)).toEqual([]);
    await post(app, invoke('compose-extension-select-item'));
    expect(await app.store.mostAsked(5)).toEqual([{ entryId: 'lbbd-professional-curiosity', count: 1 }]);
  });

  test.each([
    ['an entry that no longer exists', { entryId: 'lbbd-made-up' }, /couldn't find that entry/],
    ['tampered data', { entryId: '../../etc/passwd' }, /couldn't read/],
    ['no value at all', undefined, /couldn't read/],
  ])('%s → a clear message, never an error status', async (_label, value, expected) => {
    const app = await start();
    expect(messageOf(await post(app, invoke('compose-extension-select-item', { value })))).toMatch(expected);
    expect(await app.store.mostAsked(5)).toEqual([]);
  });
});

describe('composeExtension/query: bad input gets a clear message or an empty list, never a 500', () => {
  test.each([
    ['no parameters', { commandId: 'searchFramework' }],
    ['an empty parameter list', { commandId: 'searchFramework', parameters: [] }],
    ['parameters that are not a list', { commandId: 'searchFramework', parameters: 'principle 7' }],
    ['no command id', { parameters: [{ name: 'query', value: 'principle 7' }] }],
    ['no value at all', undefined],
  ])('%s → "couldn\'t read that search"', async (_label, value) => {
    const app = await start();
    expect(messageOf(await post(app, invoke('compose-extension-query', { value })))).toMatch(
      /couldn't read that search/,
    );
  });

  test('an unknown command id → a message saying so', async () => {
    const app = await start();
    const response = await post(
      app,
      invoke('compose-extension-query', {
        value: { commandId: 'deleteEverything', parameters: [{ name: 'query', value: 'principle 7' }] },
      }),
    );
    expect(messageOf(response)).toMatch(/doesn't have that search/);
  });

  test('a query that is not text is treated as an empty search box', async () => {
    const app = await start();
    expectWellFormedResults(await post(app, search({ nested: 'object' })));
    expectWellFormedResults(await post(app, search(7)));
  });

  test('paging options that make no sense are ignored', async () => {
    const app = await start();
    expectWellFormedResults(await post(app, search('principle 7', { queryOptions: { skip: -4, count: 'lots' } })));
  });

  // How quickly is bench:extension's to measure, not a test's.
  test('a 10,000-character query is cut to the first 1,000 and answered', async () => {
    const app = await start();
    const response = await post(app, search(`principle 7 ${'and some more words '.repeat(526)}`.slice(0, 10_000)));
    expectWellFormedResults(response);
    expect(previews(response)[0]?.title).toBe('Be professionally curious');
    const logged = app.logs
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => l['event'] === 'extension-query');
    expect(logged).toMatchObject({ mode: 'search', truncated: true });
  });
});

describe('privacy', () => {
  const SECRET = 'Zephyrine Quilliam-Oduya';

  test('what is typed in the search box never reaches the logs or the store; ids, counts and timings do', async () => {
    const store = recordingStore(await openStore('sqlite::memory:'));
    const app = await start({ store });
    await post(app, search(`curiosity for ${SECRET} born 12/03/2015`));
    await post(app, search(`${SECRET} `.repeat(800)));
    await post(
      app,
      invoke('compose-extension-query', {
        value: { commandId: SECRET, parameters: [{ name: 'query', value: SECRET }] },
      }),
    );
    await post(app, invoke('compose-extension-select-item', { value: { entryId: SECRET } }));
    const logs = app.logs.join('\n');
    for (const fragment of [SECRET, 'Zephyrine', '12/03/2015', 'curiosity for']) {
      expect(logs).not.toContain(fragment);
      expect(store.written.join('\n')).not.toContain(fragment);
    }
    const queries = app.logs
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter((l) => l['event'] === 'extension-query');
    expect(queries).toHaveLength(3);
    for (const line of queries)
      expect(Object.keys(line)).toEqual(expect.arrayContaining(['activityId', 'conversationId', 'mode', 'ms']));
    expect(queries[0]).toMatchObject({ mode: 'search', results: expect.any(Number), entryId: expect.any(String) });
  });
});
