import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { endpoints, type AnyEndpoint } from '../../src/catalog/index.js';
import { defaultConfig } from '../../src/config.js';
import { DEMO_EMAIL, startDemo, type RunningServer } from '../../src/server.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';
import {
  SOURCE_ID,
  contractApp,
  expectInvalid,
  expectNothingCharged,
  expectOk,
  expectUpstreamFailure,
  get,
  outliveCaches,
  type Caller,
} from '../support/endpoint-contract.js';

/** What every catalog endpoint owes a caller alike, checked over the whole catalog (docs/api-contract.md § Params and canonical form, § Errors, § Endpoints). */

/** Both adapters, TikTok One with the operator's session, as the demo runs them. */
const { t, caller, ids } = contractApp({ liveIds: true, start: { tiktokOne: 'logged-in' } });

const url = (endpoint: AnyEndpoint) => `/api/v1${endpoint.path}`;
// History's endpoints answer from the store, not an upstream: test/api/history.test.ts holds their contract.
const cases = endpoints.filter((e) => e.servedFrom === undefined).map((endpoint) => [endpoint.operationId, endpoint] as const);
/** The operations the legacy API serves, all live in the simulator's 2024 era. */
const legacy = cases.filter(([, endpoint]) => endpoint.sources.includes('creative-center'));

/**
 * Moves the simulator to a world where the operation is live: 2026 for those only TikTok One serves;
 * the others stay in the 2024 era `contractApp` sets before each test.
 */
function enterLiveWorld(endpoint: AnyEndpoint): void {
  if (!endpoint.sources.includes('creative-center')) t.simulator.setEra('2026');
}
const METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** The default request: only the required params, each an id the upstream knows or the documented example. */
function defaultQuery(endpoint: AnyEndpoint): string {
  const known: Record<string, string | undefined> = {
    chart: 'hashtag',
    hashtag_name: ids.hashtagNames[0],
    clip_id: ids.clipIds[0],
    material_id: ids.materialIds[0],
  };
  const pairs = Object.entries(endpoint.params)
    .filter(([, def]) => def.required)
    .map(([name, def]) => {
      const value = known[name] ?? def.example;
      if (value === undefined) throw new Error(`no live value for the required param ${name}`);
      return `${name}=${encodeURIComponent(value)}`;
    });
  return pairs.length > 0 ? `?${pairs.join('&')}` : '';
}

describe('200', () => {
  it('serves every catalog endpoint, in the docs order', () => {
    expect(endpoints.map((e) => e.path)).toEqual([
      '/tiktok/popular-trend/hashtag',
      '/tiktok/popular-trend/hashtag/detail',
      '/tiktok/popular-trend/song',
      '/tiktok/popular-trend/song/detail',
      '/tiktok/popular-trend/creator',
      '/tiktok/popular-trend/video',
      '/tiktok/popular-trend/country-industry-meta',
      '/tiktok/creative-center/hashtags',
      '/tiktok/creative-center/videos',
      '/tiktok/top-ads/list',
      '/tiktok/top-ads/detail',
      '/tiktok/top-ads/analysis',
      '/tiktok/top-ads/filters',
      '/tiktok/top-ads/recommend',
      '/tiktok/top-ads/spotlight',
      '/tiktok/top-ads/suggestions',
      '/tiktok/top-ads/locations',
      '/tiktok/top-ads/location-info',
      '/tiktok/top-ads/safety',
      '/tiktok/keyword-insights',
      '/tiktok/popular-trend/hashtag/history',
      '/tiktok/popular-trend/movers',
    ]);
  });

  it.each(cases)('%s answers its default request with schema-valid data, charged 8', async (_, endpoint) => {
    enterLiveWorld(endpoint);
    const reply = await get(t, url(endpoint), defaultQuery(endpoint), caller);
    expectOk(reply);
    expect(() => endpoint.responseSchema.parse(reply.body.data)).not.toThrow();
    if (endpoint.envelope === 'double') expect(reply.body.data).toMatchObject({ code: 0, msg: 'OK' });
    else expect(reply.body.data).not.toHaveProperty('code');
    expect(reply.res.headers['x-upstream-source']).toBe(SOURCE_ID);
    expect(['MISS', 'HIT']).toContain(reply.res.headers['x-cache']);
    expect(reply.res.headers['cache-control']).toBe('no-store');
    expect(reply.res.headers['x-request-id']).toMatch(/^req_[0-9A-HJKMNP-TV-Z]{26}$/);
  });
});

describe('400', () => {
  const withRequired = cases.filter(([, endpoint]) => Object.values(endpoint.params).some((def) => def.required));

  it.each(withRequired)('%s names its missing required param', async (_, endpoint) => {
    const required = Object.entries(endpoint.params).filter(([, def]) => def.required).map(([name]) => name);
    expectInvalid(await get(t, url(endpoint), '', caller), required);
  });

  it('sends no X-Upstream-Source where the upstream had no part (400, 401, 405), as docs/api-contract.md § Headers lists', async () => {
    const invalid = await get(t, url(endpoints[0]!), '?period=14', caller);
    const unauthenticated = await t.app.inject({ method: 'GET', url: url(endpoints[0]!) });
    const notAllowed = await t.app.inject({ method: 'POST', url: url(endpoints[0]!), headers: { 'x-api-key': caller.apiKey } });
    expect([invalid.res.statusCode, unauthenticated.statusCode, notAllowed.statusCode]).toEqual([400, 401, 405]);
    for (const res of [invalid.res, unauthenticated, notAllowed]) expect(res.headers['x-upstream-source']).toBeUndefined();
  });
});

describe('401', () => {
  it.each(cases)('%s refuses a request without a key, before any upstream call', async (_, endpoint) => {
    t.simulator.resetStats();
    const res = await t.app.inject({ method: 'GET', url: `${url(endpoint)}${defaultQuery(endpoint)}` });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ code: 401, msg: 'Authentication required', data: { error: 'missing_api_key' } });
    expect(res.headers['www-authenticate']).toBe('Bearer realm="trendlens"');
    expect(t.simulator.stats().calls).toBe(0);
  });

  it('challenges a refused key with error="invalid_token" (RFC 6750)', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/tiktok/top-ads/safety', headers: { authorization: 'Bearer tl_live_not-a-key' } });
    expect(res.statusCode).toBe(401);
    expect(res.json().data.error).toBe('invalid_api_key');
    expect(res.headers['www-authenticate']).toBe('Bearer realm="trendlens", error="invalid_token"');
  });
});

describe('405', () => {
  const methodCases = cases.flatMap(([id, endpoint]) => METHODS.map((method) => [id, method, endpoint] as const));

  it.each(methodCases)('%s refuses %s with Allow: GET, OPTIONS, charging nothing', async (_, method, endpoint) => {
    const before = (await t.services.credits.snapshot(caller.accountId)).balance;
    const res = await t.app.inject({ method, url: url(endpoint), headers: { 'x-api-key': caller.apiKey } });
    expect(res.statusCode).toBe(405);
    expect(res.headers.allow).toBe('GET, OPTIONS');
    expect(res.json()).toEqual({ code: 405, msg: 'Method Not Allowed', data: { error: 'method_not_allowed', allow: ['GET'] } });
    expect((await t.services.credits.snapshot(caller.accountId)).balance).toBe(before);
  });
});

describe('5xx from the upstream, charging nothing', () => {
  beforeEach(() => outliveCaches(t));

  it.each(cases)('%s names the source on an upstream failure', async (_, endpoint) => {
    enterLiveWorld(endpoint);
    t.simulator.addFault({ fault: { kind: 'http_error', status: 503, body: 'text' } });
    const reply = await get(t, url(endpoint), defaultQuery(endpoint), caller);
    if (endpoint.sources.length === 1) {
      expectUpstreamFailure(reply, 502, { error: 'upstream_bad_response', detail: 'upstream_error' });
    } else {
      // Every source failed: the answer carries the last one's reason (routing has its own tests).
      expect([502, 503]).toContain(reply.res.statusCode);
      expect(reply.res.headers['x-upstream-source']).toBe(SOURCE_ID);
      expectNothingCharged(reply);
    }
  });
});

/** `npm run demo` as it runs: the simulator in-process, its adapter id on every API answer (docs/architecture.md § Sources and honest modes). */
describe('demo mode: every answer carries X-Upstream-Source', () => {
  let database: TestDatabase;
  let demo: RunningServer & { apiKey: string };
  let demoCaller: Caller;

  beforeAll(async () => {
    database = await freshDatabase('sqlite');
    // The legacy world, where every operation the Creative Center client maps is live.
    demo = await startDemo(defaultConfig({ DATABASE_URL: database.url, PORT: 0, HOST: '127.0.0.1', DEMO_UPSTREAM_ERA: '2024' }));
    const account = await demo.services.accounts.findByEmail(DEMO_EMAIL);
    demoCaller = { apiKey: demo.apiKey, accountId: account!.id, keyId: '' };
  });
  afterAll(async () => {
    await demo.close();
    await database.drop();
  });

  it.each(legacy)('%s: 200, 401 and 405 alike name the simulator', async (_, endpoint) => {
    const ok = await get(demo, url(endpoint), defaultQuery(endpoint), demoCaller);
    const unauthenticated = await demo.app.inject({ method: 'GET', url: `${url(endpoint)}${defaultQuery(endpoint)}` });
    const notAllowed = await demo.app.inject({ method: 'POST', url: url(endpoint), headers: { 'x-api-key': demo.apiKey } });
    expect([ok.res.statusCode, unauthenticated.statusCode, notAllowed.statusCode]).toEqual([200, 401, 405]);
    for (const res of [ok.res, unauthenticated, notAllowed]) expect(res.headers['x-upstream-source']).toBe(SOURCE_ID);
    expectNothingCharged({ res: unauthenticated, body: unauthenticated.json(), charged: 0 });
  });

  it('names the simulator on a 400 and an unknown API route too', async () => {
    const invalid = await get(demo, url(endpoints[0]!), '?period=14', demoCaller);
    const unknown = await demo.app.inject({ method: 'GET', url: '/api/v1/tiktok/nope', headers: { 'x-api-key': demo.apiKey } });
    expect([invalid.res.statusCode, unknown.statusCode]).toEqual([400, 404]);
    for (const res of [invalid.res, unknown]) expect(res.headers['x-upstream-source']).toBe(SOURCE_ID);
  });
});
