import { sqliteBatch, type Store, type UsageDailyTable, type UsageEventsTable } from '../store/index.js';
import * as sqliteUsageFlush from './sqlite-usage-flush.js';
import { DAILY_COLUMNS, DAILY_KEY, DAILY_SUMS, EVENT_COLUMNS } from './usage-columns.js';

/** Writes one batch of raw usage rows and its daily sums in one transaction. */
export type UsageWriter = (raw: readonly UsageEventsTable[], sums: readonly UsageDailyTable[]) => Promise<void>;

const PG_TYPES: Record<string, string> = {
  request_id: 'text', time: 'bigint', account_id: 'text', key_id: 'text', operation_id: 'text', canonical_query: 'text', status: 'integer',
  latency_ms: 'bigint', credits: 'bigint', overage_credits: 'bigint', cache: 'text', upstream_source: 'text', ip: 'text', user_agent: 'text',
  source: 'text', day: 'text', requests: 'bigint', successes: 'bigint', errors: 'bigint', latency_ms_sum: 'bigint', cache_hits: 'bigint',
};

const unnest = (columns: readonly string[], from: number) => `SELECT * FROM unnest(${columns.map((c, i) => `$${from + i}::${PG_TYPES[c]}[]`).join(', ')})`;

/**
 * PostgreSQL: one named statement per batch, whatever its size, with the rows as arrays; the two
 * inserts are data-modifying CTEs of one statement, so a batch is one round trip and one commit.
 */
function postgresWriter(store: Store): UsageWriter {
  const pool = store.pool;
  if (!pool) throw new Error('the PostgreSQL usage writer needs a PostgreSQL store');
  const text = `WITH events AS (
      INSERT INTO usage_events (${EVENT_COLUMNS.join(', ')}) ${unnest(EVENT_COLUMNS, 1)} ON CONFLICT (request_id) DO NOTHING
    ), daily AS (
      INSERT INTO usage_daily (${DAILY_COLUMNS.join(', ')}) ${unnest(DAILY_COLUMNS, EVENT_COLUMNS.length + 1)}
      ON CONFLICT (${DAILY_KEY}) DO UPDATE SET ${DAILY_SUMS.map((c) => `${c} = usage_daily.${c} + excluded.${c}`).join(', ')}
    )
    SELECT 1`;
  return async (rows, sums) => {
    const values = [...EVENT_COLUMNS.map((c) => rows.map((r) => r[c])), ...DAILY_COLUMNS.map((c) => sums.map((r) => r[c]))];
    await pool.query({ name: 'trendlens_usage_batch', text, values });
  };
}

/** The usage writer for the store's dialect. */
export function usageWriter(store: Store): UsageWriter {
  return store.dialect === 'sqlite' ? sqliteBatch(store, sqliteUsageFlush) : postgresWriter(store);
}
