import type { Framework, KnowledgeBase } from '../knowledge/kb/model';
import { cardMessage } from './card-message';
import type { Element } from './elements';
import { factSet, heading, lead, subtle, text } from './elements';
import type { CardMessage } from './types';
import { WORDING } from './wording';

export interface AboutCardInput {
  readonly version: string;
  readonly kb: KnowledgeBase;
  /** Plain lines saying what is kept, for how long, and what is not. */
  readonly dataHandling: readonly string[];
}

/** The version, where each framework's words come from, and how people's data is handled. */
export function aboutCard(input: AboutCardInput): CardMessage {
  const a = WORDING.about;
  const version = `Version ${input.version}`;
  const body: Element[] = [
    lead(a.title),
    subtle(version),
    ...input.kb.frameworks.flatMap((f) => [heading(f.name), factSet(frameworkFacts(f))]),
    heading(a.data),
    ...input.dataHandling.map((line, i) => text(`• ${line}`, i === 0 ? { spacing: 'Small' } : { spacing: 'None' })),
  ];
  const frameworks = input.kb.frameworks.map((f) => f.name);
  return cardMessage({
    body,
    speak: `${a.title}. ${version}.`,
    fallbackText: [a.title, version, ...frameworks, a.data, ...input.dataHandling].join('\n'),
    summary: `${a.title}, ${version.toLowerCase()}`,
  });
}

function frameworkFacts(f: Framework): Array<readonly [string, string]> {
  return [
    [WORDING.about.organisation, f.organisation],
    [WORDING.about.source, `“${f.source}”`],
    [f.authorRole === 'approver' ? WORDING.about.approver : WORDING.about.author, f.author],
    [WORDING.about.date, f.date],
    ...(f.review
      ? ([
          [WORDING.about.reviewedBy, f.review.by],
          [WORDING.about.reviewedOn, f.review.on],
          [WORDING.about.reviewDue, f.review.due],
        ] as const)
      : ([[WORDING.about.review, WORDING.about.neverReviewed]] as const)),
  ];
}
