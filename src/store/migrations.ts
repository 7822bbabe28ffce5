import { sql, type Kysely, type Migration } from 'kysely';
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
};
}
