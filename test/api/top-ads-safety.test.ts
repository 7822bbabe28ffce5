import { describe, expect, it } from 'vitest';
import { findEndpoint } from '../../src/catalog/index.js';
import {
  contractSuite,
  describeUpstreamFailures,
  expectDoubleWrapped,
  expectSameEntry,
  expectUpstreamFailure,
  itCachesFor,
  itKeepsWorkingIn2026,
  outliveCaches,
} from '../support/endpoint-contract.js';

const PATH = '/api/v1/tiktok/top-ads/safety';
const UPSTREAM = 'top_ads/configure/safety';
const endpoint = findEndpoint('tiktok-top-ads-safety')!;

const { t, call } = contractSuite(PATH);

describe('200', () => {
  it('answers with the double-wrapped search switches its schema describes, charged 8', async () => {
    outliveCaches(t);
    const reply = await call('');
    expectDoubleWrapped(reply, endpoint);
    expect(reply.res.headers['x-cache']).toBe('MISS');
  });

  it('holds the five search switches and the banner key', async () => {
    const { body } = await call('');
    expect(body.data.data).toEqual({
      top_ads_search: 1,
      keyword_search: 1,
      hashtag_search: 1,
      sound_search: 1,
      creator_search: 1,
      cc_banner_key: '',
    });
  });

  it('ignores unknown params: the same cached answer', async () => {
    await expectSameEntry(call, '', '?module=2');
  });

  itCachesFor(t, 1, call, () => {
    outliveCaches(t);
    return '';
  });

  itKeepsWorkingIn2026(t, () => {
    outliveCaches(t);
    return call('');
  });
});

describe('502 when the upstream changes shape', () => {
  // The path is inferred, so an answer without the switches must fail loudly, not pass as data.
  it('answers 502 schema_mismatch for an OK answer without the switches, charging nothing', async () => {
    outliveCaches(t);
    t.simulator.addFault({ fault: { kind: 'error_code', code: 0, msg: 'OK' }, path: UPSTREAM, times: 1 });
    expectUpstreamFailure(await call(''), 502, { error: 'upstream_bad_response', detail: 'schema_mismatch' });
  });
});

describeUpstreamFailures({ t, request: () => call(''), upstream: UPSTREAM, deprecatedIn2026: false });
