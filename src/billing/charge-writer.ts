import { sqliteBatch, type Store } from '../store/index.js';
import { sumByAccount, sumByDay } from './charge-sums.js';
import type { AccountTotals } from './ledger-writes.js';
import * as sqliteChargeFlush from './sqlite-charge-flush.js';

/** One 2xx request's charge: the included part and the overage part of its cost. */
export interface Charge {
  requestId: string;
  accountId: string;
  amount: number;
  overage: number;
  /** UTC day (`YYYY-MM-DD`) the charge counts against. */
  day: string;
  at: number;
}

/**
 * What a flush did per account: the account row after the update, or null when the account no longer
 * had the included credits the charges needed (changed elsewhere meanwhile); those charges were not
 * written, and the account's other rows in the batch were not touched either.
 */
export type FlushOutcome = Map<string, AccountTotals | null>;

/** Writes a batch of charges in one transaction: ledger rows, account totals, daily totals. */
export interface ChargeWriter {
  write(charges: readonly Charge[]): Promise<FlushOutcome>;
}

/**
 * PostgreSQL: one named (server-side prepared) statement per flush, whatever its size. Arrays go in
 * through `unnest`; data-modifying CTEs make it one atomic statement; account rows are locked in id
 * order first, so two instances flushing the same accounts never deadlock.
 */
const PG_FLUSH = `
WITH moves AS (
  SELECT * FROM unnest($1::text[], $2::bigint[], $3::bigint[]) AS m(id, amount, overage)
), locked AS (
  SELECT a.id FROM accounts a WHERE a.id = ANY($1::text[]) ORDER BY a.id FOR UPDATE
), moved AS (
  UPDATE accounts a
  SET credits_balance = a.credits_balance - m.amount, credits_used = a.credits_used + m.amount + m.overage, overage_credits = a.overage_credits + m.overage
  FROM moves m
  WHERE a.id = m.id AND a.id IN (SELECT id FROM locked) AND a.credits_balance >= m.amount
  RETURNING a.id, a.credits_balance, a.credits_used, a.overage_credits, a.plan_id, a.allow_overage, a.hard_limit_credits
), charged AS (
  INSERT INTO credit_ledger (account_id, reference, kind, amount, overage, created_at)
  SELECT c.account_id, c.reference, 'charge', -c.amount, c.overage, c.at
  FROM unnest($4::text[], $5::text[], $6::bigint[], $7::bigint[], $8::bigint[]) AS c(account_id, reference, amount, overage, at)
  WHERE c.account_id IN (SELECT id FROM moved)
), days AS (
  INSERT INTO daily_credit_usage (account_id, day, credits)
  SELECT d.account_id, d.day, d.credits FROM unnest($9::text[], $10::text[], $11::bigint[]) AS d(account_id, day, credits)
  WHERE d.account_id IN (SELECT id FROM moved)
  ON CONFLICT (account_id, day) DO UPDATE SET credits = daily_credit_usage.credits + excluded.credits
)
SELECT * FROM moved`;

function postgresWriter(store: Store): ChargeWriter {
  const pool = store.pool;
  if (!pool) throw new Error('the PostgreSQL charge writer needs a PostgreSQL store');
  return {
    async write(charges) {
      const accounts = sumByAccount(charges);
      const days = [...sumByDay(charges, () => true).values()];
      const result = await pool.query<AccountTotals>({
        name: 'trendlens_charge_flush',
        text: PG_FLUSH,
        values: [
          [...accounts.keys()],
          [...accounts.values()].map((m) => m.amount),
          [...accounts.values()].map((m) => m.overage),
          charges.map((c) => c.accountId),
          charges.map((c) => c.requestId),
          charges.map((c) => c.amount),
          charges.map((c) => c.overage),
          charges.map((c) => c.at),
          days.map((d) => d.accountId),
          days.map((d) => d.day),
          days.map((d) => d.credits),
        ],
      });
      const outcome: FlushOutcome = new Map([...accounts.keys()].map((id) => [id, null]));
      for (const row of result.rows) outcome.set(row.id, row);
      return outcome;
    },
  };
}

/** The charge writer for the store's dialect. */
export function chargeWriter(store: Store): ChargeWriter {
  return store.dialect === 'sqlite' ? { write: sqliteBatch(store, sqliteChargeFlush) } : postgresWriter(store);
}
