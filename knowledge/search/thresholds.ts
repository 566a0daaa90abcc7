/** Tunable decision points; changes here change answers, so note them in CHANGELOG.md. */
export const THRESHOLDS = Object.freeze({
  /** At or above: answer. */
  answer: 0.45,
  /** At or above, when the best is `clearLead` times the next: answer (long questions carry many other words). */
  clearLeadAnswer: 0.2,
  clearLead: 1.6,
  /** …and only when most of the question is words the knowledge base uses. */
  knownShare: 0.6,
  /** At or above (with a clear lead): a confident answer, with no "did you mean". */
  confident: 0.7,
  /** "The whole framework" is answered by its introduction unless another entry reaches this on the question's other words. */
  wholeFramework: 0.3,
  /** Alternatives must reach this share of the best score. */
  alternative: 0.45,
});
