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

// ---- Action.Submit (messageBack): arrives as a message activity whose `value` holds this data.

/** "Open this entry": related entries, "did you mean" alternatives, suggestions, list buttons. */
export const openEntrySchema = z.object({ action: z.literal('open'), entryId });
const frameworkId = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[a-z0-9-]+$/);

/**
 * "Ask this": example questions on the welcome, help and no-answer cards, with the framework the card
 * was made for (cards from before it was carried have none: the chat's framework answers those).
 */
export const askSchema = z.object({
  action: z.literal('ask'),
  question: z.string().min(1).max(200),
  frameworkId: frameworkId.optional(),
});
/**
 * "Save schedule" on the schedule form. Teams sends every input as a string (multi-selects joined
 * with commas), next to the action. A transport schema only: schedule/form.ts validates the values.
 */
export const scheduleSaveSchema = z.object({
  action: z.literal('schedule-save'),
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
export const meetingOpenersSchema = z.object({ action: z.literal('meeting-openers'), on: z.boolean() });
export const submitSchema = z.discriminatedUnion('action', [
  openEntrySchema,
  askSchema,
  scheduleSaveSchema,
  meetingOpenersSchema,
]);

// ---- Action.Execute (Universal Actions, invoke `adaptiveCard/action`): the verb, and its data.

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

/** A one-way code for the person who asked (bot/answer-ids.ts): only they may send their question on. */
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

/**
 * "Open", "Ask", "Save schedule" and "Turn on meeting openers" as Universal Actions: the same data as
 * the Action.Submit buttons on cards already posted (still accepted as messages), without `action`.
 * Action.Execute works in Teams and in the Agents Playground, which throws on messageBack.
 */
export const openVerbSchema = openEntrySchema.omit({ action: true });
export const askVerbSchema = askSchema.omit({ action: true });
export type AskData = z.infer<typeof askVerbSchema>;
export const scheduleSaveVerbSchema = scheduleSaveSchema.omit({ action: true });
export const meetingOpenersVerbSchema = meetingOpenersSchema.omit({ action: true });

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
