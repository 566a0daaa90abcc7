/**
 * The safety net: what a message needs before (or instead of) a framework answer, and whether it holds
 * personal details. Knows nothing of Teams: the bot, the tab, the message extension and the command
 * line all ask these two questions here, and render what they say. How it decides: README.md here.
 */
import { createSafetyNet } from './assess';
import type { SafetyAssessment, SafetyNet } from './assess';
import { loadSafetyLexicon } from './lexicon';
import { loadSafetyModel } from './model';

export { SAFETY_ROUTES } from './assess';
export type { SafetyAssessment, SafetyRoute } from './assess';
export { DETAIL_KINDS, personalDetails } from './personal-details';
export type { DetailKind } from './personal-details';

let net: SafetyNet | undefined;

/** The safety net built from the shipped lexicon and model, once. */
export function defaultSafetyNet(): SafetyNet {
  net ??= createSafetyNet(loadSafetyLexicon(), loadSafetyModel());
  return net;
}

/**
 * Where a message goes first, each with its own card:
 * - `child-at-risk`: a child may be at risk now (999, safeguarding procedures, manager or duty team today);
 * - `worker-safety`: a threat to, or assault on, the worker themself;
 * - `worker-crisis`: the worker's own thoughts of suicide: a kind word and crisis lines, never "not sure";
 * - `distress`: the worker's burnout, panic, secondary trauma: the staff-support card.
 * `also` holds a second route that applies too; `mentionsRisk` marks an ordinary question that only
 * mentions risk (its answer gets one calm line).
 */
export function assessSafety(message: string): SafetyAssessment {
  return defaultSafetyNet().assess(message);
}
