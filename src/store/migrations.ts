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
      // A request is reserved once and released at most once.
      await db.schema
        .createIndex('credit_ledger_reference_kind')
        .on('credit_ledger')
        .columns(['reference', 'kind'])
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
};
}
