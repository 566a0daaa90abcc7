import { SIGNPOST_HEADINGS } from '../knowledge/respond';
import type { SignpostName } from '../knowledge/respond';
import type { Signpost, Signposts } from '../knowledge/kb/model';
import type { Element } from './elements';
import { actionSet, heading, text } from './elements';
import { WORDING } from './wording';

export type { SignpostName };

/** Each chosen signpost under its heading, with its link as a button when the knowledge base gives one. */
export function signpostElements(signposts: Signposts, which: readonly SignpostName[]): Element[] {
  return which.flatMap((name) => [heading(SIGNPOST_HEADINGS[name]), ...signpostBody(signposts[name])]);
}

export function signpostBody(signpost: Signpost, emphasis = false): Element[] {
  return [
    text(signpost.text, { spacing: 'Small', ...(emphasis && { weight: 'Bolder' as const }) }),
    ...(signpost.link
      ? [
          actionSet([
            {
              type: 'Action.OpenUrl' as const,
              title: `${WORDING.signposts.open}: ${hostOf(signpost.link)}`,
              url: signpost.link,
            },
          ]),
        ]
      : []),
  ];
}

/** The lines a client that cannot show the card reads instead. */
export function signpostLines(signposts: Signposts, which: readonly SignpostName[]): string[] {
  return which.map(
    (name) =>
      `${SIGNPOST_HEADINGS[name]}: ${signposts[name].text}${signposts[name].link ? ` ${signposts[name].link}` : ''}`,
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
