import type { SafetyRoute } from '../safety';
import type { SignpostName } from './words';

/**
 * What each safety route shows, in order, as data: the cards, the tab and the command line lay it out.
 * `main` is shown in bold under the title; `more` each under its heading; `foot` small, under its heading.
 */
export interface RouteContent {
  readonly title: string;
  /** A kind word under the title, before anything else. */
  readonly kind?: string;
  readonly main: SignpostName;
  readonly more: readonly SignpostName[];
  readonly foot?: SignpostName;
  /** A small closing line. */
  readonly closing: string;
}

export const ROUTE_CONTENT: Readonly<Record<SafetyRoute, RouteContent>> = Object.freeze({
  // A child may be at risk now: 999, where case decisions are made, the procedures, support for the asker.
  'child-at-risk': {
    title: 'If a child may be at risk now',
    main: 'urgent',
    more: ['caseAdvice', 'procedures', 'staffSupport'],
    closing: 'I can help with the practice framework, not with decisions about a case.',
  },
  // The worker's own safety: 999 if in danger now, somewhere safe, manager, incident, lone working; support after.
  'worker-safety': {
    title: 'Your safety comes first',
    kind: "I'm sorry this is happening. No one should be threatened or hurt at work.",
    main: 'workerSafety',
    more: ['staffSupport'],
    closing: 'I can help with the practice framework, not with decisions about a case.',
  },
  // A worker in crisis: a kind word first, then the crisis routes. Never a framework entry, never "not sure".
  'worker-crisis': {
    title: "I'm really sorry you're feeling like this",
    kind: "You don't have to carry this on your own. Please reach out to someone now: you deserve support.",
    main: 'crisis',
    more: [],
    closing: "I don't keep what you typed here. Talking to someone you trust is a good next step.",
  },
  // Distress: the staff-support card, with the crisis line at its foot.
  distress: {
    title: 'Looking after yourself',
    kind: "I'm sorry it feels like this. This work is hard, and it matters that you have support.",
    main: 'staffSupport',
    more: ['caseAdvice'],
    foot: 'crisis',
    closing: "I don't keep what you typed here. Talking to someone you trust at work is a good next step.",
  },
});
