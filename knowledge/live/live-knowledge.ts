import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_KNOWLEDGE_DIR, loadSources } from '../kb/load';
import type { Entry, Framework, KnowledgeBase } from '../kb/model';
import { formatProblem } from '../kb/problems';
import { servedKnowledgeBase } from '../kb/served';
import type { ServedFrameworks } from '../kb/served';
import { createSearch } from '../search/answer';
import type { Search } from '../search/answer';
import { hashOf } from '../editor/source';

/**
 * The knowledge the service answers from, swapped whole when a framework version is published in the
 * console. Every instance polls the newest version numbers (a cheap query); when one moves, it builds
 * the new knowledge base and search index in the background, off the request path, then puts both in
 * place in one assignment, so a question is answered wholly from one version or the other.
 *
 * Which text is live, per framework (knowledge/README.md, "Git and the console"): the newest published
 * version, while it was edited from the file in git that this deployment has (or is that file);
 * otherwise the file, because a deployment that changed the file is a deliberate change too.
 */

export interface FrameworkSource {
  readonly frameworkId: string;
  /** The file's name in the knowledge folder, e.g. lbbd.yaml. */
  readonly file: string;
  /** The YAML that is live. */
  readonly source: string;
  readonly origin: 'file' | 'console';
  /** The live published version, or 0 for the file. */
  readonly version: number;
  /** The file in git as deployed, and its hash. */
  readonly fileSource: string;
  readonly fileHash: string;
  /** The newest published version, when the file won over it because the file changed since (else undefined). */
  readonly setAside?: number;
}

export interface KnowledgeState {
  /** What the bot serves (FRAMEWORKS), and its search. */
  readonly kb: KnowledgeBase;
  readonly search: Search;
  /** Every framework, for the console's Check (the evaluation spans them all). */
  readonly all: KnowledgeBase;
  readonly sources: ReadonlyMap<string, FrameworkSource>;
}

export interface LiveKnowledge {
  current(): KnowledgeState;
  /** A knowledge base that always reads the current state: for parts built once (scheduler, sender). */
  readonly kb: KnowledgeBase;
  /** The search over the current state. */
  readonly search: Search;
  /** Looks for a newer version now; resolves true when it swapped one in. */
  refresh(): Promise<boolean>;
  /** Builds the state from these framework texts (already validated) and swaps it in. */
  install(sources: ReadonlyMap<string, FrameworkSource>): void;
  start(everyMs?: number): void;
  stop(): void;
}

/** How often every instance looks for a newly published version: well inside the 10 s promise. */
export const POLL_MS = 2000;

/** What the live knowledge reads of the deployment's settings: the bot passes its Config as it is. */
export interface LiveKnowledgeSettings extends ServedFrameworks {
  /** The folder of framework files (KNOWLEDGE_DIR); undefined: knowledge/frameworks/. */
  readonly knowledgeDir?: string | undefined;
}

/** The published versions, as the store keeps them (store/framework-versions.ts gives these two reads). */
export interface PublishedVersions {
  /** The newest version number of each framework that has one. */
  newestVersions(): Promise<Map<string, number>>;
  newest(
    frameworkId: string,
  ): Promise<{ readonly version: number; readonly source: string; readonly fileHash: string } | undefined>;
}

/** Where it says a version went live, or a poll failed: the bot's logger (pino) is one. */
export interface LiveKnowledgeLogger {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
}

export interface LiveKnowledgeOptions {
  readonly settings: LiveKnowledgeSettings;
  /** Every framework loaded from the files at start: used until a published version applies. */
  readonly initial: KnowledgeBase;
  readonly versions?: PublishedVersions;
  readonly logger: LiveKnowledgeLogger;
}

function readFiles(dir: string, kb: KnowledgeBase): Map<string, FrameworkSource> {
  const sources = new Map<string, FrameworkSource>();
  let names: string[] = [];
  try {
    names = readdirSync(dir)
      .filter((n) => /\.ya?ml$/i.test(n))
      .sort();
  } catch {
    return sources;
  }
  const byFile = new Map(kb.frameworks.map((f) => [f.file, f.id]));
  for (const file of names) {
    const source = readFileSync(join(dir, file), 'utf8');
    const id = byFile.get(file) ?? /^\s*id:\s*([a-z0-9-]+)/m.exec(source.slice(source.indexOf('framework:')))?.[1];
    if (id === undefined) continue;
    const fileHash = hashOf(source);
    sources.set(id, { frameworkId: id, file, source, origin: 'file', version: 0, fileSource: source, fileHash });
  }
  return sources;
}

export function createLiveKnowledge(options: LiveKnowledgeOptions): LiveKnowledge {
  const { settings, versions, logger } = options;
  const dir = settings.knowledgeDir ?? DEFAULT_KNOWLEDGE_DIR;
  const files = readFiles(dir, options.initial);
  const served = servedKnowledgeBase(options.initial, settings);
  let state: KnowledgeState = { kb: served, search: createSearch(served), all: options.initial, sources: files };
  let seen = '';
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<boolean> | undefined;

  const install = (sources: ReadonlyMap<string, FrameworkSource>) => {
    const loaded = loadSources([...sources.values()].map((s) => ({ file: s.file, source: s.source })));
    if (!loaded.ok)
      throw new Error(`the published frameworks do not load: ${loaded.problems.map(formatProblem).join('; ')}`);
    const kb = servedKnowledgeBase(loaded.kb, settings);
    // Built fully before the one assignment below: until then every question uses the old state.
    const next: KnowledgeState = { kb, search: createSearch(kb), all: loaded.kb, sources };
    state = next;
  };

  const refreshOnce = async (): Promise<boolean> => {
    if (!versions) return false;
    const newest = await versions.newestVersions();
    const stamp = JSON.stringify([...newest].sort());
    if (stamp === seen) return false;
    // Marked seen first: a version that does not load is reported once, not every poll.
    seen = stamp;
    const sources = new Map<string, FrameworkSource>();
    for (const [id, file] of files) {
      const n = newest.get(id);
      const v = n === undefined ? undefined : await versions.newest(id);
      if (!v) sources.set(id, file);
      else if (v.fileHash === file.fileHash || hashOf(v.source) === file.fileHash)
        sources.set(id, { ...file, source: v.source, origin: 'console', version: v.version });
      else sources.set(id, { ...file, setAside: v.version });
    }
    const was = (s: FrameworkSource) => state.sources.get(s.frameworkId);
    const textChanged = [...sources.values()].some((s) => was(s)?.source !== s.source);
    const labelChanged = [...sources.values()].some(
      (s) => was(s)?.origin !== s.origin || was(s)?.version !== s.version || was(s)?.setAside !== s.setAside,
    );
    if (textChanged) {
      install(sources);
      logger.info(
        {
          event: 'knowledge-swapped',
          versions: Object.fromEntries([...sources.values()].map((s) => [s.frameworkId, s.version])),
        },
        'a published framework version is now live',
      );
    } else if (labelChanged) {
      // The same text under another name (a version whose export is the deployed file): no new index needed.
      state = { ...state, sources };
    }
    return textChanged || labelChanged;
  };

  const refresh = () => {
    running ??= refreshOnce().finally(() => {
      running = undefined;
    });
    return running;
  };

  const liveKb: KnowledgeBase = {
    get frameworks(): readonly Framework[] {
      return state.kb.frameworks;
    },
    get entries(): readonly Entry[] {
      return state.kb.entries;
    },
    entry: (id) => state.kb.entry(id),
    framework: (id) => state.kb.framework(id),
    get retired(): readonly Entry[] {
      return state.kb.retired ?? [];
    },
  };
  const liveSearch: Search = {
    get kb() {
      return state.search.kb;
    },
    answer: (question, answerOptions) => state.search.answer(question, answerOptions),
  };

  return {
    current: () => state,
    kb: liveKb,
    search: liveSearch,
    refresh,
    install,
    start(everyMs = POLL_MS) {
      if (timer || !versions) return;
      timer = setInterval(() => {
        refresh().catch((error: unknown) =>
          logger.warn(
            {
              event: 'knowledge-poll-failed',
              error: { name: (error as Error)?.name, message: (error as Error)?.message },
            },
            'could not look for a newer framework version; will try again',
          ),
        );
      }, everyMs);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
  };
}
