export { CreditLedger, overageAllowed, type CreditSnapshot, type ReserveResult } from './credits.js';
export { DEFAULT_PLANS, PlanCatalog, loadPlansFile, Plan } from './plans.js';
export { addMonths, periodAt, utcDay, nextUtcMidnight, rfc3339 } from './period.js';
export { gcra, MemoryRateLimiter, type RateLimiter, type RateDecision } from './rate-limit.js';
