import { createInterface } from 'node:readline';
import type { Writable } from 'node:stream';
import { loadKnowledgeBase, DEFAULT_KNOWLEDGE_DIR } from '../kb/load';
import { formatProblem } from '../kb/problems';
import { respond } from '../respond';
import type { RespondOptions } from '../respond';
import { createSearch } from '../search/answer';
import type { Search } from '../search/answer';
import { toJson, toText } from './format';

const USAGE = `Usage:
  practice-companion ask [--framework ID] "question"     what staff would see in a chat, card by card
  practice-companion ask --json [--framework ID] "question"
  practice-companion ask --jsonl [--framework ID]       one question per line on stdin, one JSON line out each
  (without --framework: as in a chat that has chosen none, the best match across every framework)
  practice-companion kb validate [dir]                   check the knowledge files (default: knowledge/frameworks)`;

export interface Io {
  readonly stdin: NodeJS.ReadableStream;
  readonly stdout: Writable;
  readonly stderr: Writable;
}

/** Runs the CLI and resolves to its exit code. */
export async function main(args: readonly string[], io: Io): Promise<number> {
  const [command, ...rest] = args;
  if (command === 'kb' && rest[0] === 'validate') return validate(rest[1], io);
  if (command === 'ask') return ask(rest, io);
  io.stderr.write(`${USAGE}\n`);
  return command === undefined || command === 'help' || command === '--help' ? 0 : 2;
}

function validate(dir: string | undefined, io: Io): number {
  const result = loadKnowledgeBase(dir ?? DEFAULT_KNOWLEDGE_DIR);
  if (!result.ok) {
    for (const p of result.problems) io.stdout.write(`${formatProblem(p)}\n`);
    io.stderr.write(`${result.problems.length} problem(s) found.\n`);
    return 1;
  }
  // Warnings go to stderr and do not fail the check: the service still starts.
  for (const w of result.warnings) io.stderr.write(`warning: ${formatProblem(w)}\n`);
  io.stdout.write(`ok: ${result.kb.frameworks.length} frameworks, ${result.kb.entries.length} entries\n`);
  return 0;
}

async function ask(args: readonly string[], io: Io): Promise<number> {
  const flags = new Set<string>();
  const words: string[] = [];
  let framework: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '--framework') framework = args[++i];
    else if (a.startsWith('--')) flags.add(a);
    else words.push(a);
  }
  const unknown = [...flags].filter((f) => f !== '--json' && f !== '--jsonl');
  if (unknown.length > 0 || (flags.has('--jsonl') ? words.length > 0 : words.length === 0)) {
    io.stderr.write(`${unknown.length > 0 ? `Unknown option ${unknown.join(', ')}.\n` : ''}${USAGE}\n`);
    return 2;
  }

  const loaded = loadKnowledgeBase();
  if (!loaded.ok) {
    for (const p of loaded.problems) io.stderr.write(`${formatProblem(p)}\n`);
    return 1;
  }
  if (framework !== undefined && !loaded.kb.framework(framework)) {
    io.stderr.write(`Unknown framework "${framework}". Known: ${loaded.kb.frameworks.map((f) => f.id).join(', ')}\n`);
    return 2;
  }
  const search = createSearch(loaded.kb);
  // The same response the bot sends (knowledge/respond): safety routes, answer or decline, reminders.
  const options: RespondOptions = framework !== undefined ? { frameworkId: framework } : {};

  if (flags.has('--jsonl')) return answerLines(search, options, io);
  const question = words.join(' ');
  const response = respond(search, question, options);
  io.stdout.write(
    flags.has('--json') ? `${JSON.stringify(toJson(search.kb, question, response))}\n` : toText(search.kb, response),
  );
  return 0;
}

async function answerLines(search: Search, options: RespondOptions, io: Io): Promise<number> {
  const lines = createInterface({ input: io.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim().length === 0) continue;
    const json = JSON.stringify(toJson(search.kb, line, respond(search, line, options)));
    // Wait for each line to be written, so a reader sees answers as they come.
    await new Promise<void>((resolve, reject) =>
      io.stdout.write(`${json}\n`, (err) => (err ? reject(err) : resolve())),
    );
  }
  return 0;
}
