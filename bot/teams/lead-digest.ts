import type { Turn, TurnBase } from '../platform/types';
import type { BotDeps } from '../deps';
import { textActivity } from './reply';
import { teamsActivity } from './teams-activity';
import { turnInfo } from './turn-info';

/** The lead's object id, if the person in this turn is a practice lead (PRACTICE_LEAD_AAD_IDS). Never anyone else's. */
export function leadOf(context: TurnBase, deps: BotDeps): string | undefined {
  const oid = teamsActivity(context).entraId;
  return oid !== undefined && deps.config.console.leadIds.has(oid) ? oid : undefined;
}

/** Leads whose personal chat is already recorded, per store, so an unchanged one costs no write. */
const recorded = new WeakMap<object, Map<string, string>>();

/**
 * When a practice lead messages or installs the bot in a personal chat, records where their weekly
 * digest goes: their object id (already configured) and that chat's id. Nobody else's id is written.
 */
export async function rememberLeadChat(context: TurnBase, deps: BotDeps): Promise<void> {
  if (teamsActivity(context).kind !== 'personal') return;
  const lead = leadOf(context, deps);
  if (lead === undefined) return;
  const conversationId = teamsActivity(context).conversationKey;
  if (conversationId === '') return;
  let cache = recorded.get(deps.store);
  if (!cache) {
    cache = new Map();
    recorded.set(deps.store, cache);
  }
  if (cache.get(lead) === conversationId) return;
  await deps.store.saveLeadChat(lead, conversationId, deps.clock.now());
  cache.set(lead, conversationId);
}

export const DIGEST_REPLIES = Object.freeze({
  on: 'The weekly digest is on: you\'ll get last week\'s numbers here every Monday morning. Type "digest off" to stop it.',
  off: 'The weekly digest is off. Type "digest on" to start it again.',
  notLead:
    'The weekly digest is for practice leads. Ask your administrator to add you to PRACTICE_LEAD_AAD_IDS if you should get it.',
  notPersonal: 'Turn the weekly digest on or off in your personal chat with me.',
});

/** "digest on" or "digest off", alone (any case), or undefined for anything else. */
export function parseDigestCommand(text: string): 'on' | 'off' | undefined {
  const choice = /^digest\s+(on|off)$/i.exec(text.trim())?.[1]?.toLowerCase();
  return choice === 'on' || choice === 'off' ? choice : undefined;
}

/** A lead turns their weekly digest on or off, in their personal chat; the change is audited. */
export async function digestCommand(context: Turn, setting: 'on' | 'off', deps: BotDeps): Promise<void> {
  const lead = leadOf(context, deps);
  if (lead === undefined) {
    await context.sendActivity(textActivity(DIGEST_REPLIES.notLead));
    return;
  }
  if (teamsActivity(context).kind !== 'personal') {
    await context.sendActivity(textActivity(DIGEST_REPLIES.notPersonal));
    return;
  }
  const at = deps.clock.now();
  await rememberLeadChat(context, deps);
  const audit = {
    scopeId: teamsActivity(context).conversationKey,
    at,
    actor: lead,
    action: `digest ${setting}`,
    detail: `Weekly digest turned ${setting}`,
  };
  if (!(await deps.store.setDigest(lead, setting === 'on', at, audit))) {
    // The cached row was removed underneath us (a restore, say): record it again.
    await deps.store.saveLeadChat(lead, teamsActivity(context).conversationKey, at);
    await deps.store.setDigest(lead, setting === 'on', at, audit);
  }
  deps.logger.info(turnInfo(context, { event: 'digest', setting }), 'a practice lead changed their weekly digest');
  await context.sendActivity(textActivity(setting === 'on' ? DIGEST_REPLIES.on : DIGEST_REPLIES.off));
}
