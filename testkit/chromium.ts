// Finds a Chromium that starts, for the browser tests and the screenshot scripts:
//   1. CHROMIUM_PATH, when set;
//   2. a Chrome, Chromium or Edge installed in the usual places;
//   3. the headless Chromium shipped inside the @sparticuz/chromium npm package (a devDependency),
//      unpacked on first use to the system temporary folder.
// A candidate that is present but does not start is passed over, with one line saying so.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

/** Flags for headless Chromium on a machine with no display and, in CI, as root. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Set by the jest global setup (tests/setup/global-setup.ts) once it has found a Chromium that starts. */
export const FOUND_CHROMIUM_VARIABLE = 'PRACTICE_COMPANION_TEST_CHROMIUM';

export interface FoundChromium {
  readonly executablePath: string;
  /** Where it came from, e.g. "CHROMIUM_PATH" or "@sparticuz/chromium". */
  readonly source: string;
  readonly version: string;
}

/** Installed browsers, in order of preference, for this operating system. */
export function installedCandidates(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): string[] {
  if (platform === 'darwin') {
    return ['Google Chrome', 'Chromium', 'Microsoft Edge'].map(
      (app) => `/Applications/${app}.app/Contents/MacOS/${app}`,
    );
  }
  if (platform === 'win32') {
    const roots = [env['PROGRAMFILES'], env['PROGRAMFILES(X86)'], env['LOCALAPPDATA']].filter((r): r is string =>
      Boolean(r),
    );
    return roots.flatMap((root) => [
      join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'),
      join(root, 'Chromium', 'Application', 'chrome.exe'),
      join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
    ]);
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/snap/bin/chromium',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/opt/google/chrome/chrome',
    '/usr/bin/microsoft-edge',
    '/usr/bin/microsoft-edge-stable',
    '/opt/microsoft/msedge/msedge',
  ];
}

/** Starts the browser at `executablePath` and closes it again; resolves to its version, or rejects. */
export async function tryLaunch(executablePath: string): Promise<string> {
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, timeout: 30_000 });
  try {
    return browser.version();
  } finally {
    await browser.close();
  }
}

/** The first line of an error, without playwright's call log. */
const firstLine = (error: unknown): string =>
  (error instanceof Error ? error.message : String(error))
    .split('\n')
    .find((l) => l.trim() !== '')
    ?.trim() ?? 'unknown error';

/** Why a launch failed, in one line: playwright's verdict and, if it printed any, the browser's first error line. */
function launchFailure(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const said = /\[pid=\d+\]\[err\]\s*(.+)/.exec(text)?.[1]?.trim();
  const verdict = firstLine(error).replace(/^browserType\.launch:\s*/, '');
  return said ? `${verdict}; it said: ${said}` : verdict;
}

/** Unpacks @sparticuz/chromium (an ES module) in a child process, so this works from jest, tsx and plain Node alike. */
function sparticuzChromium(): string {
  const script =
    "import('@sparticuz/chromium').then((m) => m.default.executablePath()).then((p) => process.stdout.write(p))";
  return execFileSync(process.execPath, ['-e', script], {
    cwd: join(__dirname, '..'),
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 120_000,
  }).trim();
}

export class NoChromiumError extends Error {
  constructor(tried: readonly string[]) {
    super(
      `No Chromium could be started${tried.length ? ` (tried ${tried.join('; ')})` : ''}. ` +
        'Set CHROMIUM_PATH to a Chrome, Chromium or Edge that runs here, or run `npm ci` to get the one in @sparticuz/chromium.',
    );
    this.name = 'NoChromiumError';
  }
}

/**
 * The first candidate that starts. `say` gets one line for each candidate that is there but does not start.
 * Throws NoChromiumError, whose message says how to provide one, when none does.
 */
export async function findChromium(
  say: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
  env: NodeJS.ProcessEnv = process.env,
): Promise<FoundChromium> {
  const tried: string[] = [];
  const attempt = async (executablePath: string, source: string): Promise<FoundChromium | undefined> => {
    try {
      return { executablePath, source, version: await tryLaunch(executablePath) };
    } catch (error) {
      const reason = launchFailure(error);
      say(`Chromium: passing over ${executablePath} (${source}): it did not start: ${reason}`);
      tried.push(`${executablePath}: ${reason}`);
      return undefined;
    }
  };

  const fromEnv = env['CHROMIUM_PATH']?.trim();
  if (fromEnv) {
    if (existsSync(fromEnv)) {
      const found = await attempt(fromEnv, 'CHROMIUM_PATH');
      if (found) return found;
    } else {
      say(`Chromium: passing over CHROMIUM_PATH=${fromEnv}: no such file`);
      tried.push(`CHROMIUM_PATH=${fromEnv}: no such file`);
    }
  }
  for (const path of installedCandidates()) {
    if (path === fromEnv || !existsSync(path)) continue;
    const found = await attempt(path, 'installed');
    if (found) return found;
  }
  let packaged: string | undefined;
  try {
    packaged = sparticuzChromium();
  } catch (error) {
    const reason =
      (error as { stderr?: string }).stderr
        ?.trim()
        .split('\n')
        .find((l) => /Error/.test(l)) ?? firstLine(error);
    say(`Chromium: passing over @sparticuz/chromium: it could not be unpacked: ${reason}`);
    tried.push(`@sparticuz/chromium: ${reason}`);
  }
  if (packaged) {
    const found = await attempt(packaged, '@sparticuz/chromium');
    if (found) return found;
  }
  throw new NoChromiumError(tried);
}
