import { describe, expect, it } from 'vitest';
import { findEndpoint } from '../../src/catalog/index.js';
import {
  contractSuite,
  describeUpstreamFailures,
  expectDoubleWrapped,
  expectInvalid,
  itAnswersEmptyPastTheEnd,
  itClampsPaging,
  itEndsOnTheLastWindow,
  itWindowsAcrossUpstreamPages,
  type ListPaging,
} from '../support/endpoint-contract.js';

const PATH = '/api/v1/tiktok/popular-trend/video';
const UPSTREAM = 'popular_trend/list';
const endpoint = findEndpoint('tiktok-popular-trend-video')!;

const { t, call } = contractSuite(PATH);

type Video = { item_id: string; country_code: string; region: string };
const videos = (body: any): Video[] => body.data.data.videos;
const paging: ListPaging = {
  call,
  items: videos,
  ids: (body) => videos(body).map((v) => v.item_id),
  pagination: (page, limit, has_more) => ({ page, limit, total_count: 500, has_more }),
};

describe('200', () => {
  it('answers the default request with the double-wrapped list its schema describes, charged 8', async () => {
    const reply = await call('');
    expectDoubleWrapped(reply, endpoint);
    expect(videos(reply.body)).toHaveLength(20);
  });

  it('keeps the upstream pagination spelling {page, limit, total_count, has_more} for the caller\'s window', async () => {
    const { body } = await call('?page=2&limit=7');
    expect(body.data.data.pagination).toEqual({ page: 2, limit: 7, total_count: 500, has_more: true });
  });

  itClampsPaging(call, [
    ['clamps page 0 to 1', '?page=0&limit=5', { page: 1, limit: 5 }],
    ['clamps page 11 to 10', '?page=11&limit=5', { page: 10, limit: 5 }],
    ['clamps limit 500 to 100', '?limit=500', { page: 1, limit: 100 }],
    ['clamps limit 0 to 1', '?limit=0', { page: 1, limit: 1 }],
  ]);

  itWindowsAcrossUpstreamPages(paging, 20);

  itEndsOnTheLastWindow(paging, { page: 5, limit: 100, length: 100 });

  itAnswersEmptyPastTheEnd(paging, { page: 10, limit: 100 });

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

describeUpstreamFailures({ t, request: () => call(''), upstream: UPSTREAM, deprecatedIn2026: true });
