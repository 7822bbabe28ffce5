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
  outliveCaches,
  type Caller,
} from '../support/endpoint-contract.js';

const PATH = '/api/v1/tiktok/top-ads/suggestions';
const UPSTREAM = 'top_ads/query_suggestion';
const endpoint = findEndpoint('tiktok-top-ads-suggestions')!;

let t: TestApp;
let caller: Caller;

beforeAll(async () => {
  t = await startTestApp({ timeoutMs: 500 });
  caller = await t.newCaller();
});
afterAll(async () => t.close());
beforeEach(() => {
  t.simulator.clearFaults();
  t.simulator.setMode('signed-2024');
});

const call = (query: string) => get(t, PATH, query, caller);

const words = (body: any): string[] => body.data.data.query;

describe('200', () => {
  it('answers the default request with the double-wrapped suggestions its schema describes, charged 8', async () => {
    const reply = await call('');
    expectOk(reply);
    expect(() => endpoint.responseSchema.parse(reply.body.data)).not.toThrow();
    expect(reply.body.data).toMatchObject({ code: 0, msg: 'OK' });
    expect(reply.body.data.request_id).toMatch(/^[0-9]{14}[0-9A-F]{20}$/);
  });

  it('defaults count to 50 and scenario to 1: fifty suggestions, and the explicit form hits the same entry', async () => {
    const { body } = await call('');
    expect(words(body)).toHaveLength(50);
    expect((await call('?count=50&scenario=1')).res.headers['x-cache']).toBe('HIT');
  });

  it('returns at most count suggestions', async () => {
    const { body } = await call('?count=5');
    expect(words(body)).toHaveLength(5);
    expect(words(body)).toEqual(words((await call('')).body).slice(0, 5));
  });

  it.each([
    ['count 0 as 1', 'count=0', 'count=1'],
    ['count 51 as 50', 'count=51', 'count=50'],
    ['a huge count as 50', 'count=99999999999999999999', 'count=50'],
  ])('clamps %s: the same cached answer', async (_, clamped, explicit) => {
    const first = await call(`?${explicit}&scenario=2`);
    const second = await call(`?${clamped}&scenario=2`);
    expect(second.res.statusCode).toBe(200);
    expect(second.res.headers['x-cache']).toBe('HIT');
    expect(second.res.body).toBe(first.res.body);
  });

  it('serves scenario 2', async () => {
    const { res, body } = await call('?scenario=2&count=3');
    expect(res.statusCode).toBe(200);
    expect(words(body)).toHaveLength(3);
  });

  it('keeps working in the 2026 mode, when the trend paths are retired', async () => {
    t.simulator.setMode('deprecated-2026');
    const reply = await call('?count=7');
    expect(reply.res.statusCode).toBe(200);
    expect(words(reply.body)).toHaveLength(7);
    expectCharged(reply);
  });
});

describe('400', () => {
  it.each([
    ['count abc', '?count=abc', 'count'],
    ['count 2.5', '?count=2.5', 'count'],
    ['scenario 3', '?scenario=3', 'scenario'],
    ['scenario 0', '?scenario=0', 'scenario'],
  ])('rejects %s naming the param', async (_, query, param) => {
    expectInvalid(await call(query), [param]);
  });
});

describe('5xx from the upstream, charging nothing', () => {
  beforeEach(() => outliveCaches(t));

  it.each(UPSTREAM_FAULTS)('%s', async (_, fault, status, data) => {
    t.simulator.addFault({ fault, path: UPSTREAM });
    expectUpstreamFailure(await call(''), status, data);
  });

  it('502 no_permission when 40101 persists after one re-sign', async () => {
    t.simulator.addFault({ fault: NO_PERMISSION, path: UPSTREAM });
    t.simulator.resetStats();
    expectUpstreamFailure(await call(''), 502, { error: 'upstream_bad_response', detail: 'no_permission' });
    expect(t.simulator.stats().byPath[UPSTREAM]).toBe(2);
  });
});
