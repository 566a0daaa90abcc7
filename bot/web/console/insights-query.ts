import { createHash } from 'node:crypto';
import { utcDay } from '../../../time/clock';

/** What the console asks the insights for: the period, and the figures of one framework or one team. */

export interface InsightsRequest {
  /** Number of buckets back from today (weeks or days). */
  readonly periods: number;
  readonly by: 'week' | 'day';
  /** Only this framework's figures. */
  readonly framework?: string;
  /** Only this team's scheduled posts and meeting openers (a team code, see teamCode). */
  readonly team?: string;
}

export type InsightsQuery = { ok: true; request: InsightsRequest } | { ok: false; message: string };

/**
 * A team as the console names it: six characters made from its Teams id, the same in every period and
 * in a shared link. The bot keeps no team names, and the id itself means nothing to a reader.
 */
export function teamCode(teamId: string): string {
  return createHash('sha256').update(teamId).digest('hex').slice(0, 6).toUpperCase();
}

/**
 * Reads ?weeks= or ?days= (one of them), e.g. ?weeks=12 (the default) or ?days=30, and optionally
 * ?framework= (one of `frameworks`) and ?team= (a team code).
 */
export function parseInsightsQuery(url: string, frameworks: readonly string[] = []): InsightsQuery {
  const params = new URLSearchParams(url.includes('?') ? url.slice(url.indexOf('?') + 1) : '');
  const period = parsePeriod(params);
  if (!period.ok) return period;
  const framework = params.getAll('framework');
  const team = params.getAll('team');
  if (framework.length > 1 || (framework[0] !== undefined && !frameworks.includes(framework[0])))
    return {
      ok: false,
      message: `framework must be one of ${frameworks.join(', ')}, once: for example ?framework=${frameworks[0] ?? 'lbbd'}.`,
    };
  if (team.length > 1 || (team[0] !== undefined && !/^[0-9A-F]{6}$/i.test(team[0])))
    return { ok: false, message: "team must be a team's six-character code, once: for example ?team=3F9A1C." };
  return {
    ok: true,
    request: {
      ...period.request,
      ...(framework[0] !== undefined && { framework: framework[0] }),
      ...(team[0] !== undefined && { team: team[0].toUpperCase() }),
    },
  };
}

function parsePeriod(params: URLSearchParams): InsightsQuery {
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

const DAY_MS = 86_400_000;
const day = (ms: number) => utcDay(new Date(ms));

/** The buckets, oldest first, ending with the one that holds `today` (UTC). */
export function periods(today: Date, request: Pick<InsightsRequest, 'periods' | 'by'>): Period[] {
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

/** The period of the same length just before `from` (YYYY-MM-DD): what a trend is measured against. */
export function periodBefore(from: string, to: string): { from: string; to: string } {
  const start = Date.parse(`${from}T00:00:00Z`);
  const length = Date.parse(`${to}T00:00:00Z`) - start + DAY_MS;
  return { from: day(start - length), to: day(start - DAY_MS) };
}
