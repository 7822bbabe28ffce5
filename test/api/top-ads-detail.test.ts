import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { findEndpoint } from '../../src/catalog/index.js';
import { startTestApp, type TestApp } from '../support/app.js';
import {
  NO_PERMISSION,
  UPSTREAM_FAULTS,
  expectCharged,
  expectInvalid,
  expectOk,
  expectUpstreamFailure,
  get,
  liveIds,
  outliveCaches,
  rotation,
  type Caller,
} from '../support/endpoint-contract.js';

const PATH = '/api/v1/tiktok/top-ads/detail';
const UPSTREAM = 'top_ads/v2/detail';
const endpoint = findEndpoint('tiktok-top-ads-detail')!;

let t: TestApp;
let caller: Caller;
/** A material id from the Top Ads list that no earlier test has asked for. */
let freshId: () => string;

beforeAll(async () => {
  t = await startTestApp({ timeoutMs: 500 });
  caller = await t.newCaller();
  freshId = rotation((await liveIds(t, caller)).materialIds);
});
afterAll(async () => t.close());
beforeEach(() => {
  t.simulator.clearFaults();
  t.simulator.setMode('signed-2024');
});

const call = (query: string) => get(t, PATH, query, caller);

describe('200', () => {
  it('answers a listed material with the double-wrapped detail its schema describes, charged 8', async () => {
    const id = freshId();
    const reply = await call(`?material_id=${id}`);
    expectOk(reply);
    expect(() => endpoint.responseSchema.parse(reply.body.data)).not.toThrow();
    expect(reply.body.data).toMatchObject({ code: 0, msg: 'OK', data: { id } });
    expect(reply.body.data.request_id).toMatch(/^[0-9]{14}[0-9A-F]{20}$/);
  });

  it('adds the detail fields to the listed ad: interaction counts, countries and source', async () => {
    const { body } = await call(`?material_id=${freshId()}`);
    const detail = body.data.data;
    expect(detail.comment).toEqual(expect.any(Number));
    expect(detail.share).toEqual(expect.any(Number));
    expect(detail.country_code).toEqual([expect.stringMatching(/^[A-Z]{2}$/)]);
    expect(['TikTok Ads Manager', 'Others']).toContain(detail.source);
  });

  it('caches for 6 hours: a HIT just before, a MISS at 6 h', async () => {
    const id = freshId();
    await call(`?material_id=${id}`);
    t.clock.advance(6 * 3600_000 - 1_000);
    expect((await call(`?material_id=${id}`)).res.headers['x-cache']).toBe('HIT');
    t.clock.advance(1_000);
    expect((await call(`?material_id=${id}`)).res.headers['x-cache']).toBe('MISS');
  });

  it('keeps working in the 2026 mode, when the trend paths are retired', async () => {
    t.simulator.setMode('deprecated-2026');
    const reply = await call(`?material_id=${freshId()}`);
    expect(reply.res.statusCode).toBe(200);
    expectCharged(reply);
  });
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

  // Contract §4.3 item 9 shows `{"param":"id",…}` for both names; the pipeline names the param sent.
  it('refuses materialId, naming it, with the hint to use material_id', async () => {
    const reply = await call(`?material_id=${freshId()}&materialId=7631130810943897607`);
    expectInvalid(reply, ['materialId']);
    expect(reply.body.data.errors).toEqual([{ param: 'materialId', message: 'use material_id' }]);
  });
});

describe('404', () => {
  it.each([
    ['a made-up material_id', '1234567890'],
    ['a 19-digit id whose check digits are wrong', '7631130810943897607'],
  ])('resource_not_found (upstream 40004) for %s, charging nothing', async (_, id) => {
    t.simulator.resetStats();
    expectUpstreamFailure(await call(`?material_id=${id}`), 404, { error: 'resource_not_found' });
    expect(t.simulator.stats().byPath[UPSTREAM]).toBe(1);
  });
});

describe('5xx from the upstream, charging nothing', () => {
  beforeEach(() => outliveCaches(t));

  it.each(UPSTREAM_FAULTS)('%s', async (_, fault, status, data) => {
    t.simulator.addFault({ fault, path: UPSTREAM });
    expectUpstreamFailure(await call(`?material_id=${freshId()}`), status, data);
  });

  it('502 no_permission when 40101 persists after one re-sign', async () => {
    t.simulator.addFault({ fault: NO_PERMISSION, path: UPSTREAM });
    t.simulator.resetStats();
    expectUpstreamFailure(await call(`?material_id=${freshId()}`), 502, { error: 'upstream_bad_response', detail: 'no_permission' });
    expect(t.simulator.stats().byPath[UPSTREAM]).toBe(2);
  });
});
