import { DateTime } from 'luxon';
import type { DigestFigures } from '../cards/digest-card';
import type { KnowledgeBase } from '../knowledge/kb/model';
import { displayTitle } from '../knowledge/kb/model';
import { notSureRate, notSureTrend, wholePercent } from '../store/not-sure-rate';
import type { Store } from '../store/types';
import type { DigestContent } from './model';
import { scheduleStore } from './schedule-store';
import { isoDay } from './slots';
import { utcDay } from '../time/clock';

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

/** How long before a framework's review_due the digest starts to remind the leads. */
export const REVIEW_REMINDER_DAYS = 30;

const DAY_MS = 86_400_000;
const addDays = (day: string, n: number) => utcDay(new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS));
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** Last week's figures, from counts the store already keeps, and what needs the leads. */
export async function digestFigures(store: Store, kb: KnowledgeBase, week: DigestContent): Promise<DigestFigures> {
  const range = { from: week.from, to: week.to };
  const before = { from: addDays(week.from, -7), to: addDays(week.to, -7) };
  const [asks, notSure, votes, posts, waiting, asksBefore, notSureBefore, histories] = await Promise.all([
    store.askCounts(range),
    store.dailyCounts(['not-sure'], range),
    store.voteCounts(range),
    store.postOutcomes(new Date(`${week.from}T00:00:00Z`), new Date(Date.parse(`${week.to}T00:00:00Z`) + DAY_MS)),
    store.suggestionCounts(),
    store.askCounts(before),
    store.dailyCounts(['not-sure'], before),
    Promise.all(kb.frameworks.map((f) => store.frameworkVersions.history(f.id, 20))),
  ]);
  const perEntry = new Map<string, number>();
  for (const a of asks) perEntry.set(a.entryId, (perEntry.get(a.entryId) ?? 0) + a.count);
  const postsWith = (status: string) => sum(posts.filter((p) => p.status === status).map((p) => p.count));
  const title = (entryId: string) => {
    const entry = kb.entry(entryId);
    return entry ? displayTitle(entry) : entryId;
  };
  const mostAsked = [...perEntry]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 3)
    .map(([entryId, count]) => ({ title: title(entryId), count }));
  const answered = sum([...perEntry.values()]);
  const now = notSureRate(answered, sum(notSure.map((c) => c.count)));
  const then = notSureRate(sum(asksBefore.map((a) => a.count)), sum(notSureBefore.map((c) => c.count)));
  const shortName = (id: string) => kb.framework(id)?.shortName ?? id;
  const weekStart = Date.parse(`${week.from}T00:00:00Z`);
  const weekEnd = Date.parse(`${week.to}T00:00:00Z`) + DAY_MS;
  // The digest goes out the Monday after the week: a review due within REVIEW_REMINDER_DAYS of it, or past, is flagged.
  const remindUpTo = addDays(week.to, 1 + REVIEW_REMINDER_DAYS);
  return {
    from: week.from,
    to: week.to,
    answered,
    notSure: now.notSure,
    notSureRate: {
      now: now.rate === null ? null : wholePercent(now.rate),
      before: then.rate === null ? null : wholePercent(then.rate),
      rising: notSureTrend(now, then) === 'up',
    },
    helpful: sum(votes.map((v) => v.helpful)),
    notHelpful: sum(votes.map((v) => v.notHelpful)),
    notHelpfulEntries: votes
      .filter((v) => v.notHelpful > 0)
      .map((v) => ({ title: title(v.entryId), notHelpful: v.notHelpful, helpful: v.helpful }))
      .sort((a, b) => b.notHelpful - a.notHelpful || a.helpful - b.helpful || a.title.localeCompare(b.title)),
    postsSent: postsWith('sent'),
    postsFailed: postsWith('failed') + postsWith('gone'),
    postsUncertain: postsWith('uncertain'),
    mostAsked,
    suggestionsWaiting: sum(waiting.map((w) => w.count)),
    published: histories
      .flat()
      .filter((v) => v.publishedAt.getTime() >= weekStart && v.publishedAt.getTime() < weekEnd)
      .sort((a, b) => a.publishedAt.getTime() - b.publishedAt.getTime())
      .map((v) => ({
        framework: shortName(v.frameworkId),
        version: v.version,
        on: utcDay(v.publishedAt),
      })),
    reviewsDue: kb.frameworks.flatMap((f) =>
      f.review && f.review.due <= remindUpTo ? [{ framework: f.shortName, due: f.review.due }] : [],
    ),
  };
}
