import { setTimeout as sleep } from 'node:timers/promises';
import type { UpstreamFailure } from '../source.js';
import type { Exchange } from './transport.js';

/** The least budget worth starting an upstream attempt with. */
const MIN_ATTEMPT_MS = 20;

/** A call that produced no usable answer. */
export type CallFailed = { ok: false; failure: UpstreamFailure };

/**
 * What the retry loop does after one attempt: stop with `result`; retry after a backoff, spending
 * one retry (and ending with `failure` when none is left); or go `again` at once without spending
 * one (an adapter's own repair, such as a re-sign, which must bound itself).
 */
export type Verdict<R> = { next: 'done'; result: R } | { next: 'retry'; failure: UpstreamFailure } | { next: 'again' };

export interface RetryPolicy {
  /** Extra attempts after a network error, timeout or 5xx (bounded; default 2). */
  retries?: number;
  /** Delay before retry number `attempt` (0-based); injectable so tests do not wait. */
  backoff?: (attempt: number) => number;
}

export interface CallBudget {
  /** `performance.now()` milliseconds after which no attempt starts (the request budget). */
  deadline: number;
  /** Per-attempt timeout; an attempt gets the smaller of it and what is left of the budget. */
  timeoutMs: number;
  signal?: AbortSignal;
}

/** Exponential backoff with jitter: about 250 ms, 500 ms, 1 s … capped at 2 s, each 50–100 %. */
export function exponentialBackoff(attempt: number): number {
  const base = Math.min(2000, 250 * 2 ** attempt);
  return base / 2 + Math.random() * (base / 2);
}

/**
 * Runs `attempt` until its verdict is `done`, the retries are spent, the budget would run out
 * during the next backoff, or the signal aborts; `attempt` is handed its timeout.
 */
export async function callWithRetries<R>(
  policy: RetryPolicy,
  budget: CallBudget,
  attempt: (timeoutMs: number) => Promise<Verdict<R>>,
): Promise<R | CallFailed> {
  const backoff = policy.backoff ?? exponentialBackoff;
  let retriesLeft = policy.retries ?? 2;
  for (let attemptNo = 0; ; ) {
    const remaining = budget.deadline - performance.now();
    // An attempt with only a sliver of budget left cannot succeed; it would only cost the upstream a call.
    if (remaining < MIN_ATTEMPT_MS || budget.signal?.aborted) return { ok: false, failure: { kind: 'timeout' } };
    const verdict = await attempt(Math.min(budget.timeoutMs, remaining));
    if (verdict.next === 'done') return verdict.result;
    if (verdict.next === 'again') continue;
    if (retriesLeft <= 0) return { ok: false, failure: verdict.failure };
    const delay = backoff(attemptNo++);
    if (performance.now() + delay >= budget.deadline) return { ok: false, failure: verdict.failure };
    retriesLeft--;
    if (delay > 0) {
      try {
        await sleep(delay, undefined, { signal: budget.signal });
      } catch {
        return { ok: false, failure: verdict.failure };
      }
    }
  }
}

/** The verdict on an exchange that brought no response: timeouts and network errors are retried, an oversized body is not. */
export function judgeFailedExchange(exchange: Exclude<Exchange, { type: 'response' }>): Verdict<CallFailed> {
  switch (exchange.type) {
    case 'timeout':
      return { next: 'retry', failure: { kind: 'timeout' } };
    case 'too_large':
      return { next: 'done', result: { ok: false, failure: { kind: 'bad_response', detail: 'upstream_error', message: `body over ${exchange.bytes} bytes` } } };
    case 'network':
      return {
        next: 'retry',
        failure: exchange.connectFailed
          ? { kind: 'unavailable', detail: 'connect_failed' }
          : { kind: 'bad_response', detail: 'upstream_error', message: exchange.message },
      };
  }
}
