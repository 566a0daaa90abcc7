import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import type { Entry, KnowledgeBase } from '../kb/model';
import type { Kind } from '../kb/schema';
import { PROJECT_ROOT } from '../paths';
import { withoutAsker } from './asker';

/**
 * "That's not in the framework": a question that names a practice model, statutory process or tool
 * (knowledge/search/named-elsewhere.yaml) which the framework never mentions is declined plainly, with
 * the signposts, rather than answered with the nearest entry. So is a question that names a framework
 * and asks for a kind of entry it does not have ("does jersey have values like CARES").
 * Measured by `npm run eval` on evaluation/not-covered.jsonl.
 */
export const NAMED_ELSEWHERE_FILE = join(PROJECT_ROOT, 'knowledge', 'search', 'named-elsewhere.yaml');

const namedSchema = z.array(
  z.strictObject({ name: z.string().trim().min(1), says: z.array(z.string().trim().min(1)).min(1) }),
);

export interface NamedElsewhere {
  readonly name: string;
  readonly says: readonly string[];
}

export function loadNamedElsewhere(file = NAMED_ELSEWHERE_FILE): NamedElsewhere[] {
  const parsed = namedSchema.safeParse(parse(readFileSync(file, 'utf8')));
  if (!parsed.success)
    throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data.map(({ name, says }) => ({ name, says: says.map(normalise) }));
}

/** Lower case, words separated by single spaces, padded so whole phrases match with `includes(' x ')`. */
export function normalise(text: string): string {
  return ` ${text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/'s\b/g, '')
    .replace(/[^a-z0-9&]+/g, ' ')
    .trim()} `;
}

export interface NotCoveredCheck {
  /** The name of what the question asks about that this framework does not contain, if any. */
  named(question: string, frameworkId: string): string | undefined;
  /** The question, normalised, without what it names that this framework does not contain. */
  withoutNamed(question: string, frameworkId: string): string;
  /** True when the framework has no entry of this kind (Jersey has no values, Barking & Dagenham no ingredients). */
  lacksKind(frameworkId: string, kind: Kind): boolean;
  /** The title of a retired entry of this framework that the question names (its title, an alias, or one of its check questions). */
  retired(question: string, frameworkId: string): string | undefined;
}

export function createNotCoveredCheck(
  kb: KnowledgeBase,
  named: readonly NamedElsewhere[] = loadNamedElsewhere(),
): NotCoveredCheck {
  const texts = new Map<string, string>();
  const kinds = new Map<string, Set<Kind>>();
  for (const f of kb.frameworks) {
    const own = kb.entries.filter((e) => e.frameworkId === f.id);
    texts.set(f.id, own.map(entryText).join(' | '));
    kinds.set(f.id, new Set(own.map((e) => e.kind)));
  }
  const gone = retiredNames(kb, texts);
  const elsewhere = entriesByFirstWord(kb);
  // Named in the question, and this framework's entries mention it under none of its names
  // (Barking & Dagenham's "CP conference" keyword covers "CP conferences": ranking decides there).
  const find = (q: string, frameworkId: string): { name: string; phrase: string } | undefined => {
    const own = texts.get(frameworkId) ?? '';
    for (const n of named) {
      const phrase = n.says.find((p) => q.includes(p));
      if (phrase !== undefined && !n.says.some((p) => own.includes(p))) return { name: n.name, phrase };
    }
    // Another framework's entry, named by its title ("restorative practice" in a chat set to Jersey), with a
    // word this framework never uses: it is that framework's, not a near miss of this one.
    // Looked up by the question's words, so a large knowledge base costs no more than a small one.
    for (const word of new Set(q.trim().split(' '))) {
      const other = elsewhere.get(word)?.find(
        (o) =>
          o.frameworkId !== frameworkId &&
          q.includes(o.phrase) &&
          // A one-word title is often plain English ("partners sharing one model"): only with its kind ("sharing value").
          (o.phrase.trim().includes(' ') ||
            q.includes(`${o.phrase}${o.kind} `) ||
            q.includes(`${o.phrase}${o.kind}s `)) &&
          o.significant.some((w) => !own.includes(` ${w} `)) &&
          !own.includes(o.phrase),
      );
      if (other) return { name: `${other.title}, which is in the ${other.shortName} framework`, phrase: other.phrase };
    }
    return undefined;
  };
  return Object.freeze({
    // "iro here, …": the asker's role is not what the question names.
    named: (question: string, frameworkId: string) =>
      find(normalise(withoutAsker(question.slice(0, 1000))), frameworkId)?.name,
    withoutNamed(question: string, frameworkId: string): string {
      let q = normalise(question.slice(0, 1000));
      for (let found = find(q, frameworkId); found !== undefined; found = find(q, frameworkId))
        q = q.replace(found.phrase, ' ');
      return q;
    },
    lacksKind: (frameworkId: string, kind: Kind) => kinds.get(frameworkId)?.has(kind) === false,
    retired(question: string, frameworkId: string): string | undefined {
      const q = normalise(question.slice(0, 1000));
      return gone.get(frameworkId)?.find((r) => r.checks.includes(q) || r.names.some((phrase) => q.includes(phrase)))
        ?.title;
    },
  });
}

/**
 * Each framework's retired entries, by what names them: their title and aliases (those no live entry of the
 * same framework mentions, as for named-elsewhere.yaml's names) and, whole, their check questions.
 */
function retiredNames(
  kb: KnowledgeBase,
  liveTexts: ReadonlyMap<string, string>,
): Map<string, Array<{ title: string; names: string[]; checks: string[] }>> {
  const byFramework = new Map<string, Array<{ title: string; names: string[]; checks: string[] }>>();
  for (const f of kb.frameworks) {
    const retired = (kb.retired ?? []).filter((e) => e.frameworkId === f.id);
    if (retired.length === 0) continue;
    const live = liveTexts.get(f.id) ?? '';
    byFramework.set(
      f.id,
      retired.map((e) => ({
        title: e.title,
        names: [e.title, ...e.aliases].map(normalise).filter((n) => !live.includes(n)),
        checks: (f.checks ?? []).filter((c) => c.retired === e.id).map((c) => normalise(c.q)),
      })),
    );
  }
  return byFramework;
}

function entryText(e: Entry): string {
  return [e.title, e.summary, e.text, e.whoUses ?? '', e.why ?? '', ...e.aliases, ...e.keywords]
    .map(normalise)
    .join(' | ');
}

interface ElsewhereName {
  readonly frameworkId: string;
  readonly shortName: string;
  readonly title: string;
  /** The title, normalised. */
  readonly phrase: string;
  /** Its words of five letters or more: the ones that say what it is. */
  readonly significant: readonly string[];
  readonly kind: string;
}

/** Each framework's entries by title (overviews aside: "our values" is every framework's phrase), by the title's first word. */
function entriesByFirstWord(kb: KnowledgeBase): Map<string, ElsewhereName[]> {
  const byWord = new Map<string, ElsewhereName[]>();
  for (const e of kb.entries) {
    const framework = kb.framework(e.frameworkId);
    if (e.kind === 'overview' || e.retired || !framework) continue;
    const phrase = normalise(e.title.replace(/^(a|an|the)\s+/i, ''));
    const words = phrase.trim().split(' ');
    const significant = words.filter((w) => w.length >= 5);
    const first = words[0];
    if (first === undefined || significant.length === 0) continue;
    const list = byWord.get(first) ?? [];
    list.push({
      frameworkId: e.frameworkId,
      shortName: framework.shortName,
      title: e.title,
      phrase,
      significant,
      kind: e.kind,
    });
    byWord.set(first, list);
  }
  return byWord;
}
