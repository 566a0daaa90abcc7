import type { ConsoleConfig } from '../../config/types';
import type { ConsoleSession } from './routes';

/**
 * Two pairs of eyes: editors draft (PRACTICE_LEAD_AAD_IDS), approvers publish (PRACTICE_APPROVER_AAD_IDS).
 * Where approvers are set, only an approver publishes or signs off a review, and never a draft they
 * edited themselves; where none are set, one practice lead drafts and publishes, as before.
 *
 * Local mode has no sign-in, so it shows the two roles with stand-in identities: a call carrying
 * STAND_IN_HEADER (`editor` or `approver`) acts as that stand-in, with the stand-in approver as the only
 * approver. Without the header, local mode is one lead with no second approver.
 */

export const STAND_IN_HEADER = 'x-practice-companion-stand-in';

export const STAND_INS = Object.freeze({
  editor: Object.freeze({ id: 'stand-in-editor', name: 'Sam Editor (stand-in)' }),
  approver: Object.freeze({ id: 'stand-in-approver', name: 'Alex Approver (stand-in)' }),
});
export type StandIn = keyof typeof STAND_INS;

export const isStandIn = (value: unknown): value is StandIn => value === 'editor' || value === 'approver';

export interface Roles {
  /** Who the caller is recorded as: their object id, a stand-in's id, or `local`. */
  readonly person: string;
  readonly name: string | null;
  /** True where approvers are set (in local mode: while acting as a stand-in). */
  readonly approversConfigured: boolean;
  readonly approver: boolean;
  readonly standIn: StandIn | null;
}

export function rolesOf(config: Pick<ConsoleConfig, 'approverIds'>, session: ConsoleSession): Roles {
  if (session.localMode) {
    const standIn = session.standIn ?? null;
    return standIn
      ? {
          person: STAND_INS[standIn].id,
          name: STAND_INS[standIn].name,
          approversConfigured: true,
          approver: standIn === 'approver',
          standIn,
        }
      : { person: 'local', name: null, approversConfigured: false, approver: false, standIn: null };
  }
  const person = session.leadId ?? 'unknown';
  return {
    person,
    name: session.name ?? null,
    approversConfigured: config.approverIds.size > 0,
    approver: config.approverIds.has(person),
    standIn: null,
  };
}

/** Why this person may not publish (or sign off) now, in the words the page shows; null when they may. */
export function publishRefusal(
  roles: Roles,
  draftEditors: readonly string[],
): { status: 403; body: { code: string; message: string } } | null {
  if (!roles.approversConfigured) return null;
  if (!roles.approver)
    return {
      status: 403,
      body: {
        code: 'NeedsApprover',
        message:
          'An approver publishes: you can edit and check the draft, then ask one of the approvers to look at it and publish it.',
      },
    };
  if (draftEditors.includes(roles.person))
    return {
      status: 403,
      body: {
        code: 'OwnDraft',
        message:
          'You edited this draft, so another approver must look at it and publish it: nobody publishes their own draft.',
      },
    };
  return null;
}

/** Only an approver signs a review off, where approvers are set. */
export function signOffRefusal(roles: Roles): { status: 403; body: { code: string; message: string } } | null {
  return roles.approversConfigured && !roles.approver
    ? {
        status: 403,
        body: {
          code: 'NeedsApprover',
          message: 'An approver signs off the content review: ask one of the approvers to do it.',
        },
      }
    : null;
}
