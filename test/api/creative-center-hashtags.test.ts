import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { findEndpoint } from '../../src/catalog/index.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { expectCharged, expectInvalid, expectSameEntry, expectUpstreamFailure, get, type Caller, type Reply } from '../support/endpoint-contract.js';

const PATH = '/api/v1/tiktok/creative-center/hashtags';
const UPSTREAM = 'CreativeOne/KnowledgeAPI/GetHashtagList';
const endpoint = findEndpoint('tiktok-creative-center-hashtags')!;

/** The 2026 world, one app per access level TikTok One knows: the operator's session, and none. */
let loggedIn: TestApp;
let anonymous: TestApp;
let caller: Caller;
let anonymousCaller: Caller;

beforeAll(async () => {
  [loggedIn, anonymous] = await Promise.all([
    startTestApp({ era: '2026', tiktokOne: 'logged-in', timeoutMs: 500 }),
    startTestApp({ era: '2026', tiktokOne: 'anonymous', timeoutMs: 500 }),
  ]);
  [caller, anonymousCaller] = await Promise.all([loggedIn.newCaller(), anonymous.newCaller()]);
});
afterAll(async () => Promise.all([loggedIn?.close(), anonymous?.close()]));
beforeEach(() => loggedIn.simulator.clearFaults());

const call = (query: string): Promise<Reply> => get(loggedIn, PATH, query, caller);
const callAnonymously = (query: string): Promise<Reply> => get(anonymous, PATH, query, anonymousCaller);

/** A 200, charged, single-wrapped as Crawlora's: `data` is `{hashtags, total_count}` its schema accepts. */
function expectChart(reply: Reply): void {
  expect(reply.res.statusCode).toBe(200);
  expect(reply.body).toMatchObject({ code: 200, msg: 'OK' });
  expect(() => endpoint.responseSchema.parse(reply.body.data)).not.toThrow();
  expect(Object.keys(reply.body.data).sort()).toEqual(['hashtags', 'total_count']);
  expectCharged(reply);
}

describe('200', () => {
  it('answers a country with the whole chart in TikTok One\'s shape, charged 8, naming the adapter and access', async () => {
    const reply = await call('?country_code=US');
    expectChart(reply);
    expect(reply.body.data.total_count).toBe(100);
    expect(reply.body.data.hashtags).toHaveLength(100);
    expect(reply.res.headers['x-upstream-adapter']).toBe('tiktok-one');
    expect(reply.res.headers['x-upstream-access']).toBe('logged-in');
  });

  it('ranks the hashtags 1 to 100 with ids as strings and a 0–100 daily curve', async () => {
    const { body } = await call('?country_code=US');
    const hashtags = body.data.hashtags as Array<{ rank: number; hashtag_id: string; popularity_curve: Array<{ timestamp: number; value: number }> }>;
    expect(hashtags.map((h) => h.rank)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    for (const h of hashtags) expect(h.hashtag_id).toMatch(/^[0-9]+$/);
    expect(Math.max(...hashtags.flatMap((h) => h.popularity_curve.map((p) => p.value)))).toBeGreaterThan(1);
  });

  it('reads period 7 as the default: the same cached answer', async () => {
    await expectSameEntry(call, '?country_code=GB', '?country_code=gb&period=7');
  });

  it('serves the 30-day chart as a chart of its own', async () => {
    const week = (await call('?country_code=US')).body.data.hashtags;
    const month = await call('?country_code=US&period=30');
    expectChart(month);
    expect(month.body.data.hashtags).not.toEqual(week);
  });

  it('answers a country outside TikTok One\'s hashtag regions with an empty, charged chart', async () => {
    const reply = await call('?country_code=NO');
    expectChart(reply);
    expect(reply.body.data).toEqual({ hashtags: [], total_count: 0 });
  });

  it('caches for 1 hour: a HIT just before, a MISS at 1 h', async () => {
    await call('?country_code=DE');
    loggedIn.clock.advance(3600_000 - 1_000);
    expect((await call('?country_code=DE')).res.headers['x-cache']).toBe('HIT');
    loggedIn.clock.advance(1_000);
    expect((await call('?country_code=DE')).res.headers['x-cache']).toBe('MISS');
  });

  it('gives anonymous access the top 3 only, and says so', async () => {
    const reply = await callAnonymously('?country_code=US');
    expectChart(reply);
    expect(reply.body.data.total_count).toBe(3);
    expect(reply.body.data.hashtags.map((h: { rank: number }) => h.rank)).toEqual([1, 2, 3]);
    expect(reply.res.headers['x-upstream-access']).toBe('anonymous');
  });
});

describe('400', () => {
  it.each([
    ['a missing country_code', '', 'country_code'],
    ['an empty country_code', '?country_code=', 'country_code'],
    ['country_code XX', '?country_code=XX', 'country_code'],
    ['period 120', '?country_code=US&period=120', 'period'],
    ['period 90', '?country_code=US&period=90', 'period'],
  ])('rejects %s naming the param, before any upstream call', async (_, query, param) => {
    loggedIn.simulator.resetStats();
    expectInvalid(await call(query), [param]);
    expect(loggedIn.simulator.stats().calls).toBe(0);
  });
});

describe('5xx from the upstream, charging nothing', () => {
  it.each([
    ['502 upstream_error on a 503 from TikTok One', { kind: 'http_error', status: 503, body: 'text' } as const, 502, { error: 'upstream_bad_response', detail: 'upstream_error' }],
    ['502 upstream_error on a dropped connection', { kind: 'drop' } as const, 502, { error: 'upstream_bad_response', detail: 'upstream_error' }],
    ['503 blocked on a 403 page', { kind: 'login_wall', variant: '403' } as const, 503, { error: 'upstream_unavailable', detail: 'blocked' }],
  ])('%s', async (_, fault, status, data) => {
    loggedIn.simulator.addFault({ fault, path: UPSTREAM });
    expectUpstreamFailure(await call('?country_code=FR&period=30'), status, data);
  });
});
