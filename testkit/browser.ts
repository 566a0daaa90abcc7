// Real headless Chromium driven by playwright-core, for the tab's tests. Which Chromium: see ./chromium.ts.
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { CHROMIUM_ARGS, FOUND_CHROMIUM_VARIABLE, findChromium } from './chromium';

export { CHROMIUM_ARGS };

let found: Promise<string> | undefined;
/** The Chromium the global setup found, or (when it looked for none, e.g. for a run it did not expect to need one) the one found now. */
export function chromiumPath(): Promise<string> {
  const fromSetup = process.env[FOUND_CHROMIUM_VARIABLE];
  if (fromSetup) return Promise.resolve(fromSetup);
  found ??= findChromium().then((c) => c.executablePath);
  return found;
}

/** A fresh browser with its own temporary profile (playwright's launch() makes one each time). */
export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: await chromiumPath(), args: CHROMIUM_ARGS });
}

const LOOPBACK = /^https?:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?\//;

export interface ContextOptions {
  readonly viewport?: { width: number; height: number };
  readonly colorScheme?: 'light' | 'dark';
  /** Pages to serve at outside addresses without fetching them, e.g. a stand-in for Teams. */
  readonly fake?: (url: string) => string | undefined;
  /** Serves `origin` (an https address, as in production) from the local server at `to`. */
  readonly proxy?: { readonly origin: string; readonly to: string };
}

/**
 * A browser context that may reach only this machine, like the jest process. Every other request
 * is answered by `fake` or `proxy` when they know the URL, and otherwise refused; the refused URLs are kept.
 */
export async function loopbackContext(
  browser: Browser,
  options: ContextOptions = {},
): Promise<{ context: BrowserContext; refused: string[] }> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1000, height: 900 },
    deviceScaleFactor: 1,
    colorScheme: options.colorScheme ?? 'light',
    reducedMotion: 'reduce',
  });
  const refused: string[] = [];
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (LOOPBACK.test(url)) return route.continue();
    const { proxy } = options;
    if (proxy && url.startsWith(`${proxy.origin}/`)) {
      // Fetched by playwright in this (jest) process, over loopback.
      return route.fulfill({ response: await route.fetch({ url: proxy.to + url.slice(proxy.origin.length) }) });
    }
    const body = options.fake?.(url);
    if (body !== undefined) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });
    refused.push(url);
    return route.abort('blockedbyclient');
  });
  return { context, refused };
}

/** Waits until the page has its frameworks and knows whether it is in Teams. */
export async function ready(target: Page | Frame): Promise<void> {
  await target.locator('html[data-ready="true"][data-host]').waitFor({ state: 'attached', timeout: 10_000 });
}

/** A CSS property of the first element matching `selector`, as the browser computed it. */
export function computed(target: Page | Frame, selector: string, property: string): Promise<string> {
  return target.evaluate<string>(
    `getComputedStyle(document.querySelector(${JSON.stringify(selector)})).getPropertyValue(${JSON.stringify(property)})`,
  );
}

/** Content-Security-Policy violations the page reports (listen before navigating). */
export async function watchCspViolations(target: Page): Promise<() => Promise<string[]>> {
  await target.addInitScript(
    `window.__csp = []; document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));`,
  );
  return () => target.evaluate<string[]>('window.__csp');
}

// ---------------------------------------------------------------- axe-core

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  readonly id: string;
  readonly impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  readonly help: string;
  readonly nodes: readonly { readonly target: readonly string[] }[];
}

/** Runs axe-core (WCAG 2.x A and AA, and best practice) on the page as it is now. */
export async function axeViolations(target: Page | Frame): Promise<AxeViolation[]> {
  // evaluate() runs outside the page's Content-Security-Policy, which rightly blocks inline scripts.
  await target.evaluate(AXE_SOURCE);
  return target.evaluate<AxeViolation[]>(
    `axe.run(document, { resultTypes: ['violations'], runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } })
       .then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) })))`,
  );
}

/** "color-contrast (serious): … at #x" lines, for a readable failure message. */
export const describeViolations = (violations: readonly AxeViolation[]): string[] =>
  violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);

export const seriousOrCritical = (violations: readonly AxeViolation[]): AxeViolation[] =>
  violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
