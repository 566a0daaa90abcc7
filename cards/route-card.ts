import { ROUTE_CONTENT } from '../knowledge/respond';
import type { Signposts } from '../knowledge/kb/model';
import type { DetailKind, SafetyRoute } from '../knowledge/safety';
import { cardMessage } from './card-message';
import type { Element } from './elements';
import { small, text } from './elements';
import { reminderFor } from './pii-reminder';
import { signpostBody, signpostElements, signpostLines } from './signposts';
import type { CardMessage } from './types';

export interface RouteCardInput {
  /** The signposts of the place's framework. */
  readonly signposts: Signposts;
  /** Kinds of personal detail the message seemed to hold: the reminder goes at the card's foot. */
  readonly reminder?: readonly DetailKind[];
}

/** The two routes about immediate danger open in the attention colour; crisis and distress stay calm. */
const ALARM: ReadonlySet<SafetyRoute> = new Set(['child-at-risk', 'worker-safety']);

/**
 * A safety route's card, sent first, before anything from the framework: its title, a kind word, where to
 * go now (in bold), the other places to go, and a closing line; never a framework entry or "not sure".
 */
export function routeCard(route: SafetyRoute, input: RouteCardInput): CardMessage {
  const content = ROUTE_CONTENT[route];
  const { signposts } = input;
  const main = signposts[content.main];
  const body: Element[] = [
    text(content.title, {
      size: 'Medium',
      weight: 'Bolder',
      style: 'heading',
      ...(ALARM.has(route) && { color: 'Attention' as const }),
    }),
    ...(content.kind ? [text(content.kind, { spacing: 'Small' })] : []),
    ...signpostBody(main, true),
    ...signpostElements(signposts, content.more),
    ...(content.foot ? signpostElements(signposts, [content.foot]) : []),
    small(content.closing),
    ...reminderFor(input.reminder),
  ];
  const lines = [
    content.title,
    ...(content.kind ? [content.kind] : []),
    main.text,
    ...signpostLines(signposts, [...content.more, ...(content.foot ? [content.foot] : [])]),
    content.closing,
  ];
  return cardMessage({
    body,
    speak: `${content.title}. ${content.kind ? `${content.kind} ` : ''}${main.text}`,
    fallbackText: lines.join('\n'),
    // A notification shows the summary: for a worker in crisis, the kind title, not the crisis lines.
    summary: route === 'worker-crisis' ? content.title : main.text,
  });
}

/** A child may be at risk now: 999, case advice, procedures and support for the asker. */
export const urgentCard = (input: RouteCardInput) => routeCard('child-at-risk', input);
/** The worker's own safety: 999 if in danger, somewhere safe, manager, incident, lone working; then support. */
export const workerSafetyCard = (input: RouteCardInput) => routeCard('worker-safety', input);
/** A worker in crisis: a kind word, then 999, Samaritans, NHS 111 and employee assistance. */
export const crisisCard = (input: RouteCardInput) => routeCard('worker-crisis', input);
/** Distress: a kind word, staff support, case advice, and the crisis line at its foot. */
export const staffSupportCard = (input: RouteCardInput) => routeCard('distress', input);
