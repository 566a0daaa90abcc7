import type { KnowledgeBase } from '../../../knowledge/kb/model';
import { displayTitle } from '../../../knowledge/kb/model';
import { SAFETY_ROUTES } from '../../../knowledge/safety';
import type { SafetyRoute } from '../../../knowledge/safety';
import { notSureRate, notSureTrend } from '../../../store/not-sure-rate';
import type { NotSureRate, NotSureTrend } from '../../../store/not-sure-rate';
import { DAILY_METRICS } from '../../../store/schema';
import type { PostStatus, Store } from '../../../store/types';
import { periodBefore, periods, teamCode } from './insights-query';
import type { InsightsRequest, Period } from './insights-query';

export { parseInsightsQuery, periods } from './insights-query';
export type { InsightsRequest, Period } from './insights-query';

/** The console's insights: counts only, for the frameworks this deployment serves. */

/** The parts of the insights, as `filters` names them. */
export type InsightsPart =
  | 'questions'
  | 'notSureRate'
  | 'entries'
  | 'votes'
  | 'declinedTopics'
  | 'routesShown'
  | 'shares'
  | 'anotherPrompt'
  | 'conversations'
  | 'suggestions'
  | 'posts'
  | 'openers';

export interface Insights {
  readonly by: 'week' | 'day';
  readonly from: string;
  readonly to: string;
  readonly frameworks: ReadonlyArray<{ id: string; name: string }>;
  /** The filters applied, and the parts they cannot narrow (those are counted for every framework or team). */
  readonly filters: {
    readonly framework: { id: string; name: string } | null;
    readonly team: { code: string; label: string } | null;
    readonly allFrameworks: readonly InsightsPart[];
    readonly allTeams: readonly InsightsPart[];
  };
  /** The teams with scheduled posts or meeting openers in the period, to filter by. */
  readonly teams: ReadonlyArray<{ code: string; label: string }>;
  /** Oldest period first. */
  readonly questions: ReadonlyArray<Period & { answered: number; notSure: number; notSureRate: number | null }>;
  /** Over the whole view, and against the period of the same length before it. */
  readonly notSureRate: NotSureRate & {
    readonly previous: NotSureRate & { readonly from: string; readonly to: string };
    readonly trend: NotSureTrend;
  };
  /** Topics the bot declined, by their names from its own list; most first. */
  readonly declinedTopics: ReadonlyArray<{ topic: string; count: number }>;
  /** How often each safety signpost was shown first: every route, in the safety net's order. */
  readonly routesShown: ReadonlyArray<{ route: SafetyRoute; count: number }>;
  readonly entries: {
    readonly most: readonly EntryCount[];
    readonly least: readonly EntryCount[];
    readonly never: ReadonlyArray<{ id: string; heading: string }>;
  };
  /** Most "Not helpful" votes first. */
  readonly votes: ReadonlyArray<{ id: string; heading: string; helpful: number; notHelpful: number }>;
  readonly posts: ReadonlyArray<{ team: string; code?: string } & Record<PostOutcome, number>>;
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

/** Neither is recorded with a framework; neither is recorded with a team, and nor is anything but posts and openers. */
const ALL_FRAMEWORKS: readonly InsightsPart[] = ['declinedTopics', 'routesShown', 'conversations'];
const ALL_TEAMS: readonly InsightsPart[] = [
  'questions',
  'notSureRate',
  'entries',
  'votes',
  'declinedTopics',
  'routesShown',
  'shares',
  'anotherPrompt',
  'conversations',
  'suggestions',
];

const DAY_MS = 86_400_000;
const TOP = 10;
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

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
  const before = periodBefore(range.from, range.to);
  const bucketOf = (d: string) => {
    // Buckets are in order and contiguous: a binary search would do, but there are at most 366.
    for (let i = buckets.length - 1; i >= 0; i--) {
      const bucket = buckets[i];
      if (bucket && d >= bucket.start) return d <= bucket.end ? i : -1;
    }
    return -1;
  };
  const chosen = request.framework;
  const frameworks = kb.frameworks.filter((f) => chosen === undefined || f.id === chosen);
  const served = new Set(frameworks.map((f) => f.id));
  const heading = (id: string) => {
    const e = kb.entry(id);
    return e ? displayTitle(e) : id;
  };
  // An entry of a framework in view: the one chosen, or any this deployment serves.
  const ours = (id: string | undefined) => {
    const e = id === undefined ? undefined : kb.entry(id);
    return e !== undefined && served.has(e.frameworkId);
  };

  const [asks, daily, votes, posts, conversations, waitingCounts] = await Promise.all([
    store.askCounts({ from: before.from, to: range.to }),
    store.dailyCounts(DAILY_METRICS, { from: before.from, to: range.to }),
    store.voteCounts(range),
    store.postOutcomes(new Date(`${range.from}T00:00:00Z`), new Date(Date.parse(`${range.to}T00:00:00Z`) + DAY_MS)),
    store.conversationCounts(),
    store.suggestionCounts(),
  ]);
  const waiting = sum(waitingCounts.filter((s) => served.has(s.frameworkId)).map((s) => s.count));

  const questions = buckets.map((b) => ({ ...b, answered: 0, notSure: 0 }));
  const openers = buckets.map((b) => ({ ...b, posted: 0, anotherPrompt: 0 }));
  const shares = buckets.map((b) => ({ ...b, shares: 0 }));
  const previous = { answered: 0, notSure: 0 };
  const perEntry = new Map<string, number>();
  for (const a of asks) {
    if (!ours(a.entryId)) continue;
    if (a.day < range.from) {
      previous.answered += a.count;
      continue;
    }
    const question = questions[bucketOf(a.day)];
    if (question) question.answered += a.count;
    perEntry.set(a.entryId, (perEntry.get(a.entryId) ?? 0) + a.count);
  }
  const suggestions = { waiting, answered: 0, dismissed: 0, expired: 0 };
  const declined = new Map<string, number>();
  const routes = new Map<string, number>();
  for (const c of daily) {
    if (c.day < range.from) {
      if (c.metric === 'not-sure' && served.has(c.item)) previous.notSure += c.count;
      continue;
    }
    // bucketOf gives -1 for a day outside the range: no bucket there.
    const i = bucketOf(c.day);
    const question = questions[i];
    const opener = openers[i];
    const share = shares[i];
    if (c.metric === 'not-sure' && served.has(c.item) && question) question.notSure += c.count;
    else if (c.metric === 'another-prompt' && ours(c.item) && opener) opener.anotherPrompt += c.count;
    else if (c.metric === 'extension-share' && ours(c.item) && share) share.shares += c.count;
    else if (c.metric === 'declined') declined.set(c.item, (declined.get(c.item) ?? 0) + c.count);
    else if (c.metric === 'route') routes.set(c.item, (routes.get(c.item) ?? 0) + c.count);
    else if (c.metric.startsWith('suggestion-') && served.has(c.item))
      suggestions[c.metric.slice('suggestion-'.length) as 'answered' | 'dismissed' | 'expired'] += c.count;
  }

  const asked = [...perEntry].map(([id, count]) => ({ id, heading: heading(id), count }));
  const most = [...asked].sort((a, b) => b.count - a.count || a.id.localeCompare(b.id)).slice(0, TOP);
  const least = [...asked].sort((a, b) => a.count - b.count || a.id.localeCompare(b.id)).slice(0, TOP);
  const never = kb.entries
    .filter((e) => e.kind !== 'overview' && served.has(e.frameworkId) && !perEntry.has(e.id))
    .map((e) => ({ id: e.id, heading: displayTitle(e) }));

  // Teams are shown by a code made from their id (teamCode): the bot keeps no team names. Chats without a team are one group.
  const teams = new Map<string, string>();
  const postsByTeam = new Map<string, { team: string; code?: string; row: Record<PostOutcome, number> }>();
  for (const p of posts) {
    const code = p.teamId === undefined ? undefined : teamCode(p.teamId);
    if (code !== undefined) teams.set(code, `Team ${code}`);
    if (request.team !== undefined && code !== request.team) continue;
    if (chosen !== undefined && !ours(p.entryId)) continue;
    if (p.kind === 'meeting-opener') {
      // Opener slots are logged by meeting time, a few minutes after they were posted.
      const opener = openers[bucketOf(p.day)];
      if (opener && p.status === 'sent') opener.posted += p.count;
      continue;
    }
    const key = code ?? 'chats';
    let byTeam = postsByTeam.get(key);
    if (!byTeam) {
      const row = Object.fromEntries(POST_OUTCOMES.map((o) => [o, 0])) as Record<PostOutcome, number>;
      byTeam = code === undefined ? { team: 'Chats (no team)', row } : { team: `Team ${code}`, code, row };
      postsByTeam.set(key, byTeam);
    }
    byTeam.row[OUTCOME_OF[p.status]] += p.count;
  }
  if (request.team !== undefined && !teams.has(request.team)) teams.set(request.team, `Team ${request.team}`);

  const answered = sum(questions.map((q) => q.answered));
  const now = notSureRate(answered, sum(questions.map((q) => q.notSure)));
  const then = notSureRate(previous.answered, previous.notSure);
  const framework = frameworks.length === 1 && chosen !== undefined ? frameworks[0] : undefined;
  return {
    by: request.by,
    from: range.from,
    to: range.to,
    frameworks: kb.frameworks.map((f) => ({ id: f.id, name: f.name })),
    filters: {
      framework: framework ? { id: framework.id, name: framework.name } : null,
      team: request.team === undefined ? null : { code: request.team, label: `Team ${request.team}` },
      allFrameworks: framework ? ALL_FRAMEWORKS : [],
      allTeams: request.team === undefined ? [] : ALL_TEAMS,
    },
    teams: [...teams].sort((a, b) => a[0].localeCompare(b[0])).map(([code, label]) => ({ code, label })),
    questions: questions.map((q) => ({ ...q, notSureRate: notSureRate(q.answered, q.notSure).rate })),
    notSureRate: { ...now, previous: { ...then, ...before }, trend: notSureTrend(now, then) },
    declinedTopics: [...declined]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([topic, count]) => ({ topic, count })),
    routesShown: SAFETY_ROUTES.map((route) => ({ route, count: routes.get(route) ?? 0 })),
    entries: { most, least, never },
    votes: votes
      .filter((v) => ours(v.entryId))
      .map((v) => ({ id: v.entryId, heading: heading(v.entryId), helpful: v.helpful, notHelpful: v.notHelpful }))
      .sort((a, b) => b.notHelpful - a.notHelpful || a.helpful - b.helpful || a.heading.localeCompare(b.heading)),
    posts: [...postsByTeam.values()]
      .sort((a, b) => (a.code ?? '~').localeCompare(b.code ?? '~'))
      .map(({ team, code, row }) => ({ team, ...(code !== undefined && { code }), ...row })),
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
