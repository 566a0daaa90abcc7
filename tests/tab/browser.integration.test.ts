// The Framework tab in real headless Chromium, as a plain web page (not hosted in Teams).
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { startApp } from '../../testkit/app-harness';
import type { RunningApp } from '../../testkit/app-harness';
import { loadOrThrow } from '../../testkit/kb';
import {
  axeViolations,
  computed,
  describeViolations,
  launch,
  loopbackContext,
  ready,
  seriousOrCritical,
  watchCspViolations,
} from '../../testkit/browser';

jest.setTimeout(30_000);

let app: RunningApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let refused: string[];
let errors: string[] = [];
let cspViolations: () => Promise<string[]>;

// One browser and one page for the whole file; each test loads the tab afresh.
beforeAll(async () => {
  // One after the other: when Chromium cannot start, the server is already known, and afterAll closes it.
  app = await startApp({}, { http: true });
  browser = await launch();
  ({ context, refused } = await loopbackContext(browser));
  page = await context.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  cspViolations = await watchCspViolations(page);
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const kb = loadOrThrow();
const TEAMS_JS_ORIGIN_LIST = 'https://res.cdn.office.net/teams-js/validDomains/json/validDomains.json';

/** Loads the tab and waits until it has the frameworks and knows it is not in Teams. */
async function openTab(
  path = '/tab',
  options: { colorScheme?: 'light' | 'dark'; viewport?: { width: number; height: number } } = {},
) {
  errors = [];
  refused.length = 0;
  await page.emulateMedia({ colorScheme: options.colorScheme ?? 'light' });
  await page.setViewportSize(options.viewport ?? { width: 1000, height: 900 });
  await page.goto(`${app.url}${path}`);
  await ready(page);
}

const focusedId = (page: Page) => page.evaluate<string>('document.activeElement?.id ?? ""');
const focusedText = (page: Page) => page.evaluate<string>('document.activeElement?.textContent ?? ""');
const resultHeadings = (page: Page) => page.locator('#results-body button[data-entry]').allTextContents();
const entryHeading = (page: Page) => page.locator('#entry-heading').textContent();

async function searchFor(page: Page, question: string): Promise<void> {
  await page.locator('#search').fill(question);
  await page.locator('#results:not([hidden])').waitFor();
  await page.locator('#status').filter({ hasText: /\S/ }).waitFor();
}

describe('search as you type', () => {
  test('typing "what is CARES" shows CARES as the best match, with related entries, and sends one request, not one per key', async () => {
    await openTab();
    const searches: string[] = [];
    const count = (r: Request) => {
      if (r.url().includes('/api/tab/search')) searches.push(r.url());
    };
    page.on('request', count);
    await page.locator('#search').pressSequentially('what is CARES');
    await page.locator('#status').filter({ hasText: 'Best match: CARES: our values.' }).waitFor();
    expect(await page.locator('#results-heading').textContent()).toBe('Best match');
    expect((await resultHeadings(page))[0]).toBe('CARES: our values');
    expect(await page.locator('#results h3').allTextContents()).toContain('Related');
    expect(await page.locator('#browse').isHidden()).toBe(true);
    page.off('request', count);
    expect(searches.length).toBeLessThan('what is CARES'.length);
  });

  test('when it is not sure, it says so kindly and offers places to start', async () => {
    await openTab();
    await searchFor(page, 'weather in spain tomorrow');
    expect(await page.locator('#results-heading').textContent()).toBe("I'm not sure I have an answer to that.");
    expect(await page.locator('#results h3').allTextContents()).toEqual(['Did you mean…', 'Where to go instead']);
    expect(await page.locator('#results h4').allTextContents()).toContain('Looking after yourself');
    expect((await resultHeadings(page)).length).toBeGreaterThan(0);
  });

  test('an urgent worry about a child: the safeguarding signpost first, as an alert, before any entry', async () => {
    await openTab();
    await searchFor(page, 'a child has just disclosed abuse');
    const alert = page.locator('#results-body [role="alert"]').first();
    expect(await alert.locator('h3').textContent()).toBe('If a child may be at risk now');
    expect(await alert.textContent()).toContain(kb.framework('jersey')!.signposts.urgent.text);
    // Nothing comes before it.
    expect(await page.locator('#results-body > *').first().getAttribute('role')).toBe('alert');
  });

  test('"Both frameworks" finds every entry of both: principle 7, domestic abuse, contextual safeguarding', async () => {
    await openTab();
    for (const [question, heading] of [
      ['principle 7', 'Principle 7 · Be professionally curious'],
      ['domestic abuse', 'Safe & Together'],
      ['contextual safeguarding', 'Contextual Safeguarding'],
    ]) {
      await searchFor(page, question!);
      await page
        .locator('#status')
        .filter({ hasText: `Best match: ${heading}.` })
        .waitFor();
    }
  });

  test('clearing the search goes back to browsing', async () => {
    await openTab();
    await searchFor(page, 'principle 7');
    await page.locator('#search').fill('');
    await page.locator('#browse').waitFor();
    expect(await page.locator('#results').isHidden()).toBe(true);
  });
});

describe('an entry, opened', () => {
  test('Enter opens the best match in full: text, reflection prompts and source; Escape closes it and returns to the search box', async () => {
    await openTab();
    await searchFor(page, 'principle 7');
    await page.locator('#search').press('Enter');
    const dialog = page.locator('dialog#entry[open]');
    await dialog.waitFor();
    const entry = kb.entry('lbbd-professional-curiosity');
    expect(await entryHeading(page)).toBe('Principle 7 · Be professionally curious');
    expect(await focusedId(page)).toBe('entry-heading');
    const text = (await dialog.textContent()) ?? '';
    for (const prompt of entry?.prompts ?? []) expect(text).toContain(prompt);
    expect(text).toContain('Questions to reflect on');
    expect(text).toContain(entry?.summary);
    expect(text).toContain(entry?.text.split('\n')[0]?.trim());
    expect(text).toContain('Source: “One Minute Guide – CSC Practice Framework Model” by Russ Bellenie');
    expect(await page.locator('#entry-framework').textContent()).toBe(kb.framework('lbbd')?.name);

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await focusedId(page)).toBe('search');
  });

  test('a related entry opens in its place, and closing returns focus to the button that opened the first', async () => {
    await openTab();
    await page.getByRole('button', { name: 'Value 1 · Compassion' }).click();
    await page.locator('dialog#entry[open]').waitFor();
    const related = page.locator('#entry-content button[data-entry]').first();
    const relatedTitle = await related.textContent();
    await related.click();
    expect(await entryHeading(page)).toBe(relatedTitle);
    await page.getByRole('button', { name: 'Close' }).click();
    await page.locator('dialog#entry[open]').waitFor({ state: 'detached' });
    expect(await focusedText(page)).toBe('Value 1 · Compassion');
  });
});

describe('keyboard', () => {
  test('skip link, search, arrow keys through the results, Enter to open, Tab to a related entry, Escape to close', async () => {
    await openTab();
    await page.keyboard.press('Tab');
    expect(await focusedText(page)).toBe('Skip to search');
    await page.keyboard.press('Enter');
    expect(await focusedId(page)).toBe('search');
    await page.keyboard.type('curious');
    await page.locator('#status').filter({ hasText: 'Best match' }).waitFor();
    await page.keyboard.press('ArrowDown');
    const first = (await resultHeadings(page))[0];
    expect(await focusedText(page)).toBe(first);
    // The focused card shows a clear outline.
    expect(await computed(page, '.entry-card:focus-within', 'outline-style')).toBe('solid');
    expect(await computed(page, '.entry-card:focus-within', 'outline-width')).toBe('3px');
    await page.keyboard.press('ArrowDown');
    expect(await focusedText(page)).toBe((await resultHeadings(page))[1]);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await page.locator('dialog#entry[open]').waitFor();
    expect(await entryHeading(page)).toBe(first);
    // Focus starts on the entry's title; Tab moves on to its related entries, Shift+Tab back to Close.
    await page.keyboard.press('Shift+Tab');
    expect(await focusedText(page)).toBe('Close');
    await page.keyboard.press('Tab');
    const related = await focusedText(page);
    expect(await page.evaluate<boolean>('document.activeElement.matches("#entry-content button[data-entry]")')).toBe(
      true,
    );
    await page.keyboard.press('Enter');
    expect(await entryHeading(page)).toBe(related);
    await page.keyboard.press('Escape');
    await page.locator('dialog#entry[open]').waitFor({ state: 'detached' });
    expect(await focusedText(page)).toBe(first);
  });

  test('the page has one h1, landmarks, and a labelled search', async () => {
    await openTab();
    expect(await page.locator('h1').count()).toBe(1);
    expect(await page.getByRole('banner').count()).toBe(1);
    expect(await page.getByRole('main').count()).toBe(1);
    expect(await page.getByRole('search').count()).toBe(1);
    expect(await page.getByRole('searchbox', { name: 'Search the framework' }).count()).toBe(1);
  });
});

describe('browsing', () => {
  test('both frameworks, grouped into values, principles, approaches and ingredients, every entry a button', async () => {
    await openTab();
    const sections = page.locator('#browse section.framework');
    expect(await sections.locator('h2').allTextContents()).toEqual(kb.frameworks.map((f) => f.name));
    expect(await page.locator('#framework-lbbd').locator('xpath=..').locator('h3').allTextContents()).toEqual([
      'About this framework',
      'Values',
      'Principles',
      'Approaches',
    ]);
    expect(await page.locator('#framework-jersey').locator('xpath=..').locator('h3').allTextContents()).toEqual([
      'Ingredients',
    ]);
    expect(await page.locator('#browse button[data-entry]').count()).toBe(kb.entries.length);
    await page.getByRole('button', { name: 'Ingredient 6 · Trauma-informed' }).click();
    expect(await entryHeading(page)).toBe('Ingredient 6 · Trauma-informed');
  });

  test('choosing one framework shows only that one, and prefers it in search', async () => {
    await openTab();
    await page.locator('#framework').selectOption('jersey');
    expect(await page.locator('#browse section.framework h2').allTextContents()).toEqual([
      kb.framework('jersey')?.name,
    ]);
    await searchFor(page, 'trauma informed');
    expect((await resultHeadings(page))[0]).toBe('Ingredient 6 · Trauma-informed');
    await page.locator('#framework').selectOption('lbbd');
    await page.locator('#status').filter({ hasText: 'Best match: Trauma Informed Practice.' }).waitFor();
  });
});

describe('theme', () => {
  const LIGHT = { background: 'rgb(245, 245, 245)', text: 'rgb(36, 36, 36)' };
  const DARK = { background: 'rgb(31, 31, 31)', text: 'rgb(255, 255, 255)' };
  const CONTRAST = { background: 'rgb(0, 0, 0)', text: 'rgb(255, 255, 255)', link: 'rgb(255, 255, 1)' };
  const colours = async (page: Page) => ({
    background: await computed(page, 'body', 'background-color'),
    text: await computed(page, 'body', 'color'),
  });

  test('follows ?theme= from the Teams contentUrl', async () => {
    await openTab('/tab?theme=dark');
    expect(await colours(page)).toEqual(DARK);
    expect(await page.locator('#theme').inputValue()).toBe('dark');
  });

  test('the colours picker switches theme through the same applyTheme() that the Teams theme handler calls', async () => {
    await openTab('/tab?theme=default');
    expect(await colours(page)).toEqual(LIGHT);
    await page.locator('#theme').selectOption('dark');
    expect(await colours(page)).toEqual(DARK);
    await page.locator('#theme').selectOption('contrast');
    expect(await colours(page)).toEqual({ background: CONTRAST.background, text: CONTRAST.text });
    expect(await computed(page, '.entry-link', 'color')).toBe(CONTRAST.link);
    expect(await computed(page, 'html', 'color-scheme')).toBe('dark');
  });

  test("with no ?theme= (or Teams' placeholder left as it is), it follows the device's dark setting", async () => {
    await openTab('/tab', { colorScheme: 'dark' });
    expect(await colours(page)).toEqual(DARK);
    await openTab('/tab?theme={theme}', { colorScheme: 'dark' });
    expect(await colours(page)).toEqual(DARK);
    await openTab('/tab?theme={theme}', { colorScheme: 'light' });
    expect(await colours(page)).toEqual(LIGHT);
  });
});

describe('tab/theme.mjs, in the page', () => {
  /** Runs `body` in the page with the module imported as `m`. */
  const withTheme = <T>(body: string) => page.evaluate<T>(`import('/tab/theme.mjs').then(async (m) => { ${body} })`);

  test('the first theme: ?theme= wins, then high contrast, then dark, then the default; unknown names are ignored', async () => {
    await openTab();
    const themes = await withTheme<string[]>(`
      const none = () => false;
      return [
        m.initialTheme('?theme=contrast', () => true),
        m.initialTheme('?theme=light', none),
        m.initialTheme('?theme={theme}', (q) => q.includes('prefers-contrast')),
        m.initialTheme('', (q) => q.includes('forced-colors')),
        m.initialTheme('', (q) => q.includes('prefers-color-scheme: dark')),
        m.initialTheme('?theme=purple', none),
      ];`);
    expect(themes).toEqual(['contrast', 'default', 'contrast', 'contrast', 'dark', 'default']);
  });

  test('followTeamsTheme() gives up after the wait it is given on a host that never answers, and at once on one that refuses', async () => {
    await openTab();
    // The timers it sets, by what they wait: for the refusing host, timers that never fire, so only the refusal can end it.
    const outcome = await withTheme<{
      silent: boolean;
      silentWaits: number[];
      refused: boolean;
      refusedWaits: number[];
    }>(`
      const realSetTimeout = window.setTimeout;
      const waits = [];
      try {
        window.setTimeout = (fn, ms, ...rest) => { waits.push(ms); return realSetTimeout(fn, ms, ...rest); };
        const silent = await m.followTeamsTheme({ app: { initialize: () => new Promise(() => {}) } }, 100);
        const silentWaits = waits.splice(0);
        window.setTimeout = (fn, ms) => { waits.push(ms); return 0; };
        const refused = await m.followTeamsTheme({ app: { initialize: () => Promise.reject(new Error('No Parent window found')) } }, 100);
        return { silent, silentWaits, refused, refusedWaits: waits };
      } finally {
        window.setTimeout = realSetTimeout;
      }`);
    expect(outcome).toEqual({ silent: false, silentWaits: [100], refused: false, refusedWaits: [100] });
    expect(errors).toEqual([]);
  });

  test('followTeamsTheme() applies the theme from getContext() and registers applyTheme() for changes', async () => {
    await openTab('/tab?theme=default');
    const outcome = await withTheme<{ connected: boolean; theme: string; after: string }>(`
      let handler;
      const teams = { app: {
        initialize: async () => undefined,
        getContext: async () => ({ app: { theme: 'dark' } }),
        registerOnThemeChangeHandler: (h) => { handler = h; },
        notifySuccess: async () => undefined,
      } };
      const connected = await m.followTeamsTheme(teams, 100);
      const theme = document.documentElement.dataset.theme;
      handler('contrast');
      return { connected, theme, after: document.documentElement.dataset.theme };`);
    expect(outcome).toEqual({ connected: true, theme: 'dark', after: 'contrast' });
  });
});

describe('outside Teams', () => {
  test('it falls back at once, with no errors, no CSP violations, and nothing fetched from the internet but teams-js’ own list of hosts', async () => {
    const said: string[] = [];
    const listen = (message: { text(): string }) => said.push(message.text());
    page.on('console', listen);
    try {
      await openTab('/tab?theme=default');
    } finally {
      page.off('console', listen);
    }
    expect(await page.evaluate<string | undefined>('document.documentElement.dataset.host')).toBe('browser');
    // At once: teams-js said there is no host, rather than the page waiting out TEAMS_WAIT_MS (2 s) for one.
    expect(said.filter((line) => line.startsWith('Not hosted in Teams'))).toEqual([
      expect.stringContaining('No Parent window found'),
    ]);
    expect(await page.locator('#theme-picker').isVisible()).toBe(true);
    await searchFor(page, 'principle 7');
    await page.locator('#search').press('Enter');
    await page.locator('dialog#entry[open]').waitFor();
    expect(errors).toEqual([]);
    expect(await cspViolations()).toEqual([]);
    expect(refused.filter((url) => url !== TEAMS_JS_ORIGIN_LIST)).toEqual([]);
  });

  test('if the frameworks cannot be loaded, it says so kindly and offers to try again', async () => {
    let failures = 1;
    await page.route('**/api/tab/frameworks', (route) =>
      failures-- > 0 ? route.fulfill({ status: 503, body: '' }) : route.fallback(),
    );
    await page.goto(`${app.url}/tab`);
    await page.getByRole('alert').filter({ hasText: "Sorry, the framework couldn't be loaded." }).waitFor();
    await page.getByRole('button', { name: 'Try again' }).click();
    await ready(page);
    expect(await page.locator('#browse button[data-entry]').count()).toBe(kb.entries.length);
    await page.unrouteAll();
  });
});

describe('on a phone', () => {
  test('it fits a 390 px screen with no sideways scrolling, and an entry fills the screen', async () => {
    await openTab('/tab', { viewport: { width: 390, height: 844 } });
    expect(await page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    await page.getByRole('button', { name: 'Principle 10 · Be human' }).click();
    const box = await page.locator('dialog#entry[open]').boundingBox();
    expect(box).toMatchObject({ x: 0, y: 0, width: 390, height: 844 });
    expect(await page.getByRole('button', { name: 'Close' }).isVisible()).toBe(true);
  });
});

describe('accessibility (axe-core)', () => {
  test.each(['default', 'dark', 'contrast'])(
    'no serious or critical violations in the %s theme: browsing, search results and an open entry',
    async (theme) => {
      await openTab(`/tab?theme=${theme}`);
      const found = [...(await axeViolations(page))];
      await searchFor(page, 'safegaurding');
      found.push(...(await axeViolations(page)));
      await page.locator('#search').press('Enter');
      await page.locator('dialog#entry[open]').waitFor();
      found.push(...(await axeViolations(page)));
      // A safety route's block, before any entry.
      await page.keyboard.press('Escape');
      await page.locator('#search').fill('a child has just disclosed abuse');
      await page.locator('#results-body [role="alert"]').waitFor();
      found.push(...(await axeViolations(page)));
      expect(describeViolations(seriousOrCritical(found))).toEqual([]);
    },
  );
});
