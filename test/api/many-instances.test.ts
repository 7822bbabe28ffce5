import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PLANS, type Plan } from '../../src/billing/index.js';
import { REDIS_URL, postgresAvailable, redisAvailable } from '../support/services.js';
import { startTestApp, TEST_PLAN, type TestApp } from '../support/app.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';

const PATH = '/api/v1/tiktok/popular-trend/hashtag';
/** 200 credits: exactly 25 requests, with no rate limit in the way. */
const QUARTER: Plan = { ...TEST_PLAN, id: 'quarter', name: 'Quarter', included_credits: 200 };

/**
 * Two stateless instances behind one load balancer: one PostgreSQL, one Redis (docs/architecture.md § One machine or many). Rate
 * limits, credits, cached responses and revocations must hold across them.
 */
describe.runIf(postgresAvailable && redisAvailable)('two instances sharing PostgreSQL and Redis', () => {
  let database: TestDatabase;
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    database = await freshDatabase('postgres');
    const redis = new Redis(REDIS_URL);
    await redis.flushdb();
    await redis.quit();
    const shared = { databaseUrl: database.url, plans: [...DEFAULT_PLANS, TEST_PLAN, QUARTER], config: { REDIS_URL } };
    a = await startTestApp(shared);
    b = await startTestApp({ ...shared, clock: a.clock });
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    await database.drop();
  });

  const call = (app: TestApp, key: string, query = '?limit=1') => app.app.inject({ method: 'GET', url: `${PATH}${query}`, headers: { 'x-api-key': key } });

  it('shares the per-minute limit: free gets 5 in all, not 5 per instance', async () => {
    const { apiKey } = await a.newCaller({ planId: 'free' });
    const statuses = [];
    for (let i = 0; i < 8; i++) statuses.push((await call(i % 2 === 0 ? a : b, apiKey)).statusCode);
    expect(statuses.filter((s) => s === 200)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(3);
  });

  it('refuses a key revoked on the other instance at once', async () => {
    const caller = await a.newCaller();
    expect((await call(a, caller.apiKey)).statusCode).toBe(200);
    expect((await call(b, caller.apiKey)).statusCode).toBe(200);
    const row = await a.services.store.db.selectFrom('api_keys').select('key_hash').where('id', '=', caller.keyId).executeTakeFirstOrThrow();
    await a.services.store.db.updateTable('api_keys').set({ status: 'revoked' }).where('id', '=', caller.keyId).execute();
    a.services.keys.invalidate(row.key_hash);
    a.services.keys.onInvalidate(row.key_hash);
    await expect.poll(async () => (await call(b, caller.apiKey)).statusCode, { timeout: 1000, interval: 20 }).toBe(401);
  });

  it('serves a response cached by one instance from the other', async () => {
    const { apiKey } = await a.newCaller();
    const first = await call(a, apiKey, '?country_code=NZ');
    const second = await call(b, apiKey, '?country_code=NZ');
    expect(first.headers['x-cache']).toBe('MISS');
    expect(second.headers['x-cache']).toBe('HIT');
    expect(second.body).toBe(first.body);
  });

  it('load three times the balance across two instances: exactly balance/8 successes, every one charged and recorded once', async () => {
    const caller = await a.newCaller({ planId: 'quarter' });
    const results = await Promise.all(Array.from({ length: 75 }, (_, i) => call(i % 2 === 0 ? a : b, caller.apiKey, `?limit=${(i % 9) + 1}`)));
    const ok = results.filter((r) => r.statusCode === 200);
    expect(ok).toHaveLength(25);
    expect(results.filter((r) => r.statusCode !== 200).every((r) => r.statusCode === 402)).toBe(true);
    const snapshot = await a.services.credits.snapshot(caller.accountId);
    expect(snapshot.balance).toBe(0);
    expect(await a.services.credits.ledgerSum(caller.accountId)).toBe(snapshot.balance);
    const db = a.services.store.db;
    const charged = await db.selectFrom('credit_ledger').select('reference').where('account_id', '=', caller.accountId).where('kind', '=', 'charge').execute();
    expect(charged.map((c) => c.reference).sort()).toEqual(ok.map((r) => String(r.headers['x-request-id'])).sort());
    await a.services.usage.flush();
    await b.services.usage.flush();
    const recorded = await db.selectFrom('usage_events').select('request_id').where('account_id', '=', caller.accountId).where('status', '=', 200).execute();
    expect(recorded).toHaveLength(charged.length);
  });

  it('charges once for duplicates of one Idempotency-Key sent to both instances at once', async () => {
    const caller = await a.newCaller();
    const headers = { 'x-api-key': caller.apiKey, 'idempotency-key': 'both-at-once' };
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => (i % 2 === 0 ? a : b).app.inject({ method: 'GET', url: `${PATH}?limit=3`, headers })),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(6).fill(200));
    expect(results.filter((r) => r.headers['idempotent-replayed'] === 'true')).toHaveLength(5);
    expect(new Set(results.map((r) => r.body)).size).toBe(1);
    const charged = await a.services.store.db.selectFrom('credit_ledger').select('id').where('account_id', '=', caller.accountId).where('kind', '=', 'charge').execute();
    expect(charged).toHaveLength(1);
  });

  it('never overspends: 100 concurrent requests split across instances on credits for 25', async () => {
    const caller = await a.newCaller({ planId: 'quarter' });
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => call(i % 2 === 0 ? a : b, caller.apiKey, `?limit=${(i % 9) + 1}`)));
    expect(results.filter((r) => r.statusCode === 200)).toHaveLength(25);
    expect(await a.services.credits.ledgerSum(caller.accountId)).toBe(0);
  });
});
