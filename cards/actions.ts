import { z } from 'zod';

/**
 * The data our cards' buttons carry, and the one place it is checked when it comes back.
 * Anything that does not match is treated as tampered with, and gets a short, polite reply.
 */

const entryId = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[a-z0-9-]+$/);

const frameworkId = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[a-z0-9-]+$/);

// ---- Every button is Action.Execute (Universal Actions, invoke `adaptiveCard/action`): the verb, and its data.

export const VERBS = [
  'feedback',
  'anotherPrompt',
  'suggest',
  'suggestSend',
  'suggestCancel',
  'chooseFramework',
  'open',
  'ask',
  'scheduleSave',
  'meetingOpeners',
] as const;
export type Verb = (typeof VERBS)[number];

/** A one-way code for the person who asked (bot/teams/answer-ids.ts): only they may send their question on. */
const asker = z.string().regex(/^[A-Za-z0-9_-]{22}$/);

/** Helpful / Not helpful on an answer card. `answerId` identifies the card, not the question. */
export const feedbackSchema = z.object({
  answerId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  entryId,
  helpful: z.boolean(),
  /** The question, so "Not helpful" can offer to suggest it. It lives in the card only; the bot keeps nothing. */
  question: z.string().max(1000).optional(),
  asker: asker.optional(),
});
export type FeedbackData = z.infer<typeof feedbackSchema>;

/** "Another prompt" on a reflection card: the same entry, the next prompt. */
export const anotherPromptSchema = z.object({
  entryId,
  promptIndex: z.number().int().min(0).max(1000),
  audience: z.enum(['individual', 'group']),
  /** The card opens a meeting: the next prompt keeps its welcome heading. */
  opener: z.literal(true).optional(),
});
export type AnotherPromptData = z.infer<typeof anotherPromptSchema>;

/** "Suggest this question to the practice team": the question travels in the card, nowhere else. */
export const suggestSchema = z.object({
  question: z.string().min(1).max(1000),
  frameworkId,
  entryId: entryId.optional(),
  asker: asker.optional(),
});
export type SuggestData = z.infer<typeof suggestSchema>;
/** Send on the suggestion form: Teams adds the edited text as `suggestion` (the Input.Text's id). */
export const suggestSendSchema = z.object({
  frameworkId,
  entryId: entryId.optional(),
  asker: asker.optional(),
  suggestion: z.string().max(2000).optional(),
});
/** Cancel on the suggestion form. Teams adds the inputs too; they are ignored. */
export const suggestCancelSchema = z.object({ frameworkId: frameworkId.optional() }).passthrough();

/**
 * The first-run question "Which framework does this team use?": the framework chosen. From an answer
 * given before any was chosen, `keep` leaves that card as it was (a one-line note instead of the welcome).
 */
export const chooseFrameworkSchema = z.object({ frameworkId, keep: z.literal(true).optional() });
export type ChooseFrameworkData = z.infer<typeof chooseFrameworkSchema>;

/** "Open this entry": related entries, "did you mean" alternatives, suggestions, list buttons. */
export const openVerbSchema = z.object({ entryId });
/**
 * "Ask this": example questions on the welcome, help and no-answer cards, with the framework the card
 * was made for (cards from before it was carried have none: the chat's framework answers those).
 */
export const askVerbSchema = z.object({
  question: z.string().min(1).max(200),
  frameworkId: frameworkId.optional(),
});
export type AskData = z.infer<typeof askVerbSchema>;
/**
 * "Save schedule" on the schedule form. Teams sends every input as a string (multi-selects joined
 * with commas), next to the button's data. A transport schema only: schedule/form.ts validates the values.
 */
export const scheduleSaveVerbSchema = z.object({
  frameworkId: z.string().max(100).optional(),
  content: z.string().max(200).optional(),
  cadence: z.string().max(20).optional(),
  weekdays: z.string().max(40).optional(),
  time: z.string().max(10).optional(),
  timeZone: z.string().max(100).optional(),
  endDate: z.string().max(20).optional(),
  kind: z.string().max(20).optional(),
  leadMinutes: z.union([z.string().max(10), z.number()]).optional(),
});
/** "Turn on meeting openers" on a team's welcome card: openers are off until someone chooses them. */
export const meetingOpenersVerbSchema = z.object({ on: z.boolean() });

export const verbSchemas = {
  feedback: feedbackSchema,
  anotherPrompt: anotherPromptSchema,
  suggest: suggestSchema,
  suggestSend: suggestSendSchema,
  suggestCancel: suggestCancelSchema,
  chooseFramework: chooseFrameworkSchema,
  open: openVerbSchema,
  ask: askVerbSchema,
  scheduleSave: scheduleSaveVerbSchema,
  meetingOpeners: meetingOpenersVerbSchema,
} as const satisfies Record<Verb, z.ZodType>;

// ---- Old cards: Action.Submit (messageBack), mapped to the same verbs where it arrives.

/**
 * Cards posted before the buttons became Action.Execute still carry Action.Submit: a message whose
 * `value` is `{ action, ...data }`. Their `action` names, as verbs; their data is the verb's.
 */
const SUBMIT_VERBS = {
  open: 'open',
  ask: 'ask',
  'schedule-save': 'scheduleSave',
  'meeting-openers': 'meetingOpeners',
} as const satisfies Record<string, Verb>;

/**
 * The last day (UTC) an old card's Action.Submit button is acted on; after it, pressing one gets a
 * reply asking for a fresh card. Buttons became Action.Execute in 2026, and a year is longer than
 * anyone scrolls back to press one. When this date passes, delete SUBMIT_VERBS, `submitAsAction`,
 * the Submit path in bot/teams/card-actions.ts, and the tests that press old Submit buttons (they fail then).
 */
export const SUBMIT_CARDS_ACCEPTED_UNTIL = '2027-06-30';

/** An old Action.Submit press as the verb it stands for and that verb's data (unchecked); undefined if it names none. */
export function submitAsAction(value: unknown): { readonly verb: Verb; readonly data: unknown } | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const { action, ...data } = value as Record<string, unknown>;
  if (typeof action !== 'string' || !Object.prototype.hasOwnProperty.call(SUBMIT_VERBS, action)) return undefined;
  return { verb: SUBMIT_VERBS[action as keyof typeof SUBMIT_VERBS], data };
}
