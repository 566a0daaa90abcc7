// Issue 23 §4 and §5 in real headless Chromium, in local mode: Discard and Restore ask first, naming whose
// draft it is and when it was saved; a conflict shows both wordings side by side and keeps what was typed;
// the history gives each field's wording before and after and undoes a version; the stand-in editor's
// publish is refused and the stand-in approver's goes through; a content review is signed off.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startApp } from '../../testkit/app-harness';
import type { RunningApp } from '../../testkit/app-harness';
import { axeViolations, describeViolations, launch, loopbackContext, seriousOrCritical } from '../../testkit/browser';

jest.setTimeout(120_000);

const shots = process.env['UPDATE_SCREENSHOTS'] === '1';
const DOCS = join(__dirname, '..', '..', 'docs');
const SUMMARY = 'Summary';

let app: RunningApp;
let browser: Browser;
let context: BrowserContext;
let errors: string[];

beforeAll(async () => {
  [app, browser] = await Promise.all([startApp({ DEFAULT_FRAMEWORK: 'lbbd' }, { http: true }), launch()]);
  ({ context } = await loopbackContext(browser));
  errors = [];
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await app?.close();
});
afterEach(async () => {
  await app.store.frameworkVersions?.discardDraft('lbbd');
});

async function open(query = ''): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  await page.setViewportSize({ width: 1280, height: 1000 });
  await page.goto(`${app.url}/console/editor?framework=lbbd${query}`);
  await page.locator('html[data-ready="true"]').waitFor({ state: 'attached', timeout: 20_000 });
  return page;
}

async function saveSummary(page: Page, entry: string, summary: string) {
  await page.getByRole('button', { name: entry }).first().click();
  await page.getByLabel(SUMMARY, { exact: true }).fill(summary);
  await page.getByRole('button', { name: 'Save to draft' }).click();
  await page.locator('#save-status').filter({ hasText: 'Saved to the draft' }).waitFor();
}

const confirmDialog = (page: Page) => page.locator('dialog#confirm');

test('with no approvers set, the console says no second approver is configured', async () => {
  const figures = await context.newPage();
  await figures.goto(`${app.url}/console`);
  await figures.locator('#approvers-note').filter({ hasText: /./ }).waitFor();
  expect(await figures.locator('.intro').textContent()).toMatch(
    /Edit the framework No second approver is configured: a practice lead publishes framework changes alone\./,
  );
  await figures.close();
});

test('Discard asks first, saying whose draft it is and when it was saved; keeping it keeps it', async () => {
  const page = await open();
  expect(await page.locator('#roles').textContent()).toMatch(/^No second approver is configured/);
  await saveSummary(page, 'Value 3 · Respect', 'Respect, in a draft to keep.');
  await page.getByRole('button', { name: 'Discard the draft' }).click();
  await confirmDialog(page).waitFor();
  expect(await confirmDialog(page).textContent()).toMatch(
    /This discards your draft, saved \d{1,2} \w{3} \d{4} at \d{2}:\d{2}\. Its edits will be lost\./,
  );
  // Keeping is the default: focus starts on it.
  expect(await page.evaluate('document.activeElement?.id')).toBe('confirm-no');
  expect(describeViolations(seriousOrCritical(await axeViolations(page)))).toEqual([]);
  await confirmDialog(page).getByRole('button', { name: 'Keep the draft' }).click();
  expect(await page.locator('#publish-status').textContent()).toBe('Kept the draft.');
  expect(await page.locator('#draft-state').textContent()).toMatch(/^Draft: your draft/);

  await page.getByRole('button', { name: 'Discard the draft' }).click();
  await confirmDialog(page).getByRole('button', { name: 'Discard the draft' }).click();
  await page.locator('#draft-state').filter({ hasText: 'No draft' }).waitFor();
  await page.close();
});

test("Restore asks first when someone else's draft exists, naming them; without a draft it restores at once", async () => {
  const editor = await open('&as=editor');
  await saveSummary(editor, 'Value 3 · Respect', "Respect, in the stand-in editor's draft.");
  await editor.close();

  const approver = await open('&as=approver');
  expect(await approver.locator('#draft-state').textContent()).toMatch(
    /^Draft: the draft Sam Editor \(stand-in\) saved \d{1,2} \w{3} \d{4} at \d{2}:\d{2}/,
  );
  await approver.getByRole('button', { name: 'Restore the file as a draft' }).click();
  await confirmDialog(approver).waitFor();
  expect(await confirmDialog(approver).textContent()).toMatch(
    /Restoring the file in git replaces the draft Sam Editor \(stand-in\) saved \d{1,2} \w{3} \d{4} at \d{2}:\d{2}\./,
  );
  await confirmDialog(approver).getByRole('button', { name: 'Keep the draft' }).click();
  expect(await approver.locator('#publish-status').textContent()).toBe('Kept the draft: nothing was restored.');
  const draft = await app.store.frameworkVersions?.draft('lbbd');
  expect(draft?.source).toContain("Respect, in the stand-in editor's draft.");

  await approver.getByRole('button', { name: 'Restore the file as a draft' }).click();
  await confirmDialog(approver).getByRole('button', { name: 'Replace the draft' }).click();
  await approver.locator('#publish-status').filter({ hasText: 'The file in git is now the draft' }).waitFor();
  expect((await app.store.frameworkVersions?.draft('lbbd'))?.source).not.toContain("stand-in editor's draft");
  await approver.close();
});

test('a conflict shows both wordings side by side and keeps what you typed, which you can then save over theirs', async () => {
  const [first, second] = [await open('&as=editor'), await open('&as=approver')];
  await second.getByRole('button', { name: 'Value 2 · Accountability' }).first().click();
  await saveSummary(first, 'Value 2 · Accountability', 'Accountability, as the first lead wrote it.');
  await second.getByLabel(SUMMARY, { exact: true }).fill('Accountability, as the second lead wrote it.');
  await second.getByRole('button', { name: 'Save to draft' }).click();
  await second.locator('html[data-conflict="shown"]').waitFor({ state: 'attached' });
  expect(await second.locator('#conflict p').first().textContent()).toMatch(
    /^Sam Editor \(stand-in\) saved this on \d{1,2} \w{3} \d{4} at \d{2}:\d{2}, after you opened it\. What you typed is still in the form/,
  );
  // What was typed stays in the form; the table has theirs beside it, only for the field that differs.
  expect(await second.getByLabel(SUMMARY, { exact: true }).inputValue()).toBe(
    'Accountability, as the second lead wrote it.',
  );
  const rows = second.locator('#conflict-table tbody tr');
  expect(await rows.count()).toBe(1);
  expect(await rows.first().locator('th, td').allTextContents()).toEqual([
    'Summary',
    'Accountability, as the second lead wrote it.',
    'Accountability, as the first lead wrote it.',
  ]);
  expect(describeViolations(seriousOrCritical(await axeViolations(second)))).toEqual([]);
  if (shots) writeFileSync(join(DOCS, 'framework-conflict.png'), await second.locator('#conflict').screenshot());
  await second.getByRole('button', { name: 'Save my wording over theirs' }).click();
  await second.locator('#save-status').filter({ hasText: 'Saved to the draft' }).waitFor();
  expect((await app.store.frameworkVersions?.draft('lbbd'))?.source).toContain(
    'Accountability, as the second lead wrote it.',
  );
  await first.close();
  await second.close();
});

test("the editor's publish is refused; the approver publishes; history shows the wording before and after, and undoes it", async () => {
  const editor = await open('&as=editor');
  expect(await editor.locator('#roles').textContent()).toMatch(/^You edit the draft; an approver checks it/);
  await saveSummary(editor, 'Value 1 · Compassion', 'Compassion: we are kind, and we say so.');
  await editor.getByLabel('Change note (what changed, and why)').fill('A warmer summary for Compassion');
  await editor.getByRole('button', { name: 'Publish' }).click();
  await editor.locator('#publish-status').filter({ hasText: 'An approver publishes' }).waitFor({ timeout: 30_000 });
  await editor.close();

  const approver = await open('&as=approver');
  expect(await approver.locator('#roles').textContent()).toMatch(/^You are an approver/);
  await approver.getByLabel('Change note (what changed, and why)').fill('A warmer summary for Compassion');
  await approver.getByRole('button', { name: 'Publish' }).click();
  await approver.locator('html[data-published]').waitFor({ state: 'attached', timeout: 30_000 });
  const version = await approver.evaluate<string | undefined>('document.documentElement.dataset.published');
  const latest = approver.locator('#history .version').first();
  expect(await latest.locator('.meta').first().textContent()).toMatch(
    /^Published \d{1,2} \w{3} \d{4} at \d{2}:\d{2} by you · edited by Sam Editor \(stand-in\)$/,
  );
  const row = latest.locator('table.changes tbody tr').first();
  const [what, before, after] = await row.locator('th, td').allTextContents();
  expect(what).toBe('Compassion: Summary');
  expect(before).toMatch(/kindness/);
  expect(after).toBe('Compassion: we are kind, and we say so.');
  if (shots) {
    await latest.scrollIntoViewIfNeeded();
    writeFileSync(join(DOCS, 'framework-history.png'), await approver.locator('#history-panel').screenshot());
  }

  await latest.getByRole('button', { name: 'Undo this version' }).click();
  await approver.locator(`html[data-undone="${version}"]`).waitFor({ state: 'attached' });
  expect(await approver.locator('#publish-status').textContent()).toMatch(
    new RegExp(`^The draft now undoes version ${version}: Compassion: Summary back to the wording before\\.`),
  );
  expect(await approver.locator('#note').inputValue()).toBe(
    `Undo version ${version} (A warmer summary for Compassion)`,
  );
  // The approver made the undo, so another approver must publish it.
  await approver.getByRole('button', { name: 'Publish' }).click();
  await approver.locator('#publish-status').filter({ hasText: 'nobody publishes their own draft' }).waitFor({
    timeout: 30_000,
  });
  await approver.close();
});

test('an approver signs off the content review: it becomes a version, shown in the review panel and the history', async () => {
  const editor = await open('&as=editor');
  await editor.locator('#review-state').filter({ hasText: /./ }).waitFor();
  expect(await editor.locator('#review-who').textContent()).toBe('An approver signs off the review.');
  await editor.close();

  const page = await open('&as=approver');
  await page.getByLabel('Reviewed by (name and role)').fill('Jo Smith, Principal Social Worker');
  await page.getByLabel('Reviewed on').fill('2026-12-01');
  await page.getByLabel('Next review due').fill('2027-12-01');
  await page.getByRole('button', { name: 'Sign off the review' }).click();
  await page.locator('html[data-signed-off]').waitFor({ state: 'attached', timeout: 30_000 });
  expect(await page.locator('#review-state').textContent()).toBe(
    'Last reviewed by Jo Smith, Principal Social Worker on 1 Dec 2026; next review due 1 Dec 2027.',
  );
  const latest = page.locator('#history .version').first();
  expect(await latest.locator('h3').textContent()).toMatch(/^Version \d+: content review signed off$/);
  expect(await latest.locator('table.changes tbody').textContent()).toContain('Framework: Next review due');
  expect(app.app.deps.kb.framework('lbbd')?.review?.due).toBe('2027-12-01');
  if (shots) {
    await page.locator('#review-panel').scrollIntoViewIfNeeded();
    writeFileSync(join(DOCS, 'framework-sign-off.png'), await page.locator('#review-panel').screenshot());
  }
  for (const theme of ['default', 'dark', 'contrast']) {
    await page.evaluate(`import('/tab/theme.mjs').then((m) => m.applyTheme('${theme}'))`);
    expect([theme, ...describeViolations(seriousOrCritical(await axeViolations(page)))]).toEqual([theme]);
  }
  // 390 px: nothing scrolls sideways.
  await page.setViewportSize({ width: 390, height: 900 });
  expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
  expect(errors).toEqual([]);
  await page.close();
});
