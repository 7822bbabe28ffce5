import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storeKinds } from '../support/databases.js';
import { DEFAULT_PLANS, type Plan } from '../../src/billing/index.js';
import { body, consoleHarness, PASSWORD, START, type Agent, type Harness } from './harness.js';

describe.each(storeKinds)('console billing on %s', (kind) => {
  let h: Harness;
  let agent: Agent;
  beforeEach(async () => {
    h = await consoleHarness(kind);
    agent = await h.signedUp();
  });
  afterEach(async () => {
    await h.close();
  });

  describe('GET billing/me', () => {
    it('200 › the Billing object of docs/api-contract.md § Console API for a new Free account', async () => {
      const res = await agent.get('/billing/me');
      expect(res.statusCode).toBe(200);
      expect(body(res)).toEqual({
        code: 200,
        msg: 'OK',
        data: {
          plan: { id: 'free', name: 'Free', price_usd: 0, included_credits: 2000, daily_credit_limit: 500, rate_limit_per_minute: 5, overage_usd_per_1k: null },
          period: { start: '2026-11-25T12:00:00Z', end: '2026-12-25T12:00:00Z' },
          credits: { included: 2000, used: 0, remaining: 2000 },
          daily: { limit: 500, used: 0, remaining: 500, resets_at: '2026-11-26T00:00:00Z' },
          overage: { available: false, allowed: false, credits: 0, estimated_usd: 0 },
          hard_limit_credits: null,
        },
      });
    });

    it('200 › counts committed charges, overage and its estimate', async () => {
      const metered: Plan = { ...DEFAULT_PLANS[1]!, id: 'metered', name: 'Metered', included_credits: 16, daily_credit_limit: 100, overage_usd_per_1k: 1000, overage_default: true };
      const m = await consoleHarness(kind, { plans: [...DEFAULT_PLANS, metered], config: { DEFAULT_PLAN: 'metered' } });
      try {
        const buyer = await m.signedUp();
        const id = buyer.accountId!;
        for (let i = 0; i < 3; i++) {
          expect((await m.services.credits.reserve(id, `req_${i}`, 8)).ok).toBe(true);
          await m.services.credits.commit(`req_${i}`);
        }
        const data = body(await buyer.get('/billing/me')).data;
        expect(data).toMatchObject({
          plan: { id: 'metered', overage_usd_per_1k: 1000 },
          credits: { included: 16, used: 24, remaining: 0 },
          daily: { limit: 100, used: 24, remaining: 76 },
          overage: { available: true, allowed: true, credits: 8, estimated_usd: 8 },
        });
      } finally {
        await m.close();
      }
    });

    it('200 › the period rolls over on the anniversary', async () => {
      h.clock.set(START + 31 * 86_400_000);
      await agent.post('/auth/sign-in', { email: 'user1@example.com', password: PASSWORD });
      const data = body(await agent.get('/billing/me')).data;
      expect(data.period).toEqual({ start: '2026-12-25T12:00:00Z', end: '2027-01-25T12:00:00Z' });
    });

    it('401 › without a session', async () => {
      expect((await h.agent().get('/billing/me')).statusCode).toBe(401);
    });
  });

  describe('PATCH billing/settings', () => {
    it('200 › turns overage on for a plan that offers it and sets a hard limit', async () => {
      await h.services.credits.changePlan(agent.accountId!, h.services.plans.require('starter'));
      const res = await agent.patch('/billing/settings', { allow_overage: true, hard_limit_credits: 25_000 });
      expect(res.statusCode).toBe(200);
      expect(body(res).data).toMatchObject({ overage: { available: true, allowed: true }, hard_limit_credits: 25_000 });
      const cleared = await agent.patch('/billing/settings', { hard_limit_credits: null });
      expect(body(cleared).data).toMatchObject({ overage: { allowed: true }, hard_limit_credits: null });
    });

    it('200 › turns a default-on overage off; an empty body changes nothing', async () => {
      await h.services.credits.changePlan(agent.accountId!, h.services.plans.require('pro'));
      expect(body(await agent.get('/billing/me')).data.overage.allowed).toBe(true);
      expect(body(await agent.patch('/billing/settings', { allow_overage: false })).data.overage.allowed).toBe(false);
      expect(body(await agent.patch('/billing/settings', {})).data.overage.allowed).toBe(false);
    });

    it('400 › allow_overage on a plan without overage', async () => {
      const res = await agent.patch('/billing/settings', { allow_overage: true });
      expect(res.statusCode).toBe(400);
      expect(body(res).data).toEqual({ errors: [{ param: 'allow_overage', message: 'the Free plan has no overage' }] });
    });

    it.each([
      ['allow_overage', { allow_overage: 'yes' }],
      ['hard_limit_credits', { hard_limit_credits: -1 }],
      ['hard_limit_credits', { hard_limit_credits: 1.5 }],
      ['hard_limit_credits', { hard_limit_credits: '100' }],
    ])('400 › names %s', async (param, payload) => {
      const res = await agent.patch('/billing/settings', payload);
      expect(res.statusCode).toBe(400);
      expect(body(res).data.errors[0].param).toBe(param);
    });

    it('403 › csrf_failed without the token', async () => {
      expect((await agent.patch('/billing/settings', { hard_limit_credits: 10 }, { csrf: null })).statusCode).toBe(403);
    });

    it('401 › without a session', async () => {
      expect((await h.agent().patch('/billing/settings', {})).statusCode).toBe(401);
    });
  });
});
