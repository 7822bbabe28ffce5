import type { Charge } from './charge-writer.js';

interface AccountMove {
  amount: number;
  overage: number;
}

/** What a flush moves per account: shared by the SQLite and PostgreSQL charge writers. */
export function sumByAccount(charges: readonly Charge[]): Map<string, AccountMove> {
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

/** What a flush adds to each account-day, for the accounts `accepted` keeps. */
export function sumByDay(charges: readonly Charge[], accepted: (accountId: string) => boolean): Map<string, { accountId: string; day: string; credits: number }> {
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
