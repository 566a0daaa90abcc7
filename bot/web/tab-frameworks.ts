import { sourceText } from '../../cards/source-line';
import { displayTitle } from '../../knowledge/kb/model';
import type { Entry, Framework, KnowledgeBase } from '../../knowledge/kb/model';
import { KINDS } from '../../knowledge/kb/schema';
import type { Kind } from '../../knowledge/kb/schema';

// The tab's API, /api/tab/frameworks: every framework and its entries, as the page shows them.

/** An entry's text as the page shows it: blank lines part paragraphs, and lines starting "- " are list items. */
export type Block = { readonly paragraph: string } | { readonly list: readonly string[] };

export interface TabEntry {
  readonly id: string;
  readonly frameworkId: string;
  readonly kind: Kind;
  readonly number?: number;
  /** "Principle 7 · Be professionally curious". */
  readonly heading: string;
  readonly summary: string;
  readonly body: readonly Block[];
  readonly whoUses?: string;
  readonly why?: string;
  readonly prompts: readonly string[];
  readonly groupPrompts: readonly string[];
  readonly related: readonly { readonly id: string; readonly heading: string }[];
  /** `Source: “…” by …, 2021`, as on the answer card. */
  readonly source: string;
}

export interface TabGroup {
  readonly kind: Kind;
  readonly label: string;
  /** The entry that introduces this group, e.g. "CARES: our values". */
  readonly overview?: TabEntry;
  readonly entries: readonly TabEntry[];
}

export interface TabFramework {
  readonly id: string;
  readonly name: string;
  readonly shortName: string;
  readonly organisation: string;
  readonly description: string;
  readonly source: string;
  /** Overviews of the whole framework. */
  readonly about: readonly TabEntry[];
  readonly groups: readonly TabGroup[];
}

const GROUP_LABELS = {
  value: 'Values',
  principle: 'Principles',
  approach: 'Approaches',
  ingredient: 'Ingredients',
  overview: 'Overviews',
} satisfies Record<Kind, string>;

export function blocks(text: string): Block[] {
  const out: Block[] = [];
  for (const paragraph of text.split(/\n\s*\n/)) {
    let list: string[] | undefined;
    for (const line of paragraph
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l.length > 0)) {
      if (line.startsWith('- ')) {
        if (!list) out.push({ list: (list = []) });
        list.push(line.slice(2).trim());
      } else {
        list = undefined;
        out.push({ paragraph: line });
      }
    }
  }
  return out;
}

function tabEntry(kb: KnowledgeBase, entry: Entry, framework: Framework): TabEntry {
  const related = entry.related.flatMap((id) => {
    const other = kb.entry(id);
    return other ? [{ id: other.id, heading: displayTitle(other) }] : [];
  });
  return {
    id: entry.id,
    frameworkId: entry.frameworkId,
    kind: entry.kind,
    ...(entry.number !== undefined && { number: entry.number }),
    heading: displayTitle(entry),
    summary: entry.summary,
    body: blocks(entry.text),
    ...(entry.whoUses !== undefined && { whoUses: entry.whoUses }),
    ...(entry.why !== undefined && { why: entry.why }),
    prompts: entry.prompts,
    groupPrompts: entry.groupPrompts,
    related,
    source: sourceText(framework),
  };
}

/** Every framework, with its entries grouped by kind in the order the framework gives them. */
export function tabFrameworks(kb: KnowledgeBase): TabFramework[] {
  return kb.frameworks.map((framework) => {
    const mine = kb.entries.filter((e) => e.frameworkId === framework.id);
    const view = (e: Entry) => tabEntry(kb, e, framework);
    const groups = KINDS.filter((kind) => kind !== 'overview').flatMap((kind): TabGroup[] => {
      const entries = mine.filter((e) => e.kind === kind);
      if (entries.length === 0) return [];
      const overview = mine.find((e) => e.kind === 'overview' && e.lists === kind);
      return [
        { kind, label: GROUP_LABELS[kind], ...(overview && { overview: view(overview) }), entries: entries.map(view) },
      ];
    });
    const grouped = new Set(groups.flatMap((g) => (g.overview ? [g.overview.id] : [])));
    return {
      id: framework.id,
      name: framework.name,
      shortName: framework.shortName,
      organisation: framework.organisation,
      description: framework.description,
      source: sourceText(framework),
      about: mine.filter((e) => e.kind === 'overview' && !grouped.has(e.id)).map(view),
      groups,
    };
  });
}
