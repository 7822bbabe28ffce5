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

const PATH = '/api/v1/tiktok/top-ads/recommend';
const UPSTREAM = 'top_ads/v2/recommend';
const endpoint = findEndpoint('tiktok-top-ads-recommend')!;

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

const ids = (body: any): string[] => (body.data.data.materials as Array<{ id: string }>).map((m) => m.id);

describe('200', () => {
  it('answers a listed material with the double-wrapped materials its schema describes, charged 8', async () => {
    const reply = await call(`?material_id=${freshId()}`);
    expectOk(reply);
    expect(() => endpoint.responseSchema.parse(reply.body.data)).not.toThrow();
    expect(reply.body.data).toMatchObject({ code: 0, msg: 'OK' });
    expect(reply.body.data.request_id).toMatch(/^[0-9]{14}[0-9A-F]{20}$/);
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
    const first = await call(`?material_id=${id}&${explicit}`);
    const second = await call(`?material_id=${id}&${clamped}`);
    expect(second.res.statusCode).toBe(200);
    expect(second.res.headers['x-cache']).toBe('HIT');
    expect(second.res.body).toBe(first.res.body);
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
    ['a material_id with letters', '?material_id=abc', 'material_id'],
    ['limit 1.5', '?material_id=1&limit=1.5', 'limit'],
    ['page x', '?material_id=1&page=x', 'page'],
  ])('rejects %s naming the param', async (_, query, param) => {
    expectInvalid(await call(query), [param]);
  });
});

describe('404', () => {
  it('resource_not_found (upstream 40004) for a made-up material_id, charging nothing', async () => {
    expectUpstreamFailure(await call('?material_id=1234567890'), 404, { error: 'resource_not_found' });
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
