// The codes votes are stored under and the asker codes cards carry are HMAC-SHA256 under the stored key's
// bytes: held as a KeyObject for speed, they must stay what they were, or stored votes and sent cards stop matching.
import { createHmac } from 'node:crypto';
import { createAnswerIds } from '../../bot/teams/answer-ids';
import { createVoterCodes } from '../../bot/voter-code';

const KEY = Buffer.from('0123456789abcdef0123456789abcdef');
const store = { secretKey: () => Promise.resolve(KEY) };
const hmac = (text: string) => createHmac('sha256', KEY).update(text).digest('base64url');

test('a voter code is the HMAC of the vote text under the stored key', async () => {
  expect(await createVoterCodes(store).code('user-1')).toBe(hmac('practice-companion/vote/user-1'));
});

test("an asker code and an answer id's MAC are HMACs under the stored key", async () => {
  const ids = createAnswerIds(store, () => 'nonce-12345');
  expect(await ids.askerCode('29:someone')).toBe(hmac('practice-companion/asker/29:someone').slice(0, 22));
  const entry = { id: 'cares', frameworkId: 'jersey' };
  expect(await ids.issue(entry)).toBe(
    `nonce-12345${hmac('practice-companion/answer-id/nonce-12345/jersey/cares').slice(0, 22)}`,
  );
});

test('a key that could not be read is asked for again next time', async () => {
  let calls = 0;
  const flaky = {
    secretKey: () => (++calls === 1 ? Promise.reject(new Error('database busy')) : Promise.resolve(KEY)),
  };
  const codes = createVoterCodes(flaky);
  await expect(codes.code('user-1')).rejects.toThrow('database busy');
  expect(await codes.code('user-1')).toBe(hmac('practice-companion/vote/user-1'));
});
