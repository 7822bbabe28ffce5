export {
  metricsRegistry,
  requestsTotal,
  requestDuration,
  upstreamCallsTotal,
  cacheLookupsTotal,
  cacheHitRatio,
  creditsChargedTotal,
  ledgerFlushSize,
  ledgerFlushDuration,
  webhookDeliveriesTotal,
  authThrottledTotal,
  observeLedgerFlush,
  countWebhookDelivery,
  countUpstreamCall,
  type UpstreamCallOutcome,
} from './registry.js';
export { recordRequestMetrics } from './http-hook.js';
export { registerMetricsRoute, startMetricsServer } from './expose.js';
