import { randomUUID } from 'node:crypto';
import type { Db, Kdb } from './db';

export interface AuditEntry {
  readonly scopeId: string;
  readonly at: Date;
  /** Entra object id (or Teams user id) of who made the change. */
  readonly actor: string;
  readonly action: string;
  /** What changed, in plain words. */
  readonly detail: string;
}

/** What auditTable keeps. */
export interface AuditStore {
  audit(entry: AuditEntry): Promise<void>;
  auditLog(scopeIds: readonly string[], limit: number): Promise<AuditEntry[]>;
}

/** Writes one audit row; inside a transaction, it commits or rolls back with the change it records. */
export async function insertAudit(tx: Kdb, entry: AuditEntry): Promise<void> {
  await tx
    .insertInto('audit_log')
    .values({
      id: randomUUID(),
      scope_id: entry.scopeId,
      at: entry.at.getTime(),
      actor: entry.actor,
      action: entry.action,
      detail: entry.detail,
    })
    .execute();
}

export const toAuditEntry = (r: {
  scope_id: string;
  at: number;
  actor: string;
  action: string;
  detail: string;
}): AuditEntry => ({
  scopeId: r.scope_id,
  at: new Date(Number(r.at)),
  actor: r.actor,
  action: r.action,
  detail: r.detail,
});

/** Who changed what (audit_log). */
export function auditTable(db: Db, open: () => void): AuditStore {
  return {
    async audit(entry) {
      open();
      await insertAudit(db.k, entry);
    },
    async auditLog(scopeIds, limit) {
      open();
      if (scopeIds.length === 0) return [];
      const rows = await db.k
        .selectFrom('audit_log')
        .select(['scope_id', 'at', 'actor', 'action', 'detail'])
        .where('scope_id', 'in', scopeIds)
        .orderBy('at', 'desc')
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map(toAuditEntry);
    },
  };
}
