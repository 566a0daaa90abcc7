import type { Browser } from 'playwright-core';
import { FRAME_ANCESTORS } from '../../bot/web/framing';
import { privacyPage, termsPage } from '../../bot/web/legal';
import { startApp } from '../../testkit/app-harness';
import type { RunningApp } from '../../testkit/app-harness';
import { axeViolations, describeViolations, launch, loopbackContext, watchCspViolations } from '../../testkit/browser';

/** The words a person reads: tags, styles and entities removed. */
const visibleText = (html: string): string =>
  html
    .replace(/<style>[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#(\d+);/g, (_m, code: string) => String.fromCharCode(Number(code)))
    .replace(/\s+/g, ' ');

describe('GET /privacy and GET /terms, served by the bot for the app manifest', () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startApp({}, { http: true });
  });
  afterAll(() => app.close());

  test.each(['/privacy', '/terms'])(
    '%s is an HTML page in British English, with a strict content security policy',
    async (path) => {
      const res = await fetch(`${app.url}${path}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('content-security-policy')).toMatch(
        /^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/]+=*'/,
      );
      // The same hosts may frame these pages as frame the tab and the console: the one list.
      expect(res.headers.get('content-security-policy')?.split('; ')).toContain(
        `frame-ancestors ${FRAME_ANCESTORS.join(' ')}`,
      );
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      const html = await res.text();
      expect(html).toMatch(/^<!doctype html>\n<html lang="en-GB">/);
      expect(html.match(/<h1>/g)).toHaveLength(1);
      expect(html).not.toMatch(/<script/i);
    },
  );
});

describe('the privacy notice', () => {
  const text = visibleText(privacyPage());

  test('says plainly what is kept of what people type: only a question they send, checked and deleted after the set days', () => {
    expect(text).toContain(
      'Practice Companion keeps no text you type, except a question you choose to send to the practice team, which is checked for personal details and deleted after 90 days. Teams keeps the chat.',
    );
    expect(text).toContain('Nothing you type is written to its logs.');
  });

  test.each([
    [
      'conversation references',
      /reference codes Microsoft Teams uses for that conversation, and the address Teams gives for replying/,
    ],
    ["each team's or chat's framework", /Which framework each team or chat uses/],
    ['schedules and their rotation', /Scheduled posts and meeting openers[^.]*which part of the framework comes next/],
    ['the post log and delivery status', /what it posted[^.]*where, when, and whether it arrived/],
    [
      'feedback counts with a one-way code for the voter',
      /counted per day[\s\S]*one-way code made from your Teams account's reference code/,
    ],
    ['counts of which entry answered, never the question', /a count for each part, per day\. Never the question\./],
    [
      'the audit log of settings changes',
      /who made the change \(the reference code Microsoft gives their work account, not their name\), when, and what changed/,
    ],
    ['what the logs hold', /Technical logs[^.]*how long it took\. Never what anyone typed\./],
  ])('lists %s', (_what, pattern) => expect(text).toMatch(pattern));

  test('names who to contact: the deploying organisation when configured, escaped', () => {
    const configured = visibleText(
      privacyPage({ organisation: 'Anytown Council', contact: 'the Data Protection Officer, dpo@anytown.example' }),
    );
    expect(configured).toContain('Practice Companion is run by Anytown Council.');
    expect(configured).toContain('contact the Data Protection Officer, dpo@anytown.example.');
    const hostile = privacyPage({ organisation: '<script>alert(1)</script>' });
    expect(hostile).not.toContain('<script>');
    expect(hostile).toContain('&#60;script&#62;');
  });

  test('without configuration, points people to their own organisation', () => {
    expect(text).toContain(
      'Practice Companion is run by the organisation that set it up for you, usually your employer.',
    );
    expect(text).toContain("contact your organisation's Data Protection Officer, or your service desk");
  });
});

describe('both pages are plain English', () => {
  test.each([
    ['privacy notice', privacyPage()],
    ['terms of use', termsPage()],
  ])('the %s expands every acronym where it first appears', (_name, html) => {
    const text = visibleText(html);
    const acronyms = [...new Set(text.match(/\b[A-Z]{2,}\b/g) ?? [])];
    for (const acronym of acronyms) expect(text).toMatch(new RegExp(`\\b${acronym} \\([A-Z][a-z]+( [A-Z][a-z]+)+\\)`));
  });

  test('the terms say the app does not replace judgement or safeguarding procedures', () => {
    const text = visibleText(termsPage());
    expect(text).toContain('does not replace professional judgement');
    expect(text).toContain('follow your safeguarding procedures straight away');
  });
});

describe('accessibility, in real Chromium', () => {
  let browser: Browser | undefined;
  let app: RunningApp | undefined;
  // One after the other, so that when Chromium cannot start the server is still known, and closed:
  // otherwise it keeps jest from exiting.
  beforeAll(async () => {
    app = await startApp({}, { http: true });
    browser = await launch();
  }, 30_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  test.each([
    ['/privacy', 'light'],
    ['/privacy', 'dark'],
    ['/terms', 'light'],
    ['/terms', 'dark'],
  ] as const)(
    '%s in %s mode has no axe-core violations, and its styles pass its own content security policy',
    async (path, colorScheme) => {
      if (!browser || !app) throw new Error('Chromium or the server did not start');
      const { context, refused } = await loopbackContext(browser, { colorScheme });
      try {
        const page = await context.newPage();
        const cspViolations = await watchCspViolations(page);
        await page.goto(`${app.url}${path}`);
        expect(describeViolations(await axeViolations(page))).toEqual([]);
        expect(await cspViolations()).toEqual([]);
        // The style sheet applied (the CSP hash matched): the text column is narrowed.
        expect(await page.evaluate<string>(`getComputedStyle(document.querySelector('main')).maxWidth`)).toBe('672px');
        expect(refused).toEqual([]);
      } finally {
        await context.close();
      }
    },
    30_000,
  );
});
