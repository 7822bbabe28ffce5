import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/clock.js';
import { loadConfig } from '../../../src/config.js';
import { startDemo, type RunningServer } from '../../../src/server.js';
import { createTrendlensClient, TrendlensError, unwrap, withIdempotencyKey, type TrendlensClient } from '../src/index.js';

const FLAGSHIP = '/api/v1/tiktok/popular-trend/hashtag';

let server: RunningServer & { apiKey: string };
let clock: ManualClock;
let client: TrendlensClient;

beforeAll(async () => {
  clock = new ManualClock(Date.now());
  const databaseUrl = join(mkdtempSync(join(tmpdir(), 'trendlens-client-')), 'demo.db');
  server = await startDemo(loadConfig({ DATABASE_URL: databaseUrl, PORT: '0', HOST: '127.0.0.1' }), { clock });
  client = createTrendlensClient({ baseUrl: server.url, apiKey: server.apiKey });
});

afterAll(async () => {
  await server?.close();
});

/** What `fn` throws, or undefined. */
function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return undefined;
}

/** A key on the free plan: 5 requests a minute, so the sixth meets the rate limit. */
async function freeKey(): Promise<string> {
  const account = await server.services.accounts.create({ email: `free${Math.random()}@example.com`, planId: 'free' });
  return (await server.services.keys.create(account.id, 'client test')).apiKey;
}

describe('@trendlens/client against a demo server', () => {
  it('GETs the flagship with typed query params and typed data, charged 8 credits', async () => {
    const { data, error, response } = await client.GET(FLAGSHIP, { params: { query: { page: 1, limit: 5, country_code: 'US' } } });
    expect(error).toBeUndefined();
    expect(response.headers.get('x-credits-charged')).toBe('8');
    const list = data?.data.data.list ?? [];
    expect(list).toHaveLength(5);
    expect(list[0]?.country_info.id).toBe('US');
  });

  it('turns a 400 into a TrendlensError naming the bad param', async () => {
    // @ts-expect-error the generated types know period is 7, 30 or 120
    const result = await client.GET(FLAGSHIP, { params: { query: { period: 14 } } });
    expect(result.response.status).toBe(400);
    const thrown = thrownBy(() => unwrap(result));
    expect(thrown).toBeInstanceOf(TrendlensError);
    expect(thrown).toMatchObject({ status: 400, code: 'invalid_input', message: 'period must be one of 7, 30, 120', fieldErrors: [{ param: 'period' }] });
  });

  it('says in words what a code means when the answer carries no sentence of its own', async () => {
    const keyless = createTrendlensClient({ baseUrl: server.url, apiKey: '' });
    const result = await keyless.GET(FLAGSHIP, { params: { query: { country_code: 'US' } } });
    expect(thrownBy(() => unwrap(result))).toMatchObject({ status: 401, code: 'missing_api_key', message: 'No API key: send it as x-api-key or Authorization: Bearer.' });
  });

  it('waits out Retry-After on a 429 and then succeeds', async () => {
    const waits: number[] = [];
    const limited = createTrendlensClient({
      baseUrl: server.url,
      apiKey: await freeKey(),
      sleep: async (ms) => {
        waits.push(ms);
        clock.advance(ms);
      },
    });
    for (let i = 0; i < 5; i++) expect((await limited.GET('/api/v1/tiktok/top-ads/filters')).response.status).toBe(200);
    const sixth = await limited.GET('/api/v1/tiktok/top-ads/filters');
    expect(sixth.response.status).toBe(200);
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThanOrEqual(1_000);
  });

  it('returns the 429 as a rate_limited TrendlensError with Retry-After when retries are off', async () => {
    const limited = createTrendlensClient({ baseUrl: server.url, apiKey: await freeKey(), retries: 0 });
    for (let i = 0; i < 5; i++) await limited.GET('/api/v1/tiktok/top-ads/filters');
    const result = await limited.GET('/api/v1/tiktok/top-ads/filters');
    expect(result.error?.code).toBe(429);
    const thrown = thrownBy(() => unwrap(result));
    expect(thrown).toBeInstanceOf(TrendlensError);
    expect(thrown).toMatchObject({ status: 429, code: 'rate_limited', retryAfterSeconds: expect.any(Number) });
  });

  it('retries a 503 after its Retry-After', async () => {
    // Both sources fail for now: the legacy list is deprecated and TikTok One blocks the caller (503).
    server.simulator?.setMode('deprecated-2026');
    server.simulator?.addFault({ fault: { kind: 'login_wall', variant: '403' }, path: 'CreativeOne/KnowledgeAPI/GetHashtagList' });
    const waits: number[] = [];
    const retrying = createTrendlensClient({
      baseUrl: server.url,
      apiKey: server.apiKey,
      sleep: async (ms) => {
        waits.push(ms);
        server.simulator?.clearFaults();
      },
    });
    const { response } = await retrying.GET(FLAGSHIP, { params: { query: { country_code: 'GB', period: 120 } } });
    expect(response.status).toBe(200);
    expect(waits).toEqual([30_000]);
  });

  it('returns a 503 without Retry-After at once: it is final, a retry would get the same answer', async () => {
    const waits: number[] = [];
    const retrying = createTrendlensClient({ baseUrl: server.url, apiKey: server.apiKey, sleep: async (ms) => void waits.push(ms) });
    const { response, error } = await retrying.GET(FLAGSHIP, { params: { query: {} } });
    expect(response.status).toBe(503);
    expect(error).toMatchObject({ data: { error: 'upstream_unavailable', detail: 'not_available' } });
    expect(waits).toEqual([]);
  });

  it('sends an Idempotency-Key, so a repeat is replayed without a second charge', async () => {
    const once = withIdempotencyKey();
    const first = await client.GET('/api/v1/tiktok/top-ads/suggestions', { params: { query: { count: 3 } }, ...once });
    const again = await client.GET('/api/v1/tiktok/top-ads/suggestions', { params: { query: { count: 3 } }, ...once });
    expect(first.response.headers.get('x-credits-charged')).toBe('8');
    expect(again.response.headers.get('idempotent-replayed')).toBe('true');
    expect(again.response.headers.get('x-credits-charged')).toBe('0');
    expect(again.data).toEqual(first.data);
  });
});
