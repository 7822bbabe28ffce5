import type { Plan } from './plans.js';

/** An account's credit position at the moment of a decision, enough to build docs/api-contract.md § Billing rejections bodies. */
export interface CreditSnapshot {
  plan: Plan;
  periodStart: number;
  periodEnd: number;
  /** Included credits left this period (never below zero). */
  balance: number;
  /** Credits charged this period, overage included. */
  creditsUsed: number;
  overageCredits: number;
  /** Credits charged or held today (UTC). */
  dailyUsed: number;
  allowOverage: boolean;
  hardLimitCredits: number | null;
}

export type ReserveResult =
  | { ok: true; remaining: number; overage: number; snapshot: CreditSnapshot }
  | { ok: false; reason: 'insufficient_credits' | 'daily_credit_limit'; snapshot: CreditSnapshot };

/** How a charge of `cost` splits between included credits and overage. */
export interface ChargeSplit {
  fromIncluded: number;
  overage: number;
}

/** Whether an account may go past its included credits: the plan must offer overage and the account allow it. */
export function overageAllowed(plan: Plan, accountChoice: number | null): boolean {
  return plan.overage_usd_per_1k !== null && (accountChoice === null ? plan.overage_default : accountChoice === 1);
}

/**
 * The admission rule of docs/api-contract.md § Credits, one pure function for every ledger: the daily cap counts holds,
 * included credits go first, and the rest is overage only when allowed and under the hard limit.
 */
export function admit(s: CreditSnapshot, cost: number): ({ ok: true } & ChargeSplit) | { ok: false; reason: 'insufficient_credits' | 'daily_credit_limit' } {
  if (s.plan.daily_credit_limit !== null && s.dailyUsed + cost > s.plan.daily_credit_limit) {
    return { ok: false, reason: 'daily_credit_limit' };
  }
  const fromIncluded = Math.min(s.balance, cost);
  const overage = cost - fromIncluded;
  if (overage > 0 && !(s.allowOverage && (s.hardLimitCredits === null || s.creditsUsed + cost <= s.hardLimitCredits))) {
    return { ok: false, reason: 'insufficient_credits' };
  }
  return { ok: true, fromIncluded, overage };
}

/** The position after a charge (positive split) or a release (negative split). */
export function applySplit(s: CreditSnapshot, split: ChargeSplit, sign: 1 | -1): CreditSnapshot {
  const total = split.fromIncluded + split.overage;
  return {
    ...s,
    balance: s.balance - sign * split.fromIncluded,
    creditsUsed: s.creditsUsed + sign * total,
    overageCredits: s.overageCredits + sign * split.overage,
    dailyUsed: s.dailyUsed + sign * total,
  };
}
