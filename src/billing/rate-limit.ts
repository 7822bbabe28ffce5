import type { Clock } from '../clock.js';

/** One rate-limit decision, enough for the rate-limit headers and the 429 body (docs/api-contract.md § Headers, § Billing rejections). */
export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until `remaining` is back to `limit`. */
  resetSeconds: number;
  /** Seconds until the next request would be allowed (0 when allowed). */
  retryAfterSeconds: number;
}

/** Rate limiter behind one interface: in-process here, Redis when instances share limits. */
export interface RateLimiter {
  /** Counts one request for `key` against `limit` per 60 s. */
  hit(key: string, limit: number): Promise<RateDecision>;
}

const WINDOW_MS = 60_000;

/**
 * GCRA (docs/api-contract.md § Rate limits): `limit` requests per 60 s with a burst of `limit`. State is one number per key,
 * the theoretical arrival time, so it costs nothing to keep and never drifts.
 */
export function gcra(tat: number | undefined, now: number, limit: number): { decision: RateDecision; tat: number } {
  const interval = WINDOW_MS / limit;
  const base = Math.max(tat ?? now, now);
  const next = base + interval;
  const allowAt = next - limit * interval;
  if (now < allowAt) {
    return {
      tat: base,
      decision: {
        allowed: false,
        limit,
        remaining: 0,
        resetSeconds: Math.ceil((base - now) / 1000),
        retryAfterSeconds: Math.max(1, Math.ceil((allowAt - now) / 1000)),
      },
    };
  }
  return {
    tat: next,
    decision: {
      allowed: true,
      limit,
      // The epsilon absorbs floating-point error: at 100,000/min, 0.6 ms intervals divide inexactly.
      remaining: Math.min(limit, Math.floor((now - allowAt) / interval + 1e-9)),
      resetSeconds: Math.ceil((next - now) / 1000),
      retryAfterSeconds: 0,
    },
  };
}

/** GCRA state in this process's memory: exact for one instance. */
export class MemoryRateLimiter implements RateLimiter {
  private readonly tats = new Map<string, number>();

  constructor(private readonly clock: Clock) {}

  async hit(key: string, limit: number): Promise<RateDecision> {
    const now = this.clock.now();
    const { decision, tat } = gcra(this.tats.get(key), now, limit);
    this.tats.set(key, tat);
    if (this.tats.size > 100_000) this.sweep(now);
    return decision;
  }

  /** Drops keys whose arrival time has passed: they are indistinguishable from new keys. */
  private sweep(now: number): void {
    for (const [key, tat] of this.tats) if (tat <= now) this.tats.delete(key);
  }
}
