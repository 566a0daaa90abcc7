import { DateTime } from 'luxon';
import type { DigestFigures } from '../cards/digest-card';
import type { KnowledgeBase } from '../knowledge/kb/model';
import { displayTitle } from '../knowledge/kb/model';
import type { Store } from '../store/types';
import type { DigestContent } from './model';
import { scheduleStore } from './schedule-store';
import { isoDay } from './slots';

export type { DigestContent } from './model';

/** Who gets the weekly digest, and when. */
export interface DigestOptions {
  /** Entra object ids of the practice leads (PRACTICE_LEAD_AAD_IDS, lower case). */
  readonly leadIds: ReadonlySet<string>;
  /** The leads' time zone (DEFAULT_TIME_ZONE). */
  readonly timeZone: string;
  /** Local time on Monday, HH:MM. */
  readonly time: string;
}

/** What a digest post carries in the post log: the week it describes, never figures or text. */
export const DIGEST_SLOT_PREFIX = 'digest:';
const DIGEST_LOCK_KEY = 'weekly-digest';

/** This week's digest slot: Monday at `time` in the time zone of the week holding `now`. */
export function digestSlot(now: Date, options: Pick<DigestOptions, 'timeZone' | 'time'>): { at: Date; monday: string } {
  const [hour, minute] = options.time.split(':').map(Number) as [number, number];
  const monday = DateTime.fromJSDate(now, { zone: options.timeZone }).startOf('week');
  const at = DateTime.fromObject(
    { year: monday.year, month: monday.month, day: monday.day, hour, minute },
    { zone: options.timeZone },
  ).toJSDate();
  return { at, monday: isoDay(monday) };
}

/**
 * Logs this week's digest for every lead who wants it, once its slot has come and while it is within
 * the grace window. The slot key (lead and Monday) is unique in the post log, so however many
 * schedulers plan at once, each lead's digest is logged, and so sent, once a week.
 */
export async function planDigests(store: Store, options: DigestOptions, now: Date, graceMs: number): Promise<number> {
  const { at, monday } = digestSlot(now, options);
  if (now.getTime() < at.getTime() || now.getTime() - at.getTime() > graceMs) return 0;
  const lastMonday = DateTime.fromISO(monday, { zone: options.timeZone }).minus({ weeks: 1 });
  const content: DigestContent = { kind: 'digest', from: isoDay(lastMonday), to: isoDay(lastMonday.plus({ days: 6 })) };
  let planned = 0;
  for (const chat of await store.leadChats()) {
    if (!chat.digestOn || !options.leadIds.has(chat.leadId)) continue;
    const slotKey = `${DIGEST_SLOT_PREFIX}${chat.leadId}:${monday}`;
    // One shared rotation key: it only serialises planning, and keeps lead ids out of the rotations table.
    const added = await scheduleStore(store).addPostWithRotation(DIGEST_LOCK_KEY, slotKey, now, (state) => ({
      post: { slotKey, conversationId: chat.conversationId, slotAt: at, content: { ...content }, status: 'pending' },
      state,
    }));
    if (added) planned++;
  }
  return planned;
}

/** Last week's figures, from counts the store already keeps. */
export async function digestFigures(store: Store, kb: KnowledgeBase, week: DigestContent): Promise<DigestFigures> {
  const range = { from: week.from, to: week.to };
  const [asks, notSure, votes, posts, waiting] = await Promise.all([
    store.askCounts(range),
    store.dailyCounts(['not-sure'], range),
    store.voteCounts(range),
    store.postOutcomes(new Date(`${week.from}T00:00:00Z`), new Date(Date.parse(`${week.to}T00:00:00Z`) + 86_400_000)),
    store.suggestionCounts(),
  ]);
  const perEntry = new Map<string, number>();
  for (const a of asks) perEntry.set(a.entryId, (perEntry.get(a.entryId) ?? 0) + a.count);
  const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
  const postsWith = (status: string) => sum(posts.filter((p) => p.status === status).map((p) => p.count));
  const mostAsked = [...perEntry]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 3)
    .map(([entryId, count]) => {
      const entry = kb.entry(entryId);
      return { title: entry ? displayTitle(entry) : entryId, count };
    });
  return {
    from: week.from,
    to: week.to,
    answered: sum([...perEntry.values()]),
    notSure: sum(notSure.map((c) => c.count)),
    helpful: sum(votes.map((v) => v.helpful)),
    notHelpful: sum(votes.map((v) => v.notHelpful)),
    postsSent: postsWith('sent'),
    postsFailed: postsWith('failed') + postsWith('gone'),
    postsUncertain: postsWith('uncertain'),
    mostAsked,
    suggestionsWaiting: sum(waiting.map((w) => w.count)),
  };
}
