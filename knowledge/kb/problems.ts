/** One thing wrong with a knowledge file, precise enough for a practice lead to fix it. */
export interface Problem {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** Dotted path to the field, e.g. "lbbd-be-human.prompts" or "framework.name". */
  readonly field: string;
  /** What is wrong and how to fix it. */
  readonly message: string;
}

export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.column} ${p.field}: ${p.message}`;
}
