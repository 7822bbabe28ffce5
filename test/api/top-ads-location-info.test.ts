import { describe, expect, it } from 'vitest';
import { findEndpoint } from '../../src/catalog/index.js';
import {
  contractSuite,
  describeUpstreamFailures,
  expectDoubleWrapped,
  expectInvalid,
  expectSameEntry,
  itCachesFor,
  itKeepsWorkingIn2026,
} from '../support/endpoint-contract.js';

const PATH = '/api/v1/tiktok/top-ads/location-info';
const UPSTREAM = 'top_ads/location/info';
const endpoint = findEndpoint('tiktok-top-ads-location-info')!;

const { t, call } = contractSuite(PATH);

/** Module ids no earlier test has asked for, so each answer comes from the upstream. */
let nextModule = 100;
const freshModule = () => `?module=${nextModule++}`;

describe('200', () => {
  it('answers the default request with the double-wrapped targeting its schema describes, charged 8', async () => {
    const reply = await call('');
    expectDoubleWrapped(reply, endpoint);
  });

  it('preselects a country and a second-level industry under its first-level one', async () => {
    const { body } = await call('');
    const info = body.data.data;
    expect(info.initial_country).toEqual(['US']);
    expect(info.second_industry.parent_id).toBe(info.first_industry.id);
    expect([info.l1_industry, info.l2_industry]).toEqual([Number(info.first_industry.id), Number(info.second_industry.id)]);
  });

  it.each([
    ['no module', ''],
    ['module 0', '?module=0'],
  ])('reads %s as module 1: the same cached answer', async (_, query) => {
    await expectSameEntry(call, '?module=1', query);
  });

  it('sends another module upstream as it is', async () => {
    t.simulator.resetStats();
    const reply = await call('?module=2');
    expect(reply.res.statusCode).toBe(200);
    expect(reply.res.headers['x-cache']).toBe('MISS');
    expect(t.simulator.stats().byPath[UPSTREAM]).toBe(1);
  });

  itCachesFor(t, 24, call, freshModule);

  itKeepsWorkingIn2026(t, () => call(freshModule()));
});

describe('400', () => {
  it.each([
    ['a negative module', '?module=-1'],
    ['a word', '?module=top'],
    ['a decimal', '?module=1.5'],
    ['a module beyond 32 bits', '?module=2147483648'],
    ['a repeated module', '?module=1&module=2'],
  ])('rejects %s naming module', async (_, query) => {
    expectInvalid(await call(query), ['module']);
  });
});

describeUpstreamFailures({ t, request: () => call(freshModule()), upstream: UPSTREAM, deprecatedIn2026: false });
