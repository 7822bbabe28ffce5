import type { Store, UsageDailyTable, UsageEventsTable } from '../store/index.js';
import { prepare as prepareSqliteFlush, sqliteUsageFlush } from './sqlite-usage-flush.js';
import { DAILY_COLUMNS, DAILY_KEY, DAILY_SUMS, EVENT_COLUMNS } from './usage-columns.js';

/** Writes one batch of raw usage rows and its daily sums in one transaction. */
export type UsageWriter = (raw: readonly UsageEventsTable[], sums: readonly UsageDailyTable[]) => Promise<void>;

/**
 * SQLite: on the store's write thread when it has one (a file), else on this thread (`:memory:`),
 * inside Kysely's one connection so no Kysely transaction is open around it.
 */
function sqliteWriter(store: Store): UsageWriter {
  const thread = store.writeThread;
  if (thread) return (rows, sums) => thread.run<void>(sqliteUsageFlush, rows, sums);
  if (!store.sqlite) throw new Error('the SQLite usage writer needs an SQLite store');
  const flush = prepareSqliteFlush(store.sqlite);
  return (rows, sums) => store.db.connection().execute(async () => flush(rows, sums));
}

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
  return store.dialect === 'sqlite' ? sqliteWriter(store) : postgresWriter(store);
}
