// The tenant allow-list and conversation tracking are middleware on the adapter. botbuilder runs an
// adapter's middleware for the turns the bot starts itself too (scheduled posts, new threads, private
// previews): those must pass untouched, and nothing that arrives may pass as one of them.
import { DateTime } from 'luxon';
import { startApp } from '../../testkit/app-harness';
import type { RunningApp } from '../../testkit/app-harness';
import { startFakeConnector } from '../../testkit/fake-connector';
import type { FakeConnector } from '../../testkit/fake-connector';
import { activity } from '../helpers/fixtures';
import { addPost } from '../../testkit/stores';
import { openStore } from '../../store/open';
import { WEEKLY_FORM_SUBMIT } from '../../testkit/scheduling';

const FIXTURE_TENANT = '3d5f3b7a-8c2e-4f1a-9b6d-2e7c4a1f0b93';
const OTHER_TENANT = '11111111-2222-4333-8444-555555555555';
const CHANNEL = '19:5b6c0a2f7e8d4c1b9a3e6f0d2c8b7a41@thread.tacv2';

let connector: FakeConnector;
let app: RunningApp | undefined;
beforeEach(async () => {
  connector = await startFakeConnector();
});
afterEach(async () => {
  await app?.close();
  app = undefined;
  await connector.close();
});

const newConversations = () => connector.requests.filter((r) => r.method === 'POST' && r.path === '/v3/conversations');
/** The conversation the bot opened: where it sent what followed its POST /v3/conversations. */
const openedId = () => {
  const after = connector.requests.slice(connector.requests.findIndex((r) => r.path === '/v3/conversations') + 1);
  const match = after.map((r) => /^\/v3\/conversations\/([^/]+)\/activities/.exec(r.path)).find((m) => m !== null);
  expect(match).toBeDefined();
  return decodeURIComponent(match![1]!);
};
const events = (running: RunningApp) =>
  running.logs.map((l) => JSON.parse(l) as Record<string, unknown>).map((l) => l['event']);

test("an incoming event dressed as one of the bot's own turns is still checked against ALLOWED_TENANTS", async () => {
  app = await startApp({ ALLOWED_TENANTS: OTHER_TENANT });
  const forged = activity('personal-message', connector.url, {
    type: 'event',
    name: 'ContinueConversation',
    text: undefined,
  });
  expect((await app.post(forged)).status).toBe(200);
  expect(events(app)).toContain('tenant-refused');
  expect(
    await app.store.conversation('a:1Ka5yEe8kFzq2oT1bV9cXwN3mLpQrS7tUvWxYz0AbCdEfGhIjKlMnOpQrStUvWxYz1234567890'),
  ).toBeUndefined();
});

test("a private preview opens the one-to-one chat in the turn's tenant, and that new chat is not tracked as one the bot heard from", async () => {
  app = await startApp({ DEFAULT_FRAMEWORK: 'lbbd', ALLOWED_TENANTS: FIXTURE_TENANT });
  await app.post(activity('channel-mention', connector.url, { text: '', attachments: [], value: WEEKLY_FORM_SUBMIT }));
  await app.post(activity('channel-mention', connector.url, { text: '<at>Practice Companion</at> schedule preview' }));
  const [opened] = newConversations();
  expect(opened?.body).toMatchObject({
    isGroup: false,
    tenantId: FIXTURE_TENANT,
    channelData: { tenant: { id: FIXTURE_TENANT } },
  });
  expect(String(connector.sent().at(-1)?.['text'])).toContain('sent you the preview in our one-to-one chat');
  expect(await app.store.conversation(CHANNEL)).toBeDefined();
  expect(await app.store.conversation(openedId())).toBeUndefined();
});

test('the welcome thread a team install starts carries the tenant, lower-cased, and is not tracked either', async () => {
  app = await startApp();
  const install = activity('install-team', connector.url);
  const channelData = install['channelData'] as Record<string, unknown>;
  await app.post({ ...install, channelData: { ...channelData, tenant: { id: FIXTURE_TENANT.toUpperCase() } } });
  const [opened] = newConversations();
  expect(opened?.body).toMatchObject({
    isGroup: true,
    tenantId: FIXTURE_TENANT,
    channelData: { channel: { id: CHANNEL }, tenant: { id: FIXTURE_TENANT } },
  });
  // The install's one request: the fake connector named the new thread after it.
  expect(connector.requests).toHaveLength(1);
  expect(await app.store.conversation('19:new-conversation-1@thread.tacv2')).toBeUndefined();
});

test('a scheduled post to an allowed tenant is sent even when its stored reference names no tenant', async () => {
  const store = await openStore('sqlite::memory:');
  // Stored before references kept the tenant: the conversation's own record has it.
  await store.saveConversation(
    {
      id: CHANNEL,
      kind: 'channel',
      tenantId: FIXTURE_TENANT,
      serviceUrl: connector.url,
      reference: {
        channelId: 'msteams',
        serviceUrl: connector.url,
        conversation: { id: CHANNEL, isGroup: true, conversationType: 'channel' },
        bot: { id: '28:bot', name: 'Practice Companion' },
      },
    },
    new Date(),
  );
  const due = DateTime.utc().minus({ minutes: 1 }).toJSDate();
  await addPost(
    store,
    {
      slotKey: `test-slot-${due.getTime()}`,
      conversationId: CHANNEL,
      slotAt: due,
      entryId: 'lbbd-accountability',
      content: {
        entryId: 'lbbd-accountability',
        prompts: [0],
        audience: 'group',
        position: 1,
        of: 10,
        cycle: 0,
        kind: 'post',
        kinds: 1,
      },
      status: 'pending',
    },
    due,
  );
  app = await startApp({ ALLOWED_TENANTS: FIXTURE_TENANT }, { store });
  await app.app.scheduler.runOnce();
  expect(connector.requests).toHaveLength(1);
  expect(connector.requests[0]!.path.startsWith(`/v3/conversations/${encodeURIComponent(CHANNEL)}/activities`)).toBe(
    true,
  );
  expect((await store.postLog({ conversationId: CHANNEL }, 1))[0]).toMatchObject({
    status: 'sent',
    activityId: expect.any(String),
  });
  expect(events(app)).not.toContain('tenant-refused');
});
