import type { Store } from '../../store/types';

/** Wraps a store and keeps a JSON copy of every argument it is given, to prove what is (not) stored. */
export function recordingStore(inner: Store): Store & { readonly written: string[] } {
  const written: string[] = [];
  return {
    written,
    frameworkFor: (scopeId) => inner.frameworkFor(scopeId),
    setFramework: (change) => {
      written.push(JSON.stringify(change));
      return inner.setFramework(change);
    },
    recordVote: (vote) => {
      written.push(JSON.stringify(vote));
      return inner.recordVote(vote);
    },
    feedbackCounts: () => inner.feedbackCounts(),
    close: () => inner.close(),
  };
}
