import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The process's one metrics registry. Module-level on purpose: any module records into it with a
 * plain import, and `/metrics` serves it, without threading a handle through every constructor.
 */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry, prefix: 'trendlens_' });

/** Answered requests by operation (catalog operation id, else the route pattern) and status. */
export const requestsTotal = new Counter({
  name: 'trendlens_http_requests_total',
  help: 'HTTP requests answered, by operation and status code',
  labelNames: ['operation', 'status'] as const,
  registers: [metricsRegistry],
});

/** Time from request received to response sent, by operation. */
export const requestDuration = new Histogram({
  name: 'trendlens_http_request_duration_seconds',
  help: 'Time to answer a request, by operation',
  labelNames: ['operation'] as const,
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 25],
  registers: [metricsRegistry],
});

/**
 * HTTP calls that reached an upstream (README.md § Operating in public), by adapter and outcome:
 * every attempt counts, retries and the calls of a source that failed before another answered included.
 */
export const upstreamCallsTotal = new Counter({
  name: 'trendlens_upstream_calls_total',
  help: 'HTTP calls made to an upstream, each retry included, by adapter and outcome (ok, bad_response, unavailable, timeout)',
  labelNames: ['adapter', 'outcome'] as const,
  registers: [metricsRegistry],
});

/** Response cache lookups of API requests, by result (HIT, MISS, STALE). */
export const cacheLookupsTotal = new Counter({
  name: 'trendlens_cache_lookups_total',
  help: 'Response cache results of answered API requests, from X-Cache',
  labelNames: ['result'] as const,
  registers: [metricsRegistry],
});

/** HIT / all lookups since start, for dashboards without PromQL; rate() over the counter is better. */
export const cacheHitRatio = new Gauge({
  name: 'trendlens_cache_hit_ratio',
  help: 'Share of answered API requests served from the cache since the process started',
  registers: [metricsRegistry],
  async collect() {
    const { values } = await cacheLookupsTotal.get();
    const total = values.reduce((sum, v) => sum + v.value, 0);
    const hits = values.find((v) => v.labels.result === 'HIT')?.value ?? 0;
    this.set(total === 0 ? 0 : hits / total);
  },
});

/** Credits charged, from `X-Credits-Charged`, by operation. */
export const creditsChargedTotal = new Counter({
  name: 'trendlens_credits_charged_total',
  help: 'Credits charged for answered API requests, by operation',
  labelNames: ['operation'] as const,
  registers: [metricsRegistry],
});

/** Rows written per credit ledger batch. */
export const ledgerFlushSize = new Histogram({
  name: 'trendlens_ledger_flush_rows',
  help: 'Credit operations written per ledger batch',
  buckets: [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000],
  registers: [metricsRegistry],
});

/** Time to write one credit ledger batch. */
export const ledgerFlushDuration = new Histogram({
  name: 'trendlens_ledger_flush_duration_seconds',
  help: 'Time to write one credit ledger batch',
  buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
  registers: [metricsRegistry],
});

/** Webhook delivery attempts, by outcome. */
export const webhookDeliveriesTotal = new Counter({
  name: 'trendlens_webhook_deliveries_total',
  help: 'Webhook delivery attempts, by outcome (delivered, failed, gave_up)',
  labelNames: ['outcome'] as const,
  registers: [metricsRegistry],
});

/** Sign-ups and sign-ins refused by the abuse limits, by limit. */
export const authThrottledTotal = new Counter({
  name: 'trendlens_auth_throttled_total',
  help: 'Sign-ups and sign-ins refused by a throttle or the password hashing pool, by reason',
  labelNames: ['reason'] as const,
  registers: [metricsRegistry],
});

/** For the ledger's batch writer: one batch of `rows` operations took `seconds`. */
export function observeLedgerFlush(rows: number, seconds: number): void {
  ledgerFlushSize.observe(rows);
  ledgerFlushDuration.observe(seconds);
}

/** How one upstream call ended, as the adapter judged its answer. */
export type UpstreamCallOutcome = 'ok' | 'bad_response' | 'unavailable' | 'timeout';

/** For the adapters' transport: one HTTP call to `adapter`'s upstream ended with `outcome`. */
export function countUpstreamCall(adapter: string, outcome: UpstreamCallOutcome): void {
  upstreamCallsTotal.inc({ adapter, outcome });
}

/** For the webhook dispatcher: one delivery attempt ended with `outcome`. */
export function countWebhookDelivery(outcome: 'delivered' | 'failed' | 'gave_up'): void {
  webhookDeliveriesTotal.inc({ outcome });
}
