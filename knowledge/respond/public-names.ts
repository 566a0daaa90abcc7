import type { KnowledgeBase } from '../kb/model';

/**
 * The names a framework itself uses, which are public, not personal: its id, author and organisation, the
 * people, places and programmes its entries name (Russ Bellenie, Goldsmiths University, the Youth Justice
 * Service). Passed to the personal-details check so a question about them gets no reminder. Made once
 * per knowledge base.
 */
export function publicNamesOf(kb: KnowledgeBase): readonly string[] {
  let names = made.get(kb);
  if (!names) {
    names = collect(kb);
    made.set(kb, names);
  }
  return names;
}

const made = new WeakMap<KnowledgeBase, readonly string[]>();
/** A run of capitalised words: "Russ Bellenie", "Goldsmiths University", "CARES". */
const CAPITALISED = /\b[A-Z][\p{L}'’&-]*(?:\s+(?:of|and|&)?\s*[A-Z][\p{L}'’&-]*)*/gu;

function collect(kb: KnowledgeBase): readonly string[] {
  const names = new Set<string>();
  const add = (phrase: string) => {
    const clean = phrase.replace(/\s+/g, ' ').trim();
    if (clean.length > 1) names.add(clean);
  };
  for (const f of kb.frameworks) {
    for (const field of [f.id, f.name, f.shortName, f.organisation, f.author, f.source])
      for (const part of field.split(/[,():–]/)) add(part);
    for (const alias of f.aliases) add(alias);
  }
  for (const e of kb.entries)
    for (const field of [e.title, e.text, e.whoUses ?? '', e.why ?? '', ...e.aliases, ...e.keywords])
      for (const match of field.matchAll(CAPITALISED)) add(match[0]);
  return Object.freeze([...names]);
}
