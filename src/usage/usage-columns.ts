import type { UsageDailyTable, UsageEventsTable } from '../store/index.js';

/** The columns the batch writers fill, in the order of their positional parameters. */
export const EVENT_COLUMNS = [
  'request_id', 'time', 'account_id', 'key_id', 'operation_id', 'canonical_query', 'status', 'latency_ms',
  'credits', 'overage_credits', 'cache', 'upstream_source', 'ip', 'user_agent', 'source',
] as const satisfies ReadonlyArray<keyof UsageEventsTable>;
export const DAILY_COLUMNS = [
  'account_id', 'key_id', 'operation_id', 'day', 'requests', 'successes', 'errors', 'credits', 'overage_credits', 'latency_ms_sum', 'cache_hits',
] as const satisfies ReadonlyArray<keyof UsageDailyTable>;
export const DAILY_SUMS = DAILY_COLUMNS.slice(4);
export const DAILY_KEY = DAILY_COLUMNS.slice(0, 4).join(', ');
