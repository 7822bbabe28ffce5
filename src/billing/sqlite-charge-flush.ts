import type SQLite from 'better-sqlite3';
import { sumByAccount, sumByDay } from './charge-sums.js';
import type { Charge, FlushOutcome } from './charge-writer.js';
import type { AccountTotals } from './ledger-writes.js';

/** This module, as a batch job of the write thread (src/store/batch-job.ts). */
export const url = new URL(import.meta.url);

const RETURNING = 'id, credits_balance, credits_used, overage_credits, plan_id, allow_overage, hard_limit_credits';

/**
 * One flush of charges as one immediate transaction of prepared statements (a few µs a row). The
 * account update is conditional, so a balance lowered elsewhere refuses that account's charges
 * instead of failing the CHECK and with it everyone's batch.
 */
export function prepare(sqlite: SQLite.Database): (charges: readonly Charge[]) => FlushOutcome {
  const move = sqlite.prepare<[number, number, number, string, number], AccountTotals>(
    `UPDATE accounts SET credits_balance = credits_balance - ?, credits_used = credits_used + ?, overage_credits = overage_credits + ?
     WHERE id = ? AND credits_balance >= ? RETURNING ${RETURNING}`,
  );
  const ledger = sqlite.prepare<[string, string, number, number, number]>(
    `INSERT INTO credit_ledger (account_id, reference, kind, amount, overage, created_at) VALUES (?, ?, 'charge', ?, ?, ?)`,
  );
  const daily = sqlite.prepare<[string, string, number]>(
    `INSERT INTO daily_credit_usage (account_id, day, credits) VALUES (?, ?, ?)
     ON CONFLICT (account_id, day) DO UPDATE SET credits = credits + excluded.credits`,
  );
  const flush = sqlite.transaction((charges: readonly Charge[]): FlushOutcome => {
    const outcome: FlushOutcome = new Map();
    for (const [id, m] of sumByAccount(charges)) outcome.set(id, move.get(m.amount, m.amount + m.overage, m.overage, id, m.amount) ?? null);
    const accepted = (id: string) => outcome.get(id) != null;
    for (const c of charges) if (accepted(c.accountId)) ledger.run(c.accountId, c.requestId, -c.amount, c.overage, c.at);
    for (const d of sumByDay(charges, accepted).values()) daily.run(d.accountId, d.day, d.credits);
    return outcome;
  });
  return (charges) => flush.immediate(charges);
}
