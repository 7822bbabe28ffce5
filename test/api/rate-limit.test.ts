import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateApiKey } from '../../src/accounts/index.js';
import { DEFAULT_PLANS } from '../../src/billing/index.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { redisAvailable } from '../support/services.js';
import { startOwnRedis, type OwnRedis } from '../billing/fixtures/redis-server.js';

const PATH = '/api/v1/tiktok/popular-trend/hashtag?limit=1';
let t: TestApp;

beforeAll(async () => {
  // The default plans only, so suggested_plan reads as it would in production.
  t = await startTestApp({ plans: [...DEFAULT_PLANS] });
});
afterAll(async () => t.close());

const get = (headers: Record<string, string>, remoteAddress = '127.0.0.1') => t.app.inject({ method: 'GET', url: PATH, headers, remoteAddress });

describe('429 per account (docs/api-contract.md § Rate limits)', () => {
  it('limits free to 5 a minute, with the full billing-rejection body and headers', async () => {
    const { apiKey } = await t.newCaller({ planId: 'free' });
    const ok = [];
    for (let i = 0; i < 5; i++) ok.push(await get({ 'x-api-key': apiKey }));
    expect(ok.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200]);
    expect(ok[0]?.headers['ratelimit-policy']).toBe('"minute";q=5;w=60');
    expect(ok[0]?.headers['x-ratelimit-remaining']).toBe('4');
    expect(ok[4]?.headers['x-ratelimit-remaining']).toBe('0');

    const limited = await get({ 'x-api-key': apiKey });
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBe('12');
    expect(limited.headers['x-ratelimit-remaining']).toBe('0');
    const body = limited.json();
    expect(body.msg).toBe('Too Many Requests');
    expect(body.data).toEqual({
      reason: 'rate_limited',
      reset_scope: 'minute',
      resets_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
      retry_after_seconds: 12,
      message: expect.stringContaining('5 requests per minute'),
      plan: 'free',
      suggested_plan: 'starter',
      upgrade_url: 'http://localhost:80/console/billing',
      credit_cost: 8,
      credits_included: 2000,
      credits_used: 40,
      credits_remaining: 1960,
      daily_credit_limit: 500,
      daily_credits_used: 40,
      daily_credits_remaining: 460,
      rate_limit_per_minute: 5,
    });
  });

  it('lets one request through again after 12 s on the clock', async () => {
    const { apiKey } = await t.newCaller({ planId: 'free' });
    for (let i = 0; i < 5; i++) await get({ 'x-api-key': apiKey });
    expect((await get({ 'x-api-key': apiKey })).statusCode).toBe(429);
    t.clock.advance(12_000);
    expect((await get({ 'x-api-key': apiKey })).statusCode).toBe(200);
    expect((await get({ 'x-api-key': apiKey })).statusCode).toBe(429);
  });

  it('counts 4xx after the credentials step too, and charges nothing for a 429', async () => {
    const { apiKey, accountId } = await t.newCaller({ planId: 'free' });
    for (let i = 0; i < 5; i++) await t.app.inject({ method: 'GET', url: '/api/v1/tiktok/popular-trend/hashtag?limit=1', headers: { 'x-api-key': apiKey } });
    const before = (await t.services.credits.snapshot(accountId)).balance;
    expect((await get({ 'x-api-key': apiKey })).statusCode).toBe(429);
    expect((await t.services.credits.snapshot(accountId)).balance).toBe(before);
  });
});

describe('429 per IP without a valid key', () => {
  it('ignores X-Forwarded-For unless a proxy is trusted, so a caller cannot pick its address', async () => {
    const statuses = [];
    for (let i = 0; i < 61; i++) {
      const res = await t.app.inject({ method: 'GET', url: PATH, headers: { 'x-api-key': generateApiKey(), 'x-forwarded-for': `198.51.100.${i}` }, remoteAddress: '10.9.8.1' });
      statuses.push(res.statusCode);
    }
    expect(statuses.at(-1)).toBe(429);
  });

  it('allows 60 bad-key attempts a minute per IP, then 429 with null account fields', async () => {
    const statuses = [];
    for (let i = 0; i < 61; i++) statuses.push((await get({ 'x-api-key': generateApiKey() }, '10.9.8.7')).statusCode);
    expect(statuses.slice(0, 60).every((s) => s === 401)).toBe(true);
    const limited = await get({ 'x-api-key': generateApiKey() }, '10.9.8.7');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().data).toMatchObject({ reason: 'rate_limited', plan: null, credits_used: null, daily_credit_limit: null, rate_limit_per_minute: 60, upgrade_url: null });
    expect((await get({ 'x-api-key': generateApiKey() }, '10.9.8.8')).statusCode).toBe(401);
  });
});

describe.runIf(redisAvailable)('503 while Redis is unreachable (README.md § Metering)', () => {
  let redis: OwnRedis;
  let down: TestApp;
  beforeAll(async () => {
    redis = await startOwnRedis();
    down = await startTestApp({ plans: [...DEFAULT_PLANS], config: { REDIS_URL: redis.url } });
    await redis.stop();
  });
  afterAll(async () => {
    await down.close();
    await redis.stop();
  });

  it('answers a call without a valid key 503 metering_unavailable with Retry-After: 1, not 500', async () => {
    const res = await down.app.inject({ method: 'GET', url: PATH, headers: { 'x-api-key': generateApiKey() } });
    expect(res.statusCode).toBe(503);
    expect(res.headers['retry-after']).toBe('1');
    expect(res.json().data).toMatchObject({ error: 'metering_unavailable' });
    expect((await down.app.inject({ method: 'GET', url: PATH })).statusCode).toBe(503);
  });

  it('still answers a bad request 400, unattributed, when its key would need the per-IP limit', async () => {
    const res = await down.app.inject({ method: 'GET', url: `${PATH}&period=5`, headers: { 'x-api-key': generateApiKey() } });
    expect(res.statusCode).toBe(400);
  });
});
