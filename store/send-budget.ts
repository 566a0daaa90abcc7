import { sql } from 'kysely';
import type { Db } from './db';

/** A send slot claimed from a shared bucket: how long to wait for it, and what gives it back. */
export interface SendSlot {
  /** Milliseconds from now (the database's clock) until the slot; 0 when it is free now. */
  readonly waitMs: number;
  /** When the slot starts, in microseconds of the database's clock. */
  readonly atUs: number;
  /** The bucket's time after this claim: `giveBack` returns the slot only while it is still this. */
  readonly token: number;
}

/**
 * Token buckets kept in the database, shared by every instance on it (PostgreSQL only): Teams' send
 * budget is per app and per conversation, not per instance. Each bucket is one row holding its
 * theoretical arrival time (GCRA). Every operation is one statement on one row, which PostgreSQL
 * serialises with the row's lock, and uses the database's clock, so instances' clocks need not agree.
 * No instance holds anything between statements: one that dies loses at most the slots it claimed,
 * which pass as time does.
 */
export interface SendBudgetStore {
  /**
   * Claims the next slot of `key`'s bucket: one send every `intervalUs`, with up to `burstUs` of unused
   * time saved up (0: none, so sends are evenly spaced). One round trip.
   */
  claimSlot(key: string, intervalUs: number, burstUs?: number): Promise<SendSlot>;
  /** Gives back a claimed slot that was not used, if nobody has claimed after it (otherwise it lapses). */
  giveBack(key: string, intervalUs: number, slot: SendSlot): Promise<boolean>;
  /** Nobody sends on `key` for the next `ms` (Teams said so, with Retry-After). */
  holdFor(key: string, ms: number): Promise<void>;
  /** Deletes buckets whose keys start with `prefix` and that have been idle for `idleMs`. */
  pruneIdle(prefix: string, idleMs: number): Promise<number>;
}

/** The key of the whole app's bucket. */
export const APP_BUCKET = 'app';

/**
 * The key of one conversation's bucket. It names the conversation, so `data erase` deletes the buckets
 * of the chats it deletes (store/erasure.ts), as it deletes their other rows.
 */
export const conversationBucket = (conversationId: string) => `conversation:${conversationId}`;

/** The database's clock in microseconds, read once per statement. */
const CLOCK = sql`(SELECT (extract(epoch FROM clock_timestamp()) * 1000000)::bigint AS now_us)`;

export function sendBudgetTable(db: Db, open: () => void): SendBudgetStore {
  if (db.dialect !== 'postgres') throw new Error('the shared send budget needs PostgreSQL');
  const whole = (n: number) => Math.max(0, Math.round(n));
  return {
    async claimSlot(key, intervalUs, burstUs = 0) {
      open();
      const interval = Math.max(1, whole(intervalUs));
      const burst = whole(burstUs);
      // The slot starts at the bucket's time, or now less the burst allowance if that is later.
      const { rows } = await sql<{ next_at_us: number; now_us: number }>`
        WITH clock AS ${CLOCK}
        INSERT INTO send_budget AS b (key, next_at_us)
          SELECT ${key}, now_us + ${interval}::bigint FROM clock
        ON CONFLICT (key) DO UPDATE
          SET next_at_us = GREATEST(b.next_at_us, EXCLUDED.next_at_us - ${interval + burst}::bigint) + ${interval}::bigint
        RETURNING b.next_at_us, (SELECT now_us FROM clock) AS now_us`.execute(db.k);
      const row = rows[0];
      if (!row) throw new Error('claiming a send slot returned nothing');
      const atUs = Number(row.next_at_us) - interval;
      const nowUs = Number(row.now_us);
      return { waitMs: Math.max(0, (atUs - nowUs) / 1000), atUs, token: Number(row.next_at_us) };
    },
    async giveBack(key, intervalUs, slot) {
      open();
      const interval = Math.max(1, whole(intervalUs));
      const result = await sql`
        UPDATE send_budget SET next_at_us = next_at_us - ${interval}::bigint
        WHERE key = ${key} AND next_at_us = ${slot.token}::bigint`.execute(db.k);
      return Number(result.numAffectedRows ?? 0) > 0;
    },
    async holdFor(key, ms) {
      open();
      const hold = whole(ms * 1000);
      await sql`
        WITH clock AS ${CLOCK}
        INSERT INTO send_budget AS b (key, next_at_us)
          SELECT ${key}, now_us + ${hold}::bigint FROM clock
        ON CONFLICT (key) DO UPDATE SET next_at_us = GREATEST(b.next_at_us, EXCLUDED.next_at_us)`.execute(db.k);
    },
    async pruneIdle(prefix, idleMs) {
      open();
      const result = await sql`
        WITH clock AS ${CLOCK}
        DELETE FROM send_budget
        WHERE starts_with(key, ${prefix}) AND next_at_us < (SELECT now_us FROM clock) - ${whole(idleMs * 1000)}::bigint`.execute(
        db.k,
      );
      return Number(result.numAffectedRows ?? 0);
    },
  };
}
