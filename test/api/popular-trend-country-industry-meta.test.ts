import { describe, expect, it } from 'vitest';
import { findEndpoint, TREND_COUNTRIES, TREND_INDUSTRIES } from '../../src/catalog/index.js';
import {
  contractSuite,
  describeUpstreamFailures,
  expectOk,
  expectSameEntry,
  itCachesFor,
  itKeepsWorkingIn2026,
  outliveCaches,
} from '../support/endpoint-contract.js';

const PATH = '/api/v1/tiktok/popular-trend/country-industry-meta';
const UPSTREAM = 'popular_trend/hashtag/filters';
const endpoint = findEndpoint('tiktok-popular-trend-country-industry-meta')!;

const { t, call } = contractSuite(PATH);

describe('200', () => {
  it('answers single-wrapped: data is the payload its schema describes, with no inner envelope, charged 8', async () => {
    outliveCaches(t);
    const reply = await call('');
    expectOk(reply);
    expect(() => endpoint.responseSchema.parse(reply.body.data)).not.toThrow();
    expect(Object.keys(reply.body.data).sort()).toEqual(['country', 'industry']);
    expect(reply.res.headers['x-cache']).toBe('MISS');
  });

  it('lists the 71 trend countries and 18 industries, every id a string', async () => {
    const { body } = await call('');
    expect(body.data.country).toHaveLength(TREND_COUNTRIES.length);
    expect(body.data.industry).toHaveLength(TREND_INDUSTRIES.length);
    expect(body.data.country).toContainEqual({ id: 'US', value: 'United States' });
    expect(body.data.industry).toContainEqual({ id: '22000000000', value: 'Apparel & Accessories' });
  });

  it('ignores unknown params: the same cached answer', async () => {
    await expectSameEntry(call, '', '?country_code=US&foo=1');
  });

  itCachesFor(t, 24, call, () => {
    outliveCaches(t);
    return '';
  });
});

describeUpstreamFailures({ t, request: () => call(''), upstream: UPSTREAM, deprecatedIn2026: false });

describe('2026', () => {
  itKeepsWorkingIn2026(t, () => {
    outliveCaches(t);
    return call('');
  });
});
