import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { findEndpoint } from '../../src/catalog/index.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { expectCharged, expectInvalid, expectSameEntry, expectUpstreamFailure, get, type Caller, type Reply } from '../support/endpoint-contract.js';

const PATH = '/api/v1/tiktok/creative-center/videos';
const LIST = 'CreativeOne/Report/CreativeCenterGetTopContentsList';
const endpoint = findEndpoint('tiktok-creative-center-videos')!;

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

type Video = { item_id: string; video_views: number; engagement_rate: number; six_seconds_vtr: number; content_tags: Array<{ id: string }> };
const videos = (reply: Reply): Video[] => reply.body.data.videos;

/** A 200, charged, single-wrapped as Crawlora's: `data` is `{videos, total_count, page_count}` its schema accepts. */
function expectVideos(reply: Reply): void {
  expect(reply.res.statusCode).toBe(200);
  expect(reply.body).toMatchObject({ code: 200, msg: 'OK' });
  expect(() => endpoint.responseSchema.parse(reply.body.data)).not.toThrow();
  expect(Object.keys(reply.body.data).sort()).toEqual(['page_count', 'total_count', 'videos']);
  expectCharged(reply);
}

describe('200', () => {
  it('answers a country with its first page of top videos, charged 8, naming the adapter and access', async () => {
    const reply = await call('?country_code=US');
    expectVideos(reply);
    expect(videos(reply)).toHaveLength(20);
    expect(reply.body.data.total_count).toBeGreaterThan(20);
    expect(reply.body.data.page_count).toBe(Math.ceil(reply.body.data.total_count / 20));
    expect(reply.res.headers['x-upstream-adapter']).toBe('tiktok-one');
    expect(reply.res.headers['x-upstream-access']).toBe('logged-in');
    for (const video of videos(reply)) expect(video.item_id).toMatch(/^[0-9]+$/);
  });

  it.each([
    ['views', 'video_views'],
    ['engagement', 'engagement_rate'],
    ['six_second_views', 'six_seconds_vtr'],
  ] as const)('ranks by %s: the first video leads on that metric', async (sortBy, field) => {
    const reply = await call(`?country_code=JP&sort_by=${sortBy}`);
    expectVideos(reply);
    const values = videos(reply).map((v) => v[field]);
    expect(values[0]).toBe(Math.max(...values));
    expect(values[0]).toBeGreaterThan(values.at(-1)!);
  });

  it('reads the defaults as written out: the same cached answer', async () => {
    await expectSameEntry(call, '?country_code=ID', '?country_code=id&period=7&sort_by=views&organic_only=false');
  });

  it('narrows to one content tag', async () => {
    const reply = await call('?country_code=US&content_label_id=11015');
    expectVideos(reply);
    expect(videos(reply).length).toBeGreaterThan(0);
    for (const video of videos(reply)) expect(video.content_tags.map((tag) => tag.id)).toContain('11015');
  });

  it('serves organic_only and period 30 as answers of their own', async () => {
    const base = videos(await call('?country_code=TH'));
    const organic = await call('?country_code=TH&organic_only=true');
    const month = await call('?country_code=TH&period=30');
    expectVideos(organic);
    expectVideos(month);
    expect(organic.res.headers['x-cache']).toBe('MISS');
    expect(month.res.headers['x-cache']).toBe('MISS');
    expect(videos(month)).not.toEqual(base);
  });

  it('answers a country without top videos with an empty, charged list', async () => {
    const reply = await call('?country_code=GB');
    expectVideos(reply);
    expect(videos(reply)).toEqual([]);
  });

  it('caches for 1 hour: a HIT just before, a MISS at 1 h', async () => {
    await call('?country_code=VN');
    loggedIn.clock.advance(3600_000 - 1_000);
    expect((await call('?country_code=VN')).res.headers['x-cache']).toBe('HIT');
    loggedIn.clock.advance(1_000);
    expect((await call('?country_code=VN')).res.headers['x-cache']).toBe('MISS');
  });

  it('gives anonymous access the first 4 videos while the totals describe the whole ranking, and says so', async () => {
    const reply = await callAnonymously('?country_code=US');
    expectVideos(reply);
    expect(videos(reply)).toHaveLength(4);
    expect(reply.body.data.total_count).toBeGreaterThan(4);
    expect(reply.res.headers['x-upstream-access']).toBe('anonymous');
  });
});

describe('400', () => {
  it.each([
    ['a missing country_code', '', 'country_code'],
    ['country_code USA', '?country_code=USA', 'country_code'],
    ['period 120', '?country_code=US&period=120', 'period'],
    ['sort_by likes', '?country_code=US&sort_by=likes', 'sort_by'],
    ['a content_label_id with letters', '?country_code=US&content_label_id=tech', 'content_label_id'],
    ['organic_only yes', '?country_code=US&organic_only=yes', 'organic_only'],
  ])('rejects %s naming the param, before any upstream call', async (_, query, param) => {
    loggedIn.simulator.resetStats();
    expectInvalid(await call(query), [param]);
    expect(loggedIn.simulator.stats().calls).toBe(0);
  });

  it('lists every bad param at once', async () => {
    expectInvalid(await call('?period=14&sort_by=x'), ['country_code', 'period', 'sort_by']);
  });
});

describe('5xx from the upstream, charging nothing', () => {
  it.each([
    ['502 upstream_error on a 503 from TikTok One', { kind: 'http_error', status: 503, body: 'text' } as const, 502, { error: 'upstream_bad_response', detail: 'upstream_error' }],
    ['502 upstream_error on a dropped connection', { kind: 'drop' } as const, 502, { error: 'upstream_bad_response', detail: 'upstream_error' }],
    ['503 blocked on a 403 page', { kind: 'login_wall', variant: '403' } as const, 503, { error: 'upstream_unavailable', detail: 'blocked' }],
  ])('%s', async (_, fault, status, data) => {
    loggedIn.simulator.addFault({ fault, path: LIST });
    expectUpstreamFailure(await call('?country_code=JP&period=30&organic_only=true'), status, data);
  });
});
