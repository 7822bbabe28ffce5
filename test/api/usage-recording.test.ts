import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateApiKey } from '../../src/accounts/index.js';
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

async function recorded(requestId: string) {
  await t.services.usage.flush();
  return t.services.store.db.selectFrom('usage_events').selectAll().where('request_id', '=', requestId).executeTakeFirst();
}

describe('usage records (docs/api-contract.md § Usage records)', () => {
  it('records a charged 200 with its canonical query, cache and source label', async () => {
    const res = await t.app.inject({ method: 'GET', url: `${PATH}?country_code=us&limit=2`, headers: { 'x-api-key': key, 'x-trendlens-client': 'playground', 'user-agent': 'vitest' } });
    const row = await recorded(String(res.headers['x-request-id']));
    expect(row).toMatchObject({
      account_id: accountId,
      operation_id: 'tiktok-popular-trend-hashtag',
      canonical_query: 'tiktok-popular-trend-hashtag?country_code=US&limit=2&page=1&period=7',
      status: 200,
      credits: 8,
      cache: 'MISS',
      upstream_source: 'simulator',
      source: 'playground',
      user_agent: 'vitest',
    });
  });

  it('labels the Console\'s requests console, and any other label api', async () => {
    for (const [label, source] of [['console', 'console'], ['curl', 'api']] as const) {
      const res = await t.app.inject({ method: 'GET', url: `${PATH}?country_code=us&limit=2`, headers: { 'x-api-key': key, 'x-trendlens-client': label } });
      expect(await recorded(String(res.headers['x-request-id']))).toMatchObject({ status: 200, source });
    }
  });

  it("records a 400 for the key's account, so people see their own bad requests, with no credits", async () => {
    const res = await t.app.inject({ method: 'GET', url: `${PATH}?period=14`, headers: { 'x-api-key': key } });
    expect(res.statusCode).toBe(400);
    expect(await recorded(String(res.headers['x-request-id']))).toMatchObject({ status: 400, credits: 0, account_id: accountId, source: 'api' });
  });

  it('records a 400 with an unknown key under no account', async () => {
    const res = await t.app.inject({ method: 'GET', url: `${PATH}?period=14`, headers: { 'x-api-key': generateApiKey() } });
    expect(await recorded(String(res.headers['x-request-id']))).toMatchObject({ status: 400, account_id: null });
  });

  it('records a 401 with no account', async () => {
    const res = await t.app.inject({ method: 'GET', url: PATH, headers: { 'x-api-key': generateApiKey() } });
    expect(await recorded(String(res.headers['x-request-id']))).toMatchObject({ status: 401, credits: 0, account_id: null });
  });

  it('does not record unrouted requests', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/tiktok/nope', headers: { 'x-api-key': key } });
    expect(await recorded(String(res.headers['x-request-id']))).toBeUndefined();
  });
});

describe('usage records of refused methods', () => {
  it.each(['POST', 'HEAD'] as const)('records a %s answered 405 on a catalog path, with the key that sent it', async (method) => {
    const res = await t.app.inject({ method, url: PATH, headers: { 'x-api-key': key } });
    expect(res.statusCode).toBe(405);
    expect(await recorded(String(res.headers['x-request-id']))).toMatchObject({
      status: 405,
      operation_id: 'tiktok-popular-trend-hashtag',
      credits: 0,
      account_id: expect.stringMatching(/\S/),
      key_id: expect.stringMatching(/\S/),
    });
  });
});
