import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PLANS } from '../../src/billing/index.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { Agent } from '../console/harness.js';

/**
 * Issue 4's "done when", as a person would walk it: sign up through the Console API, create a key,
 * call the API, meet the free plan's 5-a-minute limit, see 8 credits per call in billing, rotate and
 * revoke keys with the documented effects.
 */
describe('a newcomer on the free plan', () => {
  let t: TestApp;
  let browser: Agent;
  let laptopKey: string;
  const api = (key: string, query = '?limit=1') => t.app.inject({ method: 'GET', url: `/api/v1/tiktok/popular-trend/hashtag${query}`, headers: { 'x-api-key': key } });

  beforeAll(async () => {
    t = await startTestApp({ plans: [...DEFAULT_PLANS] });
    browser = new Agent(t.app);
  });
  afterAll(async () => t.close());

  it('signs up, creates a key shown once, and uses it', async () => {
    const signUp = await browser.post('/auth/sign-up', { email: 'Newcomer@Example.com', password: 'a long enough secret' });
    expect(signUp.statusCode).toBe(201);
    expect(signUp.json().data.user).toMatchObject({ email: 'newcomer@example.com', plan: 'free' });

    const created = await browser.post('/keys', { name: 'laptop' });
    expect(created.statusCode).toBe(201);
    const apiKey: string = created.json().data.api_key;
    laptopKey = apiKey;
    expect(apiKey).toMatch(/^tl_live_[0-9A-Za-z]{36}$/);
    const listed = await browser.get('/keys');
    expect(JSON.stringify(listed.json())).not.toContain(apiKey);

    expect((await api(apiKey)).statusCode).toBe(200);
  });

  it('is held to 5 requests a minute with the billing-rejection body, and sees 8 credits per success in billing', async () => {
    const key: string = (await browser.post('/keys', { name: 'script' })).json().data.api_key;
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await api(key)).statusCode);
    const limited = await api(key);
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().data).toMatchObject({ reason: 'rate_limited', reset_scope: 'minute', plan: 'free', rate_limit_per_minute: 5, suggested_plan: 'starter' });

    const billing = (await browser.get('/billing/me')).json().data;
    // One call in the first test and four here succeeded: 5 × 8 credits.
    expect(billing.credits).toEqual({ included: 2000, used: 40, remaining: 1960 });
    expect(billing.daily).toMatchObject({ limit: 500, used: 40, remaining: 460 });
  });

  it('rotates a key: the new one works at once, the old one until its grace ends', async () => {
    t.clock.advance(60_000);
    const keys = (await browser.get('/keys')).json().data.keys as Array<{ id: string; name: string }>;
    const laptop = keys.find((k) => k.name === 'laptop');
    const rotated = await browser.post(`/keys/${laptop?.id}/rotate`, { grace_period_seconds: 3600 });
    expect(rotated.statusCode).toBe(201);
    const { api_key: fresh, previous_key: previous } = rotated.json().data;
    expect(previous).toMatchObject({ status: 'grace' });
    expect((await api(fresh)).statusCode).toBe(200);
    expect((await api(laptopKey)).statusCode).toBe(200);
    t.clock.advance(3_600_000);
    const expired = await api(laptopKey);
    expect(expired.json().data).toEqual({ error: 'expired_api_key' });
    expect((await api(fresh)).statusCode).toBe(200);
  });

  it('revokes a key: refused at once', async () => {
    const created = (await browser.post('/keys', { name: 'temp' })).json().data;
    t.clock.advance(60_000);
    expect((await api(created.api_key)).statusCode).toBe(200);
    const revoked = await browser.post(`/keys/${created.key.id}/revoke`);
    expect(revoked.json().data.key.status).toBe('revoked');
    const refused = await api(created.api_key);
    expect(refused.statusCode).toBe(401);
    expect(refused.json().data).toEqual({ error: 'revoked_api_key' });
  });
});
