import { describe, expect, it } from 'vitest';
import { findEndpoint } from '../../src/catalog/index.js';
import {
  contractSuite,
  describeUpstreamFailures,
  expectDoubleWrapped,
  expectSameEntry,
  itCachesFor,
  itKeepsWorkingIn2026,
  outliveCaches,
} from '../support/endpoint-contract.js';

const PATH = '/api/v1/tiktok/top-ads/locations';
const UPSTREAM = 'top_ads/location/list';
const endpoint = findEndpoint('tiktok-top-ads-locations')!;

const { t, call } = contractSuite(PATH);

describe('200', () => {
  it('answers with the double-wrapped country list its schema describes, charged 8', async () => {
    outliveCaches(t);
    const reply = await call('');
    expectDoubleWrapped(reply, endpoint);
    expect(reply.res.headers['x-cache']).toBe('MISS');
  });

  it('holds the country list only, each item a filter item with an ISO code, label and null parent', async () => {
    const { body } = await call('');
    expect(Object.keys(body.data.data)).toEqual(['country']);
    expect(body.data.data.country).toContainEqual({ id: 'US', parent_id: null, label: 'US', value: 'United States' });
    for (const item of body.data.data.country) expect(item.id).toMatch(/^[A-Z]{2}$/);
  });

  it('lists the same countries as the country list of top-ads/filters', async () => {
    const locations = (await call('')).body.data.data.country;
    const filters = await t.app.inject({ method: 'GET', url: '/api/v1/tiktok/top-ads/filters', headers: { 'x-api-key': (await t.newCaller()).apiKey } });
    expect(locations).toEqual(filters.json().data.data.country);
  });

  it('ignores unknown params: the same cached answer', async () => {
    await expectSameEntry(call, '', '?country_code=US&foo=bar');
  });

  itCachesFor(t, 24, call, () => {
    outliveCaches(t);
    return '';
  });

  itKeepsWorkingIn2026(t, () => {
    outliveCaches(t);
    return call('');
  });
});

describeUpstreamFailures({ t, request: () => call(''), upstream: UPSTREAM, deprecatedIn2026: false });
