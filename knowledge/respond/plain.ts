import type { Signpost, Signposts } from '../kb/model';
import type { SafetyRoute } from '../safety';
import { ROUTE_CONTENT } from './routes';
import { SIGNPOST_HEADINGS } from './words';
import type { SignpostName } from './words';

/** A signpost as one line: its text, and its link where it has one. */
const line = (s: Signpost) => (s.link ? `${s.text} ${s.link}` : s.text);

/** "Local procedures: Your local safeguarding procedures say…": a signpost under its heading, on one line. */
export function signpostLine(signposts: Signposts, name: SignpostName): string {
  return `${SIGNPOST_HEADINGS[name]}: ${line(signposts[name])}`;
}

/** A route's card as plain lines, in the card's order: for the command line, and clients that cannot show cards. */
export function routeLines(route: SafetyRoute, signposts: Signposts): string[] {
  const c = ROUTE_CONTENT[route];
  return [
    c.title,
    ...(c.kind ? [c.kind] : []),
    line(signposts[c.main]),
    ...[...c.more, ...(c.foot ? [c.foot] : [])].map((name) => signpostLine(signposts, name)),
    c.closing,
  ];
}

/**
 * A route in one short paragraph, for a place with room for a line and no card (the compose box's
 * message): the kind word and where to go now; the crisis line too, where the card has it at its foot.
 * For a child at risk, only what to do now, as the signpost says it.
 */
export function routeText(route: SafetyRoute, signposts: Signposts): string {
  const c = ROUTE_CONTENT[route];
  const opening = c.kind ? [`${c.title}.`, c.kind] : [];
  return [...opening, line(signposts[c.main]), ...(c.foot ? [line(signposts[c.foot])] : [])].join(' ');
}
