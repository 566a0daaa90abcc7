import { TeamsInfo } from 'botbuilder';
import type { TurnContext } from 'botbuilder';
import { describeWhat, formatWhen } from '../schedule/describe';
import type { Subscription } from '../schedule/model';
import type { PostRecord } from '../store/types';
import type { BotDeps } from './deps';
import { teamsActivity } from './teams-activity';
import { turnInfo } from './turn-info';

/**
 * `schedule history`: this channel's recent posts and schedule changes as text, with the people who made
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
async function displayNames(
  context: TurnContext,
  deps: BotDeps,
  actors: readonly string[],
): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  await Promise.all(
    [...new Set(actors)].map(async (actor) => {
      if (actor === 'unknown' || actor === '') return;
      let timer: NodeJS.Timeout | undefined;
      const lookup = TeamsInfo.getMember(context, actor).then((m) => m.name);
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

export async function historyText(context: TurnContext, deps: BotDeps, subs: Subscription[]): Promise<string> {
  const tz = subs[0]?.spec.timeZone ?? deps.config.schedule.defaultTimeZone;
  const names = new Map(subs.map((s, i) => [s.id, `${i + 1}. ${describeWhat(deps.kb, s.spec)}`]));
  const posts = await deps.store.postLog({ conversationId: teamsActivity(context).conversationKey }, 15);
  const changes = await deps.store.auditLog(
    [teamsActivity(context).conversationKey, teamsActivity(context).settingsScope],
    15,
  );
  const STATUS: Record<PostRecord['status'], string> = {
    pending: 'waiting to post',
    sending: 'posting',
    sent: 'posted',
    skipped: 'skipped',
    missed: 'missed',
    uncertain: 'may not have posted (the service stopped while posting)',
    failed: 'failed',
    gone: 'not posted: the bot was removed',
  };
  const postLines = posts.map((p) => {
    const entry = p.entryId ? deps.kb.entry(p.entryId) : undefined;
    const why =
      p.status === 'skipped' || p.status === 'missed' || p.status === 'failed' ? (p.error ? ` (${p.error})` : '') : '';
    return `- ${formatWhen(p.slotAt, tz)}: ${STATUS[p.status]}${entry ? `, ${entry.title}` : ''}${why}${p.subscriptionId ? ` · ${names.get(p.subscriptionId) ?? 'a removed schedule'}` : ''}`;
  });
  const people = await displayNames(
    context,
    deps,
    changes.map((c) => c.actor),
  );
  const changeLines = changes.map(
    (c) => `- ${formatWhen(c.at, tz)}: ${c.detail} (by ${people.get(c.actor) ?? SOMEONE})`,
  );
  return [
    '**Posts**',
    ...(postLines.length ? postLines : ['- None yet.']),
    '',
    '**Changes**',
    ...(changeLines.length ? changeLines : ['- None yet.']),
  ].join('\n');
}
