import type { Clock } from '../../clock.js';
import type { RetryPolicy } from './retries.js';

/** What every adapter is configured with, whichever upstream it speaks. */
export interface AdapterOptions extends RetryPolicy {
  /** The operator's logged-in session cookie strings, used round-robin. */
  cookies?: readonly string[];
  userAgent?: string;
  /** Per-call timeout (docs/api-contract.md § Upstream outcomes and caching: 10 s). */
  timeoutMs?: number;
  /** Whole-request budget across pages and retries (docs/api-contract.md § Upstream outcomes and caching: 25 s). */
  budgetMs?: number;
  clock?: Clock;
  /** How long one upstream page is reused across overlapping windows (default 60 s). */
  pageCacheTtlMs?: number;
  /** Upstream pages kept for reuse (default 2,000). */
  pageCacheEntries?: number;
}
