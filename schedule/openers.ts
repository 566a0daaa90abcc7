import type { Entry, KnowledgeBase } from '../knowledge/kb/model';
import type { ContentKind, RotationState } from './model';
import type { ScheduleStore } from './schedule-store';
import { mayChange, REFUSED } from './permissions';
import type { Actor, Refused } from './permissions';
import type { PostContent } from './planner';
import { choosePrompts, nextInRotation, rotationOrder } from './rotation';
import type { Clock } from '../time/clock';

/**
 * Meeting openers: whether a team or chat wants them (a change, audited in the same transaction, and
 * under the same permission rule as schedules), and the card that opens each meeting.
 */
export interface OpenersDeps {
  readonly store: Pick<ScheduleStore, 'meetingOpeners' | 'setMeetingOpeners' | 'addPostWithRotation'>;
  readonly kb: KnowledgeBase;
  readonly clock: Clock;
  /** ADMIN_AAD_IDS in lower case, or null when anyone in the team or chat may change openers. */
  readonly adminIds: ReadonlySet<string> | null;
}

const ALL_KINDS: readonly ContentKind[] = ['principle', 'value', 'approach', 'ingredient'];

/**
 * Meeting openers are off unless someone chose them here: by adding the app to the meeting, or by
 * "meeting openers on" in the meeting chat or the team. Installing the app in a team does not turn them on.
 * (Only choices are stored, never the default, so changing the default needed no migration.)
 */
export async function openersOn(store: Pick<ScheduleStore, 'meetingOpeners'>, scopeId: string): Promise<boolean> {
  return (await store.meetingOpeners(scopeId)) ?? false;
}

/** "meeting openers on|off" in a team or chat (`scopeId` is its settings scope). */
export async function setOpeners(
  deps: OpenersDeps,
  request: { readonly actor: Actor; readonly scopeId: string; readonly on: boolean },
): Promise<Refused | { kind: 'set'; on: boolean; already: boolean }> {
  if (!mayChange(deps.adminIds, request.actor)) return REFUSED;
  const { on, scopeId } = request;
  const already = (await openersOn(deps.store, scopeId)) === on;
  await recordOpeners(
    deps,
    scopeId,
    on,
    request.actor,
    `meeting openers turned ${on ? 'on' : 'off'}${already ? ' (they already were)' : ''}`,
  );
  return { kind: 'set', on, already };
}

/** The app was added to a meeting: that is choosing openers for it, unless someone here already chose. True if this turned them on. */
export async function openersChosenByAdding(
  deps: Omit<OpenersDeps, 'kb' | 'adminIds'>,
  request: { readonly actor: Actor; readonly scopeId: string },
): Promise<boolean> {
  const { scopeId } = request;
  if ((await deps.store.meetingOpeners(scopeId)) !== undefined) return false;
  await recordOpeners(deps, scopeId, true, request.actor, 'meeting openers turned on by adding the app to the meeting');
  return true;
}

/** Stores the choice, audited in the same transaction as the change. */
async function recordOpeners(
  deps: Pick<OpenersDeps, 'store' | 'clock'>,
  scopeId: string,
  on: boolean,
  actor: Actor,
  detail: string,
): Promise<void> {
  const at = deps.clock.now();
  await deps.store.setMeetingOpeners(scopeId, on, at, {
    scopeId,
    at,
    actor: actor.id,
    action: 'meeting-openers',
    detail,
  });
}

/** One meeting that started, and what its opener may feature. */
export interface MeetingStart {
  readonly meetingId: string;
  readonly started: Date;
  /** The meeting chat. */
  readonly conversationId: string;
  readonly teamId?: string;
  /** The framework of the team or chat. */
  readonly frameworkId: string;
  /** What the team's scheduled post featured this week, if anything: the opener then asks about it. */
  readonly featured?: Entry;
}

/**
 * Plans the opener of a meeting that started: once per meeting (its id and start time make the slot
 * key), however often the event arrives. Returns the slot key, and whether it was added (false: it
 * already was, or there was nothing to post).
 */
export async function planMeetingOpener(
  deps: Omit<OpenersDeps, 'adminIds'>,
  meeting: MeetingStart,
): Promise<{ slotKey: string; added: boolean }> {
  const { conversationId, teamId, featured } = meeting;
  const now = deps.clock.now();
  const slotKey = `meeting:${meeting.meetingId}@${meeting.started.toISOString()}`;
  // The meeting chat is the same for every meeting of a series, so the series' rotation is kept by it.
  const added = await deps.store.addPostWithRotation(
    `meeting-series:${conversationId}`,
    slotKey,
    now,
    (state: RotationState) => {
      let entry: Entry | undefined = featured;
      let next = state;
      let prompt = 0;
      let position = 1;
      let of = 1;
      if (entry) {
        const { chosen, used } = choosePrompts(
          entry.groupPrompts.length || entry.prompts.length,
          state.promptsUsed[entry.id] ?? [],
          1,
        );
        prompt = chosen[0] ?? 0;
        next = { ...state, promptsUsed: { ...state.promptsUsed, [entry.id]: used } };
      } else {
        const pick = nextInRotation(
          rotationOrder(deps.kb, { frameworkId: meeting.frameworkId, content: ALL_KINDS }),
          state,
          1,
          'group',
        );
        if (!pick) return undefined;
        entry = pick.entry;
        next = pick.state;
        prompt = pick.prompts[0] ?? 0;
        position = pick.position;
        of = pick.of;
      }
      const content: PostContent = {
        entryId: entry.id,
        prompts: [prompt],
        audience: 'group',
        position,
        of,
        cycle: next.cycle,
        kind: 'meeting-opener',
        kinds: 1,
      };
      return {
        post: {
          slotKey,
          conversationId,
          ...(teamId !== undefined && { teamId }),
          slotAt: now,
          entryId: entry.id,
          content: { ...content },
          status: 'pending',
        },
        state: next,
      };
    },
  );
  return { slotKey, added };
}
