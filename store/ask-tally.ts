/** One entry's count for one day, waiting to be written. */
export interface AskCount {
  readonly entryId: string;
  readonly day: string;
  count: number;
}

/**
 * Adds up "this entry answered a question" in memory and writes the sums together, `delayMs` after
 * the first count since the last write, instead of one database write per answer. `flush()` writes
 * at once (before counts are read, and on close). A write that fails keeps its counts for the next
 * one, and the failure is reported to the next `add()`. A crash loses at most `delayMs` of counts.
 */
export class AskTally {
  private pending = new Map<string, AskCount>();
  private timer: NodeJS.Timeout | undefined;
  /** The write in progress, if any; never rejects. */
  private writing: Promise<void> = Promise.resolve();
  private failure: unknown;

  constructor(
    private readonly write: (batch: readonly AskCount[]) => Promise<void>,
    private readonly delayMs: number,
  ) {}

  add(entryId: string, day: string): void {
    this.count(entryId, day, 1);
    if (!this.timer) {
      this.timer = setTimeout(() => {
        this.flush().catch((error: unknown) => {
          this.failure = error;
        });
      }, this.delayMs);
      this.timer.unref();
    }
    if (this.failure !== undefined) {
      const error = this.failure;
      this.failure = undefined;
      throw error;
    }
  }

  /** Writes every waiting count; resolves once they, and any write already under way, are written. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.size === 0) return this.writing;
    const batch = [...this.pending.values()];
    this.pending = new Map();
    const written = this.writing.then(() =>
      this.write(batch).catch((error: unknown) => {
        for (const a of batch) this.count(a.entryId, a.day, a.count);
        throw error;
      }),
    );
    this.writing = written.catch(() => undefined);
    return written;
  }

  private count(entryId: string, day: string, n: number): void {
    const key = `${entryId}\n${day}`;
    const pending = this.pending.get(key);
    if (pending) pending.count += n;
    else this.pending.set(key, { entryId, day, count: n });
  }
}
