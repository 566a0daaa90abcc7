import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Store } from '../store/types';

/**
 * Ids for answer cards that the bot can recognise as its own without storing them: a random part
 * and an HMAC of it, under a key kept in the store (so every instance, and every restart, knows
 * it). A vote names the card by this id; an id the bot did not issue is refused before anything
 * is stored.
 */
export interface AnswerIds {
  issue(): Promise<string>;
  verify(id: string): Promise<boolean>;
}

const MAC_LENGTH = 22; // 132 bits, base64url
const KEY_NAME = 'answer-ids';
/** The random part: what newId gives, cut to fit the 64 characters a card's id may have. */
const NONCE = /^[A-Za-z0-9_-]{8,42}$/;

export function createAnswerIds(store: Pick<Store, 'secretKey'>, newNonce: () => string): AnswerIds {
  let key: Promise<Buffer> | undefined;
  const keyOnce = () => {
    key ??= store.secretKey(KEY_NAME).catch((error: unknown) => {
      key = undefined; // try again next time
      throw error;
    });
    return key;
  };
  const mac = (k: Buffer, nonce: string) =>
    createHmac('sha256', k).update(`practice-companion/answer-id/${nonce}`).digest('base64url').slice(0, MAC_LENGTH);
  return {
    async issue() {
      const nonce = newNonce()
        .replace(/[^A-Za-z0-9_-]/g, '')
        .slice(0, 42);
      if (!NONCE.test(nonce)) throw new Error('newId gave an id too short for an answer card');
      return `${nonce}${mac(await keyOnce(), nonce)}`;
    },
    async verify(id) {
      if (id.length < 8 + MAC_LENGTH || id.length > 64) return false;
      const nonce = id.slice(0, -MAC_LENGTH);
      if (!NONCE.test(nonce)) return false;
      const expected = Buffer.from(mac(await keyOnce(), nonce));
      const given = Buffer.from(id.slice(-MAC_LENGTH));
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
}
