import { describe, expect, it } from 'vitest';
import { DEFAULT_PLANS } from '../../../src/billing/index.js';
import { planAction } from './plan-change.js';

const [free, starter, growth] = DEFAULT_PLANS;

describe('planAction', () => {
  it('marks the current plan and offers the others', () => {
    const answer = { current_plan: 'free', pending_request: null };
    expect([free!, starter!, growth!].map((p) => planAction(p, answer))).toEqual(['current', 'request', 'request']);
  });
  it('shows the open request and holds the rest until it is settled or cancelled', () => {
    const answer = { current_plan: 'free', pending_request: { id: 'r1', plan_id: 'growth', status: 'pending', created_at: '2026-12-02T00:00:00Z' } };
    expect([free!, starter!, growth!].map((p) => planAction(p, answer))).toEqual(['current', null, 'pending']);
  });
});
