// The references the bot remembers are written only when new or changed, and what it keeps in memory to
// know that is bounded (bench:soak: it grew with every new conversation up to 50,000, then was emptied).
import { TestAdapter, TurnContext } from 'botbuilder';
import type { Activity } from 'botbuilder';
import { rememberConversation } from '../../bot/teams/conversations';
import type { BotDeps } from '../../bot/deps';
import { openStore } from '../../store/open';
import type { Store } from '../../store/types';
import { activity } from '../helpers/fixtures';
import { testBotDeps } from '../../testkit/bot-deps';

const depsWith = async (store: Store): Promise<BotDeps> => testBotDeps(store);

const adapter = new TestAdapter(async () => undefined);
/** A turn in personal chat number `n`, from the real Teams activity. */
const turnIn = (n: number) =>
  new TurnContext(
    adapter,
    activity('personal-message', 'http://127.0.0.1:9/', {
      conversation: { conversationType: 'personal', id: `a:chat-${n}` },
    }) as Partial<Activity>,
  );

test('after 10,001 chats the first one heard from is written again when next heard from, and the latest is not: the memory of what was written keeps the newest 10,000', async () => {
  const store = await openStore('sqlite::memory:');
  try {
    const deps = await depsWith(store);
    const saves = jest.spyOn(store, 'saveConversation');
    for (let n = 0; n <= 10_000; n++) await rememberConversation(turnIn(n), deps);
    expect(saves).toHaveBeenCalledTimes(10_001);

    await rememberConversation(turnIn(10_000), deps); // kept: no write
    await rememberConversation(turnIn(1), deps); // kept: no write
    expect(saves).toHaveBeenCalledTimes(10_001);
    await rememberConversation(turnIn(0), deps); // dropped to make room: written again
    expect(saves).toHaveBeenCalledTimes(10_002);
    expect(await store.conversation('a:chat-0')).toEqual(expect.objectContaining({ id: 'a:chat-0' }));
  } finally {
    await store.close();
  }
});
