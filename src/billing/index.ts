export type { CreditLedger } from './ledger.js';
export { TransactionalLedger, readSnapshot } from './transactional-ledger.js';
export { BatchedLedger } from './batched-ledger.js';
export { admit, applySplit, overageAllowed, type CreditSnapshot, type ReserveResult, type ChargeSplit } from './admission.js';
export { DEFAULT_PLANS, PlanCatalog, loadPlansFile, Plan } from './plans.js';
export { addMonths, periodAt, utcDay, nextUtcMidnight, rfc3339 } from './period.js';
export { gcra, MemoryRateLimiter, type RateLimiter, type RateDecision } from './rate-limit.js';
export { IdempotencyStore, IDEMPOTENCY_KEY, type IdempotencyStart, type StoredResponse } from './idempotency.js';
export { RedisRateLimiter } from './redis-rate-limit.js';
