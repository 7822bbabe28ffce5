import { describe, expect, it } from 'vitest';
import { findEndpoint } from '../../src/catalog/index.js';
import {
  contractSuite,
  describeUnknownIds,
  describeUpstreamFailures,
  expectCharged,
  expectDoubleWrapped,
  expectInvalid,
  expectSameEntry,
  get,
  itKeepsWorkingIn2026,
} from '../support/endpoint-contract.js';

const PATH = '/api/v1/tiktok/top-ads/recommend';
const UPSTREAM = 'top_ads/v2/recommend';
const endpoint = findEndpoint('tiktok-top-ads-recommend')!;

/** `freshId()`: a material id from the Top Ads list that no earlier test has asked for. */
const { t, caller, call, fresh: freshId } = contractSuite(PATH, { fresh: 'materialIds' });

const ids = (body: any): string[] => (body.data.data.materials as Array<{ id: string }>).map((m) => m.id);

describe('200', () => {
  it('answers a listed material with the double-wrapped materials its schema describes, charged 8', async () => {
    const reply = await call(`?material_id=${freshId()}`);
    expectDoubleWrapped(reply, endpoint);
    expect(Object.keys(reply.body.data.data)).toEqual(['materials']);
  });

  it('recommends ads that resolve in top-ads/detail', async () => {
    const { body } = await call(`?material_id=${freshId()}&limit=1`);
    const [id] = ids(body);
    const detail = await get(t, '/api/v1/tiktok/top-ads/detail', `?material_id=${id}`, caller);
    expect(detail.res.statusCode).toBe(200);
  });

  it('slices the one upstream list locally: page 2 of limit 3 is items 4–6, from a single upstream call', async () => {
    const id = freshId();
    t.simulator.resetStats();
    const all = ids((await call(`?material_id=${id}&limit=100`)).body);
    const second = ids((await call(`?material_id=${id}&page=2&limit=3`)).body);
    expect(second).toEqual(all.slice(3, 6));
    expect(t.simulator.stats().byPath[UPSTREAM]).toBe(1);
  });

  it('answers an empty, charged list past the end of the list', async () => {
    const reply = await call(`?material_id=${freshId()}&page=50&limit=100`);
    expect(reply.res.statusCode).toBe(200);
    expect(ids(reply.body)).toEqual([]);
    expectCharged(reply);
  });

  it.each([
    ['page 0 as page 1', 'page=0', 'page=1'],
    ['page 1001 as page 1000', 'page=1001', 'page=1000'],
    ['limit 500 as limit 100', 'limit=500', 'limit=100'],
    ['limit 0 as limit 1', 'limit=0', 'limit=1'],
  ])('clamps %s: the same cached answer', async (_, clamped, explicit) => {
    const id = freshId();
    await expectSameEntry(call, `?material_id=${id}&${explicit}`, `?material_id=${id}&${clamped}`);
  });

  itKeepsWorkingIn2026(t, () => call(`?material_id=${freshId()}`));
});

describe('400', () => {
  it.each([
    ['a missing material_id', '', 'material_id'],
    ['a material_id with letters', '?material_id=abc', 'material_id'],
    ['limit 1.5', '?material_id=1&limit=1.5', 'limit'],
    ['page x', '?material_id=1&page=x', 'page'],
  ])('rejects %s naming the param', async (_, query, param) => {
    expectInvalid(await call(query), [param]);
  });
});

describeUnknownIds({ call, upstreamCode: 40004, cases: [['a made-up material_id', () => '?material_id=1234567890']] });

describeUpstreamFailures({ t, request: () => call(`?material_id=${freshId()}`), upstream: UPSTREAM, deprecatedIn2026: false });
