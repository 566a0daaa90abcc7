import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, isMap, isSeq, parseDocument } from 'yaml';
import type { Document } from 'yaml';
import type { z } from 'zod';
import { fileSchema } from './schema';
import type { FrameworkFile } from './schema';
import { createKnowledgeBase } from './model';
import type { CheckQuestion, Entry, Framework, KnowledgeBase, Signpost } from './model';
import type { Problem } from './problems';
import { crossCheck } from './cross-check';
import { linkProblems } from './links';
import { warningsFor } from './warnings';
import { DEFAULT_SIGNPOSTS } from './signposts';
import { PROJECT_ROOT } from '../paths';

/** Where the shipped frameworks live. */
export const DEFAULT_KNOWLEDGE_DIR = join(PROJECT_ROOT, 'knowledge', 'frameworks');

export type LoadResult =
  | { readonly ok: true; readonly kb: KnowledgeBase; readonly warnings: readonly Problem[] }
  | { readonly ok: false; readonly problems: readonly Problem[] };

/** A parsed file, with a way to find the line and column of any field in it. */
export interface ParsedFile {
  readonly file: string;
  readonly data: FrameworkFile;
  locate(path: readonly PropertyKey[]): { line: number; column: number };
}

/** Load and validate every `*.yaml` / `*.yml` file in `dir`. Never throws for bad content. */
export function loadKnowledgeBase(dir: string = DEFAULT_KNOWLEDGE_DIR, today: Date = new Date()): LoadResult {
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) {
      return fail(dir, 'path', 'is not a folder: pass the folder that holds the framework .yaml files');
    }
    names = readdirSync(dir)
      .filter((n) => /\.ya?ml$/i.test(n))
      .sort();
  } catch (cause) {
    return fail(
      dir,
      'path',
      `cannot be read (${(cause as NodeJS.ErrnoException).code ?? 'error'}): check the folder exists`,
    );
  }
  if (names.length === 0) {
    return fail(dir, 'path', 'holds no .yaml files: add one file per framework (see knowledge/README.md)');
  }

  return loadSources(
    names.map((name) => ({ file: name, source: readFileSync(join(dir, name), 'utf8') })),
    today,
  );
}

/** Validate and load framework files given as text (the console's drafts and published versions), as `kb validate` does files. */
export function loadSources(
  files: ReadonlyArray<{ readonly file: string; readonly source: string }>,
  today: Date = new Date(),
): LoadResult {
  const problems: Problem[] = [];
  const parsed: ParsedFile[] = [];
  const idsInBrokenFiles = new Set<string>();
  for (const { file, source } of files) {
    const result = parseFile(file, source);
    if ('problems' in result) {
      problems.push(...result.problems);
      result.entryIds.forEach((id) => idsInBrokenFiles.add(id));
    } else parsed.push(result);
  }
  // Ids from a file with problems still count, so one mistake is reported once, not again as "unknown related id".
  problems.push(...crossCheck(parsed, idsInBrokenFiles), ...linkProblems(parsed));
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, kb: build(parsed), warnings: warningsFor(parsed, today) };
}

export function parseFile(file: string, source: string): ParsedFile | { problems: Problem[]; entryIds: string[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const at = (offset: number) => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };

  if (doc.errors.length > 0) {
    return {
      entryIds: [],
      problems: doc.errors.map((e) => ({
        file,
        ...at(e.pos[0]),
        field: 'yaml',
        message: `is not valid YAML (${firstLine(e.message)}): check indentation, and quote text that contains ": " or starts with a symbol`,
      })),
    };
  }

  const locate = (path: readonly PropertyKey[]) => at(offsetOf(doc, path));
  const result = fileSchema.safeParse(doc.toJS());
  if (!result.success) {
    const raw = doc.toJS() as unknown;
    return {
      entryIds: rawEntryIds(raw),
      problems: result.error.issues.flatMap((issue) => issueProblems(file, raw, issue, locate)),
    };
  }
  return { file, data: result.data, locate };
}

function issueProblems(
  file: string,
  raw: unknown,
  issue: z.core.$ZodIssue,
  locate: (path: readonly PropertyKey[]) => { line: number; column: number },
): Problem[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({
      file,
      ...locate([...issue.path, key]),
      field: fieldName(raw, [...issue.path, key]),
      message: issue.message,
    }));
  }
  return [{ file, ...locate(issue.path), field: fieldName(raw, issue.path), message: issue.message }];
}

/** "lbbd-be-human.prompts" when the entry has an id, "entries[3].prompts" when it does not. */
export function fieldName(raw: unknown, path: readonly PropertyKey[]): string {
  const parts: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    if (path[i - 1] === 'entries' && typeof key === 'number') {
      const entries = (raw as { entries?: unknown[] } | null)?.entries;
      const id = (entries?.[key] as { id?: unknown } | undefined)?.id;
      parts.pop();
      parts.push(typeof id === 'string' && id.length > 0 ? id : `entries[${key}]`);
    } else if (typeof key === 'number') {
      parts[parts.length - 1] = `${parts[parts.length - 1] ?? ''}[${key}]`;
    } else {
      parts.push(String(key));
    }
  }
  return parts.join('.') || 'file';
}

/** The offset of the deepest node on `path` that exists: the field itself, or the mapping it is missing from. */
function offsetOf(doc: Document, path: readonly PropertyKey[]): number {
  let node: unknown = doc.contents;
  let offset = rangeStart(node) ?? 0;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === key);
      if (!pair) break;
      offset = rangeStart(pair.value) ?? rangeStart(pair.key) ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number') {
      const item = node.items[key];
      if (item === undefined) break;
      offset = rangeStart(item) ?? offset;
      node = item;
    } else {
      break;
    }
  }
  return offset;
}

function rawEntryIds(raw: unknown): string[] {
  const entries = (raw as { entries?: unknown } | null)?.entries;
  if (!Array.isArray(entries)) return [];
  return entries.map((e) => (e as { id?: unknown } | null)?.id).filter((id): id is string => typeof id === 'string');
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range?.[0];
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}

function fail(file: string, field: string, message: string): LoadResult {
  return { ok: false, problems: [{ file, line: 1, column: 1, field, message }] };
}

/** Three questions that work for any framework: a list, a number and a title. */
function defaultExamples(data: FrameworkFile): string[] {
  const overview = data.entries.find((e) => e.kind === 'overview' && e.lists !== undefined);
  const numbered = data.entries.find((e) => e.number !== undefined);
  const plain = data.entries.find((e) => e.kind !== 'overview');
  return [
    overview?.lists ? `list the ${overview.lists}s` : `what is the ${data.framework.short_name} framework`,
    numbered ? `${numbered.kind} ${numbered.number ?? 1}` : undefined,
    plain ? `what does "${plain.title.toLowerCase()}" mean` : undefined,
  ].filter((q): q is string => q !== undefined);
}

/** A signpost as the schema reads it, with no `link` key when it has no link. */
function signpost(s: { text: string; link?: string | undefined }): Signpost {
  return s.link === undefined ? { text: s.text } : { text: s.text, link: s.link };
}

/** An entry's check questions expect it (none once it is retired); the framework's off-topic ones expect none. */
function checksOf(data: FrameworkFile): CheckQuestion[] {
  const framework = data.framework.id;
  return [
    ...data.entries.flatMap((e) =>
      (e.checks ?? []).map((q) =>
        e.retired === true ? { q, expect: null, framework, retired: e.id } : { q, expect: e.id, framework },
      ),
    ),
    ...(data.framework.off_topic_checks ?? []).map((q) => ({ q, expect: null, framework })),
  ];
}

function build(files: readonly ParsedFile[]): KnowledgeBase {
  const frameworks: Framework[] = [];
  const entries: Entry[] = [];
  for (const { file, data } of files) {
    const f = data.framework;
    frameworks.push({
      id: f.id,
      name: f.name,
      shortName: f.short_name,
      organisation: f.organisation,
      author: f.author,
      authorRole: f.author_role,
      date: f.date,
      source: f.source,
      description: f.description,
      aliases: f.aliases,
      examples: f.examples ?? defaultExamples(data),
      file,
      signposts: {
        urgent: signpost(data.signposts.urgent),
        caseAdvice: signpost(data.signposts.case_advice),
        procedures: signpost(data.signposts.procedures),
        staffSupport: signpost(data.signposts.staff_support),
        workerSafety: signpost(data.signposts.worker_safety ?? { text: DEFAULT_SIGNPOSTS.worker_safety }),
        crisis: signpost(data.signposts.crisis ?? { text: DEFAULT_SIGNPOSTS.crisis }),
        employment: signpost(data.signposts.employment ?? { text: DEFAULT_SIGNPOSTS.employment }),
      },
      ...(f.reviewed_by !== undefined &&
        f.reviewed_on !== undefined &&
        f.review_due !== undefined && { review: { by: f.reviewed_by, on: f.reviewed_on, due: f.review_due } }),
      checks: checksOf(data),
    });
    for (const e of data.entries) {
      entries.push({
        id: e.id,
        frameworkId: f.id,
        kind: e.kind,
        ...(e.number !== undefined && { number: e.number }),
        ...(e.lists !== undefined && { lists: e.lists }),
        ...(e.acronym !== undefined && { acronym: e.acronym }),
        title: e.title,
        summary: e.summary,
        text: e.text,
        ...(e.who_uses !== undefined && { whoUses: e.who_uses }),
        ...(e.why !== undefined && { why: e.why }),
        ...(e.notes !== undefined && { notes: e.notes }),
        aliases: e.aliases,
        keywords: e.keywords,
        ...(e.questions !== undefined && { questions: e.questions }),
        related: e.related,
        prompts: e.prompts,
        groupPrompts: e.group_prompts,
        ...(e.retired === true && { retired: true as const }),
      });
    }
  }
  return createKnowledgeBase(frameworks, entries);
}
