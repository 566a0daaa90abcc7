import { sql } from 'kysely';
import { compiledOnce, openSqlite, transaction } from '../../store/db';
import type { Db } from '../../store/db';

// compiledOnce runs a statement on the answering path straight on SQLite when no transaction holds the
// connection. These check the other case: a statement issued while a transaction is open waits its turn,
// so it neither sees the transaction's uncommitted rows nor becomes part of it.
describe('compiledOnce on SQLite', () => {
  let db: Db;
  beforeEach(async () => {
    db = openSqlite(':memory:');
    await sql`CREATE TABLE settings (scope_id TEXT PRIMARY KEY, framework_id TEXT)`.execute(db.k);
    await sql`CREATE TABLE daily_counts (day TEXT, metric TEXT, item TEXT, count BIGINT, PRIMARY KEY (day, metric, item))`.execute(
      db.k,
    );
  });
  afterEach(() => db.close());

  const reader = () =>
    compiledOnce<{ framework_id: string | null }, [string]>(db, (k, value) =>
      k.selectFrom('settings').select('framework_id').where('scope_id', '=', value(0)),
    );
  const writer = () =>
    compiledOnce<unknown, [string]>(db, (k, value) =>
      k.insertInto('daily_counts').values({ day: value(0), metric: 'not-sure', item: 'lbbd', count: 1 }),
    );

  test('reads and writes outside a transaction, with Kysely-shaped results', async () => {
    const add = writer();
    const written = await add('2026-11-30');
    expect(written.numAffectedRows).toBe(1n);
    await sql`INSERT INTO settings (scope_id, framework_id) VALUES ('team:1', 'jersey')`.execute(db.k);
    expect((await reader()('team:1')).rows).toEqual([{ framework_id: 'jersey' }]);
    expect((await reader()('team:2')).rows).toEqual([]);
  });

  test('a read issued while a transaction is open waits for it, and does not see its rows before the commit', async () => {
    const read = reader();
    let readDuring: Promise<unknown> | undefined;
    await transaction(db.k, async (tx) => {
      await sql`INSERT INTO settings (scope_id, framework_id) VALUES ('team:1', 'jersey')`.execute(tx);
      readDuring = read('team:1');
      await new Promise((resolve) => setTimeout(resolve, 20));
      await sql`UPDATE settings SET framework_id = 'lbbd' WHERE scope_id = 'team:1'`.execute(tx);
    });
    // Had it run inside the transaction, it would have seen 'jersey'.
    expect(await readDuring).toMatchObject({ rows: [{ framework_id: 'lbbd' }] });
  });

  test('a write issued while a transaction is open is not rolled back with it', async () => {
    const add = writer();
    let written: Promise<unknown> | undefined;
    await expect(
      transaction(db.k, async (tx) => {
        await sql`INSERT INTO settings (scope_id, framework_id) VALUES ('team:1', 'jersey')`.execute(tx);
        written = add('2026-11-30');
        await new Promise((resolve) => setTimeout(resolve, 20));
        throw new Error('the transaction fails');
      }),
    ).rejects.toThrow('the transaction fails');
    await written;
    const counts = await sql<{ n: number }>`SELECT COUNT(*) AS n FROM daily_counts`.execute(db.k);
    expect(counts.rows[0]?.n).toBe(1);
    const settings = await sql<{ n: number }>`SELECT COUNT(*) AS n FROM settings`.execute(db.k);
    expect(settings.rows[0]?.n).toBe(0);
  });

  test('an error from the statement is a rejected promise, not a throw', async () => {
    const add = writer();
    await add('2026-11-30');
    const again = add('2026-11-30'); // the same primary key
    // better-sqlite3's SqliteError is not an Error of the test's realm when jest runs in workers: match its message.
    await expect(again).rejects.toMatchObject({ message: expect.stringMatching(/UNIQUE constraint failed/) });
  });
});
