import { rememberConversation } from './conversations';
import type { BotDeps } from '../deps';
import { rememberLeadChat } from './lead-digest';
import { isOwnTurn } from '../platform/proactive';
import type { Middleware, TurnBase } from '../platform/types';
import { teamsActivity } from './teams-activity';
import { tenantPolicy } from './tenants';
import { turnInfo } from './turn-info';

/**
 * What runs on the adapter before the bot sees an activity, in this order: turn timing, the tenant
 * allow-list, conversation tracking. Turns the bot starts itself (`ownTurn`) pass straight through:
 * nothing arrived in them.
 */
export function turnMiddleware(deps: BotDeps): Middleware[] {
  return [turnTiming(deps), tenantAllowList(deps), conversationTracking(deps)];
}

/** How long each turn took, by activity type, refused ones included (Application Insights, when on). */
export function turnTiming(deps: Pick<BotDeps, 'telemetry'>): Middleware {
  return async (context, next) => {
    if (isOwnTurn()) return next();
    const started = performance.now();
    try {
      await next();
    } finally {
      deps.telemetry?.turn(String(context.activity.type), performance.now() - started);
    }
  };
}

/** With ALLOWED_TENANTS set, an activity from another tenant goes no further: logged with its tenant id, and an invoke answered 403. */
export function tenantAllowList(deps: Pick<BotDeps, 'config' | 'logger'>): Middleware {
  const allowed = tenantPolicy(deps.config);
  return async (context, next) => {
    if (isOwnTurn()) return next();
    const { tenantId } = teamsActivity(context);
    if (allowed(tenantId)) return next();
    deps.logger.warn(
      turnInfo(context, { event: 'tenant-refused', tenantId: tenantId ?? 'none' }),
      'an activity came from a tenant that is not allowed',
    );
    if (context.activity.type === 'invoke')
      await context.sendActivity({ type: 'invokeResponse', value: { status: 403 } });
  };
}

/**
 * Keeps each conversation's reference, and a practice lead's personal chat, from the activities that
 * come from it, so scheduled posts and digests can reach it later. Not invokes: the search extension
 * is used in chats the bot is not in. Not removals: those stop the posts instead.
 */
export function conversationTracking(deps: BotDeps): Middleware {
  return async (context, next) => {
    if (!isOwnTurn() && tracked(context)) {
      await rememberConversation(context, deps);
      await rememberLeadChat(context, deps);
    }
    await next();
  };
}

function tracked(context: TurnBase): boolean {
  const { type, action, membersRemoved } = context.activity;
  const removal =
    (type === 'installationUpdate' && /^remove/.test(String(action))) ||
    (type === 'conversationUpdate' && (membersRemoved?.length ?? 0) > 0);
  return (
    !removal &&
    (type === 'message' || type === 'conversationUpdate' || type === 'installationUpdate' || type === 'event')
  );
}
