import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { findEndpoint } from '../../src/catalog/index.js';
import { startTestApp, type TestApp } from '../support/app.js';
import {
  DEPRECATED,
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

const PATH = '/api/v1/tiktok/popular-trend/creator';
const UPSTREAM = 'popular_trend/creator/list';
const endpoint = findEndpoint('tiktok-popular-trend-creator')!;

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

type Creator = { tcm_id: string; follower_cnt: number; country_code: string };
const creators = (body: any): Creator[] => body.data.data.creators;

describe('200', () => {
  it('answers the default request with the double-wrapped list its schema describes, charged 8', async () => {
    const reply = await call('');
    expectOk(reply);
    expect(() => endpoint.responseSchema.parse(reply.body.data)).not.toThrow();
    expect(reply.body.data).toMatchObject({ code: 0, msg: 'OK' });
    expect(reply.body.data.request_id).toMatch(/^[0-9]{14}[0-9A-F]{20}$/);
    expect(creators(reply.body)).toHaveLength(20);
    expect(reply.body.data.data.pagination).toEqual({ page: 1, size: 20, total: 459, has_more: true });
  });

  it.each([
    ['clamps page 0 to 1', '?page=0&limit=5', { page: 1, size: 5 }],
    ['clamps page 11 to 10', '?page=11&limit=5', { page: 10, size: 5 }],
    ['clamps limit 500 to 100', '?limit=500', { page: 1, size: 100 }],
    ['clamps limit -1 to 1', '?limit=-1', { page: 1, size: 1 }],
  ])('%s', async (_, query, pagination) => {
    const { res, body } = await call(query);
    expect(res.statusCode).toBe(200);
    expect(body.data.data.pagination).toMatchObject(pagination);
  });

  it('windows across upstream pages of 50: page 2 of limit 30 continues where page 1 ended', async () => {
    const sixty = creators((await call('?limit=60')).body).map((c) => c.tcm_id);
    const first = creators((await call('?page=1&limit=30')).body).map((c) => c.tcm_id);
    const second = await call('?page=2&limit=30');
    expect(first).toEqual(sixty.slice(0, 30));
    expect(creators(second.body).map((c) => c.tcm_id)).toEqual(sixty.slice(30, 60));
    expect(second.body.data.data.pagination).toEqual({ page: 2, size: 30, total: 459, has_more: true });
  });

  it('ends the list on the last window: page 5 of 100 holds the last 59, has_more false', async () => {
    const { body } = await call('?page=5&limit=100');
    expect(creators(body)).toHaveLength(59);
    expect(body.data.data.pagination).toEqual({ page: 5, size: 100, total: 459, has_more: false });
  });

  it('answers an empty, charged list past the end: page 10 of 100', async () => {
    const reply = await call('?page=10&limit=100');
    expect(reply.res.statusCode).toBe(200);
    expect(creators(reply.body)).toEqual([]);
    expect(reply.body.data.data.pagination).toEqual({ page: 10, size: 100, total: 459, has_more: false });
    expectCharged(reply);
  });

  it('defaults sort_by to follower: most followers first, and the explicit form hits the same entry', async () => {
    const { body } = await call('?limit=50');
    const followers = creators(body).map((c) => c.follower_cnt);
    expect(followers).toEqual([...followers].sort((a, b) => b - a));
    expect((await call('?limit=50&sort_by=follower')).res.headers['x-cache']).toBe('HIT');
  });

  it.each(['engagement', 'avg_views'])('sorts by %s: another order than by followers', async (sortBy) => {
    const byFollower = creators((await call('?limit=20')).body).map((c) => c.tcm_id);
    const { res, body } = await call(`?limit=20&sort_by=${sortBy}`);
    expect(res.statusCode).toBe(200);
    expect(creators(body).map((c) => c.tcm_id)).not.toEqual(byFollower);
  });

  it('narrows to creator_country, upper-cased', async () => {
    const { body } = await call('?creator_country=gb&limit=10');
    expect(creators(body).length).toBe(10);
    for (const c of creators(body)) expect(c.country_code).toBe('GB');
  });

  it('answers 200 with an empty list for a creator country the upstream does not cover', async () => {
    const { res, body } = await call('?creator_country=NL');
    expect(res.statusCode).toBe(200);
    expect(creators(body)).toEqual([]);
  });

  it.each(['1', '4'])('accepts audience_count=%s but ignores it: the same cached answer as without it', async (count) => {
    const without = await call('?limit=7');
    const reply = await call(`?limit=7&audience_count=${count}`);
    expect(reply.res.statusCode).toBe(200);
    expect(reply.res.headers['x-cache']).toBe('HIT');
    expect(reply.res.body).toBe(without.res.body);
    expectCharged(reply);
  });
});

describe('400', () => {
  it.each([
    ['sort_by views', '?sort_by=views', 'sort_by'],
    ['audience_count 0', '?audience_count=0', 'audience_count'],
    ['audience_count 5', '?audience_count=5', 'audience_count'],
    ['audience_count many', '?audience_count=many', 'audience_count'],
    ['creator_country USA', '?creator_country=USA', 'creator_country'],
    ['creator_country XX', '?creator_country=XX', 'creator_country'],
    ['limit 0x1', '?limit=0x1', 'limit'],
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

  it('503 deprecated in the 2026 mode, with Retry-After', async () => {
    t.simulator.setMode('deprecated-2026');
    const reply = await call('');
    expectUpstreamFailure(reply, 503, DEPRECATED);
    expect(reply.res.headers['retry-after']).toBeDefined();
  });
});
