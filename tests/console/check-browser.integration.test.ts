// Check and publish in real headless Chromium, in local mode: one check question whose answer gets worse
// stops Publish until a reason is written; and a question staff sent becomes wording of an entry, previewed,
// checked and published.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startApp } from '../../testkit/app-harness';
import type { RunningApp } from '../../testkit/app-harness';
import { CONSOLE_CALL_HEADER } from '../../bot/web/console/routes';
import { axeViolations, describeViolations, launch, loopbackContext, seriousOrCritical } from '../../testkit/browser';

jest.setTimeout(120_000);

const shots = process.env['UPDATE_SCREENSHOTS'] === '1';
const DOCS = join(__dirname, '..', '..', 'docs');

let app: RunningApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp({ DEFAULT_FRAMEWORK: 'lbbd' }, { http: true }), launch()]);
  ({ context } = await loopbackContext(browser));
  page = await context.newPage();
  errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await app?.close();
});

type Json = Record<string, unknown>;
async function call(method: string, path: string, body?: unknown): Promise<{ status: number; json: Json }> {
  const res = await fetch(`${app.url}/api/console/frameworks/${path}`, {
    method,
    headers: { [CONSOLE_CALL_HEADER]: 'console', ...(body !== undefined && { 'content-type': 'application/json' }) },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  return { status: res.status, json: (await res.json()) as Json };
}

async function openEditor(query = 'framework=lbbd'): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 1000 });
  await page.goto(`${app.url}/console/editor?${query}`);
  await page.locator('html[data-ready="true"]').waitFor({ state: 'attached', timeout: 20_000 });
}

test('one check question that would lose its answer stops Publish, in plain words, until a reason is written', async () => {
  // Published first: staff's own words for Compassion, and a check question that asks them.
  const f = (await call('GET', 'lbbd')).json as { entries: Json[]; etags: { entries: Record<string, string> } };
  const entry = f.entries.find((e) => e['id'] === 'lbbd-compassion')!;
  const own = {
    ...entry,
    aliases: [...(entry['aliases'] as string[]), 'warmth when nobody is watching'],
    checks: [...(entry['checks'] as string[]), 'warmth when nobody is watching'],
  };
  expect(
    (await call('PUT', 'lbbd/draft/entries/lbbd-compassion', { entry: own, etag: f.etags.entries['lbbd-compassion'] }))
      .status,
  ).toBe(200);
  expect((await call('POST', 'lbbd/publish', { note: 'Staff words for compassion' })).status).toBe(200);

  // The lead takes the alias out in the form and presses Save and check: what is in the form is checked.
  await openEditor();
  await page.getByRole('button', { name: 'Value 1 · Compassion' }).click();
  const aliases = page.getByLabel('Aliases', { exact: true });
  await aliases.fill(
    (await aliases.inputValue())
      .split('\n')
      .filter((l) => l !== 'warmth when nobody is watching')
      .join('\n'),
  );
  expect(await page.locator('#check-what').textContent()).toMatch(/saves what is in the form to the draft first/);
  await page.getByRole('button', { name: 'Save and check' }).click();
  await page.locator('html[data-checked="true"]').waitFor({ state: 'attached', timeout: 30_000 });
  expect(await page.locator('#check-summary').textContent()).toBe(
    '1 question staff might ask would now get a different answer, or none.',
  );
  expect(await page.locator('#check-worse tbody tr').allTextContents()).toEqual([
    'warmth when nobody is watchingValue 1 · CompassionValue 1 · CompassionNo answer ("not sure")',
  ]);
  const panel = (await page.locator('#check-panel').textContent()) ?? '';
  expect(panel).not.toMatch(/gate|holdout|npm test|\.jsonl|lbbd-|top-1/i);

  await page.getByLabel('Change note (what changed, and why)').fill('Tidy the aliases');
  await page.getByRole('button', { name: 'Publish' }).click();
  await page.locator('#publish-status').filter({ hasText: 'Not published' }).waitFor({ timeout: 30_000 });
  expect(await page.locator('#publish-status').textContent()).toMatch(
    /^Not published: 1 question staff might ask would now get a different answer, or none\./,
  );
  expect(await page.locator('#reason-field').isVisible()).toBe(true);
  await noSeriousAxeIssuesInAnyTheme();
  if (shots) {
    await page.locator('#check-panel').scrollIntoViewIfNeeded();
    writeFileSync(join(DOCS, 'framework-check.png'), await page.locator('#check-panel').screenshot());
  }

  await page.getByLabel('Why should staff get these answers? (kept with the version)').fill('Nobody says it any more.');
  await page.getByRole('button', { name: 'Publish' }).click();
  await page.locator('html[data-published="2"]').waitFor({ state: 'attached', timeout: 30_000 });
  expect(await page.locator('#publish-status').textContent()).toMatch(/^Published version 2\./);
  expect(errors).toEqual([]);
});

test('a question staff sent: "Add this wording to the entry", the preview shows the bot answering it, and it publishes', async () => {
  const WORDING = 'staying gentle on a bad day';
  await app.app.deps.store.addSuggestion({ id: 'w1', text: WORDING, frameworkId: 'lbbd', day: '2026-12-01' });
  await page.setViewportSize({ width: 1280, height: 1000 });
  await page.goto(`${app.url}/console`);
  await page.locator('html[data-ready="true"]').waitFor({ state: 'attached', timeout: 20_000 });
  const item = page.locator('.suggestion', { hasText: WORDING });
  await item.getByLabel('Answered by').selectOption({ label: 'Value 1 · Compassion' });
  await item.getByRole('button', { name: 'Add this wording to the entry' }).click();
  const link = page.getByRole('link', { name: 'Preview Value 1 · Compassion in the editor' });
  await link.waitFor();
  // The keyboard focus moves to what comes next: the preview.
  expect(await page.evaluate<string>('document.activeElement.textContent')).toBe(
    'Preview Value 1 · Compassion in the editor',
  );
  expect(await page.locator('.suggestion', { hasText: WORDING }).textContent()).toMatch(
    /Added to the draft of Value 1 · Compassion as an alias and a check question\. Its text will be deleted at \d\d:\d\d/,
  );
  await noSeriousAxeIssuesInAnyTheme();

  await link.click();
  await page.locator('html[data-preview="shown"]').waitFor({ state: 'attached', timeout: 20_000 });
  expect(await page.locator('#entry-heading').textContent()).toBe('Compassion');
  expect(await page.locator('#preview-checks li', { hasText: WORDING }).textContent()).toBe(
    `${WORDING} → Value 1 · Compassion`,
  );
  expect(await page.getByLabel('Check questions', { exact: true }).inputValue()).toContain(WORDING);
  if (shots) writeFileSync(join(DOCS, 'framework-add-wording.png'), await page.locator('#preview-checks').screenshot());

  await page.getByRole('button', { name: 'Save and check' }).click();
  await page.locator('html[data-checked="true"]').waitFor({ state: 'attached', timeout: 30_000 });
  expect(await page.locator('#check-summary').textContent()).toBe(
    'No question staff might ask would get a worse answer, and 1 question would now get the right one.',
  );
  await page.getByLabel('Change note (what changed, and why)').fill('Wording staff use for compassion');
  await page.getByRole('button', { name: 'Publish' }).click();
  await page.locator('html[data-published]').waitFor({ state: 'attached', timeout: 30_000 });
  expect(await page.locator('#publish-status').textContent()).toMatch(/^Published version \d+\./);
  const answer = app.app.deps.search.answer(WORDING, { defaultFramework: 'lbbd' });
  expect(answer.found && answer.entry.id).toBe('lbbd-compassion');
  expect(errors).toEqual([]);
});

/** axe finds nothing serious or critical in the default, dark and high-contrast themes, and at 390 px nothing scrolls sideways. */
async function noSeriousAxeIssuesInAnyTheme(): Promise<void> {
  for (const theme of ['default', 'dark', 'contrast']) {
    await page.evaluate(`import('/tab/theme.mjs').then((m) => m.applyTheme('${theme}'))`);
    expect([theme, ...describeViolations(seriousOrCritical(await axeViolations(page)))]).toEqual([theme]);
  }
  await page.evaluate(`import('/tab/theme.mjs').then((m) => m.applyTheme('default'))`);
  const size = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 900 });
  expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
  if (size) await page.setViewportSize(size);
}
