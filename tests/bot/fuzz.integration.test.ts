import fc from 'fast-check';
import { startApp } from '../../testkit/app-harness';
import type { RunningApp } from '../../testkit/app-harness';
import { startFakeConnector } from '../../testkit/fake-connector';
import type { FakeConnector } from '../../testkit/fake-connector';
import { captureConsole } from '../helpers/console-capture';
import { activity } from '../helpers/fixtures';
import type { FixtureName } from '../helpers/fixtures';
import { fuzz } from '../../testkit/fuzz';

// 5,000 in CI; a tenth unless PC_FUZZ_RUNS says otherwise (testkit/fuzz.ts).
const { numRuns: RUNS, seed } = fuzz(5_000);
const STACK_TRACE = /\bat [^\n]+\(?[^\s]+:\d+:\d+\)?/;

let connector: FakeConnector;
let app: RunningApp;
const rejections: unknown[] = [];
const onRejection = (reason: unknown) => rejections.push(reason);

// botbuilder prints an activity it refuses (no type, say) with console.warn: kept here, out of the test output.
const printed = captureConsole();

beforeAll(async () => {
  printed.start();
  process.on('unhandledRejection', onRejection);
  connector = await startFakeConnector();
  app = await startApp({ LOG_LEVEL: 'silent' }, { http: true });
});
afterAll(async () => {
  await app.close();
  await connector.close();
  process.off('unhandledRejection', onRejection);
  printed.stop();
});

const fixtures: FixtureName[] = [
  'personal-message',
  'channel-mention',
  'group-chat-message',
  'install-team',
  'install-personal',
  'adaptive-card-action',
];

/** A real activity with some fields replaced by junk, or junk outright. */
const malformedActivity = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .record({
        base: fc.constantFrom(...fixtures),
        changes: fc.dictionary(
          fc.constantFrom(
            'type',
            'text',
            'value',
            'name',
            'entities',
            'attachments',
            'conversation',
            'from',
            'recipient',
            'channelData',
            'membersAdded',
            'id',
            'textFormat',
            'locale',
          ),
          fc.oneof(
            fc.jsonValue(),
            fc.string({ maxLength: 3000 }),
            fc.constantFrom(
              'message',
              'invoke',
              'event',
              'conversationUpdate',
              'adaptiveCard/action',
              'composeExtension/query',
              null,
            ),
          ),
          { maxKeys: 4 },
        ),
      })
      .map(({ base, changes }) => ({ body: activity(base, connector.url, changes) })),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({
        verb: fc.oneof(fc.constantFrom('feedback', 'anotherPrompt'), fc.string()),
        data: fc.jsonValue(),
      })
      .map(({ verb, data }) => ({
        body: activity('adaptive-card-action', connector.url, {
          value: { action: { type: 'Action.Execute', verb, data } },
        }),
      })),
  },
  {
    weight: 2,
    arbitrary: fc
      .oneof(fc.string({ maxLength: 5000 }), fc.string({ unit: 'binary', maxLength: 1200 }))
      .map((text) => ({ body: activity('personal-message', connector.url, { text }) })),
  },
  { weight: 1, arbitrary: fc.jsonValue().map((body) => ({ body })) },
);

test(`${RUNS.toLocaleString('en-GB')} malformed or random activities: no crash, no 5xx with a stack trace, no unhandled rejection`, async () => {
  const statuses = new Map<number, number>();
  await fc.assert(
    fc.asyncProperty(malformedActivity, async ({ body }) => {
      const res = await fetch(`${app.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      const text = await res.text();
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      if (res.status >= 500) expect(text).not.toMatch(STACK_TRACE);
    }),
    { numRuns: RUNS, seed },
  );
  // The service is still up and answering.
  expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
  expect(rejections).toEqual([]);
  // The run really exercised both accepted and refused activities.
  expect(statuses.get(200) ?? 0).toBeGreaterThan(RUNS / 50);
  expect([...statuses.keys()].some((s) => s >= 400)).toBe(true);
  // The service refuses activities without a type itself, before botbuilder, which so prints nothing.
  expect(printed.lines).toEqual([]);
}, 300_000);
