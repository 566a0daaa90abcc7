import type { ParsedFile } from './load';
import type { Problem } from './problems';
import { DEFAULT_SIGNPOSTS, LATER_SIGNPOSTS } from './signposts';
import { utcDay } from '../../time/clock';

/**
 * Things a practice lead should see to, which do not stop the service: signposts that are still the
 * general defaults (no local numbers, names or links yet), and content never reviewed or overdue for review.
 */
export function warningsFor(files: readonly ParsedFile[], today: Date): Problem[] {
  const warnings: Problem[] = [];
  const day = utcDay(today);
  for (const f of files) {
    const warn = (path: PropertyKey[], field: string, message: string) =>
      warnings.push({ file: f.file, ...f.locate(path), field, message });
    const s = f.data.signposts;
    const onlyDefaults = (Object.keys(DEFAULT_SIGNPOSTS) as Array<keyof typeof DEFAULT_SIGNPOSTS>).every(
      (k) => (s[k]?.text ?? DEFAULT_SIGNPOSTS[k]) === DEFAULT_SIGNPOSTS[k] && s[k]?.link === undefined,
    );
    for (const k of LATER_SIGNPOSTS.filter((name) => s[name] === undefined)) {
      warn(
        ['signposts'],
        `signposts.${k}`,
        `is missing, so the general default is shown: "${DEFAULT_SIGNPOSTS[k]}" Add ${k} with your own text (and link, if you have one)`,
      );
    }
    if (onlyDefaults) {
      warn(
        ['signposts'],
        'signposts',
        'are still the general defaults: add your local duty team, out-of-hours service, procedures and staff support (texts and links), so people know exactly where to go',
      );
    }
    const fw = f.data.framework;
    if (fw.review_due === undefined) {
      warn(
        ['framework', 'id'],
        'framework.reviewed_by',
        "this framework's content has never been reviewed: once someone responsible for practice has checked it, add reviewed_by, reviewed_on and review_due",
      );
    } else if (fw.review_due < day) {
      warn(
        ['framework', 'review_due'],
        'framework.review_due',
        `the review was due on ${fw.review_due} and is overdue: review the content, then update reviewed_on and review_due`,
      );
    }
  }
  return warnings;
}
