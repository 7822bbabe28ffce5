import type { Charge, ChargeWriter, FlushOutcome } from './charge-writer.js';
import type { AccountTotals } from './ledger-writes.js';

/** A charge the ledger refused: the account no longer had the credits, or the hold was swept. */
export class ChargeRefused extends Error {
  constructor(subject: string, reason = 'no longer has the credits') {
    super(`charge refused: ${subject} ${reason}`);
  }
}

/** Told after every flush: how many charges it wrote and how long it took. */
export type FlushListener = (flush: { rows: number; refused: number; ms: number }) => void;

export interface ChargeQueueOptions {
  /** A whole flush failed (database error): its requests are answered with an error, never a 2xx. */
  onError?: (error: unknown) => void;
  onFlush?: FlushListener;
  /** Called synchronously once a flush has committed, before any waiting request resumes. */
  onSettled?: (charges: readonly Charge[], outcome: FlushOutcome) => void;
  /** Most charges written in one flush. */
  maxBatch?: number;
}

interface Waiting {
  charge: Charge;
  resolve: (row: AccountTotals) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: charges queue up, and one writer flushes them as soon as the previous flush ends, with
 * no timer, so batches grow with load. Each charge's promise settles only when the flush holding it
 * has committed (or failed), which is when its request may be answered.
 */
export class ChargeQueue {
  private queue: Waiting[] = [];
  private flushing: Promise<void> | null = null;
  private tail: Promise<unknown> = Promise.resolve();
  private readonly maxBatch: number;

  constructor(
    private readonly writer: ChargeWriter,
    private readonly opts: ChargeQueueOptions = {},
  ) {
    this.maxBatch = opts.maxBatch ?? 2_000;
  }

  /** Queues a charge; resolves with the account row after the flush that wrote it. */
  charge(charge: Charge): Promise<AccountTotals> {
    return new Promise<AccountTotals>((resolve, reject) => {
      this.queue.push({ charge, resolve, reject });
      this.flushing ??= this.flushLoop();
    });
  }

  /**
   * Runs `task` between flushes, never during one: a read of the database done here and applied before
   * it returns cannot miss a flush whose charges have already left the in-flight sums.
   */
  exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.tail.then(task, task);
    this.tail = run.catch(() => {});
    return run;
  }

  /** Resolves once everything queued so far is written. */
  async drain(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  private async flushLoop(): Promise<void> {
    while (this.queue.length > 0) {
      // Yield to I/O first: requests already read from their sockets in this turn of the event loop
      // join the batch. SQLite's synchronous writes never yield, so without this batches stay at one.
      await new Promise<void>((resolve) => setImmediate(resolve));
      const batch = this.queue.splice(0, this.maxBatch);
      await this.exclusive(() => this.write(batch));
    }
    this.flushing = null;
  }

  private async write(batch: Waiting[]): Promise<void> {
    const started = performance.now();
    const charges = batch.map((w) => w.charge);
    let outcome: FlushOutcome;
    try {
      outcome = await this.writer.write(charges);
    } catch (error) {
      const accounts = new Set(charges.map((c) => c.accountId));
      if (accounts.size === 1) return this.fail(batch, error);
      // One account's rows broke the flush: written again account by account, only its requests fail.
      for (const id of accounts) await this.write(batch.filter((w) => w.charge.accountId === id));
      return;
    }
    this.opts.onSettled?.(charges, outcome);
    let refused = 0;
    for (const w of batch) {
      const row = outcome.get(w.charge.accountId);
      if (row) w.resolve(row);
      else {
        refused += 1;
        w.reject(new ChargeRefused(`account ${w.charge.accountId}`));
      }
    }
    this.opts.onFlush?.({ rows: batch.length - refused, refused, ms: performance.now() - started });
  }

  private fail(batch: readonly Waiting[], error: unknown): void {
    this.opts.onError?.(error);
    this.opts.onSettled?.(
      batch.map((w) => w.charge),
      new Map(batch.map((w) => [w.charge.accountId, null])),
    );
    for (const w of batch) w.reject(error);
  }
}
