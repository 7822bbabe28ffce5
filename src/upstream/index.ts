/** The upstream module's face (docs/architecture.md § Modules): sources, the gateway in front of them, and its parts. */
export type { Source, UpstreamFailure, UpstreamResult, UpstreamAccess, UpstreamAdapter, UnavailableDetail } from './source.js';
export { BAD_RESPONSE_DETAILS, UNAVAILABLE_DETAILS, FINAL_UNAVAILABLE_DETAILS } from './source.js';
export { SourceRouter, adapterOf, type OperationStatus, type Provenance, type RoutedResult } from './router.js';
export { parseSourceOrder, sourcesFor, type SourceOrder } from './source-order.js';
export type { ChartObservation, ChartObserver } from './chart-observer.js';
export {
  createUpstreamGateway,
  cacheKey,
  envelopeBytes,
  type UpstreamGateway,
  type UpstreamGatewayOptions,
  type GatewayResult,
  type CacheStatus,
  type UpstreamLogger,
} from './gateway.js';
export { MemoryResponseCache, STALE_WINDOW_SECONDS, type ResponseCache, type CacheEntry } from './cache.js';
export { RedisResponseCache, type RedisResponseCacheOptions } from './redis-cache.js';
export { CircuitBreaker, type Admission } from './circuit-breaker.js';
export { SingleFlight } from './single-flight.js';
export { planWindow, fetchWindow, type WindowPlan } from './windowing.js';
export { createCreativeCenterSource, type CreativeCenterSourceOptions } from './creative-center/source.js';
export { userSign } from './creative-center/sign.js';
export { operations } from './creative-center/operations/index.js';
export { createTikTokOneSource, type TikTokOneSourceOptions } from './tiktok-one/source.js';
export { tiktokOneOperations } from './tiktok-one/operations.js';
export { checkUpstream, formatCheckReport, type CheckReport, type CheckRow, type CheckAttempt, type CheckOutcome } from './check.js';
