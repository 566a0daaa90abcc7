// The framework editor in real headless Chromium, in local mode: edit a prompt, preview it, check,
// publish, and see it in the Framework tab.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startApp } from '../../testkit/app-harness';
import type { RunningApp } from '../../testkit/app-harness';
import {
  axeViolations,
  describeViolations,
  launch,
  loopbackContext,
  ready,
  seriousOrCritical,
  watchCspViolations,
} from '../../testkit/browser';

jest.setTimeout(90_000);

const NEW_PROMPT = 'Who else could you bring in to help this week, and what would they add?';
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

test('a lead edits a prompt, previews it as the cards, checks the draft, publishes it, and sees it in the Framework tab', async () => {
  const csp = await watchCspViolations(page);
  const modules: string[] = [];
  page.on('response', (r) => {
    const { pathname } = new URL(r.url());
    if (pathname.endsWith('.mjs')) modules.push(`${pathname} ${r.status()}`);
  });
  await page.setViewportSize({ width: 1200, height: 1000 });
  await page.goto(`${app.url}/console/editor?framework=lbbd`);
  await page.locator('html[data-ready="true"]').waitFor({ state: 'attached', timeout: 20_000 });
  // The page, put together from its own parts and the head and body it shares with the console, and every
  // module it imports, each served.
  expect(await page.title()).toBe('Framework editor · Practice Companion');
  expect(modules.sort()).toEqual(
    [
      '/console/common.mjs',
      '/console/editor-check.mjs',
      '/console/editor-fields.mjs',
      '/console/editor-form.mjs',
      '/console/editor-history.mjs',
      '/console/editor-roles.mjs',
      '/console/editor-state.mjs',
      '/console/editor.mjs',
      '/tab/theme.mjs',
    ].map((path) => `${path} 200`),
  );
  expect(await page.locator('#local-banner').isVisible()).toBe(true);
  expect(await page.locator('#live').textContent()).toBe('Live: the file in git.');

  await page.getByRole('button', { name: 'Principle 1 · Be collaborative' }).first().click();
  expect(await page.locator('#entry-heading').textContent()).toBe('Be collaborative');

  // An empty title is refused, with the error beside the field in kb validate's words.
  const title = page.getByLabel('Title', { exact: true });
  await title.fill('');
  await page.getByRole('button', { name: 'Save to draft' }).click();
  await page.locator('[data-error-for="title"]').filter({ hasText: 'is empty: write a short title' }).waitFor();
  expect(await title.getAttribute('aria-invalid')).toBe('true');
  if (shots) {
    await page.setViewportSize({ width: 1280, height: 1100 });
    await page.evaluate('window.scrollTo(0, 0)');
    writeFileSync(join(DOCS, 'framework-editor.png'), await page.screenshot());
    await page.setViewportSize({ width: 1200, height: 1000 });
  }
  await title.fill('Be collaborative');

  const prompts = page.getByLabel('Prompts', { exact: true });
  const lines = (await prompts.inputValue()).split('\n');
  await prompts.fill([NEW_PROMPT, ...lines.slice(1)].join('\n'));
  await page.getByRole('button', { name: 'Preview' }).click();
  await page.locator('html[data-preview="shown"]').waitFor({ state: 'attached' });
  expect(await page.locator('#save-status').textContent()).toMatch(/Saved to the draft/);
  // The answer card, rendered by the Adaptive Cards renderer from the bot's own card function, shows the new prompt.
  expect(await page.locator('#preview-answer .ac-adaptiveCard').count()).toBe(1);
  expect(await page.locator('#preview-answer').textContent()).toContain(NEW_PROMPT);
  expect(await page.locator('#preview-opener').textContent()).toContain('Welcome. A moment to reflect before we start');
  if (shots) {
    writeFileSync(join(DOCS, 'framework-preview.png'), await page.locator('#preview-panel').screenshot());
  }

  await page.getByRole('button', { name: 'Save and check' }).click();
  await page.locator('html[data-checked="true"]').waitFor({ state: 'attached', timeout: 30_000 });
  // One row a framework: how many of its questions get the answer they should, now and with the draft.
  expect(await page.locator('#check-sets tbody tr').count()).toBe(2);
  expect(await page.locator('#check-summary').textContent()).toMatch(
    /^All \d+ questions staff might ask would get the same answer as now\.$/,
  );

  await page.getByLabel('Change note (what changed, and why)').fill('A plainer first prompt for Be collaborative');
  await page.getByRole('button', { name: 'Publish' }).click();
  await page.locator('html[data-published="1"]').waitFor({ state: 'attached', timeout: 30_000 });
  expect(await page.locator('#publish-status').textContent()).toMatch(/Published version 1/);
  expect(await page.locator('#live').textContent()).toBe('Live: version 1, published in the console.');
  expect(await page.locator('#history .version').first().textContent()).toContain('Be collaborative: Prompts');
  expect(errors).toEqual([]);
  expect(await csp()).toEqual([]);
  expect(describeViolations(seriousOrCritical(await axeViolations(page)))).toEqual([]);

  // The Framework tab shows the published prompt.
  await page.goto(`${app.url}/tab`);
  await ready(page);
  await page.getByRole('button', { name: 'Principle 1 · Be collaborative' }).click();
  await page.locator('dialog#entry[open]').waitFor();
  expect(await page.locator('dialog#entry').textContent()).toContain(NEW_PROMPT);
});

test("retiring an entry: Check shows its questions would hear 'no longer covered', and Publish asks for no reason", async () => {
  await page.setViewportSize({ width: 1200, height: 1000 });
  await page.goto(`${app.url}/console/editor?framework=lbbd`);
  await page.locator('html[data-ready="true"]').waitFor({ state: 'attached', timeout: 20_000 });
  await page.getByRole('button', { name: 'Trauma Informed Practice' }).click();
  await page.getByLabel('Retired: it stops answering, listing and posting, but keeps its id').check();
  // Not saved by hand: Check saves what is in the form first.
  await page.getByRole('button', { name: 'Save and check' }).click();
  await page.locator('html[data-checked="true"]').waitFor({ state: 'attached', timeout: 30_000 });
  expect(await page.locator('#save-status').textContent()).toMatch(/Saved to the draft/);
  expect(await page.locator('#check-summary').textContent()).toMatch(
    /^No question staff might ask would get a worse answer, and \d+ questions would now get the right one\.$/,
  );
  const rows = page.locator('#check-better tbody tr');
  expect(await rows.count()).toBeGreaterThanOrEqual(5);
  expect(await rows.first().locator('td').first().textContent()).toBe('"No longer covered"');
  expect(await page.locator('#reason-field').isVisible()).toBe(false);
  await page.getByRole('button', { name: 'Discard the draft' }).click();
  await page.locator('dialog#confirm').getByRole('button', { name: 'Discard the draft' }).click();
  await page.locator('#draft-state').filter({ hasText: 'No draft' }).waitFor();
});

test("two leads on the same entry: the second save shows the conflict, and taking their wording loads the first one's version; a new entry can be added", async () => {
  const open = async () => {
    const p = await context.newPage();
    await p.setViewportSize({ width: 1200, height: 1000 });
    await p.goto(`${app.url}/console/editor?framework=lbbd`);
    await p.locator('html[data-ready="true"]').waitFor({ state: 'attached', timeout: 20_000 });
    await p.getByRole('button', { name: 'Value 3 · Respect' }).click();
    return p;
  };
  const [first, second] = [await open(), await open()];
  await first.getByLabel('Summary', { exact: true }).fill('Respect, as the first lead wrote it.');
  await first.getByRole('button', { name: 'Save to draft' }).click();
  await first.locator('#save-status').filter({ hasText: 'Saved to the draft' }).waitFor();
  await second.getByLabel('Summary', { exact: true }).fill('Respect, as the second lead wrote it.');
  await second.getByRole('button', { name: 'Save to draft' }).click();
  await second.locator('#conflict:not([hidden])').waitFor();
  expect(await second.locator('#save-status').textContent()).toMatch(/someone else saved this since you opened it/);
  await second.getByRole('button', { name: 'Use their wording' }).click();
  await second.locator('#conflict').waitFor({ state: 'hidden' });
  expect(await second.getByLabel('Summary', { exact: true }).inputValue()).toBe('Respect, as the first lead wrote it.');

  await second.getByRole('button', { name: 'Add an entry' }).click();
  await second.getByLabel('Id (for good: it can never change)').fill('lbbd-local-offer');
  await second.getByLabel('Kind', { exact: true }).selectOption('approach');
  await second.getByLabel('Title', { exact: true }).fill('Our local early help offer');
  await second
    .getByLabel('Summary', { exact: true })
    .fill('How to reach the early help team in Barking and Dagenham, and what they offer families.');
  await second
    .getByLabel('Full text', { exact: true })
    .fill('The early help team works with families before problems grow.');
  await second.getByLabel('Who uses it (approaches)').fill('Social workers and family support workers.');
  await second.getByLabel('Why (approaches)').fill('So families get help early, from people they already know.');
  await second.getByLabel('Aliases', { exact: true }).fill('early help\nearly help offer');
  await second.getByLabel('Keywords', { exact: true }).fill('early help');
  await second
    .getByLabel('Prompts', { exact: true })
    .fill(
      'What would early help add for the family you are thinking of?\nWho could you ask about early help this week?\nHow would the family describe the help they want?',
    );
  await second
    .getByLabel('Group prompts', { exact: true })
    .fill('How does your team hear about early help?\nWhich partners help your team offer help early?');
  await second.getByRole('button', { name: 'Save to draft' }).click();
  await second.locator('#save-status').filter({ hasText: 'Saved to the draft' }).waitFor();
  expect(await second.locator('#entries button[data-entry="lbbd-local-offer"]').textContent()).toBe(
    'Our local early help offer',
  );
  await second.getByRole('button', { name: 'Discard the draft' }).click();
  await second.locator('dialog#confirm').getByRole('button', { name: 'Discard the draft' }).click();
  await second.locator('#draft-state').filter({ hasText: 'No draft' }).waitFor();
  await first.close();
  await second.close();
});
