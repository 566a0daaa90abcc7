/**
 * The framework a question names, and whether it asks for that framework as a whole ("framework overview pls",
 * "what model does CSCS work to"): read by query.ts before anything else in the question.
 */
import type { SearchIndex } from './search-index';

/** The framework a question names by one of its names ("jersey", "b&d"); its words are marked used. */
export function findFramework(surface: readonly string[], index: SearchIndex, used: Set<number>): string | undefined {
  let found: string | undefined;
  for (const { frameworkId, words } of index.frameworkAliases) {
    if (words.length === 0) continue;
    for (let i = 0; i + words.length <= surface.length; i++) {
      if (words.every((w, k) => surface[i + k] === w && !used.has(i + k))) {
        found ??= frameworkId;
        for (let k = 0; k < words.length; k++) used.add(i + k);
      }
    }
  }
  return found;
}

/** Words that may stand between "what" and the framework's word: "what's our practice framework", "what is the jersey model". */
const DETERMINERS = new Set(['the', 'our', 'your', 'this', 'a']);
const WHICH_LINKS = new Set(['is', 's', ...DETERMINERS]);

/**
 * An overview cue: a word ("nutshell", "overall"), or words in order ("whole framework", "explain framework", "built
 * on") where "framework" stands for any of the framework's words or names, with "the", "our", "of" and the like
 * between them: "the whole b&d model", "explain our practice framework".
 */
function hasOverviewCue(
  surface: readonly string[],
  cues: ReadonlySet<string>,
  named: ReadonlySet<number>,
  used: ReadonlySet<number>,
): boolean {
  const tokens: string[] = [];
  surface.forEach((w, i) => {
    const token = named.has(i) || used.has(i) ? 'framework' : w;
    if (WHICH_LINKS.has(w) || w === 'of' || (token === 'framework' && tokens[tokens.length - 1] === token)) return;
    tokens.push(token);
  });
  return tokens.some((w, i) => (w !== 'framework' && cues.has(w)) || cues.has(`${w} ${tokens[i + 1] ?? ''}`));
}

/** "what framework am I meant to work to", "which model does CSCS use": a framework word in the singular, asked for. */
function asksWhichFramework(
  surface: readonly string[],
  named: ReadonlySet<number>,
  used: ReadonlySet<number>,
): boolean {
  return surface.some((w, i) => {
    if (!used.has(i) || named.has(i) || w.endsWith('s') || (used.has(i - 1) && !named.has(i - 1))) return false;
    // Back over the framework's names, then "the" or "our" only after "is" ("what is our framework"), never alone:
    // "what the framework means when it says…" asks about something in it.
    let k = i - 1;
    while (k >= 0 && named.has(k)) k--;
    if (DETERMINERS.has(surface[k] ?? '')) {
      k--;
      if (surface[k] !== 'is' && surface[k] !== 's' && surface[k] !== 'whats') return false;
    }
    if (surface[k] === 'is' || surface[k] === 's') k--;
    return surface[k] === 'what' || surface[k] === 'whats' || surface[k] === 'which';
  });
}

/** An overview cue beside the framework's words, or "what framework…" asked in the singular. */
export function asksForWholeFramework(
  surface: readonly string[],
  cues: ReadonlySet<string>,
  named: ReadonlySet<number>,
  used: ReadonlySet<number>,
): boolean {
  return hasOverviewCue(surface, cues, named, used) || asksWhichFramework(surface, named, used);
}
