import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { startSimulator, type SimulatorHandle } from '../../src/simulator/index.js';
import { call } from './helpers.js';

const clock = new ManualClock(Date.UTC(2026, 3, 21, 8, 0, 0));
const now = clock.now();
let sim: SimulatorHandle;

beforeAll(async () => {
  sim = await startSimulator({ clock, era: '2024' });
});
afterAll(async () => {
  await sim.close();
});

const get = (path: string, extra?: Record<string, string>) => call(sim, path, { nowMs: now, ...(extra ? { extra } : {}) });
/** Every raw `"item_id":<digits>` number of a body, read from the text, not via JSON.parse. */
const rawItemIds = (text: string): string[] => [...text.matchAll(/"item_id":([0-9]+)[,}]/g)].map((m) => m[1]!);

describe('popular_trend/hashtag/detail', () => {
  it('answers info for a hashtag that a chart holds, with ALL when no country is given', async () => {
    const chart = await get('popular_trend/hashtag/list?limit=1&country_code=US');
    const { hashtag_name, hashtag_id } = chart.json.data.list[0];
    const r = await get(`popular_trend/hashtag/detail?hashtag_name=${hashtag_name}&period=30&country_code=&language=en`);
    const info = r.json.data.info;
    expect(info.hashtag_id).toBe(hashtag_id);
    expect(info.country_info).toEqual({ id: 'ALL', value: 'ALL', label: 'ALL' });
    expect(info.trend).toHaveLength(30);
    expect(info.video_url).toBe(`https://www.tiktok.com/tag/${hashtag_name}`);
    expect(info).toHaveProperty('longevity.popular_days');
    expect(info.audience_countries[0].country_info.id).toMatch(/^[0-9]+$/);
    expect(info.related_hashtags.length).toBeGreaterThan(0);
  });

  it.each([365, 1095])('serves period %i', async (period) => {
    const r = await get(`popular_trend/hashtag/detail?hashtag_name=fyp&period=${period}`);
    expect(r.json.data.info.trend.length).toBeGreaterThan(30);
  });

  it('writes related_items[].item_id as raw 19-digit numbers above 2^53', async () => {
    const r = await get('popular_trend/hashtag/detail?hashtag_name=skincare');
    const ids = rawItemIds(r.text);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) {
      expect(id).toMatch(/^[0-9]{19}$/);
      expect(BigInt(id) > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
    }
  });

  it('answers an empty info for a name no chart holds', async () => {
    const r = await get('popular_trend/hashtag/detail?hashtag_name=zzqxnotatag');
    expect(r.json.code).toBe(0);
    expect(r.json.data).toEqual({ info: {} });
  });
});

describe('popular_trend/sound/rank_list and detail', () => {
  it('pages a chart of 98–100 songs by at most 20, key sound_list', async () => {
    const first = await get('popular_trend/sound/rank_list?page=1&limit=50&period=7&country_code=US&rank_type=popular');
    expect(first.json.data.sound_list).toHaveLength(20);
    const { total } = first.json.data.pagination;
    expect(total).toBeGreaterThanOrEqual(98);
    expect(total).toBeLessThanOrEqual(100);
    const last = await get('popular_trend/sound/rank_list?page=5&limit=20&country_code=US');
    expect(last.json.data.pagination.has_more).toBe(false);
    expect(last.json.data.sound_list.length).toBe(total - 80);
    expect((await get('popular_trend/sound/rank_list?page=6&limit=20&country_code=US')).json.data.sound_list).toEqual([]);
  });

  it('filters commercial music and newcomers', async () => {
    const cml = await get('popular_trend/sound/rank_list?limit=20&commercial_music=true');
    for (const s of cml.json.data.sound_list) expect(s.if_cml).toBe(true);
    const fresh = await get('popular_trend/sound/rank_list?limit=20&new_on_board=true');
    for (const s of fresh.json.data.sound_list) expect(s.rank_diff_type).toBe(4);
  });

  it('resolves a listed clip in detail, liked null when anonymous and false with a session', async () => {
    const list = await get('popular_trend/sound/rank_list?limit=1');
    const song = list.json.data.sound_list[0];
    expect(rawItemIds(list.text).every((id) => id.length === 19)).toBe(true);
    const anon = await get(`popular_trend/sound/detail?clip_id=${song.clip_id}&period=7`);
    expect(anon.json.data.sound).toMatchObject({ clip_id: song.clip_id, title: song.title, rank: null });
    expect(anon.json.data.liked).toBeNull();
    const loggedIn = await get(`popular_trend/sound/detail?clip_id=${song.clip_id}`, { cookie: 'sessionid=abc' });
    expect(loggedIn.json.data.liked).toBe(false);
  });

  it('answers an empty sound for an unknown clip', async () => {
    const r = await get('popular_trend/sound/detail?clip_id=1234');
    expect(r.json.code).toBe(0);
    expect(r.json.data).toEqual({ sound: {} });
  });
});

describe('popular_trend/creator/list', () => {
  it('pages 459 creators by at most 50 with string ids', async () => {
    const r = await get('popular_trend/creator/list?page=1&limit=100&sort_by=follower&creator_country=US&audience_count=2');
    expect(r.json.data.creators).toHaveLength(50);
    expect(r.json.data.pagination).toEqual({ page: 1, size: 50, total: 459, has_more: true });
    const c = r.json.data.creators[0];
    expect(typeof c.tcm_id).toBe('string');
    expect(c.items).toHaveLength(3);
    expect(typeof c.items[0].item_id).toBe('string');
    const followers = r.json.data.creators.map((x: any) => x.follower_cnt);
    expect(followers).toEqual([...followers].sort((a, b) => b - a));
    const last = await get('popular_trend/creator/list?page=10&limit=50');
    expect(last.json.data.creators).toHaveLength(9);
    expect(last.json.data.pagination.has_more).toBe(false);
  });

  it('answers an empty list for a country creators are not ranked in', async () => {
    expect((await get('popular_trend/creator/list?creator_country=AR')).json.data.pagination.total).toBe(0);
  });
});

describe('popular_trend/list (videos)', () => {
  it('pages 500 videos by at most 20 with {page,limit,total_count,has_more}', async () => {
    const r = await get('popular_trend/list?page=1&limit=50&period=7&order_by=vv&country_code=US');
    expect(r.json.data.videos).toHaveLength(20);
    expect(r.json.data.pagination).toEqual({ page: 1, limit: 20, total_count: 500, has_more: true });
    expect(r.json.data.videos[0]).toMatchObject({ country_code: 'US', region: 'United States' });
    expect(typeof r.json.data.videos[0].item_id).toBe('string');
    const last = await get('popular_trend/list?page=25&limit=20');
    expect(last.json.data.pagination.has_more).toBe(false);
  });
});

describe('popular_trend/hashtag/filters', () => {
  it('serves the 71 countries and 18 industries', async () => {
    const r = await get('popular_trend/hashtag/filters');
    expect(r.json.data.country).toHaveLength(71);
    expect(r.json.data.country).toContainEqual({ id: 'US', value: 'United States', label: 'US' });
    expect(r.json.data.industry).toHaveLength(18);
    expect(r.json.data.industry).toContainEqual({ id: '22000000000', value: 'Apparel & Accessories', label: 'label_22000000000' });
  });
});

describe('every JSON answer', () => {
  it.each([
    'popular_trend/hashtag/list',
    'popular_trend/hashtag/detail?hashtag_name=fyp',
    'popular_trend/sound/rank_list',
    'popular_trend/creator/list',
    'popular_trend/list',
    'popular_trend/hashtag/filters',
    'script/keyword/list',
  ])('%s carries a request_id of the clock time + 20 upper-case hex and is byte-stable', async (path) => {
    const a = await get(path);
    expect(a.json.request_id).toMatch(/^20260421080000[0-9A-F]{20}$/);
    expect((await get(path)).text).toBe(a.text);
  });
});

describe('script/keyword/list', () => {
  it('pages 500 keywords by at most 50, ordered by the requested metric', async () => {
    const r = await get('script/keyword/list?page=1&limit=60&period=7&order_by=ctr&order_type=desc');
    expect(r.json.data.keyword_list).toHaveLength(50);
    expect(r.json.data.pagination).toEqual({ page: 1, size: 50, total: 500, has_more: true });
    const ctr = r.json.data.keyword_list.map((k: any) => k.ctr);
    expect(ctr).toEqual([...ctr].sort((a, b) => b - a));
    expect(r.json.data.keyword_list[0].video_list).toHaveLength(5);
    expect((await get('script/keyword/list?page=11&limit=50')).json.data.keyword_list).toEqual([]);
  });

  it('narrows by keyword search', async () => {
    const r = await get('script/keyword/list?keyword=coffee&limit=50');
    expect(r.json.data.pagination.total).toBe(25);
    for (const k of r.json.data.keyword_list) expect(k.keyword).toContain('coffee');
  });
});
