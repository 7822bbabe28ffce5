import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findEndpoint, type AnyEndpoint } from '../../src/catalog/index.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { expectNothingCharged, expectOk, get, type Caller } from '../support/endpoint-contract.js';

/**
 * Source routing over the real app and a simulator in the 2026 world
 * (docs/upstreams.md § Source routing): the legacy trend lists say "deprecated", TikTok One serves,
 * and every answer says which adapter served it and with what access.
 */

const endpoint = (id: string): AnyEndpoint => {
  const found = findEndpoint(id);
  if (!found) throw new Error(id);
  return found;
};
const FLAGSHIP = '/api/v1/tiktok/popular-trend/hashtag';
const DETAIL = '/api/v1/tiktok/popular-trend/hashtag/detail';
const VIDEOS = '/api/v1/tiktok/popular-trend/video';

describe('2026, TikTok One logged in', () => {
  let t: TestApp;
  let caller: Caller;
  beforeAll(async () => {
    t = await startTestApp({ era: '2026', tiktokOne: 'logged-in' });
    caller = await t.newCaller();
  });
  afterAll(() => t.close());

  it('falls from the deprecated legacy chart to TikTok One and says so: 20 per page, total 100', async () => {
    const reply = await get(t, FLAGSHIP, '?country_code=US&limit=20', caller);
    expectOk(reply);
    expect(reply.res.headers['x-upstream-adapter']).toBe('tiktok-one');
    expect(reply.res.headers['x-upstream-access']).toBe('logged-in');
    expect(reply.res.headers['x-upstream-source']).toBe('simulator');
    expect(reply.res.headers['x-upstream-period']).toBeUndefined();
    expect(() => endpoint('tiktok-popular-trend-hashtag').responseSchema.parse(reply.body.data)).not.toThrow();
    const { list, pagination } = reply.body.data.data;
    expect(list).toHaveLength(20);
    expect(pagination).toEqual({ page: 1, size: 20, total: 100, has_more: true });
    expect(list.map((h: { rank: number }) => h.rank)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(reply.body.data).not.toHaveProperty('request_id');
  });

  it('leaves out what TikTok One does not give and maps the rest onto the contract', async () => {
    const { list } = (await get(t, FLAGSHIP, '?country_code=US&limit=5', caller)).body.data.data;
    for (const item of list) {
      expect(item).not.toHaveProperty('rank_diff');
      expect(item).not.toHaveProperty('rank_diff_type');
      expect(item).not.toHaveProperty('is_promoted');
      expect(item.hashtag_id).toMatch(/^[0-9]{19}$/);
      expect(typeof item.publish_cnt).toBe('number');
      expect(typeof item.video_views).toBe('number');
      expect(item.country_info).toEqual({ id: 'US', value: 'United States', label: 'US' });
      for (const point of item.trend) expect(point.value).toBeLessThanOrEqual(1);
    }
  });

  it('remembers the deprecated legacy chart: the next request does not call it again', async () => {
    const before = t.simulator.stats().byPath['popular_trend/hashtag/list'] ?? 0;
    const ones = t.simulator.stats().byPath['CreativeOne/KnowledgeAPI/GetHashtagList'] ?? 0;
    expectOk(await get(t, FLAGSHIP, '?country_code=GB&limit=3', caller));
    expect(t.simulator.stats().byPath['popular_trend/hashtag/list'] ?? 0).toBe(before);
    expect(t.simulator.stats().byPath['CreativeOne/KnowledgeAPI/GetHashtagList']).toBe(ones + 1);
  });

  it('repeats the adapter and access on a cached HIT', async () => {
    await get(t, FLAGSHIP, '?country_code=FR&limit=2', caller);
    const hit = await get(t, FLAGSHIP, '?country_code=FR&limit=2', caller);
    expect(hit.res.headers['x-cache']).toBe('HIT');
    expect(hit.res.headers['x-upstream-adapter']).toBe('tiktok-one');
    expect(hit.res.headers['x-upstream-access']).toBe('logged-in');
  });

  it('answers 503 not_available, uncharged, for a chart TikTok One cannot make (no country, new_on_board)', async () => {
    for (const query of ['', '?country_code=US&filter_by=new_on_board']) {
      const reply = await get(t, FLAGSHIP, query, caller);
      expect(reply.res.statusCode).toBe(503);
      expect(reply.body.data).toMatchObject({ error: 'upstream_unavailable', detail: 'not_available' });
      expect(reply.body.data.message).toMatch(/country_code|new_on_board/);
      expect(reply.res.headers['x-upstream-adapter']).toBe('tiktok-one');
      expect(reply.res.headers['retry-after'], 'a retry would get the same answer').toBeUndefined();
      expectNothingCharged(reply);
    }
  });

  it('serves hashtag detail by name through the chart of the same period and country', async () => {
    const name = (await get(t, FLAGSHIP, '?country_code=US&limit=1', caller)).body.data.data.list[0].hashtag_name;
    const reply = await get(t, DETAIL, `?hashtag_name=%23${name.toUpperCase()}&country_code=US`, caller);
    expectOk(reply);
    expect(reply.res.headers['x-upstream-adapter']).toBe('tiktok-one');
    expect(() => endpoint('tiktok-popular-trend-hashtag-detail').responseSchema.parse(reply.body.data)).not.toThrow();
    const { info } = reply.body.data.data;
    expect(info.hashtag_name).toBe(name);
    expect(info.audience_ages.length).toBeGreaterThan(0);
    expect(info.related_items[0].item_id).toMatch(/^[0-9]{19}$/);
    expect(info).not.toHaveProperty('longevity');
  });

  it('answers 404, uncharged, for a hashtag outside the chart', async () => {
    const reply = await get(t, DETAIL, '?hashtag_name=notachartname&country_code=US', caller);
    expect(reply.res.statusCode).toBe(404);
    expectNothingCharged(reply);
  });

  it('sends US videos to the US host and the others to the global one', async () => {
    const us = t.simulator.stats().byPath['us/CreativeOne/Report/CreativeCenterGetTopContentsList'] ?? 0;
    const global = t.simulator.stats().byPath['CreativeOne/Report/CreativeCenterGetTopContentsList'] ?? 0;
    const reply = await get(t, VIDEOS, '?country_code=US&limit=20', caller);
    expectOk(reply);
    expect(reply.res.headers['x-upstream-adapter']).toBe('tiktok-one');
    expect(() => endpoint('tiktok-popular-trend-video').responseSchema.parse(reply.body.data)).not.toThrow();
    expect(reply.body.data.data.videos).toHaveLength(20);
    expect(reply.body.data.data.videos[0].item_id).toMatch(/^[0-9]{19}$/);
    expect(reply.body.data.data.pagination).toMatchObject({ total_count: 100, has_more: true });
    expect(t.simulator.stats().byPath['us/CreativeOne/Report/CreativeCenterGetTopContentsList']).toBe(us + 1);
    expectOk(await get(t, VIDEOS, '?country_code=JP&limit=3', caller));
    expect(t.simulator.stats().byPath['CreativeOne/Report/CreativeCenterGetTopContentsList']).toBe(global + 1);
  });

  it('serves the creative-center operations in Crawlora\'s shapes', async () => {
    const hashtags = await get(t, '/api/v1/tiktok/creative-center/hashtags', '?country_code=US', caller);
    expectOk(hashtags);
    expect(() => endpoint('tiktok-creative-center-hashtags').responseSchema.parse(hashtags.body.data)).not.toThrow();
    expect(hashtags.body.data.hashtags).toHaveLength(100);
    expect(hashtags.body.data.total_count).toBe(100);
    const videos = await get(t, '/api/v1/tiktok/creative-center/videos', '?country_code=US&sort_by=engagement', caller);
    expectOk(videos);
    expect(() => endpoint('tiktok-creative-center-videos').responseSchema.parse(videos.body.data)).not.toThrow();
    expect(videos.body.data.videos).toHaveLength(20);
    expect(videos.res.headers['x-upstream-adapter']).toBe('tiktok-one');
  });

  it('answers a retired operation 503 upstream_retired, uncharged, naming what changed', async () => {
    const reply = await get(t, '/api/v1/tiktok/popular-trend/song', '', caller);
    expect(reply.res.statusCode).toBe(503);
    expect(reply.body.data).toMatchObject({ error: 'upstream_retired', since: '2026' });
    expect(reply.body.data.message).toMatch(/Songs tab/);
    expectNothingCharged(reply);
  });

  it('keeps Top Ads on the legacy API', async () => {
    const reply = await get(t, '/api/v1/tiktok/top-ads/list', '?limit=1', caller);
    expectOk(reply);
    expect(reply.res.headers['x-upstream-adapter']).toBe('creative-center');
    expect(reply.res.headers['x-upstream-access']).toBe('anonymous');
  });

  it('shows each operation\'s sources, the one serving, circuits and retirement on /api/v1/status, free', async () => {
    t.clock.advance(10_000);
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/status' });
    expect(res.statusCode).toBe(200);
    const { operations } = res.json().data;
    const flagship = operations.find((o: { operation_id: string }) => o.operation_id === 'tiktok-popular-trend-hashtag');
    expect(flagship.sources.map((s: { adapter: string }) => s.adapter)).toEqual(['creative-center', 'tiktok-one']);
    expect(flagship.sources[0].skipped_until).not.toBeNull();
    expect(flagship.sources[1]).toMatchObject({ access: 'logged-in', circuit: 'closed', skipped_until: null });
    expect(flagship.serving).toBe('tiktok-one');
    expect(flagship.retired).toBeNull();
    const song = operations.find((o: { operation_id: string }) => o.operation_id === 'tiktok-popular-trend-song');
    expect(song).toMatchObject({ serving: null, retired: { since: '2026' } });
    const topAds = operations.find((o: { operation_id: string }) => o.operation_id === 'tiktok-top-ads-list');
    expect(topAds.serving).toBe('creative-center');
  });
});

describe('2026, TikTok One anonymous', () => {
  let t: TestApp;
  let caller: Caller;
  beforeAll(async () => {
    t = await startTestApp({ era: '2026', tiktokOne: 'anonymous' });
    caller = await t.newCaller();
  });
  afterAll(() => t.close());

  it('serves the top 3 hashtags with total 3 and says the access is anonymous', async () => {
    const reply = await get(t, FLAGSHIP, '?country_code=US&limit=20', caller);
    expectOk(reply);
    expect(reply.res.headers['x-upstream-access']).toBe('anonymous');
    expect(reply.body.data.data.list).toHaveLength(3);
    expect(reply.body.data.data.pagination).toEqual({ page: 1, size: 20, total: 3, has_more: false });
  });

  it('serves the first 4 videos and says total_count 4', async () => {
    const reply = await get(t, VIDEOS, '?country_code=US&limit=20', caller);
    expectOk(reply);
    expect(reply.body.data.data.videos).toHaveLength(4);
    expect(reply.body.data.data.pagination).toEqual({ page: 1, limit: 20, total_count: 4, has_more: false });
  });

  it('answers hashtag detail 503 login_required, uncharged, when the legacy detail is gone too', async () => {
    const reply = await get(t, DETAIL, '?hashtag_name=prom&country_code=US', caller);
    expect(reply.res.statusCode).toBe(503);
    expect(reply.body.data).toEqual({ error: 'upstream_unavailable', detail: 'login_required' });
    expect(reply.res.headers['x-upstream-adapter']).toBe('tiktok-one');
    expect(reply.res.headers['retry-after']).toBeUndefined();
    expectNothingCharged(reply);
  });
});

describe('2026, TikTok One takes 90 days for the long period', () => {
  let t: TestApp;
  let caller: Caller;
  beforeAll(async () => {
    t = await startTestApp({ era: '2026', tiktokOne: 'logged-in', longPeriod: 90 });
    caller = await t.newCaller();
  });
  afterAll(() => t.close());

  it('asks 120, falls back to 90 on InvalidRequest and says so in X-Upstream-Period', async () => {
    const reply = await get(t, FLAGSHIP, '?country_code=US&period=120&limit=5', caller);
    expectOk(reply);
    expect(reply.res.headers['x-upstream-period']).toBe('90');
    // 90 days ending today, whose point (the day so far) is left out (docs/upstreams.md § TikTok One operations).
    const trend = reply.body.data.data.list[0].trend as Array<{ time: number }>;
    const today = Math.floor(t.clock.now() / 86_400_000) * 86_400;
    expect(trend).toHaveLength(89);
    expect(trend[0]!.time).toBe(today - 89 * 86_400);
    expect(trend.at(-1)!.time).toBe(today - 86_400);
    const hit = await get(t, FLAGSHIP, '?country_code=US&period=120&limit=5', caller);
    expect(hit.res.headers['x-cache']).toBe('HIT');
    expect(hit.res.headers['x-upstream-period']).toBe('90');
  });

  it('asks the period that worked first next time', async () => {
    const refused = t.simulator.stats().calls;
    expectOk(await get(t, FLAGSHIP, '?country_code=GB&period=120&limit=5', caller));
    // One GetHashtagList call at 90 days, no refused call at 120 first.
    expect(t.simulator.stats().calls - refused).toBe(1);
  });
});

describe('2026, every source failing', () => {
  let t: TestApp;
  let caller: Caller;
  beforeAll(async () => {
    t = await startTestApp({ era: '2026', tiktokOne: 'logged-in' });
    caller = await t.newCaller();
  });
  afterAll(() => t.close());

  it('answers with the last source\'s reason and charges nothing', async () => {
    t.simulator.addFault({ fault: { kind: 'invalid_login' }, path: 'CreativeOne/KnowledgeAPI/GetHashtagList' });
    const reply = await get(t, FLAGSHIP, '?country_code=US', caller);
    expect(reply.res.statusCode).toBe(503);
    expect(reply.body.data).toEqual({ error: 'upstream_unavailable', detail: 'login_required' });
    expectNothingCharged(reply);
    t.simulator.clearFaults();
  });

  it('says blocked when TikTok One answers 403', async () => {
    t.simulator.addFault({ fault: { kind: 'login_wall', variant: '403' }, path: 'CreativeOne/KnowledgeAPI/GetHashtagList' });
    const reply = await get(t, FLAGSHIP, '?country_code=DE', caller);
    expect(reply.res.statusCode).toBe(503);
    expect(reply.body.data).toEqual({ error: 'upstream_unavailable', detail: 'blocked' });
    expectNothingCharged(reply);
    t.simulator.clearFaults();
  });
});
