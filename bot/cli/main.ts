// The `practice-companion` command: running the service for an authority (people's data, backup,
// restore), then everything the knowledge CLI does (ask, kb validate).
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import Database from 'better-sqlite3';
import { main as knowledgeMain } from '../../knowledge/cli/main';
import type { Io as KnowledgeIo } from '../../knowledge/cli/main';
import { backupSqlite, restoreSqlite, sqlitePath } from '../../store/backup';
import { typedTextNotice } from '../../cards';
import { openStore, redact } from '../../store/open';
import type { Person, Store } from '../../store/types';
import type { Erasure } from '../../store/erasure';
import { ConfigError, loadConfig, processEnvironment } from '../config';
import { createVoterCodes, legacyVoterCode } from '../voter-code';
import { systemClock } from '../../time/clock';
import type { Clock } from '../../time/clock';

export const OPS_USAGE = `Running it for your authority (uses DATABASE_URL, as the service does):
  practice-companion data export --user <Entra object id>   everything stored about one person, as JSON
  practice-companion data erase --user <Entra object id>    delete their votes; put "erased" in place of their id
  practice-companion backup <file>                          copy the SQLite store, while the service runs
  practice-companion restore <file>                         put a backup in place (stop the service first)`;

export interface Io extends KnowledgeIo {
  /** The environment to read settings from; the process's own when absent. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Where .env is looked for; the working directory when absent. */
  readonly cwd?: string;
  readonly clock?: Clock;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Runs the CLI and resolves to its exit code. */
export async function main(args: readonly string[], io: Io): Promise<number> {
  const [command, ...rest] = args;
  try {
    if (command === 'data') return await data(rest, io);
    if (command === 'backup') return await backup(rest, io);
    if (command === 'restore') return await restore(rest, io);
  } catch (error) {
    io.stderr.write(
      `${error instanceof ConfigError ? `Configuration problem. ${error.message}` : (error as Error).message}\n`,
    );
    return 1;
  }
  const code = await knowledgeMain(args, io);
  if (code !== 0 || command === undefined || command === 'help' || command === '--help') {
    if (!['ask', 'kb'].includes(command ?? '')) io.stderr.write(`${OPS_USAGE}\n`);
  }
  return code;
}

function settings(io: Io) {
  return loadConfig(io.env ?? processEnvironment(), io.cwd);
}

/** Who ran the command, for the audit log: the operating system account, never the person the command is about. */
function operator(): string {
  try {
    return `command line (${userInfo().username})`;
  } catch {
    return 'command line';
  }
}

async function data(args: readonly string[], io: Io): Promise<number> {
  const [action, flag, user, ...extra] = args;
  if ((action !== 'export' && action !== 'erase') || flag !== '--user' || user === undefined || extra.length > 0) {
    io.stderr.write(`${OPS_USAGE}\n`);
    return 2;
  }
  const id = user.trim();
  if (!GUID.test(id) && !/^\d+:\S+$/.test(id)) {
    io.stderr.write(
      `"${user}" is not an Entra object id: give the person's object id (a GUID such as 6f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f), from their profile in Microsoft Entra admin centre.\n`,
    );
    return 2;
  }
  const config = settings(io);
  const now = (io.clock ?? systemClock).now();
  const file = sqlitePath(config.databaseUrl);
  if (file !== undefined && !existsSync(file)) {
    io.stderr.write(
      `There is no database at ${file}. Set DATABASE_URL to the one the service uses (see .env or the App Service settings).\n`,
    );
    return 1;
  }
  const store = await openStore(config.databaseUrl);
  try {
    // Teams gives object ids in lower case; the votes' code is made from the id exactly as Teams gave
    // it, with the service's key (and, for votes stored before codes had a key, without one).
    const ids = [...new Set([id, id.toLowerCase()])];
    const codes = createVoterCodes(store);
    const person: Person = {
      ids: [id],
      voterCodes: [...(await Promise.all(ids.map((i) => codes.code(i)))), ...ids.map(legacyVoterCode)],
    };
    if (action === 'export') {
      const found = await store.personalData(person);
      const out = {
        person: id,
        exportedAt: now.toISOString(),
        database: redact(config.databaseUrl),
        auditEntries: found.audit.map((a) => ({
          at: a.at.toISOString(),
          where: a.scopeId,
          action: a.action,
          detail: a.detail,
        })),
        votes: found.votes,
        schedulesCreated: found.schedulesCreated.map((s) => ({ ...s, createdAt: s.createdAt.toISOString() })),
        leadChats: found.leadChats.map((c) => ({ ...c, updatedAt: c.updatedAt.toISOString() })),
        personalChats: found.personalChats.map((c) => ({ ...c, updatedAt: c.updatedAt.toISOString() })),
        frameworkVersionsPublished: found.frameworkVersionsPublished.map((v) => ({
          ...v,
          publishedAt: v.publishedAt.toISOString(),
        })),
        frameworkDraftsSaved: found.frameworkDraftsSaved.map((d) => ({ ...d, updatedAt: d.updatedAt.toISOString() })),
        notes: exportNotes(config.console.suggestionRetentionDays),
      };
      io.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
      await audit(
        store,
        now,
        'data-export',
        `exported the data held about one person: ${found.audit.length} audit entries, ${found.votes.length} votes, ${found.schedulesCreated.length} schedules made`,
      );
      return 0;
    }
    const { tables } = await store.erasePerson(person);
    io.stdout.write(
      `${JSON.stringify({ person: id, erasedAt: now.toISOString(), database: redact(config.databaseUrl), tables }, null, 2)}\n`,
    );
    io.stderr.write(`${erasureReport(tables, file !== undefined).join('\n')}\n`);
    await audit(
      store,
      now,
      'data-erase',
      `erased one person's data: ${
        Object.entries(tables)
          .filter(([, n]) => n.deleted + n.anonymised > 0)
          .map(([table, n]) => `${table} ${n.deleted} deleted, ${n.anonymised} made anonymous`)
          .join('; ') || 'nothing held'
      }`,
    );
    return 0;
  } finally {
    await store.close();
  }
}

/** What the export says about what is not in it: the one privacy notice, and where the rest is. */
function exportNotes(retentionDays: number): string[] {
  return [
    "Votes are stored under a one-way code made from the id, not the id itself; these are the votes under this person's code.",
    typedTextNotice(retentionDays, 'Practice Companion'),
    'Questions sent to the practice team are stored without a name or conversation, so none can be found by person; they are in the console until a practice lead deals with them.',
    'A personal chat is listed when the person is a practice lead or made a change in it: the service keeps no other link between a person and their chat.',
    'The Teams chats themselves are held by Microsoft 365 for your organisation.',
  ];
}

/** What `data erase` changed, one line a table, and what it cannot reach. */
function erasureReport(tables: Erasure['tables'], sqlite: boolean): string[] {
  const line = ([table, n]: [string, { deleted: number; anonymised: number }]) => {
    const parts = [
      ...(ANONYMISED.has(table) ? [`${n.anonymised} made anonymous ("erased" in place of their id)`] : []),
      ...(table !== 'framework_versions' && table !== 'framework_drafts' ? [`${n.deleted} deleted`] : []),
    ];
    return `${table}: ${parts.join(', ')}`;
  };
  return [
    'Erased. What changed, table by table:',
    ...Object.entries(tables).map(line),
    ...(sqlite ? ['The database file was rebuilt, so none of it is left in the file.'] : []),
    'Backups taken before now still hold this person: delete them, or erase again after restoring one. Suggested questions are stored without a name, so none can be found by person.',
  ];
}
const ANONYMISED = new Set(['audit_log', 'subscriptions', 'framework_versions', 'framework_drafts']);

/** The CLI's own actions are audited under the scope "service", naming the operator and never the person. */
function audit(store: Store, at: Date, action: string, detail: string): Promise<void> {
  return store.audit({ scopeId: 'service', at, actor: operator(), action, detail });
}

function onlySqlite(url: string, what: string, io: Io): string | undefined {
  const path = sqlitePath(url);
  if (path === undefined) {
    io.stderr.write(
      url.startsWith('sqlite:')
        ? `DATABASE_URL is ${url}: a database in memory has nothing to ${what}.\n`
        : `DATABASE_URL is PostgreSQL (${redact(url)}). ${what === 'back up' ? 'Back it up' : 'Restore it'} with PostgreSQL's own tools: Azure Database for PostgreSQL's automated backups (point-in-time restore), or pg_dump and pg_restore. See docs/operations.md.\n`,
    );
  }
  return path;
}

async function backup(args: readonly string[], io: Io): Promise<number> {
  const [file] = args;
  if (args.length !== 1 || file === undefined || file.startsWith('-')) {
    io.stderr.write(`${OPS_USAGE}\n`);
    return 2;
  }
  const config = settings(io);
  const source = onlySqlite(config.databaseUrl, 'back up', io);
  if (source === undefined) return 2;
  const now = (io.clock ?? systemClock).now();
  const result = await backupSqlite(source, file);
  // The audit entry is written after the copy: the backup is of the moment before.
  const db = new Database(source, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    insertAudit(
      db,
      now,
      'backup',
      `backed up the database (${result.pages} pages, schema version ${result.schemaVersion})`,
    );
  } finally {
    db.close();
  }
  io.stdout.write(
    `Backed up ${source} to ${file}: ${result.pages} pages, schema version ${result.schemaVersion}, integrity check ok.\n`,
  );
  return 0;
}

async function restore(args: readonly string[], io: Io): Promise<number> {
  const [file] = args;
  if (args.length !== 1 || file === undefined || file.startsWith('-')) {
    io.stderr.write(`${OPS_USAGE}\n`);
    return 2;
  }
  const config = settings(io);
  const target = onlySqlite(config.databaseUrl, 'restore', io);
  if (target === undefined) return 2;
  const now = (io.clock ?? systemClock).now();
  const result = restoreSqlite(file, target, now.toISOString().replace(/[:.]/g, '-'));
  const db = new Database(target, { fileMustExist: true });
  try {
    insertAudit(db, now, 'restore', `restored the database from a backup (schema version ${result.schemaVersion})`);
  } finally {
    db.close();
  }
  io.stdout.write(
    `Restored ${file} to ${target} (schema version ${result.schemaVersion}; the service brings it up to date when it starts).${result.previous !== undefined ? `\nThe database it replaced is kept at ${result.previous}: delete it once you are sure, as it holds personal data.` : ''}\n`,
  );
  return 0;
}

function insertAudit(db: Database.Database, at: Date, action: string, detail: string): void {
  db.prepare('INSERT INTO audit_log (id, scope_id, at, actor, action, detail) VALUES (?, ?, ?, ?, ?, ?)').run(
    randomUUID(),
    'service',
    at.getTime(),
    operator(),
    action,
    detail,
  );
}
