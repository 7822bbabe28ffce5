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

const PATH = '/api/v1/tiktok/popular-trend/video';
const UPSTREAM = 'popular_trend/list';
const endpoint = findEndpoint('tiktok-popular-trend-video')!;

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

type Video = { item_id: string; country_code: string; region: string };
const videos = (body: any): Video[] => body.data.data.videos;

describe('200', () => {
  it('answers the default request with the double-wrapped list its schema describes, charged 8', async () => {
    const reply = await call('');
    expectOk(reply);
    expect(() => endpoint.responseSchema.parse(reply.body.data)).not.toThrow();
    expect(reply.body.data).toMatchObject({ code: 0, msg: 'OK' });
    expect(reply.body.data.request_id).toMatch(/^[0-9]{14}[0-9A-F]{20}$/);
    expect(videos(reply.body)).toHaveLength(20);
  });

  it('keeps the upstream pagination spelling {page, limit, total_count, has_more} for the caller\'s window', async () => {
    const { body } = await call('?page=2&limit=7');
    expect(body.data.data.pagination).toEqual({ page: 2, limit: 7, total_count: 500, has_more: true });
  });

  it.each([
    ['clamps page 0 to 1', '?page=0&limit=5', { page: 1, limit: 5 }],
    ['clamps page 11 to 10', '?page=11&limit=5', { page: 10, limit: 5 }],
    ['clamps limit 500 to 100', '?limit=500', { page: 1, limit: 100 }],
    ['clamps limit 0 to 1', '?limit=0', { page: 1, limit: 1 }],
  ])('%s', async (_, query, pagination) => {
    const { res, body } = await call(query);
    expect(res.statusCode).toBe(200);
    expect(body.data.data.pagination).toMatchObject(pagination);
  });

  it('windows across upstream pages of 20: page 2 of limit 30 continues where page 1 ended', async () => {
    const sixty = videos((await call('?limit=60')).body).map((v) => v.item_id);
    const first = videos((await call('?page=1&limit=30')).body).map((v) => v.item_id);
    const second = videos((await call('?page=2&limit=30')).body).map((v) => v.item_id);
    expect(sixty).toHaveLength(60);
    expect(first).toEqual(sixty.slice(0, 30));
    expect(second).toEqual(sixty.slice(30, 60));
  });

  it('ends the list on the last window: page 5 of 100, has_more false', async () => {
    const { body } = await call('?page=5&limit=100');
    expect(videos(body)).toHaveLength(100);
    expect(body.data.data.pagination).toEqual({ page: 5, limit: 100, total_count: 500, has_more: false });
  });

  it('answers an empty, charged list past the end: page 10 of 100', async () => {
    const reply = await call('?page=10&limit=100');
    expect(reply.res.statusCode).toBe(200);
    expect(videos(reply.body)).toEqual([]);
    expect(reply.body.data.data.pagination).toEqual({ page: 10, limit: 100, total_count: 500, has_more: false });
    expectCharged(reply);
  });

  it('defaults period 7 and order_by vv: the explicit form hits the same entry', async () => {
    await call('?limit=4');
    expect((await call('?limit=4&period=7&order_by=vv')).res.headers['x-cache']).toBe('HIT');
  });

  it.each(['like', 'comment', 'repost'])('orders by %s: another list than by views', async (orderBy) => {
    const byViews = videos((await call('?limit=10')).body).map((v) => v.item_id);
    const { res, body } = await call(`?limit=10&order_by=${orderBy}`);
    expect(res.statusCode).toBe(200);
    expect(videos(body).map((v) => v.item_id)).not.toEqual(byViews);
  });

  it('serves period=30', async () => {
    const { res, body } = await call('?period=30&limit=3');
    expect(res.statusCode).toBe(200);
    expect(videos(body)).toHaveLength(3);
  });

  it('upper-cases country_code and labels videos with it and its name', async () => {
    const { body } = await call('?country_code=gb&limit=5');
    for (const v of videos(body)) expect(v).toMatchObject({ country_code: 'GB', region: 'United Kingdom' });
  });

  it('answers 200 with an empty list for a country the upstream does not cover', async () => {
    const { res, body } = await call('?country_code=NL');
    expect(res.statusCode).toBe(200);
    expect(videos(body)).toEqual([]);
    expect(body.data.data.pagination).toMatchObject({ total_count: 0, has_more: false });
  });
});

describe('400', () => {
  it.each([
    ['period 120 (videos have 7 and 30 only)', '?period=120', 'period'],
    ['order_by hot (the UI name of vv)', '?order_by=hot', 'order_by'],
    ['order_by views', '?order_by=views', 'order_by'],
    ['country_code 1', '?country_code=1', 'country_code'],
    ['page abc', '?page=abc', 'page'],
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
