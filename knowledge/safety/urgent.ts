import { assessSafety } from './index';

/**
 * Does a message speak of a child who may be at risk now? The same decision as `assessSafety` (the
 * child-at-risk route, first or beside another), for the callers that ask only this.
 */
export function isUrgent(question: string): boolean {
  const a = assessSafety(question);
  return a.route === 'child-at-risk' || (a.also ?? []).includes('child-at-risk');
}
