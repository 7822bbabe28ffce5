import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';

const PATH = '/api/v1/tiktok/popular-trend/hashtag';
let t: TestApp;
let key: string;
let accountId: string;

beforeAll(async () => {
  t = await startTestApp();
  ({ apiKey: key, accountId } = await t.newCaller());
});
afterAll(async () => t.close());

const get = (query: string, idempotencyKey?: string) =>
  t.app.inject({ method: 'GET', url: `${PATH}${query}`, headers: { 'x-api-key': key, ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}) } });
const balance = async () => (await t.services.credits.snapshot(accountId)).balance;

describe('Idempotency-Key (docs/api-contract.md § Idempotency)', () => {
  it('replays the first 2xx without a second charge', async () => {
    const before = await balance();
    const first = await get('?limit=3', 'retry-1');
    const second = await get('?limit=3', 'retry-1');
    expect(first.statusCode).toBe(200);
    expect(second.statusCode).toBe(200);
    expect(second.body).toBe(first.body);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.headers['x-credits-charged']).toBe('0');
    expect(second.headers['x-request-id']).not.toBe(first.headers['x-request-id']);
    expect(await balance()).toBe(before - 8);
  });

  it('treats requests with the same canonical form as the same request', async () => {
    await get('?country_code=us&limit=4', 'retry-2');
    const again = await get('?limit=4&country_code=US&ignored=1', 'retry-2');
    expect(again.headers['idempotent-replayed']).toBe('true');
  });

  it('rejects the same key with another request: 400, nothing charged', async () => {
    await get('?limit=5', 'retry-3');
    const before = await balance();
    const other = await get('?limit=6', 'retry-3');
    expect(other.statusCode).toBe(400);
    expect(other.json().data).toEqual({
      error: 'idempotency_key_reused',
      errors: [{ param: 'Idempotency-Key', message: 'was already used for a different request' }],
    });
    expect(await balance()).toBe(before);
  });

  it('rejects a malformed key naming the header', async () => {
    const res = await get('?limit=1', 'has space');
    expect(res.statusCode).toBe(400);
    expect(res.json().data.errors).toEqual([{ param: 'Idempotency-Key', message: 'must be 1 to 255 visible ASCII characters' }]);
  });

  it('makes a duplicate in flight wait, then replay: one charge for ten concurrent retries', async () => {
    const before = await balance();
    t.simulator.resetStats();
    const results = await Promise.all(Array.from({ length: 10 }, () => get('?country_code=JP&period=30', 'retry-4')));
    expect(results.map((r) => r.statusCode)).toEqual(Array(10).fill(200));
    expect(results.filter((r) => r.headers['idempotent-replayed'] === 'true')).toHaveLength(9);
    expect(await balance()).toBe(before - 8);
  });

  it('keeps no failure: after a 5xx the retry runs again', async () => {
    t.simulator.addFault({ fault: { kind: 'http_error', status: 500, body: 'empty' }, path: 'popular_trend/hashtag/list', times: 2 });
    const failed = await get('?country_code=FR&period=120', 'retry-5');
    expect(failed.statusCode).toBe(502);
    const retried = await get('?country_code=FR&period=120', 'retry-5');
    expect(retried.statusCode).toBe(200);
    expect(retried.headers['idempotent-replayed']).toBeUndefined();
  });

  it('forgets a key after 24 h', async () => {
    await get('?limit=7', 'retry-6');
    t.clock.advance(24 * 3_600_000 + 1);
    const later = await get('?limit=8', 'retry-6');
    expect(later.statusCode).toBe(200);
    expect(later.headers['idempotent-replayed']).toBeUndefined();
  });
});

describe('a replay repeats what the first answer said about the response', () => {
  it('sends X-Credits-Remaining and the cache headers again', async () => {
    await get('?limit=9', 'retry-7');
    const replayed = await get('?limit=9', 'retry-7');
    expect(replayed.headers['x-credits-remaining']).toBe(String(await balance()));
    expect(replayed.headers['x-cache']).toBe('MISS');
    expect(replayed.headers['x-upstream-source']).toBe('simulator');
  });
});
