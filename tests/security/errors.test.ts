// Finding 4: failures answered with library text, and a stack trace per request on stderr.
import { Writable } from 'node:stream';
import type { ActivityHandler } from 'botbuilder';
import type { PracticeAdapter } from '../../bot/platform/adapter';
import { createLogger } from '../../bot/logger';
import { createServer } from '../../bot/platform/http';
import type { HttpServer } from '../../bot/platform/http';
import { useBot } from '../../testkit/app-harness';
import { activity } from '../helpers/fixtures';

describe('an error outside the turn (in botbuilder, after sign-in)', () => {
  let server: HttpServer | undefined;
  afterEach(async () => {
    await server?.close(100);
    server = undefined;
  });

  test('is a 500 with a fixed message, and its stack is logged once for three requests', async () => {
    const logs: string[] = [];
    const logger = createLogger(
      { logLevel: 'debug' },
      new Writable({ write: (c: Buffer, _e, done) => (logs.push(c.toString('utf8')), done()) }),
    );
    // The adapter's two steps, the second failing as botbuilder can (its message names internals).
    const adapter = {
      authenticate: async () => ({}),
      runAuthenticated: async () => {
        throw new TypeError(
          "Cannot read properties of undefined (reading 'create') at /srv/node_modules/botbuilder-core/lib/cloudAdapterBase.js:233",
        );
      },
    } as unknown as PracticeAdapter;
    server = createServer({
      adapter,
      bot: {} as ActivityHandler,
      logger,
      health: () => ({}),
      requireToken: false,
      localOnly: true,
      serviceUrlAllowed: () => true,
    });
    const url = await server.listen(0, '127.0.0.1');
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity('personal-message', 'http://127.0.0.1:9/')),
      });
      expect(res.status).toBe(500);
      expect(await res.json()).toEqual({ code: 'InternalError', message: 'Something went wrong.' });
    }
    const errors = logs
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter((l) => l['event'] === 'process-error');
    expect(errors).toHaveLength(3);
    expect(errors.filter((l) => typeof l['stack'] === 'string')).toHaveLength(1);
    expect(logs.join('')).not.toContain('node_modules/botbuilder-core/lib/cloudAdapterBase.js:233');
  });
});

describe('an error inside a turn', () => {
  const bot = useBot({ options: () => ({ http: true }) });

  test('gets the kind reply, and its stack is logged once however often it happens', async () => {
    const running = await bot.start();
    // The store failing under the turn, the same way each time.
    jest.spyOn(running.store, 'frameworkFor').mockRejectedValue(new Error('database is locked'));
    for (let i = 0; i < 3; i++)
      expect((await running.post(activity('personal-message', bot.connector.url))).status).toBe(200);
    expect(bot.connector.sent().map((a) => a['text'])).toEqual(
      Array(3).fill('Sorry, something went wrong on my side. Please try again in a moment.'),
    );
    const errors = running.logs
      .map((l) => JSON.parse(l) as { event?: string; error?: { stack?: string } })
      .filter((l) => l.event === 'turn-error');
    expect(errors).toHaveLength(3);
    expect(errors.filter((l) => l.error?.stack !== undefined)).toHaveLength(1);
  });
});
