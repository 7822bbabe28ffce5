import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { Database } from '../store/index.js';
import { addDays, utcDayOf } from './days.js';
import { pruneBefore, writeSnapshot, type Snapshot } from './snapshots.js';

const PRUNE_INTERVAL_MS = 3_600_000;

/** Told about each snapshot once it is stored (watches look for matches here). */
export type SnapshotListener = (snapshot: Snapshot) => Promise<void>;

export interface RecorderOptions {
  retentionDays: number;
  /** Snapshots queued beyond this are dropped (the database is far behind) and reported. */
  maxQueue?: number;
  onError?: (error: unknown) => void;
}

/**
 * Stores snapshots off the request path: `record` only queues, one writer drains the queue (as the
 * usage store does), so a fresh upstream answer never waits for history's writes.
 */
export class SnapshotRecorder {
  private pending: Snapshot[] = [];
  private running: Promise<void> | null = null;
  private closed = false;
  private lastPrunedAt = Number.NEGATIVE_INFINITY;
  private readonly listeners: SnapshotListener[] = [];
  private readonly maxQueue: number;
  private readonly onError: (error: unknown) => void;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
    private readonly opts: RecorderOptions,
  ) {
    this.maxQueue = opts.maxQueue ?? 10_000;
    this.onError = opts.onError ?? ((error) => console.error('history recording failed:', error));
  }

  /** Runs `listener` after each stored snapshot. */
  onStored(listener: SnapshotListener): void {
    this.listeners.push(listener);
  }

  /** Queues a snapshot; never throws and never waits for the database. */
  record(snapshot: Snapshot): void {
    if (this.closed) return;
    if (this.pending.length >= this.maxQueue) {
      this.onError(new Error(`history queue full: snapshot of ${snapshot.reading.key.key} dropped`));
      return;
    }
    this.pending.push(snapshot);
    this.running ??= this.drain();
  }

  /** Resolves once every snapshot recorded so far is stored and its listeners have run. */
  async flush(): Promise<void> {
    while (this.running || this.pending.length > 0) {
      this.running ??= this.drain();
      await this.running;
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.flush();
  }

  /** Deletes days older than the retention. */
  async prune(): Promise<void> {
    const now = this.clock.now();
    this.lastPrunedAt = now;
    await pruneBefore(this.db, addDays(utcDayOf(now), -(this.opts.retentionDays - 1)));
  }

  private async drain(): Promise<void> {
    try {
      await new Promise<void>((resolve) => setImmediate(resolve));
      while (this.pending.length > 0) {
        const snapshot = this.pending.shift() as Snapshot;
        try {
          await writeSnapshot(this.db, snapshot);
          for (const listener of this.listeners) await listener(snapshot);
        } catch (error) {
          this.onError(error);
        }
        if (this.clock.now() - this.lastPrunedAt >= PRUNE_INTERVAL_MS) await this.prune().catch(this.onError);
      }
    } finally {
      this.running = null;
    }
  }
}
