import { conversationReferenceOf } from '../platform/activity';
import type { ConversationAccount, Turn, TurnBase } from '../platform/types';
import type { BotDeps } from '../deps';
import { teamsActivity } from './teams-activity';
import { turnInfo } from './turn-info';

/** The last reference saved per conversation, so an unchanged one costs no write. */
const saved = new WeakMap<object, Map<string, string>>();
/**
 * How many conversations' references `saved` keeps (about 0.5 KB each): more than one instance hears from in
 * a day in most organisations. It was emptied at 50,000: bench:soak saw the heap grow by about 5 MB per 10,000 new conversations up to then.
 */
const SAVED_PER_STORE = 10_000;

/**
 * Keeps the conversation reference of every team channel and chat the bot hears from (ids and the
 * service URL, no text: not the group chat's title), so scheduled posts can reach it later. Only writes when it changed.
 */
export async function rememberConversation(context: TurnBase, deps: BotDeps): Promise<void> {
  const activity = context.activity;
  if (!activity.conversation?.id || !activity.serviceUrl) return;
  const reference = conversationReferenceOf(activity);
  const teams = teamsActivity(context);
  const id = teams.conversationKey;
  // What posting needs: who the bot is, where, and through which service. Not who spoke, which
  // message, or their locale. Built field by field: copying with a spread and deleting is slower.
  const stable: Record<string, unknown> = {
    bot: reference.bot,
    channelId: reference.channelId,
    serviceUrl: reference.serviceUrl,
    ...(reference.conversation && { conversation: withoutName(reference.conversation, id) }),
  };
  const record = {
    id,
    kind: teams.kind,
    ...(teams.tenantId !== undefined && { tenantId: teams.tenantId }),
    ...(teams.teamId !== undefined && { teamId: teams.teamId }),
    serviceUrl: activity.serviceUrl,
    reference: stable,
  };
  const key = JSON.stringify(record);
  let cache = saved.get(deps.store);
  if (!cache) {
    cache = new Map();
    saved.set(deps.store, cache);
  }
  if (cache.get(record.id) === key) return;
  await deps.store.saveConversation(record, deps.clock.now());
  cache.delete(record.id);
  // Full: the conversation saved longest ago goes (a Map keeps insertion order); it costs one write when next heard from.
  if (cache.size >= SAVED_PER_STORE) cache.delete(cache.keys().next().value ?? '');
  cache.set(record.id, key);
}

/** The conversation part of a reference, under our key, without its `name`: a group chat's title is text people typed. */
function withoutName(conversation: ConversationAccount, id: string): ConversationAccount {
  const copy: { -readonly [K in keyof ConversationAccount]?: ConversationAccount[K] } = Object.assign(
    {},
    conversation,
    {
      id,
    },
  );
  delete copy.name;
  return { ...copy, id };
}

/** The bot was uninstalled or removed: stop posting there, and show why. */
export async function forgetConversation(context: Turn, deps: BotDeps, why: string): Promise<void> {
  const { teamId, conversationKey: id } = teamsActivity(context);
  const at = deps.clock.now();
  if (teamId !== undefined) await deps.store.markTeamGone(teamId, why, at);
  if (id) {
    await deps.store.markConversationGone(id, why, at);
    await deps.store.deactivateSubscriptionsIn(id, why);
    saved.get(deps.store)?.delete(id);
  }
  deps.logger.info(
    turnInfo(context, { event: 'removed', teamId }),
    'the bot was removed: its posts there have stopped',
  );
}
