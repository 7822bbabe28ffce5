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
  itKeepsWorkingIn2026,
  itWindowsAcrossUpstreamPages,
  type ListPaging,
} from '../support/endpoint-contract.js';

const PATH = '/api/v1/tiktok/top-ads/spotlight';
const UPSTREAM = 'education/top_ads/list';
const endpoint = findEndpoint('tiktok-top-ads-spotlight')!;

const { t, call } = contractSuite(PATH);

type Ad = { id: string; industry_key: string };
const ads = (body: any): Ad[] => body.data.data.materials;
const ids = (body: any): string[] => ads(body).map((m) => m.id);
const paging: ListPaging = {
  call,
  items: ads,
  ids,
  pagination: (page, size, has_more) => ({ page, size, total: 180, total_count: 180, has_more }),
};

describe('200', () => {
  it('answers the default request with the double-wrapped list its schema describes, charged 8', async () => {
    const reply = await call('');
    expectDoubleWrapped(reply, endpoint);
    expect(ads(reply.body)).toHaveLength(20);
    expect(reply.body.data.data.pagination).toEqual({ page: 1, size: 20, total: 180, total_count: 180, has_more: true });
  });

  it('covers every spotlight industry: the upstream is asked without one', async () => {
    const { body } = await call('?limit=100&page=2');
    const all = [...ads((await call('?limit=100')).body), ...ads(body)];
    expect(new Set(all.map((a) => a.industry_key)).size).toBe(6);
  });

  itClampsPaging(call, [
    ['clamps page 0 to 1', '?page=0&limit=5', { page: 1, size: 5 }],
    ['clamps page 1001 to 1000', '?page=1001&limit=5', { page: 1000, size: 5 }],
    ['clamps limit 500 to 100', '?limit=500', { page: 1, size: 100 }],
    ['clamps limit -3 to 1', '?limit=-3', { page: 1, size: 1 }],
  ]);

  itWindowsAcrossUpstreamPages(paging, 50);

  itEndsOnTheLastWindow(paging, { page: 6, limit: 30, length: 30 });

  itAnswersEmptyPastTheEnd(paging, { page: 7, limit: 30 });

  it('ignores unknown params such as industry: the same cached answer', async () => {
    await expectSameEntry(call, '?limit=4', '?limit=4&industry=22000000000');
  });

  itKeepsWorkingIn2026(t, () => call('?limit=11'), (reply) => expect(ads(reply.body)).toHaveLength(11));
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

describeUpstreamFailures({ t, request: () => call(''), upstream: UPSTREAM, deprecatedIn2026: false });
