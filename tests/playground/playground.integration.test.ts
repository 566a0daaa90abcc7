import { writeFileSync } from 'node:fs';
import type * as Safety from '../../knowledge/safety';
import type { SafetyAssessment } from '../../knowledge/safety';
// Every button on the welcome, answer, not-sure and help cards, pressed in Microsoft 365 Agents Playground
// (Microsoft's local Teams emulator) in headless Chromium, against the real bot on loopback.
// The Playground threw "Cannot add property msTeams, object is not extensible" on every Action.Submit
// with messageBack; these buttons are Action.Execute now, and this proves each one gets its reply.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Browser, Locator, Page } from 'playwright-core';
import { launch } from '../../testkit/browser';
import { startApp } from '../../testkit/app-harness';
import { activity } from '../helpers/fixtures';
import type { RunningApp } from '../../testkit/app-harness';

/** The README's and closing notes' pictures: written only with UPDATE_SCREENSHOTS=1, so a test run changes no tracked file. */
async function keep(target: { screenshot(options: { path?: string }): Promise<Buffer> }, path: string): Promise<void> {
  const shot = await target.screenshot({});
  expect(shot.length).toBeGreaterThan(0);
  if (process.env['UPDATE_SCREENSHOTS'] === '1') writeFileSync(path, shot);
}

jest.setTimeout(240_000);

// Which route a message takes is knowledge/safety's verdict (its detectors are improved elsewhere). The
// worker's own safety, a worker in crisis and an ordinary question that mentions risk get the verdicts its
// interface promises for them, so the Playground shows those cards as the bot sends them.
const VERDICTS: Record<string, SafetyAssessment> = {
  'the dad followed me to my car and said he knows where I live': { route: 'worker-safety', mentionsRisk: false },
  'i feel like ending it, this job is killing me': { route: 'worker-crisis', mentionsRisk: false },
  'how do we talk about risk with families': { route: null, mentionsRisk: true },
};
jest.mock('../../knowledge/safety', () => {
  const real: typeof Safety = jest.requireActual('../../knowledge/safety');
  return { ...real, assessSafety: (m: string) => VERDICTS[m] ?? real.assessSafety(m) };
});

const PLAYGROUND_BIN = require.resolve('@microsoft/m365agentsplayground/cli.js');

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });

let app: RunningApp;
let playground: ChildProcess;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
const playgroundOutput: string[] = [];

async function waitForPlayground(url: string): Promise<void> {
  const until = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    if (playground.exitCode !== null)
      throw new Error(`the Playground exited (${playground.exitCode}): ${playgroundOutput.join('').slice(-1000)}`);
    if (Date.now() > until) throw new Error(`the Playground did not start: ${playgroundOutput.join('').slice(-1000)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

beforeAll(async () => {
  // Anonymous (the Playground sends no sign-in token), on loopback, on a free port.
  app = await startApp({ DEFAULT_FRAMEWORK: 'lbbd' }, { http: true });
  const port = await freePort();
  playground = spawn(
    process.execPath,
    [PLAYGROUND_BIN, '-e', `${app.url}/api/messages`, '-c', 'msteams', '-p', String(port), '--disable-telemetry'],
    {
      env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  playground.stdout?.on('data', (d: Buffer) => playgroundOutput.push(d.toString('utf8')));
  playground.stderr?.on('data', (d: Buffer) => playgroundOutput.push(d.toString('utf8')));
  const url = `http://localhost:${port}`;
  await waitForPlayground(url);
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, deviceScaleFactor: 1 });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(m.text());
  });
  await page.goto(url, { waitUntil: 'networkidle' });
});

afterAll(async () => {
  await browser?.close();
  playground?.kill();
  await app?.close();
});

const cards = () => page.locator('.ac-adaptiveCard');
const cardCount = () => cards().count();
/** The bot's cards only: the Playground renders nothing else as an Adaptive Card. */
const cardAt = (i: number) => cards().nth(i);

async function waitForCards(count: number): Promise<void> {
  const until = Date.now() + 30_000;
  while ((await cardCount()) < count) {
    if (Date.now() > until) throw new Error(`expected ${count} cards, the Playground shows ${await cardCount()}`);
    await page.waitForTimeout(200);
  }
  await page.waitForTimeout(300);
}

async function say(text: string): Promise<Locator> {
  const before = await cardCount();
  const input = page.getByRole('textbox').last();
  await input.fill(text);
  await input.press('Enter');
  await waitForCards(before + 1);
  return cardAt((await cardCount()) - 1);
}

async function buttonsOf(card: Locator): Promise<string[]> {
  return (await card.locator('button').allTextContents()).map((t) => t.trim());
}

/** Presses a button that posts a new card, and returns that card's text. */
async function pressForNewCard(card: Locator, title: string): Promise<string> {
  const before = await cardCount();
  await card.locator('button', { hasText: title }).first().click();
  await waitForCards(before + 1);
  return cardAt((await cardCount()) - 1).innerText();
}

/** Waits until the card's text passes `ok`, and returns it; fails the test after 15 s. */
async function cardTextWhen(card: Locator, ok: (text: string) => boolean): Promise<string> {
  const until = Date.now() + 15_000;
  for (;;) {
    const text = await card.innerText();
    if (ok(text)) return text;
    if (Date.now() > until) throw new Error(`the card never changed as expected; it reads:\n${text}`);
    await page.waitForTimeout(200);
  }
}

function expectNoErrors(): void {
  expect(pageErrors.filter((e) => /msTeams|not extensible|TypeError/i.test(e))).toEqual([]);
  expect(playgroundOutput.join('')).not.toMatch(/Cannot add property msTeams/);
}

test('the welcome card: each example question gets its answer', async () => {
  await waitForCards(1);
  const welcome = cardAt(0);
  expect(await welcome.innerText()).toMatch(/I help you find and reflect on your practice framework/);
  await welcome.scrollIntoViewIfNeeded();
  await keep(welcome, 'docs/playground-welcome.png');
  const examples = await buttonsOf(welcome);
  expect(examples.length).toBeGreaterThan(0);
  for (const title of examples) expect((await pressForNewCard(welcome, title)).length).toBeGreaterThan(20);
  expectNoErrors();
});

test('the answer card: related entries, Read the full text, Helpful, Not helpful and Suggest', async () => {
  const answer = await say('principle 7');
  expect(await answer.innerText()).toContain('Principle 7');
  await keep(answer, 'docs/playground-answer-card.png');
  const titles = await buttonsOf(answer);
  const related = titles.filter((t) => t.startsWith('Principle') || t.startsWith('The 10'));
  expect(related.length).toBeGreaterThan(0);
  for (const title of related) {
    const text = await pressForNewCard(answer, title);
    expect(text).toContain(title.replace(/…$/, ''));
  }
  // Read the full text shows more of the same card.
  const shortText = (await answer.innerText()).length;
  await answer.locator('button', { hasText: 'Read the full text' }).click();
  await page.waitForTimeout(300);
  expect((await answer.innerText()).length).toBeGreaterThan(shortText);
  // Helpful updates the card in place.
  await answer.locator('button', { hasText: /^Helpful$/ }).click();
  expect(await cardTextWhen(answer, (t) => t.includes('Thank you, you said this helped'))).toContain('Thank you');
  await answer.locator('button', { hasText: 'Not helpful' }).click();
  expect(await cardTextWhen(answer, (t) => t.includes("Thank you, you said this didn't help"))).toContain('Thank you');
  // …and then offers to send the question to the practice team: the form comes beneath, and the answer
  // stays as it was; Cancel sends nothing, and changes only the form.
  const answered = await answer.innerText();
  const before = await cardCount();
  await answer
    .locator('button', { hasText: /Suggest/ })
    .first()
    .click();
  await waitForCards(before + 1);
  const form = cardAt(before);
  expect(await form.innerText()).toMatch(/practice team/i);
  await form.scrollIntoViewIfNeeded();
  await keep(page, 'docs/playground-suggest.png');
  await form.locator('button', { hasText: 'Cancel' }).click();
  expect(await cardTextWhen(form, (t) => !/Cancel/.test(t))).toContain('Not sent');
  expect(await answer.innerText()).toBe(answered);
  expectNoErrors();
});

test('the not-sure card: "Did you mean" and the example questions each get their reply', async () => {
  const notSure = await say('banana bread');
  expect(await notSure.innerText()).toMatch(/not sure/i);
  await keep(notSure, 'docs/playground-not-sure.png');
  const titles = (await buttonsOf(notSure)).filter((t) => !/^Suggest/.test(t));
  expect(titles.length).toBeGreaterThan(0);
  for (const title of titles) expect((await pressForNewCard(notSure, title)).length).toBeGreaterThan(20);
  expectNoErrors();
});

test('the not-sure card: Suggest this question, then Send, sends it to the practice team', async () => {
  const notSure = await say('how do I book a room for a family meeting');
  expect(await notSure.innerText()).toMatch(/not sure|doesn't cover/i);
  // The not-sure card stays as it was, where to go instead (999 among it) and all: the form comes beneath.
  const shown = await notSure.innerText();
  const before = await cardCount();
  await notSure
    .locator('button', { hasText: /^Suggest/ })
    .first()
    .click();
  await waitForCards(before + 1);
  const form = cardAt(before);
  expect(await form.innerText()).toMatch(/practice team/i);
  await form.locator('button', { hasText: /^Send$/ }).click();
  expect(await cardTextWhen(form, (t) => t.includes('Your question was sent to the practice team'))).not.toMatch(
    /Cancel/,
  );
  expect(await notSure.innerText()).toBe(shown);
  expect((await app.store.suggestions(10)).map((x) => x.text)).toEqual(['how do I book a room for a family meeting']);
  expectNoErrors();
});

test('the help card: shows only what works in a personal chat, and its examples get answers', async () => {
  const help = await say('help');
  const text = await help.innerText();
  expect(text).toContain('Type "values", "principles" or "approaches"');
  expect(text).not.toMatch(/schedule|meeting openers/i);
  await keep(help, 'docs/playground-help.png');
  const titles = await buttonsOf(help);
  expect(titles.length).toBeGreaterThan(0);
  for (const title of titles) expect((await pressForNewCard(help, title)).length).toBeGreaterThan(20);
  expectNoErrors();
});

describe('each safety route its own card, and the calm line, in a personal chat', () => {
  /** Says `text` and waits for `count` cards in reply; returns them. */
  async function reply(text: string, count: number): Promise<Locator[]> {
    const before = await cardCount();
    const input = page.getByRole('textbox').last();
    await input.fill(text);
    await input.press('Enter');
    await waitForCards(before + count);
    return Array.from({ length: count }, (_, i) => cardAt(before + i));
  }

  test.each([
    ['a child at risk', 'Kayleigh, 14, has just disclosed abuse', 'If a child may be at risk now', 'urgent'],
    [
      "the worker's own safety",
      'the dad followed me to my car and said he knows where I live',
      'Your safety comes first',
      'worker-safety',
    ],
    [
      'a worker in crisis',
      'i feel like ending it, this job is killing me',
      "I'm really sorry you're feeling like this",
      'crisis',
    ],
    ['distress', "I'm burnt out and finding it hard", 'Looking after yourself', 'distress'],
  ])('%s', async (_route, text, title, file) => {
    const [card] = await reply(text, 1);
    const shown = await card!.innerText();
    expect(shown.startsWith(title)).toBe(true);
    expect(shown).not.toMatch(/not sure|Suggest this question/i);
    await card!.scrollIntoViewIfNeeded();
    await keep(card!, `docs/playground-${file}.png`);
    expectNoErrors();
  });

  test('an ordinary question that mentions risk: its answer, with the calm line at the foot', async () => {
    const [card] = await reply('how do we talk about risk with families', 1);
    const shown = await card!.innerText();
    expect(shown).toContain('Listen, observe, reflect, and analyse');
    expect(shown.trimEnd().endsWith('talk to your manager or the duty team today.')).toBe(true);
    await card!.scrollIntoViewIfNeeded();
    await keep(card!, 'docs/playground-calm-line.png');
  });
});

test("a team channel's welcome card: Turn on meeting openers turns them on and says so", async () => {
  await page.getByRole('treeitem', { name: 'My Team - General' }).click();
  const welcome = page.locator('.ac-adaptiveCard', { hasText: 'Turn on meeting openers' }).last();
  await welcome.waitFor({ timeout: 30_000 });
  await welcome.locator('button', { hasText: 'Turn on meeting openers' }).click();
  const reply = page.getByText('Meeting openers are on. When a meeting I am in starts', { exact: false }).first();
  await reply.waitFor({ timeout: 30_000 });
  await keep(page, 'docs/playground-team-welcome.png');
  expectNoErrors();
});

test("a team channel's schedule card: Save schedule, pressed in the Playground, saves the schedule", async () => {
  // Typing in a Playground channel needs an @mention, which its compose box does not script easily, so
  // the "schedule" command reaches the bot as Teams would send it, addressed to the Playground's own
  // connector and channel (taken from the channel's install turn); the card then shows in the
  // Playground, and its button is pressed there.
  const installed = app.logs
    .join('')
    .split('\n')
    .filter((l) => l.includes('"conversationType":"channel"') || l.includes('"kind":"channel"'))
    .map((l) => /"conversationId":"([^"]+)"/.exec(l)?.[1])
    .find((id) => id !== undefined);
  expect(installed).toBeDefined();
  const stored = await app.store.conversation(installed!);
  expect(stored?.kind).toBe('channel');
  const before = await cardCount();
  const res = await app.post(
    activity('channel-mention', stored!.serviceUrl, {
      text: '<at>Practice Companion</at> schedule',
      conversation: {
        isGroup: true,
        conversationType: 'channel',
        id: stored!.id,
        ...(stored!.tenantId && { tenantId: stored!.tenantId }),
      },
      channelData: {
        channel: { id: stored!.id },
        ...(stored!.teamId && { team: { id: stored!.teamId } }),
        ...(stored!.tenantId && { tenant: { id: stored!.tenantId } }),
      },
    }),
  );
  expect(res.status).toBe(200);
  await waitForCards(before + 1);
  const form = page.locator('.ac-adaptiveCard', { hasText: 'Save schedule' }).last();
  await form.scrollIntoViewIfNeeded();
  await form.locator('button', { hasText: 'Save schedule' }).click();
  await page.getByText('Saved:', { exact: false }).first().waitFor({ timeout: 30_000 });
  expect(await app.store.subscriptionsIn(stored!.id)).toEqual([expect.objectContaining({ status: 'active' })]);
  expectNoErrors();
});

test('in a team channel, "@Practice Companion schedule pause until …" typed as text (no mention chosen) is answered', async () => {
  // The newcomer typed the name, as the welcome says, without choosing it from the list (the Playground
  // calls the bot "Test Bot"): no mention entity arrives, and the reply never showed.
  await page.getByRole('treeitem', { name: 'My Team - General' }).click();
  const until = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
  const input = page.getByRole('textbox').last();
  await input.fill(`@Practice Companion schedule pause until ${until}`);
  await input.press('Enter');
  const reply = page.getByText(/Paused until|This channel has no scheduled posts/).last();
  await reply.waitFor({ timeout: 30_000 });
  expectNoErrors();
});

describe('in a team channel (@mentioned, as Teams sends it)', () => {
  /** Posts `text` to the Playground's channel as an @mention, and returns the card there that shows `shows`. */
  async function mention(text: string, shows: string): Promise<Locator> {
    const installed = app.logs
      .join('')
      .split('\n')
      .filter((l) => l.includes('"conversationType":"channel"'))
      .map((l) => /"conversationId":"([^"]+)"/.exec(l)?.[1])
      .find((id) => id !== undefined);
    const stored = await app.store.conversation(installed!);
    const before = await cardCount();
    const res = await app.post(
      activity('channel-mention', stored!.serviceUrl, {
        text: `<at>Practice Companion</at> ${text}`,
        conversation: {
          isGroup: true,
          conversationType: 'channel',
          id: stored!.id,
          ...(stored!.tenantId && { tenantId: stored!.tenantId }),
        },
        channelData: {
          channel: { id: stored!.id },
          ...(stored!.teamId && { team: { id: stored!.teamId } }),
          ...(stored!.tenantId && { tenant: { id: stored!.tenantId } }),
        },
      }),
    );
    expect(res.status).toBe(200);
    await waitForCards(before + 1);
    const card = page.locator('.ac-adaptiveCard', { hasText: shows }).last();
    await card.waitFor({ timeout: 30_000 });
    return card;
  }

  test.each([
    ['a child at risk', 'a child told me she is scared to go home tonight', 'If a child may be at risk now', 'urgent'],
    [
      "the worker's own safety",
      'the dad followed me to my car and said he knows where I live',
      'Your safety comes first',
      'worker-safety',
    ],
    [
      'a worker in crisis',
      'i feel like ending it, this job is killing me',
      "I'm really sorry you're feeling like this",
      'crisis',
    ],
    ['distress', "I'm burnt out and finding it hard", 'Looking after yourself', 'distress'],
  ])('%s', async (_route, text, title, file) => {
    // The distress card's own heading: "Looking after yourself" is also a heading on other routes' cards.
    const card = await mention(text, file === 'distress' ? 'If it ever feels like too much' : title);
    expect((await card.innerText()).trimStart().startsWith(title)).toBe(true);
    await card.scrollIntoViewIfNeeded();
    await keep(page, `docs/playground-channel-${file}.png`);
    expectNoErrors();
  });

  test('an answer in a channel: the group prompt, "keep replies general", and the calm line at the foot', async () => {
    const card = await mention('how do we talk about risk with families', 'Listen, observe, reflect, and analyse');
    const shown = await card.innerText();
    expect(shown).toContain('Please keep replies general');
    expect(shown.trimEnd().endsWith('talk to your manager or the duty team today.')).toBe(true);
    await card.scrollIntoViewIfNeeded();
    await keep(card, 'docs/playground-channel-calm-line.png');
    expectNoErrors();
  });
});
