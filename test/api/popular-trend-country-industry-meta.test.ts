import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { findEndpoint, TREND_COUNTRIES, TREND_INDUSTRIES } from '../../src/catalog/index.js';
import { startTestApp, type TestApp } from '../support/app.js';
import {
  DEPRECATED,
  NO_PERMISSION,
  UPSTREAM_FAULTS,
  expectOk,
  expectUpstreamFailure,
  get,
  outliveCaches,
  type Caller,
} from '../support/endpoint-contract.js';

const PATH = '/api/v1/tiktok/popular-trend/country-industry-meta';
const UPSTREAM = 'popular_trend/hashtag/filters';
const endpoint = findEndpoint('tiktok-popular-trend-country-industry-meta')!;

let t: TestApp;
let caller: Caller;

beforeAll(async () => {
  t = await startTestApp({ timeoutMs: 500 });
  caller = await t.newCaller();
});
afterAll(async () => t.close());
beforeEach(() => {
  t.simulator.clearFaults();
  t.simulator.setMode('signed-2024');
});

const call = (query: string) => get(t, PATH, query, caller);

describe('200', () => {
  it('answers single-wrapped: data is the payload its schema describes, with no inner envelope, charged 8', async () => {
    outliveCaches(t);
    const reply = await call('');
    expectOk(reply);
    expect(() => endpoint.responseSchema.parse(reply.body.data)).not.toThrow();
    expect(Object.keys(reply.body.data).sort()).toEqual(['country', 'industry']);
    expect(reply.res.headers['x-cache']).toBe('MISS');
  });

  it('lists the 71 trend countries and 18 industries, every id a string', async () => {
    const { body } = await call('');
    expect(body.data.country).toHaveLength(TREND_COUNTRIES.length);
    expect(body.data.industry).toHaveLength(TREND_INDUSTRIES.length);
    expect(body.data.country).toContainEqual({ id: 'US', value: 'United States' });
    expect(body.data.industry).toContainEqual({ id: '22000000000', value: 'Apparel & Accessories' });
  });

  it('ignores unknown params: the same cached answer', async () => {
    const plain = await call('');
    const reply = await call('?country_code=US&foo=1');
    expect(reply.res.statusCode).toBe(200);
    expect(reply.res.headers['x-cache']).toBe('HIT');
    expect(reply.res.body).toBe(plain.res.body);
  });

  it('caches for 24 hours: a HIT just before, a MISS at 24 h', async () => {
    outliveCaches(t);
    await call('');
    t.clock.advance(86_399_000);
    const before = await call('');
    expect(before.res.headers['x-cache']).toBe('HIT');
    expect(before.res.headers.age).toBe('86399');
    t.clock.advance(1_000);
    expect((await call('')).res.headers['x-cache']).toBe('MISS');
  });
});

describe('5xx from the upstream, charging nothing', () => {
  beforeEach(() => outliveCaches(t));

  it.each(UPSTREAM_FAULTS)('%s', async (_, fault, status, data) => {
    t.simulator.addFault({ fault, path: UPSTREAM });
    expectUpstreamFailure(await call(''), status, data);
  });

  it('502 no_permission when 40101 persists after one re-sign', async () => {
    t.simulator.addFault({ fault: NO_PERMISSION, path: UPSTREAM });
    t.simulator.resetStats();
    expectUpstreamFailure(await call(''), 502, { error: 'upstream_bad_response', detail: 'no_permission' });
    expect(t.simulator.stats().byPath[UPSTREAM]).toBe(2);
  });

  it('503 deprecated in the 2026 mode, with Retry-After', async () => {
    t.simulator.setMode('deprecated-2026');
    const reply = await call('');
    expectUpstreamFailure(reply, 503, DEPRECATED);
    expect(reply.res.headers['retry-after']).toBeDefined();
  });
});
