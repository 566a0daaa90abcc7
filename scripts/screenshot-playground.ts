// Takes the docs' screenshot: a real answer card in Microsoft 365 Agents Playground.
// Needs the bot (npm start) and the Playground (npm run playground) running. Chromium is found as the
// tests find it (CHROMIUM_PATH, an installed Chrome/Chromium/Edge, or @sparticuz/chromium).
//   npx tsx scripts/screenshot-playground.ts [question] [output.png]
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../testkit/chromium';

const question = process.argv[2] ?? 'what is CARES';
const output = process.argv[3] ?? 'docs/playground-answer.png';
const PLAYGROUND = 'http://localhost:56150';

async function main(): Promise<void> {
  const { executablePath } = await findChromium();
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, deviceScaleFactor: 1 });
    await page.goto(PLAYGROUND, { waitUntil: 'networkidle' });
    const input = page.getByRole('textbox').last();
    await input.waitFor({ timeout: 30_000 });
    await input.fill(question);
    await input.press('Enter');
    // Wait for the bot's Adaptive Card to render.
    await page.locator('.ac-adaptiveCard').last().waitFor({ timeout: 30_000 });
    await page.waitForTimeout(1000);
    await page.screenshot({ path: output });
    console.log(`saved ${output}`);
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
