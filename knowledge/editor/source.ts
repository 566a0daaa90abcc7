import { createHash } from 'node:crypto';
import { isMap, isSeq, parseDocument, stringify } from 'yaml';
import type { Node } from 'yaml';

/**
 * A framework file edited as text: one entry (or the framework block, or the signposts) is replaced by
 * the same fields written in the files' layout and key order, and every other byte is kept, comments
 * included. So a file exported with no edits is the file itself, and an edit shows in git as that
 * entry's lines only.
 */

/** The order of an entry's fields in the files (knowledge/README.md). */
export const ENTRY_KEYS = [
  'id',
  'kind',
  'lists',
  'acronym',
  'number',
  'title',
  'summary',
  'text',
  'who_uses',
  'why',
  'notes',
  'aliases',
  'keywords',
  'questions',
  'related',
  'prompts',
  'group_prompts',
  'checks',
  'retired',
] as const;
export const FRAMEWORK_KEYS = [
  'id',
  'name',
  'short_name',
  'organisation',
  'author',
  'author_role',
  'date',
  'source',
  'description',
  'aliases',
  'examples',
  'reviewed_by',
  'reviewed_on',
  'review_due',
  'off_topic_checks',
] as const;
export const SIGNPOST_KEYS = [
  'urgent',
  'case_advice',
  'procedures',
  'staff_support',
  'worker_safety',
  'crisis',
  'employment',
] as const;
/** The fields of one signpost. */
export const SIGNPOST_FIELDS = ['text', 'link'] as const;

/**
 * Field names the editor does not know, in a part about to be written: each is refused, never written
 * (a name is text too: one holding a line break or ": " would write whatever YAML it spelled).
 */
export function unknownFields(part: 'entry' | 'framework' | 'signposts', value: Record<string, unknown>): string[] {
  const known: readonly string[] =
    part === 'entry' ? ENTRY_KEYS : part === 'framework' ? FRAMEWORK_KEYS : SIGNPOST_KEYS;
  const unknown = Object.keys(value).filter((k) => !known.includes(k));
  if (part === 'signposts')
    for (const [name, post] of Object.entries(value))
      if (typeof post === 'object' && post !== null && !Array.isArray(post))
        for (const k of Object.keys(post))
          if (!(SIGNPOST_FIELDS as readonly string[]).includes(k)) unknown.push(`${name}.${k}`);
  return unknown;
}

/** Long prose, written folded (`>-`) as the files do. */
const FOLDED = new Set(['summary', 'who_uses', 'why', 'notes', 'description']);
/** The full text, written literally (`|-`), line breaks kept. */
const LITERAL = new Set(['text']);
/** Short lists, written on one line: `[a, b]`. */
const FLOW = new Set(['aliases', 'keywords', 'related']);
const WRAP = 88;

export type Section = 'framework' | 'signposts';

/** Where a part of the file is: [start, end) of its value's text. */
interface Span {
  readonly start: number;
  readonly end: number;
}

function span(node: Node | null | undefined): Span | undefined {
  const range = node?.range;
  return range ? { start: range[0], end: range[1] } : undefined;
}

function documentOf(source: string) {
  return parseDocument(source, { keepSourceTokens: false });
}

/** The entries' ids in file order, with where each one's text is. */
export function entrySpans(source: string): Map<string, Span> {
  const doc = documentOf(source);
  const entries = doc.get('entries', true);
  const spans = new Map<string, Span>();
  if (!isSeq(entries)) return spans;
  for (const item of entries.items) {
    if (!isMap(item)) continue;
    const id = item.get('id');
    const s = span(item as Node);
    if (typeof id === 'string' && s) spans.set(id, s);
  }
  return spans;
}

function sectionSpan(source: string, section: Section): Span | undefined {
  const doc = documentOf(source);
  return span(doc.get(section, true) as Node | undefined);
}

/** The text of one entry, as it stands in the file. */
export function entryText(source: string, entryId: string): string | undefined {
  const s = entrySpans(source).get(entryId);
  return s && source.slice(s.start, s.end);
}

export function sectionText(source: string, section: Section): string | undefined {
  const s = sectionSpan(source, section);
  return s && source.slice(s.start, s.end);
}

/** A short fingerprint of a part's text: what a save names as the version it edited (its etag). */
export function etagOf(text: string | undefined): string | null {
  return text === undefined ? null : createHash('sha256').update(text).digest('base64url').slice(0, 22);
}

export function hashOf(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Throws for a field the editor does not know: the routes refuse those first, with the field named. */
function onlyKnown(part: 'entry' | 'framework' | 'signposts', value: Record<string, unknown>): void {
  const unknown = unknownFields(part, value);
  if (unknown.length > 0)
    throw new Error(`not a field of ${part}: ${unknown.map((k) => JSON.stringify(k)).join(', ')}`);
}

/** The file with one entry replaced, or added at the end when it is new. */
export function withEntry(source: string, entry: Record<string, unknown>): string {
  onlyKnown('entry', entry);
  const id = String(entry['id']);
  const at = entrySpans(source).get(id);
  const body = writeMapping(entry, ENTRY_KEYS, 4);
  if (at) return splice(source, at, body);
  const trimmed = source.replace(/\s*$/, '');
  return `${trimmed}\n\n  - ${body.replace(/\n$/, '')}\n`;
}

export function withSection(source: string, section: Section, value: Record<string, unknown>): string {
  onlyKnown(section, value);
  const at = sectionSpan(source, section);
  if (!at) throw new Error(`the file has no ${section} block`);
  const body = section === 'framework' ? writeMapping(value, FRAMEWORK_KEYS, 2) : writeSignposts(value);
  // The block's value starts on the line after "framework:"; keep whatever comment lines sit before it.
  return splice(source, at, body);
}

/** Replaces [start, end) with `body`, where `body` is written for a value that begins at `start`'s column. */
function splice(source: string, at: Span, body: string): string {
  const before = source.slice(0, at.start);
  let after = source.slice(at.end);
  // The parser's range may or may not hold the final newline: `body` always ends with one.
  if (after.startsWith('\n') && !source.slice(at.start, at.end).endsWith('\n')) after = after.slice(1);
  return `${before}${body}${after}`;
}

/**
 * A mapping written in `keys` order, one field a line, `indent` spaces in. The first line carries no
 * indent: it follows "- " or the block's own indentation in the file. Ends with a newline.
 */
function writeMapping(value: Record<string, unknown>, keys: readonly string[], indent: number): string {
  const pad = ' '.repeat(indent);
  const lines: string[] = [];
  for (const key of keys) {
    const v = value[key];
    if (v === undefined || v === null) continue;
    lines.push(...writeField(key, v, pad));
  }
  return `${lines.map((l, i) => (i === 0 ? l.slice(pad.length) : l)).join('\n')}\n`;
}

function writeSignposts(value: Record<string, unknown>): string {
  const lines: string[] = [];
  for (const key of SIGNPOST_KEYS) {
    const post = value[key];
    if (post === undefined || post === null) continue;
    lines.push(`  ${yamlKey(key)}:`);
    if (typeof post === 'object' && !Array.isArray(post)) {
      for (const [k, v] of Object.entries(post as Record<string, unknown>))
        if (v !== undefined && v !== null) lines.push(...writeField(k, v, '    '));
    } else lines.push(`    ${scalar(post)}`);
  }
  return `${lines.map((l, i) => (i === 0 ? l.slice(2) : l)).join('\n')}\n`;
}

function writeField(field: string, v: unknown, pad: string): string[] {
  const key = yamlKey(field);
  if (Array.isArray(v)) {
    if (FLOW.has(field) && v.every((x) => typeof x === 'string' && flowSafe(x)))
      return [`${pad}${key}: [${v.join(', ')}]`];
    if (v.length === 0) return [`${pad}${key}: []`];
    return [`${pad}${key}:`, ...v.map((x) => `${pad}  - ${scalar(x)}`)];
  }
  if (typeof v === 'string' && FOLDED.has(field) && foldable(v))
    return [`${pad}${key}: >-`, ...fold(v, WRAP - pad.length - 2).map((l) => `${pad}  ${l}`)];
  if (typeof v === 'string' && LITERAL.has(field) && literalSafe(v))
    return [`${pad}${key}: |-`, ...v.split('\n').map((l) => (l === '' ? '' : `${pad}  ${l}`))];
  // A mapping where the schema wants text or a list: written safely (every key quoted as needed), so the
  // validator can say what is wrong with it.
  if (typeof v === 'object' && v !== null)
    return [
      `${pad}${key}:`,
      ...Object.entries(v).flatMap(([k, x]) => (x === undefined || x === null ? [] : writeField(k, x, `${pad}  `))),
    ];
  return [`${pad}${key}: ${scalar(v)}`];
}

/**
 * Every key the editor writes goes through here: a field name as the files spell it (`group_prompts`) is
 * written as it is, and anything else is quoted, escaped as JSON (which YAML reads as the same text), so
 * no key can start a comment, a new line or another entry.
 */
function yamlKey(key: string): string {
  return /^[a-z][a-z_]*$/.test(key) ? key : JSON.stringify(key);
}

/**
 * One value on one line, quoted only when YAML needs it. Never a block (`|-`): its lines would start at
 * the left margin and could end the entry. Lists and mappings (which the schema refuses) are written in
 * flow style for the same reason.
 */
function scalar(v: unknown): string {
  const written = stringify(v, { lineWidth: 0, blockQuote: false, collectionStyle: 'flow' }).replace(/\n$/, '');
  return /[\n\r]/.test(written) ? JSON.stringify(v) : written;
}

/** Characters that break a line, or that YAML refuses, inside a block: such text is written quoted instead. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE_IN_BLOCK = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff]/;

/** Safe inside `[a, b]` without quotes: what reads back as the same text. */
function flowSafe(x: string): boolean {
  return x.length > 0 && !/[,[\]{}#&*!|>'"%@`:]/.test(x) && !/^[\s-?]/.test(x) && !/\s$/.test(x) && scalar(x) === x;
}

/** Folding reads back as one line: single spaces between words, no line breaks, no leading or trailing space. */
function foldable(v: string): boolean {
  return v.length > 0 && !/\n|\s{2,}|^\s|\s$|\t/.test(v) && !UNSAFE_IN_BLOCK.test(v);
}

function literalSafe(v: string): boolean {
  return (
    v.length > 0 &&
    !/^[ \t]|[ \t]$|[ \t]\n|\t/.test(v) &&
    !/\n\n*$/.test(v) &&
    !v.startsWith('\n') &&
    !UNSAFE_IN_BLOCK.test(v)
  );
}

function fold(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line.length > 0 && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** The file's content as plain data, with the YAML's field names. */
export function toData(source: string): Record<string, unknown> {
  return documentOf(source).toJS() as Record<string, unknown>;
}
