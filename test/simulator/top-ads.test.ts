import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { startSimulator, type SimulatorHandle } from '../../src/simulator/index.js';
import { call } from './helpers.js';

const clock = new ManualClock(Date.UTC(2026, 7, 5, 10, 0, 0));
const now = clock.now();
const SESSION = { cookie: 'sessionid=0123456789abcdef; csrftoken=x' };
let sim: SimulatorHandle;

beforeAll(async () => {
  sim = await startSimulator({ clock, era: '2024' });
});
afterAll(async () => {
  await sim.close();
});

const get = (path: string, extra?: Record<string, string>) => call(sim, path, { nowMs: now, ...(extra ? { extra } : {}) });

describe('top_ads/v2/list', () => {
  it('pages 400 ads by at most 20 with {page,size,total_count,has_more} and string ids', async () => {
    const r = await get('top_ads/v2/list?page=1&limit=50&period=30&order_by=for_you', SESSION);
    expect(r.json.data.materials).toHaveLength(20);
    expect(r.json.data.pagination).toEqual({ page: 1, size: 20, total_count: 400, has_more: true });
    const ad = r.json.data.materials[0];
    expect(ad.id).toMatch(/^[0-9]{19}$/);
    expect(ad.cost).toBeGreaterThanOrEqual(1);
    expect(ad.cost).toBeLessThanOrEqual(3);
    expect(ad.industry_key).toMatch(/^label_[0-9]{11}$/);
    expect(ad.video_info.video_url['720p']).toContain('x-expires=');
    const last = await get('top_ads/v2/list?page=20&limit=20', SESSION);
    expect(last.json.data.materials).toHaveLength(20);
    expect(last.json.data.pagination.has_more).toBe(false);
    expect((await get('top_ads/v2/list?page=21&limit=20', SESSION)).json.data.materials).toEqual([]);
  });

  it('serves only page 1 without a sessionid cookie', async () => {
    expect((await get('top_ads/v2/list?page=1&limit=20')).json.data.materials).toHaveLength(20);
    const page2 = await get('top_ads/v2/list?page=2&limit=20');
    expect(page2.json.code).toBe(0);
    expect(page2.json.data).toEqual({ materials: [], pagination: { page: 2, size: 20, total_count: 400, has_more: false } });
  });

  it('keeps ads inside the requested industry (children included), objective and country', async () => {
    const r = await get('top_ads/v2/list?limit=20&industry=14000000000&objective=3&country_code=US,GB', SESSION);
    for (const ad of r.json.data.materials) {
      expect(ad.industry_key).toMatch(/^label_14[0-9]{9}$/);
      expect(ad.objective_key).toBe('campaign_objective_conversion');
      const detail = await get(`top_ads/v2/detail?material_id=${ad.id}`);
      expect(['US', 'GB']).toContain(detail.json.data.country_code[0]);
    }
  });

  it.each(['like', 'ctr'] as const)('orders by the %s each item shows when asked', async (metric) => {
    const r = await get(`top_ads/v2/list?limit=20&order_by=${metric}`);
    const values = (r.json.data.materials as Array<Record<string, number>>).map((m) => m[metric]!);
    expect(values).toHaveLength(20);
    expect(values).toEqual([...values].sort((a, b) => b - a));
  });

  it('answers the same request with the same bytes', async () => {
    const q = 'top_ads/v2/list?limit=20&period=7&country_code=FR&order_by=ctr';
    expect((await get(q)).text).toBe((await get(q)).text);
  });
});

describe('ids from lists resolve', () => {
  it('in detail, keyframe, percentile and recommend', async () => {
    const list = await get('top_ads/v2/list?limit=5&period=7');
    for (const ad of list.json.data.materials) {
      const detail = await get(`top_ads/v2/detail?material_id=${ad.id}`);
      expect(detail.json.code).toBe(0);
      expect(detail.json.data).toMatchObject(ad);
      expect(detail.json.data.source).toMatch(/^(TikTok Ads Manager|Others)$/);
      expect(Array.isArray(detail.json.data.country_code)).toBe(true);

      const keyframe = await get(`top_ads/keyframe?material_id=${ad.id}&metric=retain_ctr`);
      expect(keyframe.json.data.duration).toBe(ad.video_info.duration);
      expect(keyframe.json.data.analysis[0]).toEqual({ second: 0, value: expect.any(Number) });

      const percentile = await get(`top_ads/percentile?material_id=${ad.id}&metric=ctr_percentile&period_type=7`);
      const value = percentile.json.data.ctr_percentile;
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(1);

      const recommend = await get(`top_ads/v2/recommend?material_id=${ad.id}&industry=&country_code=US`);
      expect(recommend.json.data.materials.length).toBeGreaterThan(0);
      const other = recommend.json.data.materials[0];
      expect(other.industry_key).toBe(ad.industry_key);
      expect((await get(`top_ads/v2/detail?material_id=${other.id}`)).json.code).toBe(0);
    }
  });

  it('from Spotlight in detail', async () => {
    const r = await get('education/top_ads/list?industry=27000000000&page=1&limit=50');
    expect(r.json.data.pagination).toEqual({ page: 1, size: 50, total_count: 30, has_more: false });
    expect((await get(`top_ads/v2/detail?material_id=${r.json.data.materials[0].id}`)).json.code).toBe(0);
    const all = await get('education/top_ads/list?limit=50');
    expect(all.json.data.pagination.total_count).toBe(180);
  });
});

describe('unknown material_id', () => {
  it.each(['top_ads/v2/detail', 'top_ads/keyframe', 'top_ads/percentile', 'top_ads/v2/recommend'])('%s answers code 40004', async (path) => {
    for (const id of ['7000000000000000000', '123', '']) {
      const r = await get(`${path}?material_id=${id}`);
      expect(r.status).toBe(200);
      expect(r.json.code).toBe(40004);
      expect(r.json.request_id).toMatch(/^[0-9]{14}[0-9A-F]{20}$/);
    }
  });
});

describe('top_ads/v2/filters', () => {
  it('serves industry, country, ad_language, objective and pattern_label lists', async () => {
    const r = await get('top_ads/v2/filters');
    const d = r.json.data;
    expect(d.industry).toContainEqual({ id: '25307000000', value: 'Shooting', label: 'label_25307000000', parent_id: '25000000000' });
    expect(d.industry.filter((i: any) => i.parent_id === null)).toHaveLength(21);
    expect(d.country).toContainEqual({ id: 'US', value: 'United States', label: 'US' });
    expect(d.ad_language).toContainEqual({ id: 'zh-Hant', value: 'Chinese (Traditional)' });
    expect(d.objective).toContainEqual({ id: 3, value: 'Conversions', label: 'campaign_objective_conversion', parent_id: null });
    expect(d.pattern_label.length).toBeGreaterThan(0);
  });
});

describe('top_ads/query_suggestion', () => {
  it('gives at most count popular terms for an empty query and matches for a typed one', async () => {
    const popular = await get('top_ads/query_suggestion?query=&count=5&scenario=1');
    expect(popular.json.data.query).toHaveLength(5);
    const typed = await get('top_ads/query_suggestion?query=coffee&count=50&scenario=2');
    for (const q of typed.json.data.query) expect(q).toContain('coffee');
  });
});
