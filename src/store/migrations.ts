import { sql, type Kysely, type Migration, type SelectQueryBuilder } from 'kysely';
import type { StoreDialect } from './connect.js';

/**
 * One migration set for SQLite and PostgreSQL. Append new entries; never edit a released one.
 * `BIGINT` holds millisecond timestamps on PostgreSQL; SQLite stores any INTEGER in 64 bits.
 */
export function migrations(dialect: StoreDialect): Record<string, Migration> {
  return {
  '0001_accounts_keys_credits': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('accounts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('email', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text')
        .addColumn('password_hash', 'text')
        .addColumn('plan_id', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('period_start', 'bigint', (c) => c.notNull())
        .addColumn('period_end', 'bigint', (c) => c.notNull())
        .addColumn('credits_balance', 'bigint', (c) => c.notNull().check(sql`credits_balance >= 0`))
        .addColumn('credits_used', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('overage_credits', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('allow_overage', 'integer')
        .addColumn('hard_limit_credits', 'bigint')
        .execute();

      await db.schema
        .createTable('api_keys')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('key_hash', 'text', (c) => c.notNull().unique())
        .addColumn('key_prefix', 'text', (c) => c.notNull())
        .addColumn('key_suffix', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addColumn('rotated_at', 'bigint')
        .addColumn('expires_at', 'bigint')
        .addColumn('revoked_at', 'bigint')
        .addColumn('last_used_at', 'bigint')
        .addColumn('last_used_ip', 'text')
        .execute();
      await db.schema.createIndex('api_keys_account').on('api_keys').column('account_id').execute();

      await db.schema
        .createTable('credit_ledger')
        // SQLite's INTEGER PRIMARY KEY is the auto-assigned rowid; PostgreSQL needs an identity.
        .addColumn('id', dialect === 'postgres' ? 'bigserial' : 'integer', (c) => c.primaryKey())
        .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
        .addColumn('reference', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('amount', 'bigint', (c) => c.notNull())
        .addColumn('overage', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('credit_ledger_account').on('credit_ledger').columns(['account_id', 'id']).execute();
      // A request is reserved once and released at most once; a period opens once.
      await db.schema
        .createIndex('credit_ledger_reference_kind')
        .on('credit_ledger')
        .columns(['account_id', 'reference', 'kind'])
        .unique()
        .execute();

      await db.schema
        .createTable('credit_reservations')
        .addColumn('request_id', 'text', (c) => c.primaryKey())
        .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
        .addColumn('amount', 'bigint', (c) => c.notNull())
        .addColumn('overage', 'bigint', (c) => c.notNull())
        .addColumn('day', 'text', (c) => c.notNull())
        .addColumn('period_start', 'bigint', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('settled_at', 'bigint')
        .execute();
      await db.schema
        .createIndex('credit_reservations_held')
        .on('credit_reservations')
        .columns(['status', 'created_at'])
        .execute();

      await db.schema
        .createTable('daily_credit_usage')
        .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
        .addColumn('day', 'text', (c) => c.notNull())
        .addColumn('credits', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('daily_credit_usage_pk', ['account_id', 'day'])
        .execute();
    },
  },
  '0002_sessions_usage_idempotency': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('sessions')
        // SHA-256 hex of the cookie's 256-bit id: a leaked table holds no usable session.
        .addColumn('id_hash', 'text', (c) => c.primaryKey())
        .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
        .addColumn('csrf_token', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('last_seen_at', 'bigint', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .addColumn('ip', 'text')
        .addColumn('user_agent', 'text')
        .execute();
      await db.schema.createIndex('sessions_account').on('sessions').column('account_id').execute();
      await db.schema.createIndex('sessions_expires').on('sessions').column('expires_at').execute();

      await db.schema
        .createTable('sign_in_failures')
        .addColumn('id', dialect === 'postgres' ? 'bigserial' : 'integer', (c) => c.primaryKey())
        // `email:<address>` or `ip:<address>`.
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('sign_in_failures_subject').on('sign_in_failures').columns(['subject', 'created_at']).execute();

      await db.schema
        .createTable('usage_events')
        .addColumn('request_id', 'text', (c) => c.primaryKey())
        .addColumn('time', 'bigint', (c) => c.notNull())
        .addColumn('account_id', 'text')
        .addColumn('key_id', 'text')
        .addColumn('operation_id', 'text', (c) => c.notNull())
        .addColumn('canonical_query', 'text', (c) => c.notNull())
        .addColumn('status', 'integer', (c) => c.notNull())
        .addColumn('latency_ms', 'integer', (c) => c.notNull())
        .addColumn('credits', 'bigint', (c) => c.notNull())
        .addColumn('overage_credits', 'bigint', (c) => c.notNull())
        .addColumn('cache', 'text')
        .addColumn('upstream_source', 'text')
        .addColumn('ip', 'text', (c) => c.notNull())
        .addColumn('user_agent', 'text')
        .addColumn('source', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('usage_events_account_time').on('usage_events').columns(['account_id', 'time', 'request_id']).execute();
      await db.schema.createIndex('usage_events_time').on('usage_events').column('time').execute();

      await db.schema
        .createTable('usage_daily')
        .addColumn('account_id', 'text', (c) => c.notNull())
        // '' when the request had no key, so the primary key needs no NULL.
        .addColumn('key_id', 'text', (c) => c.notNull())
        .addColumn('operation_id', 'text', (c) => c.notNull())
        .addColumn('day', 'text', (c) => c.notNull())
        .addColumn('requests', 'bigint', (c) => c.notNull())
        .addColumn('successes', 'bigint', (c) => c.notNull())
        .addColumn('errors', 'bigint', (c) => c.notNull())
        .addColumn('credits', 'bigint', (c) => c.notNull())
        .addColumn('overage_credits', 'bigint', (c) => c.notNull())
        .addColumn('latency_ms_sum', 'bigint', (c) => c.notNull())
        .addColumn('cache_hits', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('usage_daily_pk', ['account_id', 'key_id', 'operation_id', 'day'])
        .execute();
      await db.schema.createIndex('usage_daily_account_day').on('usage_daily').columns(['account_id', 'day']).execute();
      await db.schema.createIndex('usage_daily_day').on('usage_daily').column('day').execute();

      await db.schema
        .createTable('idempotency_records')
        .addColumn('account_id', 'text', (c) => c.notNull())
        .addColumn('idem_key', 'text', (c) => c.notNull())
        .addColumn('fingerprint', 'text', (c) => c.notNull())
        .addColumn('status', 'integer', (c) => c.notNull())
        .addColumn('headers', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('idempotency_records_pk', ['account_id', 'idem_key'])
        .execute();
      await db.schema.createIndex('idempotency_records_expires').on('idempotency_records').column('expires_at').execute();
    },
  },
  '0004_account_lifecycle': {
    async up(db: Kysely<any>) {
      // null until the address is proven; accounts made before this migration count as verified.
      await db.schema.alterTable('accounts').addColumn('email_verified_at', 'bigint').execute();
      await db.updateTable('accounts').set({ email_verified_at: sql`created_at` }).execute();

      await db.schema
        .createTable('invites')
        // SHA-256 hex of the code: the table alone lets nobody sign up.
        .addColumn('code_hash', 'text', (c) => c.primaryKey())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .addColumn('used_at', 'bigint')
        .addColumn('used_by', 'text')
        .addColumn('note', 'text')
        .execute();

      await db.schema
        .createTable('account_tokens')
        // One-time reset and verification links, stored as the SHA-256 of the link's token.
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
        .addColumn('purpose', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .addColumn('used_at', 'bigint')
        .execute();
      await db.schema.createIndex('account_tokens_account').on('account_tokens').columns(['account_id', 'purpose']).execute();

      await db.schema
        .createTable('plan_requests')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
        .addColumn('plan_id', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('decided_at', 'bigint')
        .execute();
      await db.schema.createIndex('plan_requests_status').on('plan_requests').columns(['status', 'created_at']).execute();
      await db.schema.createIndex('plan_requests_account').on('plan_requests').column('account_id').execute();
    },
  },
  '0005_history': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('history_charts')
        // The chart's canonical params without paging, e.g. `tiktok-popular-trend-hashtag?country_code=US&period=7`.
        .addColumn('chart_key', 'text', (c) => c.primaryKey())
        .addColumn('operation_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('country_code', 'text')
        .addColumn('period', 'integer')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('history_charts_lookup').on('history_charts').columns(['kind', 'country_code', 'period']).execute();

      await db.schema
        .createTable('history_days')
        .addColumn('chart_key', 'text', (c) => c.notNull())
        .addColumn('day', 'text', (c) => c.notNull())
        // The whole chart's size as the answer said; with `entries` it tells whether the day is complete.
        .addColumn('total', 'integer')
        .addColumn('entries', 'integer', (c) => c.notNull())
        .addColumn('captured_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('history_days_pk', ['chart_key', 'day'])
        .execute();
      await db.schema.createIndex('history_days_day').on('history_days').column('day').execute();

      await db.schema
        .createTable('history_entries')
        .addColumn('chart_key', 'text', (c) => c.notNull())
        .addColumn('day', 'text', (c) => c.notNull())
        .addColumn('entry_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('rank', 'integer', (c) => c.notNull())
        // JSON object of the entry's numeric fields (publish_cnt, video_views, …).
        .addColumn('metrics', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('history_entries_pk', ['chart_key', 'day', 'entry_id'])
        .execute();
      await db.schema.createIndex('history_entries_entry').on('history_entries').columns(['chart_key', 'entry_id', 'day']).execute();
      await db.schema.createIndex('history_entries_name').on('history_entries').columns(['chart_key', 'name']).execute();
      await db.schema.createIndex('history_entries_day').on('history_entries').column('day').execute();

      await db.schema
        .createTable('collect_targets')
        // The chart key the target collects; one row per chart.
        .addColumn('chart_key', 'text', (c) => c.primaryKey())
        .addColumn('chart', 'text', (c) => c.notNull())
        .addColumn('country_code', 'text')
        .addColumn('period', 'integer')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('collect_runs')
        .addColumn('chart_key', 'text', (c) => c.notNull())
        .addColumn('day', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('next_attempt_at', 'bigint')
        .addColumn('last_error', 'text')
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('collect_runs_pk', ['chart_key', 'day'])
        .execute();

      await db.schema
        .createTable('webhook_endpoints')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
        .addColumn('url', 'text', (c) => c.notNull())
        // Needed in the clear to sign deliveries; shown to its owner once, at creation.
        .addColumn('secret', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('consecutive_failures', 'integer', (c) => c.notNull())
        .addColumn('disabled_at', 'bigint')
        .addColumn('disabled_reason', 'text')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('webhook_endpoints_account').on('webhook_endpoints').column('account_id').execute();

      await db.schema
        .createTable('watches')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
        .addColumn('endpoint_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('chart', 'text', (c) => c.notNull())
        .addColumn('chart_key', 'text', (c) => c.notNull())
        .addColumn('country_code', 'text')
        .addColumn('period', 'integer')
        .addColumn('name', 'text')
        .addColumn('top_n', 'integer')
        .addColumn('min_change', 'integer')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('watches_account').on('watches').column('account_id').execute();
      await db.schema.createIndex('watches_chart').on('watches').column('chart_key').execute();

      await db.schema
        .createTable('watch_matches')
        .addColumn('watch_id', 'text', (c) => c.notNull())
        // `<day>|<entry id>`: a watch fires once per entry per day, however often the chart is seen.
        .addColumn('match_key', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('watch_matches_pk', ['watch_id', 'match_key'])
        .execute();

      await db.schema
        .createTable('webhook_deliveries')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('endpoint_id', 'text', (c) => c.notNull())
        .addColumn('account_id', 'text', (c) => c.notNull())
        .addColumn('watch_id', 'text')
        .addColumn('event_type', 'text', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('next_attempt_at', 'bigint')
        .addColumn('last_status_code', 'integer')
        .addColumn('last_error', 'text')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addColumn('delivered_at', 'bigint')
        .execute();
      await db.schema.createIndex('webhook_deliveries_due').on('webhook_deliveries').columns(['status', 'next_attempt_at']).execute();
      await db.schema.createIndex('webhook_deliveries_endpoint').on('webhook_deliveries').columns(['endpoint_id', 'created_at']).execute();
    },
  },
  '0006_operators': {
    async up(db: Kysely<any>) {
      // 0/1 like the other flags, so both dialects read it the same; nobody is an operator until marked.
      await db.schema.alterTable('accounts').addColumn('is_operator', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    },
  },
  '0007_history_name_key': {
    async up(db: Kysely<any>) {
      // SQLite's lower() folds only ASCII, so names are folded in JavaScript once, as they are written.
      await db.schema.alterTable('history_entries').addColumn('name_key', 'text', (c) => c.notNull().defaultTo('')).execute();
      const names = await db.selectFrom('history_entries').select('name').distinct().execute();
      for (const { name } of names as Array<{ name: string }>) {
        // The form src/history/snapshots.ts `nameKey` writes.
        await db.updateTable('history_entries').set({ name_key: name.normalize('NFC').toLowerCase() }).where('name', '=', name).execute();
      }
      await db.schema.dropIndex('history_entries_name').execute();
      await db.schema.createIndex('history_entries_name_key').on('history_entries').columns(['chart_key', 'name_key']).execute();
    },
  },
  '0008_history_merge_hashtags_by_name': {
    async up(db: Kysely<any>) {
      // Kysely runs PostgreSQL's pending migrations in one transaction, SQLite's bare (it takes SQLite
      // for a database without transactional DDL): this one holds its own there, so a kill leaves the
      // old state. Killed after that commit but before Kysely records it, it runs again and finds
      // nothing left to do.
      await (db.isTransaction ? mergeHashtagsByName(db) : db.transaction().execute(mergeHashtagsByName));
    },
  },
  '0009_webhook_endpoint_lanes': {
    async up(db: Kysely<any>) {
      // Until when an instance is attempting one of the endpoint's deliveries (src/history/webhooks.ts):
      // the one-at-a-time lane per endpoint, held in the database so it holds across instances.
      await db.schema.alterTable('webhook_endpoints').addColumn('sending_until', 'bigint').execute();
    },
  },
};
}

/**
 * The operations whose entries are matched by name (`identity: 'name'` in src/history/charts.ts
 * `CHART_SPECS`) when 0008 was written, kept here so a later change of the specs cannot change what
 * 0008 did; a chart switched to names later needs a migration of its own.
 */
const CHARTS_BY_NAME = ['tiktok-popular-trend-hashtag', 'tiktok-creative-center-hashtags'];

/** Rows per statement where a list of values goes into one query (well under SQLite's bound on variables). */
const CHUNK = 200;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/**
 * 0008: until hashtags were matched by name (README.md § Trend history), history stored a hashtag by
 * the adapter's id, and the Creative Center and TikTok One give one hashtag different ids. A day both
 * answered, in windows whose ranks the hashtag moved across, holds it twice (`history_entries` is keyed
 * by chart, day and id), and a watch recorded what it fired for as `<day>|<id>` (`watch_matches`),
 * once per id. Today a write keeps one row per name and a watch records `<day>|<name_key>`, so
 * without this the day answers the hashtag twice (history points, sparklines), counts as holding the
 * whole chart while a rank is missing, and a watch fires again for what it fired for the same day.
 * Charts matched by id keep their rows and records as they are.
 */
async function mergeHashtagsByName(db: Kysely<any>): Promise<void> {
  const byName = db.selectFrom('history_charts').select('chart_key').where('operation_id', 'in', CHARTS_BY_NAME);
  await rekeyWatchMatches(db, byName);

  // A write now keeps the whole row (id, rank, metrics) of the latest answer that showed the name. Rows
  // carry no time, but a later answer replaced every rank it showed, so an earlier row survived only
  // outside that window; and a window added to a day already stored is most often a first page (the
  // collector's whole chart in one answer leaves no twin): the hashtag climbed into the later window,
  // whose row is the better-ranked. One that fell into a later page keeps its earlier row that day.
  // Equal ranks (days stored before a later answer replaced ranks) keep the smaller id.
  const dropped = (await db
    .selectFrom('history_entries')
    .select(['chart_key', 'day', 'entry_id'])
    .where('chart_key', 'in', byName)
    .where(({ eb, exists, selectFrom }) =>
      exists(
        selectFrom('history_entries as kept')
          .select('kept.entry_id')
          .whereRef('kept.chart_key', '=', 'history_entries.chart_key')
          .whereRef('kept.day', '=', 'history_entries.day')
          .whereRef('kept.name_key', '=', 'history_entries.name_key')
          .where(
            eb.or([
              eb('kept.rank', '<', eb.ref('history_entries.rank')),
              eb.and([eb('kept.rank', '=', eb.ref('history_entries.rank')), eb('kept.entry_id', '<', eb.ref('history_entries.entry_id'))]),
            ]),
          ),
      ),
    )
    .execute()) as Array<{ chart_key: string; day: string; entry_id: string }>;
  const days = new Map<string, { chartKey: string; day: string; ids: string[] }>();
  for (const row of dropped) {
    const at = `${row.chart_key}\n${row.day}`;
    const group = days.get(at) ?? { chartKey: row.chart_key, day: row.day, ids: [] };
    group.ids.push(row.entry_id);
    days.set(at, group);
  }
  for (const { chartKey, day, ids } of days.values()) {
    for (const part of chunks(ids)) {
      await db.deleteFrom('history_entries').where('chart_key', '=', chartKey).where('day', '=', day).where('entry_id', 'in', part).execute();
    }
    // As a write counts its day: fewer rows than the chart's size is a day that saw only part of it.
    const { n } = await db
      .selectFrom('history_entries')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('chart_key', '=', chartKey)
      .where('day', '=', day)
      .executeTakeFirstOrThrow();
    await db.updateTable('history_days').set({ entries: Number(n) }).where('chart_key', '=', chartKey).where('day', '=', day).execute();
  }
}

/**
 * Rewrites what watches on charts matched by name fired for, `<day>|<id>`, as the evaluator records
 * it now, `<day>|<name_key>`, one record per watch, day and name (the earliest). The id is looked up
 * among the day's rows, and where a later answer that day replaced its row, in the delivery the match
 * queued (`webhook_deliveries`, kept as long as the match). A record already by name is left alone.
 */
async function rekeyWatchMatches(db: Kysely<any>, byName: SelectQueryBuilder<any, any, { chart_key: string }>): Promise<void> {
  const charts = (await db.selectFrom('watches').select('chart_key').distinct().where('chart_key', 'in', byName).execute()) as Array<{ chart_key: string }>;
  for (const { chart_key: chartKey } of charts) {
    const matches = (await db
      .selectFrom('watch_matches')
      .innerJoin('watches', 'watches.id', 'watch_matches.watch_id')
      .select(['watch_matches.watch_id', 'watch_matches.match_key', 'watch_matches.created_at'])
      .where('watches.chart_key', '=', chartKey)
      .execute()) as Array<{ watch_id: string; match_key: string; created_at: number }>;
    const dayOf = (matchKey: string) => matchKey.slice(0, matchKey.indexOf('|'));
    const byId = new Map<string, string>();
    const named = new Set<string>();
    for (const part of chunks([...new Set(matches.map((m) => dayOf(m.match_key)))])) {
      const rows = (await db
        .selectFrom('history_entries')
        .select(['day', 'entry_id', 'name_key'])
        .where('chart_key', '=', chartKey)
        .where('day', 'in', part)
        .execute()) as Array<{ day: string; entry_id: string; name_key: string }>;
      for (const row of rows) {
        byId.set(`${row.day}|${row.entry_id}`, row.name_key);
        named.add(`${row.day}|${row.name_key}`);
      }
    }
    const pending = matches.filter((m) => !named.has(m.match_key) && !byId.has(m.match_key));
    const fired = new Map<string, string>();
    for (const part of chunks([...new Set(pending.map((m) => m.watch_id))])) {
      const deliveries = (await db
        .selectFrom('webhook_deliveries')
        .select(['watch_id', 'payload'])
        .where('event_type', '=', 'watch.matched')
        .where('watch_id', 'in', part)
        .execute()) as Array<{ watch_id: string; payload: string }>;
      for (const { watch_id: watchId, payload } of deliveries) {
        const match = (JSON.parse(payload) as { match?: { date?: unknown; id?: unknown; name?: unknown } }).match;
        if (typeof match?.date !== 'string' || typeof match.id !== 'string' || typeof match.name !== 'string') continue;
        // The form src/history/snapshots.ts `nameKey` writes, as 0007 filled it.
        fired.set(`${watchId}\n${match.date}|${match.id}`, `${match.date}|${match.name.normalize('NFC').toLowerCase()}`);
      }
    }
    const moved = new Map<string, string[]>();
    const earliest = new Map<string, { watch_id: string; match_key: string; created_at: number }>();
    for (const m of matches) {
      if (named.has(m.match_key)) continue;
      const nameKey = byId.get(m.match_key);
      const key = nameKey !== undefined ? `${dayOf(m.match_key)}|${nameKey}` : fired.get(`${m.watch_id}\n${m.match_key}`);
      if (key === undefined) continue;
      const keys = moved.get(m.watch_id) ?? [];
      keys.push(m.match_key);
      moved.set(m.watch_id, keys);
      const at = `${m.watch_id}\n${key}`;
      const seen = earliest.get(at);
      if (!seen || m.created_at < seen.created_at) earliest.set(at, { watch_id: m.watch_id, match_key: key, created_at: m.created_at });
    }
    for (const [watchId, keys] of moved) {
      for (const part of chunks(keys)) await db.deleteFrom('watch_matches').where('watch_id', '=', watchId).where('match_key', 'in', part).execute();
    }
    for (const part of chunks([...earliest.values()])) {
      // A record by name may be there already, written since hashtags were matched by name: it stands.
      await db.insertInto('watch_matches').values(part).onConflict((oc) => oc.columns(['watch_id', 'match_key']).doNothing()).execute();
    }
  }
}
