import type { CreditSnapshot, Plan, PlanCatalog, RateDecision } from '../billing/index.js';
import { nextUtcMidnight, rfc3339 } from '../billing/index.js';

/** Crawlora's 402/429 body (docs/api-contract.md § Billing rejections); every field is always present. */
export interface BillingRejection {
  reason: 'insufficient_credits' | 'daily_credit_limit' | 'rate_limited';
  reset_scope: 'monthly' | 'daily' | 'minute';
  resets_at: string;
  retry_after_seconds: number;
  message: string;
  plan: string | null;
  suggested_plan: string | null;
  upgrade_url: string | null;
  credit_cost: number;
  credits_included: number | null;
  credits_used: number | null;
  credits_remaining: number | null;
  daily_credit_limit: number | null;
  daily_credits_used: number | null;
  daily_credits_remaining: number | null;
  rate_limit_per_minute: number;
}

interface Context {
  plans: PlanCatalog;
  cost: number;
  now: number;
  upgradeUrl: string | null;
}

function accountFields(s: CreditSnapshot) {
  const cap = s.plan.daily_credit_limit;
  return {
    plan: s.plan.id,
    credits_included: s.plan.included_credits,
    credits_used: s.creditsUsed,
    credits_remaining: s.balance,
    daily_credit_limit: cap,
    daily_credits_used: cap === null ? null : s.dailyUsed,
    daily_credits_remaining: cap === null ? null : Math.max(0, cap - s.dailyUsed),
    rate_limit_per_minute: s.plan.rate_limit_per_minute,
  };
}

/** The cheapest other plan under which this request would have been admitted. */
function suggestPlan(plans: PlanCatalog, current: Plan, admits: (plan: Plan) => boolean): string | null {
  return plans.plans.find((p) => p.id !== current.id && admits(p))?.id ?? null;
}

const NO_ACCOUNT = {
  plan: null,
  credits_included: null,
  credits_used: null,
  credits_remaining: null,
  daily_credit_limit: null,
  daily_credits_used: null,
  daily_credits_remaining: null,
} as const;

const secondsUntil = (at: number, now: number) => Math.max(1, Math.ceil((at - now) / 1000));

/**
 * Why the monthly credits stopped a request, naming what the account itself can change: a hard limit
 * it set, or overage it turned off, come before the plan's size.
 */
function outOfCreditsMessage(s: CreditSnapshot, at: string): string {
  const usedUp = `Your ${s.plan.name} plan's ${s.plan.included_credits} monthly credits are used up`;
  if (s.plan.overage_usd_per_1k !== null && !s.allowOverage) {
    return `${usedUp}, and overage is off for this account: turn it on in the Console's Billing page, or wait until ${at}.`;
  }
  if (s.plan.overage_usd_per_1k !== null && s.hardLimitCredits !== null) {
    return `Your hard limit of ${s.hardLimitCredits} credits this period is reached: raise or remove it in the Console's Billing page, or wait until ${at}.`;
  }
  return `${usedUp}. They reset at ${at}.`;
}

/** 402 for a reservation the ledger refused. */
export function creditRejection(
  reason: 'insufficient_credits' | 'daily_credit_limit',
  s: CreditSnapshot,
  ctx: Context,
): BillingRejection {
  const daily = reason === 'daily_credit_limit';
  const resetsAt = daily ? nextUtcMidnight(ctx.now) : s.periodEnd;
  const at = rfc3339(resetsAt);
  const suggested = daily
    ? suggestPlan(ctx.plans, s.plan, (p) => p.daily_credit_limit === null || s.dailyUsed + ctx.cost <= p.daily_credit_limit)
    : suggestPlan(ctx.plans, s.plan, (p) => p.included_credits - s.creditsUsed >= ctx.cost && p.price_usd > s.plan.price_usd);
  return {
    reason,
    reset_scope: daily ? 'daily' : 'monthly',
    resets_at: at,
    retry_after_seconds: secondsUntil(resetsAt, ctx.now),
    message: daily
      ? `Your ${s.plan.name} plan's daily limit of ${s.plan.daily_credit_limit} credits is reached. It resets at ${at}.`
      : outOfCreditsMessage(s, at),
    suggested_plan: suggested,
    upgrade_url: ctx.upgradeUrl,
    credit_cost: ctx.cost,
    ...accountFields(s),
  };
}

/** 429 for a request past the per-minute limit; without a known account the account fields are null. */
export function rateRejection(decision: RateDecision, s: CreditSnapshot | null, ctx: Context): BillingRejection {
  const resetsAt = ctx.now + decision.retryAfterSeconds * 1000;
  return {
    reason: 'rate_limited',
    reset_scope: 'minute',
    resets_at: rfc3339(resetsAt),
    retry_after_seconds: decision.retryAfterSeconds,
    message: `Rate limit of ${decision.limit} requests per minute reached. Retry in ${decision.retryAfterSeconds} s.`,
    suggested_plan: s ? suggestPlan(ctx.plans, s.plan, (p) => p.rate_limit_per_minute > decision.limit) : null,
    upgrade_url: s ? ctx.upgradeUrl : null,
    credit_cost: ctx.cost,
    ...(s ? accountFields(s) : NO_ACCOUNT),
    rate_limit_per_minute: decision.limit,
  };
}
