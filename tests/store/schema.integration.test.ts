import { sql } from 'kysely';
import { openPostgres, openSqlite } from '../../store/db';
import type { Db } from '../../store/db';
import { PRIMARY_KEYS, TABLES } from '../../store/schema';
import type { TableName } from '../../store/schema';
import { BACKENDS } from '../../testkit/stores';

/** The type each backend reports for a column declared as text, bigint or integer. */
const REPORTED = {
  sqlite: { text: 'TEXT', bigint: 'BIGINT', integer: 'INTEGER' },
  postgres: { text: 'text', bigint: 'int8', integer: 'int4' },
} as const;

const isTable = (name: string): name is TableName => name in TABLES;

describe.each(BACKENDS)('the tables declared in store/schema.ts, on $name', (backend) => {
  test('are exactly the tables and columns a freshly migrated database holds, with the same types and NULLs', async () => {
    const fresh = await backend.fresh();
    const store = await fresh.open(); // runs the migrations
    await store.close();
    const db: Db =
      backend.name === 'sqlite' ? openSqlite(fresh.url.slice('sqlite:'.length)) : await openPostgres(fresh.url);
    try {
      const schema =
        backend.name === 'postgres'
          ? String((await sql<{ s: string }>`SELECT current_schema() AS s`.execute(db.k)).rows[0]?.s)
          : undefined;
      const tables = (await db.k.introspection.getTables()).filter(
        (t) => !t.isView && (schema === undefined || t.schema === schema),
      );

      // What the database holds, in the description's terms.
      const found = Object.fromEntries(
        tables.map((t) => [
          t.name,
          Object.fromEntries(
            t.columns.map((c) => {
              // SQLite lets a TEXT primary key column hold NULL unless it says NOT NULL; the application never writes one.
              const key = isTable(t.name) && (PRIMARY_KEYS[t.name] as readonly string[]).includes(c.name);
              return [c.name, { type: c.dataType, nullable: backend.name === 'sqlite' && key ? false : c.isNullable }];
            }),
          ),
        ]),
      );
      const declared = Object.fromEntries(
        Object.entries(TABLES).map(([name, columns]) => [
          name,
          Object.fromEntries(
            Object.entries(columns).map(([column, c]) => [
              column,
              { type: REPORTED[backend.name][c.type], nullable: c.nullable },
            ]),
          ),
        ]),
      );
      // Both ways: nothing declared is missing from the database, nothing in the database is undeclared.
      expect(Object.keys(found).sort()).toEqual(Object.keys(declared).sort());
      expect(found).toEqual(declared);
    } finally {
      await db.close();
      await fresh.drop();
    }
  });
});
