// Finding 3: typed text was kept. The group chat's title was stored in the conversation reference;
// any well-formed answer id a caller made up was stored as a vote (one person cast 1,003 votes for
// answers that never existed).
import { sql } from 'kysely';
import { openPostgres, openSqlite } from '../../store/db';
import { MIGRATIONS } from '../../store/migrations';
import type { Db } from '../../store/db';
import type { Store } from '../../store/types';
import { startApp } from '../../testkit/app-harness';
import type { RunningApp } from '../../testkit/app-harness';
import { startFakeConnector } from '../../testkit/fake-connector';
import type { FakeConnector } from '../../testkit/fake-connector';
import { activity, cardOf } from '../helpers/fixtures';
import { recordingStore } from '../helpers/recording-store';
import { BACKENDS } from '../../testkit/stores';

const CHAT_TITLE = 'Zephyrine Quilliam family review';
const GROUP_CHAT = '19:b2e8c4d6f0a1437e9c5d8b7a6f3e2d1c@thread.v2';

describe.each(BACKENDS)('on $name', (backend) => {
  let db: Awaited<ReturnType<typeof backend.fresh>>;
  let connector: FakeConnector;
  let running: RunningApp | undefined;
  beforeEach(async () => {
    db = await backend.fresh();
    connector = await startFakeConnector();
  });
  afterEach(async () => {
    await running?.close();
    running = undefined;
    await connector.close();
    await db.drop();
  });
  const start = async (store?: Store) => {
    running = await startApp({}, { store: store ?? (await db.open()) });
    return running;
  };

  describe('the group chat title', () => {
    test('is not stored with the conversation reference', async () => {
      const store = recordingStore(await db.open());
      const app = await start(store);
      const message = activity('group-chat-message', connector.url);
      const conversation: Record<string, unknown> = {
        ...(message['conversation'] as Record<string, unknown>),
        name: CHAT_TITLE,
      };
      expect((await app.post({ ...message, conversation })).status).toBe(200);
      const id = String(conversation['id']).split(';')[0]!;
      const saved = await app.store.conversation(id);
      expect(saved).toBeDefined();
      expect(JSON.stringify(saved)).not.toContain('Zephyrine');
      expect((saved!.reference['conversation'] as Record<string, unknown>)['name']).toBeUndefined();
      expect(store.written.join('\n')).not.toContain('Zephyrine');
    });

    test('is removed from references stored before, by a migration', async () => {
      // A database as the previous version left it: migrations 1 and 2, and a reference with a name.
      const old: Db =
        backend.name === 'sqlite' ? openSqlite(db.url.slice('sqlite:'.length)) : await openPostgres(db.url);
      await sql`CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)`.execute(
        old.k,
      );
      for (const m of MIGRATIONS.filter((m) => m.version <= 2)) {
        for (const statement of m.statements) await sql.raw(statement).execute(old.k);
        await old.k
          .insertInto('schema_migrations')
          .values({ version: m.version, name: m.name, applied_at: 0 })
          .execute();
      }
      const reference = {
        bot: { id: '28:bot' },
        channelId: 'msteams',
        serviceUrl: connector.url,
        conversation: { id: GROUP_CHAT, isGroup: true, conversationType: 'groupChat', name: CHAT_TITLE, tenantId: 't' },
      };
      const row = {
        tenant_id: null,
        team_id: null,
        service_url: connector.url,
        status: 'active',
        gone_reason: null,
        updated_at: 0,
      } as const;
      await old.k
        .insertInto('conversations')
        .values({ ...row, id: GROUP_CHAT, kind: 'groupChat', reference: JSON.stringify(reference) })
        .execute();
      await old.k
        .insertInto('conversations')
        .values({
          ...row,
          id: 'a:personal',
          kind: 'personal',
          reference: JSON.stringify({ ...reference, conversation: { id: 'a:personal' } }),
        })
        .execute();
      await old.close();

      const store = await db.open();
      try {
        const migrated = await store.conversation(GROUP_CHAT);
        expect(JSON.stringify(migrated)).not.toContain('Zephyrine');
        expect(migrated?.reference).toEqual({
          ...reference,
          conversation: { id: GROUP_CHAT, isGroup: true, conversationType: 'groupChat', tenantId: 't' },
        });
        expect((await store.conversation('a:personal'))?.reference['conversation']).toEqual({ id: 'a:personal' });
      } finally {
        await store.close();
      }
    });
  });

  describe('votes', () => {
    const vote = (app: RunningApp, answerId: string, helpful = true, from?: Record<string, unknown>) => {
      const base = activity('adaptive-card-action', connector.url, {
        value: {
          action: {
            type: 'Action.Execute',
            verb: 'feedback',
            data: { answerId, entryId: 'lbbd-accountability', helpful },
          },
          trigger: 'manual',
        },
      });
      return app.post(from ? { ...base, from: { ...(base['from'] as Record<string, unknown>), ...from } } : base);
    };
    const ask = async (app: RunningApp): Promise<string> => {
      await app.post(activity('personal-message', connector.url));
      const card = JSON.stringify(cardOf(connector.sent().at(-1)));
      const id = /"answerId":"([A-Za-z0-9_-]+)"/.exec(card)?.[1];
      expect(id).toBeDefined();
      return id!;
    };
    const replyText = (res: { body: string }) => JSON.stringify(JSON.parse(res.body));

    test.each([
      ['a made-up id', 'k3J9xQ2vLm8RtY4w'],
      [
        'an id of the right length and alphabet, not signed by this bot',
        'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWX',
      ],
    ])('for %s: "this card has expired", and nothing stored', async (_label, answerId) => {
      const store = recordingStore(await db.open());
      const app = await start(store);
      const res = await vote(app, answerId);
      expect(res.status).toBe(200);
      expect(replyText(res)).toMatch(/This card has expired/);
      expect(await app.store.feedbackCounts()).toEqual([]);
      expect(store.written.join('\n')).not.toContain(answerId);
    });

    test('for an id the bot issued on an answer card: counted; an altered copy of it is not', async () => {
      const app = await start();
      const id = await ask(app);
      const altered = `${id.slice(0, -1)}${id.endsWith('A') ? 'B' : 'A'}`;
      expect(replyText(await vote(app, altered))).toMatch(/This card has expired/);
      expect(await app.store.feedbackCounts()).toEqual([]);
      expect(replyText(await vote(app, id))).toMatch(/Thank you/);
      expect(await app.store.feedbackCounts()).toEqual([
        expect.objectContaining({ entryId: 'lbbd-accountability', helpful: 1 }),
      ]);
    });

    test('ids stay valid after a restart: the key is kept in the store', async () => {
      let app = await start();
      const id = await ask(app);
      await app.close();
      app = await start();
      expect(replyText(await vote(app, id))).toMatch(/Thank you/);
    });

    test('one person may vote 20 times a minute; beyond that, a polite "wait a moment" and no row', async () => {
      const app = await start();
      const ids: string[] = [];
      for (let i = 0; i < 23; i++) ids.push(await ask(app));
      const replies: string[] = [];
      for (const id of ids) replies.push(replyText(await vote(app, id)));
      expect(replies.slice(0, 20).every((r) => /Thank you/.test(r))).toBe(true);
      expect(replies.slice(20).every((r) => /a lot of votes in the last minute/.test(r))).toBe(true);
      expect((await app.store.feedbackCounts()).reduce((n, c) => n + c.helpful, 0)).toBe(20);
      // Someone else is not held up by it.
      expect(
        replyText(
          await vote(app, ids[22]!, true, {
            id: '29:someone-else',
            aadObjectId: '0e1d2c3b-4a59-4687-9a0b-1c2d3e4f5a6b',
          }),
        ),
      ).toMatch(/Thank you/);
    });
  });
});
