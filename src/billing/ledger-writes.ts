import type { Transaction } from 'kysely';
import type { Database } from '../store/index.js';

/**
 * The SQL side of credit holds, written by the transactional ledger (one hold per transaction). Every
 * balance change is a ledger row, so the balance stays equal to the ledger's sum whichever ledger wrote it.
 */

/** A hold as it is written: included part and overage part of one request's cost. */
export interface Hold {
  requestId: string;
  accountId: string;
  amount: number;
  overage: number;
  /** UTC day (`YYYY-MM-DD`) the hold counts against. */
  day: string;
  periodStart: number;
  at: number;
}

type Trx = Transaction<Database>;

/** Account and daily totals moved by a set of holds, summed so each row is updated once. */
function totals(holds: readonly Hold[], sign: 1 | -1) {
  const accounts = new Map<string, { balance: number; used: number; overage: number }>();
  const days = new Map<string, { accountId: string; day: string; credits: number }>();
  for (const h of holds) {
    const a = accounts.get(h.accountId) ?? { balance: 0, used: 0, overage: 0 };
    a.balance -= sign * h.amount;
    a.used += sign * (h.amount + h.overage);
    a.overage += sign * h.overage;
    accounts.set(h.accountId, a);
    const key = `${h.accountId}\n${h.day}`;
    const d = days.get(key) ?? { accountId: h.accountId, day: h.day, credits: 0 };
    d.credits += sign * (h.amount + h.overage);
    days.set(key, d);
  }
  return { accounts, days };
}

// SQLite caps bound parameters per statement; 100 rows × 9 columns stays well under every limit.
const CHUNK = 100;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** Account rows as they stand after a write, for refreshing in-memory positions. */
export interface AccountTotals {
  id: string;
  credits_balance: number;
  credits_used: number;
  overage_credits: number;
  plan_id: string;
  allow_overage: number | null;
  hard_limit_credits: number | null;
}

async function moveAccounts(trx: Trx, moves: ReturnType<typeof totals>['accounts']): Promise<AccountTotals[]> {
  const rows: AccountTotals[] = [];
  for (const [id, m] of moves) {
    const row = await trx
      .updateTable('accounts')
      .set((eb) => ({
        credits_balance: eb('credits_balance', '+', m.balance),
        credits_used: eb('credits_used', '+', m.used),
        overage_credits: eb('overage_credits', '+', m.overage),
      }))
      .where('id', '=', id)
      .returning(['id', 'credits_balance', 'credits_used', 'overage_credits', 'plan_id', 'allow_overage', 'hard_limit_credits'])
      .executeTakeFirstOrThrow();
    rows.push(row);
  }
  return rows;
}

async function moveDays(trx: Trx, moves: ReturnType<typeof totals>['days']): Promise<void> {
  for (const d of moves.values()) {
    await trx
      .insertInto('daily_credit_usage')
      .values({ account_id: d.accountId, day: d.day, credits: d.credits })
      .onConflict((oc) => oc.columns(['account_id', 'day']).doUpdateSet((eb) => ({ credits: eb('daily_credit_usage.credits', '+', d.credits) })))
      .execute();
  }
}

/** Writes new holds: ledger rows, reservation rows, account and daily totals. */
export async function writeHolds(trx: Trx, holds: readonly Hold[]): Promise<AccountTotals[]> {
  if (holds.length === 0) return [];
  for (const part of chunks(holds)) {
    await trx
      .insertInto('credit_ledger')
      .values(part.map((h) => ({ account_id: h.accountId, reference: h.requestId, kind: 'reserve' as const, amount: -h.amount, overage: h.overage, created_at: h.at })))
      .execute();
    await trx
      .insertInto('credit_reservations')
      .values(
        part.map((h) => ({
          request_id: h.requestId,
          account_id: h.accountId,
          amount: h.amount,
          overage: h.overage,
          day: h.day,
          period_start: h.periodStart,
          status: 'held' as const,
          created_at: h.at,
          settled_at: null,
        })),
      )
      .execute();
  }
  const { accounts, days } = totals(holds, 1);
  await moveDays(trx, days);
  return moveAccounts(trx, accounts);
}

/** Marks holds final (2xx); returns how many were still held. */
export async function writeCommits(trx: Trx, requestIds: readonly string[], at: number): Promise<number> {
  let committed = 0;
  for (const part of chunks(requestIds)) {
    const result = await trx
      .updateTable('credit_reservations')
      .set({ status: 'committed', settled_at: at })
      .where('request_id', 'in', part)
      .where('status', '=', 'held')
      .executeTakeFirst();
    committed += Number(result.numUpdatedRows);
  }
  return committed;
}

/**
 * Gives holds back. `refund` holds are still in their period and return their credits; the others
 * were wiped by a period reset already, so only their daily count and status change.
 */
export async function writeReleases(trx: Trx, holds: ReadonlyArray<Hold & { refund: boolean }>, at: number): Promise<AccountTotals[]> {
  if (holds.length === 0) return [];
  for (const part of chunks(holds)) {
    await trx
      .updateTable('credit_reservations')
      .set({ status: 'released', settled_at: at })
      .where('request_id', 'in', part.map((h) => h.requestId))
      .where('status', '=', 'held')
      .execute();
  }
  const refunded = holds.filter((h) => h.refund);
  for (const part of chunks(refunded)) {
    await trx
      .insertInto('credit_ledger')
      .values(part.map((h) => ({ account_id: h.accountId, reference: h.requestId, kind: 'release' as const, amount: h.amount, overage: -h.overage, created_at: at })))
      .execute();
  }
  await moveDays(trx, totals(holds, -1).days);
  return moveAccounts(trx, totals(refunded, -1).accounts);
}
