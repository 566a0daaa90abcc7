import type { FeedbackCount, Store, Vote } from './types';

/** Keeps everything in memory: lost on restart. For tests and until a durable store is configured. */
export function createMemoryStore(): Store {
  const frameworks = new Map<string, string>();
  const votes = new Map<string, Vote>();
  const asks = new Map<string, number>();
  let closed = false;
  const open = () => {
    if (closed) throw new Error('the store is closed');
  };
  return {
    async frameworkFor(scopeId) {
      open();
      return frameworks.get(scopeId);
    },
    async setFramework({ scopeId, frameworkId }) {
      open();
      frameworks.set(scopeId, frameworkId);
    },
    async recordVote(vote) {
      open();
      const key = `${vote.answerId}\u0000${vote.voter}`;
      const before = votes.get(key);
      votes.set(key, vote);
      if (!before) return 'new';
      return before.helpful === vote.helpful ? 'same' : 'changed';
    },
    async feedbackCounts() {
      open();
      const counts = new Map<string, { entryId: string; day: string; helpful: number; notHelpful: number }>();
      for (const v of votes.values()) {
        const key = `${v.entryId}\u0000${v.day}`;
        const c = counts.get(key) ?? { entryId: v.entryId, day: v.day, helpful: 0, notHelpful: 0 };
        if (v.helpful) c.helpful++;
        else c.notHelpful++;
        counts.set(key, c);
      }
      return [...counts.values()].sort((a, b) => a.day.localeCompare(b.day) || a.entryId.localeCompare(b.entryId)) as FeedbackCount[];
    },
    async recordAsk(entryId) {
      open();
      asks.set(entryId, (asks.get(entryId) ?? 0) + 1);
    },
    async mostAsked(limit) {
      open();
      return [...asks].map(([entryId, count]) => ({ entryId, count })).sort((a, b) => b.count - a.count || a.entryId.localeCompare(b.entryId)).slice(0, limit);
    },
    async featuredEntry() {
      open();
      return undefined;
    },
    async close() {
      closed = true;
    },
  };
}
