import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ApiError, envelope } from '../http/index.js';
import { nextUtcMidnight, rfc3339, type CreditSnapshot } from '../billing/index.js';
import type { ConsoleContext } from './context.js';
import { parseInput } from './input.js';

const SettingsBody = z.object({
  allow_overage: z.boolean('must be true or false').optional(),
  hard_limit_credits: z
    .int('must be an integer or null')
    .min(0, 'must be at least 0')
    .max(1_000_000_000_000, 'must be at most 1000000000000')
    .nullable()
    .optional(),
});

/** The Billing object of docs/api-contract.md § Console API, from the account's credit position at `now`. */
export function billingView(s: CreditSnapshot, now: number) {
  const { plan } = s;
  const dailyLimit = plan.daily_credit_limit;
  const rate = plan.overage_usd_per_1k;
  return {
    plan: {
      id: plan.id,
      name: plan.name,
      price_usd: plan.price_usd,
      included_credits: plan.included_credits,
      daily_credit_limit: dailyLimit,
      rate_limit_per_minute: plan.rate_limit_per_minute,
      overage_usd_per_1k: rate,
    },
    period: { start: rfc3339(s.periodStart), end: rfc3339(s.periodEnd) },
    // `used` includes overage, as `credits_used` does in docs/api-contract.md § Billing rejections; `remaining` is the included balance.
    credits: { included: plan.included_credits, used: s.creditsUsed, remaining: s.balance },
    daily: {
      limit: dailyLimit,
      used: s.dailyUsed,
      remaining: dailyLimit === null ? null : Math.max(0, dailyLimit - s.dailyUsed),
      resets_at: rfc3339(nextUtcMidnight(now)),
    },
    overage: {
      available: rate !== null,
      allowed: s.allowOverage,
      credits: s.overageCredits,
      // Payment is out of scope (docs/api-contract.md § Plans): an estimate in cents.
      estimated_usd: rate === null ? 0 : Math.round((s.overageCredits / 1000) * rate * 100) / 100,
    },
    hard_limit_credits: s.hardLimitCredits,
  };
}

/** billing/me and billing/settings. */
export function registerBillingRoutes(app: FastifyInstance, ctx: ConsoleContext): void {
  const { services, auth } = ctx;

  app.get('/billing/me', async (request, reply) => {
    const { account } = await auth.signedIn(request, reply);
    const snapshot = await services.credits.snapshot(account.id);
    return envelope(200, 'OK', billingView(snapshot, services.clock.now()));
  });

  app.patch('/billing/settings', async (request, reply) => {
    const { account } = await auth.signedIn(request, reply);
    const body = parseInput(SettingsBody, request.body);
    const plan = services.plans.require(account.plan_id);
    if (body.allow_overage === true && plan.overage_usd_per_1k === null) {
      throw ApiError.invalidInput([{ param: 'allow_overage', message: `the ${plan.name} plan has no overage` }]);
    }
    const changes: { allow_overage?: number; hard_limit_credits?: number | null } = {};
    if (body.allow_overage !== undefined) changes.allow_overage = body.allow_overage ? 1 : 0;
    if (body.hard_limit_credits !== undefined) changes.hard_limit_credits = body.hard_limit_credits;
    if (Object.keys(changes).length > 0) {
      await services.store.db.updateTable('accounts').set(changes).where('id', '=', account.id).execute();
      // The ledger may hold the account's settings in memory (group commit): make it read them again.
      services.credits.forget(account.id);
    }
    const snapshot = await services.credits.snapshot(account.id);
    return envelope(200, 'OK', billingView(snapshot, services.clock.now()));
  });
}
