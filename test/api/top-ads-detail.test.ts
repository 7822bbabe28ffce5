import { describe, expect, it } from 'vitest';
import { findEndpoint } from '../../src/catalog/index.js';
import {
  contractSuite,
  describeUnknownIds,
  describeUpstreamFailures,
  expectDoubleWrapped,
  expectInvalid,
  itCachesFor,
  itKeepsWorkingIn2026,
} from '../support/endpoint-contract.js';

const PATH = '/api/v1/tiktok/top-ads/detail';
const UPSTREAM = 'top_ads/v2/detail';
const endpoint = findEndpoint('tiktok-top-ads-detail')!;

/** `freshId()`: a material id from the Top Ads list that no earlier test has asked for. */
const { t, call, fresh: freshId } = contractSuite(PATH, { fresh: 'materialIds' });

describe('200', () => {
  it('answers a listed material with the double-wrapped detail its schema describes, charged 8', async () => {
    const id = freshId();
    const reply = await call(`?material_id=${id}`);
    expectDoubleWrapped(reply, endpoint);
    expect(reply.body.data).toMatchObject({ data: { id } });
  });

  it('adds the detail fields to the listed ad: interaction counts, countries and source', async () => {
    const { body } = await call(`?material_id=${freshId()}`);
    const detail = body.data.data;
    expect(detail.comment).toEqual(expect.any(Number));
    expect(detail.share).toEqual(expect.any(Number));
    expect(detail.country_code).toEqual([expect.stringMatching(/^[A-Z]{2}$/)]);
    expect(['TikTok Ads Manager', 'Others']).toContain(detail.source);
  });

  itCachesFor(t, 6, call, () => `?material_id=${freshId()}`);

  itKeepsWorkingIn2026(t, () => call(`?material_id=${freshId()}`));
});

describe('400', () => {
  it.each([
    ['a missing material_id', '', 'material_id'],
    ['a material_id with letters', '?material_id=76311308109438976x7', 'material_id'],
    ['a material_id of 21 digits', `?material_id=${'7'.repeat(21)}`, 'material_id'],
    ['a repeated material_id', '?material_id=1&material_id=2', 'material_id'],
  ])('rejects %s naming the param', async (_, query, param) => {
    expectInvalid(await call(query), [param]);
  });

  it('says material_id is required', async () => {
    const { body } = await call('');
    expect(body.data.errors).toEqual([{ param: 'material_id', message: 'is required' }]);
  });

  it('refuses id, even beside a valid material_id, with the hint to use material_id', async () => {
    const reply = await call(`?material_id=${freshId()}&id=7631130810943897607`);
    expectInvalid(reply, ['id']);
    expect(reply.body.data.errors).toEqual([{ param: 'id', message: 'use material_id' }]);
  });

  it('refuses id alone: the hint and the missing material_id', async () => {
    const reply = await call('?id=7631130810943897607');
    expect(reply.body.data.errors).toEqual(
      expect.arrayContaining([
        { param: 'id', message: 'use material_id' },
        { param: 'material_id', message: 'is required' },
      ]),
    );
    expectInvalid(reply, ['id', 'material_id']);
  });

  // docs/api-contract.md § Top Ads shows `{"param":"id",…}` for both names; the pipeline names the param sent.
  it('refuses materialId, naming it, with the hint to use material_id', async () => {
    const reply = await call(`?material_id=${freshId()}&materialId=7631130810943897607`);
    expectInvalid(reply, ['materialId']);
    expect(reply.body.data.errors).toEqual([{ param: 'materialId', message: 'use material_id' }]);
  });
});

describeUnknownIds({
  call,
  upstreamCode: 40004,
  answeredOnce: { t, upstream: UPSTREAM },
  cases: [
    ['a made-up material_id', () => '?material_id=1234567890'],
    ['a 19-digit id whose check digits are wrong', () => '?material_id=7631130810943897607'],
  ],
});

describeUpstreamFailures({ t, request: () => call(`?material_id=${freshId()}`), upstream: UPSTREAM, deprecatedIn2026: false });
