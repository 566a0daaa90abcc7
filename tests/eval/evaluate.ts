import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Fuse from 'fuse.js';
import { z } from 'zod';
import type { KnowledgeBase } from '../../knowledge/kb/model';
import type { Search } from '../../knowledge/search/answer';

const questionSchema = z.object({
  q: z.string().min(1),
  expect: z.string().nullable(),
  tags: z.array(z.string()).default([]),
  framework: z.string().optional(),
});
export type EvalQuestion = z.infer<typeof questionSchema>;

export const EVAL_DIR = __dirname;

export function readQuestions(file: string): EvalQuestion[] {
  return readFileSync(join(EVAL_DIR, file), 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line, i) => {
      const parsed = questionSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${file}:${i + 1}: ${parsed.error.message}`);
      return parsed.data;
    });
}

/** What a ranker says about one question: its top answer (or none) and its first three ids. */
export interface Ranked {
  readonly top: string | null;
  readonly firstThree: readonly string[];
}
export type Ranker = (q: EvalQuestion) => Ranked;

export interface Miss {
  readonly q: EvalQuestion;
  readonly got: Ranked;
}

export interface Figures {
  readonly onTopic: number;
  readonly offTopic: number;
  readonly top1: number;
  readonly top3: number;
  readonly rejection: number;
  readonly misses: readonly Miss[];
}

export function evaluate(questions: readonly EvalQuestion[], ranker: Ranker): Figures {
  let top1 = 0;
  let top3 = 0;
  let rejected = 0;
  let onTopic = 0;
  const misses: Miss[] = [];
  for (const q of questions) {
    const got = ranker(q);
    if (q.expect === null) {
      if (got.top === null) rejected++;
      else misses.push({ q, got });
      continue;
    }
    onTopic++;
    if (got.top === q.expect) top1++;
    else misses.push({ q, got });
    if (got.firstThree.includes(q.expect)) top3++;
  }
  const offTopic = questions.length - onTopic;
  return {
    onTopic,
    offTopic,
    top1: onTopic ? top1 / onTopic : 0,
    top3: onTopic ? top3 / onTopic : 0,
    rejection: offTopic ? rejected / offTopic : 0,
    misses,
  };
}

/**
 * Each question is asked in a chat set to its `framework`, else to the framework of the entry it expects
 * (answers keep to the chat's framework). An off-topic question is asked in a chat set to each framework
 * in turn, and counts as rejected only if every one of them rejects it.
 */
export function practiceCompanionRanker(search: Search, defaultFramework = 'lbbd'): Ranker {
  const ask = (q: EvalQuestion, framework: string): Ranked => {
    const result = search.answer(q.q, { defaultFramework: framework });
    if (!result.found) return { top: null, firstThree: result.suggestions.slice(0, 3).map((m) => m.entry.id) };
    return { top: result.entry.id, firstThree: [result.entry, ...result.alternatives.map((m) => m.entry)].slice(0, 3).map((e) => e.id) };
  };
  return (q) => {
    if (q.framework !== undefined) return ask(q, q.framework);
    if (q.expect !== null) return ask(q, search.kb.entry(q.expect)?.frameworkId ?? defaultFramework);
    const answers = search.kb.frameworks.map((f) => ask(q, f.id));
    return answers.find((a) => a.top !== null) ?? answers[0] ?? { top: null, firstThree: [] };
  };
}

/** The baseline: Fuse.js with its default options over each entry's title and full text. */
export function plainFuseRanker(kb: KnowledgeBase): Ranker {
  const fuse = new Fuse([...kb.entries], { keys: ['title', 'text'] });
  return (q) => {
    const hits = fuse.search(q.q.slice(0, 1000)).slice(0, 3).map((h) => h.item.id);
    return { top: hits[0] ?? null, firstThree: hits };
  };
}

export interface UrgentFigures {
  readonly urgent: number;
  readonly ordinary: number;
  /** Share of urgent questions that get the safeguarding signpost first. */
  readonly recall: number;
  /** Ordinary questions that wrongly got it. */
  readonly falseAlarms: readonly string[];
  readonly missed: readonly string[];
}

/** How well urgent worries are told apart: every urgent question signposted, no ordinary one. */
export function urgentFigures(urgent: readonly EvalQuestion[], ordinary: readonly EvalQuestion[], isUrgent: (q: string) => boolean): UrgentFigures {
  const missed = urgent.filter((q) => !isUrgent(q.q)).map((q) => q.q);
  const falseAlarms = ordinary.filter((q) => isUrgent(q.q)).map((q) => q.q);
  return { urgent: urgent.length, ordinary: ordinary.length, recall: urgent.length ? (urgent.length - missed.length) / urgent.length : 0, falseAlarms, missed };
}

export interface DeclinedFigures {
  readonly asked: number;
  /** Share of questions about things the framework does not contain that got no entry (the not-sure card). */
  readonly declined: number;
  readonly answered: readonly Miss[];
}

/** Questions the framework does not cover: each should be declined, never answered with a near miss. */
export function declinedFigures(questions: readonly EvalQuestion[], ranker: Ranker): DeclinedFigures {
  const answered = questions.map((q) => ({ q, got: ranker(q) })).filter((m) => m.got.top !== null);
  return { asked: questions.length, declined: questions.length ? (questions.length - answered.length) / questions.length : 0, answered };
}
