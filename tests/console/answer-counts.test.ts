// What a question leads to is counted for the console (issue 23 §2 and §6): declined topics by the product's
// own names, safety routes shown, not-sure answers; counts only, never the text; and not a practice lead's
// own questions in their personal chat with the bot.
import { startApp } from '../../testkit/app-harness';
import type { RunningApp } from '../../testkit/app-harness';
import { startFakeConnector } from '../../testkit/fake-connector';
import type { FakeConnector } from '../../testkit/fake-connector';
import { activity } from '../helpers/fixtures';
import { recordingStore } from '../helpers/recording-store';
import { openStore } from '../../store/open';
import { clockOf } from '../../time/clock';

/** Sam Taylor, who sends the personal-message and channel-mention fixtures. */
const SAM = '6f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f';
const SOMEONE_ELSE = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const DAY = { from: '2026-11-20', to: '2026-11-20' };

describe('counting what questions led to', () => {
  let connector: FakeConnector;
  let app: RunningApp;
  let written: string[];
  const start = async (leads: string) => {
    connector = await startFakeConnector();
    const store = recordingStore(await openStore('sqlite::memory:'));
    written = store.written;
    app = await startApp(
      { DEFAULT_FRAMEWORK: 'lbbd', PRACTICE_LEAD_AAD_IDS: leads },
      { http: true, store, clock: clockOf(() => new Date('2026-11-20T10:00:00Z')) },
    );
  };
  afterEach(async () => {
    await app.close();
    await connector.close();
  });
  const inPersonal = (text: string) => app.post(activity('personal-message', connector.url, { text }));
  const inChannel = (text: string) =>
    app.post(activity('channel-mention', connector.url, { text: `<at>Practice Companion</at> ${text}` }));
  const counted = async () =>
    (await app.store.dailyCounts(['not-sure', 'declined', 'route'], DAY))
      .map((c) => `${c.metric} ${c.item} ${c.count}`)
      .sort();

  test("a declined topic is counted under its name from the product's list, and each safety route shown, never the words", async () => {
    await start(SOMEONE_ELSE);
    await inPersonal('how do zebra teams use signs of safety mapping');
    await inPersonal('what is the s47 zebra threshold');
    await inPersonal('a child has just disclosed abuse to me');
    await inPersonal("I'm burnt out and finding it hard");
    expect(await counted()).toEqual([
      'declined Signs of Safety 1',
      'declined section 47 enquiries 1',
      'not-sure lbbd 2',
      'route child-at-risk 1',
      'route distress 1',
    ]);
    const countWrites = written.filter((w) => /declined|route|not-sure/.test(w));
    expect(countWrites.join('\n')).not.toMatch(/zebra|disclosed|burnt/);
    const insights = (await (await fetch(`${app.url}/api/console/insights`)).json()) as Record<string, unknown>;
    expect(insights['declinedTopics']).toEqual([
      { topic: 'section 47 enquiries', count: 1 },
      { topic: 'Signs of Safety', count: 1 },
    ]);
    expect(insights['routesShown']).toEqual([
      { route: 'child-at-risk', count: 1 },
      { route: 'worker-safety', count: 0 },
      { route: 'worker-crisis', count: 0 },
      { route: 'distress', count: 1 },
    ]);
    expect(app.logs.join('\n')).not.toMatch(/zebra/);
  });

  test("a practice lead's own questions in their personal chat are not staff use: nothing is counted", async () => {
    await start(SAM);
    await inPersonal('what does accountability mean');
    await inPersonal('signs of safety');
    await inPersonal('zebra crossings and quantum ferries');
    await inPersonal('a child has just disclosed abuse to me');
    expect(await counted()).toEqual([]);
    expect(await app.store.askCounts(DAY)).toEqual([]);
    // The same lead asking in a team's channel is using it with their team: counted.
    await inChannel('what does accountability mean');
    await inChannel('signs of safety');
    expect(await counted()).toEqual(['declined Signs of Safety 1', 'not-sure lbbd 1']);
    expect(await app.store.askCounts(DAY)).toEqual([{ entryId: 'lbbd-accountability', day: '2026-11-20', count: 1 }]);
  });

  test('anyone else in a personal chat is counted', async () => {
    await start(SOMEONE_ELSE);
    await inPersonal('what does accountability mean');
    await inPersonal('zebra crossings and quantum ferries');
    expect(await counted()).toEqual(['not-sure lbbd 1']);
    expect(await app.store.askCounts(DAY)).toEqual([{ entryId: 'lbbd-accountability', day: '2026-11-20', count: 1 }]);
  });
});
