import type { Store } from '../store/index.js';
import type { AccountTotals } from './ledger-writes.js';

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

interface AccountMove {
  amount: number;
  overage: number;
}

function sumByAccount(charges: readonly Charge[]): Map<string, AccountMove> {
  const moves = new Map<string, AccountMove>();
  for (const c of charges) {
    const m = moves.get(c.accountId);
    if (m) {
      m.amount += c.amount;
      m.overage += c.overage;
    } else moves.set(c.accountId, { amount: c.amount, overage: c.overage });
  }
  return moves;
}

function sumByDay(charges: readonly Charge[], accepted: (accountId: string) => boolean): Map<string, { accountId: string; day: string; credits: number }> {
  const days = new Map<string, { accountId: string; day: string; credits: number }>();
  for (const c of charges) {
    if (!accepted(c.accountId)) continue;
    const key = `${c.accountId}\n${c.day}`;
    const d = days.get(key);
    if (d) d.credits += c.amount + c.overage;
    else days.set(key, { accountId: c.accountId, day: c.day, credits: c.amount + c.overage });
  }
  return days;
}

const RETURNING = 'id, credits_balance, credits_used, overage_credits, plan_id, allow_overage, hard_limit_credits';

/**
 * SQLite: prepared statements run directly on better-sqlite3 (a few µs a row), inside Kysely's
 * connection so no Kysely transaction can be open around them. The account update is conditional,
 * so a balance lowered elsewhere refuses that account's charges instead of failing the CHECK and
 * with it everyone's batch.
 */
function sqliteWriter(store: Store): ChargeWriter {
  const raw = store.sqlite;
  if (!raw) throw new Error('the SQLite charge writer needs an SQLite store');
  const move = raw.prepare<[number, number, number, string, number], AccountTotals>(
    `UPDATE accounts SET credits_balance = credits_balance - ?, credits_used = credits_used + ?, overage_credits = overage_credits + ?
     WHERE id = ? AND credits_balance >= ? RETURNING ${RETURNING}`,
  );
  const ledger = raw.prepare<[string, string, number, number, number]>(
    `INSERT INTO credit_ledger (account_id, reference, kind, amount, overage, created_at) VALUES (?, ?, 'charge', ?, ?, ?)`,
  );
  const daily = raw.prepare<[string, string, number]>(
    `INSERT INTO daily_credit_usage (account_id, day, credits) VALUES (?, ?, ?)
     ON CONFLICT (account_id, day) DO UPDATE SET credits = credits + excluded.credits`,
  );
  const run = raw.transaction((charges: readonly Charge[]): FlushOutcome => {
    const outcome: FlushOutcome = new Map();
    for (const [id, m] of sumByAccount(charges)) outcome.set(id, move.get(m.amount, m.amount + m.overage, m.overage, id, m.amount) ?? null);
    const accepted = (id: string) => outcome.get(id) != null;
    for (const c of charges) if (accepted(c.accountId)) ledger.run(c.accountId, c.requestId, -c.amount, c.overage, c.at);
    for (const d of sumByDay(charges, accepted).values()) daily.run(d.accountId, d.day, d.credits);
    return outcome;
  });
  return {
    write: (charges) => store.db.connection().execute(async () => run(charges)),
  };
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
  return store.dialect === 'sqlite' ? sqliteWriter(store) : postgresWriter(store);
}
