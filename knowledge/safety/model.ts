import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { PROJECT_ROOT } from '../paths';

/**
 * The classifier: multinomial logistic regression over the features of features.ts, trained by
 * scripts/train-safety.ts and shipped as model.json. Five classes: the four routes, and "none".
 */
export const CLASSES = ['child-at-risk', 'worker-safety', 'worker-crisis', 'distress', 'none'] as const;
export type ModelClass = (typeof CLASSES)[number];

export const DEFAULT_SAFETY_MODEL = join(PROJECT_ROOT, 'knowledge', 'safety', 'model.json');

const weights = z.array(z.number()).length(CLASSES.length);
export const modelSchema = z.object({
  classes: z
    .array(z.string())
    .refine((c) => c.join() === CLASSES.join(), `must be ${CLASSES.join(', ')}: retrain with scripts/train-safety.ts`),
  bias: weights,
  weights: z.record(z.string(), weights),
  trained: z.object({ examples: z.record(z.string(), z.number()), features: z.number() }),
});
export type ModelFile = z.infer<typeof modelSchema>;

export class SafetyModel {
  private readonly weights: ReadonlyMap<string, readonly number[]>;
  private readonly bias: readonly number[];

  constructor(file: Pick<ModelFile, 'bias' | 'weights'>) {
    this.bias = file.bias;
    this.weights = new Map(Object.entries(file.weights));
  }

  /** The probability of each class, in the order of CLASSES. */
  probabilities(features: readonly string[]): number[] {
    const scores = [...this.bias];
    for (const f of features) {
      const w = this.weights.get(f);
      if (w) for (let k = 0; k < scores.length; k++) scores[k] = (scores[k] ?? 0) + (w[k] ?? 0);
    }
    return softmax(scores);
  }
}

export function softmax(scores: readonly number[]): number[] {
  const max = Math.max(...scores);
  const exps = scores.map((s) => Math.exp(s - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}

export function loadSafetyModel(file: string = DEFAULT_SAFETY_MODEL): SafetyModel {
  const parsed = modelSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success)
    throw new Error(`${file}: ${z.prettifyError(parsed.error)}; retrain with scripts/train-safety.ts`);
  return new SafetyModel(parsed.data);
}
