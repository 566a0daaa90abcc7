// Takes the docs' screenshots of the Framework tab, in headless Chromium (found as the tests find it), with the real server
// started in this process on a free loopback port:
//   docs/tab-framework.png  the default theme: a search, its best match and related entries
//   docs/tab-dark.png       the dark theme: an entry opened in full
//   docs/tab-phone.png      high contrast on a phone-sized screen: a search
//   npx tsx scripts/screenshot-tab.ts [folder]
import { join } from 'node:path';
import { startApp } from '../testkit/app-harness';
import { launch, loopbackContext, ready } from '../testkit/browser';

const folder = process.argv[2] ?? 'docs';

async function main(): Promise<void> {
  const app = await startApp({}, { http: true });
  const browser = await launch().catch(async (error: unknown) => {
    await app.close();
    throw error;
  });
  try {
    const { context } = await loopbackContext(browser, { viewport: { width: 900, height: 860 } });
    const page = await context.newPage();

    await page.goto(`${app.url}/tab?theme=default`);
    await ready(page);
    await page.locator('#search').pressSequentially('how do we work with domestic abuse', { delay: 10 });
    await page.locator('#status').filter({ hasText: 'Best match' }).waitFor();
    await page.locator('#search').blur();
    await page.screenshot({ path: join(folder, 'tab-framework.png') });

    await page.goto(`${app.url}/tab?theme=dark`);
    await ready(page);
    await page.getByRole('button', { name: 'Principle 7 · Be professionally curious' }).click();
    await page.locator('dialog#entry[open]').waitFor();
    await page.locator('#entry-heading').blur();
    await page.screenshot({ path: join(folder, 'tab-dark.png') });

    await page.setViewportSize({ width: 390, height: 780 });
    await page.goto(`${app.url}/tab?theme=contrast`);
    await ready(page);
    await page.locator('#search').pressSequentially('the E in CARES', { delay: 10 });
    await page.locator('#status').filter({ hasText: 'Best match' }).waitFor();
    await page.locator('#search').blur();
    await page.screenshot({ path: join(folder, 'tab-phone.png') });
    console.log(`saved tab-framework.png, tab-dark.png and tab-phone.png in ${folder}`);
  } finally {
    await browser.close();
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
