import { describe, expect, it } from 'vitest';
import { findEndpoint } from '../../src/catalog/index.js';
import {
  SOURCE_ID,
  contractSuite,
  describeUnknownIds,
  describeUpstreamFailures,
  expectDoubleWrapped,
  expectInvalid,
} from '../support/endpoint-contract.js';

const PATH = '/api/v1/tiktok/popular-trend/hashtag/detail';
const UPSTREAM = 'popular_trend/hashtag/detail';
const endpoint = findEndpoint('tiktok-popular-trend-hashtag-detail')!;

/** `freshName()`: a hashtag name from the flagship chart that no earlier test has asked for. */
const { t, call, fresh: freshName } = contractSuite(PATH, { fresh: 'hashtagNames' });

describe('200', () => {
  it('answers a chart hashtag with the double-wrapped envelope its schema describes, charged 8', async () => {
    const name = freshName();
    const reply = await call(`?hashtag_name=${name}`);
    expectDoubleWrapped(reply, endpoint);
    expect(reply.body.data).toMatchObject({ data: { info: { hashtag_name: name } } });
    expect(reply.res.headers['x-cache']).toBe('MISS');
    expect(reply.res.headers['x-upstream-source']).toBe(SOURCE_ID);
  });

  it('defaults period to 7 (seven daily points) and reports all regions without country_code', async () => {
    const { body } = await call(`?hashtag_name=${freshName()}`);
    expect(body.data.data.info.trend).toHaveLength(7);
    expect(body.data.data.info.country_info).toEqual({ id: 'ALL', value: 'ALL', label: 'ALL' });
  });

  it('serves period=7 from the entry the default filled', async () => {
    const name = freshName();
    await call(`?hashtag_name=${name}`);
    const { res } = await call(`?hashtag_name=${name}&period=7`);
    expect(res.headers['x-cache']).toBe('HIT');
  });

  it('widens the trend with period: each of 7, 30, 120, 365 and 1095 spans more days, never more than asked', async () => {
    const name = freshName();
    const spans: number[] = [];
    for (const period of [7, 30, 120, 365, 1095]) {
      const { res, body } = await call(`?hashtag_name=${name}&period=${period}`);
      expect(res.statusCode).toBe(200);
      const trend = body.data.data.info.trend as Array<{ time: number }>;
      const span = (trend.at(-1)!.time - trend[0]!.time) / 86_400;
      expect(span).toBeLessThanOrEqual(period);
      spans.push(span);
    }
    expect([...spans].sort((x, y) => x - y)).toEqual(spans);
    expect(new Set(spans).size).toBe(spans.length);
  });

  it('strips a leading # and lower-cases the name: #NAME shares the cache entry of name', async () => {
    const name = freshName();
    const first = await call(`?hashtag_name=${name}`);
    const second = await call(`?hashtag_name=%23${name.toUpperCase()}`);
    expect(second.res.statusCode).toBe(200);
    expect(second.body.data.data.info.hashtag_name).toBe(name);
    expect(second.res.headers['x-cache']).toBe('HIT');
    expect(second.res.body).toBe(first.res.body);
  });

  it('upper-cases country_code and labels the answer with it', async () => {
    const { body } = await call(`?hashtag_name=${freshName()}&country_code=gb`);
    expect(body.data.data.info.country_info).toEqual({ id: 'GB', value: 'United Kingdom', label: 'GB' });
  });

  it('sends related_items ids above 2^53 as digit strings', async () => {
    const { body } = await call(`?hashtag_name=${freshName()}`);
    const items = body.data.data.info.related_items as Array<{ item_id: unknown }>;
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(item.item_id).toMatch(/^[0-9]{19}$/);
  });

  it('ignores unknown params', async () => {
    const name = freshName();
    await call(`?hashtag_name=${name}`);
    const { res } = await call(`?hashtag_name=${name}&language=fr&foo=1`);
    expect(res.headers['x-cache']).toBe('HIT');
  });
});

describe('400', () => {
  it.each([
    ['a missing hashtag_name', '', 'hashtag_name'],
    ['an empty hashtag_name', '?hashtag_name=', 'hashtag_name'],
    ['a lone #', '?hashtag_name=%23', 'hashtag_name'],
    ['a hashtag_name with a space', '?hashtag_name=prom%20night', 'hashtag_name'],
    ['a hashtag_name with a hyphen', '?hashtag_name=prom-night', 'hashtag_name'],
    ['a hashtag_name of 101 characters', `?hashtag_name=${'a'.repeat(101)}`, 'hashtag_name'],
    ['period 14', '?hashtag_name=prom&period=14', 'period'],
    ['period abc', '?hashtag_name=prom&period=abc', 'period'],
    ['country_code XX (not ISO 3166-1)', '?hashtag_name=prom&country_code=XX', 'country_code'],
    ['a repeated hashtag_name', '?hashtag_name=prom&hashtag_name=fyp', 'hashtag_name'],
  ])('rejects %s naming the param', async (_, query, param) => {
    expectInvalid(await call(query), [param]);
  });

  it('says hashtag_name is required', async () => {
    const { body } = await call('?period=30');
    expect(body.data.errors).toEqual([{ param: 'hashtag_name', message: 'is required' }]);
  });
});

describeUnknownIds({
  call,
  cases: [
    ['a hashtag no chart holds (empty info)', () => '?hashtag_name=zzqqxxnotatag'],
    ['a country the upstream does not cover (empty info)', () => '?hashtag_name=prom&country_code=AQ'],
  ],
});

describeUpstreamFailures({ t, request: () => call(`?hashtag_name=${freshName()}`), upstream: UPSTREAM, deprecatedIn2026: true });

