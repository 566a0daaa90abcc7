import type { Kind } from './schema';

export interface Framework {
  readonly id: string;
  readonly name: string;
  readonly shortName: string;
  readonly organisation: string;
  readonly author: string;
  readonly authorRole: 'author' | 'approver';
  readonly date: string;
  readonly source: string;
  readonly description: string;
  readonly aliases: readonly string[];
  /** Example questions to offer people, e.g. on the welcome card. */
  readonly examples: readonly string[];
  /** The file it was loaded from, relative to the knowledge directory. */
  readonly file: string;
  /** Where people go for what the bot is not for: urgent worries, case advice, procedures, support, crisis, the job. */
  readonly signposts: Signposts;
  /** Who last reviewed this framework's content, when, and when it is next due; absent if never reviewed. */
  readonly review?: Review;
  /** Questions staff might ask, and which entry each should reach (null: none): Check and Publish ask them. */
  readonly checks?: readonly CheckQuestion[];
}

/** A question staff might ask and the entry it should reach; null for none (off-topic, or its entry was retired). */
export interface CheckQuestion {
  readonly q: string;
  readonly expect: string | null;
  readonly framework: string;
  /** Set when the question belonged to this entry, which is retired: the bot should say it is no longer covered. */
  readonly retired?: string;
}

export interface Signpost {
  readonly text: string;
  readonly link?: string;
}

export interface Signposts {
  /** A child may be at risk now. */
  readonly urgent: Signpost;
  readonly caseAdvice: Signpost;
  readonly procedures: Signpost;
  readonly staffSupport: Signpost;
  /** The worker's own safety: threats, assault, being followed. */
  readonly workerSafety: Signpost;
  /** A worker in crisis: thoughts of ending their life. */
  readonly crisis: Signpost;
  /** Questions about the job: leave, pay, IT, who holds a role now (HR, the intranet). */
  readonly employment: Signpost;
}

export interface Review {
  readonly by: string;
  /** Year-month-day. */
  readonly on: string;
  readonly due: string;
}

export interface Entry {
  readonly id: string;
  readonly frameworkId: string;
  readonly kind: Kind;
  readonly number?: number;
  /** For overviews: the kind of entry this overview introduces. */
  readonly lists?: Kind;
  /** For overviews: a word whose letters name the listed entries in number order. */
  readonly acronym?: string;
  readonly title: string;
  readonly summary: string;
  readonly text: string;
  readonly whoUses?: string;
  readonly why?: string;
  readonly notes?: string;
  readonly aliases: readonly string[];
  readonly keywords: readonly string[];
  /** Typical staff questions and situations it answers: searched, never shown to staff. */
  readonly questions?: readonly string[];
  readonly related: readonly string[];
  readonly prompts: readonly string[];
  readonly groupPrompts: readonly string[];
  /** Retired in the console: it no longer answers, lists or posts, but its id still opens it (old cards, rotations, counts). */
  readonly retired?: true;
}

export interface KnowledgeBase {
  readonly frameworks: readonly Framework[];
  readonly entries: readonly Entry[];
  entry(id: string): Entry | undefined;
  framework(id: string): Framework | undefined;
  /** Entries the practice team retired: nothing answers with them, but a question naming one hears "no longer covered". */
  readonly retired?: readonly Entry[];
}

export function createKnowledgeBase(frameworks: readonly Framework[], entries: readonly Entry[]): KnowledgeBase {
  const entriesById = new Map(entries.map((e) => [e.id, e]));
  const frameworksById = new Map(frameworks.map((f) => [f.id, f]));
  // A retired entry is left out of `entries` (so nothing searches, lists or posts it) and out of others' related links.
  const retired = new Set(entries.filter((e) => e.retired).map((e) => e.id));
  const active =
    retired.size === 0
      ? entries
      : entries
          .filter((e) => !e.retired)
          .map((e) =>
            e.related.some((id) => retired.has(id)) ? { ...e, related: e.related.filter((id) => !retired.has(id)) } : e,
          );
  return Object.freeze({
    frameworks: Object.freeze([...frameworks]),
    entries: Object.freeze([...active]),
    entry: (id: string) => entriesById.get(id),
    framework: (id: string) => frameworksById.get(id),
    retired: Object.freeze(entries.filter((e) => e.retired)),
  });
}

/** The same knowledge base serving only these frameworks (in the knowledge base's order); links to entries left out are dropped. */
export function onlyFrameworks(kb: KnowledgeBase, ids: readonly string[]): KnowledgeBase {
  const wanted = new Set(ids);
  const entries = [...kb.entries, ...(kb.retired ?? [])].filter((e) => wanted.has(e.frameworkId));
  const kept = new Set(entries.map((e) => e.id));
  return createKnowledgeBase(
    kb.frameworks.filter((f) => wanted.has(f.id)),
    entries.map((e) =>
      e.related.every((id) => kept.has(id)) ? e : { ...e, related: e.related.filter((id) => kept.has(id)) },
    ),
  );
}

/** "Principle 7 · Be professionally curious", or just the title where the source gives no number. */
export function displayTitle(entry: Entry): string {
  if (entry.number === undefined) return entry.title;
  const kind = entry.kind.charAt(0).toUpperCase() + entry.kind.slice(1);
  return `${kind} ${entry.number} · ${entry.title}`;
}
