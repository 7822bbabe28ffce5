import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { findEndpoint, TOP_ADS_STATIC_FILTERS } from '../../src/catalog/index.js';
import { startTestApp, type TestApp } from '../support/app.js';
import {
  NO_PERMISSION,
  UPSTREAM_FAULTS,
  expectCharged,
  expectOk,
  expectUpstreamFailure,
  get,
  outliveCaches,
  type Caller,
} from '../support/endpoint-contract.js';

const PATH = '/api/v1/tiktok/top-ads/filters';
const UPSTREAM = 'top_ads/v2/filters';
const endpoint = findEndpoint('tiktok-top-ads-filters')!;

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
  it('answers with the double-wrapped filter lists its schema describes, charged 8', async () => {
    outliveCaches(t);
    const reply = await call('');
    expectOk(reply);
    expect(() => endpoint.responseSchema.parse(reply.body.data)).not.toThrow();
    expect(reply.body.data).toMatchObject({ code: 0, msg: 'OK' });
    expect(reply.body.data.request_id).toMatch(/^[0-9]{14}[0-9A-F]{20}$/);
    expect(reply.res.headers['x-cache']).toBe('MISS');
  });

  it('holds the five upstream lists and the six static ones, nothing else', async () => {
    const { body } = await call('');
    expect(Object.keys(body.data.data).sort()).toEqual(
      ['industry', 'country', 'ad_language', 'objective', 'pattern_label', ...Object.keys(TOP_ADS_STATIC_FILTERS)].sort(),
    );
    for (const kind of ['industry', 'country', 'ad_language', 'objective', 'pattern_label']) {
      expect(body.data.data[kind].length).toBeGreaterThan(0);
    }
  });

  it('serves the static lists exactly as the catalog keeps them', async () => {
    const { body } = await call('');
    for (const [kind, items] of Object.entries(TOP_ADS_STATIC_FILTERS)) expect(body.data.data[kind]).toEqual(items);
  });

  it('gives every upstream item a label and parent_id, second-level industries pointing at their parent', async () => {
    const { body } = await call('');
    expect(body.data.data.industry).toContainEqual({ id: '27102000000', parent_id: '27000000000', label: 'label_27102000000', value: 'Beverages' });
    expect(body.data.data.ad_language).toContainEqual({ id: 'en', parent_id: null, label: 'en', value: 'English' });
    expect(body.data.data.objective).toContainEqual({ id: 3, parent_id: null, label: 'campaign_objective_conversion', value: 'Conversions' });
  });

  it('ignores unknown params: the same cached answer', async () => {
    const plain = await call('');
    const reply = await call('?industry=1&foo=bar');
    expect(reply.res.statusCode).toBe(200);
    expect(reply.res.headers['x-cache']).toBe('HIT');
    expect(reply.res.body).toBe(plain.res.body);
  });

  it('caches for 24 hours: a HIT just before, a MISS at 24 h', async () => {
    outliveCaches(t);
    await call('');
    t.clock.advance(86_399_000);
    expect((await call('')).res.headers['x-cache']).toBe('HIT');
    t.clock.advance(1_000);
    expect((await call('')).res.headers['x-cache']).toBe('MISS');
  });

  it('keeps working in the 2026 mode, when the trend paths are retired', async () => {
    outliveCaches(t);
    t.simulator.setMode('deprecated-2026');
    const reply = await call('');
    expect(reply.res.statusCode).toBe(200);
    expect(reply.res.headers['x-cache']).toBe('MISS');
    expectCharged(reply);
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
});
