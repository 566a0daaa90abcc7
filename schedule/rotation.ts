import type { Entry, KnowledgeBase } from '../knowledge/kb/model';
import type { ContentKind, RotationState, SubscriptionSpec } from './model';

export const EMPTY_ROTATION: RotationState = { cycle: 1, seen: [], promptsUsed: {} };

/** The entries a subscription walks through: its framework's entries of the chosen kinds, in the framework's order. */
export function rotationOrder(kb: KnowledgeBase, spec: Pick<SubscriptionSpec, 'frameworkId' | 'content'>): Entry[] {
  const rank = (kind: string) => spec.content.indexOf(kind as ContentKind);
  return kb.entries
    .filter((e) => e.frameworkId === spec.frameworkId && rank(e.kind) >= 0)
    .sort((a, b) => rank(a.kind) - rank(b.kind) || (a.number ?? 0) - (b.number ?? 0) || a.id.localeCompare(b.id));
}

export interface Pick_ {
  readonly entry: Entry;
  /** 1-based place in the cycle, e.g. 4 in "Principle 4 of 10". */
  readonly position: number;
  readonly of: number;
  readonly cycle: number;
  /** Indexes into the entry's prompts (or group prompts). */
  readonly prompts: readonly number[];
  readonly state: RotationState;
}

/**
 * The next entry, without repeats until every entry of the cycle has been posted, and the next prompts
 * for it, without repeating last round's prompts while others remain. Entries are remembered by id, so
 * a change to the chosen kinds or to the knowledge base carries on where it left off.
 */
export function nextInRotation(
  order: readonly Entry[],
  state: RotationState,
  promptsWanted: number,
  audience: 'individual' | 'group',
): Pick_ | undefined {
  if (order.length === 0) return undefined;
  let seen = new Set(state.seen);
  let cycle = state.cycle;
  let index = order.findIndex((e) => !seen.has(e.id));
  if (index < 0) {
    cycle += 1;
    seen = new Set();
    index = 0;
  }
  const entry = order[index];
  if (entry === undefined) throw new Error('rotation index outside a non-empty order');
  const available = audience === 'group' && entry.groupPrompts.length > 0 ? entry.groupPrompts : entry.prompts;
  const { chosen, used } = choosePrompts(available.length, state.promptsUsed[entry.id] ?? [], promptsWanted);
  seen.add(entry.id);
  const inOrder = new Set(order.map((e) => e.id));
  return {
    entry,
    position: index + 1,
    of: order.length,
    cycle,
    prompts: chosen,
    state: {
      cycle,
      seen: [...seen].filter((id) => inOrder.has(id)),
      promptsUsed: { ...state.promptsUsed, [entry.id]: used },
    },
  };
}

/** Picks `wanted` prompt numbers not used this round; a new round starts only when none remain. */
export function choosePrompts(
  count: number,
  usedBefore: readonly number[],
  wanted: number,
): { chosen: number[]; used: number[] } {
  const chosen: number[] = [];
  let used = usedBefore.filter((i) => i < count);
  const take = Math.min(wanted, count);
  while (chosen.length < take) {
    const next = [...Array(count).keys()].find((i) => !used.includes(i) && !chosen.includes(i));
    if (next === undefined) {
      used = [];
      continue;
    }
    chosen.push(next);
    used = [...used, next];
  }
  return { chosen, used: used.length >= count ? [] : used };
}
