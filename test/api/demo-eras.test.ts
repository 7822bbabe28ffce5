import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endpoints, type AnyEndpoint } from '../../src/catalog/index.js';
import { defaultConfig, type Config } from '../../src/config.js';
import { DEMO_EMAIL, startDemo, type RunningServer } from '../../src/server.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';
import { expectNothingCharged, expectOk, get, type Caller } from '../support/endpoint-contract.js';

/**
 * `trendlens demo` shows the world a user meets live (docs/upstreams.md § Simulator): by default the
 * 2026 era, TikTok One logged in through the simulated session; `DEMO_UPSTREAM_ACCESS=anonymous`
 * shows the anonymous view and `DEMO_UPSTREAM_ERA=2024` the legacy world.
 */

type Demo = RunningServer & { apiKey: string };

async function demo(config: Partial<Config>): Promise<{ server: Demo; caller: Caller; database: TestDatabase }> {
  const database = await freshDatabase('sqlite');
  const server = await startDemo(defaultConfig({ DATABASE_URL: database.url, PORT: 0, HOST: '127.0.0.1', ...config }));
  const account = await server.services.accounts.findByEmail(DEMO_EMAIL);
  return { server, database, caller: { apiKey: server.apiKey, accountId: account!.id, keyId: '' } };
}

/** A request from the catalog's own examples: required params, and the country where there is one. */
function exampleQuery(endpoint: AnyEndpoint): string {
  const pairs = Object.entries(endpoint.params)
    .filter(([name, def]) => (def.required || name === 'country_code') && def.example !== undefined)
    .map(([name, def]) => `${name}=${encodeURIComponent(def.example!)}`);
  return pairs.length > 0 ? `?${pairs.join('&')}` : '';
}

const FLAGSHIP = '/api/v1/tiktok/popular-trend/hashtag';

describe('demo, 2026 (the default), logged in', () => {
  let d: Awaited<ReturnType<typeof demo>>;
  beforeAll(async () => {
    d = await demo({});
  });
  afterAll(async () => {
    await d.server.close();
    await d.database.drop();
  });

  it('serves the flagship from TikTok One, 20 per page of a 100-hashtag chart', async () => {
    const reply = await get(d.server, FLAGSHIP, '?country_code=US&limit=20', d.caller);
    expectOk(reply);
    expect(reply.res.headers).toMatchObject({ 'x-upstream-adapter': 'tiktok-one', 'x-upstream-access': 'logged-in', 'x-upstream-source': 'simulator' });
    expect(reply.body.data.data.list).toHaveLength(20);
    expect(reply.body.data.data.pagination.total).toBe(100);
  });

  // History's endpoints need stored charts first: test/api/history.test.ts covers them.
  const live = endpoints.filter((e) => !e.retired && e.servedFrom === undefined);
  it.each(live.map((e) => [e.operationId, e] as const))('%s answers 200 with schema-valid data', async (_, endpoint) => {
    const reply = await get(d.server, `/api/v1${endpoint.path}`, exampleQuery(endpoint), d.caller);
    expectOk(reply);
    expect(() => endpoint.responseSchema.parse(reply.body.data)).not.toThrow();
    expect(endpoint.sources).toContain(reply.res.headers['x-upstream-adapter']);
  });

  const retired = endpoints.filter((e) => e.retired);
  it('retires songs, song detail, creators and keyword insights', () => {
    expect(retired.map((e) => e.operationId).sort()).toEqual(
      ['tiktok-keyword-insights', 'tiktok-popular-trend-creator', 'tiktok-popular-trend-song', 'tiktok-popular-trend-song-detail'].sort(),
    );
  });

  it.each(retired.map((e) => [e.operationId, e] as const))('%s answers 503 upstream_retired, uncharged', async (_, endpoint) => {
    const reply = await get(d.server, `/api/v1${endpoint.path}`, exampleQuery(endpoint), d.caller);
    expect(reply.res.statusCode).toBe(503);
    expect(reply.body.data).toMatchObject({ error: 'upstream_retired', since: endpoint.retired!.since });
    expect(reply.body.data.message).toContain(endpoint.retired!.reason);
    expectNothingCharged(reply);
  });
});

describe('demo, 2026, anonymous view', () => {
  let d: Awaited<ReturnType<typeof demo>>;
  beforeAll(async () => {
    d = await demo({ DEMO_UPSTREAM_ACCESS: 'anonymous' });
  });
  afterAll(async () => {
    await d.server.close();
    await d.database.drop();
  });

  it('serves the top 3 hashtags and says the access is anonymous', async () => {
    const reply = await get(d.server, FLAGSHIP, '?country_code=US&limit=20', d.caller);
    expectOk(reply);
    expect(reply.res.headers['x-upstream-access']).toBe('anonymous');
    expect(reply.body.data.data.list).toHaveLength(3);
    expect(reply.body.data.data.pagination).toMatchObject({ total: 3, has_more: false });
  });
});

describe('demo, DEMO_UPSTREAM_ERA=2024', () => {
  let d: Awaited<ReturnType<typeof demo>>;
  beforeAll(async () => {
    d = await demo({ DEMO_UPSTREAM_ERA: '2024' });
  });
  afterAll(async () => {
    await d.server.close();
    await d.database.drop();
  });

  // Every upstream operation, the retired ones included: in 2024 each answers from its first source.
  const routed = endpoints.filter((e) => e.sources.length > 0);
  it.each(routed.map((e) => [e.operationId, e] as const))('%s answers 200 from its first source', async (_, endpoint) => {
    const reply = await get(d.server, `/api/v1${endpoint.path}`, exampleQuery(endpoint), d.caller);
    expectOk(reply);
    expect(reply.res.headers['x-upstream-adapter']).toBe(endpoint.sources[0]);
    expect(() => endpoint.responseSchema.parse(reply.body.data)).not.toThrow();
  });
});
