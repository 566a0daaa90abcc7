import { createHmac, timingSafeEqual } from 'node:crypto';
import { storedKey } from '../secret-key';
import type { Store } from '../../store/types';

/**
 * Ids for answer cards that the bot can recognise as its own without storing them: a random part and
 * an HMAC of it, of the entry the card answers with and of that entry's framework, under a key kept in
 * the store (so every instance, and every restart, knows it). A vote names the card and the entry; an id
 * the bot did not issue, or a vote for any other entry under a genuine id, is refused before anything is
 * stored.
 *
 * The same key makes the code a card carries for the person who asked (their Teams id, one way), so the
 * bot can tell, when a button is pressed in a channel, whether it was pressed by them.
 */
export interface AnswerIds {
  issue(entry: CardEntry): Promise<string>;
  verify(id: string, entry: CardEntry): Promise<boolean>;
  /** The code for the person who asked: the same for one person, and says nothing of who they are. */
  askerCode(actorId: string): Promise<string>;
  /** True when `code` (from a card) is `actorId`'s: the person pressing is the person who asked. */
  isAsker(code: string | undefined, actorId: string): Promise<boolean>;
}

/** What an answer card is bound to. */
export interface CardEntry {
  readonly id: string;
  readonly frameworkId: string;
}

const MAC_LENGTH = 22; // 132 bits, base64url
const KEY_NAME = 'answer-ids';
/** The random part: what newId gives, cut to fit the 64 characters a card's id may have. */
const NONCE = /^[A-Za-z0-9_-]{8,42}$/;
/**
 * How many people's asker codes are kept (about 0.2 KB each): a code is the same for one person every time, so
 * it is worked out once per person rather than once per question (an HMAC was about 2% of a question's CPU).
 */
const CODES_KEPT = 10_000;

export function createAnswerIds(store: Pick<Store, 'secretKey'>, newNonce: () => string): AnswerIds {
  const keyOnce = storedKey(store, KEY_NAME);
  // Entry and framework ids are lower-case letters, digits and hyphens, so "/" cannot be part of one.
  const mac = async (text: string) =>
    createHmac('sha256', await keyOnce())
      .update(text)
      .digest('base64url')
      .slice(0, MAC_LENGTH);
  const cardMac = (nonce: string, entry: CardEntry) =>
    mac(`practice-companion/answer-id/${nonce}/${entry.frameworkId}/${entry.id}`);
  const codes = new Map<string, string>();
  const askerCode = async (actorId: string) => {
    const kept = codes.get(actorId);
    if (kept !== undefined) return kept;
    const code = await mac(`practice-companion/asker/${actorId}`);
    // Full: the code worked out longest ago goes (a Map keeps insertion order).
    if (codes.size >= CODES_KEPT) codes.delete(codes.keys().next().value ?? '');
    codes.set(actorId, code);
    return code;
  };
  const same = (a: string, b: string) => {
    const given = Buffer.from(a);
    const expected = Buffer.from(b);
    return given.length === expected.length && timingSafeEqual(given, expected);
  };
  return {
    async issue(entry) {
      const nonce = newNonce()
        .replace(/[^A-Za-z0-9_-]/g, '')
        .slice(0, 42);
      if (!NONCE.test(nonce)) throw new Error('newId gave an id too short for an answer card');
      return `${nonce}${await cardMac(nonce, entry)}`;
    },
    async verify(id, entry) {
      if (id.length < 8 + MAC_LENGTH || id.length > 64) return false;
      const nonce = id.slice(0, -MAC_LENGTH);
      if (!NONCE.test(nonce)) return false;
      return same(id.slice(-MAC_LENGTH), await cardMac(nonce, entry));
    },
    askerCode,
    async isAsker(code, actorId) {
      return typeof code === 'string' && same(code, await askerCode(actorId));
    },
  };
}
