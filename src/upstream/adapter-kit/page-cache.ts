import type { Clock } from '../../clock.js';
import { SingleFlight } from '../single-flight.js';

export interface PageCacheOptions {
  clock: Clock;
  /** How long one upstream page is reused across overlapping windows (default 60 s; 0 turns reuse off). */
  ttlMs?: number;
  /** Upstream pages kept for reuse; the oldest go first (default 2,000). */
  maxEntries?: number;
}

/**
 * An adapter's short-lived reuse of upstream pages (docs/upstreams.md § How the client behaves):
 * concurrent loads of one key share a single call, and successful answers are kept for `ttlMs` so
 * overlapping windows do not fetch the same page twice. Failures are never kept.
 */
export class PageCache<R extends { ok: boolean }> {
  private readonly clock: Clock;
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly pages = new Map<string, { result: R; expiresAt: number }>();
  private readonly flights = new SingleFlight<R>();

  constructor(opts: PageCacheOptions) {
    this.clock = opts.clock;
    this.ttlMs = opts.ttlMs ?? 60_000;
    this.maxEntries = opts.maxEntries ?? 2_000;
  }

  /** The kept answer for `key` while fresh; otherwise `load`'s, joined with any load of `key` already running. */
  get(key: string, load: () => Promise<R>): Promise<R> {
    const cached = this.pages.get(key);
    if (cached && cached.expiresAt > this.clock.now()) return Promise.resolve(cached.result);
    return this.flights.run(key, async () => {
      const result = await load();
      if (result.ok && this.ttlMs > 0) this.remember(key, result);
      return result;
    });
  }

  clear(): void {
    this.pages.clear();
  }

  private remember(key: string, result: R): void {
    this.pages.delete(key);
    this.pages.set(key, { result, expiresAt: this.clock.now() + this.ttlMs });
    for (const oldest of this.pages.keys()) {
      if (this.pages.size <= this.maxEntries) break;
      this.pages.delete(oldest);
    }
  }
}
