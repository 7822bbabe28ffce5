import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PLANS, DEFAULT_WATCH_LIMIT, loadPlansFile, PlanCatalog } from '../../src/billing/index.js';
import { watchLimit } from '../../src/history/index.js';

/** A plan's watch limit comes from the plan, as its credits do, so a plans file can set it. */

const base = { price_usd: 0, included_credits: 100, daily_credit_limit: null, rate_limit_per_minute: 5, overage_usd_per_1k: null, overage_default: false };

describe('watch limits', () => {
  it('are part of each default plan', () => {
    expect(DEFAULT_PLANS.map((p) => [p.id, p.watch_limit])).toEqual([
      ['free', 5],
      ['starter', 25],
      ['growth', 100],
      ['pro', 250],
      ['business', 1_000],
      ['enterprise', 5_000],
    ]);
  });

  it('come from a plans file, with the default where it gives none and for a plan since removed', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'trendlens-plans-')), 'plans.json');
    writeFileSync(file, JSON.stringify([{ ...base, id: 'solo', name: 'Solo', watch_limit: 2 }, { ...base, id: 'team', name: 'Team' }]));
    const plans = new PlanCatalog(loadPlansFile(file), 'solo');
    expect(watchLimit(plans, 'solo')).toBe(2);
    expect(watchLimit(plans, 'team')).toBe(DEFAULT_WATCH_LIMIT);
    expect(watchLimit(plans, 'gone')).toBe(DEFAULT_WATCH_LIMIT);
  });
});
