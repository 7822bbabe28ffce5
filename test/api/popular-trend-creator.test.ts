import { describe, expect, it } from 'vitest';
import { findEndpoint } from '../../src/catalog/index.js';
import {
  contractSuite,
  describeUpstreamFailures,
  expectCharged,
  expectDoubleWrapped,
  expectInvalid,
  expectSameEntry,
  itAnswersEmptyPastTheEnd,
  itClampsPaging,
  itEndsOnTheLastWindow,
  itWindowsAcrossUpstreamPages,
  type ListPaging,
} from '../support/endpoint-contract.js';

const PATH = '/api/v1/tiktok/popular-trend/creator';
const UPSTREAM = 'popular_trend/creator/list';
const endpoint = findEndpoint('tiktok-popular-trend-creator')!;

const { t, call } = contractSuite(PATH);

type Creator = { tcm_id: string; follower_cnt: number; country_code: string };
const creators = (body: any): Creator[] => body.data.data.creators;
const paging: ListPaging = {
  call,
  items: creators,
  ids: (body) => creators(body).map((c) => c.tcm_id),
  pagination: (page, size, has_more) => ({ page, size, total: 459, has_more }),
};

describe('200', () => {
  it('answers the default request with the double-wrapped list its schema describes, charged 8', async () => {
    const reply = await call('');
    expectDoubleWrapped(reply, endpoint);
    expect(creators(reply.body)).toHaveLength(20);
    expect(reply.body.data.data.pagination).toEqual({ page: 1, size: 20, total: 459, has_more: true });
  });

  itClampsPaging(call, [
    ['clamps page 0 to 1', '?page=0&limit=5', { page: 1, size: 5 }],
    ['clamps page 11 to 10', '?page=11&limit=5', { page: 10, size: 5 }],
    ['clamps limit 500 to 100', '?limit=500', { page: 1, size: 100 }],
    ['clamps limit -1 to 1', '?limit=-1', { page: 1, size: 1 }],
  ]);

  itWindowsAcrossUpstreamPages(paging, 50);

  itEndsOnTheLastWindow(paging, { page: 5, limit: 100, length: 59 });

  itAnswersEmptyPastTheEnd(paging, { page: 10, limit: 100 });

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
    const reply = await expectSameEntry(call, '?limit=7', `?limit=7&audience_count=${count}`);
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

describeUpstreamFailures({ t, request: () => call(''), upstream: UPSTREAM, deprecatedIn2026: 'retired' });
