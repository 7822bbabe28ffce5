import { describe, expect, it } from 'vitest';
import { findEndpoint } from '../../src/catalog/index.js';
import {
  contractSuite,
  describeUpstreamFailures,
  expectCharged,
  expectDoubleWrapped,
  expectInvalid,
  expectNothingCharged,
  expectSameEntry,
  itClampsPaging,
  itKeepsWorkingIn2026,
} from '../support/endpoint-contract.js';

const PATH = '/api/v1/tiktok/top-ads/list';
const UPSTREAM = 'top_ads/v2/list';
const endpoint = findEndpoint('tiktok-top-ads-list')!;

const { t, call } = contractSuite(PATH);

type Ad = { id: string; industry_key: string; objective_key: string };
const ads = (body: any): Ad[] => body.data.data.materials;
const ids = (body: any): string[] => ads(body).map((m) => m.id);

describe('200', () => {
  it('answers the default request with the double-wrapped list its schema describes, charged 8', async () => {
    const reply = await call('');
    expectDoubleWrapped(reply, endpoint);
    expect(ads(reply.body)).toHaveLength(20);
    expect(reply.body.data.data.pagination).toEqual({ page: 1, size: 20, total: 400, total_count: 400, has_more: true });
  });

  itClampsPaging(call, [
    ['clamps page 0 to 1', '?page=0&limit=5', { page: 1, size: 5 }],
    ['clamps page 1001 to 1000', '?page=1001&limit=5', { page: 1000, size: 5 }],
    ['clamps a huge page to 1000', '?page=99999999999999999999&limit=5', { page: 1000, size: 5 }],
    ['clamps limit 500 to 100', '?limit=500', { page: 1, size: 100 }],
    ['clamps limit 0 to 1', '?limit=0', { page: 1, size: 1 }],
  ]);

  it('windows inside the first upstream page: page 2 of limit 10 continues where page 1 ended', async () => {
    const twenty = ids((await call('?limit=20')).body);
    const first = await call('?page=1&limit=10');
    const second = await call('?page=2&limit=10');
    expect(ids(first.body)).toEqual(twenty.slice(0, 10));
    expect(ids(second.body)).toEqual(twenty.slice(10, 20));
    expect(second.body.data.data.pagination).toEqual({ page: 2, size: 10, total: 400, total_count: 400, has_more: true });
  });

  it('answers an empty, charged list past the end of the 400 ads', async () => {
    const reply = await call('?page=21&limit=20');
    expect(reply.res.statusCode).toBe(200);
    expect(ads(reply.body)).toEqual([]);
    expect(reply.body.data.data.pagination).toEqual({ page: 21, size: 20, total: 400, total_count: 400, has_more: false });
    expectCharged(reply);
  });

  it('defaults period 30 and order_by for_you: the explicit form hits the same entry', async () => {
    await call('?limit=3');
    expect((await call('?limit=3&period=30&order_by=for_you')).res.headers['x-cache']).toBe('HIT');
  });

  it.each(['impression', 'ctr', 'play_2s_rate', 'play_6s_rate', 'cvr', 'like'])('orders by %s: another list than for_you', async (orderBy) => {
    const forYou = ids((await call('?limit=10')).body);
    const { res, body } = await call(`?limit=10&order_by=${orderBy}`);
    expect(res.statusCode).toBe(200);
    expect(ids(body)).not.toEqual(forYou);
  });

  it.each([7, 180])('serves period %i', async (period) => {
    const { res, body } = await call(`?period=${period}&limit=2`);
    expect(res.statusCode).toBe(200);
    expect(ads(body)).toHaveLength(2);
  });

  it('normalises CSV params: "GB, us,US," is the cached answer of "gb,us"', async () => {
    await expectSameEntry(call, '?country_code=gb,us&limit=5', '?country_code=GB,%20us,US,&limit=5');
  });

  it('reads a repeated CSV param as one list', async () => {
    await expectSameEntry(call, '?industry=27000000000,14000000000&limit=5', '?industry=14000000000&industry=27000000000&limit=5');
  });

  it('treats a CSV of only commas as absent', async () => {
    await call('?limit=6');
    expect((await call('?limit=6&country_code=,,&industry=%20')).res.headers['x-cache']).toBe('HIT');
  });

  it('narrows to an industry and its second-level industries', async () => {
    const { body } = await call('?industry=27000000000&limit=20');
    expect(ads(body)).toHaveLength(20);
    for (const ad of ads(body)) expect(ad.industry_key).toMatch(/^label_27[0-9]{9}$/);
  });

  it('narrows to the objectives listed', async () => {
    const { body } = await call('?objective=3,8&limit=20');
    for (const ad of ads(body)) expect(['campaign_objective_conversion', 'campaign_objective_lead_generation']).toContain(ad.objective_key);
  });

  it('answers 200 with an empty list for a country the upstream does not cover', async () => {
    const { res, body } = await call('?country_code=AQ');
    expect(res.statusCode).toBe(200);
    expect(ads(body)).toEqual([]);
    expect(body.data.data.pagination).toMatchObject({ total: 0, total_count: 0, has_more: false });
  });

  it('accepts every filter at once and still answers its schema', async () => {
    const reply = await call(
      '?keyword=coffee&industry=27000000000&objective=3&ad_language=en,zh-Hant&pattern_label=1,2&duration=time-3&like=1,2&ad_format=1&country_code=US',
    );
    expect(reply.res.statusCode).toBe(200);
    expect(() => endpoint.responseSchema.parse(reply.body.data)).not.toThrow();
  });

  it('takes q as an alias of keyword', async () => {
    await expectSameEntry(call, '?keyword=coffee&limit=4', '?q=coffee&limit=4');
  });

  it('lets an explicit keyword win over q', async () => {
    await expectSameEntry(call, '?keyword=skincare&limit=4', '?q=tea&keyword=skincare&limit=4');
  });

  it('lets q speak when keyword is empty (empty is the same as absent)', async () => {
    await expectSameEntry(call, '?keyword=latte&limit=4', '?keyword=&q=latte&limit=4');
  });

  itKeepsWorkingIn2026(t, () => call('?limit=9'), (reply) => expect(ads(reply.body)).toHaveLength(9));
});

/**
 * Logged out (no `sessionid` cookie, as in the test app), the upstream serves `top_ads/v2/list` page 1
 * only (docs/upstreams.md § Status timeline, § Simulator); later pages answer code 0 with an empty list.
 */
describe('without an upstream session cookie', () => {
  it('answers a page TikTok withholds (page 2 of 20, inside its 400 ads) 503 login_required, charging nothing', async () => {
    const reply = await call('?page=2&limit=20');
    expect(reply.res.statusCode).toBe(503);
    expect(reply.body.data).toMatchObject({ error: 'upstream_unavailable', detail: 'login_required', message: expect.stringMatching(/400 items.*no working TikTok session for page 2/) });
    expect(reply.res.headers['retry-after']).toBeUndefined();
    expectNothingCharged(reply);
  });

  it('cuts a window reaching into upstream page 2 short: limit 30 gives the 20 ads of page 1', async () => {
    const { body } = await call('?limit=30');
    expect(ads(body)).toHaveLength(20);
    expect(body.data.data.pagination).toMatchObject({ page: 1, size: 30, has_more: true });
  });

  it('is documented in the catalog notes', () => {
    expect(endpoint.notes.join(' ')).toMatch(/session|cookie|logged|sign(ed)? in|login/i);
  });
});

describe('400', () => {
  it.each([
    ['period 14', '?period=14', 'period'],
    ['order_by views', '?order_by=views', 'order_by'],
    ['country_code USA', '?country_code=USA', 'country_code'],
    ['country_code "US,XX" (one bad item)', '?country_code=US,XX', 'country_code'],
    ['industry abc', '?industry=abc', 'industry'],
    ['objective "3,x"', '?objective=3,x', 'objective'],
    ['ad_language english', '?ad_language=english', 'ad_language'],
    ['pattern_label a', '?pattern_label=a', 'pattern_label'],
    ['duration time-1', '?duration=time-1', 'duration'],
    ['like 6', '?like=6', 'like'],
    ['like "1,0"', '?like=1,0', 'like'],
    ['ad_format 3', '?ad_format=3', 'ad_format'],
    ['keyword of 101 characters', `?keyword=${'k'.repeat(101)}`, 'keyword'],
    ['q of 101 characters, named as keyword', `?q=${'k'.repeat(101)}`, 'keyword'],
    ['a repeated keyword', '?keyword=a&keyword=b', 'keyword'],
    ['limit 1.5', '?limit=1.5', 'limit'],
  ])('rejects %s naming the param', async (_, query, param) => {
    expectInvalid(await call(query), [param]);
  });

  it('lists every bad param at once', async () => {
    expectInvalid(await call('?period=1&order_by=x&like=9'), ['like', 'order_by', 'period']);
  });
});

describeUpstreamFailures({ t, request: () => call(''), upstream: UPSTREAM, deprecatedIn2026: false });
