import { describe, expect, it } from 'vitest';
import { findEndpoint, TOP_ADS_STATIC_FILTERS } from '../../src/catalog/index.js';
import {
  contractSuite,
  describeUpstreamFailures,
  expectDoubleWrapped,
  expectSameEntry,
  itCachesFor,
  itKeepsWorkingIn2026,
  outliveCaches,
} from '../support/endpoint-contract.js';

const PATH = '/api/v1/tiktok/top-ads/filters';
const UPSTREAM = 'top_ads/v2/filters';
const endpoint = findEndpoint('tiktok-top-ads-filters')!;

const { t, call } = contractSuite(PATH);

describe('200', () => {
  it('answers with the double-wrapped filter lists its schema describes, charged 8', async () => {
    outliveCaches(t);
    const reply = await call('');
    expectDoubleWrapped(reply, endpoint);
    expect(reply.res.headers['x-cache']).toBe('MISS');
  });

  it('holds the five upstream lists and the six static ones, nothing else', async () => {
    const { body } = await call('');
    expect(Object.keys(body.data.data).sort()).toEqual(
      ['industry', 'country', 'ad_language', 'objective', 'pattern_label', ...Object.keys(TOP_ADS_STATIC_FILTERS)].sort(),
    );
    for (const kind of ['industry', 'country', 'ad_language', 'objective', 'pattern_label']) {
      expect(body.data.data[kind].length).toBeGreaterThan(0);
    }
  });

  it('serves the static lists exactly as the catalog keeps them', async () => {
    const { body } = await call('');
    for (const [kind, items] of Object.entries(TOP_ADS_STATIC_FILTERS)) expect(body.data.data[kind]).toEqual(items);
  });

  it('gives every upstream item a label and parent_id, second-level industries pointing at their parent', async () => {
    const { body } = await call('');
    expect(body.data.data.industry).toContainEqual({ id: '27102000000', parent_id: '27000000000', label: 'label_27102000000', value: 'Beverages' });
    expect(body.data.data.ad_language).toContainEqual({ id: 'en', parent_id: null, label: 'en', value: 'English' });
    expect(body.data.data.objective).toContainEqual({ id: 3, parent_id: null, label: 'campaign_objective_conversion', value: 'Conversions' });
  });

  it('ignores unknown params: the same cached answer', async () => {
    await expectSameEntry(call, '', '?industry=1&foo=bar');
  });

  itCachesFor(t, 24, call, () => {
    outliveCaches(t);
    return '';
  });

  itKeepsWorkingIn2026(
    t,
    () => {
      outliveCaches(t);
      return call('');
    },
    (reply) => expect(reply.res.headers['x-cache']).toBe('MISS'),
  );
});

describeUpstreamFailures({ t, request: () => call(''), upstream: UPSTREAM, deprecatedIn2026: false });
