export { createUsageStore, RAW_RETENTION_MS, DAILY_RETENTION_MONTHS, type UsageEvent, type UsageStore, type UsageStoreOptions } from './usage-store.js';
export {
  daysOf,
  decodeCursor,
  encodeCursor,
  type DailyUsage,
  type EndpointUsage,
  type RequestsCursor,
  type RequestsPage,
  type RequestsQuery,
  type StatusFilter,
  type UsageEventRow,
  type UsageRange,
  type UsageSummary,
} from './queries.js';
