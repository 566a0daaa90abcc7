import type { ParsedFile } from './load';
import type { Problem } from './problems';

/** Checks that need more than one entry: unique ids and numbers, related ids that exist, acronyms that fit. */
export function crossCheck(files: readonly ParsedFile[], otherIds: ReadonlySet<string> = new Set()): Problem[] {
  const problems: Problem[] = [];
  const entryIds = new Map<string, string>();
  const frameworkIds = new Map<string, string>();
  const where = (f: ParsedFile, path: PropertyKey[]) => `${f.file}:${f.locate(path).line}`;
  const problem = (f: ParsedFile, path: PropertyKey[], field: string, message: string) =>
    problems.push({ file: f.file, ...f.locate(path), field, message });

  for (const f of files) {
    const fid = f.data.framework.id;
    const seen = frameworkIds.get(fid);
    if (seen)
      problem(
        f,
        ['framework', 'id'],
        'framework.id',
        `"${fid}" is already the id of the framework in ${seen}: choose another id`,
      );
    else frameworkIds.set(fid, where(f, ['framework', 'id']));

    f.data.entries.forEach((e, i) => {
      const first = entryIds.get(e.id);
      if (first)
        problem(
          f,
          ['entries', i, 'id'],
          `${e.id}.id`,
          `"${e.id}" is already used at ${first}: every entry needs its own id`,
        );
      else entryIds.set(e.id, where(f, ['entries', i, 'id']));
    });
  }

  const allIds = [...entryIds.keys()];
  const frameworkOf = new Map(files.flatMap((f) => f.data.entries.map((e) => [e.id, f.data.framework.id] as const)));
  for (const f of files) {
    const numbers = new Map<string, number>();
    const entries = f.data.entries;
    /** Each check question (compared without case or punctuation) and what it already belongs to. */
    const checks = new Map<string, string>();
    (f.data.framework.off_topic_checks ?? []).forEach((q) => checks.set(sameQuestion(q), 'the off-topic questions'));
    entries.forEach((e, i) => {
      if (e.number !== undefined) {
        const key = `${e.kind}:${e.number}`;
        const first = numbers.get(key);
        if (first !== undefined) {
          problem(
            f,
            ['entries', i, 'number'],
            `${e.id}.number`,
            `${e.kind} ${e.number} is already "${entries[first]?.id}" (line ${f.locate(['entries', first, 'number']).line}): give each ${e.kind} its own number`,
          );
        } else numbers.set(key, i);
      }
      e.related.forEach((rid, j) => {
        if (rid === e.id) {
          problem(f, ['entries', i, 'related', j], `${e.id}.related`, `lists the entry itself: remove "${rid}"`);
        } else if (frameworkOf.has(rid) && frameworkOf.get(rid) !== f.data.framework.id) {
          problem(
            f,
            ['entries', i, 'related', j],
            `${e.id}.related`,
            `"${rid}" belongs to the ${frameworkOf.get(rid)} framework, not ${f.data.framework.id}: related entries must be in the same framework, so people stay in their own; remove it or choose one of this framework's entries`,
          );
        } else if (!entryIds.has(rid) && !otherIds.has(rid)) {
          const guess = closest(rid, allIds);
          problem(
            f,
            ['entries', i, 'related', j],
            `${e.id}.related`,
            `"${rid}" is not the id of any entry: ${guess ? `did you mean "${guess}"?` : 'check the spelling, or remove it'}`,
          );
        }
      });
      (e.checks ?? []).forEach((q, j) => {
        const key = sameQuestion(q);
        const first = checks.get(key);
        if (first !== undefined)
          problem(
            f,
            ['entries', i, 'checks', j],
            `${e.id}.checks`,
            `"${q}" is already a check question of ${first}: a question can have one right answer, so keep it in one entry`,
          );
        else checks.set(key, `"${e.title}"`);
      });
      if (e.kind === 'overview' && e.lists !== undefined) {
        const members = entries.filter((m) => m.kind === e.lists);
        if (members.length === 0) {
          problem(
            f,
            ['entries', i, 'lists'],
            `${e.id}.lists`,
            `no entry in this framework has kind "${e.lists}": change "lists", or add those entries`,
          );
        } else if (e.acronym !== undefined) {
          const numbered = members.filter((m) => m.number !== undefined).length;
          if (numbered !== e.acronym.length) {
            problem(
              f,
              ['entries', i, 'acronym'],
              `${e.id}.acronym`,
              `"${e.acronym}" has ${e.acronym.length} letters but there are ${numbered} numbered ${e.lists} entries: each letter names one, in number order`,
            );
          }
        }
      }
    });
  }
  return problems;
}

/** A question as it is compared with another: lower case, words only. */
function sameQuestion(q: string): string {
  return q
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The id within edit distance 3, if any: a likely typo. */
function closest(target: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 4;
  for (const c of candidates) {
    const d = editDistance(target, c);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j] ?? 0;
      row[j] = Math.min(cur + 1, (row[j - 1] ?? 0) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length] ?? 0;
}
