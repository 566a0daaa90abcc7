import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { PROJECT_ROOT } from '../paths';
import type { DeclineSignpost } from './answer';
import { withoutAsker } from './asker';
import { normalise } from './not-covered';

/**
 * Kinds of question a practice framework is not for (knowledge/search/outside-the-framework.yaml): the job
 * (HR, pay, IT) and the procedures, law and services around the work. Asked only when search found nothing
 * it is sure of, so a framework question that uses one of these words and is answered keeps its answer.
 */
export const OUTSIDE_FILE = join(PROJECT_ROOT, 'knowledge', 'search', 'outside-the-framework.yaml');

const GO_TO = ['procedures', 'employment', 'case_advice'] as const satisfies readonly DeclineSignpost[];

const fileSchema = z.array(
  z.strictObject({
    name: z.string().trim().min(1),
    goTo: z.enum(GO_TO),
    says: z.array(z.string().trim().min(1)).min(1),
  }),
);

export interface OutsideTopic {
  /** Shown to the person: "The framework doesn't cover <name>." */
  readonly name: string;
  readonly goTo: DeclineSignpost;
}

export interface OutsideCheck {
  /** The first kind (in the file's order) whose phrases the question says, if any. */
  topicOf(question: string): OutsideTopic | undefined;
}

export function loadOutsideCheck(file = OUTSIDE_FILE): OutsideCheck {
  const parsed = fileSchema.safeParse(parse(readFileSync(file, 'utf8')));
  if (!parsed.success)
    throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  // Each phrase also in the plural ("timesheet", "timesheets"): whole words, with an "s" allowed on the last.
  const kinds = parsed.data.map(({ name, goTo, says }) => ({
    name,
    goTo,
    says: says.map(normalise).flatMap((p) => [p, `${p.trimEnd()}s `]),
  }));
  return Object.freeze({
    topicOf(question: string): OutsideTopic | undefined {
      // "probation here, …", "asye asking…": the asker's role, not what the question is about.
      const q = normalise(withoutAsker(question.slice(0, 1000)));
      const hit = kinds.find((k) => k.says.some((phrase) => q.includes(phrase)));
      return hit && { name: hit.name, goTo: hit.goTo };
    },
  });
}

let shipped: OutsideCheck | undefined;

/** The shipped list, read once. */
export function outsideTheFramework(): OutsideCheck {
  shipped ??= loadOutsideCheck();
  return shipped;
}
