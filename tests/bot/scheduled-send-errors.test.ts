import { openStore } from '../../store/open';
import type { Store } from '../../store/types';
import { startApp } from '../../testkit/app-harness';
import type { RunningApp } from '../../testkit/app-harness';
import { startFakeConnector } from '../../testkit/fake-connector';
import type { FakeConnector } from '../../testkit/fake-connector';
import { addDueChannel } from '../../testkit/scheduling';

// The service's own adapter has an onTurnError for replies. A scheduled post that Teams refuses must
// still reach the scheduler as refused, not be caught there and recorded as sent.
describe("scheduled posts sent through the service's own adapter", () => {
  let store: Store;
  let connector: FakeConnector;
  let app: RunningApp;
  const channel = '19:errors@thread.tacv2';
  beforeEach(async () => {
    store = await openStore('sqlite::memory:');
    connector = await startFakeConnector();
    app = await startApp({}, { store });
    await addDueChannel(store, connector.url, channel, 'sub-e');
  });
  afterEach(async () => {
    await app.close();
    await connector.close();
  });
  const post = async () => (await store.postLog({ subscriptionId: 'sub-e' }, 1))[0];

  test('a 429 is retried after its Retry-After, not recorded as sent at the first attempt', async () => {
    connector.failNext(429, 1, { 'retry-after': '0.1' });
    await app.app.scheduler.runOnce();
    expect(await post()).toMatchObject({ status: 'sent', attempts: 2 });
    expect(connector.requests.filter((r) => r.path.includes('errors'))).toHaveLength(2);
  });

  test('a 403 (the bot was removed) marks the conversation gone', async () => {
    connector.failNext(403);
    await app.app.scheduler.runOnce();
    expect(await post()).toMatchObject({ status: 'gone' });
    expect(await store.conversation(channel)).toMatchObject({ status: 'gone' });
  });

  test('a post Teams takes is recorded as sent, with its activity id', async () => {
    await app.app.scheduler.runOnce();
    expect(await post()).toMatchObject({ status: 'sent', activityId: expect.stringMatching(/^activity-/) });
  });
});
