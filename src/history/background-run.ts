import type { Clock } from '../clock.js';
import type { Collector } from './collector.js';
import type { RunView } from './views.js';


/**
 * "Collect now" from the Console: `trendlens collect run` in the background. It takes the same
 * cross-instance lock as the scheduler, so it never overlaps a collection here or on another
 * instance; its progress is the collector's own.
 */
export class BackgroundRun {
  private running = false;
  private startedAt: number | null = null;
  private finishedAt: number | null = null;
  private done = 0;
  private total = 0;
  private failed = 0;
  private work: Promise<void> | null = null;

  constructor(
    private readonly collector: Collector,
    private readonly clock: Clock,
    private readonly onError: (error: unknown) => void,
  ) {}

  view(): RunView {
    const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
    return { running: this.running, started_at: iso(this.startedAt), finished_at: iso(this.finishedAt), done: this.done, total: this.total, failed: this.failed };
  }

  /**
   * Starts a collection of every target and resolves once it holds the lock, with its view; null when
   * another collection holds the lock. The collection itself goes on in the background.
   */
  start(): Promise<RunView | null> {
    if (this.running) return Promise.resolve(null);
    return new Promise<RunView | null>((resolve, reject) => {
      let started = false;
      this.work = this.collector
        .runAll({
          onStart: (total) => {
            started = true;
            this.running = true;
            this.startedAt = this.clock.now();
            this.finishedAt = null;
            this.done = 0;
            this.total = total;
            this.failed = 0;
            resolve(this.view());
          },
          onProgress: (done, _total, outcome) => {
            this.done = done;
            if (outcome.status === 'failed') this.failed++;
          },
        })
        .then(
          (outcomes) => {
            if (outcomes === null) resolve(null);
          },
          (error: unknown) => {
            if (started) this.onError(error);
            else reject(error);
          },
        )
        .finally(() => {
          if (started) {
            this.running = false;
            this.finishedAt = this.clock.now();
          }
          this.work = null;
        });
    });
  }

  /** Resolves once no collection started here is running (shutdown waits for it). */
  async idle(): Promise<void> {
    await this.work;
  }
}
