// Finding 2: in anonymous mode nothing checked serviceUrl, so replies, welcomes, previews and
// scheduled posts went wherever the caller said, and the address was stored for later posts.
import { startApp } from '../../testkit/app-harness';
import type { RunningApp } from '../../testkit/app-harness';
import { startFakeConnector } from '../../testkit/fake-connector';
import type { FakeConnector } from '../../testkit/fake-connector';
import { activity } from '../helpers/fixtures';
import { addChannel, MONDAY_9_LONDON, fakeClock, schedulerFor } from '../../testkit/scheduling';
import { loadOrThrow } from '../../testkit/kb';
import { openStore } from '../../store/open';
import { recordingStore } from '../helpers/recording-store';
import { serviceUrlPolicy } from '../../bot/teams/service-url';
import { load } from '../helpers/config';

const PERSONAL = 'a:1Ka5yEe8kFzq2oT1bV9cXwN3mLpQrS7tUvWxYz0AbCdEfGhIjKlMnOpQrStUvWxYz1234567890';
const FORBIDDEN = { code: 'Forbidden', message: 'This bot does not post to that service URL.' };

let connector: FakeConnector;
let other: FakeConnector;
let running: RunningApp | undefined;
beforeEach(async () => {
  connector = await startFakeConnector();
  other = await startFakeConnector();
});
afterEach(async () => {
  await running?.close();
  running = undefined;
  await connector.close();
  await other.close();
});

describe('anonymous (local) mode posts only to loopback', () => {
  test.each([
    ['an address on the internet', 'https://listener.attacker.example/'],
    ['a private network address', 'http://192.168.1.20:3978/'],
    ['an address with a user name (a way to smuggle a host)', 'http://127.0.0.1@listener.attacker.example/'],
    ['not a URL', 'listener'],
    ['a file URL', 'file:///etc/passwd'],
  ])('a message naming %s gets 403, no reply, and no stored reference', async (_label, serviceUrl) => {
    const app = (running = await startApp({}, { http: true }));
    const res = await app.post(activity('personal-message', serviceUrl));
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body)).toEqual(FORBIDDEN);
    expect(await app.store.conversation(PERSONAL)).toBeUndefined();
    // The URL is the caller's text: it is not logged.
    expect(app.logs.join('\n')).not.toContain(serviceUrl);
  });

  test.each(['install-team', 'group-chat-message', 'channel-mention', 'meeting-start'] as const)(
    'a %s naming a foreign service URL stores nothing and posts nothing',
    async (fixture) => {
      const store = recordingStore(await openStore('sqlite::memory:'));
      const app = (running = await startApp({}, { http: true, store }));
      const res = await app.post(activity(fixture, 'https://listener.attacker.example/'));
      expect(res.status).toBe(403);
      expect(store.written.join('\n')).not.toContain('attacker.example');
      expect(await store.postLog({}, 10)).toEqual([]);
    },
  );

  test('a loopback connector is answered, as the Agents Playground and the tests need', async () => {
    const app = (running = await startApp({}, { http: true }));
    expect((await app.post(activity('personal-message', connector.url))).status).toBe(200);
    expect(connector.requests).toHaveLength(1);
    expect((await app.store.conversation(PERSONAL))?.serviceUrl).toBe(connector.url);
  });
});

describe('ALLOWED_SERVICE_URLS', () => {
  test('only the listed address is posted to; another (even on loopback) gets 403 and nothing', async () => {
    const app = (running = await startApp({ ALLOWED_SERVICE_URLS: connector.url }, { http: true }));
    const refused = await app.post(activity('personal-message', other.url));
    expect(refused.status).toBe(403);
    expect(other.requests).toHaveLength(0);
    expect(await app.store.conversation(PERSONAL)).toBeUndefined();
    expect((await app.post(activity('personal-message', connector.url))).status).toBe(200);
    expect(connector.requests).toHaveLength(1);
  });

  test('paths under a listed address match; a longer name that only starts the same does not', () => {
    const allowed = serviceUrlPolicy(load({ ALLOWED_SERVICE_URLS: 'https://smba.trafficmanager.net/emea' }));
    expect(allowed('https://smba.trafficmanager.net/emea/')).toBe(true);
    expect(allowed('https://smba.trafficmanager.net/emea/v3/x')).toBe(true);
    expect(allowed('https://smba.trafficmanager.net/emeax/')).toBe(false);
    expect(allowed('https://smba.trafficmanager.net.attacker.example/emea/')).toBe(false);
    expect(allowed('http://smba.trafficmanager.net/emea/')).toBe(false);
  });
});

describe('a reference stored before this check', () => {
  test('is not posted to by the scheduler when its service URL is not allowed', async () => {
    const store = await openStore('sqlite::memory:');
    const kb = loadOrThrow();
    const clock = fakeClock('2026-11-20T12:00:00Z');
    // Stored while anything was accepted: a channel whose reference points at a listener of the caller's choosing.
    await addChannel(store, other.url, 1, MONDAY_9_LONDON, clock.now());
    clock.set('2026-11-23T09:00:00Z');
    const scheduler = schedulerFor(
      store,
      kb,
      clock,
      {},
      serviceUrlPolicy(load({ ALLOWED_SERVICE_URLS: connector.url })),
    );
    await scheduler.runOnce();
    expect(other.requests).toHaveLength(0);
    const [post] = await store.postLog({ subscriptionId: 'sub-1' }, 1);
    expect(post).toMatchObject({ status: 'failed', error: expect.stringMatching(/service URL is not allowed/) });
    await store.close();
  });
});
