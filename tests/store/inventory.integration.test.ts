import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Client } from 'pg';
import { RETENTION_DEFAULTS } from '../../bot/config';
import { BACKENDS } from '../../testkit/stores';
import type { Backend } from '../../testkit/stores';

const DOC = join(__dirname, '..', '..', 'docs', 'data-protection.md');

/** Every table and its columns, as the database itself reports them. */
async function schemaOf(backend: Backend['name'], url: string): Promise<Map<string, string[]>> {
  const tables = new Map<string, string[]>();
  if (backend === 'sqlite') {
    const db = new Database(url.slice('sqlite:'.length), { readonly: true });
    try {
      const names = db
        .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
        .all() as Array<{ name: string }>;
      for (const { name } of names)
        tables.set(
          name,
          (db.pragma(`table_info(${name})`) as Array<{ name: string }>).map((c) => c.name),
        );
    } finally {
      db.close();
    }
    return tables;
  }
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ table_name: string; column_name: string }>(
      `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position`,
    );
    for (const r of rows) tables.set(r.table_name, [...(tables.get(r.table_name) ?? []), r.column_name]);
  } finally {
    await client.end();
  }
  return tables;
}

/** The tables and columns the inventory describes: a "### `table`" heading, then rows "| `column` | …". */
function documented(markdown: string): Map<string, string[]> {
  const tables = new Map<string, string[]>();
  let current: string | undefined;
  for (const line of markdown.split('\n')) {
    const heading = /^### `([a-z_]+)`\s*$/.exec(line);
    if (heading) {
      current = heading[1]!;
      tables.set(current, []);
      continue;
    }
    if (/^#{1,3} /.test(line)) current = undefined;
    const row = /^\| `([a-z_]+)` \|/.exec(line);
    if (row && current !== undefined) tables.get(current)!.push(row[1]!);
  }
  return tables;
}

/** What is in the database but not in the document, and what the document names that the database lacks. */
function differences(
  schema: Map<string, string[]>,
  doc: Map<string, string[]>,
): { undocumented: string[]; stale: string[] } {
  const pairs = (m: Map<string, string[]>) =>
    new Set([...m].flatMap(([table, columns]) => [table, ...columns.map((c) => `${table}.${c}`)]));
  const inSchema = pairs(schema);
  const inDoc = pairs(doc);
  return {
    undocumented: [...inSchema].filter((p) => !inDoc.has(p)).sort(),
    stale: [...inDoc].filter((p) => !inSchema.has(p)).sort(),
  };
}

describe.each(BACKENDS)('the data inventory (docs/data-protection.md) against the $name schema', (backend) => {
  let db: Awaited<ReturnType<typeof backend.fresh>>;
  beforeEach(async () => {
    db = await backend.fresh();
    await (await db.open()).close(); // migrated to the newest version
  });
  afterEach(() => db.drop());

  test('describes every table and column, and none that does not exist', async () => {
    const schema = await schemaOf(backend.name, db.url);
    expect(schema.size).toBeGreaterThanOrEqual(11);
    expect(differences(schema, documented(readFileSync(DOC, 'utf8')))).toEqual({ undocumented: [], stale: [] });
  });

  test('fails when a column is added without its line', async () => {
    // As a future migration would: a new column on votes, and a new table.
    if (backend.name === 'sqlite') {
      const raw = new Database(db.url.slice('sqlite:'.length));
      raw.exec(
        'ALTER TABLE votes ADD COLUMN comment TEXT; CREATE TABLE free_text_notes (id TEXT PRIMARY KEY, note TEXT)',
      );
      raw.close();
    } else {
      const client = new Client({ connectionString: db.url });
      await client.connect();
      try {
        await client.query('ALTER TABLE votes ADD COLUMN comment TEXT');
        await client.query('CREATE TABLE free_text_notes (id TEXT PRIMARY KEY, note TEXT)');
      } finally {
        await client.end();
      }
    }
    const found = differences(await schemaOf(backend.name, db.url), documented(readFileSync(DOC, 'utf8')));
    expect(found.undocumented).toEqual([
      'free_text_notes',
      'free_text_notes.id',
      'free_text_notes.note',
      'votes.comment',
    ]);
  });
});

test('the inventory states each retention setting with the default the service uses', () => {
  const doc = readFileSync(DOC, 'utf8');
  for (const [setting, days] of Object.entries(RETENTION_DEFAULTS)) {
    expect(doc).toMatch(new RegExp(`\\| \`${setting}\` \\| ${days} days \\|`));
  }
});

/** The text of a Markdown file's section, from its `## heading` to the next `## `; fails if there is no such heading. */
function section(file: string, heading: string): string {
  const text = readFileSync(join(__dirname, '..', '..', file), 'utf8');
  const start = text.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`${file} has no "## ${heading}" section`);
  const end = text.indexOf('\n## ', start + 1);
  return text.slice(start, end < 0 ? undefined : end);
}

test('the README, and the privacy and operations pages, link the inventory from their privacy sections', () => {
  expect(section('README.md', 'Privacy and security')).toContain('(docs/data-protection.md)');
  expect(section('docs/security.md', 'Privacy')).toContain('(data-protection.md)');
  expect(section('docs/operations.md', 'Data protection')).toContain('(data-protection.md)');
});
