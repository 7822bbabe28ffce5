import { describe, expect, it } from 'vitest';
import { findEndpoint } from '../../src/catalog/index.js';
import {
  contractSuite,
  describeUpstreamFailures,
  expectDoubleWrapped,
  expectInvalid,
  expectSameEntry,
  itAnswersEmptyPastTheEnd,
  itClampsPaging,
  itEndsOnTheLastWindow,
  itWindowsAcrossUpstreamPages,
  type ListPaging,
} from '../support/endpoint-contract.js';

const PATH = '/api/v1/tiktok/keyword-insights';
const UPSTREAM = 'script/keyword/list';
const endpoint = findEndpoint('tiktok-keyword-insights')!;

const { t, call } = contractSuite(PATH);

type Keyword = { keyword: string; post: number; ctr: number; video_list: string[] };
const keywords = (body: any): Keyword[] => body.data.data.keyword_list;
const names = (body: any): string[] => keywords(body).map((k) => k.keyword);
const paging: ListPaging = {
  call,
  items: keywords,
  ids: names,
  pagination: (page, size, has_more) => ({ page, size, total: 500, has_more }),
};

describe('200', () => {
  it('answers the default request with the double-wrapped list its schema describes, charged 8', async () => {
    const reply = await call('');
    expectDoubleWrapped(reply, endpoint);
    expect(keywords(reply.body)).toHaveLength(20);
    expect(reply.body.data.data.pagination).toEqual({ page: 1, size: 20, total: 500, has_more: true });
  });

  itClampsPaging(call, [
    ['clamps page 0 to 1', '?page=0&limit=5', { page: 1, size: 5 }],
    ['clamps page 1001 to 1000', '?page=1001&limit=5', { page: 1000, size: 5 }],
    ['clamps limit 500 to 100', '?limit=500', { page: 1, size: 100 }],
    ['clamps limit 0 to 1', '?limit=0', { page: 1, size: 1 }],
  ]);

  itWindowsAcrossUpstreamPages(paging, 50);

  itEndsOnTheLastWindow(paging, { page: 5, limit: 100, length: 100 });

  itAnswersEmptyPastTheEnd(paging, { page: 6, limit: 100 });

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
    await expectSameEntry(call, '?keyword=shipping&limit=5', '?q=shipping&limit=5');
  });

  it('lets an explicit keyword win over q', async () => {
    const { body } = await call('?q=zzzz&keyword=free&limit=10');
    expect(keywords(body).length).toBeGreaterThan(0);
    for (const k of names(body)) expect(k).toContain('free');
  });

  it('normalises the industry and objective CSVs: "2, 1,1" is the cached answer of "1,2"', async () => {
    await expectSameEntry(
      call,
      '?industry=27000000000,14000000000&objective=3,1&limit=5',
      '?industry=14000000000,%2027000000000,27000000000&objective=1,3,3&limit=5',
    );
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

describeUpstreamFailures({ t, request: () => call(''), upstream: UPSTREAM, deprecatedIn2026: 'retired' });
