import { randomBytes } from 'node:crypto';
import { insertAudit } from './audit';
import { compiledOnce, transaction } from './db';
import type { Db } from './db';
import type { AuditEntry } from './audit';

/** What settingsTables keeps. */
export interface SettingsStore {
  /** The framework chosen for a team or chat, if anyone has chosen one. */
  frameworkFor(scopeId: string): Promise<string | undefined>;
  setFramework(change: { scopeId: string; frameworkId: string; changedBy: string; at: Date }): Promise<void>;
  meetingOpeners(scopeId: string): Promise<boolean | undefined>;
  /** Turns meeting openers on or off, and writes `audit` in the same transaction. */
  setMeetingOpeners(scopeId: string, on: boolean, at: Date, audit?: AuditEntry): Promise<void>;
  /**
   * A random 32-byte key kept under `name`, made the first time it is asked for. Every instance
   * sharing the database gets the same key (for signing what the bot issues, such as answer ids).
   */
  secretKey(name: string): Promise<Buffer>;
}

/** Per team or chat settings (the framework, meeting openers), and the secrets every instance shares. */
export function settingsTables(db: Db, open: () => void): SettingsStore {
  // Read on every message: compiled once.
  const frameworkOf = compiledOnce<{ framework_id: string | null }, [scopeId: string]>(db, (k, value) =>
    k.selectFrom('settings').select('framework_id').where('scope_id', '=', value(0)),
  );
  return {
    async frameworkFor(scopeId) {
      open();
      const [row] = (await frameworkOf(scopeId)).rows;
      return row?.framework_id ?? undefined;
    },
    async setFramework({ scopeId, frameworkId, changedBy, at }) {
      open();
      await transaction(db.k, async (tx) => {
        const before = await tx
          .selectFrom('settings')
          .select('framework_id')
          .where('scope_id', '=', scopeId)
          .executeTakeFirst();
        await tx
          .insertInto('settings')
          .values({ scope_id: scopeId, framework_id: frameworkId, updated_at: at.getTime() })
          .onConflict((oc) =>
            oc.column('scope_id').doUpdateSet((eb) => ({
              framework_id: eb.ref('excluded.framework_id'),
              updated_at: eb.ref('excluded.updated_at'),
            })),
          )
          .execute();
        await insertAudit(tx, {
          scopeId,
          at,
          actor: changedBy,
          action: 'framework',
          detail: `framework changed from ${before?.framework_id ?? 'the default'} to ${frameworkId}`,
        });
      });
    },
    async meetingOpeners(scopeId) {
      open();
      const row = await db.k
        .selectFrom('settings')
        .select('meeting_openers')
        .where('scope_id', '=', scopeId)
        .executeTakeFirst();
      return row?.meeting_openers === null || row?.meeting_openers === undefined
        ? undefined
        : row.meeting_openers === 'on';
    },
    async setMeetingOpeners(scopeId, on, at, audit) {
      open();
      await transaction(db.k, async (tx) => {
        await tx
          .insertInto('settings')
          .values({ scope_id: scopeId, meeting_openers: on ? 'on' : 'off', updated_at: at.getTime() })
          .onConflict((oc) =>
            oc.column('scope_id').doUpdateSet((eb) => ({
              meeting_openers: eb.ref('excluded.meeting_openers'),
              updated_at: eb.ref('excluded.updated_at'),
            })),
          )
          .execute();
        if (audit) await insertAudit(tx, audit);
      });
    },
    async secretKey(name) {
      open();
      // Two instances starting together: one insert wins, and both read the winner's key.
      await db.k
        .insertInto('secrets')
        .values({ name, value: randomBytes(32).toString('base64'), created_at: Date.now() })
        .onConflict((oc) => oc.column('name').doNothing())
        .execute();
      const row = await db.k.selectFrom('secrets').select('value').where('name', '=', name).executeTakeFirstOrThrow();
      return Buffer.from(row.value, 'base64');
    },
  };
}
