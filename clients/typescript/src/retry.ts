/**
 * Statuses worth retrying: the rate limit (429) and an upstream that is down for now (503). A 503
 * without `Retry-After` is down for good (`deprecated`, `login_required`, `not_available`,
 * `upstream_retired`) and is returned at once.
 */
export const RETRIED_STATUSES: ReadonlySet<number> = new Set([429, 503]);

function worthRetrying(response: Response): boolean {
  if (!RETRIED_STATUSES.has(response.status)) return false;
  return response.status !== 503 || response.headers.has('retry-after');
}

export interface RetryOptions {
  /** Extra attempts after the first (default 2; 0 turns retrying off). */
  retries: number;
  /** A wait longer than this is not worth it: the answer is returned instead (default 60 s). */
  maxDelayMs: number;
  /** Waits `ms`; injected by tests, `setTimeout` otherwise. */
  sleep: (ms: number) => Promise<void>;
}

/** How long `Retry-After` asks to wait, in ms: delta seconds or an HTTP date; one second when absent. */
export function retryDelayMs(response: Response, now: number = Date.now()): number {
  const header = response.headers.get('retry-after');
  if (header === null) return 1_000;
  if (/^[0-9]+$/.test(header.trim())) return Number(header.trim()) * 1_000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? 1_000 : Math.max(0, at - now);
}

/**
 * A fetch that retries 429 and a passing 503 after the server's `Retry-After`. The request is cloned per attempt,
 * so its headers, an `Idempotency-Key` among them, go out unchanged: a retried request is never
 * charged twice when it carries one.
 */
export function retryingFetch(base: (request: Request) => Promise<Response>, opts: RetryOptions): (request: Request) => Promise<Response> {
  return async (request) => {
    for (let attempt = 0; ; attempt++) {
      const response = await base(attempt < opts.retries ? request.clone() : request);
      if (!worthRetrying(response) || attempt >= opts.retries) return response;
      const delay = retryDelayMs(response);
      if (delay > opts.maxDelayMs) return response;
      await response.body?.cancel();
      await opts.sleep(delay);
    }
  };
}
