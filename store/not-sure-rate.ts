/**
 * The not-sure rate: of the questions the bot gave an answer card to (an entry, or "not sure"), the share
 * it was not sure about, and which way it moved against the period before. One rule for the console
 * (bot/web/console/insights.ts) and the weekly digest (schedule/digest.ts), from counts this store keeps.
 */

export interface NotSureRate {
  /** Questions answered with an entry or with "not sure". */
  readonly questions: number;
  readonly notSure: number;
  /** notSure / questions, from 0 to 1; null when there were no questions. */
  readonly rate: number | null;
}

/** Up, down or the same in whole percentage points; null when either period had no questions. */
export type NotSureTrend = 'up' | 'down' | 'same' | null;

export function notSureRate(answered: number, notSure: number): NotSureRate {
  const questions = answered + notSure;
  return { questions, notSure, rate: questions === 0 ? null : notSure / questions };
}

/** A rate as whole per cent, as the console and the digest show it. */
export const wholePercent = (rate: number): number => Math.round(rate * 100);

export function notSureTrend(now: NotSureRate, before: NotSureRate): NotSureTrend {
  if (now.rate === null || before.rate === null) return null;
  const change = wholePercent(now.rate) - wholePercent(before.rate);
  return change > 0 ? 'up' : change < 0 ? 'down' : 'same';
}
