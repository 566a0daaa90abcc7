// Third probe, finding 4: `data erase` left the person in place. framework_versions.published_by,
// framework_drafts.updated_by and the person's personal-chat conversation row all survived, `data
// export` listed none of them, and the command's words read as complete.
import Database from 'better-sqlite3';
import { Client } from 'pg';
import { TABLES } from '../../store/schema';
import { conversationBucket } from '../../store/send-budget';
import type { Store } from '../../store/types';
import { startApp } from '../../testkit/app-harness';
import type { RunningApp } from '../../testkit/app-harness';
import { runOps } from '../helpers/cli';
import { startFakeConnector } from '../../testkit/fake-connector';
import type { FakeConnector } from '../../testkit/fake-connector';
import { activity } from '../helpers/fixtures';
import { BACKENDS } from '../../testkit/stores';

jest.setTimeout(60_000);

/** Sam: a practice lead, who chats with the bot, chose a framework there, edited and published in the console. */
const SAM = '6f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f';
const SAM_CHAT = 'a:1Ka5yEe8kFzq2oT1bV9cXwN3mLpQrS7tUvWxYz0AbCdEfGhIjKlMnOpQrStUvWxYz1234567890';
const ALEX = '0a9b8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d';
/** Someone else's chat, with a share of the send budget that erasing Sam must leave alone. */
const OTHER_CHAT = 'a:1Other0chat0of0someone0else';

describe.each(BACKENDS)('erasure is erasure, on $name', (backend) => {
  let db: Awaited<ReturnType<typeof backend.fresh>>;
  let store: Store;
  let connector: FakeConnector;
  let app: RunningApp;

  beforeEach(async () => {
    db = await backend.fresh();
    store = await db.open();
    connector = await startFakeConnector();
    app = await startApp({ DEFAULT_FRAMEWORK: 'lbbd', PRACTICE_LEAD_AAD_IDS: `${SAM},${ALEX}` }, { store });
    // Sam's personal chat: the bot keeps its address (conversations) and, for a lead, the lead chat.
    expect((await app.post(activity('personal-message', connector.url))).status).toBe(200);
    // A choice Sam made there: a setting for that chat, and an audit entry.
    expect((await app.post(activity('personal-message', connector.url, { text: 'framework jersey' }))).status).toBe(
      200,
    );
    const versions = store.frameworkVersions!;
    expect(await versions.saveDraft('jersey', 0, { source: 'x', base: 'file:0', by: SAM, at: new Date() })).toBe(true);
    expect(
      await versions.publish({
        frameworkId: 'lbbd',
        after: 0,
        source: 'framework: {}',
        fileHash: '0'.repeat(64),
        note: 'A clearer summary',
        reason: null,
        publishedBy: SAM,
        at: new Date(),
        diff: '{}',
        draftRev: null,
      }),
    ).toBe(1);
    expect(
      await versions.publish({
        frameworkId: 'jersey',
        after: 0,
        source: 'framework: {}',
        fileHash: '0'.repeat(64),
        note: "Alex's change",
        reason: null,
        publishedBy: ALEX,
        at: new Date(),
        diff: '{}',
        draftRev: null,
      }),
    ).toBe(1);
  });
  afterEach(async () => {
    await app.close();
    await connector.close();
    await db.drop();
  });

  const ops = (...args: string[]) => runOps(args, { DATABASE_URL: db.url });

  test('export lists what the editor, the lead chat and the personal chat hold about them', async () => {
    const run = await ops('data', 'export', '--user', SAM);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(out['frameworkVersionsPublished']).toEqual([
      expect.objectContaining({ frameworkId: 'lbbd', version: 1, note: 'A clearer summary' }),
    ]);
    expect(out['frameworkDraftsSaved']).toEqual([expect.objectContaining({ frameworkId: 'jersey' })]);
    expect(out['leadChats']).toEqual([expect.objectContaining({ conversationId: SAM_CHAT })]);
    expect(out['personalChats']).toEqual([
      expect.objectContaining({ conversationId: SAM_CHAT, kind: 'personal', settings: { frameworkId: 'jersey' } }),
    ]);
    expect(run.stdout).not.toContain(ALEX);
  });

  test('the probe: after erase no published_by, updated_by, lead chat or personal chat holds them, and the command says so table by table', async () => {
    // Scheduled posts to Sam's chat and another left their shares of Teams' send budget (migration 11).
    for (const chat of [SAM_CHAT, OTHER_CHAT]) await putBudgetRow(db.url, conversationBucket(chat));
    const run = await ops('data', 'erase', '--user', SAM);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { tables: Record<string, { deleted: number; anonymised: number }> };
    expect(out.tables).toMatchObject({
      framework_versions: { deleted: 0, anonymised: 1 },
      framework_drafts: { deleted: 0, anonymised: 1 },
      lead_chats: { deleted: 1, anonymised: 0 },
      conversations: { deleted: 1, anonymised: 0 },
      settings: { deleted: 1, anonymised: 0 },
      send_budget: { deleted: 1, anonymised: 0 },
    });
    // What it says: each table, in words.
    for (const line of [
      /^framework_versions: 1 made anonymous/m,
      /^framework_drafts: 1 made anonymous/m,
      /^lead_chats: 1 deleted/m,
      /^conversations: 1 deleted/m,
      /^settings: 1 deleted/m,
      /^audit_log: .*deleted/m,
      /^send_budget: 1 deleted$/m,
    ])
      expect(run.stderr).toMatch(line);

    const versions = store.frameworkVersions!;
    expect((await versions.newest('lbbd'))?.publishedBy).toBe('erased');
    expect((await versions.draft('jersey'))?.updatedBy).toBe('erased');
    // Alex's are untouched.
    expect((await versions.newest('jersey'))?.publishedBy).toBe(ALEX);
    expect(await store.conversation(SAM_CHAT)).toBeUndefined();
    expect(await store.leadChats()).toEqual([]);

    expect(await store.frameworkFor(`conversation:${SAM_CHAT}`)).toBeUndefined();
    // Nothing in any table names Sam or Sam's chat any more.
    const everything = await dumpTables(db.url);
    expect(JSON.stringify(everything)).not.toContain(SAM);
    expect(JSON.stringify(everything)).not.toContain(SAM_CHAT);
    expect(everything['send_budget']).toEqual([expect.objectContaining({ key: conversationBucket(OTHER_CHAT) })]);

    const after = JSON.parse((await ops('data', 'export', '--user', SAM)).stdout) as Record<string, unknown[]>;
    for (const key of [
      'frameworkVersionsPublished',
      'frameworkDraftsSaved',
      'leadChats',
      'personalChats',
      'auditEntries',
    ])
      expect(after[key]).toEqual([]);
  });
});

/**
 * A conversation's row in the send budget, as a scheduled post leaves it on PostgreSQL. Written straight
 * to the database on both: SQLite keeps the table (empty in use), and erasure must not depend on that.
 */
async function putBudgetRow(url: string, key: string): Promise<void> {
  const nextAtUs = Date.now() * 1000;
  if (url.startsWith('sqlite:')) {
    const raw = new Database(url.slice('sqlite:'.length));
    try {
      raw.prepare('INSERT INTO send_budget (key, next_at_us) VALUES (?, ?)').run(key, nextAtUs);
    } finally {
      raw.close();
    }
    return;
  }
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('INSERT INTO send_budget (key, next_at_us) VALUES ($1, $2)', [key, nextAtUs]);
  } finally {
    await client.end();
  }
}

/** Every row of every table the schema declares, read straight from the database. */
async function dumpTables(url: string): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  if (url.startsWith('sqlite:')) {
    const raw = new Database(url.slice('sqlite:'.length), { readonly: true });
    try {
      for (const table of Object.keys(TABLES)) out[table] = raw.prepare(`SELECT * FROM ${table}`).all();
    } finally {
      raw.close();
    }
    return out;
  }
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    for (const table of Object.keys(TABLES)) out[table] = (await client.query(`SELECT * FROM ${table}`)).rows;
  } finally {
    await client.end();
  }
  return out;
}
