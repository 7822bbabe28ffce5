import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { generateApiKey } from '../../src/accounts/index.js';
import { storeKinds } from '../support/databases.js';
import { startTestApp, type TestApp } from '../support/app.js';

const PATH = '/api/v1/tiktok/popular-trend/hashtag';
const UPSTREAM = 'popular_trend/hashtag/list';

let t: TestApp;
let key: string;
let accountId: string;

beforeAll(async () => {
  t = await startTestApp();
  ({ apiKey: key, accountId } = await t.newCaller());
});
afterAll(async () => t.close());
beforeEach(() => {
  t.simulator.clearFaults();
  t.simulator.setMode('signed-2024');
});

async function get(query: string, headers: Record<string, string> = { 'x-api-key': key }) {
  const res = await t.app.inject({ method: 'GET', url: `${PATH}${query}`, headers });
  return { res, body: res.json() };
}

async function balance(id = accountId) {
  return (await t.services.credits.snapshot(id)).balance;
}

/** Each test uses its own country so cached answers from one test never serve another. */
const fresh = (() => {
  const countries = ['US', 'GB', 'DE', 'FR', 'JP', 'BR', 'CA', 'AU', 'IT', 'ES', 'MX', 'KR', 'ID', 'TH', 'VN', 'PH', 'MY', 'SG', 'TR', 'SA', 'AE', 'EG', 'NL', 'SE', 'PL'];
  let i = 0;
  return () => countries[i++ % countries.length] as string;
})();

describe('200', () => {
  it('answers the double-wrapped envelope with list and pagination', async () => {
    const { res, body } = await get(`?country_code=${fresh()}&limit=3`);
    expect(res.statusCode).toBe(200);
    expect(body).toMatchObject({ code: 200, msg: 'OK', data: { code: 0, msg: 'OK', data: { pagination: { page: 1, size: 3, total: 100, has_more: true } } } });
    expect(body.data.data.list).toHaveLength(3);
    expect(body.data).not.toHaveProperty('request_id');
  });

  it.each([
    ['clamps page 0 to 1', '?page=0&limit=5', { page: 1, size: 5 }],
    ['clamps page 11 to 10', '?page=11&limit=5', { page: 10, size: 5 }],
    ['clamps a huge page to 10', '?page=99999999999999999999999&limit=5', { page: 10, size: 5 }],
    ['clamps limit 500 to 100', '?limit=500', { page: 1, size: 100 }],
    ['clamps limit 0 to 1', '?limit=0', { page: 1, size: 1 }],
    ['clamps negative limit to 1', '?limit=-5', { page: 1, size: 1 }],
    ['defaults page 1 and limit 20', '', { page: 1, size: 20 }],
    ['treats empty values as absent', '?page=&limit=', { page: 1, size: 20 }],
    ['trims values', '?page=%202%20&limit=10', { page: 2, size: 10 }],
  ])('%s', async (_, query, pagination) => {
    const { res, body } = await get(query);
    expect(res.statusCode).toBe(200);
    expect(body.data.data.pagination).toMatchObject(pagination);
  });

  it('defaults period to 7: seven daily trend points at 00:00 UTC', async () => {
    const { body } = await get('?limit=1');
    const trend = body.data.data.list[0].trend as Array<{ time: number; value: number }>;
    expect(trend).toHaveLength(7);
    for (const point of trend) expect(point.time % 86_400).toBe(0);
  });

  it('windows across upstream pages: page 3 of 30 is chart ranks 61–90', async () => {
    const { body } = await get('?page=3&limit=30');
    const ranks = (body.data.data.list as Array<{ rank: number }>).map((item) => item.rank);
    expect(ranks).toEqual(Array.from({ length: 30 }, (_, i) => 61 + i));
    expect(body.data.data.pagination).toEqual({ page: 3, size: 30, total: 100, has_more: true });
  });

  it('answers an empty, charged list past the end of the chart', async () => {
    const before = await balance();
    const { res, body } = await get('?page=10&limit=20');
    expect(res.statusCode).toBe(200);
    expect(body.data.data.list).toEqual([]);
    expect(body.data.data.pagination.has_more).toBe(false);
    expect(await balance()).toBe(before - 8);
  });

  it('upper-cases country_code and labels items with it', async () => {
    const { body } = await get('?country_code=gb&limit=1');
    expect(body.data.data.list[0].country_info).toEqual({ id: 'GB', value: 'United Kingdom', label: 'GB' });
  });

  it('answers 200 with an empty list for a country the upstream does not cover', async () => {
    const { res, body } = await get('?country_code=AQ');
    expect(res.statusCode).toBe(200);
    expect(body.data.data.list).toEqual([]);
  });

  it('keeps only hashtags new to the top 100 with filter_by=new_on_board', async () => {
    const { body } = await get('?filter_by=new_on_board&limit=100');
    expect(body.data.data.list.length).toBeGreaterThan(0);
    for (const item of body.data.data.list) expect(item.rank_diff_type).toBe(4);
  });

  it('accepts the key as Authorization: Bearer', async () => {
    const { res } = await get('?limit=1', { authorization: `Bearer ${key}` });
    expect(res.statusCode).toBe(200);
  });

  it('charges 8 credits and says so in the headers', async () => {
    const before = await balance();
    const { res } = await get(`?country_code=${fresh()}`);
    expect(res.headers['x-credits-charged']).toBe('8');
    expect(Number(res.headers['x-credits-remaining'])).toBe(before - 8);
    expect(await balance()).toBe(before - 8);
  });

  it('sends the request id, cache, source and no-store headers', async () => {
    const { res } = await get(`?country_code=${fresh()}`);
    expect(res.headers['x-request-id']).toMatch(/^req_[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(res.headers['x-cache']).toBe('MISS');
    expect(res.headers['x-upstream-source']).toBe('simulator');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['ratelimit-policy']).toBe('"minute";q=100000;w=60');
  });

  it('serves the second identical request from the cache, charged like a miss', async () => {
    const country = fresh();
    t.simulator.resetStats();
    const first = await get(`?country_code=${country}&limit=7`);
    const before = await balance();
    const second = await get(`?limit=7&country_code=${country.toLowerCase()}&unknown=1`);
    expect(first.res.headers['x-cache']).toBe('MISS');
    expect(second.res.headers['x-cache']).toBe('HIT');
    expect(second.res.body).toBe(first.res.body);
    expect(t.simulator.stats().byPath[UPSTREAM]).toBe(1);
    expect(await balance()).toBe(before - 8);
  });

  it('makes exactly one upstream call for 1,000 concurrent identical cold requests', async () => {
    const country = fresh();
    t.simulator.resetStats();
    const results = await Promise.all(
      Array.from({ length: 1000 }, () => t.app.inject({ method: 'GET', url: `${PATH}?country_code=${country}&period=30`, headers: { 'x-api-key': key } })),
    );
    expect(results.every((r) => r.statusCode === 200)).toBe(true);
    expect(t.simulator.stats().byPath[UPSTREAM]).toBe(1);
  });
});

describe('400', () => {
  it.each([
    ['period 14', '?period=14', 'period'],
    ['period abc', '?period=abc', 'period'],
    ['page 1.5 (not an integer)', '?page=1.5', 'page'],
    ['limit 1e3', '?limit=1e3', 'limit'],
    ['limit 0x1', '?limit=0x1', 'limit'],
    ['industry_id 0', '?industry_id=0', 'industry_id'],
    ['industry_id abc', '?industry_id=abc', 'industry_id'],
    ['country_code USA', '?country_code=USA', 'country_code'],
    ['country_code XX (not ISO 3166-1)', '?country_code=XX', 'country_code'],
    ['filter_by popular', '?filter_by=popular', 'filter_by'],
    ['a repeated scalar', '?page=1&page=2', 'page'],
  ])('rejects %s naming the param', async (_, query, param) => {
    const before = await balance();
    const { res, body } = await get(query);
    expect(res.statusCode).toBe(400);
    expect(body).toMatchObject({ code: 400, msg: 'Invalid input' });
    expect(body.data.errors).toEqual([expect.objectContaining({ param })]);
    expect(await balance()).toBe(before);
  });

  it('lists every bad param at once', async () => {
    const { body } = await get('?period=3&page=x&country_code=1');
    expect((body.data.errors as Array<{ param: string }>).map((e) => e.param).sort()).toEqual(['country_code', 'page', 'period']);
  });

  it('checks params before credentials: a bad param without a key is 400', async () => {
    const { res } = await get('?period=14', {});
    expect(res.statusCode).toBe(400);
  });
});

describe('401', () => {
  it.each([
    ['missing_api_key', {}],
    ['missing_api_key', { 'x-api-key': '' }],
    ['invalid_api_key', { 'x-api-key': 'not-a-key' }],
    ['invalid_api_key', { 'x-api-key': `${generateApiKey().slice(0, -1)}0` }],
    ['invalid_api_key', { 'x-api-key': generateApiKey() }],
    ['conflicting_credentials', { 'x-api-key': generateApiKey(), authorization: `Bearer ${generateApiKey()}` }],
  ])('%s', async (error, headers) => {
    const { res, body } = await get('?limit=1', headers as Record<string, string>);
    expect(res.statusCode).toBe(401);
    expect(body).toEqual({ code: 401, msg: 'Authentication required', data: { error } });
  });

  it('ignores a key in the query string', async () => {
    const { res } = await get(`?limit=1&x-api-key=${key}&api_key=${key}`, {});
    expect(res.statusCode).toBe(401);
  });

  it('revoked_api_key, at once after revocation', async () => {
    const caller = await t.newCaller();
    expect((await get('?limit=1', { 'x-api-key': caller.apiKey })).res.statusCode).toBe(200);
    const row = await t.services.store.db.selectFrom('api_keys').select('key_hash').where('id', '=', caller.keyId).executeTakeFirstOrThrow();
    await t.services.store.db.updateTable('api_keys').set({ status: 'revoked', revoked_at: t.clock.now() }).where('id', '=', caller.keyId).execute();
    t.services.keys.invalidate(row.key_hash);
    const { body } = await get('?limit=1', { 'x-api-key': caller.apiKey });
    expect(body.data).toEqual({ error: 'revoked_api_key' });
  });

  it('expired_api_key once a grace period is over', async () => {
    const caller = await t.newCaller();
    const expiresAt = t.clock.now() + 60_000;
    await t.services.store.db.updateTable('api_keys').set({ status: 'grace', expires_at: expiresAt }).where('id', '=', caller.keyId).execute();
    expect((await get('?limit=1', { 'x-api-key': caller.apiKey })).res.statusCode).toBe(200);
    t.clock.advance(60_000);
    const { body } = await get('?limit=1', { 'x-api-key': caller.apiKey });
    expect(body.data).toEqual({ error: 'expired_api_key' });
  });
});

describe('403', () => {
  it('account_suspended', async () => {
    const caller = await t.newCaller();
    await t.services.accounts.setStatus(caller.accountId, 'suspended');
    await t.services.keys.invalidateAccount(caller.accountId);
    const { res, body } = await get('?limit=1', { 'x-api-key': caller.apiKey });
    expect(res.statusCode).toBe(403);
    expect(body.data).toEqual({ error: 'account_suspended' });
  });
});

describe('404 and 405', () => {
  it('route_not_found for an unknown path', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/tiktok/nope', headers: { 'x-api-key': key } });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ code: 404, msg: 'Not Found', data: { error: 'route_not_found' } });
  });

  it('method_not_allowed for POST, with Allow', async () => {
    const res = await t.app.inject({ method: 'POST', url: PATH, headers: { 'x-api-key': key } });
    expect(res.statusCode).toBe(405);
    expect(res.headers.allow).toBe('GET, OPTIONS');
    expect(res.json()).toEqual({ code: 405, msg: 'Method Not Allowed', data: { error: 'method_not_allowed', allow: ['GET'] } });
  });
});

describe('5xx from the upstream, charging nothing', () => {
  it.each([
    ['502 upstream_bad_response non_json on a login wall', { kind: 'login_wall', variant: 'html' }, 502, { error: 'upstream_bad_response', detail: 'non_json' }],
    ['502 upstream_bad_response non_json on malformed JSON', { kind: 'malformed', variant: 'truncated' }, 502, { error: 'upstream_bad_response', detail: 'non_json' }],
    ['502 upstream_bad_response upstream_error on an unknown code', { kind: 'error_code', code: 50001 }, 502, { error: 'upstream_bad_response', detail: 'upstream_error' }],
    ['502 upstream_bad_response upstream_error when the upstream keeps answering 503', { kind: 'http_error', status: 503, body: 'empty' }, 502, { error: 'upstream_bad_response', detail: 'upstream_error' }],
    ['504 upstream_timeout on a hang', { kind: 'hang' }, 504, { error: 'upstream_timeout' }],
  ] as const)('%s', async (_, fault, status, data) => {
    t.simulator.addFault({ fault, path: UPSTREAM });
    const before = await balance();
    const { res, body } = await get(`?country_code=${fresh()}&period=120`);
    expect(res.statusCode).toBe(status);
    expect(body.data).toEqual(data);
    expect(res.headers['x-upstream-source']).toBe('simulator');
    expect(res.headers['x-credits-charged']).toBeUndefined();
    expect(await balance()).toBe(before);
  });

  it('502 no_permission when 40101 persists after one re-sign', async () => {
    t.simulator.addFault({ fault: { kind: 'error_code', code: 40101, msg: 'no permission' }, path: UPSTREAM });
    t.simulator.resetStats();
    const before = await balance();
    const { res, body } = await get(`?country_code=${fresh()}&period=120`);
    expect(res.statusCode).toBe(502);
    expect(body.data).toEqual({ error: 'upstream_bad_response', detail: 'no_permission' });
    expect(t.simulator.stats().byPath[UPSTREAM]).toBe(2);
    expect(await balance()).toBe(before);
  });

  it('503 deprecated in the 2026 mode, without Retry-After: a retry would get the same answer', async () => {
    t.simulator.setMode('deprecated-2026');
    const before = await balance();
    const { res, body } = await get(`?country_code=${fresh()}&period=120`);
    expect(res.statusCode).toBe(503);
    expect(body.data).toEqual({ error: 'upstream_unavailable', detail: 'deprecated' });
    expect(res.headers['retry-after']).toBeUndefined();
    expect(await balance()).toBe(before);
  });
});

describe.each(storeKinds)('concurrency on %s', (kind) => {
  let c: TestApp;
  beforeAll(async () => {
    c = await startTestApp({ kind });
  });
  afterAll(async () => c.close());

  it('200 concurrent requests on credits for 50: exactly 50 succeed, balance 0, ledger consistent', async () => {
    const caller = await c.newCaller({ planId: 'fifty' });
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        c.app.inject({ method: 'GET', url: `${PATH}?limit=${(i % 20) + 1}`, headers: { 'x-api-key': caller.apiKey } }),
      ),
    );
    const statuses = results.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 200)).toHaveLength(50);
    expect(statuses.filter((s) => s === 402)).toHaveLength(150);
    const snapshot = await c.services.credits.snapshot(caller.accountId);
    expect(snapshot.balance).toBe(0);
    expect(await c.services.credits.ledgerSum(caller.accountId)).toBe(0);
    const rejection = results.find((r) => r.statusCode === 402)?.json();
    expect(rejection.data).toMatchObject({ reason: 'insufficient_credits', reset_scope: 'monthly', credit_cost: 8, plan: 'fifty' });
  });
});

describe('HEAD and OPTIONS', () => {
  it('405 for HEAD, charging nothing', async () => {
    const before = await balance();
    const res = await t.app.inject({ method: 'HEAD', url: PATH, headers: { 'x-api-key': key } });
    expect(res.statusCode).toBe(405);
    expect(res.headers.allow).toBe('GET, OPTIONS');
    expect(await balance()).toBe(before);
  });

  it('answers a preflight from an origin it does not know with 204 and no grant', async () => {
    const res = await t.app.inject({ method: 'OPTIONS', url: PATH, headers: { origin: 'https://elsewhere.example', 'access-control-request-method': 'GET' } });
    expect(res.statusCode).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('grants a configured origin, exposing the metering headers', async () => {
    const cors = await startTestApp({ config: { CORS_ORIGINS: ['https://app.example'] } });
    try {
      const caller = await cors.newCaller();
      const preflight = await cors.app.inject({
        method: 'OPTIONS',
        url: PATH,
        headers: { origin: 'https://app.example', 'access-control-request-method': 'GET', 'access-control-request-headers': 'x-api-key' },
      });
      expect(preflight.statusCode).toBe(204);
      expect(preflight.headers['access-control-allow-origin']).toBe('https://app.example');
      expect(preflight.headers['access-control-allow-headers']).toContain('x-api-key');
      const res = await cors.app.inject({ method: 'GET', url: `${PATH}?limit=1`, headers: { 'x-api-key': caller.apiKey, origin: 'https://app.example' } });
      expect(res.headers['access-control-allow-origin']).toBe('https://app.example');
      expect(res.headers['access-control-expose-headers']).toContain('X-Credits-Charged');
    } finally {
      await cors.close();
    }
  });
});
