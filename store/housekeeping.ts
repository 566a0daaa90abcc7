import type { Db } from './db';
import { schemaVersion } from './migrations';
import { personalDataTables } from './personal-data';
import type { PersonalDataStore } from './personal-data';
import { retentionPurge } from './retention';
import type { RetentionStore } from './retention';

/** Retention, people's data rights and readiness. */
export interface HousekeepingStore extends RetentionStore, PersonalDataStore {
  /** The newest migration applied to the database (asks it, so it also shows the store answers). */
  schemaVersion(): Promise<number>;
}

/**
 * Retention and people's data rights over the same SQL as the rest of the store. `flushAsks` writes
 * the "most asked" counts waiting in memory, so a purge sees them; `open` throws once the store is closed.
 */
export function createHousekeeping(db: Db, flushAsks: () => Promise<void>, open: () => void): HousekeepingStore {
  return {
    ...retentionPurge(db, flushAsks, open),
    ...personalDataTables(db, open),
    async schemaVersion() {
      open();
      return schemaVersion(db);
    },
  };
}
