import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { findEndpoint } from '../../src/catalog/index.js';
import { startTestApp, type TestApp } from '../support/app.js';
import {
  NO_PERMISSION,
  UPSTREAM_FAULTS,
  expectCharged,
  expectInvalid,
  expectOk,
  expectUpstreamFailure,
  get,
  outliveCaches,
  type Caller,
} from '../support/endpoint-contract.js';

const PATH = '/api/v1/tiktok/top-ads/spotlight';
const UPSTREAM = 'education/top_ads/list';
const endpoint = findEndpoint('tiktok-top-ads-spotlight')!;

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

type Ad = { id: string; industry_key: string };
const ads = (body: any): Ad[] => body.data.data.materials;
const ids = (body: any): string[] => ads(body).map((m) => m.id);

describe('200', () => {
  it('answers the default request with the double-wrapped list its schema describes, charged 8', async () => {
    const reply = await call('');
    expectOk(reply);
    expect(() => endpoint.responseSchema.parse(reply.body.data)).not.toThrow();
    expect(reply.body.data).toMatchObject({ code: 0, msg: 'OK' });
    expect(reply.body.data.request_id).toMatch(/^[0-9]{14}[0-9A-F]{20}$/);
    expect(ads(reply.body)).toHaveLength(20);
    expect(reply.body.data.data.pagination).toEqual({ page: 1, size: 20, total: 180, total_count: 180, has_more: true });
  });

  it('covers every spotlight industry: the upstream is asked without one', async () => {
    const { body } = await call('?limit=100&page=2');
    const all = [...ads((await call('?limit=100')).body), ...ads(body)];
    expect(new Set(all.map((a) => a.industry_key)).size).toBe(6);
  });

  it.each([
    ['clamps page 0 to 1', '?page=0&limit=5', { page: 1, size: 5 }],
    ['clamps page 1001 to 1000', '?page=1001&limit=5', { page: 1000, size: 5 }],
    ['clamps limit 500 to 100', '?limit=500', { page: 1, size: 100 }],
    ['clamps limit -3 to 1', '?limit=-3', { page: 1, size: 1 }],
  ])('%s', async (_, query, pagination) => {
    const { res, body } = await call(query);
    expect(res.statusCode).toBe(200);
    expect(body.data.data.pagination).toMatchObject(pagination);
  });

  it('windows across upstream pages of 50: page 2 of limit 30 continues where page 1 ended', async () => {
    const sixty = ids((await call('?limit=60')).body);
    const first = ids((await call('?page=1&limit=30')).body);
    const second = await call('?page=2&limit=30');
    expect(first).toEqual(sixty.slice(0, 30));
    expect(ids(second.body)).toEqual(sixty.slice(30, 60));
    expect(second.body.data.data.pagination).toEqual({ page: 2, size: 30, total: 180, total_count: 180, has_more: true });
  });

  it('ends the list on the last window: page 6 of 30, has_more false', async () => {
    const { body } = await call('?page=6&limit=30');
    expect(ads(body)).toHaveLength(30);
    expect(body.data.data.pagination).toEqual({ page: 6, size: 30, total: 180, total_count: 180, has_more: false });
  });

  it('answers an empty, charged list past the end', async () => {
    const reply = await call('?page=7&limit=30');
    expect(reply.res.statusCode).toBe(200);
    expect(ads(reply.body)).toEqual([]);
    expect(reply.body.data.data.pagination).toMatchObject({ page: 7, has_more: false });
    expectCharged(reply);
  });

  it('ignores unknown params such as industry: the same cached answer', async () => {
    const plain = await call('?limit=4');
    const reply = await call('?limit=4&industry=22000000000');
    expect(reply.res.headers['x-cache']).toBe('HIT');
    expect(reply.res.body).toBe(plain.res.body);
  });

  it('keeps working in the 2026 mode, when the trend paths are retired', async () => {
    t.simulator.setMode('deprecated-2026');
    const reply = await call('?limit=11');
    expect(reply.res.statusCode).toBe(200);
    expect(ads(reply.body)).toHaveLength(11);
    expectCharged(reply);
  });
});

describe('400', () => {
  it.each([
    ['page 1.5', '?page=1.5', 'page'],
    ['limit 1e3', '?limit=1e3', 'limit'],
    ['a repeated page', '?page=1&page=2', 'page'],
  ])('rejects %s naming the param', async (_, query, param) => {
    expectInvalid(await call(query), [param]);
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
