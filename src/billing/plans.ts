import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** The watch limit of a plan a plans file gives none, and of an account whose plan is gone from it. */
export const DEFAULT_WATCH_LIMIT = 25;

/** A plan as the operator configures it (docs/api-contract.md § Plans). */
export const Plan = z.object({
  id: z.string().regex(/^[a-z0-9_-]{1,32}$/),
  name: z.string().min(1),
  price_usd: z.number().nonnegative(),
  included_credits: z.number().int().nonnegative(),
  /** null = no daily cap. */
  daily_credit_limit: z.number().int().positive().nullable(),
  rate_limit_per_minute: z.number().int().positive(),
  /** null = overage not available on this plan. */
  overage_usd_per_1k: z.number().nonnegative().nullable(),
  /** Whether overage is on for accounts that have not chosen (Crawlora's "when enabled" wording). */
  overage_default: z.boolean(),
  /** Watches an account may hold (README § Trend history). */
  watch_limit: z.number().int().nonnegative().default(DEFAULT_WATCH_LIMIT),
});
export type Plan = z.infer<typeof Plan>;

/** The six defaults of docs/api-contract.md § Plans, cheapest first. */
export const DEFAULT_PLANS: readonly Plan[] = [
  { id: 'free', name: 'Free', price_usd: 0, included_credits: 2_000, daily_credit_limit: 500, rate_limit_per_minute: 5, overage_usd_per_1k: null, overage_default: false, watch_limit: 5 },
  { id: 'starter', name: 'Starter', price_usd: 9, included_credits: 20_000, daily_credit_limit: 5_000, rate_limit_per_minute: 15, overage_usd_per_1k: 0.75, overage_default: false, watch_limit: 25 },
  { id: 'growth', name: 'Growth', price_usd: 29, included_credits: 100_000, daily_credit_limit: 25_000, rate_limit_per_minute: 45, overage_usd_per_1k: 0.45, overage_default: false, watch_limit: 100 },
  { id: 'pro', name: 'Pro', price_usd: 79, included_credits: 400_000, daily_credit_limit: null, rate_limit_per_minute: 120, overage_usd_per_1k: 0.3, overage_default: true, watch_limit: 250 },
  { id: 'business', name: 'Business', price_usd: 199, included_credits: 1_200_000, daily_credit_limit: null, rate_limit_per_minute: 300, overage_usd_per_1k: 0.2, overage_default: true, watch_limit: 1_000 },
  { id: 'enterprise', name: 'Enterprise', price_usd: 499, included_credits: 5_000_000, daily_credit_limit: null, rate_limit_per_minute: 1_000, overage_usd_per_1k: 0.12, overage_default: true, watch_limit: 5_000 },
];

/** The active plan set: lookup by id, ordered cheapest first for `suggested_plan`. */
export class PlanCatalog {
  readonly plans: readonly Plan[];
  private readonly byId: Map<string, Plan>;

  constructor(
    plans: readonly Plan[],
    readonly defaultPlanId: string,
  ) {
    if (plans.length === 0) throw new Error('at least one plan must be configured');
    this.plans = [...plans].sort((a, b) => a.price_usd - b.price_usd);
    this.byId = new Map(plans.map((p) => [p.id, p]));
    if (!this.byId.has(defaultPlanId)) throw new Error(`default plan "${defaultPlanId}" is not among the configured plans`);
  }

  get(id: string): Plan | undefined {
    return this.byId.get(id);
  }

  /** Like `get`, for ids the database already holds; a plan removed from the configuration is a setup error. */
  require(id: string): Plan {
    const plan = this.byId.get(id);
    if (!plan) throw new Error(`plan "${id}" is not configured`);
    return plan;
  }
}

/** Reads an operator's plans file: a JSON array of plans, replacing the defaults. */
export function loadPlansFile(path: string): Plan[] {
  const parsed = z.array(Plan).min(1).safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`PLANS_FILE ${path}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'is invalid'}`);
  }
  // Lookups by id would see only the last of two plans with one id, and the list would show both.
  const seen = new Set<string>();
  for (const plan of parsed.data) {
    if (seen.has(plan.id)) throw new Error(`PLANS_FILE ${path}: plan id "${plan.id}" is given more than once`);
    seen.add(plan.id);
  }
  return parsed.data;
}
