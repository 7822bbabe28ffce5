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

const PATH = '/api/v1/tiktok/keyword-insights';
const UPSTREAM = 'script/keyword/list';
const endpoint = findEndpoint('tiktok-keyword-insights')!;

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

type Keyword = { keyword: string; post: number; ctr: number; video_list: string[] };
const keywords = (body: any): Keyword[] => body.data.data.keyword_list;
const names = (body: any): string[] => keywords(body).map((k) => k.keyword);

describe('200', () => {
  it('answers the default request with the double-wrapped list its schema describes, charged 8', async () => {
    const reply = await call('');
    expectOk(reply);
    expect(() => endpoint.responseSchema.parse(reply.body.data)).not.toThrow();
    expect(reply.body.data).toMatchObject({ code: 0, msg: 'OK' });
    expect(reply.body.data.request_id).toMatch(/^[0-9]{14}[0-9A-F]{20}$/);
    expect(keywords(reply.body)).toHaveLength(20);
    expect(reply.body.data.data.pagination).toEqual({ page: 1, size: 20, total: 500, has_more: true });
  });

  it.each([
    ['clamps page 0 to 1', '?page=0&limit=5', { page: 1, size: 5 }],
    ['clamps page 1001 to 1000', '?page=1001&limit=5', { page: 1000, size: 5 }],
    ['clamps limit 500 to 100', '?limit=500', { page: 1, size: 100 }],
    ['clamps limit 0 to 1', '?limit=0', { page: 1, size: 1 }],
  ])('%s', async (_, query, pagination) => {
    const { res, body } = await call(query);
    expect(res.statusCode).toBe(200);
    expect(body.data.data.pagination).toMatchObject(pagination);
  });

  it('windows across upstream pages of 50: page 2 of limit 30 continues where page 1 ended', async () => {
    const sixty = names((await call('?limit=60')).body);
    const first = names((await call('?page=1&limit=30')).body);
    const second = await call('?page=2&limit=30');
    expect(first).toEqual(sixty.slice(0, 30));
    expect(names(second.body)).toEqual(sixty.slice(30, 60));
    expect(second.body.data.data.pagination).toEqual({ page: 2, size: 30, total: 500, has_more: true });
  });

  it('ends the list on the last window: page 5 of 100, has_more false', async () => {
    const { body } = await call('?page=5&limit=100');
    expect(keywords(body)).toHaveLength(100);
    expect(body.data.data.pagination).toEqual({ page: 5, size: 100, total: 500, has_more: false });
  });

  it('answers an empty, charged list past the end', async () => {
    const reply = await call('?page=6&limit=100');
    expect(reply.res.statusCode).toBe(200);
    expect(keywords(reply.body)).toEqual([]);
    expect(reply.body.data.data.pagination).toEqual({ page: 6, size: 100, total: 500, has_more: false });
    expectCharged(reply);
  });

  it('defaults period 7, order_by post and order_type desc: most posts first, and the explicit form hits the same entry', async () => {
    const { body } = await call('?limit=50');
    const posts = keywords(body).map((k) => k.post);
    expect(posts).toEqual([...posts].sort((a, b) => b - a));
    expect((await call('?limit=50&period=7&order_by=post&order_type=desc')).res.headers['x-cache']).toBe('HIT');
  });

  it('orders by ctr ascending with order_by=ctr&order_type=asc', async () => {
    const { body } = await call('?order_by=ctr&order_type=asc&limit=50');
    const ctrs = keywords(body).map((k) => k.ctr);
    expect(ctrs).toEqual([...ctrs].sort((a, b) => a - b));
  });

  it('narrows to keywords containing keyword', async () => {
    const { body } = await call('?keyword=free&limit=100');
    expect(keywords(body).length).toBeGreaterThan(0);
    for (const k of names(body)) expect(k).toContain('free');
  });

  it('takes q as an alias of keyword', async () => {
    const first = await call('?keyword=shipping&limit=5');
    const second = await call('?q=shipping&limit=5');
    expect(second.res.headers['x-cache']).toBe('HIT');
    expect(second.res.body).toBe(first.res.body);
  });

  it('lets an explicit keyword win over q', async () => {
    const { body } = await call('?q=zzzz&keyword=free&limit=10');
    expect(keywords(body).length).toBeGreaterThan(0);
    for (const k of names(body)) expect(k).toContain('free');
  });

  it('normalises the industry and objective CSVs: "2, 1,1" is the cached answer of "1,2"', async () => {
    const first = await call('?industry=27000000000,14000000000&objective=3,1&limit=5');
    const second = await call('?industry=14000000000,%2027000000000,27000000000&objective=1,3,3&limit=5');
    expect(second.res.headers['x-cache']).toBe('HIT');
    expect(second.res.body).toBe(first.res.body);
  });

  it.each([
    ['period 30', '?period=30'],
    ['period 120', '?period=120'],
    ['country_code gb', '?country_code=gb'],
    ['keyword_type 6', '?keyword_type=6'],
    ['order_by play_six_rate', '?order_by=play_six_rate'],
  ])('serves %s with a schema-valid answer', async (_, query) => {
    const { res, body } = await call(query);
    expect(res.statusCode).toBe(200);
    expect(() => endpoint.responseSchema.parse(body.data)).not.toThrow();
  });
});

describe('400', () => {
  it.each([
    ['period 14', '?period=14', 'period'],
    ['keyword_type 7', '?keyword_type=7', 'keyword_type'],
    ['order_by views', '?order_by=views', 'order_by'],
    ['order_type up', '?order_type=up', 'order_type'],
    ['industry abc', '?industry=abc', 'industry'],
    ['objective "3,-1"', '?objective=3,-1', 'objective'],
    ['country_code XX', '?country_code=XX', 'country_code'],
    ['keyword of 101 characters', `?keyword=${'k'.repeat(101)}`, 'keyword'],
    ['a repeated order_by', '?order_by=post&order_by=ctr', 'order_by'],
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
