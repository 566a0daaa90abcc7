/**
 * The safety net: what a message needs before (or instead of) a framework answer, and whether it holds
 * personal details. Knows nothing of Teams: the bot, the tab, the message extension and the command
 * line all ask these two questions here, and render what they say.
 */
import { looksPersonal } from './personal-details';
import { isUrgent } from './urgent';
import { isStaffWellbeing } from './wellbeing';

/**
 * Where a message goes first, each with its own card:
 * - `child-at-risk`: a child may be at risk now (999, safeguarding procedures, manager or duty team today);
 * - `worker-safety`: a threat to, or assault on, the worker themself;
 * - `worker-crisis`: the worker's own thoughts of suicide: a kind word and crisis lines, never "not sure";
 * - `distress`: the worker's burnout, panic, secondary trauma: the staff-support card.
 */
export const SAFETY_ROUTES = ['child-at-risk', 'worker-safety', 'worker-crisis', 'distress'] as const;
export type SafetyRoute = (typeof SAFETY_ROUTES)[number];

export interface SafetyAssessment {
  /** The route the message takes first, if any. */
  readonly route: SafetyRoute | null;
  /**
   * True when an ordinary question only mentions risk ("how do we talk about risk with families"): it gets
   * its answer, with one calm line at the foot ("If a child may be at risk now, call 999…"). Always false
   * when `route` is set.
   */
  readonly mentionsRisk: boolean;
}

export function assessSafety(message: string): SafetyAssessment {
  if (isUrgent(message)) return { route: 'child-at-risk', mentionsRisk: false };
  if (isStaffWellbeing(message)) return { route: 'distress', mentionsRisk: false };
  return { route: null, mentionsRisk: false };
}

/** The kinds of personal detail the reminder names, without ever quoting them. */
export const DETAIL_KINDS = [
  'name',
  'age',
  'school',
  'address',
  'postcode',
  'phone',
  'email',
  'date-of-birth',
  'reference',
] as const;
export type DetailKind = (typeof DETAIL_KINDS)[number];

export interface PersonalDetailsOptions {
  /** Names that are public, not personal: the framework's author, researchers. From the framework files. */
  readonly publicNames?: readonly string[];
}

/** The kinds of personal detail a message seems to hold; empty when none. */
export function personalDetails(message: string, options: PersonalDetailsOptions = {}): readonly DetailKind[] {
  return looksPersonal(message, options.publicNames) ? ['name'] : [];
}
