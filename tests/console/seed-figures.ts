// Figures for the console's browser tests and screenshots, written straight into the store (the bot's
// paths that count them are tested in answer-counts.test.ts): questions this week, the week before and 100 days ago,
// declined topics, safety signposts, votes, two teams' scheduled posts, and questions sent to the leads.
import type { Store } from '../../store/types';
import { MONDAY_9_LONDON, addChannel } from '../../testkit/scheduling';
import { addPost } from '../../testkit/stores';

const DAY_MS = 86_400_000;
const dayOf = (now: Date, back: number) => new Date(now.getTime() - back * DAY_MS).toISOString().slice(0, 10);

/** The two teams' codes are made from these ids (see bot/web/console/insights-query.ts). */
export const TEAM_IDS = ['19:team-1@thread.tacv2', '19:team-2@thread.tacv2'] as const;

export async function seedFigures(store: Store, now: Date): Promise<void> {
  const today = dayOf(now, 0);
  const lastWeek = dayOf(now, 7);
  const times = async (n: number, write: () => Promise<unknown>) => {
    for (let i = 0; i < n; i++) await write();
  };
  await times(5, () => store.recordAsk('lbbd-accountability', today));
  await times(3, () => store.recordAsk('lbbd-respect', today));
  await store.recordAsk('jersey-childrens-rights', today);
  await store.countDaily('not-sure', 'lbbd', today);
  await times(8, () => store.recordAsk('lbbd-respect', lastWeek));
  await store.countDaily('not-sure', 'lbbd', lastWeek);
  await store.countDaily('not-sure', 'lbbd', lastWeek);
  // Before the 12-week view: 4 answered and 1 not sure (20%), to compare with.
  await times(4, () => store.recordAsk('lbbd-respect', dayOf(now, 100)));
  await store.countDaily('not-sure', 'lbbd', dayOf(now, 100));
  await times(3, () => store.countDaily('declined', 'Signs of Safety', today));
  await store.countDaily('declined', 'section 47 enquiries', today);
  await times(2, () => store.countDaily('route', 'child-at-risk', today));
  await store.countDaily('route', 'distress', today);
  const vote = (answerId: string, entryId: string, helpful: boolean) =>
    store.recordVote({ answerId, voter: 'v', entryId, day: today, helpful });
  await vote('a1', 'lbbd-respect', true);
  await vote('a2', 'lbbd-accountability', false);
  await vote('a3', 'lbbd-accountability', false);
  await vote('a4', 'lbbd-accountability', true);
  const at = new Date(now.getTime() - 30 * DAY_MS);
  for (const n of [1, 2]) {
    const sub = await addChannel(store, 'http://127.0.0.1:1/', n, MONDAY_9_LONDON, at);
    await addPost(
      store,
      {
        slotKey: `${sub.id}:${today}`,
        subscriptionId: sub.id,
        conversationId: sub.conversationId,
        teamId: TEAM_IDS[n - 1]!,
        slotAt: new Date(now.getTime() - 3_600_000),
        entryId: 'lbbd-respect',
        status: n === 1 ? 'missed' : 'skipped',
      },
      at,
    );
  }
  await store.addSuggestion({
    id: 'sugg-1',
    text: 'How do the principles apply to care leavers?',
    frameworkId: 'lbbd',
    day: today,
  });
  await store.addSuggestion({
    id: 'sugg-2',
    text: 'Is there guidance on relational practice in court work?',
    frameworkId: 'lbbd',
    entryId: 'lbbd-relational-practice',
    day: today,
  });
}
