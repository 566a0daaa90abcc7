// The Framework tab hosted the way Teams hosts it: framed by https://teams.microsoft.com, served from
// its own https address, talking to the host through teams-js over postMessage. Both addresses are
// served inside the test browser (see ./browser.ts and ./fake-teams-host.ts); nothing leaves this machine.
import type { Browser, Frame, Page } from 'playwright-core';
import { startApp } from '../../testkit/app-harness';
import type { RunningApp } from '../../testkit/app-harness';
import {
  axeViolations,
  computed,
  describeViolations,
  launch,
  loopbackContext,
  ready,
  seriousOrCritical,
} from '../../testkit/browser';
import { fakeTeamsHostPage, TEAMS_HOST_URL } from './fake-teams-host';
import { SIGNED_IN_ENV } from '../helpers/tenant-keys';

jest.setTimeout(30_000);

const TAB_ORIGIN = 'https://practice-companion.example.org';
const ELSEWHERE_URL = 'https://elsewhere.example.com/frames-the-tab';

let app: RunningApp;
let browser: Browser;
beforeAll(async () => {
  // One after the other: when Chromium cannot start, the server is already known, and afterAll closes it.
  // Served from its own https address, as a deployment is: with an app id (a copy without one answers
  // only http://localhost and its own pages: tests/security/local-only.test.ts).
  app = await startApp(SIGNED_IN_ENV, { http: true });
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** The host page with the tab framed in it, as Teams would load it: contentUrl with {theme} filled in. */
async function hostedTab(
  teamsTheme: string,
  contentUrlTheme: string,
  place: { teamId?: string } = {},
): Promise<{ host: Page; tab: Frame }> {
  const teams = fakeTeamsHostPage(`${TAB_ORIGIN}/tab?theme=${contentUrlTheme}`, teamsTheme, { place });
  const { context } = await loopbackContext(browser, {
    proxy: { origin: TAB_ORIGIN, to: app.url },
    fake: (url) => (url === TEAMS_HOST_URL ? teams : undefined),
  });
  const host = await context.newPage();
  await host.goto(TEAMS_HOST_URL);
  const tab = await (await host.waitForSelector('iframe#tab')).contentFrame();
  if (!tab) throw new Error('the tab frame did not load');
  await ready(tab);
  return { host, tab };
}

const background = (tab: Frame) => computed(tab, 'body', 'background-color');

describe('hosted in Teams', () => {
  let host: Page;
  let tab: Frame;
  beforeAll(async () => {
    // Teams says "dark" through getContext; the contentUrl was filled in when the theme was still "default".
    ({ host, tab } = await hostedTab('dark', 'default'));
  });
  afterAll(() => host.context().close());

  test('it connects through teams-js: initialize, getContext, and a theme-change handler', async () => {
    expect(await tab.evaluate<string | undefined>('document.documentElement.dataset.host')).toBe('teams');
    expect(await host.evaluate<string[]>('window.received')).toEqual(
      expect.arrayContaining(['initialize', 'getContext', 'registerHandler']),
    );
  });

  test('it takes its theme from app.getContext(), and hides its own colours picker since Teams sets the theme', async () => {
    expect(await tab.evaluate<string | undefined>('document.documentElement.dataset.theme')).toBe('dark');
    expect(await background(tab)).toBe('rgb(31, 31, 31)');
    expect(await tab.locator('#theme-picker').isHidden()).toBe(true);
  });

  test('when the person switches Teams to high contrast, and back, the colours follow', async () => {
    await host.evaluate("changeTheme('contrast')");
    await tab.locator('html[data-theme="contrast"]').waitFor({ state: 'attached' });
    expect(await background(tab)).toBe('rgb(0, 0, 0)');
    expect(await computed(tab, '.entry-link', 'color')).toBe('rgb(255, 255, 1)');
    expect(describeViolations(seriousOrCritical(await axeViolations(tab)))).toEqual([]);

    await host.evaluate("changeTheme('default')");
    await tab.locator('html[data-theme="default"]').waitFor({ state: 'attached' });
    expect(await background(tab)).toBe('rgb(245, 245, 245)');
  });

  test('search and entries work inside Teams too', async () => {
    await tab.locator('#search').fill('be human');
    await tab.locator('#status').filter({ hasText: 'Best match: Principle 10 · Be human.' }).waitFor();
    await tab.locator('#search').press('Enter');
    await tab.locator('dialog#entry[open]').waitFor();
    expect(await tab.locator('#entry-heading').textContent()).toBe('Principle 10 · Be human');
  });
});

describe('in a team set to Jersey', () => {
  const TEAM = '19:d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6@thread.tacv2';
  test("the tab keeps to the team's framework, as the bot does there: no other framework to browse or find", async () => {
    await app.store.setFramework({ scopeId: `team:${TEAM}`, frameworkId: 'jersey', changedBy: 'test', at: new Date() });
    const { host, tab } = await hostedTab('default', 'default', { teamId: TEAM });
    try {
      await tab.locator('#framework').locator('xpath=..').waitFor({ state: 'hidden' });
      expect(await tab.locator('#framework').inputValue()).toBe('jersey');
      expect(await tab.locator('#browse').textContent()).not.toMatch(/Barking|CARES/);
      await tab.locator('#search').fill('trauma');
      await tab.locator('#status').filter({ hasText: 'Best match: Ingredient 6 · Trauma-informed' }).waitFor();
      expect(await tab.locator('#results-body').textContent()).not.toMatch(/Trauma Informed Practice|Barking/);
    } finally {
      await host.context().close();
    }
  });

  test("GET /api/tab/place: the team's framework, the default for a place that chose none, and a clear 400 for a made-up id", async () => {
    const get = async (query: string) => {
      const res = await fetch(`${app.url}/api/tab/place?${query}`);
      return {
        status: res.status,
        body: (await res.json()) as Record<string, unknown>,
        cache: res.headers.get('cache-control'),
      };
    };
    expect(await get(`team=${encodeURIComponent(TEAM)}`)).toEqual({
      status: 200,
      body: { framework: 'jersey' },
      cache: 'no-store',
    });
    expect((await get(`chat=${encodeURIComponent('19:never-chose@thread.v2')}`)).body).toEqual({ framework: 'lbbd' });
    expect((await get('team=%3Cscript%3E')).status).toBe(400);
    expect(app.logs.join('')).not.toContain('never-chose');
  });
});

describe('a copy that serves one framework', () => {
  test('the tab offers no framework picker, and shows only that framework', async () => {
    const single = await startApp({ ...SIGNED_IN_ENV, FRAMEWORKS: 'jersey', DEFAULT_FRAMEWORK: '' }, { http: true });
    const { context } = await loopbackContext(browser, { proxy: { origin: TAB_ORIGIN, to: single.url } });
    try {
      const page = await context.newPage();
      await page.goto(`${TAB_ORIGIN}/tab`);
      await ready(page);
      expect(await page.locator('#framework').locator('xpath=..').isHidden()).toBe(true);
      expect(await page.locator('#browse').textContent()).not.toMatch(/Barking|CARES/);
    } finally {
      await context.close();
      await single.close();
    }
  });
});

describe('framed anywhere else', () => {
  test('a site that is not Teams or Microsoft 365 cannot frame the tab (CSP frame-ancestors)', async () => {
    const { context } = await loopbackContext(browser, {
      proxy: { origin: TAB_ORIGIN, to: app.url },
      fake: (url) => (url === ELSEWHERE_URL ? fakeTeamsHostPage(`${TAB_ORIGIN}/tab`, 'default') : undefined),
    });
    try {
      const page = await context.newPage();
      const blocked = page.waitForEvent('console', (m) => /frame-ancestors/.test(m.text()));
      await page.goto(ELSEWHERE_URL);
      await blocked;
      const frame = await (await page.waitForSelector('iframe#tab')).contentFrame();
      expect(await frame?.locator('#search').count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
