import type { Turn } from '../../platform/types';
import { describeWhat, formatWhen } from '../../../schedule/describe';
import type { Subscription } from '../../../schedule/model';
import type { PostRecord } from '../../../store/types';
import { scheduleHistoryCard } from '../../../cards';
import type { CardMessage, HistoryLine } from '../../../cards';
import { displayTitle } from '../../../knowledge/kb/model';
import type { BotDeps } from '../../deps';
import { teamsActivity } from '../teams-activity';
import { turnInfo } from '../turn-info';

/**
 * `schedule history`: this channel's recent posts and schedule changes as a card, with the people who made
 * the changes named by Teams at the time it is shown.
 */

/** Said in the history for a person whose name Teams did not give us. */
export const SOMEONE = 'someone';
/** How long the history waits for Teams to name the people in it. */
const NAME_LOOKUP_MS = 3000;

/**
 * The display names of the people who changed schedules, asked of Teams each time the history is shown:
 * the store keeps only their Microsoft Entra object ids, never names. Anyone Teams cannot name (left the
 * team, a lookup error, too slow) is "someone"; the error's text is not logged.
 */
async function displayNames(context: Turn, deps: BotDeps, actors: readonly string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  await Promise.all(
    [...new Set(actors)].map(async (actor) => {
      if (actor === 'unknown' || actor === '') return;
      let timer: NodeJS.Timeout | undefined;
      const lookup = context.memberName(actor);
      // The lookup may fail after the wait is over: that failure is expected, not unhandled.
      lookup.catch(() => undefined);
      const late = new Promise<undefined>((resolve) => {
        timer = setTimeout(() => resolve(undefined), NAME_LOOKUP_MS);
      });
      try {
        const name = await Promise.race([lookup, late]);
        if (typeof name === 'string' && name.trim() !== '') names.set(actor, name.trim());
      } catch (error) {
        deps.logger.info(
          turnInfo(context, { event: 'member-lookup-failed', status: (error as { statusCode?: number }).statusCode }),
          'Teams did not name a person in the schedule history',
        );
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  return names;
}

/** A change as people read it: a framework change names the frameworks, not their ids. */
function changeDetail(deps: BotDeps, action: string, detail: string): string {
  if (action !== 'framework') return detail;
  const named = (id: string) => deps.kb.framework(id)?.name ?? id;
  const m = /^framework changed from (the default|\S+) to (\S+)$/.exec(detail);
  if (!m?.[1] || !m[2]) return detail;
  const from = m[1] === 'the default' ? undefined : named(m[1]);
  return from ? `framework changed from the ${from} to the ${named(m[2])}` : `framework set to the ${named(m[2])}`;
}

export async function historyCard(context: Turn, deps: BotDeps, subs: Subscription[]): Promise<CardMessage> {
  const tz = subs[0]?.spec.timeZone ?? deps.config.schedule.defaultTimeZone;
  const names = new Map(subs.map((s, i) => [s.id, `${i + 1}. ${describeWhat(deps.kb, s.spec)}`]));
  const posts = await deps.store.postLog({ conversationId: teamsActivity(context).conversationKey }, 15);
  const changes = await deps.store.auditLog(
    [teamsActivity(context).conversationKey, teamsActivity(context).settingsScope],
    15,
  );
  const STATUS: Record<PostRecord['status'], string> = {
    pending: 'Waiting to post',
    sending: 'Posting',
    sent: 'Posted',
    skipped: 'Skipped',
    missed: 'Missed',
    uncertain: 'May not have posted (the service stopped while posting)',
    failed: 'Failed',
    gone: 'Not posted: the bot was removed',
  };
  const postLines: HistoryLine[] = posts.map((p) => {
    const entry = p.entryId ? deps.kb.entry(p.entryId) : undefined;
    const why =
      p.status === 'skipped' || p.status === 'missed' || p.status === 'failed' ? (p.error ? ` (${p.error})` : '') : '';
    const schedule = p.subscriptionId ? (names.get(p.subscriptionId) ?? 'a removed schedule') : undefined;
    return {
      when: [formatWhen(p.slotAt, tz), schedule].filter(Boolean).join(' · '),
      what: `${STATUS[p.status]}${entry ? `: ${displayTitle(entry)}` : ''}${why}`,
    };
  });
  const people = await displayNames(
    context,
    deps,
    changes.map((c) => c.actor),
  );
  const changeLines: HistoryLine[] = changes.map((c) => ({
    when: formatWhen(c.at, tz) ?? '',
    what: `${changeDetail(deps, c.action, c.detail)} (by ${people.get(c.actor) ?? SOMEONE})`,
  }));
  return scheduleHistoryCard({ posts: postLines, changes: changeLines });
}
