import type { KnowledgeBase } from '../../knowledge/kb/model';
import { displayTitle } from '../../knowledge/kb/model';
import { DAILY_METRICS } from '../../store/schema';
import type { PostStatus, Store } from '../../store/types';

/** The console's insights: counts only, for the frameworks this deployment serves. */

export interface InsightsRequest {
  /** Number of buckets back from today (weeks or days). */
  readonly periods: number;
  readonly by: 'week' | 'day';
}

export type InsightsQuery = { ok: true; request: InsightsRequest } | { ok: false; message: string };

/** Reads ?weeks= or ?days= (one of them), e.g. ?weeks=12 (the default) or ?days=30. */
export function parseInsightsQuery(url: string): InsightsQuery {
  const params = new URLSearchParams(url.includes('?') ? url.slice(url.indexOf('?') + 1) : '');
  const weeks = params.getAll('weeks');
  const days = params.getAll('days');
  if (weeks.length + days.length > 1)
    return { ok: false, message: 'Give either weeks or days, once: for example ?weeks=12 or ?days=30.' };
  if (days.length === 1) {
    const n = Number(days[0]);
    if (!/^\d{1,3}$/.test(days[0] ?? '') || n < 1 || n > 366)
      return { ok: false, message: 'days must be a whole number from 1 to 366, for example ?days=30.' };
    return { ok: true, request: { periods: n, by: 'day' } };
  }
  const raw = weeks[0] ?? '12';
  const n = Number(raw);
  if (!/^\d{1,2}$/.test(raw) || n < 1 || n > 53)
    return { ok: false, message: 'weeks must be a whole number from 1 to 53, for example ?weeks=12.' };
  return { ok: true, request: { periods: n, by: 'week' } };
}

export interface Period {
  /** First day, YYYY-MM-DD. For weeks, a Monday. */
  readonly start: string;
  /** Last day, inclusive. */
  readonly end: string;
}

export interface Insights {
  readonly by: 'week' | 'day';
  readonly from: string;
  readonly to: string;
  readonly frameworks: ReadonlyArray<{ id: string; name: string }>;
  readonly questions: ReadonlyArray<Period & { answered: number; notSure: number }>;
  readonly entries: {
    readonly most: readonly EntryCount[];
    readonly least: readonly EntryCount[];
    readonly never: ReadonlyArray<{ id: string; heading: string }>;
  };
  readonly votes: ReadonlyArray<{ id: string; heading: string; helpful: number; notHelpful: number }>;
  readonly posts: ReadonlyArray<{ team: string } & Record<PostOutcome, number>>;
  readonly openers: ReadonlyArray<Period & { posted: number; anotherPrompt: number }>;
  readonly shares: ReadonlyArray<Period & { shares: number }>;
  readonly conversations: { readonly teams: number; readonly groupChats: number; readonly personalChats: number };
  readonly suggestions: {
    readonly waiting: number;
    readonly answered: number;
    readonly dismissed: number;
    readonly expired: number;
  };
}

export interface EntryCount {
  readonly id: string;
  readonly heading: string;
  readonly count: number;
}

export const POST_OUTCOMES = ['posted', 'skipped', 'missed', 'failed', 'mayNotHavePosted', 'waiting'] as const;
export type PostOutcome = (typeof POST_OUTCOMES)[number];

const OUTCOME_OF: Record<PostStatus, PostOutcome> = {
  sent: 'posted',
  skipped: 'skipped',
  missed: 'missed',
  failed: 'failed',
  gone: 'failed',
  uncertain: 'mayNotHavePosted',
  pending: 'waiting',
  sending: 'waiting',
};

const DAY_MS = 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const TOP = 10;

/** The buckets, oldest first, ending with the one that holds `today` (UTC). */
export function periods(today: Date, request: InsightsRequest): Period[] {
  const t = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  if (request.by === 'day')
    return Array.from({ length: request.periods }, (_, i) => t - (request.periods - 1 - i) * DAY_MS).map((ms) => ({
      start: day(ms),
      end: day(ms),
    }));
  const monday = t - ((new Date(t).getUTCDay() + 6) % 7) * DAY_MS;
  return Array.from({ length: request.periods }, (_, i) => monday - (request.periods - 1 - i) * 7 * DAY_MS).map(
    (ms) => ({ start: day(ms), end: day(ms + 6 * DAY_MS) }),
  );
}

export async function insights(
  store: Store,
  kb: KnowledgeBase,
  today: Date,
  request: InsightsRequest,
): Promise<Insights> {
  const buckets = periods(today, request);
  const first = buckets[0];
  const last = buckets.at(-1);
  if (!first || !last) throw new Error('insights: at least one period');
  const range = { from: first.start, to: last.end };
  const bucketOf = (d: string) => {
    // Buckets are in order and contiguous: a binary search would do, but there are at most 366.
    for (let i = buckets.length - 1; i >= 0; i--) {
      const bucket = buckets[i];
      if (bucket && d >= bucket.start) return d <= bucket.end ? i : -1;
    }
    return -1;
  };
  const served = new Set(kb.frameworks.map((f) => f.id));
  const heading = (id: string) => {
    const e = kb.entry(id);
    return e ? displayTitle(e) : id;
  };
  const ours = (id: string) => kb.entry(id) !== undefined;

  const [asks, daily, votes, posts, conversations, waitingCounts] = await Promise.all([
    store.askCounts(range),
    store.dailyCounts(DAILY_METRICS, range),
    store.voteCounts(range),
    store.postOutcomes(new Date(`${range.from}T00:00:00Z`), new Date(Date.parse(`${range.to}T00:00:00Z`) + DAY_MS)),
    store.conversationCounts(),
    store.suggestionCounts(),
  ]);
  const waiting = waitingCounts.filter((s) => served.has(s.frameworkId)).reduce((a, s) => a + s.count, 0);

  const questions = buckets.map((b) => ({ ...b, answered: 0, notSure: 0 }));
  const openers = buckets.map((b) => ({ ...b, posted: 0, anotherPrompt: 0 }));
  const shares = buckets.map((b) => ({ ...b, shares: 0 }));
  const perEntry = new Map<string, number>();
  for (const a of asks) {
    if (!ours(a.entryId)) continue;
    const question = questions[bucketOf(a.day)];
    if (question) question.answered += a.count;
    perEntry.set(a.entryId, (perEntry.get(a.entryId) ?? 0) + a.count);
  }
  const suggestions = { waiting, answered: 0, dismissed: 0, expired: 0 };
  for (const c of daily) {
    // bucketOf gives -1 for a day outside the range: no bucket there.
    const i = bucketOf(c.day);
    const question = questions[i];
    const opener = openers[i];
    const share = shares[i];
    if (c.metric === 'not-sure' && served.has(c.item) && question) question.notSure += c.count;
    else if (c.metric === 'another-prompt' && ours(c.item) && opener) opener.anotherPrompt += c.count;
    else if (c.metric === 'extension-share' && ours(c.item) && share) share.shares += c.count;
    else if (c.metric.startsWith('suggestion-') && served.has(c.item))
      suggestions[c.metric.slice('suggestion-'.length) as 'answered' | 'dismissed' | 'expired'] += c.count;
  }

  const asked = [...perEntry].map(([id, count]) => ({ id, heading: heading(id), count }));
  const most = [...asked].sort((a, b) => b.count - a.count || a.id.localeCompare(b.id)).slice(0, TOP);
  const least = [...asked].sort((a, b) => a.count - b.count || a.id.localeCompare(b.id)).slice(0, TOP);
  const never = kb.entries
    .filter((e) => e.kind !== 'overview' && !perEntry.has(e.id))
    .map((e) => ({ id: e.id, heading: displayTitle(e) }));

  // Teams are shown by number, not id: the ids mean nothing to a reader. Chats without a team are one group.
  const postsByTeam = new Map<string, { team: string; row: Record<PostOutcome, number> }>();
  for (const p of posts) {
    if (p.kind !== 'post') continue;
    const key = p.teamId ?? 'chats';
    let byTeam = postsByTeam.get(key);
    if (!byTeam) {
      const team = key === 'chats' ? 'Chats (no team)' : `Team ${postsByTeam.size + 1}`;
      byTeam = { team, row: Object.fromEntries(POST_OUTCOMES.map((o) => [o, 0])) as Record<PostOutcome, number> };
      postsByTeam.set(key, byTeam);
    }
    byTeam.row[OUTCOME_OF[p.status]] += p.count;
  }
  // Opener slots are logged by meeting time, a few minutes after they were posted.
  for (const p of posts) {
    if (p.kind !== 'meeting-opener' || p.status !== 'sent') continue;
    const opener = openers[bucketOf(p.day)];
    if (opener) opener.posted += p.count;
  }

  return {
    by: request.by,
    from: range.from,
    to: range.to,
    frameworks: kb.frameworks.map((f) => ({ id: f.id, name: f.name })),
    questions,
    entries: { most, least, never },
    votes: votes
      .filter((v) => ours(v.entryId))
      .map((v) => ({ id: v.entryId, heading: heading(v.entryId), helpful: v.helpful, notHelpful: v.notHelpful })),
    posts: [...postsByTeam.values()].map(({ team, row }) => ({ team, ...row })),
    openers,
    shares,
    conversations: {
      teams: conversations.teams,
      groupChats: conversations.groupChat,
      personalChats: conversations.personal,
    },
    suggestions,
  };
}
