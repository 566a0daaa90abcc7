// How the browser tests and the screenshot scripts find a Chromium (testkit/chromium.ts).
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findChromium, installedCandidates, NoChromiumError } from '../../testkit/chromium';

jest.setTimeout(120_000);

test('CHROMIUM_PATH comes first; one that is there but does not start is passed over with one line, and the next one that starts is used', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pc-broken-chromium-'));
  const broken = join(dir, 'chromium');
  writeFileSync(broken, '#!/bin/sh\necho "cannot open display" >&2\nexit 1\n');
  chmodSync(broken, 0o755);
  const said: string[] = [];
  const found = await findChromium((line) => said.push(line), { CHROMIUM_PATH: broken });
  expect(said[0]).toBe(
    `Chromium: passing over ${broken} (CHROMIUM_PATH): it did not start: Target page, context or browser has been closed; it said: cannot open display`,
  );
  // Further lines only for other candidates that are there and do not start either, one line each.
  for (const line of said.slice(1))
    expect(line).toMatch(/^Chromium: passing over \S+ \((installed|@sparticuz\/chromium)\): /);
  expect(found.executablePath).not.toBe(broken);
  expect(found.version).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
});

test('a CHROMIUM_PATH that does not exist is passed over, saying so', async () => {
  const said: string[] = [];
  await findChromium((line) => said.push(line), { CHROMIUM_PATH: '/nonexistent/chromium' });
  expect(said[0]).toBe('Chromium: passing over CHROMIUM_PATH=/nonexistent/chromium: no such file');
});

test('looks for Chrome, Chromium and Edge where each system installs them', () => {
  expect(installedCandidates('linux')).toEqual(
    expect.arrayContaining(['/usr/bin/chromium', '/usr/bin/google-chrome', '/opt/microsoft/msedge/msedge']),
  );
  expect(installedCandidates('darwin')).toContain('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome');
  expect(installedCandidates('win32', { PROGRAMFILES: 'C:\\Program Files' })).toContain(
    join('C:\\Program Files', 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
  );
});

test('when none starts, the error says how to provide one', () => {
  expect(new NoChromiumError(['/usr/bin/chromium: it did not start']).message).toBe(
    'No Chromium could be started (tried /usr/bin/chromium: it did not start). Set CHROMIUM_PATH to a Chrome, Chromium or Edge that runs here, or run `npm ci` to get the one in @sparticuz/chromium.',
  );
});
