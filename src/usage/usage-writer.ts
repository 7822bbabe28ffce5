import type { Store, UsageDailyTable, UsageEventsTable } from '../store/index.js';

/** Writes one batch of raw usage rows and its daily sums in one transaction. */
export type UsageWriter = (raw: readonly UsageEventsTable[], sums: readonly UsageDailyTable[]) => Promise<void>;

const EVENT_COLUMNS = [
  'request_id', 'time', 'account_id', 'key_id', 'operation_id', 'canonical_query', 'status', 'latency_ms',
  'credits', 'overage_credits', 'cache', 'upstream_source', 'ip', 'user_agent', 'source',
] as const satisfies ReadonlyArray<keyof UsageEventsTable>;
const DAILY_COLUMNS = [
  'account_id', 'key_id', 'operation_id', 'day', 'requests', 'successes', 'errors', 'credits', 'overage_credits', 'latency_ms_sum', 'cache_hits',
] as const satisfies ReadonlyArray<keyof UsageDailyTable>;
const DAILY_SUMS = DAILY_COLUMNS.slice(4);
const DAILY_KEY = DAILY_COLUMNS.slice(0, 4).join(', ');

/**
 * SQLite: the two statements are prepared once and run per row on better-sqlite3 (µs each), inside
 * Kysely's connection so no Kysely transaction is open around them.
 */
function sqliteWriter(store: Store): UsageWriter {
  const raw = store.sqlite;
  if (!raw) throw new Error('the SQLite usage writer needs an SQLite store');
  const event = raw.prepare(
    `INSERT INTO usage_events (${EVENT_COLUMNS.join(', ')}) VALUES (${EVENT_COLUMNS.map(() => '?').join(', ')}) ON CONFLICT (request_id) DO NOTHING`,
  );
  const daily = raw.prepare(
    `INSERT INTO usage_daily (${DAILY_COLUMNS.join(', ')}) VALUES (${DAILY_COLUMNS.map(() => '?').join(', ')})
     ON CONFLICT (${DAILY_KEY}) DO UPDATE SET ${DAILY_SUMS.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')}`,
  );
  const run = raw.transaction((rows: readonly UsageEventsTable[], sums: readonly UsageDailyTable[]) => {
    // Positional parameters: binding by name costs a lookup per column and row.
    for (const row of rows) event.run(EVENT_COLUMNS.map((c) => row[c]));
    for (const sum of sums) daily.run(DAILY_COLUMNS.map((c) => sum[c]));
  });
  return (rows, sums) => store.db.connection().execute(async () => run(rows, sums));
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
