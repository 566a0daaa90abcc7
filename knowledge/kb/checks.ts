import type { CheckQuestion, KnowledgeBase } from './model';

/** Every framework's check questions, in file order: each entry's, then the framework's off-topic ones. */
export function checkQuestions(kb: KnowledgeBase, frameworkId?: string): CheckQuestion[] {
  return kb.frameworks.filter((f) => frameworkId === undefined || f.id === frameworkId).flatMap((f) => f.checks ?? []);
}
