// Run by tests/bot/telemetry.test.ts in a child process (jest cannot run the distro's dynamic
// imports): the service with Application Insights pointed at the test's loopback ingestion endpoint,
// two questions over HTTP, and one scheduled post that Teams throttles once and then takes.
import { startTelemetry } from '../../bot/telemetry';
import { openStore } from '../../store/open';
import { startApp } from '../../testkit/app-harness';
import { startFakeConnector } from '../../testkit/fake-connector';
import { activity } from './fixtures';
import { addDueChannel } from '../../testkit/scheduling';

async function run(connectionString: string, questions: string[]): Promise<void> {
  const connector = await startFakeConnector();
  const telemetry = await startTelemetry(connectionString);
  const store = await openStore('sqlite::memory:');
  const app = await startApp({ DEFAULT_FRAMEWORK: 'lbbd' }, { http: true, store, telemetry });
  try {
    for (const text of questions) {
      const res = await app.post(activity('personal-message', connector.url, { text }));
      if (res.status !== 200) throw new Error(`a question got ${res.status}`);
    }
    const channel = '19:telemetry@thread.tacv2';
    await addDueChannel(store, connector.url, channel, 'sub-t');
    connector.failNext(429, 1, { 'retry-after': '0.2' });
    await app.app.scheduler.runOnce();
    await new Promise((r) => setTimeout(r, 300));
    await app.app.scheduler.runOnce();
    const [post] = await store.postLog({ subscriptionId: 'sub-t' }, 1);
    process.stdout.write(`POST-STATUS ${post?.status} ATTEMPTS ${post?.attempts}\n`);
  } finally {
    await app.close(); // drains, closes the store and shuts telemetry down, which sends what is waiting
    await connector.close();
  }
}

const [connectionString, ...questions] = process.argv.slice(2);
run(connectionString!, questions).then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
