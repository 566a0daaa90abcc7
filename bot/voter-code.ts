import { createHash, createHmac } from 'node:crypto';
import { storedKey } from './secret-key';
import type { Store } from '../store/types';

/**
 * The one-way codes a person's feedback votes are stored under: enough to replace their vote, not
 * enough to say who they are. Made from their Entra object id (Teams id when there is none) with a
 * key the service keeps in the store, so that someone holding a copy of the votes and a list of
 * staff ids cannot link the two without the key. The data export and erase commands make the same
 * code from the id they are given, with the same key.
 */
export interface VoterCodes {
  code(userId: string): Promise<string>;
}

const KEY_NAME = 'voter-code';

export function createVoterCodes(store: Pick<Store, 'secretKey'>): VoterCodes {
  const key = storedKey(store, KEY_NAME);
  return {
    async code(userId) {
      return createHmac('sha256', await key())
        .update(`practice-companion/vote/${userId}`)
        .digest('base64url');
    },
  };
}

/**
 * The code votes were stored under before it had a key (unkeyed SHA-256). Only the data export and
 * erase commands use it, to find such votes until the daily purge has removed them (RETAIN_VOTES_DAYS).
 */
export function legacyVoterCode(userId: string): string {
  return createHash('sha256').update(`practice-companion/vote/${userId}`).digest('base64url');
}
