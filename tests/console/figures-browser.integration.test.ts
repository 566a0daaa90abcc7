// The console opened as a plain web page in local mode, in real headless Chromium: no request leaves this
// machine, the view (period, framework, team) is in the address and changes only on "Show", and Dismiss and
// Mark answered can be undone with the keyboard focus kept in place (issue 23 §2 and §6).
import type { Browser, Page } from 'playwright-core';
import { startApp } from '../../testkit/app-harness';
import type { RunningApp } from '../../testkit/app-harness';
import {
  axeViolations,
  describeViolations,
  launch,
  loopbackContext,
  seriousOrCritical,
  watchCspViolations,
} from '../../testkit/browser';
import { seedFigures } from './seed-figures';

jest.setTimeout(90_000);

let app: RunningApp;
let browser: Browser;
beforeAll(async () => {
  [app, browser] = await Promise.all([startApp({ DEFAULT_FRAMEWORK: 'lbbd' }, { http: true }), launch()]);
  await seedFigures(app.store, new Date());
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** The console at `path`, in a context that may reach only this machine; `refused` lists what it tried to reach elsewhere. */
async function open(path = '/console'): Promise<{ page: Page; refused: string[]; views: string[] }> {
  const { context, refused } = await loopbackContext(browser, { viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const views: string[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.pathname === '/api/console/view') views.push(url.search);
  });
  await page.goto(`${app.url}${path}`);
  await page.locator('html[data-ready="true"][data-charts="drawn"]').waitFor({ state: 'attached', timeout: 20_000 });
  expect(errors).toEqual([]);
  return { page, refused, views };
}

const noSeriousAxeFinding = async (page: Page) =>
  expect(describeViolations(seriousOrCritical(await axeViolations(page)))).toEqual([]);

test('opened outside Teams, the page asks no other site for anything, and loads no Teams library', async () => {
  const { context, refused } = await loopbackContext(browser);
  const page = await context.newPage();
  const csp = await watchCspViolations(page);
  const loaded: string[] = [];
  page.on('response', (r) => {
    const { pathname } = new URL(r.url());
    if (/\.(m?js)$/.test(pathname)) loaded.push(`${pathname} ${r.status()}`);
  });
  await page.goto(`${app.url}/console`);
  await page.locator('html[data-charts="drawn"]').waitFor({ state: 'attached', timeout: 20_000 });
  await page.waitForTimeout(500);
  expect(refused).toEqual([]);
  // The page, put together from its own parts and the head and body it shares with the editor, and every
  // module it imports, each served; not teams-js, which would ask res.cdn.office.net for Teams' hosts.
  expect(await page.title()).toBe('Practice lead · Practice Companion');
  expect(await page.locator('noscript').count()).toBe(1);
  expect(loaded.sort()).toEqual(
    [
      '/console/common.mjs',
      '/console/console-suggestions.mjs',
      '/console/console-tables.mjs',
      '/console/console-view.mjs',
      '/console/console.mjs',
      '/tab/theme.mjs',
    ].map((path) => `${path} 200`),
  );
  expect(await page.evaluate<boolean>("'microsoftTeams' in window")).toBe(false);
  expect(await page.locator('#local-banner').textContent()).toMatch(/Local mode/);
  expect(await page.locator('#theme-picker').isVisible()).toBe(true);
  await page.locator('#theme').selectOption('dark');
  expect(await page.evaluate<string | undefined>('document.documentElement.dataset.theme')).toBe('dark');
  expect(await csp()).toEqual([]);
  await context.close();
});

test('the view is in the address: opened with it, changed by Show, and Back goes back to it', async () => {
  const { page, views } = await open('/console?days=30&framework=jersey');
  expect(await page.locator('#period').inputValue()).toBe('days=30');
  expect(await page.locator('#framework').inputValue()).toBe('jersey');
  expect(views).toEqual(['?days=30&framework=jersey']);
  expect(await page.locator('#status').textContent()).toMatch(
    /^Showing \d{1,2} \w{3,4} \d{4} to \d{1,2} \w{3,4} \d{4}: Jersey/,
  );
  expect(await page.locator('#questions-table tbody tr').count()).toBe(30);
  // Only Jersey's entries; the declined topics say they are counted for every framework.
  const never = await page.locator('#never-asked-table tbody').textContent();
  expect(never).toMatch(/Ingredient/);
  expect(never).not.toMatch(/Value|Principle/);
  expect(await page.locator('#panel-declined .panel-note').textContent()).toMatch(/Counted for all frameworks/);

  // All frameworks, one team: only its scheduled posts and meeting openers, and why.
  await page.locator('#framework').selectOption('');
  const team = (await page.locator('#team option').nth(1).getAttribute('value'))!;
  expect(team).toMatch(/^[0-9A-F]{6}$/);
  await page.locator('#team').selectOption(team);
  await page.locator('#show').click();
  await page.locator('#status', { hasText: `Team ${team}` }).waitFor();
  expect(new URL(page.url()).search).toBe(`?days=30&team=${team}`);
  expect(await page.locator('#summary').isHidden()).toBe(true);
  expect(await page.locator('#team-note').isVisible()).toBe(true);
  expect(await page.locator('#posts-table tbody tr').count()).toBe(1);
  expect(await page.locator('#posts-table tbody th').textContent()).toBe(`Team ${team}`);
  expect(await page.locator('#panel-questions').count()).toBe(0);
  await noSeriousAxeFinding(page);

  await page.goBack();
  await page.locator('#status', { hasText: 'Jersey' }).waitFor();
  expect(await page.locator('#framework').inputValue()).toBe('jersey');
  expect(await page.locator('#team').inputValue()).toBe('');
  expect(views.at(-1)).toBe('?days=30&framework=jersey');
  await page.context().close();
});

test('the period list does not reload on each arrow key: only Show does', async () => {
  const { page, views } = await open();
  expect(views).toEqual(['?weeks=12']);
  await page.locator('#period').focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  expect(await page.locator('#period').inputValue()).toBe('days=14');
  await page.waitForTimeout(500);
  expect(views).toEqual(['?weeks=12']);
  await page.locator('#show').click();
  await page.locator('#questions-table tbody tr:nth-child(14)').waitFor();
  expect(views).toEqual(['?weeks=12', '?days=14']);
  expect(new URL(page.url()).search).toBe('?days=14');
  await page.context().close();
});

describe('Dismiss and Mark answered', () => {
  const article = (id: string) => `.suggestion[data-id="${id}"]`;
  /** The focused element's action and its suggestion, e.g. "undo sugg-1". */
  const focused = (page: Page) =>
    page.evaluate<string>(
      "document.activeElement.dataset.action + ' ' + document.activeElement.closest('.suggestion')?.dataset.id",
    );
  const stored = async (id: string) => (await app.store.suggestions(10)).find((s) => s.id === id);

  test('can be undone from the keyboard; the focus stays in place; the text stays on the server until the window ends', async () => {
    const { page } = await open();
    await page.locator(`${article('sugg-1')} button[data-action="dismissed"]`).focus();
    await page.keyboard.press('Enter');
    await page.locator(`${article('sugg-1')}.marked`).waitFor();
    expect(await focused(page)).toBe('undo sugg-1');
    expect(await page.locator('#status').textContent()).toMatch(
      /^Dismissed\. You can undo this until \d\d:\d\d; then its text is deleted\.$/,
    );
    expect(await page.locator(`${article('sugg-1')} .meta`).textContent()).toMatch(
      /Its text will be deleted at \d\d:\d\d/,
    );
    expect(await stored('sugg-1')).toMatchObject({
      text: expect.stringMatching(/care leavers/),
      resolved: { outcome: 'dismissed' },
    });
    await noSeriousAxeFinding(page);

    await page.keyboard.press('Enter');
    await page.locator(`${article('sugg-1')}:not(.marked)`).waitFor();
    expect(await focused(page)).toBe('dismissed sugg-1');
    expect(await page.locator('#status').textContent()).toBe('Undone: the question is waiting again.');
    expect((await stored('sugg-1'))?.resolved).toBeUndefined();

    // Mark answered: the entry chosen, then undone; the focus returns to Mark answered.
    await page.locator('#entry-sugg-2').selectOption('lbbd-relational-practice');
    await page.locator(`${article('sugg-2')} button[data-action="answered"]`).focus();
    await page.keyboard.press('Enter');
    await page.locator(`${article('sugg-2')}.marked`).waitFor();
    expect(await focused(page)).toBe('undo sugg-2');
    expect((await stored('sugg-2'))?.resolved?.outcome).toBe('answered');
    await page.keyboard.press('Enter');
    await page.locator(`${article('sugg-2')}:not(.marked)`).waitFor();
    expect(await focused(page)).toBe('answered sugg-2');
    expect((await stored('sugg-2'))?.resolved).toBeUndefined();
    // Titles, not ids.
    expect(await page.locator(`${article('sugg-2')} .meta`).textContent()).toMatch(
      /after an answer from The 10 Relational Practice Principles$/,
    );
    await page.context().close();
  });

  test('a question marked a moment ago is still offered for Undo after the page is opened again', async () => {
    const { page } = await open();
    await page.locator(`${article('sugg-1')} button[data-action="dismissed"]`).click();
    await page.locator(`${article('sugg-1')}.marked`).waitFor();
    await page.reload();
    await page.locator('html[data-charts="drawn"]').waitFor({ state: 'attached' });
    await page.locator(`${article('sugg-1')}.marked button[data-action="undo"]`).click();
    await page.locator(`${article('sugg-1')}:not(.marked)`).waitFor();
    expect((await stored('sugg-1'))?.resolved).toBeUndefined();
    await page.context().close();
  });
});
