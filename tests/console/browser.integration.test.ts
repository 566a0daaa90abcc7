// The console in real headless Chromium, framed by a stand-in Teams host that answers getAuthToken
// with a token the test signs; the server checks it against a loopback key server.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { startApp } from '../../testkit/app-harness';
import type { RunningApp } from '../../testkit/app-harness';
import { NOT_LEAD, SIGNED_IN_ENV, startTenantKeys } from '../helpers/tenant-keys';
import type { TenantKeys } from '../helpers/tenant-keys';
import {
  axeViolations,
  describeViolations,
  launch,
  loopbackContext,
  seriousOrCritical,
  watchCspViolations,
} from '../../testkit/browser';
import { fakeTeamsHostPage, TEAMS_HOST_URL } from '../tab/fake-teams-host';
import { seedFigures } from './seed-figures';
import { clippedText, overflowing, smallestChartText } from './layout';

jest.setTimeout(90_000);

const ORIGIN = 'https://practice-companion.example.org';
let keys: TenantKeys;
let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  keys = await startTenantKeys();
  [app, browser] = await Promise.all([
    startApp({ ...SIGNED_IN_ENV, DEFAULT_FRAMEWORK: 'lbbd' }, { http: true, consoleKeysUrl: keys.keysUrl }),
    launch(),
  ]);
  await seedFigures(app.store, new Date());
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await keys?.close();
});

async function hostedConsole(
  token: string | undefined,
  theme = 'default',
  viewport = { width: 1280, height: 900 },
): Promise<{ host: Page; frame: Frame; csp: () => Promise<string[]> }> {
  const teams = fakeTeamsHostPage(
    `${ORIGIN}/console?theme=${theme}`,
    theme,
    token === undefined ? {} : { authToken: token },
  );
  const { context } = await loopbackContext(browser, {
    proxy: { origin: ORIGIN, to: app.url },
    fake: (url) => (url === TEAMS_HOST_URL ? teams : undefined),
  });
  const host = await context.newPage();
  await host.setViewportSize(viewport);
  const errors: string[] = [];
  host.on('pageerror', (e) => errors.push(e.message));
  const csp = await watchCspViolations(host);
  await host.goto(TEAMS_HOST_URL);
  const frame = await (await host.waitForSelector('iframe#tab')).contentFrame();
  if (!frame) throw new Error('the console frame did not load');
  await frame.locator('html[data-ready="true"]').waitFor({ state: 'attached', timeout: 20_000 });
  expect(errors).toEqual([]);
  return { host, frame, csp };
}

/** The frame's whole page as one picture: the host made as tall as the console, for docs/. */
async function screenshot(host: Page, frame: Frame, width: number, file: string): Promise<void> {
  const height = await frame.evaluate<number>('document.documentElement.scrollHeight');
  await host.setViewportSize({ width, height });
  const shot = await host.screenshot();
  expect(shot.length).toBeGreaterThan(10_000);
  // The screenshots are retaken only on request, so a test run leaves the work tree as it was.
  if (process.env['UPDATE_SCREENSHOTS'] === '1') writeFileSync(join(__dirname, '..', '..', 'docs', file), shot);
}

describe('the console, signed in through Teams', () => {
  test('a lead sees the charts with their tables, the new insights, newest period first, and no serious axe finding or repeated landmark name in any theme', async () => {
    const token = await keys.token();
    for (const theme of ['default', 'dark', 'contrast']) {
      const { host, frame, csp } = await hostedConsole(token, theme);
      expect(await host.evaluate<string[]>('window.received')).toContain('authentication.getAuthToken');
      expect(await frame.evaluate<string | undefined>('document.documentElement.dataset.theme')).toBe(theme);
      await frame.locator('html[data-charts="drawn"]').waitFor({ state: 'attached' });
      expect(await frame.locator('svg.chart').count()).toBe(7);
      expect(await frame.locator('#local-banner').isHidden()).toBe(true);
      // Each chart has a table beside it with the same numbers; the newest period comes first.
      expect(await frame.locator('#most-asked-table tbody tr').first().textContent()).toMatch(/Respect.*11/);
      expect(await frame.locator('#questions-table tbody tr').first().textContent()).toMatch(/^Week of .*9.*1.*10%$/);
      expect(await frame.locator('#questions-table tbody tr').nth(1).textContent()).toMatch(/8.*2.*20%$/);
      // The not-sure rate and its trend, the declined topics and the signposts shown.
      expect(await frame.locator('#summary-list').textContent()).toMatch(
        /Not sure rate\s*15%\s*down from 20% in the 12 weeks before/,
      );
      expect(await frame.locator('#declined-table tbody tr').allTextContents()).toEqual([
        'Signs of Safety3',
        'section 47 enquiries1',
      ]);
      expect(await frame.locator('#routes-table tbody').textContent()).toMatch(/A child may be at risk now2/);
      // Votes: most "Not helpful" first, with the split.
      expect(await frame.locator('#votes-table tbody tr').first().textContent()).toMatch(/Accountability2167%$/);
      expect(await frame.locator('.suggestion p').first().textContent()).toBe(
        'How do the principles apply to care leavers?',
      );
      const violations = await axeViolations(frame);
      expect(describeViolations(seriousOrCritical(violations))).toEqual([]);
      expect(violations.filter((v) => v.id === 'landmark-unique')).toEqual([]);
      expect(await csp()).toEqual([]);
      if (theme === 'default') await screenshot(host, frame, 1280, 'console.png');
      await host.context().close();
    }
  });

  test('at 1280 px nothing is cut off: no table scrolls sideways, and every chart label is inside its chart', async () => {
    const { host, frame } = await hostedConsole(await keys.token());
    await frame.locator('html[data-charts="drawn"]').waitFor({ state: 'attached' });
    expect(await frame.evaluate<string[]>(overflowing(1280))).toEqual([]);
    expect(
      await frame.evaluate<string[]>(
        `[...document.querySelectorAll('.table-wrap')].filter((t) => t.scrollWidth > t.clientWidth).map((t) => t.querySelector('table').id)`,
      ),
    ).toEqual([]);
    expect(await frame.evaluate<string[]>(clippedText)).toEqual([]);
    await host.context().close();
  });

  test('at 390 px: no sideways scrolling, chart labels at least 12 px, nothing cut off', async () => {
    const { host, frame } = await hostedConsole(await keys.token(), 'default', { width: 390, height: 844 });
    await frame.locator('html[data-charts="drawn"]').waitFor({ state: 'attached' });
    // Nothing sticks out, except wide tables, which scroll inside their own box.
    expect(await frame.evaluate<string[]>(overflowing(390))).toEqual([]);
    expect(await frame.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    expect(await frame.evaluate<number>(smallestChartText)).toBeGreaterThanOrEqual(12);
    expect(await frame.evaluate<string[]>(clippedText)).toEqual([]);
    await screenshot(host, frame, 390, 'console-phone.png');
    await host.context().close();
  });

  test('CSV download of a table, with ISO dates for periods', async () => {
    const { host, frame } = await hostedConsole(await keys.token());
    await frame.locator('html[data-charts="drawn"]').waitFor({ state: 'attached' });
    const csv = async (id: string) => {
      const [download] = await Promise.all([
        host.waitForEvent('download'),
        frame.locator(`button[data-csv="${id}"]`).click(),
      ]);
      expect(download.suggestedFilename()).toBe(`${id}.csv`);
      const chunks: Buffer[] = [];
      for await (const c of await download.createReadStream()) chunks.push(c as Buffer);
      return Buffer.concat(chunks)
        .toString('utf8')
        .replace(/^\ufeff/, '')
        .split('\r\n');
    };
    expect((await csv('most-asked')).slice(0, 2)).toEqual(['Entry,Questions', expect.stringMatching(/Respect.*,11$/)]);
    const questions = await csv('questions');
    expect(questions[0]).toBe('From,To,Answered,Not sure,Not sure rate (%)');
    expect(questions[1]).toMatch(/^\d{4}-\d{2}-\d{2},\d{4}-\d{2}-\d{2},9,1,10$/);
    expect((await csv('votes'))[1]).toMatch(/Accountability.*,2,1,67$/);
    await host.context().close();
  });

  test('someone who is not a lead is told what to ask for', async () => {
    const { host, frame } = await hostedConsole(await keys.token({ oid: NOT_LEAD }));
    expect(await frame.locator('#problem').textContent()).toMatch(/PRACTICE_LEAD_AAD_IDS/);
    expect(await frame.locator('svg.chart').count()).toBe(0);
    await host.context().close();
  });

  test('without a token from Teams, the page says how to sign in', async () => {
    const { host, frame } = await hostedConsole(undefined);
    expect(await frame.locator('#problem').textContent()).toMatch(/not signed in/);
    await host.context().close();
  });
});
