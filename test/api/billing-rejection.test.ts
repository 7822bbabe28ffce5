import { describe, expect, it } from 'vitest';
import { creditRejection } from '../../src/api/billing-rejection.js';
import { DEFAULT_PLANS, PlanCatalog, type CreditSnapshot } from '../../src/billing/index.js';

/** The 402's message names what stopped the request, so a user knows what they can change themselves. */

const plans = new PlanCatalog(DEFAULT_PLANS, 'free');
const starter = plans.get('starter')!;
const free = plans.get('free')!;
const now = Date.parse('2026-12-07T12:00:00Z');
const periodEnd = Date.parse('2027-01-01T00:00:00Z');

function snapshot(over: Partial<CreditSnapshot>): CreditSnapshot {
  return { plan: starter, periodStart: now - 86_400_000, periodEnd, balance: 0, creditsUsed: 20_000, overageCredits: 0, dailyUsed: 0, allowOverage: false, hardLimitCredits: null, ...over };
}

const message = (s: CreditSnapshot) => creditRejection('insufficient_credits', s, { plans, cost: 8, now, upgradeUrl: null }).message;

describe('the 402 for used-up monthly credits', () => {
  it('names the hard limit the account set, which it can raise at once', () => {
    expect(message(snapshot({ allowOverage: true, hardLimitCredits: 20_040, creditsUsed: 20_040, overageCredits: 40 }))).toBe(
      'Your hard limit of 20040 credits this period is reached: raise or remove it in the Console\'s Billing page, or wait until 2027-01-01T00:00:00Z.',
    );
  });

  it('says overage is off when the plan offers it and the account turned it off', () => {
    expect(message(snapshot({ allowOverage: false }))).toBe(
      "Your Starter plan's 20000 monthly credits are used up, and overage is off for this account: turn it on in the Console's Billing page, or wait until 2027-01-01T00:00:00Z.",
    );
  });

  it('says the credits reset when the plan has no overage', () => {
    expect(message(snapshot({ plan: free, creditsUsed: 2000 }))).toBe("Your Free plan's 2000 monthly credits are used up. They reset at 2027-01-01T00:00:00Z.");
  });
});
