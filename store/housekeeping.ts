import { schemaVersion } from './migrations';
import type { Sql } from './sql';
import type { AuditEntry, Erasure, HousekeepingStore, Person, PersonalData, PurgeReport } from './types';

const DAY_MS = 86_400_000;
/** The word that replaces an erased person's id. */
export const ERASED = 'erased';

const utcDay = (at: Date) => at.toISOString().slice(0, 10);
const placeholders = (values: readonly unknown[]) => values.map(() => '?').join(', ');

interface PurgeRow {
  day: string;
  worker: string;
  started_at: number;
  removed: string | null;
}

/**
 * Retention and people's data rights over the same SQL as the rest of the store. `flushAsks` writes
 * the "most asked" counts waiting in memory, so a purge sees them; `open` throws once the store is closed.
 */
export function createHousekeeping(sql: Sql, flushAsks: () => Promise<void>, open: () => void): HousekeepingStore {
  return {
    async purge(now, retention, worker) {
      open();
      await flushAsks();
      const before = (days: number) => now.getTime() - days * DAY_MS;
      return sql.transaction(async (tx): Promise<PurgeReport | undefined> => {
        // The day's claim. A second instance waits for this transaction, then finds the day taken.
        const claimed = await tx.run('INSERT INTO purge_runs (day, worker, started_at) VALUES (?, ?, ?) ON CONFLICT (day) DO NOTHING', [utcDay(now), worker, now.getTime()]);
        if (claimed === 0) return undefined;
        const removed = { votes: 0, voteTallies: 0, asks: 0, dailyCounts: 0, posts: 0, audit: 0, conversations: 0, subscriptions: 0, rotations: 0, settings: 0, purgeRuns: 0 };

        // Votes: rolled up into daily counts per entry (no voter), so feedback figures survive them.
        const votesBefore = utcDay(new Date(before(retention.votesDays)));
        const rolledUp = await tx.get<{ n: number }>('SELECT COUNT(*) AS n FROM votes WHERE day < ?', [votesBefore]);
        await tx.run(
          `INSERT INTO vote_tallies (entry_id, day, helpful, not_helpful)
           SELECT entry_id, day, SUM(helpful), SUM(1 - helpful) FROM votes WHERE day < ? GROUP BY entry_id, day
           ON CONFLICT (entry_id, day) DO UPDATE SET helpful = vote_tallies.helpful + excluded.helpful, not_helpful = vote_tallies.not_helpful + excluded.not_helpful`,
          [votesBefore],
        );
        removed.votes = await tx.run('DELETE FROM votes WHERE day < ?', [votesBefore]);

        // Counts: "most asked" and the rolled-up feedback.
        const countsBefore = utcDay(new Date(before(retention.askCountsDays)));
        removed.asks = await tx.run('DELETE FROM asks WHERE day < ?', [countsBefore]);
        removed.voteTallies = await tx.run('DELETE FROM vote_tallies WHERE day < ?', [countsBefore]);
        removed.dailyCounts = await tx.run('DELETE FROM daily_counts WHERE day < ?', [countsBefore]);

        // Finished posts. Posts waiting or being sent stay whatever their age; rotations live elsewhere.
        removed.posts = await tx.run(`DELETE FROM post_log WHERE slot_at < ? AND updated_at < ? AND status NOT IN ('pending', 'sending')`, [
          before(retention.postLogDays),
          before(retention.postLogDays),
        ]);

        const auditBefore = before(retention.auditDays);
        removed.audit = await tx.run('DELETE FROM audit_log WHERE at < ?', [auditBefore]);
        removed.subscriptions += await tx.run(`DELETE FROM subscriptions WHERE status = 'cancelled' AND created_at < ?`, [auditBefore]);

        // Chats and channels the bot was removed from: their reference, stopped schedules, meeting rotation and settings.
        const gone = await tx.all<{ id: string; team_id: string | null }>(`SELECT id, team_id FROM conversations WHERE status = 'gone' AND updated_at < ?`, [
          before(retention.goneConversationsDays),
        ]);
        for (let i = 0; i < gone.length; i += 200) {
          const ids = gone.slice(i, i + 200).map((g) => g.id);
          removed.subscriptions += await tx.run(`DELETE FROM subscriptions WHERE conversation_id IN (${placeholders(ids)}) AND status NOT IN ('active', 'paused')`, ids);
          removed.rotations += await tx.run(`DELETE FROM rotations WHERE key IN (${placeholders(ids)})`, ids.map((id) => `meeting-series:${id}`));
          removed.conversations += await tx.run(`DELETE FROM conversations WHERE id IN (${placeholders(ids)})`, ids);
        }
        const scopes = [...new Set(gone.flatMap((g) => [`conversation:${g.id}`, ...(g.team_id === null ? [] : [`team:${g.team_id}`])]))];
        for (let i = 0; i < scopes.length; i += 200) {
          const some = scopes.slice(i, i + 200);
          // Only scopes no kept conversation still uses.
          removed.settings += await tx.run(
            `DELETE FROM settings WHERE scope_id IN (${placeholders(some)})
             AND NOT EXISTS (SELECT 1 FROM conversations c WHERE settings.scope_id = 'team:' || c.team_id OR settings.scope_id = 'conversation:' || c.id)`,
            some,
          );
        }

        removed.purgeRuns = await tx.run('DELETE FROM purge_runs WHERE started_at < ?', [auditBefore]);
        await tx.run('UPDATE purge_runs SET finished_at = ?, removed = ? WHERE day = ?', [now.getTime(), JSON.stringify({ votesRolledUp: Number(rolledUp?.n ?? 0), removed }), utcDay(now)]);
        return { day: utcDay(now), at: now, worker, votesRolledUp: Number(rolledUp?.n ?? 0), removed };
      });
    },

    async purges(limit) {
      open();
      const rows = await sql.all<PurgeRow>('SELECT day, worker, started_at, removed FROM purge_runs WHERE removed IS NOT NULL ORDER BY day DESC LIMIT ?', [limit]);
      return rows.map((r) => {
        const saved = JSON.parse(r.removed!) as Pick<PurgeReport, 'votesRolledUp' | 'removed'>;
        return { day: r.day, at: new Date(Number(r.started_at)), worker: r.worker, votesRolledUp: saved.votesRolledUp, removed: saved.removed };
      });
    },

    async personalData(person: Person): Promise<PersonalData> {
      open();
      const ids = lower(person.ids);
      const audit =
        ids.length === 0
          ? []
          : await sql.all<{ scope_id: string; at: number; actor: string; action: string; detail: string }>(
              `SELECT scope_id, at, actor, action, detail FROM audit_log WHERE LOWER(actor) IN (${placeholders(ids)}) ORDER BY at, id`,
              ids,
            );
      const votes =
        person.voterCodes.length === 0
          ? []
          : await sql.all<{ answer_id: string; entry_id: string; day: string; helpful: number }>(
              `SELECT answer_id, entry_id, day, helpful FROM votes WHERE voter IN (${placeholders(person.voterCodes)}) ORDER BY day, answer_id`,
              person.voterCodes,
            );
      const schedules =
        ids.length === 0
          ? []
          : await sql.all<{ id: string; conversation_id: string; team_id: string | null; kind: string; status: string; created_at: number }>(
              `SELECT id, conversation_id, team_id, kind, status, created_at FROM subscriptions WHERE LOWER(created_by) IN (${placeholders(ids)}) ORDER BY created_at, id`,
              ids,
            );
      const leadChats =
        ids.length === 0
          ? []
          : await sql.all<{ conversation_id: string; digest_on: number; updated_at: number }>(
              `SELECT conversation_id, digest_on, updated_at FROM lead_chats WHERE lead_id IN (${placeholders(ids)}) ORDER BY lead_id`,
              ids,
            );
      return {
        leadChats: leadChats.map((r) => ({ conversationId: r.conversation_id, digestOn: Number(r.digest_on) === 1, updatedAt: new Date(Number(r.updated_at)) })),
        audit: audit.map((r): AuditEntry => ({ scopeId: r.scope_id, at: new Date(Number(r.at)), actor: r.actor, action: r.action, detail: r.detail })),
        votes: votes.map((r) => ({ answerId: r.answer_id, entryId: r.entry_id, day: r.day, helpful: Boolean(Number(r.helpful)) })),
        schedulesCreated: schedules.map((r) => ({
          id: r.id,
          conversationId: r.conversation_id,
          ...(r.team_id !== null && { teamId: r.team_id }),
          kind: r.kind,
          status: r.status,
          createdAt: new Date(Number(r.created_at)),
        })),
      };
    },

    async erasePerson(person: Person): Promise<Erasure> {
      open();
      const ids = lower(person.ids);
      return sql.transaction(async (tx) => ({
        votesDeleted: person.voterCodes.length === 0 ? 0 : await tx.run(`DELETE FROM votes WHERE voter IN (${placeholders(person.voterCodes)})`, person.voterCodes),
        auditEntriesErased: ids.length === 0 ? 0 : await tx.run(`UPDATE audit_log SET actor = ? WHERE LOWER(actor) IN (${placeholders(ids)})`, [ERASED, ...ids]),
        schedulesErased: ids.length === 0 ? 0 : await tx.run(`UPDATE subscriptions SET created_by = ? WHERE LOWER(created_by) IN (${placeholders(ids)})`, [ERASED, ...ids]),
        leadChatsDeleted: ids.length === 0 ? 0 : await tx.run(`DELETE FROM lead_chats WHERE lead_id IN (${placeholders(ids)})`, ids),
        // A digest's slot key names the lead ("digest:<id>:<Monday>").
        digestPostsDeleted: ids.length === 0 ? 0 : await tx.run(`DELETE FROM post_log WHERE ${ids.map(() => 'slot_key LIKE ?').join(' OR ')}`, ids.map((id) => `digest:${id}:%`)),
      }));
    },

    async schemaVersion() {
      open();
      return schemaVersion(sql);
    },
  };
}

const lower = (ids: readonly string[]) => [...new Set(ids.map((id) => id.trim().toLowerCase()).filter((id) => id !== '' && id !== ERASED))];
