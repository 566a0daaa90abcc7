import { sql } from 'kysely';
import { changed } from './db';
import type { Kdb } from './db';
import { conversationBucket } from './send-budget';

/** The word that replaces an erased person's id. */
export const ERASED = 'erased';

/** Every table erasure touches, in the order it reports them. */
export const PERSONAL_TABLES = [
  'votes',
  'audit_log',
  'subscriptions',
  'post_log',
  'lead_chats',
  'conversations',
  'settings',
  'rotations',
  'framework_versions',
  'framework_drafts',
  'send_budget',
] as const;
export type PersonalTable = (typeof PERSONAL_TABLES)[number];

/** What erasure changed, table by table: rows deleted, and rows kept with "erased" in place of the id. */
export interface Erasure {
  readonly tables: Readonly<Record<PersonalTable, { readonly deleted: number; readonly anonymised: number }>>;
}

/**
 * Erases one person in one transaction (`tx`): deletes what is theirs alone (votes, their personal chats
 * with those chats' settings, audit entries, schedules, posts and send budget rows, their lead row and digests), and puts
 * "erased" in place of their id where the row is the team's (audit log, schedules, framework versions
 * and drafts), so the history and the schedules stay.
 */
export async function erase(tx: Kdb, ids: string[], voterCodes: readonly string[]): Promise<Erasure> {
  const tables = Object.fromEntries(PERSONAL_TABLES.map((t) => [t, { deleted: 0, anonymised: 0 }])) as Record<
    PersonalTable,
    { deleted: number; anonymised: number }
  >;
  const run = async (q: { executeTakeFirstOrThrow(): Promise<Parameters<typeof changed>[0]> }) =>
    changed(await q.executeTakeFirstOrThrow());
  if (voterCodes.length > 0) tables.votes.deleted = await run(tx.deleteFrom('votes').where('voter', 'in', voterCodes));
  if (ids.length === 0) return { tables };
  // Found before the audit log loses their id: the chats are theirs because they acted there, or lead there.
  const chats = await personalChatsOf(tx, ids);
  if (chats.length > 0) {
    const scopes = [...chats, ...chats.map(settingsScope)];
    tables.audit_log.deleted = await run(tx.deleteFrom('audit_log').where('scope_id', 'in', scopes));
    tables.subscriptions.deleted = await run(tx.deleteFrom('subscriptions').where('conversation_id', 'in', chats));
    tables.post_log.deleted = await run(tx.deleteFrom('post_log').where('conversation_id', 'in', chats));
    tables.lead_chats.deleted = await run(tx.deleteFrom('lead_chats').where('conversation_id', 'in', chats));
    tables.conversations.deleted = await run(tx.deleteFrom('conversations').where('id', 'in', chats));
    tables.settings.deleted = await run(tx.deleteFrom('settings').where('scope_id', 'in', chats.map(settingsScope)));
    // Their chats' shares of Teams' send budget (PostgreSQL; the table is empty on SQLite): the key names the chat.
    tables.send_budget.deleted = await run(
      tx.deleteFrom('send_budget').where('key', 'in', chats.map(conversationBucket)),
    );
    tables.rotations.deleted = await run(
      tx.deleteFrom('rotations').where(
        'key',
        'in',
        chats.map((c) => `meeting-series:${c}`),
      ),
    );
  }
  tables.lead_chats.deleted += await run(tx.deleteFrom('lead_chats').where('lead_id', 'in', ids));
  // A digest's slot key names the lead ("digest:<id>:<Monday>").
  tables.post_log.deleted += await run(
    tx.deleteFrom('post_log').where((eb) => eb.or(ids.map((id) => eb('slot_key', 'like', `digest:${id}:%`)))),
  );
  const anonymise = async <T extends 'audit_log' | 'subscriptions' | 'framework_versions' | 'framework_drafts'>(
    table: T,
    column: 'actor' | 'created_by' | 'published_by' | 'updated_by',
  ) =>
    run(
      tx
        .updateTable(table as 'audit_log')
        .set({ [column]: ERASED } as { actor: string })
        .where((eb) => eb(eb.fn('lower', [column as 'actor']), 'in', ids)),
    );
  // The lists of who edited a draft or drafted a version, and who drafted it in the framework audit
  // entries, hold the id inside text: it is replaced there too, and the last saver's name goes with their
  // id. Not counted again: such a row is counted where the person saved or published it.
  await run(
    tx
      .updateTable('framework_drafts')
      .set({ updated_by_name: null })
      .where((eb) => eb(eb.fn('lower', ['updated_by']), 'in', ids))
      .where('updated_by_name', 'is not', null),
  );
  for (const id of ids) {
    const within = async (table: 'framework_drafts' | 'framework_versions' | 'audit_log', column: string) =>
      run(
        tx
          .updateTable(table as 'audit_log')
          .set({ [column]: sql<string>`REPLACE(${sql.ref(column)}, ${id}, ${ERASED})` } as unknown as {
            detail: string;
          })
          .where(sql.ref(column), 'like', `%${id}%`)
          .$if(table === 'audit_log', (q) => q.where('scope_id', 'like', 'framework:%')),
      );
    await within('framework_drafts', 'editors');
    await within('framework_versions', 'drafted_by');
    await within('audit_log', 'detail');
  }
  tables.audit_log.anonymised = await anonymise('audit_log', 'actor');
  tables.subscriptions.anonymised = await anonymise('subscriptions', 'created_by');
  tables.framework_versions.anonymised = await anonymise('framework_versions', 'published_by');
  tables.framework_drafts.anonymised = await anonymise('framework_drafts', 'updated_by');
  return { tables };
}

/**
 * A person's personal (one-to-one) chats with the bot. The store keeps no link from a person to a chat
 * but two: a lead's row in lead_chats, and the audit entries of changes they made there (a personal chat
 * has one person in it). A personal chat with neither cannot be told apart from anyone else's.
 */
export async function personalChatsOf(k: Kdb, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const leads = await k.selectFrom('lead_chats').select('conversation_id').where('lead_id', 'in', ids).execute();
  const scopes = await k
    .selectFrom('audit_log')
    .select('scope_id')
    .distinct()
    .where((eb) => eb(eb.fn('lower', ['actor']), 'in', ids))
    .execute();
  const acted = [...new Set(scopes.map((r) => r.scope_id.replace(/^conversation:/, '')))];
  const personal =
    acted.length === 0
      ? []
      : await k
          .selectFrom('conversations')
          .select('id')
          .where('id', 'in', acted)
          .where('kind', '=', 'personal')
          .execute();
  return [...new Set([...leads.map((r) => r.conversation_id), ...personal.map((r) => r.id)])].sort();
}

/** The settings row (and framework-choice audit scope) of a chat. */
export const settingsScope = (conversationId: string) => `conversation:${conversationId}`;

/** Ids as the store compares them: trimmed, lower case, without "erased" or blanks. */
export const lower = (ids: readonly string[]) => [
  ...new Set(ids.map((id) => id.trim().toLowerCase()).filter((id) => id !== '' && id !== ERASED)),
];
